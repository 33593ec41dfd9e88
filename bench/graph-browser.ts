/**
 * The graph view in headless Chromium (browser harness) over a vault folder: how long it takes to open and how
 * much JS each frame costs, with sigma (WebGL through SwiftShader, a software GPU) and with the Canvas2D renderer.
 * Run by bench/graph.ts in a child process (it needs playwright and tsx):
 *
 *     node --import tsx bench/graph-browser.ts bench/out/graph-2k
 *
 * Prints one JSON line (BrowserFigures). The first open is timed in several new browsers; the other figures come
 * from the last.
 */
import { openHarness, type Harness } from '../tests/e2e/browser';
import { busyIn, MARKER_MS, samplesOf, type Profile } from './cpu-profile';
import type { BrowserFigures, OpenFigures, OverviewFigures } from './graph';

interface PageView {
  renderer: { kind: string; frameTimes(clear?: boolean): number[] } | null;
  where: string;
  timings: { network: number; model: number; draw: number };
  whenIdle(): Promise<void>;
}

const vault = process.argv[2];
const mode = process.argv[3] ?? 'whole';
if (!vault) throw new Error('usage: graph-browser.ts VAULT [whole|overview]');
/** First opens are timed this many times, each in a new browser (the page's code cold). */
const COLD_RUNS = 5;
/**
 * A new browser with the vault loaded, a second later: a user opens the graph after Obsidian has started, not in
 * the same instant (when the page is still collecting the garbage of loading 2,000 notes).
 */
async function start(): Promise<Harness> {
  const harness = await openHarness({ vault: vault!, today: null, viewport: { width: 1400, height: 900 } });
  await harness.page.waitForTimeout(1000);
  return harness;
}
let h = await start();

/**
 * Opens the view (closing an open one first) and times it: ready (model and renderer made), first frame (the
 * Canvas2D renderer draws at once), idle (metrics and layout done), sigma drawing (auto only: sigma takes over
 * once the view is idle). Long tasks (over 50 ms on the main thread) are recorded from the start until then.
 */
const open = (renderer: 'auto' | 'canvas') =>
  h.page.evaluate(async (choice): Promise<OpenFigures> => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const tick = () => new Promise((r) => setTimeout(r, 0));
    window.ties.app.workspace.getLeavesOfType('ties-graph')[0]?.detach();
    await frame();
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    // The view's state asks for the renderer, as a restored workspace would, and for every person: 2,000 people
    // would open on their groups (the overview is timed on its own, at 10,000).
    const leaf = window.ties.app.workspace.getLeaf('tab');
    await leaf.setViewState({ type: 'ties-graph', active: true, state: choice === 'canvas' ? { renderer: 'canvas', whole: true } : { whole: true } });
    const view = leaf.view as unknown as PageView;
    while (!view.renderer) await tick();
    const ready = performance.now() - start;
    const work = view.timings.network + view.timings.model + view.timings.draw;
    while (view.renderer.frameTimes().length === 0) await frame();
    const firstFrame = performance.now() - start;
    await view.whenIdle();
    const idle = performance.now() - start;
    const frames = view.renderer.frameTimes(true);
    let webgl = 0;
    if (choice === 'auto') {
      // sigma renders as it starts; the frame after that is on screen.
      while (view.renderer.kind !== 'webgl') await tick();
      await frame();
      webgl = performance.now() - start;
    }
    await frame();
    // Long tasks are reported a moment after they end.
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return { ready, work, firstFrame, webgl, idle, frames, longTasks, renderer: view.renderer.kind, where: view.where };
  }, renderer);

/** Drags across the graph and returns the JS time of the frames drawn meanwhile. */
async function pan(): Promise<number[]> {
  const box = (await h.page.locator('.ties-graph-canvas').boundingBox())!;
  await h.page.evaluate(() => void (window.ties.app.workspace.getLeavesOfType('ties-graph')[0]!.view as unknown as PageView).renderer!.frameTimes(true));
  await h.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await h.page.mouse.down();
  for (let i = 0; i < 40; i++) await h.page.mouse.move(box.x + box.width / 2 + i * 5, box.y + box.height / 2 + i * 3);
  await h.page.mouse.up();
  await h.page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  return h.page.evaluate(() => (window.ties.app.workspace.getLeavesOfType('ties-graph')[0]!.view as unknown as PageView).renderer!.frameTimes());
}

/**
 * The groups overview of a large vault: from opening the view until its groups are drawn, and from a click on
 * the largest group until its people are drawn, with the main thread's tasks over 50 ms in each (start and
 * length, to be split by the CPU profile). The click waits until sigma has taken over from the Canvas2D renderer
 * (timed as `sigma`): sigma's WebGL start on the software GPU is its own figure, not the group's.
 */
const overview = () =>
  h.page.evaluate(async (markerMs): Promise<OverviewFigures> => {
    type View = PageView & { model: { overview: { groups: number; open: number[] } | null; message: string | null; graph: { order: number; nodes(): string[]; getNodeAttributes(k: string): { kind: string; members: number; community: number | null } } } | null; toggleGroup(g: number): void };
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const markerAt = performance.now();
    (function tiesBenchMarker() {
      while (performance.now() - markerAt < markerMs) { /* busy */ }
    })();
    await new Promise((r) => setTimeout(r, 100));
    const tasks: { start: number; duration: number }[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push({ start: e.startTime, duration: e.duration })));
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    const leaf = window.ties.app.workspace.getLeaf('tab');
    await leaf.setViewState({ type: 'ties-graph', active: true });
    const view = leaf.view as unknown as View;
    while (!view.model?.overview || view.model.message !== null || !view.renderer) await tick();
    await frame();
    const drawnAt = performance.now();
    const groups = view.model.overview.groups;
    await view.whenIdle();
    while (view.renderer!.kind !== 'webgl') await tick();
    await frame();
    const sigmaAt = performance.now();
    await new Promise((r) => setTimeout(r, 300));
    // The largest group: its bubble holds the most people.
    let largest = { group: -1, members: 0 };
    for (const k of view.model!.graph.nodes()) {
      const a = view.model!.graph.getNodeAttributes(k);
      if (a.kind === 'group' && a.members > largest.members) largest = { group: a.community!, members: a.members };
    }
    const before = view.model;
    const clicked = performance.now();
    view.toggleGroup(largest.group);
    while (view.model === before) await tick();
    await frame();
    const openedAt = performance.now();
    await view.whenIdle();
    const laidOutAt = performance.now();
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    const openLong = tasks.filter((t) => t.start < drawnAt);
    const groupLong = tasks.filter((t) => t.start + t.duration > clicked && t.start < openedAt);
    return {
      markerAt, start, drawnAt, sigmaAt, clicked, openedAt, laidOutAt,
      drawn: drawnAt - start, groups, openLong, sigma: sigmaAt - start, group: largest.members, opened: openedAt - clicked, groupLong, laidOut: laidOutAt - clicked,
      busy: { drawn: { ours: 0, calledFromOurs: 0 }, opened: { ours: 0, calledFromOurs: 0 } },
    };
  }, MARKER_MS);

try {
  if (mode === 'overview') {
    const cdp = await h.page.context().newCDPSession(h.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const figures = await overview();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const samples = samplesOf(profile, figures.markerAt);
    for (const task of [...figures.openLong, ...figures.groupLong]) Object.assign(task, busyIn(samples, task.start, task.start + task.duration));
    figures.busy = { drawn: busyIn(samples, figures.start, figures.drawnAt), opened: busyIn(samples, figures.clicked, figures.openedAt) };
    console.log(JSON.stringify(figures));
    process.exit(0);
  }
  const firstOpens: OpenFigures[] = [];
  for (let i = 1; i < COLD_RUNS; i++) {
    firstOpens.push(await open('auto'));
    await h.close();
    h = await start();
  }
  const cold = await open('auto');
  firstOpens.push(cold);
  const panWebgl = await pan();
  const warm = await open('auto');
  const canvas = await open('canvas');
  const panCanvas = await pan();
  const figures: BrowserFigures = { cold, firstOpens: firstOpens.map((o) => o.firstFrame), warm, canvas, panWebgl, panCanvas };
  console.log(JSON.stringify(figures));
} finally {
  await h.close();
}
