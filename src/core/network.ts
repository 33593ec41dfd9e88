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
  /** Each path runs from a person you are in touch with to the target. Best first. */
  paths: string[][];
}

/**
 * Who can introduce me to `target`: one path per person you are in touch with who can reach the target
 * through people you are not in touch with. Shortest first; among equals, the start closest to you
 * (inner circle, then most recent contact); each step prefers the strongest, most recent tie.
 */
export function introPaths(graph: PeopleGraph, target: string, today: Day, settings: CoreSettings, limit = Infinity): IntroResult {
  const node = (path: string) => graph.getNodeAttributes(path).person;
  if (!graph.hasNode(target)) return { target, inTouch: false, paths: [] };
  const touch = new Map<string, boolean>();
  const inTouch = (path: string) => {
    let t = touch.get(path);
    if (t === undefined) touch.set(path, (t = isInTouch(node(path), today, settings)));
    return t;
  };
  if (inTouch(target)) return { target, inTouch: true, paths: [] };

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

  const strength = (path: string) => {
    const p = node(path);
    return { last: effectiveLastContact(p, today) ?? -Infinity, count: contactCount(p, today) };
  };
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

  const closeness = (path: string) => {
    const p = node(path);
    return { circle: p.circle ?? Infinity, last: effectiveLastContact(p, today) ?? -Infinity };
  };
  paths.sort((a, b) => {
    const ca = closeness(a[0]!), cb = closeness(b[0]!);
    return (
      a.length - b.length ||
      (ca.circle === cb.circle ? 0 : ca.circle - cb.circle) ||
      cb.last - ca.last ||
      byName(node(a[0]!), node(b[0]!))
    );
  });
  return { target, inTouch: false, paths: paths.slice(0, limit) };
}
