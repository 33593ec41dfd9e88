import { describe, expect, it } from 'vitest';
import { buildGraph, introPaths, isInTouch } from '../../src/core/network';
import type { NoteRecord } from '../../src/core/types';
import { PeopleIndex } from '../../src/index/people-index';
import { day, personRecord, settings } from '../builders';

const T = day('2026-11-24');
const recent = '2026-11-01';
const old = '2024-01-01';

function graphOf(...records: NoteRecord[]) {
  const index = new PeopleIndex(settings);
  index.rebuild(records);
  return buildGraph(index.people(), (t, from) => index.resolvePerson(t, from));
}

const P = (n: string) => `People/${n}.md`;

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
    expect(introPaths(g, P('Target'), T, settings, 2).paths).toHaveLength(2);
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
    expect(introPaths(g, P('Friend'), T, settings)).toEqual({ target: P('Friend'), inTouch: true, paths: [] });
    expect(introPaths(g, P('X'), T, settings)).toEqual({ target: P('X'), inTouch: false, paths: [] });
    expect(introPaths(g, 'People/Nobody.md', T, settings).paths).toEqual([]);
  });
});
