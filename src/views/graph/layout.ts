/**
 * Where people stand before (and without) a layout run: saved positions are kept as they are, a new person is
 * placed next to the placed people they know, and only what is new moves. Pure.
 */
import type { Adjacency } from '../../core/adjacency';
import { layoutMatrices, layoutSettings, type LayoutJob } from './jobs';
import { seededRandom as random } from '../../core/random';

export interface Point {
  x: number;
  y: number;
}

export interface Placement {
  /** x, y per node, in the adjacency's order. */
  xy: Float32Array;
  /** 1 where the position was saved, 0 where it was placed now. */
  saved: Uint8Array;
  /** How many nodes had no saved position. */
  fresh: number;
}

/**
 * Positions for every node. Nodes with a saved position keep it. Each other node with placed acquaintances goes
 * to their mean, plus jitter of half a typical edge length, in rounds outward from what is placed. A group with
 * nobody placed starts on a ring just outside the drawing and grows from there. With nothing saved at all, every
 * node starts at a random point of a disc and the layout does the rest.
 */
export function placeNodes(adj: Adjacency, saved: ReadonlyMap<string, Point>, seed = 1): Placement {
  const n = adj.keys.length;
  const xy = new Float32Array(2 * n);
  const isSaved = new Uint8Array(n);
  const placed = new Uint8Array(n);
  const rand = random(seed);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const p = saved.get(adj.keys[i]!);
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) {
      xy[2 * i] = p.x;
      xy[2 * i + 1] = p.y;
      isSaved[i] = placed[i] = 1;
      count++;
    }
  }
  const fresh = n - count;
  if (count === 0) {
    const radius = 10 * Math.sqrt(n);
    for (let i = 0; i < n; i++) {
      const r = radius * Math.sqrt(rand()), a = 2 * Math.PI * rand();
      xy[2 * i] = r * Math.cos(a);
      xy[2 * i + 1] = r * Math.sin(a);
    }
    return { xy, saved: isSaved, fresh };
  }
  if (fresh === 0) return { xy, saved: isSaved, fresh };

  // A typical edge length among saved people: the median, or the drawing's size per person.
  const lengths: number[] = [];
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!placed[i]) continue;
    const x = xy[2 * i]!, y = xy[2 * i + 1]!;
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    for (let k = adj.offsets[i]!; k < adj.offsets[i + 1]! && lengths.length < 5000; k++) {
      const j = adj.neighbours[k]!;
      if (j > i && placed[j]) lengths.push(Math.hypot(x - xy[2 * j]!, y - xy[2 * j + 1]!));
    }
  }
  lengths.sort((a, b) => a - b);
  const extent = Math.max(maxX - minX, maxY - minY);
  const edge = lengths.length > 0 && lengths[lengths.length >> 1]! > 0 ? lengths[lengths.length >> 1]! : Math.max(10, extent / Math.sqrt(count + 1));
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  const ring = extent / 2 + edge;

  // Rounds outward: a node placed in this round does not count for others in the same round (order-independent).
  const grow = () => {
    for (;;) {
      const round: number[] = [];
      for (let i = 0; i < n; i++) {
        if (placed[i]) continue;
        for (let k = adj.offsets[i]!; k < adj.offsets[i + 1]!; k++)
          if (placed[adj.neighbours[k]!]) {
            round.push(i);
            break;
          }
      }
      if (round.length === 0) return;
      const next = new Float32Array(2 * round.length);
      round.forEach((i, r) => {
        let sx = 0, sy = 0, m = 0;
        for (let k = adj.offsets[i]!; k < adj.offsets[i + 1]!; k++) {
          const j = adj.neighbours[k]!;
          if (!placed[j]) continue;
          sx += xy[2 * j]!;
          sy += xy[2 * j + 1]!;
          m++;
        }
        const a = 2 * Math.PI * rand(), d = edge * (0.25 + 0.5 * rand());
        next[2 * r] = sx / m + d * Math.cos(a);
        next[2 * r + 1] = sy / m + d * Math.sin(a);
      });
      round.forEach((i, r) => {
        xy[2 * i] = next[2 * r]!;
        xy[2 * i + 1] = next[2 * r + 1]!;
        placed[i] = 1;
      });
    }
  };
  grow();
  // Groups with nobody placed: one member on the ring, the rest around it.
  let angle = rand() * 2 * Math.PI;
  for (let i = 0; i < n; i++) {
    if (placed[i]) continue;
    xy[2 * i] = cx + ring * Math.cos(angle);
    xy[2 * i + 1] = cy + ring * Math.sin(angle);
    placed[i] = 1;
    angle += 2.399963; // the golden angle: spread evenly, whatever the count
    grow();
  }
  return { xy, saved: isSaved, fresh };
}

/**
 * The layout to run after placing: none when every position was saved; only the new people move when they are
 * a minority (the rest of the drawing stays where the user last saw it); everything otherwise.
 */
export function layoutJob(adj: Adjacency, placement: Placement, maxMs = 2000): LayoutJob | null {
  const n = adj.keys.length;
  if (placement.fresh === 0 || n < 2) return null;
  const onlyNew = placement.fresh < n / 2;
  const { nodes, edges } = layoutMatrices(adj, placement.xy, onlyNew ? placement.saved : null);
  return {
    type: 'layout',
    nodes,
    edges,
    settings: layoutSettings(n),
    maxIterations: onlyNew ? 300 : 2000,
    maxMs: onlyNew ? Math.min(maxMs, 1000) : maxMs,
    settle: 0.0005,
    // Each drawing of moved positions costs the renderer a pass over everything: fewer of them for large graphs.
    snapshotMs: n <= 500 ? 100 : 300,
  };
}

/** Reads positions (x, y per node) back into a map by path. */
export function positionMap(keys: readonly string[], xy: Float32Array): Map<string, Point> {
  const out = new Map<string, Point>();
  for (let i = 0; i < keys.length; i++) out.set(keys[i]!, { x: xy[2 * i]!, y: xy[2 * i + 1]! });
  return out;
}
