/**
 * Who knows whom: the one rule that turns people into ties, and intro paths over them. A `knows` link to
 * another person is an undirected tie (listed by both people, it is still one tie); `introduced_by` is a tie
 * directed from the person introduced to the introducer. Links that lead to no person, or to the note itself,
 * make no tie and are counted. The graph view and the command line both build their network here.
 */
import Graph from 'graphology';
import { adjacencyOf, type Adjacency } from './adjacency';
import { byName } from './attention';
import { contactCount, effectiveLastContact } from './contacts';
import { runToEnd } from './steps';
import type { CoreSettings, Day, Person } from './types';

export type EdgeKind = 'knows' | 'introduced_by';

export interface PersonNode {
  name: string;
  person: Person;
}

export interface RelationEdge {
  kind: EdgeKind;
}

export type PeopleGraph = Graph<PersonNode, RelationEdge>;

/** Resolves a link target written in `fromPath` to a person's path, or null. */
export type ResolvePerson = (target: string, fromPath: string) => string | null;

/** The people graph: every person, and every tie of the one rule (`buildNetwork`). */
export function buildGraph(people: readonly Person[], resolve: ResolvePerson): PeopleGraph {
  return buildNetwork(people, resolve).graph();
}

/**
 * Every person and every knows / introduced_by tie, as plain arrays (what the model, metrics and layout read; no
 * graphology graph: building one costs as much as the drawing's own). `graph()` gives the core's graph of the
 * same people and ties for intro paths, made on first use.
 */
export interface Network {
  /** Every person in the index's order: person i is `adjacency.keys[i]`. */
  people: readonly Person[];
  /** The undirected, simple view (what metrics and layout read). */
  adjacency: Adjacency;
  /** Each path's index in `adjacency.keys`. */
  indexOf: ReadonlyMap<string, number>;
  /**
   * Each tie once, as index pairs `ends[2k]`, `ends[2k + 1]`: `knows` (a pair listed by both people once, in
   * the order first written) and `introduced_by` (from the person introduced to the introducer, `introduced[k]`).
   */
  ties: { ends: Int32Array; introduced: Uint8Array };
  /** Changes exactly when people or ties change: metrics and layout are cached by it. */
  key: string;
  /** `knows` / `introduced_by` links that lead to no person note. */
  missing: number;
  /** Links from a person to their own note (ignored). */
  selfLinks: number;
  /** The core's graph of these people and ties (intro paths walk it). */
  graph(): PeopleGraph;
}

/** FNV-1a over the keys and the adjacency: a cheap fingerprint of the structure. */
function structureKey(adj: Adjacency): string {
  let h = 0x811c9dc5;
  const mix = (v: number) => {
    h ^= v;
    h = Math.imul(h, 0x01000193);
  };
  for (const k of adj.keys) {
    for (let i = 0; i < k.length; i++) mix(k.charCodeAt(i));
    mix(0);
  }
  for (const v of adj.offsets) mix(v);
  for (const v of adj.neighbours) mix(v);
  return `${adj.keys.length}:${adj.neighbours.length}:${(h >>> 0).toString(36)}`;
}

/** Two people (indices below n) as one number, the same either way round: n² < 2⁵³ for any vault. */
export function pairCode(i: number, j: number, n: number): number {
  return i < j ? i * n + j : j * n + i;
}

/** The network, built at once. */
export function buildNetwork(people: readonly Person[], resolve: ResolvePerson): Network {
  return runToEnd(networkSteps(people, resolve));
}

/** People whose links are resolved between two yields of `networkSteps`. */
const PEOPLE_PER_STEP = 500;

/** The network, built in steps of a few milliseconds (the view builds a large one in time slices). */
export function* networkSteps(people: readonly Person[], resolve: ResolvePerson): Generator<void, Network, void> {
  const n = people.length;
  const keys = people.map((p) => p.path);
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set(keys[i]!, i);
  let missing = 0, selfLinks = 0;
  /** The index of the person a link in person i's note leads to; -1 for none or themselves (counted). */
  const target = (link: string, i: number): number => {
    const to = resolve(link, keys[i]!);
    const j = to === null ? undefined : indexOf.get(to);
    if (j === undefined) missing++;
    else if (j === i) selfLinks++;
    else return j;
    return -1;
  };
  const ends: number[] = [], introduced: number[] = [];
  // Both people may list each other: one tie says it.
  const knows = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (i % PEOPLE_PER_STEP === PEOPLE_PER_STEP - 1) yield;
    const p = people[i]!;
    for (const link of p.knows) {
      const j = target(link, i);
      if (j < 0) continue;
      const pair = pairCode(i, j, n);
      if (knows.has(pair)) continue;
      knows.add(pair);
      ends.push(i, j);
      introduced.push(0);
    }
    if (p.introducedBy !== null) {
      const j = target(p.introducedBy, i);
      if (j >= 0) {
        ends.push(i, j);
        introduced.push(1);
      }
    }
  }
  const adj = adjacencyOf(keys, ends);
  const ties = { ends: Int32Array.from(ends), introduced: Uint8Array.from(introduced) };
  let graph: PeopleGraph | null = null;
  return {
    people, adjacency: adj, indexOf, ties, key: structureKey(adj), missing, selfLinks,
    graph: () => (graph ??= peopleGraph(people, ties)),
  };
}

/** The graphology graph of people and ties (intro paths walk it; the command line prints it). */
function peopleGraph(people: readonly Person[], ties: Network['ties']): PeopleGraph {
  const graph: PeopleGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  for (const p of people) graph.addNode(p.path, { name: p.name, person: p });
  for (let k = 0; k < ties.introduced.length; k++) {
    const a = people[ties.ends[2 * k]!]!.path, b = people[ties.ends[2 * k + 1]!]!.path;
    if (ties.introduced[k]) graph.addDirectedEdge(a, b, { kind: 'introduced_by' });
    else graph.addUndirectedEdge(a, b, { kind: 'knows' });
  }
  return graph;
}

/** Not archived, and contacted within their cadence or within `settings.inTouchDays`. */
export function isInTouch(p: Person, today: Day, settings: CoreSettings): boolean {
  if (p.archived) return false;
  const last = effectiveLastContact(p, today);
  if (last === null) return false;
  const since = today - last;
  return since <= settings.inTouchDays || (p.cadence !== null && since < p.cadence);
}

export interface IntroResult {
  target: string;
  /** True when you are in touch with the target yourself: no introduction needed. */
  inTouch: boolean;
  /** Each path runs from a person you are in touch with to the target. Best first; at most `limit`. */
  paths: string[][];
  /** How many paths there are in all (one per start); more than `paths.length` when the limit cut them. */
  total: number;
}

/**
 * Who can introduce me to `target`: one path per person you are in touch with who can reach the target
 * through people you are not in touch with. Shortest first; among equals, the start closest to you
 * (inner circle, then most recent contact); each step prefers the strongest, most recent tie.
 * Linear in the graph: one breadth-first search, the starts ranked without their paths, and each node's next
 * step chosen once, so that only the `limit` paths shown are built.
 */
export function introPaths(graph: PeopleGraph, target: string, today: Day, settings: CoreSettings, limit = Infinity): IntroResult {
  const node = (path: string) => graph.getNodeAttributes(path).person;
  if (!graph.hasNode(target)) return { target, inTouch: false, paths: [], total: 0 };
  const touch = new Map<string, boolean>();
  const inTouch = (path: string) => {
    let t = touch.get(path);
    if (t === undefined) touch.set(path, (t = isInTouch(node(path), today, settings)));
    return t;
  };
  if (inTouch(target)) return { target, inTouch: true, paths: [], total: 0 };

  // Breadth-first from the target; people you are in touch with end a path and are not passed through.
  const dist = new Map<string, number>([[target, 0]]);
  const starts: string[] = [];
  let frontier = [target];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const cur of frontier) {
      graph.forEachNeighbor(cur, (nb) => {
        if (dist.has(nb)) return;
        dist.set(nb, dist.get(cur)! + 1);
        if (inTouch(nb)) starts.push(nb);
        else next.push(nb);
      });
    }
    frontier = next;
  }

  // A path is as long as its start is far: the starts are ranked without building any path.
  const closeness = new Map(starts.map((s) => {
    const p = node(s);
    return [s, { circle: p.circle ?? Infinity, last: effectiveLastContact(p, today) ?? -Infinity }];
  }));
  starts.sort((a, b) => {
    const ca = closeness.get(a)!, cb = closeness.get(b)!;
    return (
      dist.get(a)! - dist.get(b)! ||
      (ca.circle === cb.circle ? 0 : ca.circle - cb.circle) ||
      cb.last - ca.last ||
      byName(node(a), node(b))
    );
  });

  const strengths = new Map<string, { last: number; count: number }>();
  const strength = (path: string) => {
    let s = strengths.get(path);
    if (s === undefined) {
      const p = node(path);
      strengths.set(path, (s = { last: effectiveLastContact(p, today) ?? -Infinity, count: contactCount(p, today) }));
    }
    return s;
  };
  const stronger = (a: string, b: string) => {
    const sa = strength(a), sb = strength(b);
    return sb.last - sa.last || sb.count - sa.count || byName(node(a), node(b));
  };
  /** Each node's step toward the target, chosen once: the target itself, else the strongest tie one closer. */
  const steps = new Map<string, string>();
  const stepFrom = (cur: string): string => {
    let best = steps.get(cur);
    if (best !== undefined) return best;
    const d = dist.get(cur)! - 1;
    graph.forEachNeighbor(cur, (nb) => {
      if (best === target || dist.get(nb) !== d || (nb !== target && inTouch(nb))) return;
      if (nb === target || best === undefined || stronger(nb, best) < 0) best = nb;
    });
    steps.set(cur, best!);
    return best!;
  };

  const paths = starts.slice(0, limit).map((start) => {
    const path = [start];
    for (let cur = start; cur !== target; path.push(cur)) cur = stepFrom(cur);
    return path;
  });
  return { target, inTouch: false, paths, total: starts.length };
}
