/**
 * Who knows whom: people → a graphology graph of `knows` (undirected) and `introduced_by` (directed,
 * from the note that says it to the introducer) edges; intro paths to a target.
 */
import Graph from 'graphology';
import { byName } from './attention';
import { contactCount, effectiveLastContact } from './contacts';
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

export function buildGraph(people: readonly Person[], resolve: ResolvePerson): PeopleGraph {
  const graph: PeopleGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  for (const p of people) graph.addNode(p.path, { name: p.name, person: p });
  for (const p of people) {
    for (const k of p.knows) {
      const other = resolve(k, p.path);
      if (other === null || other === p.path || !graph.hasNode(other)) continue;
      // Both people may list each other: one undirected edge says it.
      if (!graph.hasUndirectedEdge(p.path, other)) graph.addUndirectedEdge(p.path, other, { kind: 'knows' });
    }
    if (p.introducedBy !== null) {
      const other = resolve(p.introducedBy, p.path);
      if (other !== null && other !== p.path && graph.hasNode(other) && !graph.hasDirectedEdge(p.path, other))
        graph.addDirectedEdge(p.path, other, { kind: 'introduced_by' });
    }
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
