/**
 * Where the groups overview draws things. A large network opens on its groups: one bubble per community. Each
 * group gets a disc big enough for its people (`groupRadius`), and the discs are packed so that groups with
 * many ties between them lie near each other and no two discs overlap: opening a group lays its people out in
 * place, inside its own disc, without covering the others. Pure; kept in memory per network (not saved: the
 * whole graph's positions are what is saved).
 */
import { adjacencyOf } from '../../core/adjacency';
import type { Network } from '../../core/network';
import { layoutMatrices, layoutSettings, type LayoutJob } from './jobs';
import type { Point } from './layout';

/** Space per person: a group of n people gets a disc of radius UNIT × √n. */
export const UNIT = 20;

export function groupRadius(members: number): number {
  return UNIT * Math.sqrt(Math.max(1, members)) + UNIT;
}

/** The overview's group of people without ties (each a community of one): one bubble for all of them. */
export const ALONE = -1;

/**
 * The group each person is drawn in: their community, or ALONE for a community of one. Undefined for people
 * the communities do not know yet.
 */
export function overviewGroups(network: Network, community: ReadonlyMap<string, number>): Int32Array {
  const size = new Map<number, number>();
  for (const c of community.values()) size.set(c, (size.get(c) ?? 0) + 1);
  return Int32Array.from(network.people, (p) => {
    const c = community.get(p.path);
    return c === undefined || size.get(c)! <= 1 ? ALONE : c;
  });
}

/** Each group's members, by group id. */
export function membersOf(groups: Int32Array): Map<number, number[]> {
  const out = new Map<number, number[]>();
  groups.forEach((c, i) => {
    const list = out.get(c);
    if (list) list.push(i);
    else out.set(c, [i]);
  });
  return out;
}

/** Ties between two groups (a pair key "a b" with a < b) and their count. */
export function tiesBetween(network: Network, groups: Int32Array): Map<string, number> {
  const out = new Map<string, number>();
  const { ends } = network.ties;
  for (let k = 0; k < ends.length; k += 2) {
    const a = groups[ends[k]!]!, b = groups[ends[k + 1]!]!;
    if (a === b) continue;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/**
 * A centre for every group's disc. The largest group sits in the middle; each next one (the one most tied to
 * those placed, then the largest) goes to the free spot nearest the tie-weighted mean of the groups it is tied
 * to, searched on rings around that point. O(groups² × spots): a few ms for a few hundred groups.
 */
export function packGroups(sizes: ReadonlyMap<number, number>, ties: ReadonlyMap<string, number>): Map<number, Point> {
  const ids = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || a - b);
  const links = new Map<number, Map<number, number>>();
  for (const [key, w] of ties) {
    const [a, b] = key.split(' ').map(Number) as [number, number];
    if (!sizes.has(a) || !sizes.has(b)) continue;
    if (!links.has(a)) links.set(a, new Map());
    if (!links.has(b)) links.set(b, new Map());
    links.get(a)!.set(b, w);
    links.get(b)!.set(a, w);
  }
  const placed = new Map<number, Point>();
  const radius = (c: number) => groupRadius(sizes.get(c)!);
  const pull = new Map<number, number>();
  const free = (x: number, y: number, r: number) => {
    for (const [c, p] of placed) {
      const min = r + radius(c) + UNIT;
      if ((p.x - x) ** 2 + (p.y - y) ** 2 < min * min) return false;
    }
    return true;
  };
  const rank = new Map(ids.map((c, k) => [c, k]));
  const remaining = new Set(ids);
  while (remaining.size > 0) {
    // The next group: most tied to those placed, then the largest.
    let next = ids[0]!, best = -1;
    for (const c of remaining) {
      const w = pull.get(c) ?? 0;
      if (best < 0 || w > best || (w === best && rank.get(c)! < rank.get(next)!)) {
        next = c;
        best = w;
      }
    }
    remaining.delete(next);
    const r = radius(next);
    let tx = 0, ty = 0, tw = 0;
    for (const [other, w] of links.get(next) ?? []) {
      const p = placed.get(other);
      if (!p) continue;
      tx += p.x * w;
      ty += p.y * w;
      tw += w;
    }
    if (tw > 0) {
      tx /= tw;
      ty /= tw;
    }
    let spot: Point | null = placed.size === 0 || free(tx, ty, r) ? { x: tx, y: ty } : null;
    for (let ring = 1; spot === null; ring++) {
      const distance = ring * UNIT * 2;
      const steps = Math.max(8, Math.ceil((2 * Math.PI * distance) / (UNIT * 2)));
      for (let s = 0; s < steps && spot === null; s++) {
        const a = (2 * Math.PI * s) / steps + ring * 0.37;
        const x = tx + distance * Math.cos(a), y = ty + distance * Math.sin(a);
        if (free(x, y, r)) spot = { x, y };
      }
    }
    placed.set(next, spot);
    for (const [other, w] of links.get(next) ?? []) if (remaining.has(other)) pull.set(other, (pull.get(other) ?? 0) + w);
  }
  return placed;
}

/**
 * A first place for each member of a group, inside its disc around (0, 0): the best-connected in the middle,
 * the rest on a sunflower spiral outward. A layout of the group refines it.
 */
export function spiral(members: readonly number[], degree: (i: number) => number): Map<number, Point> {
  const order = [...members].sort((a, b) => degree(b) - degree(a) || a - b);
  const out = new Map<number, Point>();
  order.forEach((i, k) => {
    const r = UNIT * Math.sqrt(k);
    const a = k * 2.399963;
    out.set(i, { x: r * Math.cos(a), y: r * Math.sin(a) });
  });
  return out;
}

/**
 * Positions (x, y per member) moved so that their middle is (0, 0) and they fill the group's disc: scaled so
 * that nine in ten lie inside it, and the few far-flung ones drawn in to its edge.
 */
export function fitInDisc(xy: ArrayLike<number>, members: number): Float32Array {
  const n = xy.length / 2;
  let cx = 0, cy = 0;
  for (let i = 0; i < n; i++) {
    cx += xy[2 * i]!;
    cy += xy[2 * i + 1]!;
  }
  cx /= Math.max(1, n);
  cy /= Math.max(1, n);
  const distances = Array.from({ length: n }, (_, i) => Math.hypot(xy[2 * i]! - cx, xy[2 * i + 1]! - cy)).sort((a, b) => a - b);
  const far = distances[Math.floor(0.9 * (n - 1))] ?? 0;
  const radius = groupRadius(members) - UNIT;
  const scale = far > 0 ? radius / far : 1;
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    let x = (xy[2 * i]! - cx) * scale, y = (xy[2 * i + 1]! - cy) * scale;
    const d = Math.hypot(x, y);
    if (d > radius) {
      x *= radius / d;
      y *= radius / d;
    }
    out[2 * i] = x;
    out[2 * i + 1] = y;
  }
  return out;
}

/** The layout of an open group: its members and the ties among them, from where they stand now (`offsets`). */
export function groupLayoutJob(network: Network, members: readonly number[], offsets: ReadonlyMap<string, Point>): LayoutJob {
  const local = new Map(members.map((i, k) => [i, k]));
  const ends: number[] = [];
  const adj = network.adjacency;
  for (const i of members)
    for (let e = adj.offsets[i]!; e < adj.offsets[i + 1]!; e++) {
      const j = local.get(adj.neighbours[e]!);
      if (j !== undefined && j > local.get(i)!) ends.push(local.get(i)!, j);
    }
  const sub = adjacencyOf(members.map((i) => network.people[i]!.path), ends);
  const xy = new Float32Array(2 * members.length);
  members.forEach((i, k) => {
    const p = offsets.get(network.people[i]!.path) ?? { x: 0, y: 0 };
    xy[2 * k] = p.x;
    xy[2 * k + 1] = p.y;
  });
  const { nodes, edges } = layoutMatrices(sub, xy);
  // Weak gravity and more repulsion than the whole graph's: a group's people fill its disc instead of a dense core.
  const settings = { ...layoutSettings(members.length), strongGravityMode: false, gravity: 1, scalingRatio: 30 };
  return { type: 'layout', nodes, edges, settings, maxIterations: 400, maxMs: 1000, settle: 0.0005, snapshotMs: 100 };
}
