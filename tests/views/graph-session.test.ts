/**
 * The graph session's timing rules (src/views/graph/session.ts), in node on a clock of the test's own: the first
 * frame comes before the jobs, the old picture stays until the new one is ready, a refresh leaves a running
 * build alone, cancel stops everything, and jobs fall back to slices when a worker cannot start. And the groups
 * overview of a large network.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteRecord } from '../../src/core/types';
import { PeopleIndex } from '../../src/index/people-index';
import { GraphData } from '../../src/views/graph/graph-data';
import type { GraphModel, ModelCache } from '../../src/views/graph/model';
import { DEFAULT_GRAPH_OPTIONS } from '../../src/views/graph/options';
import { groupRadius } from '../../src/views/graph/overview';
import { JobRunner } from '../../src/views/graph/runner';
import type { Scheduler } from '../../src/views/graph/schedule';
import { GraphSession, SLICE_FROM, type SessionEvents } from '../../src/views/graph/session';
import { day, personRecord, settings } from '../builders';

/**
 * A clock the test drives: tasks run when the test says so, frames are painted when it says so, and every
 * reading of the time moves it on by 5 ms (so that a slice of 12 ms ends after its third step).
 */
class TestClock implements Scheduler {
  private time = 0;
  private tasks: { fn: () => void; live: boolean }[] = [];
  private paints: { fn: () => void; live: boolean }[] = [];

  later(fn: () => void, _ms: number): () => void {
    const task = { fn, live: true };
    this.tasks.push(task);
    return () => void (task.live = false);
  }

  afterPaint(fn: () => void): () => void {
    const task = { fn, live: true };
    this.paints.push(task);
    return () => void (task.live = false);
  }

  now(): number {
    return (this.time += 5);
  }

  /** Runs the tasks waiting now (not those they schedule); returns how many ran. */
  tick(): number {
    const tasks = this.tasks;
    this.tasks = [];
    for (const t of tasks) if (t.live) t.fn();
    return tasks.filter((t) => t.live).length;
  }

  /** Runs tasks until none is left (paints excepted). */
  drain(limit = 10_000): void {
    for (let i = 0; i < limit && this.tasks.length > 0; i++) this.tick();
  }

  get paintsWaiting(): number {
    return this.paints.filter((p) => p.live).length;
  }

  /** A frame is painted: what waited for it runs. */
  paint(): void {
    const paints = this.paints;
    this.paints = [];
    for (const p of paints) if (p.live) p.fn();
  }

  /** Tasks, paints and the promise queue, until all are done. */
  async settle(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      this.drain();
      this.paint();
      await new Promise((r) => setTimeout(r, 0));
      if (this.tasks.length === 0 && this.paints.length === 0) return;
    }
  }
}

function ring(n: number, prefix = 'P'): NoteRecord[] {
  return Array.from({ length: n }, (_, i) => personRecord(`${prefix}${i}`, { knows: [`[[${prefix}${(i + 1) % n}]]`], organisation: `Org ${i % 5}` }));
}

/** Groups of `size` people who all know each other, each group tied to the next by one tie. */
function cliques(groups: number, size: number): NoteRecord[] {
  const out: NoteRecord[] = [];
  for (let g = 0; g < groups; g++)
    for (let i = 0; i < size; i++) {
      const knows = Array.from({ length: size - i - 1 }, (_, k) => `[[G${g}M${i + k + 1}]]`);
      if (i === 0) knows.push(`[[G${(g + 1) % groups}M1]]`);
      out.push(personRecord(`G${g}M${i}`, { knows }));
    }
  return out;
}

function setUp(records: NoteRecord[], opts: { from?: number; runner?: JobRunner } = {}) {
  const clock = new TestClock();
  const index = new PeopleIndex(settings);
  index.rebuild(records);
  const data = new GraphData(index, { loadData: () => Promise.resolve({}), saveData: () => Promise.resolve() }, clock);
  const models: GraphModel[] = [];
  const events: SessionEvents & { moves: number } = {
    moves: 0,
    model: (m) => void models.push(m),
    moved: () => void events.moves++,
    changed: () => undefined,
    failed: (e) => {
      throw e;
    },
  };
  const session = new GraphSession(
    {
      index, data, runner: opts.runner ?? new JobRunner(null, clock), scheduler: clock,
      today: () => day('2026-11-24'),
      settings: () => ({ ...settings, graphOverviewFrom: opts.from ?? 400 }),
      tagsOf: () => [], mentionsOf: () => [],
      groupLabel: (lead, n) => `${lead ?? 'alone'} (${n})`,
    },
    events,
    { options: { ...DEFAULT_GRAPH_OPTIONS }, centre: null, focus: null, introTarget: null, chosenPath: 0, open: new Set(), background: '#ffffff' },
  );
  return { clock, index, data, session, models, events };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the graph session', () => {
  it('draws the first frame before any job starts; the jobs start once it is painted', async () => {
    const { clock, session, models } = setUp(ring(12));
    session.rebuild('network');
    // A small network is built at once; its model follows in a task of its own.
    expect(session.phase).toBe('network');
    expect(session.network).not.toBeNull();
    expect(models).toHaveLength(0);
    clock.drain();
    expect(models).toHaveLength(1);
    expect(session.phase).toBe('idle');
    expect(session.busy).toEqual({ metrics: false, layout: false });
    expect(session.idle).toBe(false);
    expect(clock.paintsWaiting).toBe(1);
    clock.paint();
    expect(session.busy).toEqual({ metrics: true, layout: true });
    await clock.settle();
    await session.whenIdle();
    // Communities in, brokers in: the model was built again with them, and the layout moved the nodes.
    expect(models.length).toBeGreaterThanOrEqual(3);
    expect(models.at(-1)!.legend.some((e) => e.label.kind === 'community')).toBe(true);
    expect(models.at(-1)!.graph.getNodeAttribute('People/P0.md', 'size')).toBeGreaterThan(0);
  });

  it('keeps the old picture until the new one is built, in slices, for a large network', async () => {
    const { clock, session, models } = setUp(ring(SLICE_FROM * 3), { from: 100_000 });
    session.rebuild('network');
    await clock.settle();
    await session.whenIdle();
    const drawn = models.length;
    const before = session.model;
    session.state.options = { ...session.state.options, colourBy: 'organisation' };
    session.rebuild('model');
    // The first slice ran; the model is not done: the old one is still the one drawn.
    expect(session.phase).toBe('model');
    expect(session.model).toBe(before);
    expect(models).toHaveLength(drawn);
    clock.drain();
    expect(models).toHaveLength(drawn + 1);
    expect(session.model).not.toBe(before);
    expect(session.model!.legend.some((e) => e.label.kind === 'organisation')).toBe(true);
  });

  it('leaves a running network build alone when asked again for the same revision, and restarts it for a newer one', async () => {
    const { clock, session, data, index } = setUp(ring(SLICE_FROM * 3), { from: 100_000 });
    const steps = vi.spyOn(data, 'networkSteps');
    session.rebuild('network');
    expect(session.phase).toBe('network');
    session.rebuild('network');
    session.rebuild('model');
    expect(steps).toHaveBeenCalledTimes(1);
    index.set(personRecord('New', { knows: ['[[P0]]'] }));
    session.rebuild('network');
    expect(steps).toHaveBeenCalledTimes(2);
    await clock.settle();
    expect(session.network!.indexOf.has('People/New.md')).toBe(true);
    expect(session.model!.graph.hasNode('People/New.md')).toBe(true);
  });

  it('stops everything on cancel: no model, no job, and whenIdle settles', async () => {
    const { clock, session, models } = setUp(ring(SLICE_FROM * 3), { from: 100_000 });
    session.rebuild('network');
    session.cancel();
    await clock.settle();
    expect(models).toHaveLength(0);
    await session.whenIdle();
    // After a first frame: the jobs waiting for the paint never start.
    const second = setUp(ring(12));
    second.session.rebuild('network');
    second.clock.drain();
    second.session.cancel();
    second.clock.paint();
    expect(second.session.busy).toEqual({ metrics: false, layout: false });
    await second.session.whenIdle();
  });

  it('runs its jobs in slices when the worker cannot start', async () => {
    class BrokenWorker extends EventTarget {
      constructor(_url: string) {
        super();
        setTimeout(() => this.dispatchEvent(new Event('error', { cancelable: true })), 0);
      }
      postMessage(): void {}
      terminate(): void {}
    }
    vi.stubGlobal('Worker', BrokenWorker);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:ties-test');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clock = new TestClock();
    const { session, models, clock: own } = setUp(ring(12), { runner: new JobRunner('/* worker */', clock) });
    void own;
    session.rebuild('network');
    for (let i = 0; i < 50 && !session.idle; i++) {
      clock.drain();
      own.drain();
      own.paint();
      await new Promise((r) => setTimeout(r, 5));
    }
    await session.whenIdle();
    expect(session.where).toBe('slices');
    expect(models.at(-1)!.legend.some((e) => e.label.kind === 'community')).toBe(true);
  });

  it('opens a large network on its groups, and a group on its people, laid out in place', async () => {
    const { clock, session, models, events } = setUp(cliques(30, 20), { from: 400 });
    session.rebuild('network');
    clock.drain();
    // Before the communities are known: nothing to draw yet, and it says so.
    expect(models[0]!.message).toBe('grouping');
    await clock.settle();
    await session.whenIdle();
    const overview = session.model!;
    expect(overview.overview).toEqual({ groups: 30, open: [] });
    expect(overview.graph.order).toBe(30);
    const bubble = overview.graph.getNodeAttributes('group:0');
    expect(bubble).toMatchObject({ kind: 'group', members: 20 });
    expect(bubble.label).toMatch(/^G\d+M0 \(20\)$/);
    // Lines between groups, weighted by their ties.
    overview.graph.forEachEdge((_e, a) => expect(a).toMatchObject({ kind: 'group', ties: 1 }));
    expect(overview.graph.size).toBe(30);

    // Open one: its 20 people in its disc, the other 29 groups still bubbles.
    const members = overview.graph.getNodeAttribute('group:0', 'members');
    // The session keeps the model's base: opening a group builds that group only (model-base.ts).
    const cache = (session as unknown as { modelCache: ModelCache }).modelCache;
    const base = cache.base;
    session.state.open.add(0);
    session.rebuild('model');
    clock.drain();
    const opened = session.model!;
    expect(cache.base).toBe(base);
    expect(opened.overview!.open).toEqual([0]);
    expect(opened.graph.order).toBe(29 + members);
    const centre = { x: bubble.x, y: bubble.y };
    const far = Math.max(...opened.graph.filterNodes((_k, a) => a.kind === 'person').map((k) => {
      const a = opened.graph.getNodeAttributes(k);
      return Math.hypot(a.x - centre.x, a.y - centre.y);
    }));
    expect(far).toBeLessThan(groupRadius(members));
    // Its layout runs after the paint and moves them in place.
    const moves = events.moves;
    await clock.settle();
    await session.whenIdle();
    expect(events.moves).toBeGreaterThan(moves);

    // Searching for someone in a closed group opens it; the whole graph is one option away.
    const target = ['People/G5M3.md', 'People/G17M3.md'].find((p) => session.groupOf(p) !== 0)!;
    expect(session.model!.graph.hasNode(target)).toBe(false);
    session.state.focus = target;
    session.rebuild('model');
    clock.drain();
    expect(session.model!.graph.hasNode(target)).toBe(true);
    expect(session.model!.overview!.open).toEqual([0, session.groupOf(target)].sort((a, b) => a! - b!));
    session.state.options = { ...session.state.options, whole: true };
    session.rebuild('model');
    clock.drain();
    expect(session.model!.overview).toBeNull();
    expect(session.model!.graph.order).toBe(600);
    expect(models.length).toBeGreaterThan(3);
  });
});
