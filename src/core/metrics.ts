/**
 * Network metrics of the people graph: communities (Louvain), brokers (betweenness, Brandes) and tie strength.
 * Both graph metrics read the undirected view: an `introduced_by` edge connects both ways, and parallel edges
 * between the same two people count once. They work on integer indices and a CSR adjacency (`adjacency`),
 * which is also what a worker can receive: plain typed arrays and a list of keys.
 */
import { effectiveLastContact } from './contacts';
import { adjacencyOf, type Adjacency } from './adjacency';
import { louvain } from './louvain';
import type { PeopleGraph } from './network';
import type { Day, Person } from './types';
import { seededRandom } from './random';
import { runToEnd } from './steps';

// ------------------------------------------------------------------------------------------ adjacency

/** The adjacency of a people graph, in its node order. */
export function adjacency(graph: PeopleGraph): Adjacency {
  const keys = graph.nodes();
  const id = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) id.set(keys[i]!, i);
  const ends: number[] = [];
  graph.forEachEdge((_e, _a, s, t) => {
    if (s !== t) ends.push(id.get(s)!, id.get(t)!);
  });
  return adjacencyOf(keys, ends);
}

// ------------------------------------------------------------------------------------------ communities

/** Louvain communities by index (core/louvain.ts), numbered by size (0 = largest; equal sizes in graph order). */
export function communityIds(adj: Adjacency, seed = 1): Int32Array {
  const n = adj.keys.length;
  // Unweighted: who knows whom is a fact about them, not about how often you talk to them.
  const raw = louvain(adj, seed);
  const size = new Map<number, number>();
  const first = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = raw[i]!;
    size.set(c, (size.get(c) ?? 0) + 1);
    if (!first.has(c)) first.set(c, i);
  }
  const order = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || first.get(a)! - first.get(b)!);
  const renumber = new Map(order.map((c, k) => [c, k]));
  return raw.map((c) => renumber.get(c)!);
}

/** Louvain communities of the people graph: path → id, 0 for the largest; a person without ties is a community alone. */
export function communities(graph: PeopleGraph, seed = 1): Map<string, number> {
  const adj = adjacency(graph);
  const ids = communityIds(adj, seed);
  return new Map(adj.keys.map((k, i) => [k, ids[i]!]));
}

// ------------------------------------------------------------------------------------------ brokers

export interface BetweennessOptions {
  /** Exact Brandes up to this many people; sampled above. Default 1000. */
  exactUpTo?: number;
  /**
   * Sources sampled above `exactUpTo`. Default 1000: at 5k people / 25k edges that takes about 0.3 s on a
   * busy 2-core machine and keeps 9–10 of the exact top 10 on clustered graphs (bench/network.ts). Each
   * source costs one breadth-first search, so time grows with pivots × edges; accuracy with the pivots only.
   */
  pivots?: number;
  /** Seed of the pivot sample. Default 1. */
  seed?: number;
  /** Sources per step of the step API. Default: about 500k adjacency steps (a few ms) per step. */
  sourcesPerStep?: number;
}

/** Scratch arrays of Brandes, reused for every source; all zero (dist -1) between sources. */
interface Work {
  offsets: Int32Array;
  neighbours: Int32Array;
  score: Float64Array;
  sigma: Float64Array;
  pull: Float64Array;
  dist: Int32Array;
  order: Int32Array;
  /** Successors of order[q] in the shortest-path DAG are succ[succEnd[q - 1] .. succEnd[q]). */
  succ: Int32Array;
  succEnd: Int32Array;
}

/**
 * Adds the dependencies of source s to `score`. A plain function: V8 optimises it better than a generator body.
 * The breadth-first pass writes each node's successors next to each other, so the pass back reads only the
 * shortest-path DAG, in order, instead of every neighbour again.
 * `scaled`: Geisberger, Sanders & Schultes' linear scaling for sampled sources, which weighs the pair (s, t) at v
 * by d(s, v) / d(s, t). Summed over every source it gives half the exact betweenness, but from a sample it
 * does not overrate people near the pivots: on bench/network.ts's vault graph, 1000 pivots keep 7.7 of the exact
 * top 10 on average, against 6.1 unscaled. Exact runs use the plain sum, whose small cases come out whole.
 */
function accumulate(work: Work, s: number, scaled: boolean): void {
  const { offsets, neighbours, score, sigma, pull, dist, order, succ, succEnd } = work;
  sigma[s] = 1;
  dist[s] = 0;
  order[0] = s;
  let tail = 1, top = 0;
  // Breadth-first from s: shortest-path counts σ, the visiting order, and each node's successors.
  for (let q = 0; q < tail; q++) {
    const v = order[q]!;
    const dv = dist[v]! + 1;
    const sv = sigma[v]!;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const w = neighbours[e]!;
      const dw = dist[w]!;
      if (dw === -1) {
        dist[w] = dv;
        order[tail++] = w;
        sigma[w] = sv;
        succ[top++] = w;
      } else if (dw === dv) {
        sigma[w]! += sv;
        succ[top++] = w;
      }
    }
    succEnd[q] = top;
  }
  // Dependencies pulled back from the successors, farthest first. pull[w] = (1 + δ(w)) / σ(w), what w passes
  // on per shortest path through it (1 / d(s, w) instead of 1 when scaled).
  for (let q = tail - 1; q > 0; q--) {
    const v = order[q]!;
    let sum = 0;
    for (let e = succEnd[q - 1]!, end = succEnd[q]!; e < end; e++) sum += pull[succ[e]!]!;
    const dependency = sigma[v]! * sum;
    score[v]! += scaled ? dependency * dist[v]! : dependency;
    pull[v] = ((scaled ? 1 / dist[v]! : 1) + dependency) / sigma[v]!;
  }
  for (let q = 0; q < tail; q++) {
    const v = order[q]!;
    sigma[v] = 0;
    pull[v] = 0;
    dist[v] = -1;
  }
}

const STEP_WORK = 500_000;

/**
 * Betweenness by index, in steps: yields progress (0..1) after every few sources and returns the scores,
 * normalised so that the largest is 1 (all 0 when nobody lies between others). Run it in slices or a worker.
 */
export function* brokerSteps(adj: Adjacency, opts: BetweennessOptions = {}): Generator<number, Float64Array, void> {
  const { offsets, neighbours } = adj;
  const n = adj.keys.length;
  const score = new Float64Array(n);
  const exactUpTo = opts.exactUpTo ?? 1000;
  const k = Math.min(n, n <= exactUpTo ? n : Math.max(1, opts.pivots ?? 1000));
  const sources = Int32Array.from({ length: n }, (_, i) => i);
  if (k < n) {
    // Partial Fisher–Yates: the first k entries become a uniform sample without repeats.
    const rand = seededRandom(opts.seed ?? 1);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rand() * (n - i));
      const t = sources[i]!;
      sources[i] = sources[j]!;
      sources[j] = t;
    }
  }
  const perStep = Math.max(1, opts.sourcesPerStep ?? Math.floor(STEP_WORK / (n + neighbours.length)));

  const work: Work = {
    offsets, neighbours, score,
    sigma: new Float64Array(n), pull: new Float64Array(n), dist: new Int32Array(n).fill(-1), order: new Int32Array(n),
    succ: new Int32Array(neighbours.length), succEnd: new Int32Array(n),
  };
  for (let si = 0; si < k; si++) {
    accumulate(work, sources[si]!, k < n);
    if ((si + 1) % perStep === 0 && si + 1 < k) yield (si + 1) / k;
  }

  // The n/k scale of a sampled estimate cancels here.
  let max = 0;
  for (let i = 0; i < n; i++) if (score[i]! > max) max = score[i]!;
  if (max > 0) for (let i = 0; i < n; i++) score[i]! /= max;
  return score;
}

/** Betweenness of the people graph in steps (see brokerSteps): path → 0..1. */
export function* betweennessSteps(graph: PeopleGraph, opts: BetweennessOptions = {}): Generator<number, Map<string, number>, void> {
  const adj = adjacency(graph);
  const score = yield* brokerSteps(adj, opts);
  return new Map(adj.keys.map((k, i) => [k, score[i]!]));
}

/** Betweenness of the people graph, run to completion: path → 0..1, 1 for the strongest broker. */
export function betweenness(graph: PeopleGraph, opts: BetweennessOptions = {}): Map<string, number> {
  return runToEnd(betweennessSteps(graph, opts));
}

// ------------------------------------------------------------------------------------------ tie strength

const RECENCY_HALF_LIFE = 180;
const FREQUENCY_WINDOW = 730;
const FREQUENCY_HALF = 6;

/**
 * How strong your tie with a person is, 0..1: 0.6 × recency + 0.4 × frequency.
 * Recency halves every 180 days since the effective last contact (1 today, 0.25 after a year, 0 never).
 * Frequency counts distinct contact days in the last two years and saturates: d / (d + 6), so 6 days give 0.5
 * and monthly contact (24) gives 0.8.
 */
export function tieStrength(p: Person, today: Day): number {
  const last = effectiveLastContact(p, today);
  if (last === null) return 0;
  const recency = 0.5 ** ((today - last) / RECENCY_HALF_LIFE);
  const days = new Set<Day>();
  const count = (d: Day) => {
    if (d <= today && d > today - FREQUENCY_WINDOW) days.add(d);
  };
  if (p.lastContact !== null) count(p.lastContact);
  for (const e of p.log) count(e.day);
  for (const d of p.mentions) count(d);
  const frequency = days.size / (days.size + FREQUENCY_HALF);
  return 0.6 * recency + 0.4 * frequency;
}

/** An edge's strength from the tie strengths of its two ends: their geometric mean (weak if either end is weak). */
export function pairStrength(a: number, b: number): number {
  return Math.sqrt(a * b);
}

/** The strength of an edge between two people, 0..1, for edge width. */
export function edgeStrength(a: Person, b: Person, today: Day): number {
  return pairStrength(tieStrength(a, today), tieStrength(b, today));
}

// ------------------------------------------------------------------------------------------ all at once

export interface NodeMetrics {
  /** Louvain community, 0 for the largest. */
  community: number;
  /** Betweenness, 0..1 (1 for the strongest broker). */
  broker: number;
  /** Number of different people this person is connected to, either direction. */
  degree: number;
  /** Your tie strength with this person, 0..1. */
  strength: number;
}

export interface NetworkMetricsOptions {
  /** Seed of Louvain's random order. Default 1. */
  seed?: number;
  betweenness?: BetweennessOptions;
}

/** Every metric of every person, synchronously: for the command line and tests; the view runs brokerSteps in slices. */
export function networkMetrics(graph: PeopleGraph, today: Day, opts: NetworkMetricsOptions = {}): Map<string, NodeMetrics> {
  const adj = adjacency(graph);
  const community = communityIds(adj, opts.seed);
  const broker = runToEnd(brokerSteps(adj, opts.betweenness));
  const out = new Map<string, NodeMetrics>();
  adj.keys.forEach((key, i) => {
    out.set(key, {
      community: community[i]!,
      broker: broker[i]!,
      degree: adj.offsets[i + 1]! - adj.offsets[i]!,
      strength: tieStrength(graph.getNodeAttributes(key).person, today),
    });
  });
  return out;
}
