/** Where the groups overview draws its bubbles and an open group's people (src/views/graph/overview.ts). */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random';
import { fitInDisc, groupRadius, packGroups, packGroupsSteps, UNIT } from '../../src/views/graph/overview';

describe('the groups overview', () => {
  it('packs group discs without overlap, tied groups nearer each other than the rest', () => {
    const rand = seededRandom(3);
    const sizes = new Map(Array.from({ length: 120 }, (_, g) => [g, 2 + Math.floor(rand() * rand() * 300)]));
    const ties = new Map<string, number>();
    // Groups 0–59 tied in pairs (2k, 2k + 1), strongly; a few weak ties at random.
    for (let g = 0; g < 60; g += 2) ties.set(`${g} ${g + 1}`, 40);
    for (let k = 0; k < 40; k++) {
      const a = Math.floor(rand() * 120), b = Math.floor(rand() * 120);
      if (a !== b) ties.set(`${Math.min(a, b)} ${Math.max(a, b)}`, 1);
    }
    const at = packGroups(sizes, ties);
    expect(at.size).toBe(120);
    const distance = (a: number, b: number) => Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y);
    let worst = 0;
    for (let a = 0; a < 120; a++)
      for (let b = a + 1; b < 120; b++) worst = Math.max(worst, groupRadius(sizes.get(a)!) + groupRadius(sizes.get(b)!) - distance(a, b));
    expect(worst).toBeLessThan(UNIT);
    const gap = (a: number, b: number) => distance(a, b) - groupRadius(sizes.get(a)!) - groupRadius(sizes.get(b)!);
    let tied = 0, untied = 0;
    for (let g = 0; g < 60; g += 2) tied += gap(g, g + 1) / 30;
    for (let g = 0; g < 60; g += 2) untied += gap(g, (g + 31) % 120) / 30;
    expect(tied).toBeLessThan(untied / 2);
    // The same input gives the same picture, in steps too (one pass each: the session runs them in time slices).
    expect([...packGroups(sizes, ties)]).toEqual([...at]);
    const steps = packGroupsSteps(sizes, ties);
    let r = steps.next(), yields = 0;
    for (; !r.done; r = steps.next()) yields++;
    expect(yields).toBeGreaterThan(4);
    expect([...r.value]).toEqual([...at]);
  });

  it('fits an open group’s layout into its disc, the far-flung drawn in to its edge', () => {
    const xy = new Float32Array([0, 0, 10, 0, 0, 10, -10, 0, 0, -10, 1000, 1000]);
    const out = fitInDisc(xy, 6);
    const radius = groupRadius(6) - UNIT;
    const far = Array.from({ length: 6 }, (_, i) => Math.hypot(out[2 * i]!, out[2 * i + 1]!));
    expect(Math.max(...far)).toBeLessThanOrEqual(radius + 1e-3);
    // The outlier does not squeeze the others into the middle: they spread over most of the disc.
    expect(far[1]!).toBeGreaterThan(radius / 2);
  });
});
