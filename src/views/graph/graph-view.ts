/**
 * The relationship graph (view type `ties-graph`): people and who knows whom, drawn with sigma (WebGL) or, where
 * that is unavailable, a Canvas2D renderer. Colours show groups (Louvain) or organisations, sizes show brokers,
 * line widths show how warm both ties are. A toolbar filters and searches; local mode follows the active note;
 * the intro finder highlights who can introduce you to someone.
 *
 * Work: the network is rebuilt when people change (debounced, only while the view is shown); metrics and layout
 * run in a Web Worker (or in time slices) and are cached by the network's structure; positions are saved in the
 * plugin's data and reused. The view holds its current model (`model`) for tests.
 */
import { Keymap, Notice, requireApiVersion, type App, type Plugin, type ViewStateResult, type WorkspaceLeaf } from 'obsidian';
import { effectiveLastContact } from '../../core/contacts';
import { describeSpan, words } from '../../core/describe';
import { introPaths, type IntroResult, type Network } from '../../core/network';
import { CIRCLES, type Circle, type Person } from '../../core/types';
import type { StringKey } from '../../i18n/i18n';
import type { IndexChange } from '../../index/people-index';
import { LiveView, type RenderCause, type ViewHost } from '../live-view';
import { afterPaint, runInSlices } from './schedule';
import { DEFAULT_THEME, themeOf, type Theme } from './draw';
import { GraphData, type DataStore } from './graph-data';
import { layoutJob, placeNodes, type Placement, type Point } from './layout';
import {
  DEFAULT_GRAPH_OPTIONS, filterChoices, modelSteps, readOptions,
  type GraphMetrics, type GraphModel, type GraphOptions, type LegendLabel,
} from './model';
import { createRenderer, type GraphRenderer, type RendererChoice } from './renderer';
import { Cancelled, JobRunner, type Where } from './runner';

export const VIEW_TYPE_GRAPH = 'ties-graph';
/** Delay between an index change and the rebuild it causes. */
export const GRAPH_REFRESH_MS = 300;
/** The layout stops after this long, settled or not. */
const LAYOUT_MS = 2000;
/**
 * The network and the drawing of more people than this are built in slices of SLICE_MS, the first drawing too:
 * the drawn model (if any) stays and the view stays usable meanwhile. (Yielding lets the browser render frames in
 * between, which delays the first drawing of 2,000 people by a few milliseconds.)
 */
export const SLICE_FROM = 1000;
const SLICE_MS = 12;

/** What the view needs from the plugin: what every view reads, and the graph's data kept between views. */
export interface GraphHost extends ViewHost {
  readonly data: GraphData;
}

interface ViewState extends Partial<GraphOptions> {
  renderer?: RendererChoice;
}

let viewCount = 0;

export class GraphView extends LiveView {
  /** The model drawn now (null before the first build); tests read it. */
  model: GraphModel | null = null;
  options: GraphOptions = { ...DEFAULT_GRAPH_OPTIONS };
  /** The renderer in use, or null when nothing can draw (see `problem`). */
  renderer: GraphRenderer | null = null;
  /** Why the graph is not drawn, or drawn the simple way; null when all is well. */
  problem: string | null = null;
  rendererChoice: RendererChoice = 'auto';
  /** Where metrics and layout run. */
  where: Where;
  private networkMs = 0;
  /** How long the last render's steps took on the main thread, ms (network: 0 when it was cached). */
  timings = { network: 0, model: 0, draw: 0 };

  protected declare readonly host: GraphHost;
  protected readonly renderDelay = GRAPH_REFRESH_MS;
  private readonly runner: JobRunner;
  private readonly uid = ++viewCount;
  private network: Network | null = null;
  private networkStale = true;
  /** The next build, a task away (the first drawing, or the model after its network). */
  private tick: number | null = null;
  private metricsJob: { key: string; cancel(): void } | null = null;
  /** A new network's metrics and layout, waiting for its first frame (see startJobsAfterPaint). */
  private pendingJobs: { network: Network; placement: Placement } | null = null;
  private jobsStart: (() => void) | null = null;
  /** The network or model being built in slices, if one is. */
  private building: { revision: number | null; stop(): void } | null = null;
  private layoutRun: { key: string; cancel(): void } | null = null;
  private positions = new Map<string, Point>();
  private centre: string | null = null;
  private focusPath: string | null = null;
  private intro: IntroResult | null = null;
  private chosenPath = 0;
  private introOpen = false;
  private idleWaiters: (() => void)[] = [];
  /** A renderer is being made (sigma loads on demand). */
  private creating = false;
  /** Neither renderer works here (see `problem`); not tried again until the view is rebuilt. */
  private drawingFailed = false;
  /** Bumped when the view closes or rebuilds its elements: late results of older ones are dropped. */
  private epoch = 0;
  private theme: Theme = DEFAULT_THEME;
  /** Stops the pending update of the menus and the name list. */
  private choices: (() => void) | null = null;
  /** A rename moved a position to a new path: saved with the next network. */
  private positionsMoved = false;
  /** Every person's name, as the search lists offer them. */
  private names = new Set<string>();

  // Elements.
  private toolbarEl!: HTMLElement;
  private stageEl!: HTMLElement;
  private canvasHost!: HTMLElement;
  private messageEl!: HTMLElement;
  private legendEl!: HTMLElement;
  private statusEl!: HTMLElement;
  private cardEl!: HTMLElement;
  private introEl!: HTMLElement;
  private introInput!: HTMLInputElement;
  private introResults!: HTMLElement;
  private peopleList!: HTMLDataListElement;
  private organisationSelect!: HTMLSelectElement;
  private tagSelect!: HTMLSelectElement;

  constructor(leaf: WorkspaceLeaf, host: GraphHost) {
    super(leaf, host);
    this.icon = 'network';
    this.navigation = false;
    this.runner = new JobRunner();
    this.where = this.runner.where;
  }

  override getViewType(): string {
    return VIEW_TYPE_GRAPH;
  }

  override getDisplayText(): string {
    return this.host.t('graph.title');
  }

  override getIcon(): string {
    return 'network';
  }

  override getState(): Record<string, unknown> {
    const state: Record<string, unknown> = { ...this.options };
    if (this.rendererChoice !== 'auto') state.renderer = this.rendererChoice;
    return state;
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const s = (typeof state === 'object' && state !== null ? state : {}) as ViewState;
    this.options = readOptions({ ...this.options, ...s });
    const choice: RendererChoice = s.renderer === 'canvas' ? 'canvas' : 'auto';
    if (choice !== this.rendererChoice) {
      this.rendererChoice = choice;
      this.renderer?.kill();
      this.renderer = null;
      this.epoch++;
      this.creating = false;
      this.drawingFailed = false;
    }
    if (this.opened) {
      this.syncControls();
      this.invalidate();
    }
    await super.setState(state, result);
  }

  protected async opening(): Promise<void> {
    this.contentEl.addClass('ties-graph');
    this.registerEvent(this.app.workspace.on('file-open', () => this.followActiveNote()));
    this.registerEvent(this.app.workspace.on('active-leaf-change', () => this.followActiveNote()));
    this.registerEvent(this.app.workspace.on('css-change', () => {
      this.theme = themeOf(this.contentEl);
      this.renderer?.setTheme(this.theme);
      this.invalidate();
    }));
    this.register(() => this.stopWork());
    if (typeof ResizeObserver !== 'undefined') {
      // Shown again after being hidden, or resized with the pane: the renderer takes the new size.
      const observer = new ResizeObserver(() => this.renderer?.resize());
      observer.observe(this.contentEl);
      this.register(() => observer.disconnect());
    }
    this.buildDom();
    this.theme = themeOf(this.contentEl);
    this.followActiveNote();
    this.positions = new Map(await this.host.data.positions());
    // The first drawing waits a tick: a restored view gets its options (setState) right after opening, and
    // drawing the defaults first would be work thrown away.
    this.tick = window.setTimeout(() => {
      this.tick = null;
      this.render();
    }, 0);
  }

  protected override closing(): void {
    this.stopWork();
    this.contentEl.empty();
  }

  override onResize(): void {
    this.renderer?.resize();
    super.onResize();
  }

  // ---------------------------------------------------------------------------------------- public, for tests

  /** Changes options and redraws. */
  setOptions(change: Partial<GraphOptions>): void {
    this.options = readOptions({ ...this.options, ...change });
    this.syncControls();
    this.render();
    this.app.workspace.requestSaveLayout();
  }

  /** Focuses a person by name, alias or path (the search box). Returns the path, or null. */
  search(query: string): string | null {
    const q = query.trim();
    if (q === '') {
      this.focusPath = null;
      this.render();
      return null;
    }
    const path = this.findPerson(q);
    if (path === null) {
      new Notice(this.host.t('graph.search.notFound', { name: q }));
      return null;
    }
    this.focusPath = path;
    this.render();
    if (!this.model?.graph.hasNode(path)) {
      new Notice(this.host.t('graph.search.hidden', { name: this.host.index.person(path)?.name ?? q }));
      return path;
    }
    this.renderer?.focus(path);
    return path;
  }

  /** Finds who can introduce you to a person (the intro panel). Null clears it. */
  introduce(query: string | null): IntroResult | null {
    const path = query === null || query.trim() === '' ? null : this.findPerson(query.trim());
    if (query !== null && query.trim() !== '' && path === null) new Notice(this.host.t('graph.search.notFound', { name: query.trim() }));
    this.intro = path === null ? null : introPaths(this.currentNetwork().graph(), path, this.host.today(), this.host.settings(), 3);
    this.chosenPath = 0;
    this.introOpen = this.introOpen || this.intro !== null;
    this.render();
    return this.intro;
  }

  /** Chooses one of the intro paths to highlight. */
  choosePath(index: number): void {
    if (!this.intro || index < 0 || index >= this.intro.paths.length) return;
    this.chosenPath = index;
    this.render();
  }

  /** The local-mode centre (the active person note). */
  setCentre(path: string | null): void {
    this.centre = path;
    if (this.options.local) {
      this.render();
    }
  }

  /** Settles when no metrics or layout work is running. */
  async whenIdle(): Promise<void> {
    while (!this.idle()) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private idle(): boolean {
    return !this.renderPending && this.tick === null && this.choices === null && this.jobsStart === null && this.building === null && this.metricsJob === null && this.layoutRun === null && !this.creating;
  }

  // ---------------------------------------------------------------------------------------- events

  protected override indexChanged(change: IndexChange): void {
    if (change.people || change.type === 'reset') this.networkStale = true;
    super.indexChanged(change);
  }

  /** A renamed person keeps their place, and stays the centre, the focus or the intro target. */
  protected override renamed(oldPath: string, newPath: string): void {
    const p = this.positions.get(oldPath);
    if (p) {
      this.positions.delete(oldPath);
      this.positions.set(newPath, p);
      this.positionsMoved = true;
    }
    if (this.centre === oldPath) this.centre = newPath;
    if (this.focusPath === oldPath) this.focusPath = newPath;
    if (this.intro?.target === oldPath) this.intro = { ...this.intro, target: newPath };
  }

  private followActiveNote(): void {
    const file = this.app.workspace.getActiveFile();
    const path = file?.path ?? null;
    if (path === null || path === this.centre || !this.host.index.person(path)) return;
    this.setCentre(path);
  }

  private stopWork(): void {
    this.epoch++;
    this.creating = false;
    this.cancelRender();
    if (this.tick !== null) window.clearTimeout(this.tick);
    this.tick = null;
    this.choices?.();
    this.choices = null;
    this.jobsStart?.();
    this.jobsStart = null;
    this.pendingJobs = null;
    this.building?.stop();
    this.building = null;
    this.metricsJob = null;
    this.layoutRun = null;
    this.runner.dispose();
    this.renderer?.kill();
    this.renderer = null;
    this.resolveIdle();
  }

  private resolveIdle(): void {
    if (!this.idle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  // ---------------------------------------------------------------------------------------- data

  private currentNetwork(): Network {
    if (this.networkStale || this.network === null) {
      const network = this.host.data.network();
      this.network = network;
      this.networkStale = false;
      if (this.intro) this.intro = introPaths(network.graph(), this.intro.target, this.host.today(), this.host.settings(), 3);
      this.pendingJobs = { network, placement: this.place(network) };
    }
    return this.network;
  }

  /**
   * Starts the metrics and layout of a new network once the model built from it is on screen: spawning workers
   * and copying jobs to them would delay the first frame. Called before the renderer is made, so that the jobs
   * start before sigma does (which holds the main thread for a while).
   */
  private startJobsAfterPaint(): void {
    if (this.pendingJobs === null || this.jobsStart !== null) return;
    this.jobsStart = afterPaint(() => {
      this.jobsStart = null;
      const pending = this.pendingJobs;
      this.pendingJobs = null;
      if (pending !== null && pending.network === this.network) {
        this.startMetrics(pending.network);
        this.startLayout(pending.network, pending.placement);
      }
      this.updateStatus();
      this.resolveIdle();
    });
  }

  private findPerson(query: string): string | null {
    const found = this.host.index.findPerson(query);
    if (found !== null) return found;
    const q = query.toLowerCase();
    const matches = this.host.index.people().filter((p) => p.name.toLowerCase().startsWith(q));
    return matches.length === 1 ? matches[0]!.path : null;
  }

  private tagsOf = (path: string): readonly string[] => this.host.index.person(path)?.tags ?? [];

  /** The people whose notes this person's note links to in its body. */
  private mentionsOf = (path: string): Iterable<string> => {
    const out = new Set<string>();
    for (const target of this.host.index.person(path)?.bodyLinks ?? []) {
      const to = this.host.index.resolvePerson(target, path);
      if (to !== null && to !== path) out.add(to);
    }
    return out;
  };

  private startMetrics(network: Network): void {
    const key = network.key;
    if (this.host.data.metrics(key) || this.metricsJob?.key === key) return;
    this.metricsJob?.cancel();
    const adj = network.adjacency;
    const handle = this.runner.run(
      { type: 'metrics', n: adj.keys.length, offsets: adj.offsets, neighbours: adj.neighbours },
      { onWhere: (w) => (this.where = w) },
    );
    const job = { key, cancel: () => handle.cancel() };
    this.metricsJob = job;
    handle.promise.then(
      (result) => {
        if (this.metricsJob !== job) return;
        const metrics: GraphMetrics = {
          community: new Map(adj.keys.map((k, i) => [k, result.community[i]!])),
          broker: new Map(adj.keys.map((k, i) => [k, result.broker[i]!])),
        };
        this.host.data.setMetrics(key, metrics);
        this.metricsJob = null;
        this.render();
        this.resolveIdle();
      },
      (error: unknown) => {
        if (this.metricsJob === job) this.metricsJob = null;
        if (!(error instanceof Cancelled)) console.error('Ties: could not compute the network metrics', error);
        this.updateStatus();
        this.resolveIdle();
      },
    );
  }

  /** Positions for everyone right away: saved (kept exactly), or placed near the people they know. */
  private place(network: Network): Placement {
    const adj = network.adjacency;
    const placement = placeNodes(adj, this.positions);
    adj.keys.forEach((path, i) => {
      if (!placement.saved[i]) this.positions.set(path, { x: placement.xy[2 * i]!, y: placement.xy[2 * i + 1]! });
    });
    return placement;
  }

  private startLayout(network: Network, placement: Placement): void {
    const adj = network.adjacency;
    const job = layoutJob(adj, placement, LAYOUT_MS);
    if (job === null) {
      if (placement.fresh > 0 || this.positionsMoved) this.savePositions(network);
      this.positionsMoved = false;
      return;
    }
    if (this.layoutRun?.key === network.key) return;
    this.layoutRun?.cancel();
    const keys = adj.keys;
    const apply = (xy: Float32Array) => {
      for (let i = 0; i < keys.length; i++) this.positions.set(keys[i]!, { x: xy[2 * i]!, y: xy[2 * i + 1]! });
      this.moveNodes();
    };
    const handle = this.runner.run(job, { onSnapshot: apply, onWhere: (w) => (this.where = w) });
    const run = { key: network.key, cancel: () => handle.cancel() };
    this.layoutRun = run;
    handle.promise.then(
      (result) => {
        if (this.layoutRun !== run) return;
        this.layoutRun = null;
        apply(result.positions);
        this.savePositions(network);
        this.updateStatus();
        this.resolveIdle();
      },
      (error: unknown) => {
        if (this.layoutRun === run) this.layoutRun = null;
        if (!(error instanceof Cancelled)) console.error('Ties: could not lay out the graph', error);
        this.updateStatus();
        this.resolveIdle();
      },
    );
  }

  private savePositions(network: Network): void {
    this.host.data.updatePositions(this.positions, (path) => network.indexOf.has(path));
  }

  /** New positions from the layout: moved in the drawn graph, no new model. */
  private moveNodes(): void {
    const graph = this.model?.graph;
    if (!graph) return;
    graph.updateEachNodeAttributes(
      (path, attrs) => {
        const p = this.positions.get(path);
        if (p) {
          attrs.x = p.x;
          attrs.y = p.y;
        }
        return attrs;
      },
      { attributes: ['x', 'y'] },
    );
    this.renderer?.refresh();
  }

  // ---------------------------------------------------------------------------------------- rendering

  /** Rebuilds the model (and the network first when people changed) and draws it. */
  protected draw(cause: RenderCause): void {
    if (this.tick !== null) window.clearTimeout(this.tick);
    this.tick = null;
    this.renderNow(cause);
    this.resolveIdle();
  }

  private renderNow(cause: RenderCause): void {
    if (cause.language) this.buildDom();
    if (!this.host.loaded()) {
      this.showMessage(this.host.t('graph.message.loading'));
      return;
    }
    if (!this.isVisible() && this.model !== null) {
      // Hidden: nothing to draw now; refresh() draws when shown again.
      this.deferUntilShown();
      return;
    }
    try {
      if (this.networkStale || this.network === null) {
        // People changed: the network first, then the model and drawing in a task of their own.
        const revision = this.host.index.revision;
        this.runSteps(this.host.data.networkSteps(), revision, (_network, busy) => {
          this.networkMs = busy;
          this.currentNetwork();
          this.tick = window.setTimeout(() => {
            this.tick = null;
            this.render();
          }, 0);
        });
        return;
      }
      this.buildModel(this.currentNetwork());
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    console.error('Ties: could not build the graph', error);
    this.showMessage(this.host.t('graph.message.failed', { reason: error instanceof Error ? error.message : String(error) }));
  }

  /** Builds the model and draws it (the drawn model stays until the new one is done). */
  private buildModel(network: Network): void {
    const steps = modelSteps({
      network,
      today: this.host.today(),
      settings: this.host.settings(),
      options: this.options,
      metrics: this.host.data.metrics(network.key),
      positions: this.positions,
      centre: this.centre,
      focus: this.focusPath,
      intro: this.intro,
      chosenPath: this.chosenPath,
      tagsOf: this.tagsOf,
      mentionsOf: this.mentionsOf,
      background: this.theme.background,
    });
    this.runSteps(steps, null, (model, busy) => {
      this.model = model;
      this.startJobsAfterPaint();
      this.scheduleChoices(network);
      const t = performance.now();
      this.show(model);
      this.timings = { network: this.networkMs, model: busy, draw: performance.now() - t };
      this.networkMs = 0;
    });
  }

  /**
   * Runs a build to the end and hands its result to `done`, with the main thread's time it took: at once for a
   * small graph, in time slices of SLICE_MS for a large one. A newer build stops a running one. `revision`: the
   * index revision a network build reads (refresh() leaves it alone while the index stays there).
   */
  private runSteps<T>(steps: Generator<void, T, void>, revision: number | null, done: (value: T, busy: number) => void): void {
    this.building?.stop();
    let stop: () => void = () => undefined;
    const build = { revision, stop: () => stop() };
    this.building = build;
    const finished = () => {
      if (this.building === build) this.building = null;
    };
    const sliceMs = this.host.index.people().length > SLICE_FROM ? SLICE_MS : Infinity;
    stop = runInSlices(
      steps,
      sliceMs,
      (value, busy) => {
        finished();
        done(value, busy);
        this.resolveIdle();
      },
      (error) => {
        finished();
        this.deferUntilShown();
        this.failed(error);
        this.resolveIdle();
      },
    );
  }

  private show(model: GraphModel): void {
    this.renderLegend(model);
    this.renderIntro();
    this.updateStatus();
    if (model.message !== null) {
      this.showMessage(this.messageText(model));
      this.renderer?.setGraph(model.graph);
      return;
    }
    this.showMessage(null);
    if (this.renderer !== null) {
      this.renderer.setGraph(model.graph);
      if (this.focusPath !== null && model.graph.hasNode(this.focusPath)) this.renderer.focus(this.focusPath);
      return;
    }
    if (this.creating || this.drawingFailed) {
      if (this.drawingFailed) this.showMessage(this.host.t('graph.message.cannotDraw', { reason: this.problem ?? '' }));
      return;
    }
    const epoch = this.epoch;
    const events = {
      hover: (path: string | null, at: { x: number; y: number } | null) => this.showCard(path, at),
      click: (path: string, event: MouseEvent | TouchEvent | null) => this.openNote(path, event),
      fallback: (reason: string) => {
        if (epoch !== this.epoch) return;
        this.problem = reason;
        this.updateStatus();
      },
      settled: () => this.whenIdle(),
    };
    this.creating = true;
    void createRenderer(this.canvasHost, model.graph, events, this.theme, this.rendererChoice).then((outcome) => {
      this.creating = false;
      if (epoch !== this.epoch) {
        // Closed or rebuilt meanwhile.
        outcome.renderer?.kill();
        this.resolveIdle();
        return;
      }
      if (outcome.renderer === null) {
        this.drawingFailed = true;
        this.problem = outcome.reason;
        this.showMessage(this.host.t('graph.message.cannotDraw', { reason: outcome.reason }));
      } else {
        this.renderer = outcome.renderer;
        this.problem = outcome.fallbackReason;
        const current = this.model;
        if (current && current.graph !== model.graph) this.renderer.setGraph(current.graph);
        if (current?.message) this.showMessage(this.messageText(current));
        if (this.focusPath !== null && current?.graph.hasNode(this.focusPath)) this.renderer.focus(this.focusPath);
      }
      this.updateStatus();
      this.resolveIdle();
    });
  }

  private messageText(model: GraphModel): string | null {
    const keys: Record<NonNullable<GraphModel['message']>, StringKey> = {
      empty: 'graph.message.empty',
      'no-match': 'graph.message.noMatch',
      'no-centre': 'graph.message.noCentre',
    };
    return model.message === null ? null : this.host.t(keys[model.message]);
  }

  private showMessage(text: string | null): void {
    this.messageEl.setText(text ?? '');
    this.messageEl.toggleClass('is-hidden', text === null);
    this.canvasHost.toggleClass('is-hidden', text !== null && this.renderer === null);
  }

  private updateStatus(): void {
    if (!this.opened) return;
    const t = this.host.t;
    const model = this.model;
    const parts: string[] = [];
    if (model && model.message === null) {
      parts.push(t('graph.status.counts', { shown: model.counts.shown, people: model.counts.people, edges: model.counts.edges }));
      if (model.counts.edges === 0) parts.push(t('graph.status.noTies'));
    }
    if (model && model.counts.missing > 0) parts.push(t('graph.status.missing', { n: model.counts.missing }));
    if (model && model.counts.selfLinks > 0) parts.push(t('graph.status.selfLinks', { n: model.counts.selfLinks }));
    if (this.metricsJob) parts.push(t('graph.status.metrics'));
    if (this.layoutRun) parts.push(t('graph.status.layout'));
    if ((this.metricsJob || this.layoutRun) && this.where === 'slices') parts.push(t('graph.status.slices'));
    if (this.renderer?.kind === 'canvas' && this.problem) parts.push(t('graph.status.canvas', { reason: this.problem }));
    this.statusEl.setText(parts.join(' · '));
  }

  // ---------------------------------------------------------------------------------------- DOM

  private buildDom(): void {
    const t = this.host.t;
    this.renderer?.kill();
    this.renderer = null;
    this.epoch++;
    this.creating = false;
    this.drawingFailed = false;
    const el = this.contentEl;
    el.empty();

    this.toolbarEl = el.createDiv({ cls: 'ties-graph-toolbar' });
    const listId = `ties-graph-people-${this.uid}`;
    this.peopleList = el.createEl('datalist', { attr: { id: listId } });

    const search = this.toolbarEl.createEl('input', {
      cls: 'ties-graph-search',
      type: 'search',
      attr: { placeholder: t('graph.search.placeholder'), 'aria-label': t('graph.search.placeholder'), list: listId },
    });
    this.registerDomEvent(search, 'change', () => void this.search(search.value));
    this.registerDomEvent(search, 'input', () => {
      if (search.value === '' && this.focusPath !== null) this.search('');
      // A name picked from the list: no need to wait for Enter.
      else if (this.names.has(search.value)) this.search(search.value);
    });

    const colour = this.select(this.toolbarEl, t('graph.colourBy'), [
      ['community', t('graph.colourBy.community')],
      ['organisation', t('graph.colourBy.organisation')],
    ], 'colourBy');
    this.registerDomEvent(colour, 'change', () => this.setOptions({ colourBy: colour.value as GraphOptions['colourBy'] }));

    this.organisationSelect = this.select(this.toolbarEl, t('graph.filter.organisation'), [['', t('graph.filter.organisation.all')]], 'organisation');
    this.registerDomEvent(this.organisationSelect, 'change', () => this.setOptions({ organisation: this.organisationSelect.value || null }));
    this.tagSelect = this.select(this.toolbarEl, t('graph.filter.tag'), [['', t('graph.filter.tag.all')]], 'tag');
    this.registerDomEvent(this.tagSelect, 'change', () => this.setOptions({ tag: this.tagSelect.value || null }));
    const circle = this.select(this.toolbarEl, t('graph.filter.circle'), [
      ['', t('graph.filter.circle.all')],
      ...CIRCLES.map((c): [string, string] => [String(c), t('graph.filter.circle.upTo', { n: c })]),
    ], 'circle');
    this.registerDomEvent(circle, 'change', () => this.setOptions({ circle: circle.value === '' ? null : (Number(circle.value) as Circle) }));

    this.toggle(t('graph.toggle.archived'), t('graph.toggle.archived.tooltip'), 'showArchived');
    this.toggle(t('graph.toggle.organisation'), t('graph.toggle.organisation.tooltip'), 'sameOrganisation');
    this.toggle(t('graph.toggle.mentions'), t('graph.toggle.mentions.tooltip'), 'mentions');
    this.toggle(t('graph.toggle.local'), t('graph.toggle.local.tooltip'), 'local');
    const depth = this.select(this.toolbarEl, t('graph.depth', { n: '' }).trim(), ([1, 2, 3] as const).map((d): [string, string] => [String(d), t('graph.depth', { n: d })]), 'depth');
    this.registerDomEvent(depth, 'change', () => this.setOptions({ depth: Number(depth.value) as GraphOptions['depth'] }));

    const introButton = this.toolbarEl.createEl('button', { cls: 'ties-graph-intro-open', text: t('graph.intro.open') });
    this.registerDomEvent(introButton, 'click', () => {
      this.introOpen = !this.introOpen;
      if (!this.introOpen) this.intro = null;
      this.render();
    });

    const body = el.createDiv({ cls: 'ties-graph-body' });
    this.stageEl = body.createDiv({ cls: 'ties-graph-stage' });
    this.canvasHost = this.stageEl.createDiv({ cls: 'ties-graph-canvas' });
    this.messageEl = this.stageEl.createDiv({ cls: 'ties-graph-message is-hidden' });
    this.legendEl = this.stageEl.createDiv({ cls: 'ties-graph-legend' });
    this.cardEl = this.stageEl.createDiv({ cls: 'ties-graph-card is-hidden' });
    this.statusEl = this.stageEl.createDiv({ cls: 'ties-graph-status' });
    this.introEl = body.createDiv({ cls: 'ties-graph-intro is-hidden' });
    this.buildIntro();
    this.syncControls();
  }

  private select(parent: HTMLElement, label: string, options: [string, string][], option: keyof GraphOptions): HTMLSelectElement {
    const select = parent.createEl('select', { cls: 'dropdown ties-graph-select', attr: { 'aria-label': label, 'data-option': option } });
    for (const [value, text] of options) select.createEl('option', { value, text });
    return select;
  }

  private toggle(label: string, tooltip: string, option: 'showArchived' | 'sameOrganisation' | 'mentions' | 'local'): void {
    const wrap = this.toolbarEl.createEl('label', { cls: 'ties-graph-toggle', attr: { 'aria-label': tooltip } });
    const box = wrap.createEl('input', { type: 'checkbox', attr: { 'data-option': option } });
    wrap.createSpan({ text: label });
    this.registerDomEvent(box, 'change', () => this.setOptions({ [option]: box.checked }));
  }

  /** The controls show the options (after setState, or a change made in code). */
  private syncControls(): void {
    if (!this.toolbarEl) return;
    const o = this.options;
    const values: Partial<Record<keyof GraphOptions, string | boolean>> = {
      colourBy: o.colourBy, organisation: o.organisation ?? '', tag: o.tag ?? '', circle: o.circle === null ? '' : String(o.circle),
      depth: String(o.depth), showArchived: o.showArchived, sameOrganisation: o.sameOrganisation, mentions: o.mentions, local: o.local,
    };
    this.toolbarEl.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-option]').forEach((control) => {
      const v = values[control.dataset.option as keyof GraphOptions];
      if (v === undefined) return;
      if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = v === true;
      else if (typeof v === 'string') {
        if (control instanceof HTMLSelectElement && v !== '' && ![...control.options].some((opt) => opt.value === v)) control.createEl('option', { value: v, text: v });
        control.value = v;
      }
    });
    this.toolbarEl.querySelector<HTMLSelectElement>('[data-option="depth"]')?.toggleClass('is-hidden', !o.local);
  }

  /** The menus and the name list after the graph is drawn: they are not needed for the first frame. */
  private scheduleChoices(network: Network): void {
    if (this.choices !== null) return;
    this.choices = afterPaint(() => {
      this.choices = null;
      if (this.opened && this.network === network) this.updateChoices(network);
      this.resolveIdle();
    });
  }

  /** Filter menus and the name list follow the people. */
  private updateChoices(network: Network): void {
    if (this.peopleList.dataset.key === network.key + String(this.host.index.revision)) return;
    this.peopleList.dataset.key = network.key + String(this.host.index.revision);
    const people = this.host.index.people();
    this.peopleList.empty();
    this.names = new Set(people.map((p) => p.name));
    for (const p of people) this.peopleList.createEl('option', { value: p.name });
    const { organisations, tags } = filterChoices(people, this.tagsOf);
    const fill = (select: HTMLSelectElement, values: string[], current: string | null) => {
      while (select.options.length > 1) select.options[1]!.remove();
      for (const v of values) select.createEl('option', { value: v, text: v });
      if (current !== null && !values.some((v) => v.toLowerCase() === current.toLowerCase())) select.createEl('option', { value: current, text: current });
      select.value = current ?? '';
    };
    fill(this.organisationSelect, organisations, this.options.organisation);
    fill(this.tagSelect, tags, this.options.tag);
  }

  private legendText(label: LegendLabel): string {
    const t = this.host.t;
    switch (label.kind) {
      case 'community': return t('graph.legend.community', { name: label.lead });
      case 'organisation': return label.name;
      case 'other-communities': return t('graph.legend.otherCommunities');
      case 'alone': return t('graph.legend.alone');
      case 'other-organisations': return t('graph.legend.otherOrganisations');
      case 'no-organisation': return t('graph.legend.noOrganisation');
      case 'greyed': return t('graph.legend.greyed');
      case 'pending': return t('graph.legend.pending');
    }
  }

  private renderLegend(model: GraphModel): void {
    const el = this.legendEl;
    el.empty();
    el.toggleClass('is-hidden', model.legend.length === 0);
    if (model.legend.length === 0) return;
    const list = el.createEl('ul', { cls: 'ties-graph-legend-list', attr: { 'aria-label': this.host.t('graph.legend.title') } });
    for (const entry of model.legend) {
      const item = list.createEl('li', { cls: 'ties-graph-legend-item' });
      const swatch = item.createSpan({ cls: 'ties-graph-swatch' });
      swatch.setCssProps({ '--ties-swatch': entry.color });
      item.createSpan({ text: `${this.legendText(entry.label)} (${entry.count})` });
    }
    const edges = el.createEl('ul', { cls: 'ties-graph-legend-list ties-graph-legend-edges' });
    for (const kind of model.edgeKinds) {
      const item = edges.createEl('li', { cls: 'ties-graph-legend-item' });
      item.createSpan({ cls: `ties-graph-line ties-graph-line-${kind}` });
      item.createSpan({ text: this.host.t(`graph.edge.${kind}`) });
    }
    el.createDiv({ cls: 'ties-graph-legend-note', text: this.host.t('graph.legend.size') });
    if (model.edgeKinds.length > 0) el.createDiv({ cls: 'ties-graph-legend-note', text: this.host.t('graph.legend.width') });
  }

  private lastContactText(p: Person): string {
    const t = this.host.t, today = this.host.today();
    const last = effectiveLastContact(p, today);
    if (last === null) return t('graph.card.never');
    const lang = this.host.language();
    const when = last === today ? t('graph.card.today') : words(lang).ago(describeSpan(today - last, lang));
    return t('graph.card.lastContact', { when });
  }

  private showCard(path: string | null, at: { x: number; y: number } | null): void {
    const card = this.cardEl;
    const p = path === null ? undefined : this.host.index.person(path);
    if (!p || at === null) {
      card.addClass('is-hidden');
      return;
    }
    const t = this.host.t;
    card.empty();
    card.createDiv({ cls: 'ties-graph-card-name', text: p.name });
    const work = [p.role, p.organisation].filter((s): s is string => !!s).join(' · ');
    if (work) card.createDiv({ cls: 'ties-graph-card-work', text: work });
    card.createDiv({ cls: 'ties-graph-card-contact', text: this.lastContactText(p) });
    if (p.interests.length > 0) card.createDiv({ cls: 'ties-graph-card-interests', text: t('graph.card.interests', { list: p.interests.slice(0, 5).join(', ') }) });
    const node = this.model?.graph.hasNode(p.path) ? this.model.graph.getNodeAttributes(p.path) : null;
    if (node?.archived) card.createDiv({ cls: 'ties-graph-card-flag', text: t('graph.card.archived') });
    else if (node?.dormant) card.createDiv({ cls: 'ties-graph-card-flag', text: t('graph.card.dormant') });
    // Beside the pointer, flipped to the other side near the right or bottom edge.
    const w = this.stageEl.clientWidth, h = this.stageEl.clientHeight;
    card.setCssProps({
      '--ties-card-x': `${at.x > w - 260 ? Math.max(0, at.x - 252) : at.x + 12}px`,
      '--ties-card-y': `${at.y > h - 140 ? Math.max(0, at.y - 120) : at.y + 12}px`,
    });
    card.removeClass('is-hidden');
  }

  private openNote(path: string, event: MouseEvent | TouchEvent | null): void {
    this.showCard(null, null);
    const newLeaf = event instanceof MouseEvent ? Keymap.isModEvent(event) : false;
    void this.app.workspace.openLinkText(path, '', newLeaf);
  }

  // ---------------------------------------------------------------------------------------- intro panel

  /** The intro panel's head and target box, made once with the view's elements (typing is never interrupted). */
  private buildIntro(): void {
    const t = this.host.t;
    const head = this.introEl.createDiv({ cls: 'ties-graph-intro-head' });
    head.createDiv({ cls: 'ties-graph-intro-title', text: t('graph.intro.title') });
    const close = head.createEl('button', { cls: 'ties-graph-intro-close', text: t('graph.intro.close') });
    this.registerDomEvent(close, 'click', () => {
      this.introOpen = false;
      this.introduce(null);
    });
    const input = this.introEl.createEl('input', {
      cls: 'ties-graph-intro-target',
      type: 'search',
      attr: { placeholder: t('graph.intro.placeholder'), 'aria-label': t('graph.intro.placeholder'), list: this.peopleList.id },
    });
    this.introInput = input;
    this.registerDomEvent(input, 'change', () => void this.introduce(input.value));
    this.registerDomEvent(input, 'input', () => {
      // A name picked from the list: no need to wait for Enter.
      if (this.names.has(input.value)) this.introduce(input.value);
    });
    this.introResults = this.introEl.createDiv({ cls: 'ties-graph-intro-results' });
  }

  private renderIntro(): void {
    this.introEl.toggleClass('is-hidden', !this.introOpen);
    const el = this.introResults;
    el.empty();
    if (!this.introOpen) return;
    const t = this.host.t;
    const target = this.intro ? this.host.index.person(this.intro.target) : undefined;
    if (target && this.introInput.value !== target.name && this.introInput.doc.activeElement !== this.introInput) this.introInput.value = target.name;
    if (!this.intro) this.introInput.value = this.introInput.doc.activeElement === this.introInput ? this.introInput.value : '';
    if (!this.intro || !target) {
      el.createDiv({ cls: 'ties-graph-intro-hint', text: t('graph.intro.hint') });
      return;
    }
    if (this.intro.inTouch) {
      el.createDiv({ cls: 'ties-graph-intro-result', text: t('graph.intro.inTouch', { name: target.name }) });
      return;
    }
    if (this.intro.paths.length === 0) {
      el.createDiv({ cls: 'ties-graph-intro-result', text: t('graph.intro.none', { name: target.name }) });
      return;
    }
    // The paths are rebuilt on every render: their listeners go with them (registerDomEvent would keep them).
    const list = el.createEl('ol', { cls: 'ties-graph-intro-paths' });
    const intro = this.intro;
    intro.paths.forEach((path, i) => {
      const item = list.createEl('li', { cls: 'ties-graph-intro-path', attr: { 'data-index': String(i) } });
      item.toggleClass('is-chosen', i === this.chosenPath);
      const head = item.createDiv({ cls: 'ties-graph-intro-path-head' });
      head.createSpan({ cls: 'ties-graph-intro-path-name', text: `${t('graph.intro.path', { n: i + 1 })} · ${t('graph.intro.steps', { n: path.length - 1 })}` });
      const first = this.host.index.person(path[0]!);
      const ask = head.createEl('button', {
        cls: 'mod-cta ties-graph-intro-ask',
        text: t('graph.intro.ask'),
        attr: { 'aria-label': t('graph.intro.askTooltip', { name: first?.name ?? path[0]! }) },
      });
      ask.addEventListener('click', (evt) => {
        evt.stopPropagation();
        this.host.actions().logContact(path[0]!);
      });
      const steps = item.createEl('ol', { cls: 'ties-graph-intro-steps' });
      for (const step of path) {
        const p = this.host.index.person(step);
        const li = steps.createEl('li', { cls: 'ties-graph-intro-step' });
        li.createSpan({ cls: 'ties-graph-intro-step-name', text: p?.name ?? step });
        if (p && step !== intro.target) li.createSpan({ cls: 'ties-graph-intro-step-contact', text: this.lastContactText(p) });
      }
      item.addEventListener('click', () => this.choosePath(i));
    });
  }
}

/** Opens the graph in a new tab of the main area, or shows the one that is open. */
export async function openGraphView(app: App): Promise<void> {
  const { workspace } = app;
  let leaf = workspace.getLeavesOfType(VIEW_TYPE_GRAPH)[0] ?? null;
  if (!leaf) {
    leaf = workspace.getLeaf('tab');
    await leaf.setViewState({ type: VIEW_TYPE_GRAPH, active: true });
  }
  // Before 1.7.2 revealLeaf was not awaitable: older apps activate the leaf.
  if (requireApiVersion('1.7.2')) await workspace.revealLeaf(leaf);
  else workspace.setActiveLeaf(leaf, { focus: true });
}

/** Registers the view, its command and ribbon icon; `store` keeps the positions (the plugin's data). */
export function registerGraphView(plugin: Plugin, viewHost: ViewHost, store: DataStore): void {
  const data = new GraphData(viewHost.index, store);
  plugin.register(() => void data.flushPending());
  const host: GraphHost = { ...viewHost, data };
  plugin.registerView(VIEW_TYPE_GRAPH, (leaf) => new GraphView(leaf, host));
  const open = () => void openGraphView(plugin.app);
  plugin.addRibbonIcon('network', host.t('graph.command.open'), open);
  plugin.addCommand({ id: 'open-relationship-graph', name: host.t('graph.command.open'), callback: open });
}
