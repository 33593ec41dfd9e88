import fc from 'fast-check';
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import { clusteredGraph } from '../../bench/network';
import {
  adjacency, betweenness, betweennessSteps, communities, edgeStrength, networkMetrics, pairStrength, tieStrength,
} from '../../src/core/metrics';
import { buildGraph, type PeopleGraph } from '../../src/core/network';
import type { NoteRecord } from '../../src/core/types';
import { PeopleIndex } from '../../src/index/people-index';
import { day, person, personRecord, settings } from '../builders';

const T = day('2026-11-24');
const P = (n: string) => `People/${n}.md`;

function graphOf(...records: NoteRecord[]): PeopleGraph {
  const index = new PeopleIndex(settings);
  index.rebuild(records);
  return buildGraph(index.people(), (t, from) => index.resolvePerson(t, from));
}

/** People named by the keys, each knowing the people listed. */
function knowsGraph(knows: Record<string, string[]>): PeopleGraph {
  return graphOf(...Object.entries(knows).map(([name, ks]) => personRecord(name, { knows: ks.map((k) => `[[${k}]]`) })));
}

function byName(scores: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...scores].map(([path, x]) => [path.slice(7, -3), x]));
}

const twoTriangles = () =>
  knowsGraph({ A1: ['A2', 'A3', 'B1'], A2: ['A3'], A3: [], B1: ['B2', 'B3'], B2: ['B3'], B3: [] });

function top10(scores: Map<string, number>): string[] {
  return [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10).map(([k]) => k);
}

describe('betweenness on small graphs, by hand', () => {
  it('a path a–b–c: b is the broker', () => {
    expect(byName(betweenness(knowsGraph({ A: ['B'], B: ['C'], C: [] })))).toEqual({ A: 0, B: 1, C: 0 });
  });

  it('two triangles joined by a bridge: the two ends of the bridge', () => {
    expect(byName(betweenness(twoTriangles()))).toEqual({ A1: 1, A2: 0, A3: 0, B1: 1, B2: 0, B3: 0 });
  });

  it('a star: the centre is 1, the others 0', () => {
    expect(byName(betweenness(knowsGraph({ Hub: ['L1', 'L2', 'L3', 'L4'], L1: [], L2: [], L3: [], L4: [] })))).toEqual({
      Hub: 1, L1: 0, L2: 0, L3: 0, L4: 0,
    });
  });

  it('a cycle: everyone the same', () => {
    expect(byName(betweenness(knowsGraph({ A: ['B'], B: ['C'], C: ['D'], D: ['E'], E: ['A'] })))).toEqual({ A: 1, B: 1, C: 1, D: 1, E: 1 });
  });

  it('reads introduced_by both ways and counts parallel edges once', () => {
    // C was introduced by B, B by A: still the path A–B–C.
    const chain = graphOf(personRecord('A'), personRecord('B', { introduced_by: '[[A]]' }), personRecord('C', { introduced_by: '[[B]]' }));
    expect(byName(betweenness(chain))).toEqual({ A: 0, B: 1, C: 0 });
    // A square A–B–C–D–A where A and B are joined twice (knows and introduced_by): still a plain square.
    const square = graphOf(
      personRecord('A', { knows: ['[[B]]'], introduced_by: '[[B]]' }),
      personRecord('B', { knows: ['[[C]]'] }),
      personRecord('C', { knows: ['[[D]]'] }),
      personRecord('D', { knows: ['[[A]]'] }),
    );
    expect(square.size).toBe(5);
    expect(byName(betweenness(square))).toEqual({ A: 1, B: 1, C: 1, D: 1 });
    expect(networkMetrics(square, T).get(P('A'))!.degree).toBe(2);
  });

  it('does not crash on self links, links to no note, an empty graph or a single person', () => {
    const g = knowsGraph({ A: ['A', 'Ghost', 'B'], B: ['B'] });
    expect(byName(betweenness(g))).toEqual({ A: 0, B: 0 });
    expect(betweenness(graphOf()).size).toBe(0);
    expect(communities(graphOf()).size).toBe(0);
    expect(networkMetrics(graphOf(), T).size).toBe(0);
    expect([...networkMetrics(graphOf(personRecord('Solo')), T)]).toEqual([[P('Solo'), { community: 0, broker: 0, degree: 0, strength: 0 }]]);
  });
});

describe('betweenness against graphology-metrics', () => {
  it('is exact up to exactUpTo: equal to the reference within 1e-9 after normalising', () => {
    const g = clusteredGraph(300, 1200, 3);
    // Extra introduced_by edges, some parallel to a knows edge, to check the undirected, simple view.
    const keys = g.nodes();
    for (let i = 0; i < 60; i++) g.addDirectedEdge(keys[(i * 37) % 300]!, keys[(i * 91 + 5) % 300]!, { kind: 'introduced_by' });
    g.forEachUndirectedEdge((_e, _a, s, t) => {
      if (s < t && s.length === t.length) g.addDirectedEdge(t, s, { kind: 'introduced_by' });
    });

    const reference = new Graph({ type: 'undirected' });
    g.forEachNode((n) => reference.addNode(n));
    g.forEachEdge((_e, _a, s, t) => reference.mergeEdge(s, t));
    const raw = betweennessCentrality(reference, { normalized: false });
    const max = Math.max(...Object.values(raw));
    const ours = betweenness(g);
    expect(ours.size).toBe(300);
    for (const [k, x] of ours) expect(Math.abs(x - raw[k]! / max)).toBeLessThan(1e-9);
  });

  it('samples above exactUpTo, deterministically, and keeps at least 8 of the exact top 10 at 3k people', () => {
    const g = clusteredGraph(3000, 15000, 11);
    const exact = betweenness(g, { exactUpTo: Infinity });
    const sampled = betweenness(g);
    expect([...betweenness(g)]).toEqual([...sampled]);
    expect([...sampled].some(([k, x]) => x !== exact.get(k))).toBe(true);
    const want = new Set(top10(exact));
    expect(top10(sampled).filter((k) => want.has(k)).length).toBeGreaterThanOrEqual(8);
  });

  it('runs in steps that report progress and end with the same answer', () => {
    const g = clusteredGraph(200, 600, 5);
    const steps = betweennessSteps(g, { sourcesPerStep: 30 });
    const progress: number[] = [];
    let r = steps.next();
    for (; !r.done; r = steps.next()) progress.push(r.value);
    expect(progress).toHaveLength(6);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.every((p) => p > 0 && p < 1)).toBe(true);
    expect([...r.value]).toEqual([...betweenness(g)]);
  });
});

describe('communities', () => {
  const groups = () =>
    knowsGraph({
      A1: ['A2', 'A3', 'B1'], A2: ['A3'], A3: [], B1: ['B2', 'B3'], B2: ['B3'], B3: [],
      C1: ['C2', 'C3', 'C4'], C2: ['C3', 'C4'], C3: ['C4'], C4: [], Loner: [], Hermit: [],
    });

  it('splits two triangles at the bridge, numbers by size, and leaves each person without ties alone', () => {
    const c = byName(communities(groups()));
    expect([c.C1, c.C2, c.C3, c.C4]).toEqual([0, 0, 0, 0]);
    expect([c.A1, c.A2, c.A3]).toEqual([1, 1, 1]);
    expect([c.B1, c.B2, c.B3]).toEqual([2, 2, 2]);
    expect([c.Loner, c.Hermit].sort()).toEqual([3, 4]);
  });

  it('gives the same answer for the same graph, numbered by size', () => {
    const c = communities(clusteredGraph(1500, 6000, 2));
    expect([...communities(clusteredGraph(1500, 6000, 2))]).toEqual([...c]);
    const sizes: number[] = [];
    for (const id of c.values()) sizes[id] = (sizes[id] ?? 0) + 1;
    expect(sizes.length).toBeGreaterThan(5);
    expect(sizes.every((n, i) => n > 0 && (i === 0 || n <= sizes[i - 1]!))).toBe(true);
  });
});

describe('tie strength', () => {
  const once = (d: string) => person('X', { last_contact: d });

  it('is 0 without contact and mixes recency (half-life 180 days) with frequency (d / (d + 6) over two years)', () => {
    expect(tieStrength(person('X'), T)).toBe(0);
    expect(tieStrength(once('2026-11-24'), T)).toBeCloseTo(0.6 + 0.4 / 7, 12);
    expect(tieStrength(once('2026-05-28'), T)).toBeCloseTo(0.6 * 0.5 + 0.4 / 7, 12);
    // Older than two years: recency only, nearly nothing.
    expect(tieStrength(once('2024-01-01'), T)).toBeCloseTo(0.6 * 0.5 ** ((T - day('2024-01-01')) / 180), 12);
    // Monthly for two years, 2024-12-01 … 2026-11-01: 24 days, the last 23 days ago.
    const months = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor((i + 11) / 12)}-${String(((i + 11) % 12) + 1).padStart(2, '0')}-01 call`);
    expect(months[0]).toBe('2024-12-01 call');
    expect(months[23]).toBe('2026-11-01 call');
    expect(tieStrength(person('X', {}, { log: months }), T)).toBeCloseTo(0.6 * 0.5 ** (23 / 180) + 0.4 * 0.8, 12);
  });

  it('ignores contacts after today, and counts a day once', () => {
    const p = person('X', { last_contact: '2026-11-24' }, { log: ['2026-11-24 call', '2026-12-01 plan'] });
    expect(tieStrength(p, T)).toBeCloseTo(0.6 + 0.4 / 7, 12);
  });

  it('gives an edge the geometric mean of its ends', () => {
    const a = once('2026-11-24'), b = once('2025-11-24'), never = person('Y');
    expect(edgeStrength(a, b, T)).toBeCloseTo(Math.sqrt(tieStrength(a, T) * tieStrength(b, T)), 12);
    expect(edgeStrength(a, b, T)).toBe(edgeStrength(b, a, T));
    expect(edgeStrength(a, never, T)).toBe(0);
    expect(pairStrength(1, 1)).toBe(1);
  });
});

describe('networkMetrics', () => {
  it('gives every person a community, a broker score, a degree and a strength', () => {
    const g = graphOf(
      personRecord('A', { knows: ['[[B]]', '[[C]]'], last_contact: '2026-11-24' }),
      personRecord('B', { knows: ['[[C]]'] }),
      personRecord('C', { knows: ['[[D]]'] }),
      personRecord('D'),
    );
    const m = networkMetrics(g, T);
    expect(m.get(P('C'))).toEqual({ community: m.get(P('C'))!.community, broker: 1, degree: 3, strength: 0 });
    expect(m.get(P('A'))!.strength).toBeCloseTo(0.6 + 0.4 / 7, 12);
    expect(m.get(P('D'))!.degree).toBe(1);
  });
});

describe('metrics on random small graphs', () => {
  it('never throw, and keep brokers in 0..1 and communities numbered from 0', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const note = fc.record({
      knows: fc.array(fc.constantFrom(...names, 'Ghost'), { maxLength: 5 }),
      introducedBy: fc.option(fc.constantFrom(...names, 'Ghost')),
      contact: fc.option(fc.integer({ min: -900, max: 30 })),
    });
    fc.assert(
      fc.property(fc.array(note, { maxLength: names.length }), fc.integer({ min: 0, max: 8 }), (notes, exactUpTo) => {
        const g = graphOf(
          ...notes.map((n, i) =>
            personRecord(names[i]!, {
              knows: n.knows.map((k) => `[[${k}]]`),
              ...(n.introducedBy === null ? {} : { introduced_by: `[[${n.introducedBy}]]` }),
              ...(n.contact === null ? {} : { last_contact: new Date((T + n.contact) * 86_400_000).toISOString().slice(0, 10) }),
            }),
          ),
        );
        const m = networkMetrics(g, T, { betweenness: { exactUpTo, pivots: 3 } });
        expect(m.size).toBe(g.order);
        const ids = new Set<number>();
        for (const x of m.values()) {
          expect(x.broker).toBeGreaterThanOrEqual(0);
          expect(x.broker).toBeLessThanOrEqual(1);
          expect(x.strength).toBeGreaterThanOrEqual(0);
          expect(x.strength).toBeLessThanOrEqual(1);
          ids.add(x.community);
        }
        expect([...ids].sort((a, b) => a - b)).toEqual([...ids].map((_, i) => i));
        const adj = adjacency(g);
        expect(adj.neighbours.length % 2).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
