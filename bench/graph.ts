/**
 * Figures of the relationship graph (src/views/graph): the model the view draws, the metrics its Web Worker
 * computes, the ForceAtlas2 layout, and (through the browser harness, in a child process) the view in Chromium.
 * Prints figures; asserts nothing.
 *
 *     node --import tsx -e "import('./bench/graph.ts').then((m) => m.graphFigures())"
 *
 * Bundled (npm run bench), the worker figure runs the real bundled worker (worker-source.ts replaced at build)
 * in a node worker thread; under tsx there is no bundle, and it runs the same job in this thread.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseDayString } from '../src/core/dates';
import { adjacency, brokerSteps } from '../src/core/metrics';
import { DEFAULT_CORE_SETTINGS, type Person } from '../src/core/types';
import { brokersSteps, communitiesSteps, layoutSteps, type BrokersJob, type CommunitiesJob } from '../src/views/graph/jobs';
import { layoutJob, placeNodes } from '../src/views/graph/layout';
import { buildNetwork, networkSteps, type Network } from '../src/core/network';
import { buildModel, modelSteps, type GraphMetrics } from '../src/views/graph/model';
import { DEFAULT_GRAPH_OPTIONS } from '../src/views/graph/options';
import { WORKER_SOURCE } from '../src/views/graph/worker-source';
import { runToEnd } from '../src/core/steps';
import { line, median, ms, time } from './measure';
import { clusteredGraph } from './network';

const TODAY = '2026-11-24';
const today = parseDayString(TODAY)!;
const settings = { ...DEFAULT_CORE_SETTINGS };

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
}


/** People whose `knows` lists make `clusteredGraph`'s edges, with organisations by group and some contacts. */
export function clusteredPeople(people: number, edges: number, seed = 7): Person[] {
  const graph = clusteredGraph(people, edges, seed);
  const knows = new Map<string, string[]>();
  graph.forEachEdge((_e, _a, s, t) => {
    const list = knows.get(s);
    if (list) list.push(graph.getNodeAttribute(t, 'name'));
    else knows.set(s, [graph.getNodeAttribute(t, 'name')]);
  });
  let i = 0;
  return graph.mapNodes((path, attrs) => ({
    ...attrs.person,
    knows: knows.get(path) ?? [],
    organisation: `Org ${Math.floor(i++ / 40)}`,
  }));
}

function networkOf(people: Person[]): Network {
  const byName = new Map(people.map((p) => [p.name.toLowerCase(), p.path]));
  return buildNetwork(people, (t) => byName.get(t.toLowerCase()) ?? null);
}

/** The bundled worker in a node worker thread: `self` is the thread's port. */
function runWorker<R>(job: CommunitiesJob | BrokersJob): Promise<{ result: R; ms: number }> {
  const prelude =
    "const { parentPort } = require('node:worker_threads');" +
    'globalThis.self = { addEventListener: (t, fn) => parentPort.on(t, (data) => fn({ data })), postMessage: (m, tr) => parentPort.postMessage(m, tr) };';
  const start = performance.now();
  const worker = new Worker(prelude + WORKER_SOURCE!, { eval: true });
  return new Promise((resolve, reject) => {
    worker.on('message', (data: { result?: R; error?: string }) => {
      if (data.result) {
        const elapsed = performance.now() - start;
        void worker.terminate();
        resolve({ result: data.result, ms: elapsed });
      } else if (data.error) reject(new Error(data.error));
    });
    worker.on('error', reject);
    worker.postMessage({ id: 1, job });
  });
}

/** A vault folder of person notes for the browser harness: `knows` links as the clustered graph has them. */
export function writePeopleVault(dir: string, people: Person[]): void {
  if (existsSync(join(dir, '.complete'))) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'People'), { recursive: true });
  for (const p of people) {
    const fm = [
      '---',
      `organisation: ${p.organisation}`,
      ...(p.lastContact !== null ? [`last_contact: ${new Date(p.lastContact * 86_400_000).toISOString().slice(0, 10)}`] : []),
      ...(p.knows.length > 0 ? ['knows:', ...p.knows.map((k) => `  - "[[${k}]]"`)] : []),
      '---',
      '',
    ];
    writeFileSync(join(dir, `${p.path}`), fm.join('\n'));
  }
  writeFileSync(join(dir, '.complete'), '');
}

export async function graphFigures(): Promise<void> {
  console.log('\nRelationship graph, 2,000 people / 10,000 ties (clustered)');
  const people = clusteredPeople(2_000, 10_000);
  const net: Network[] = [];
  const builds: number[] = [];
  for (let i = 0; i < 5; i++) builds.push(time(() => net.push(networkOf(people))));
  const network = net[0]!;
  line(`  network from people (${network.ties.introduced.length} ties, median of 5)`, ms(median(builds)));

  const adj = network.adjacency;
  const arrays = { n: adj.keys.length, offsets: adj.offsets, neighbours: adj.neighbours };
  const communitiesJob: CommunitiesJob = { type: 'communities', ...arrays };
  const brokersJob: BrokersJob = { type: 'brokers', ...arrays };
  let community: Int32Array = new Int32Array(0), broker: Float64Array = new Float64Array(0);
  if (WORKER_SOURCE !== null) {
    const groups: number[] = [], brokers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await runWorker<{ community: Int32Array }>(communitiesJob);
      groups.push(c.ms);
      community = c.result.community;
      const b = await runWorker<{ broker: Float64Array }>(brokersJob);
      brokers.push(b.ms);
      broker = b.result.broker;
    }
    line('  communities in the bundled worker (start, Louvain)', ms(median(groups)), 'off the UI thread');
    line('  brokers in the bundled worker (start, betweenness)', ms(median(brokers)), 'off the UI thread');
  } else {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++)
      runs.push(time(() => {
        community = runToEnd(communitiesSteps(communitiesJob)).community;
        broker = runToEnd(brokersSteps(brokersJob)).broker;
      }));
    line('  metrics jobs, in process (no bundle: no worker)', ms(median(runs)), 'off the UI thread');
  }
  // The longest single step the sliced fallback would take: Louvain is one step; betweenness yields often.
  line('  sliced fallback: Louvain step (one piece)', ms(time(() => runToEnd(communitiesSteps(communitiesJob)))), '≤ 50 ms (only without workers)');
  const steps = brokersSteps(brokersJob);
  const brokerSlices: number[] = [];
  for (;;) {
    const t = performance.now();
    const r = steps.next();
    brokerSlices.push(performance.now() - t);
    if (r.done) break;
  }
  line('  sliced fallback: brokers steps, median / longest', `${ms(median(brokerSlices))} / ${ms(Math.max(...brokerSlices))}`, '≤ 50 ms');

  const metrics: GraphMetrics = {
    community: new Map(adj.keys.map((k, i) => [k, community[i]!])),
    broker: new Map(adj.keys.map((k, i) => [k, broker[i]!])),
  };

  // Layout from scratch: what the worker does, here in this thread.
  const layouts: { ms: number; iterations: number; settled: boolean }[] = [];
  let positions = new Map<string, { x: number; y: number }>();
  for (let i = 0; i < 3; i++) {
    const lj = layoutJob(adj, placeNodes(adj, new Map()), 2000)!;
    const t = performance.now();
    const r = runToEnd(layoutSteps(lj));
    layouts.push({ ms: performance.now() - t, iterations: r.iterations, settled: r.settled });
    positions = new Map(adj.keys.map((k, j) => [k, { x: r.positions[2 * j]!, y: r.positions[2 * j + 1]! }]));
  }
  const mid = layouts.sort((a, b) => a.ms - b.ms)[1]!;
  line(`  layout (ForceAtlas2, Barnes-Hut), off-thread work`, ms(mid.ms), '≤ 2000 ms');
  line(`    iterations, settled`, `${mid.iterations}, ${mid.settled ? 'yes' : 'stopped at 2 s'}`);

  const models: number[] = [];
  for (let i = 0; i < 7; i++)
    models.push(time(() => buildModel({ network, today, settings, options: DEFAULT_GRAPH_OPTIONS, metrics, positions })));
  line('  model (nodes, edges, colours, legend; median of 7)', ms(median(models)));
  const filtered: number[] = [];
  for (let i = 0; i < 7; i++)
    filtered.push(time(() => buildModel({ network, today, settings, options: { ...DEFAULT_GRAPH_OPTIONS, sameOrganisation: true, colourBy: 'organisation' }, metrics, positions })));
  line('  model with same-organisation edges, by organisation', ms(median(filtered)));

  // 10,000 people: the view builds network and model in slices; how long the steps between two yields take.
  console.log('\nNetwork and model at 10,000 people / 50,000 ties (the steps the view slices)');
  const tenK = clusteredPeople(10_000, 50_000);
  const byName10k = new Map(tenK.map((p) => [p.name.toLowerCase(), p.path]));
  const stepped = <T>(steps: Generator<void, T, void>): { value: T; text: string } => {
    const times: number[] = [];
    for (;;) {
      const t = performance.now();
      const r = steps.next();
      times.push(performance.now() - t);
      if (r.done) {
        const total = times.reduce((a, b) => a + b, 0);
        return { value: r.value, text: `${ms(total)} / ${ms(median(times))} / ${ms(Math.max(...times))} (${times.length} steps)` };
      }
    }
  };
  const net10k = stepped(networkSteps(tenK, (t) => byName10k.get(t.toLowerCase()) ?? null));
  line('  network: all steps / median step / longest', net10k.text, 'steps ≤ 50 ms');
  const model10k = stepped(modelSteps({ network: net10k.value, today, settings, options: DEFAULT_GRAPH_OPTIONS, metrics: null, positions: new Map() }));
  line('  model: all steps / median step / longest', model10k.text, 'steps ≤ 50 ms');
  const adj10k = net10k.value.adjacency;
  const job10k: CommunitiesJob = { type: 'communities', n: adj10k.keys.length, offsets: adj10k.offsets, neighbours: adj10k.neighbours };
  const louvain10k: number[] = [];
  for (let i = 0; i < 3; i++) louvain10k.push(time(() => runToEnd(communitiesSteps(job10k))));
  line('  communities (Louvain on the arrays, in the worker), median of 3', ms(median(louvain10k)));

  // 5,000 people: brokers as the worker computes them (1,000 sampled sources), against exact.
  console.log('\nBrokers at 5,000 people / 25,000 ties (clustered; the worker job)');
  const big = adjacency(clusteredGraph(5_000, 25_000, 7));
  const bigArrays = { n: big.keys.length, offsets: big.offsets, neighbours: big.neighbours };
  const brokerRuns: number[] = [];
  let sampled: Float64Array = new Float64Array(0);
  for (let i = 0; i < 3; i++) brokerRuns.push(time(() => (sampled = runToEnd(brokerSteps(big)))));
  line('  brokers, sampled (median of 3)', ms(median(brokerRuns)), '≤ 1000 ms');
  const whole: number[] = [];
  for (let i = 0; i < 3; i++) whole.push(time(() => (runToEnd(communitiesSteps({ type: 'communities', ...bigArrays })), runToEnd(brokersSteps({ type: 'brokers', ...bigArrays })))));
  line('  both metrics jobs (Louvain, brokers)', ms(median(whole)));
  let exact: Float64Array = new Float64Array(0);
  line('  brokers, exact', ms(time(() => (exact = runToEnd(brokerSteps(big, { exactUpTo: Infinity }))))));
  const top = (s: Float64Array) => new Set([...s.keys()].sort((a, b) => s[b]! - s[a]! || a - b).slice(0, 10));
  const want = top(exact);
  line('  of the exact top 10 in the sampled', String([...top(sampled)].filter((i) => want.has(i)).length), '≥ 8');

  // The view in Chromium (browser harness), in a child process: it needs playwright and tsx, not this bundle.
  const vault = join('bench', 'out', 'graph-2k');
  writePeopleVault(vault, people);
  console.log('\nThe view in headless Chromium (browser harness, 2,000 people, SwiftShader WebGL)');
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/graph-browser.ts', vault], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 300_000,
    });
    const r = JSON.parse(out.trim().split('\n').pop()!) as BrowserFigures;
    const frames = (xs: number[]) => (xs.length === 0 ? 'none' : `${ms(median(xs))} / ${ms(percentile(xs, 0.95))}`);
    const long = (xs: number[]) => (xs.length === 0 ? 'none' : `${xs.length}, longest ${ms(Math.max(...xs))}`);
    line(`  renderer; where metrics and layout ran`, `${r.cold.renderer}; ${r.cold.where}`, 'webgl; worker');
    line('  first open (figures of the last new browser): the view\'s work', ms(r.cold.work));
    const sorted = [...r.firstOpens].sort((a, b) => a - b);
    line(`    until drawn (Canvas2D first), median of ${sorted.length} new browsers, 1 s after loading`, ms(median(sorted)), '≤ 250 ms');
    line('      each, fastest to slowest', sorted.map((x) => x.toFixed(0)).join(' ') + ' ms');
    line('    metrics and layout done (worker)', ms(r.cold.idle));
    line('    JS per frame while the layout moves, Canvas2D (median / p95)', frames(r.cold.frames));
    line('    until sigma draws (after that; WebGL on a software GPU)', ms(r.cold.webgl));
    line('    main-thread tasks over 50 ms until then', long(r.cold.longTasks));
    line('  open again (positions, metrics cached): work', ms(r.warm.work));
    line('    until drawn (Canvas2D first)', ms(r.warm.firstFrame), '≤ 250 ms');
    line('    until sigma draws (WebGL on a software GPU)', ms(r.warm.webgl));
    line('    main-thread tasks over 50 ms until then', long(r.warm.longTasks));
    line('  JS per frame while panning, sigma (median / p95)', frames(r.panWebgl), '≤ 3 ms');
    line('  Canvas2D renderer only: open again until drawn', ms(r.canvas.firstFrame), '≤ 250 ms');
    line('    main-thread tasks over 50 ms until idle', long(r.canvas.longTasks));
    line('  JS per frame while panning, Canvas2D (median / p95)', frames(r.panCanvas));
  } catch (error) {
    console.log(`  (not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }

  // 10,000 people in the browser: the groups overview.
  const vault10k = join('bench', 'out', 'graph-10k');
  writePeopleVault(vault10k, tenK);
  console.log('\nThe groups overview in headless Chromium (browser harness, 10,000 people / 50,000 ties, a new browser)');
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/graph-browser.ts', vault10k, 'overview'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 600_000,
    });
    const r = JSON.parse(out.trim().split('\n').pop()!) as OverviewFigures;
    const long = (xs: LongTask[]) => {
      if (xs.length === 0) return 'none';
      const worst = xs.reduce((a, b) => ((b.ours ?? 0) > (a.ours ?? 0) ? b : a));
      return `${xs.length}, longest ${ms(Math.max(...xs.map((x) => x.duration)))}; main.js at most ${ms(worst.ours ?? 0)} (+${ms(worst.calledFromOurs ?? 0)} called) of ${ms(worst.duration)}`;
    };
    const busy = (b: { ours: number; calledFromOurs: number }) => `${ms(b.ours)} + ${ms(b.calledFromOurs)} called`;
    console.log('  (tasks: main-thread tasks over 50 ms, harness included; main.js: the plugin\'s own JS, + what it called: WebGL, DOM)');
    line(`  opened until the ${r.groups} groups are drawn (network, communities in the worker, model)`, ms(r.drawn), '≤ 300 ms');
    line('    of which main.js (CPU profile)', busy(r.busy.drawn));
    line('    main-thread tasks over 50 ms until then', long(r.openLong), 'main.js ≤ 50 ms');
    line('  until sigma has taken over (WebGL on a software GPU)', ms(r.sigma));
    line(`  then a click on the largest group (${r.group} people) until its people are drawn`, ms(r.opened), '≤ 100 ms');
    line('    of which main.js (CPU profile)', busy(r.busy.opened));
    line('    main-thread tasks over 50 ms until then', long(r.groupLong), 'main.js ≤ 50 ms');
    line('    until its layout is done (worker)', ms(r.laidOut));
  } catch (error) {
    console.log(`  (not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}

export interface OpenFigures {
  /** ms from opening until the model is built and the renderer made. */
  ready: number;
  /** ms of the view's own work on the main thread in that time: network, model, DOM (the rest is the renderer starting). */
  work: number;
  /** ms until the first frame was drawn. */
  firstFrame: number;
  /** ms until sigma (WebGL) drew its first frame, after idle; 0 when the canvas renderer was asked for. */
  webgl: number;
  /** ms until metrics and layout were done. */
  idle: number;
  /** JS time of each frame drawn until idle. */
  frames: number[];
  /** Durations of the main thread's tasks over 50 ms (the browser's long tasks) until sigma drew, or idle. */
  longTasks: number[];
  renderer: string;
  where: string;
}

/** A main-thread task over 50 ms, and the plugin's part of it (bench/cpu-profile.ts). */
export interface LongTask {
  start: number;
  duration: number;
  /** main.js's own JS in it, and what main.js called (WebGL, DOM, canvas), ms. */
  ours?: number;
  calledFromOurs?: number;
}

export interface OverviewFigures {
  /** The page's clock: the profile's marker, and the moments timed. */
  markerAt: number;
  start: number;
  drawnAt: number;
  sigmaAt: number;
  clicked: number;
  openedAt: number;
  laidOutAt: number;
  /** ms from opening until the groups are drawn. */
  drawn: number;
  groups: number;
  /** Main-thread tasks over 50 ms until then. */
  openLong: LongTask[];
  /** ms from opening until sigma has taken over from the Canvas2D renderer. */
  sigma: number;
  /** People in the largest group, and ms from its click until its people are drawn. */
  group: number;
  opened: number;
  groupLong: LongTask[];
  /** ms from the click until the group's layout is done. */
  laidOut: number;
  /** main.js's time (own, and what it called) until drawn, and from the click until opened. */
  busy: { drawn: { ours: number; calledFromOurs: number }; opened: { ours: number; calledFromOurs: number } };
}

export interface BrowserFigures {
  cold: OpenFigures;
  /** ms until drawn on the first open, in each new browser. */
  firstOpens: number[];
  warm: OpenFigures;
  canvas: OpenFigures;
  panWebgl: number[];
  panCanvas: number[];
}
