/**
 * The graph session (a long file: the graph's whole lifecycle, its phase, builds and jobs, is kept in one
 * place so that its timing rules can be read together): everything the relationship graph computes, and
 * nothing it shows. It owns the pipeline from the index to a model the renderers draw; it has no DOM, so it
 * runs in node tests (on a clock of their own, `Scheduler`).
 *
 * Its lifecycle is one `phase`:
 *
 *     idle ── rebuild('network') ──► network ──► model ──► idle
 *     idle ── rebuild('model') ─────────────────► model ──► idle
 *
 * - network: the network of the index's revision (core/network.ts), in slices of SLICE_MS above SLICE_FROM
 *   people, at once below. A rebuild('network') while a build for the index's current revision runs leaves it
 *   alone; one for an older revision starts over.
 * - model: the model of the current state (model.ts), in slices for a large network. A newer rebuild stops it
 *   and starts over. The model drawn before stays on screen until the new one is handed over (`events.model`).
 * - jobs, beside the phase (jobs.ts, in the worker or in slices, runner.ts): a new network's communities and
 *   brokers, the layout of the whole graph, and the layout of each open group of the overview. They start after
 *   the first frame of the model is painted, never before (starting workers would delay that frame).
 *   Communities in: the model is built again (colours, the groups overview); brokers in: again (sizes). A layout
 *   moves the drawn nodes in place while it runs (`events.moved`), and its end saves the positions.
 * - cancel(): every build and job stops, and nothing calls back afterwards.
 *
 * `whenIdle()` settles when the phase is idle and no job runs or waits to start. Positions have one owner
 * (positions.ts, through GraphData); the overview's places live beside them in GraphData, per network structure.
 */
import { introPaths, type IntroResult, type Network } from '../../core/network';
import type { CoreSettings, Day } from '../../core/types';
import type { GraphData } from './graph-data';
import type { LayoutJob } from './jobs';
import { layoutJob, placeNodes, type Point } from './layout';
import { groupKey, modelSteps, type GraphModel, type ModelCache, type ModelInput } from './model';
import type { GraphOptions } from './options';
import { fitInDisc, groupLayoutJob, membersOf, overviewGroups, packGroupsSteps, spiral, tiesBetweenSteps } from './overview';
import { Cancelled, type JobRunner, type Where } from './runner';
import { runInSlices, type Scheduler } from './schedule';
import { communitySizes } from './colour-groups';

/** Networks of more people than this are built in slices, the first drawing too. */
export const SLICE_FROM = 1000;
const SLICE_MS = 12;
/** The whole graph's layout stops after this long, settled or not. */
const LAYOUT_MS = 2000;

export type Phase = 'idle' | 'network' | 'model';

/** What the view wants drawn. */
export interface SessionState {
  options: GraphOptions;
  /** Local mode's person (the active note). */
  centre: string | null;
  /** The person searched for. */
  focus: string | null;
  /** Who the intro panel finds paths to, and which path is chosen. */
  introTarget: string | null;
  chosenPath: number;
  /** Groups of the overview drawn as their people. */
  open: Set<number>;
  /** The background drawn on (faded colours are mixed with it). */
  background: string;
}

export interface SessionHost {
  readonly index: { readonly revision: number; people(): readonly { path: string }[] };
  readonly data: GraphData;
  readonly runner: JobRunner;
  readonly scheduler: Scheduler;
  today(): Day;
  settings(): CoreSettings & { graphOverviewFrom: number };
  tagsOf(path: string): readonly string[];
  mentionsOf(path: string): Iterable<string>;
  /** A closed group's label, from its best-connected member (null for the people without ties). */
  groupLabel(lead: string | null, members: number): string;
}

export interface SessionEvents {
  /** A new model is ready: draw it (the old one stayed drawn until now). */
  model(model: GraphModel): void;
  /** Positions of the drawn model changed in place (a layout moving). */
  moved(): void;
  /** The phase, a job or where jobs run changed (the status line). */
  changed(): void;
  failed(error: unknown): void;
}

type JobName = 'communities' | 'brokers' | 'layout' | `group:${number}`;

export class GraphSession {
  phase: Phase = 'idle';
  /** The model drawn last (null before the first). */
  model: GraphModel | null = null;
  /** The network the model was built from. */
  network: Network | null = null;
  /** The intro panel's paths, for the current network and target. */
  intro: IntroResult | null = null;
  where: Where;
  readonly state: SessionState;
  /** Main-thread ms of the last build's steps (network 0 when it was cached), for the benchmarks. */
  timings = { network: 0, model: 0 };

  private build: { revision: number | null; stop(): void } | null = null;
  private readonly jobs = new Map<JobName, () => void>();
  /** Jobs of a new network, waiting for its first frame. */
  private waiting: (() => void)[] = [];
  private stopWaiting: (() => void) | null = null;
  private fullLayout: LayoutJob | null = null;
  /** What the last model shares with the next (model-base.ts): opening a group rebuilds only that group. */
  private readonly modelCache: ModelCache = { base: null };
  private idleWaiters: (() => void)[] = [];
  private cancelled = false;

  constructor(
    private readonly host: SessionHost,
    private readonly events: SessionEvents,
    state: SessionState,
  ) {
    this.state = state;
    this.where = host.runner.where;
  }

  /** Jobs running (the status line): metrics, layout. */
  get busy(): { metrics: boolean; layout: boolean } {
    const names = [...this.jobs.keys()];
    return { metrics: names.some((n) => n === 'communities' || n === 'brokers'), layout: names.some((n) => n === 'layout' || n.startsWith('group:')) };
  }

  get idle(): boolean {
    return this.phase === 'idle' && this.jobs.size === 0 && this.waiting.length === 0;
  }

  /** Settles when the phase is idle and no job runs or waits. */
  async whenIdle(): Promise<void> {
    while (!this.idle && !this.cancelled) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Builds what changed: the network first when people changed, then the model. */
  rebuild(what: 'network' | 'model'): void {
    if (this.cancelled) return;
    const revision = this.host.index.revision;
    if (this.phase === 'network' && this.build?.revision === revision) return;
    if (what === 'network' || this.network === null || this.host.data.currentNetwork() !== this.network) this.buildNetwork(revision);
    else this.buildModel();
  }

  /** Finds intro paths to `target` (null clears them) on the current network. */
  introduce(target: string | null): IntroResult | null {
    this.state.introTarget = target;
    this.state.chosenPath = 0;
    const network = this.network ?? this.host.data.network();
    this.intro = target === null ? null : introPaths(network.graph(), target, this.host.today(), this.host.settings(), 3);
    return this.intro;
  }

  /** A node was dragged to (x, y): its place is kept (saved for the whole graph; kept in memory in the overview). */
  moved(key: string, at: Point): void {
    const network = this.network;
    if (!network) return;
    const layout = this.host.data.groupLayout(network.key);
    if (key.startsWith('group:')) {
      layout.centres.set(Number(key.slice(6)), at);
      this.moveInPlace();
      return;
    }
    const grouped = this.model?.overview != null;
    if (grouped) {
      const g = this.groupsOf(network)?.[network.indexOf.get(key) ?? -1];
      const c = g === undefined ? undefined : layout.centres.get(g);
      if (g === undefined || !c) return;
      this.stopJob(`group:${g}`);
      layout.offsets.set(key, { x: at.x - c.x, y: at.y - c.y });
      return;
    }
    // The user takes over from a running layout: it would move the person back.
    this.stopJob('layout');
    this.host.data.positions.set([[key, at]], (path) => network.indexOf.has(path));
  }

  /** The overview group a person is drawn in (null before the communities are known). */
  groupOf(path: string): number | null {
    const network = this.network;
    const i = network?.indexOf.get(path);
    const groups = network ? this.groupsOf(network) : null;
    return groups && i !== undefined ? groups[i]! : null;
  }

  /** Stops every build and job; nothing calls back afterwards. */
  cancel(): void {
    this.cancelled = true;
    this.build?.stop();
    this.build = null;
    this.stopWaiting?.();
    this.waiting = [];
    for (const stop of [...this.jobs.values()]) stop();
    this.jobs.clear();
    this.phase = 'idle';
    this.settle();
  }

  // ---------------------------------------------------------------------------------------- the pipeline

  private slices<T>(steps: Generator<void, T, void>, revision: number | null, done: (value: T, busy: number) => void): void {
    this.build?.stop();
    let stop: () => void = () => undefined;
    const build = { revision, stop: () => stop() };
    this.build = build;
    const sliceMs = this.host.index.people().length > SLICE_FROM ? SLICE_MS : Infinity;
    stop = runInSlices(
      steps,
      sliceMs,
      (value, busy) => {
        if (this.build !== build) return;
        this.build = null;
        done(value, busy);
      },
      (error) => {
        if (this.build !== build) return;
        this.build = null;
        this.phase = 'idle';
        this.events.failed(error);
        this.settle();
      },
      undefined,
      this.host.scheduler,
    );
  }

  private buildNetwork(revision: number): void {
    this.phase = 'network';
    this.events.changed();
    this.slices(this.host.data.networkSteps(), revision, (network, busy) => {
      this.timings.network = busy;
      this.adopt(network);
      // The model in a task of its own: the network's last slice has used this one.
      const stop = this.host.scheduler.later(() => this.buildModel(), 0);
      this.build = { revision: null, stop };
    });
  }

  /** A new network: intro paths on it, places for new people, and its jobs (after its first frame). */
  private adopt(network: Network): void {
    const fresh = network !== this.network;
    this.network = network;
    if (this.state.introTarget !== null) {
      const target = this.state.introTarget, chosen = this.state.chosenPath;
      this.introduce(network.indexOf.has(target) ? target : null);
      this.state.chosenPath = chosen;
    }
    if (!fresh) return;
    const adj = network.adjacency;
    const placement = placeNodes(adj, this.host.data.positions.all);
    const placed: [string, Point][] = [];
    adj.keys.forEach((path, i) => {
      if (!placement.saved[i]) placed.push([path, { x: placement.xy[2 * i]!, y: placement.xy[2 * i + 1]! }]);
    });
    if (placed.length > 0) this.host.data.positions.set(placed, (path) => network.indexOf.has(path));
    this.fullLayout = layoutJob(adj, placement, LAYOUT_MS);
    this.waiting = [() => this.startMetrics(network)];
  }

  private buildModel(): void {
    const network = this.network;
    if (!network) return;
    this.phase = 'model';
    this.slices(this.modelWork(network), null, (model, busy) => {
      this.timings.model = busy;
      this.phase = 'idle';
      this.model = model;
      if (model.overview === null && model.message === null && this.fullLayout !== null) {
        const job = this.fullLayout;
        this.fullLayout = null;
        this.waiting.push(() => this.startLayout(network, job));
      }
      this.events.model(model);
      this.startAfterPaint();
      this.events.changed();
      this.settle();
    });
  }

  private *modelWork(network: Network): Generator<void, GraphModel, void> {
    return yield* modelSteps(yield* this.input(network), this.modelCache);
  }

  /** What the model is built from; in steps: a large network's groups are packed the first time (a few passes). */
  private *input(network: Network): Generator<void, ModelInput, void> {
    const s = this.state;
    const settings = this.host.settings();
    const metrics = this.host.data.metrics(network.key);
    const grouping = metrics ? this.groupsAndMembers(network) : null;
    const groups = grouping?.groups ?? null;
    const layout = this.host.data.groupLayout(network.key);
    if (grouping) yield* this.placeGroups(network, grouping.groups, grouping.members, layout);
    return {
      network,
      today: this.host.today(),
      settings,
      options: s.options,
      metrics,
      positions: this.host.data.positions.all,
      centre: s.centre,
      focus: s.focus,
      intro: this.intro,
      chosenPath: s.chosenPath,
      tagsOf: (path) => this.host.tagsOf(path),
      mentionsOf: (path) => this.host.mentionsOf(path),
      background: s.background,
      overview: {
        from: settings.graphOverviewFrom,
        groups,
        open: s.open,
        centres: layout.centres,
        offsets: layout.offsets,
        label: (lead, members) => this.host.groupLabel(lead, members),
      },
    };
  }

  private groupCache: { key: string; groups: Int32Array; members: Map<number, number[]> } | null = null;

  private groupsOf(network: Network): Int32Array | null {
    return this.groupsAndMembers(network)?.groups ?? null;
  }

  /** Each person's overview group and each group's members, once per network structure. */
  private groupsAndMembers(network: Network): { groups: Int32Array; members: Map<number, number[]> } | null {
    const metrics = this.host.data.metrics(network.key);
    if (!metrics) return null;
    if (this.groupCache?.key !== network.key) {
      const groups = overviewGroups(network, metrics.community);
      this.groupCache = { key: network.key, groups, members: membersOf(groups) };
    }
    return this.groupCache;
  }

  /** Group centres once; members of each group to be drawn open, placed on a spiral and laid out in the worker. */
  private *placeGroups(network: Network, groups: Int32Array, members: Map<number, number[]>, layout: ReturnType<GraphData['groupLayout']>): Generator<void, void, void> {
    if (layout.centres.size === 0) {
      const sizes = new Map([...members].map(([g, list]) => [g, list.length]));
      const centres = yield* packGroupsSteps(sizes, yield* tiesBetweenSteps(network, groups));
      // A build stopped halfway leaves no half-packed centres: they are set together.
      if (layout.centres.size === 0) for (const [g, p] of centres) layout.centres.set(g, p);
    }
    const open = new Set(this.state.open);
    const focus = this.state.focus === null ? undefined : network.indexOf.get(this.state.focus);
    if (focus !== undefined) open.add(groups[focus]!);
    for (const path of this.intro?.paths.flat() ?? []) {
      const i = network.indexOf.get(path);
      if (i !== undefined) open.add(groups[i]!);
    }
    const adj = network.adjacency;
    const degree = (i: number) => adj.offsets[i + 1]! - adj.offsets[i]!;
    for (const g of open) {
      const list = members.get(g);
      if (!list || layout.placed.has(g)) continue;
      layout.placed.add(g);
      for (const [i, p] of spiral(list, degree)) layout.offsets.set(network.people[i]!.path, p);
      if (list.length > 2) this.waiting.push(() => this.startGroupLayout(network, g, list));
    }
  }

  // ---------------------------------------------------------------------------------------- jobs

  private startAfterPaint(): void {
    if (this.waiting.length === 0 || this.stopWaiting !== null) return;
    this.stopWaiting = this.host.scheduler.afterPaint(() => {
      this.stopWaiting = null;
      const waiting = this.waiting;
      this.waiting = [];
      for (const start of waiting) start();
      this.events.changed();
      this.settle();
    });
  }

  private run<R>(name: JobName, start: (onWhere: (w: Where) => void) => { promise: Promise<R>; cancel(): void }, done: (result: R) => void): void {
    this.stopJob(name);
    const handle = start((w) => (this.where = w));
    const stop = () => handle.cancel();
    this.jobs.set(name, stop);
    handle.promise.then(
      (result) => {
        if (this.jobs.get(name) !== stop) return;
        this.jobs.delete(name);
        done(result);
        this.events.changed();
        this.settle();
      },
      (error: unknown) => {
        if (this.jobs.get(name) === stop) this.jobs.delete(name);
        if (!(error instanceof Cancelled)) console.error(`Ties: the graph's ${name} job failed`, error);
        this.events.changed();
        this.settle();
      },
    );
  }

  private stopJob(name: JobName): void {
    const stop = this.jobs.get(name);
    if (!stop) return;
    this.jobs.delete(name);
    stop();
  }

  private startMetrics(network: Network): void {
    const { data, runner } = this.host;
    const adj = network.adjacency;
    const arrays = { n: adj.keys.length, offsets: adj.offsets, neighbours: adj.neighbours };
    const known = data.metrics(network.key);
    if (!known)
      this.run('communities', (onWhere) => runner.run({ type: 'communities', ...arrays }, { onWhere }), (r) => {
        data.setCommunities(network.key, new Map(adj.keys.map((k, i) => [k, r.community[i]!])));
        if (this.network === network) this.rebuild('model');
      });
    if (!known?.broker)
      this.run('brokers', (onWhere) => runner.run({ type: 'brokers', ...arrays }, { onWhere }), (r) => {
        data.setBrokers(network.key, new Map(adj.keys.map((k, i) => [k, r.broker[i]!])));
        if (this.network === network && data.metrics(network.key)) this.rebuild('model');
      });
  }

  private startLayout(network: Network, job: LayoutJob): void {
    const keys = network.adjacency.keys;
    const keep = (path: string) => network.indexOf.has(path);
    const apply = (xy: Float32Array) => {
      if (this.network !== network) return;
      this.host.data.positions.set(keys.map((k, i): [string, Point] => [k, { x: xy[2 * i]!, y: xy[2 * i + 1]! }]), keep);
      this.moveInPlace();
    };
    this.run('layout', (onWhere) => this.host.runner.run(job, { onSnapshot: apply, onWhere }), (r) => apply(r.positions));
  }

  /** An open group's people laid out among themselves, fitted into the group's disc. */
  private startGroupLayout(network: Network, g: number, members: number[]): void {
    const layout = this.host.data.groupLayout(network.key);
    const job = groupLayoutJob(network, members, layout.offsets);
    const apply = (out: Float32Array) => {
      if (this.network !== network) return;
      const fitted = fitInDisc(out, members.length);
      members.forEach((i, k) => layout.offsets.set(network.people[i]!.path, { x: fitted[2 * k]!, y: fitted[2 * k + 1]! }));
      this.moveInPlace();
    };
    this.run(`group:${g}`, (onWhere) => this.host.runner.run(job, { onSnapshot: apply, onWhere }), (r) => apply(r.positions));
  }

  /** Positions changed: the drawn model's nodes move to them, without a new model. */
  private moveInPlace(): void {
    const graph = this.model?.graph, network = this.network;
    if (!graph || !network) return;
    const positions = this.host.data.positions;
    const layout = this.host.data.groupLayout(network.key);
    const groups = this.model?.overview ? this.groupsOf(network) : null;
    graph.updateEachNodeAttributes(
      (key, attrs) => {
        let p: Point | undefined;
        if (attrs.kind === 'group') p = layout.centres.get(attrs.community!);
        else if (groups) {
          const g = groups[network.indexOf.get(key)!]!, c = layout.centres.get(g), o = layout.offsets.get(key);
          p = c && o ? { x: c.x + o.x, y: c.y + o.y } : undefined;
        } else p = positions.get(key);
        if (p) {
          attrs.x = p.x;
          attrs.y = p.y;
        }
        return attrs;
      },
      { attributes: ['x', 'y'] },
    );
    this.events.moved();
  }

  private settle(): void {
    if (!this.idle && !this.cancelled) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

/** A group's key in the model, for the view (re-exported so views need not know the model's scheme). */
export { groupKey };
/** People per community: the overview's bubble sizes before filters. */
export { communitySizes };
