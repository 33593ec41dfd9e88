/**
 * The graph view's heavy work, as generators over plain typed arrays: network metrics (Louvain communities,
 * brokers) and the ForceAtlas2 layout. A Web Worker runs them to the end (worker.ts); without workers the view
 * runs them in time slices on the main thread (runner.ts). Pure: no DOM, no obsidian, no graphology graph of
 * people (the worker receives arrays, not objects).
 */
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import type { Adjacency } from '../../core/adjacency';
import { brokerSteps, communityIds } from '../../core/metrics';

// ------------------------------------------------------------------------------------------ metrics

/** The undirected, simple graph as CSR arrays (core/adjacency), with the node count: what both metrics read. */
interface GraphArrays {
  n: number;
  offsets: Int32Array;
  neighbours: Int32Array;
}

/** Louvain communities: quick (the groups overview waits for them), so a job of their own. */
export interface CommunitiesJob extends GraphArrays {
  type: 'communities';
}

export interface CommunitiesResult {
  /** Louvain community per node, 0 for the largest. */
  community: Int32Array;
}

/** Brokers (betweenness): the slow one, exact up to `exactUpTo` people (default 1000), sampled above. */
export interface BrokersJob extends GraphArrays {
  type: 'brokers';
  exactUpTo?: number;
  pivots?: number;
}

export interface BrokersResult {
  /** Betweenness per node, 0..1. */
  broker: Float64Array;
}

/** The metrics read `keys.length` only; a worker gets no paths. */
function arrays(job: GraphArrays): Adjacency {
  return { keys: new Array<string>(job.n), offsets: job.offsets, neighbours: job.neighbours };
}

/** Communities in one step (Louvain cannot be sliced: a few ms at 2,000 people, tens at 10,000). */
// eslint-disable-next-line require-yield -- one step, but a generator like every job, so that the worker and the slices run them alike
export function* communitiesSteps(job: CommunitiesJob): Generator<number, CommunitiesResult, void> {
  return { community: job.n > 0 ? communityIds(arrays(job)) : new Int32Array(0) };
}

/** Brokers, yielding progress (0..1) every few milliseconds. */
export function* brokersSteps(job: BrokersJob): Generator<number, BrokersResult, void> {
  const broker = yield* brokerSteps(arrays(job), { exactUpTo: job.exactUpTo, pivots: job.pivots });
  return { broker };
}

// ------------------------------------------------------------------------------------------ layout

/** ForceAtlas2 matrices, as graphology-layout-forceatlas2 lays them out. */
export const PPN = 10;
export const PPE = 3;
const NODE_X = 0, NODE_Y = 1, NODE_MASS = 6, NODE_CONVERGENCE = 7, NODE_SIZE = 8, NODE_FIXED = 9;

export interface ForceAtlas2Settings {
  linLogMode: boolean;
  outboundAttractionDistribution: boolean;
  adjustSizes: boolean;
  edgeWeightInfluence: number;
  scalingRatio: number;
  strongGravityMode: boolean;
  gravity: number;
  slowDown: number;
  barnesHutOptimize: boolean;
  barnesHutTheta: number;
}

/** Settings for a people graph of `n` nodes: Barnes-Hut above a few hundred people (O(n log n) repulsion). */
export function layoutSettings(n: number): ForceAtlas2Settings {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    scalingRatio: 10,
    strongGravityMode: true,
    gravity: 0.05,
    slowDown: 1 + Math.log(Math.max(1, n)),
    barnesHutOptimize: n > 300,
    barnesHutTheta: 0.6,
  };
}

export interface LayoutJob {
  type: 'layout';
  /** PPN floats per node: x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed. */
  nodes: Float32Array;
  /** PPE floats per edge: source offset (index × PPN), target offset, weight. */
  edges: Float32Array;
  settings: ForceAtlas2Settings;
  /** Stop after this many iterations at most. */
  maxIterations: number;
  /** Stop after this many milliseconds at most (wall clock, since the first step). */
  maxMs: number;
  /**
   * Settled when the mean movement of a node in one iteration, relative to the layout's diagonal, stays below
   * this for 10 iterations in a row.
   */
  settle: number;
  /** How often the positions are handed to the view while the layout runs, ms. */
  snapshotMs?: number;
}

/** Node matrix and edge matrix for the layout: positions in, every edge once, mass 1 + degree. */
export function layoutMatrices(
  adj: { offsets: Int32Array; neighbours: Int32Array },
  xy: Float32Array,
  fixed: Uint8Array | null = null,
): { nodes: Float32Array; edges: Float32Array } {
  const n = adj.offsets.length - 1;
  const nodes = new Float32Array(n * PPN);
  let m = 0;
  for (let i = 0; i < n; i++) for (let k = adj.offsets[i]!; k < adj.offsets[i + 1]!; k++) if (adj.neighbours[k]! > i) m++;
  const edges = new Float32Array(m * PPE);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const o = i * PPN;
    nodes[o + NODE_X] = xy[2 * i]!;
    nodes[o + NODE_Y] = xy[2 * i + 1]!;
    nodes[o + NODE_MASS] = 1 + (adj.offsets[i + 1]! - adj.offsets[i]!);
    nodes[o + NODE_CONVERGENCE] = 1;
    nodes[o + NODE_SIZE] = 1;
    nodes[o + NODE_FIXED] = fixed?.[i] ? 1 : 0;
    for (let k = adj.offsets[i]!; k < adj.offsets[i + 1]!; k++) {
      const j = adj.neighbours[k]!;
      if (j <= i) continue;
      edges[e++] = i * PPN;
      edges[e++] = j * PPN;
      edges[e++] = 1;
    }
  }
  return { nodes, edges };
}

/** x, y of every node, 2 floats each. */
export function positionsOf(nodes: Float32Array): Float32Array {
  const n = nodes.length / PPN;
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = nodes[i * PPN + NODE_X]!;
    out[2 * i + 1] = nodes[i * PPN + NODE_Y]!;
  }
  return out;
}

export interface LayoutProgress {
  iterations: number;
  /** Mean movement per node in the last iteration, relative to the layout's diagonal. */
  movement: number;
}

export interface LayoutResult {
  /** x, y per node. */
  positions: Float32Array;
  iterations: number;
  /** True when the layout came to rest; false when it stopped at the iteration or time limit. */
  settled: boolean;
}

/** ForceAtlas2 iterations until the layout settles or a limit is reached. `job.nodes` is updated in place. */
export function* layoutSteps(job: LayoutJob, now: () => number = () => performance.now()): Generator<LayoutProgress, LayoutResult, void> {
  const { nodes, edges, settings } = job;
  const n = nodes.length / PPN;
  let free = 0;
  for (let i = 0; i < n; i++) if (nodes[i * PPN + NODE_FIXED] !== 1) free++;
  if (free === 0 || n < 2) return { positions: positionsOf(nodes), iterations: 0, settled: true };

  const start = now();
  const before = new Float32Array(2 * n);
  let calm = 0;
  let iterations = 0;
  while (iterations < job.maxIterations && now() - start < job.maxMs) {
    for (let i = 0; i < n; i++) {
      before[2 * i] = nodes[i * PPN + NODE_X]!;
      before[2 * i + 1] = nodes[i * PPN + NODE_Y]!;
    }
    iterate(settings, nodes, edges);
    iterations++;

    let moved = 0;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = nodes[i * PPN + NODE_X]!, y = nodes[i * PPN + NODE_Y]!;
      moved += Math.hypot(x - before[2 * i]!, y - before[2 * i + 1]!);
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const diagonal = Math.hypot(maxX - minX, maxY - minY) || 1;
    const movement = moved / free / diagonal;
    if (!Number.isFinite(movement)) break;
    calm = movement < job.settle ? calm + 1 : 0;
    if (calm >= 10) return { positions: positionsOf(nodes), iterations, settled: true };
    yield { iterations, movement };
  }
  return { positions: positionsOf(nodes), iterations, settled: false };
}

// ------------------------------------------------------------------------------------------ either

export type Job = CommunitiesJob | BrokersJob | LayoutJob;
export type JobResult = CommunitiesResult | BrokersResult | LayoutResult;

/** The generator of a job; `snapshot` gives the current positions of a layout, for drawing it while it moves. */
export function startJob(job: Job): {
  steps: Generator<unknown, JobResult, void>;
  snapshot: (() => Float32Array) | null;
  snapshotMs: number;
} {
  if (job.type === 'communities') return { steps: communitiesSteps(job), snapshot: null, snapshotMs: 100 };
  if (job.type === 'brokers') return { steps: brokersSteps(job), snapshot: null, snapshotMs: 100 };
  return { steps: layoutSteps(job), snapshot: () => positionsOf(job.nodes), snapshotMs: job.snapshotMs ?? 100 };
}

/** The typed arrays of a message, so that postMessage moves them instead of copying. */
export function transferables(value: JobResult | Float32Array): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: { buffer: ArrayBufferLike }) => {
    if (a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  };
  if (value instanceof Float32Array) add(value);
  else if ('community' in value) add(value.community);
  else if ('broker' in value) add(value.broker);
  else add(value.positions);
  return out;
}
