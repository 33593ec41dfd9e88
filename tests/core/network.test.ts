import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byName } from '../../src/core/attention';
import { contactCount, effectiveLastContact } from '../../src/core/contacts';
import { adjacency } from '../../src/core/metrics';
import { buildGraph, buildNetwork, introPaths, isInTouch, type PeopleGraph } from '../../src/core/network';
import type { NoteRecord } from '../../src/core/types';
import { PeopleIndex } from '../../src/index/people-index';
import { day, personRecord, settings } from '../builders';
import { graphVault as vault } from '../fixtures/graph-vault';

const T = day('2026-11-24');
const recent = '2026-11-01';
const old = '2024-01-01';

function graphOf(...records: NoteRecord[]) {
  const index = new PeopleIndex(settings);
  index.rebuild(records);
  return buildGraph(index.people(), (t, from) => index.resolvePerson(t, from));
}

const P = (n: string) => `People/${n}.md`;

function networkOf(...records: NoteRecord[]) {
  const index = new PeopleIndex(settings);
  index.rebuild(records);
  return buildNetwork(index.people(), (t, from) => index.resolvePerson(t, from));
}

describe('the network (the one tie rule)', () => {
  it('counts links to missing notes and to the note itself, and keys the structure', () => {
    const network = networkOf(...vault());
    expect(network.missing).toBe(1);
    expect(network.selfLinks).toBe(1);
    expect(network.key).toBe(networkOf(...vault()).key);
    const changed = vault();
    changed[9] = personRecord('Solo', { knows: ['[[A]]'] });
    expect(networkOf(...changed).key).not.toBe(network.key);
    // A change that alters no tie keeps the key: metrics and layout are not redone.
    const recolored = vault();
    recolored[0] = personRecord('A', { knows: ['[[B]]', '[[C]]'], organisation: 'Other', last_contact: '2026-11-20' });
    expect(networkOf(...recolored).key).toBe(network.key);
  });

  it('gives the same ties as arrays (what the graph view reads) and as a graph (intro paths, the command line)', () => {
    const records = [
      ...vault(),
      // Both name each other, one twice, and one also introduced the other: a knows pair is one tie.
      personRecord('Mia', { knows: ['[[Noor]]', '[[Noor]]'], introduced_by: '[[Noor]]' }),
      personRecord('Noor', { knows: ['[[Mia]]'], introduced_by: '[[Ghost]]' }),
    ];
    const network = networkOf(...records);
    const graph = network.graph();
    const edges = graph.mapEdges((_e, a, s, t, _sa, _ta, undirected) => `${a.kind} ${undirected ? [s, t].sort().join(' ') : `${s} > ${t}`}`).sort();
    const { ends, introduced } = network.ties;
    const tieEdges = Array.from(introduced, (k, i) => {
      const [s, t] = [network.people[ends[2 * i]!]!.path, network.people[ends[2 * i + 1]!]!.path];
      return k ? `introduced_by ${s} > ${t}` : `knows ${[s, t].sort().join(' ')}`;
    }).sort();
    expect(graph.nodes()).toEqual(network.adjacency.keys);
    expect(edges).toEqual(tieEdges);
    expect(edges).toContain(`introduced_by ${P('Mia')} > ${P('Noor')}`);
    expect(edges.filter((e) => e.includes(P('Mia')) && e.startsWith('knows'))).toHaveLength(1);
    expect(network.graph()).toBe(graph);
    expect(network.adjacency).toEqual(adjacency(graph));
    expect(network.missing).toBe(2);
  });
});

describe('buildGraph', () => {
  it('makes one undirected knows edge per pair and a directed introduced_by edge', () => {
    const g = graphOf(
      personRecord('A', { knows: ['[[B]]', '[[A]]', '[[Ghost]]'] }),
      personRecord('B', { knows: ['[[A]]'], introduced_by: '[[C]]' }),
      personRecord('C', {}),
    );
    const edges: string[] = [];
    g.forEachEdge((_e, a, s, t) => edges.push(`${a.kind}:${s}>${t}`));
    expect(edges).toEqual([`knows:${P('A')}>${P('B')}`, `introduced_by:${P('B')}>${P('C')}`]);
    expect(g.order).toBe(3);
  });

  it('handles an empty vault and a vault of one person', () => {
    expect(graphOf().order).toBe(0);
    expect(graphOf(personRecord('Solo', { knows: ['[[Solo]]'] })).size).toBe(0);
  });
});

describe('in touch', () => {
  it('means not archived and contacted within the cadence or the last 180 days', () => {
    const g = graphOf(
      personRecord('Recent', { last_contact: '2026-06-01' }), // 176 days
      personRecord('Stale', { last_contact: '2026-05-01' }),
      personRecord('Yearly', { last_contact: '2026-01-01', cadence: 'yearly' }),
      personRecord('Archived', { last_contact: recent, archived: true }),
      personRecord('Never', { circle: 5 }),
    );
    const touch = (n: string) => isInTouch(g.getNodeAttributes(P(n)).person, T, settings);
    expect(['Recent', 'Stale', 'Yearly', 'Archived', 'Never'].map(touch)).toEqual([true, false, true, false, false]);
  });
});

describe('introPaths', () => {
  it('starts at people you are in touch with, passes through no one else you are in touch with, shortest first', () => {
    // Me - A(in touch) - X(not) - Target; Me - B(in touch) - Target; C(in touch) - A
    const g = graphOf(
      personRecord('A', { last_contact: recent, knows: ['[[X]]'] }),
      personRecord('B', { last_contact: recent, knows: ['[[Target]]'] }),
      personRecord('C', { last_contact: recent, knows: ['[[A]]'] }),
      personRecord('X', { last_contact: old, knows: ['[[Target]]'] }),
      personRecord('Target', { last_contact: old }),
    );
    expect(introPaths(g, P('Target'), T, settings).paths).toEqual([
      [P('B'), P('Target')],
      [P('A'), P('X'), P('Target')],
    ]);
  });

  it('follows edges in either direction, introduced_by too', () => {
    const g = graphOf(
      personRecord('A', { last_contact: recent }),
      personRecord('X', { knows: ['[[A]]'] }),
      personRecord('Target', { introduced_by: '[[X]]' }),
    );
    expect(introPaths(g, P('Target'), T, settings).paths).toEqual([[P('A'), P('X'), P('Target')]]);
  });

  it('among equally short paths puts the inner circle first, then the most recent contact', () => {
    const g = graphOf(
      personRecord('Far', { last_contact: '2026-11-23', circle: 150, knows: ['[[Target]]'] }),
      personRecord('Near', { last_contact: '2026-11-01', circle: 5, knows: ['[[Target]]'] }),
      personRecord('Fresh', { last_contact: '2026-11-20', knows: ['[[Target]]'] }),
      personRecord('Older', { last_contact: '2026-10-20', knows: ['[[Target]]'] }),
      personRecord('Target', {}),
    );
    expect(introPaths(g, P('Target'), T, settings).paths.map((p) => p[0])).toEqual([P('Near'), P('Far'), P('Fresh'), P('Older')]);
    const two = introPaths(g, P('Target'), T, settings, 2);
    expect(two.paths.map((p) => p[0])).toEqual([P('Near'), P('Far')]);
    expect(two.total).toBe(4);
  });

  it('prefers the stronger, more recent tie as the next step', () => {
    const g = graphOf(
      personRecord('A', { last_contact: recent, knows: ['[[M1]]', '[[M2]]'] }),
      personRecord('M1', { last_contact: '2025-01-01', knows: ['[[Target]]'] }),
      personRecord('M2', { last_contact: '2025-06-01', knows: ['[[Target]]'] }),
      personRecord('Target', {}),
    );
    expect(introPaths(g, P('Target'), T, settings).paths).toEqual([[P('A'), P('M2'), P('Target')]]);
  });

  it('needs no path to someone you are in touch with, and finds none across cycles without a start', () => {
    const g = graphOf(
      personRecord('Friend', { last_contact: recent }),
      personRecord('X', { knows: ['[[Y]]'] }),
      personRecord('Y', { knows: ['[[Z]]'] }),
      personRecord('Z', { knows: ['[[X]]'] }),
    );
    expect(introPaths(g, P('Friend'), T, settings)).toEqual({ target: P('Friend'), inTouch: true, paths: [], total: 0 });
    expect(introPaths(g, P('X'), T, settings)).toEqual({ target: P('X'), inTouch: false, paths: [], total: 0 });
    expect(introPaths(g, 'People/Nobody.md', T, settings).paths).toEqual([]);
  });

  it('builds only the paths it shows: a chain of 3,000 with 3,000 starts at its end gives 10 paths and the count', () => {
    // Target – C1 – … – C3000 – S1…S3000: every path is 3,002 long; all 3,000 would be 9 million steps.
    const chain = Array.from({ length: 3000 }, (_, i) => personRecord(`C${i + 1}`, { knows: [`[[${i === 0 ? 'Target' : `C${i}`}]]`] }));
    const starts = Array.from({ length: 3000 }, (_, i) => personRecord(`S${String(i).padStart(4, '0')}`, { last_contact: recent, knows: ['[[C3000]]'] }));
    const g = graphOf(personRecord('Target', {}), ...chain, ...starts);
    const result = introPaths(g, P('Target'), T, settings, 10);
    expect(result.total).toBe(3000);
    expect(result.paths.map((p) => p[0])).toEqual(starts.slice(0, 10).map((r) => r.path));
    for (const path of result.paths) {
      expect(path).toHaveLength(3002);
      expect(path.slice(1, 4)).toEqual([P('C3000'), P('C2999'), P('C2998')]);
      expect(path.at(-1)).toBe(P('Target'));
    }
  });

  it('gives the same paths as building every path step by step and sorting them (random graphs)', () => {
    const people = Array.from({ length: 12 }, (_, i) => `N${i}`);
    const arb = fc.record({
      edges: fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.boolean()), { maxLength: 30 }),
      last: fc.array(fc.option(fc.constantFrom('2026-11-20', '2026-10-01', '2026-06-01', '2025-01-01'), { nil: undefined }), { minLength: 12, maxLength: 12 }),
      circle: fc.array(fc.option(fc.constantFrom(5, 15, 150), { nil: undefined }), { minLength: 12, maxLength: 12 }),
      target: fc.nat(11),
      limit: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(arb, ({ edges, last, circle, target, limit }) => {
        const records = people.map((name, i) => {
          const fm: Record<string, unknown> = {};
          if (last[i]) fm.last_contact = last[i];
          if (circle[i]) fm.circle = circle[i];
          const knows = edges.filter(([a, , intro]) => a === i && !intro).map(([, b]) => `[[N${b}]]`);
          const by = edges.find(([a, , intro]) => a === i && intro);
          if (knows.length > 0) fm.knows = knows;
          if (by) fm.introduced_by = `[[N${by[1]}]]`;
          return personRecord(name, fm);
        });
        const g = graphOf(...records);
        const all = reference(g, P(`N${target}`));
        const result = introPaths(g, P(`N${target}`), T, settings, limit);
        expect(result.total).toBe(all.length);
        expect(result.paths).toEqual(all.slice(0, limit));
      }),
      { numRuns: 300 },
    );
  });
});

/** introPaths as it was first written: every path built neighbour by neighbour, then all sorted. */
function reference(graph: PeopleGraph, target: string): string[][] {
  const node = (path: string) => graph.getNodeAttributes(path).person;
  const inTouch = (path: string) => isInTouch(node(path), T, settings);
  if (inTouch(target)) return [];
  const dist = new Map<string, number>([[target, 0]]);
  const starts: string[] = [];
  let frontier = [target];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const cur of frontier)
      graph.forEachNeighbor(cur, (nb) => {
        if (dist.has(nb)) return;
        dist.set(nb, dist.get(cur)! + 1);
        (inTouch(nb) ? starts : next).push(nb);
      });
    frontier = next;
  }
  const strength = (path: string) => ({ last: effectiveLastContact(node(path), T) ?? -Infinity, count: contactCount(node(path), T) });
  const stronger = (a: string, b: string) => {
    const sa = strength(a), sb = strength(b);
    return sb.last - sa.last || sb.count - sa.count || byName(node(a), node(b));
  };
  const paths = starts.map((start) => {
    const path = [start];
    let cur = start;
    while (cur !== target) {
      const d = dist.get(cur)! - 1;
      const options = graph.neighbors(cur).filter((nb) => dist.get(nb) === d && (nb === target || !inTouch(nb)));
      cur = options.includes(target) ? target : options.sort(stronger)[0]!;
      path.push(cur);
    }
    return path;
  });
  const closeness = (path: string) => ({ circle: node(path).circle ?? Infinity, last: effectiveLastContact(node(path), T) ?? -Infinity });
  return paths.sort((a, b) => {
    const ca = closeness(a[0]!), cb = closeness(b[0]!);
    return a.length - b.length || (ca.circle === cb.circle ? 0 : ca.circle - cb.circle) || cb.last - ca.last || byName(node(a[0]!), node(b[0]!));
  });
}
