import fc from 'fast-check';
import Graph from 'graphology';
import louvainGraphology from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { adjacencyOf, type Adjacency } from '../../src/core/adjacency';
import { louvain, modularity } from '../../src/core/louvain';
import { adjacency } from '../../src/core/metrics';
import { seededRandom } from '../../src/core/random';
import { clusteredGraph } from '../../bench/network';

const adj = (n: number, ties: [number, number][]): Adjacency => adjacencyOf(Array.from({ length: n }, (_, i) => String(i)), ties.flat());

/** graphology's Louvain on the same adjacency: the library this implementation stands in for. */
function reference(a: Adjacency): number[] {
  const g = new Graph({ type: 'undirected' });
  for (let i = 0; i < a.keys.length; i++) g.addNode(i);
  for (let i = 0; i < a.keys.length; i++)
    for (let k = a.offsets[i]!; k < a.offsets[i + 1]!; k++) if (a.neighbours[k]! > i) g.addEdge(i, a.neighbours[k]!);
  const raw = louvainGraphology(g, { getEdgeWeight: null, rng: seededRandom(1) });
  return a.keys.map((_k, i) => raw[i]!);
}

describe('louvain on the adjacency', () => {
  it('splits two cliques joined by one tie, and leaves people without ties alone', () => {
    const ties: [number, number][] = [];
    for (const base of [0, 5]) for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) ties.push([base + i, base + j]);
    ties.push([4, 5]);
    const c = louvain(adj(12, ties));
    expect(new Set([0, 1, 2, 3, 4].map((i) => c[i])).size).toBe(1);
    expect(new Set([5, 6, 7, 8, 9].map((i) => c[i])).size).toBe(1);
    expect(c[0]).not.toBe(c[5]);
    expect(new Set([c[10], c[11], c[0], c[5]]).size).toBe(4);
  });

  it('handles no people, and people without any tie', () => {
    expect([...louvain(adj(0, []))]).toEqual([]);
    expect([...louvain(adj(3, []))]).toEqual([0, 1, 2]);
  });

  it('finds communities as good as graphology’s Louvain on clustered networks, the same for the same seed', () => {
    for (const [n, m, seed] of [[1500, 6000, 2], [2000, 10000, 7], [3000, 6000, 3]] as const) {
      const a = adjacency(clusteredGraph(n, m, seed));
      const ours = louvain(a);
      expect([...louvain(a)]).toEqual([...ours]);
      expect(modularity(a, ours)).toBeGreaterThan(modularity(a, reference(a)) - 0.005);
    }
  });

  it('gives a valid partition of any graph, at least as modular as graphology’s give or take a little', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 200 }))),
        ([n, pairs]) => {
          const a = adj(n, pairs.filter(([x, y]) => x !== y));
          const c = louvain(a);
          const ids = new Set(c);
          expect([...ids].sort((x, y) => x - y)).toEqual([...Array(ids.size).keys()]);
          // Everyone in a community with a neighbour, or alone.
          for (let i = 0; i < n; i++) {
            const alone = [...c].filter((x) => x === c[i]).length === 1;
            let withNeighbour = false;
            for (let k = a.offsets[i]!; k < a.offsets[i + 1]!; k++) if (c[a.neighbours[k]!] === c[i]) withNeighbour = true;
            expect(alone || withNeighbour).toBe(true);
          }
          expect(modularity(a, c)).toBeGreaterThan(modularity(a, reference(a)) - 0.05);
        },
      ),
      { numRuns: 150 },
    );
  });
});
