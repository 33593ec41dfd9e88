/**
 * Where the groups overview draws things. A large network opens on its groups: one bubble per community. Each
 * group gets a disc big enough for its people (`groupRadius`), and the discs are packed so that groups with
 * many ties between them lie near each other and no two discs overlap: opening a group lays its people out in
 * place, inside its own disc, without covering the others. Pure; kept in memory per network (not saved: the
 * whole graph's positions are what is saved).
 */
import { adjacencyOf } from '../../core/adjacency';
import type { Network } from '../../core/network';
import { runToEnd } from '../../core/steps';
import { layoutMatrices, layoutSettings, type LayoutJob } from './jobs';
import type { Point } from './layout';

/** What the model needs to draw the overview (model.ts ModelInput.overview). */
export interface OverviewInput {
  /** The overview draws groups when more people than this are shown. */
  from: number;
  /** Each person's group (overview.ts overviewGroups); null while the communities are being found. */
  groups: Int32Array | null;
  /** Groups drawn as their people. */
  open: ReadonlySet<number>;
  /** The centre of each group's disc. */
  centres: ReadonlyMap<number, Point>;
  /** Where an open group's member stands, from its group's centre. */
  offsets: ReadonlyMap<string, Point>;
  /** A bubble's label, from its best-connected member (null for the group of people without ties). */
  label: (lead: string | null, members: number) => string;
}

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
  return runToEnd(tiesBetweenSteps(network, groups));
}

/** Ties counted between two yields of `tiesBetweenSteps`. */
const TIES_PER_YIELD = 8000;

/** The same in steps (the session packs a large network's groups in time slices). */
export function* tiesBetweenSteps(network: Network, groups: Int32Array): Generator<void, Map<string, number>, void> {
  const out = new Map<string, number>();
  const { ends } = network.ties;
  for (let k = 0; k < ends.length; k += 2) {
    if (k % (2 * TIES_PER_YIELD) === 2 * TIES_PER_YIELD - 2) yield;
    const a = groups[ends[k]!]!, b = groups[ends[k + 1]!]!;
    if (a === b) continue;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/**
 * A centre for every group's disc: the largest in the middle and the rest on a sunflower spiral outward, then
 * a small force layout: groups with ties between them pull together, discs that overlap push apart, and a
 * last pass leaves no two discs overlapping. A pass compares only discs whose x ranges meet (sweep and prune);
 * the number of passes shrinks as groups grow, so that the whole stays within a few tens of milliseconds.
 */
export function packGroups(sizes: ReadonlyMap<number, number>, ties: ReadonlyMap<string, number>): Map<number, Point> {
  return runToEnd(packGroupsSteps(sizes, ties));
}

/** The same in steps: one pass of the force layout each (the session runs them in time slices). */
export function* packGroupsSteps(sizes: ReadonlyMap<number, number>, ties: ReadonlyMap<string, number>): Generator<void, Map<number, Point>, void> {
  const ids = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || a - b);
  const k = ids.length;
  const at = new Map(ids.map((c, i) => [c, i]));
  const r = Float64Array.from(ids, (c) => groupRadius(sizes.get(c)!));
  const x = new Float64Array(k), y = new Float64Array(k);
  let area = 0;
  for (let i = 0; i < k; i++) {
    const d = Math.sqrt(area) * 1.1;
    x[i] = d * Math.cos(i * 2.399963);
    y[i] = d * Math.sin(i * 2.399963);
    area += (r[i]! + UNIT) ** 2;
  }
  const links: [number, number, number][] = [];
  for (const [key, w] of ties) {
    const [a, b] = key.split(' ').map((v) => at.get(Number(v)));
    if (a !== undefined && b !== undefined) links.push([a, b, Math.log1p(w)]);
  }
  let strongest = 1;
  for (const l of links) strongest = Math.max(strongest, l[2]);
  let widest = 0;
  for (let i = 0; i < k; i++) widest = Math.max(widest, r[i]!);
  const order = Int32Array.from({ length: k }, (_, i) => i);
  // Discs that overlap push apart (the smaller moves more). Sweep and prune: only discs whose x ranges meet.
  const separate = () => {
    let moved = false;
    order.sort((a, b) => x[a]! - x[b]!);
    for (let p = 0; p < k; p++) {
      const a = order[p]!;
      for (let q = p + 1; q < k; q++) {
        const b = order[q]!;
        if (x[b]! - x[a]! >= r[a]! + widest + UNIT) break;
        const dx = x[b]! - x[a]!, dy = y[b]! - y[a]!, d = Math.hypot(dx, dy) || 1e-6;
        const overlap = r[a]! + r[b]! + UNIT - d;
        if (overlap <= 0) continue;
        moved = true;
        const wa = r[b]! / (r[a]! + r[b]!), wb = 1 - wa;
        x[a]! -= (dx / d) * overlap * wa;
        y[a]! -= (dy / d) * overlap * wa;
        x[b]! += (dx / d) * overlap * wb;
        y[b]! += (dy / d) * overlap * wb;
      }
    }
    return moved;
  };
  const passes = Math.max(4, Math.min(25, Math.floor(2e6 / Math.max(1, k * k))));
  for (let pass = 0; pass < passes; pass++) {
    const pull = 0.1 * (1 - pass / passes);
    for (const [a, b, w] of links) {
      const dx = x[b]! - x[a]!, dy = y[b]! - y[a]!, d = Math.hypot(dx, dy) || 1e-6;
      const gap = d - (r[a]! + r[b]! + UNIT);
      if (gap <= 0) continue;
      const step = (gap * pull * w) / strongest;
      x[a]! += (dx / d) * step;
      y[a]! += (dy / d) * step;
      x[b]! -= (dx / d) * step;
      y[b]! -= (dy / d) * step;
    }
    separate();
    yield;
  }
  for (let pass = 0; pass < 15 && separate(); pass++) yield;
  return new Map(ids.map((c, i) => [c, { x: x[i]!, y: y[i]! }]));
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
  return { type: 'layout', nodes, edges, settings, maxIterations: 400, maxMs: 1000, settle: 0.0005, snapshotMs: 250 };
}
