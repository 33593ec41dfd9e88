/**
 * The relationship graph (view type `ties-graph`): a thin shell that routes events. The session (session.ts)
 * computes what to draw; the panels (panels.ts: toolbar, Filters, stage, legend, hover card, intro panel)
 * show it. Live (LiveView): index changes rebuild the network 300 ms later, while the view is shown.
 */
import { Keymap, Notice, requireApiVersion, type App, type Plugin, type ViewStateResult, type WorkspaceLeaf } from 'obsidian';
import type { IntroResult } from '../../core/network';
import type { IndexChange } from '../../index/people-index';
import { LiveView, type RenderCause, type ViewHost } from '../live-view';
import { DEFAULT_THEME, themeOf, type Theme } from './draw';
import { GraphData, type DataStore } from './graph-data';
import { sessionFor, type GraphHost } from './graph-host';
import type { GraphModel } from './model';
import { showNodeMenu } from './node-menu';
import { readOptions, type GraphOptions } from './options';
import { GraphPanels } from './panels';
import type { GraphRenderer, Point } from './render-contract';
import type { RendererChoice } from './renderer';
import { windowScheduler } from './schedule';
import { findPerson } from './selection';
import type { GraphSession } from './session';

export const VIEW_TYPE_GRAPH = 'ties-graph';
/** Delay between an index change and the rebuild it causes. */
export const GRAPH_REFRESH_MS = 300;
export { SLICE_FROM } from './session';
export type { GraphHost } from './graph-host';

/** Option changes that change who is shown: the graph fits anew after them. */
const REFIT: readonly (keyof GraphOptions)[] = ['organisation', 'tag', 'circle', 'showArchived', 'local', 'depth', 'whole'];
let viewCount = 0;

export class GraphView extends LiveView {
  protected declare readonly host: GraphHost;
  protected readonly renderDelay = GRAPH_REFRESH_MS;
  readonly session: GraphSession;
  rendererChoice: RendererChoice = 'auto';
  panels: GraphPanels | null = null;
  private networkStale = true;
  private theme: Theme = DEFAULT_THEME;
  /** A fit for the next model drawn: every node (null), some, a person to zoom to, or an opened group. */
  private fitNext: { keys: readonly string[] | null } | { focus: string } | { group: number } | null = { keys: null };
  private firstDraw: (() => void) | null = null;
  private resizes: ResizeObserver | null = null;
  /** The nodes the last fit showed (undefined: none yet): a stage that changes size fits them again. */
  private lastFit: readonly string[] | null | undefined = undefined;
  private drawMs = 0;
  private readonly listId = `ties-graph-people-${++viewCount}`;

  constructor(leaf: WorkspaceLeaf, host: GraphHost) {
    super(leaf, host);
    this.navigation = false;
    this.session = sessionFor(host, {
      model: (model) => this.onModel(model),
      moved: () => this.renderer?.refresh(),
      changed: () => this.panels?.status(this.model, this.jobs),
      failed: (error) => {
        console.error('Ties: could not build the graph', error);
        this.panels?.stage.message(host.t('graph.message.failed', { reason: error instanceof Error ? error.message : String(error) }));
      },
    }, DEFAULT_THEME.background);
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

  // For tests and benches: the model drawn, the options, the renderer, why it draws the simple way, timings.
  get model(): GraphModel | null {
    return this.session.model;
  }

  get options(): GraphOptions {
    return this.session.state.options;
  }

  get renderer(): GraphRenderer | null {
    return this.panels?.stage.renderer ?? null;
  }

  get problem(): string | null {
    return this.panels?.stage.problem ?? null;
  }

  get where(): string {
    return this.session.where;
  }

  get timings(): { network: number; model: number; draw: number } {
    return { ...this.session.timings, draw: this.drawMs };
  }

  private get jobs(): { metrics: boolean; layout: boolean; slices: boolean } {
    return { ...this.session.busy, slices: this.session.where === 'slices' };
  }

  override getState(): Record<string, unknown> {
    return this.rendererChoice === 'auto' ? { ...this.options } : { ...this.options, renderer: this.rendererChoice };
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const s = (typeof state === 'object' && state !== null ? state : {}) as Partial<GraphOptions> & { renderer?: RendererChoice };
    this.session.state.options = readOptions({ ...this.options, ...s });
    const choice: RendererChoice = s.renderer === 'canvas' ? 'canvas' : 'auto';
    if (choice !== this.rendererChoice) {
      this.rendererChoice = choice;
      this.panels?.stage.reset();
    }
    if (this.opened) this.invalidate();
    await super.setState(state, result);
  }

  protected async opening(): Promise<void> {
    this.contentEl.addClass('ties-graph');
    this.registerEvent(this.app.workspace.on('file-open', () => this.followActiveNote()));
    this.registerEvent(this.app.workspace.on('active-leaf-change', () => this.followActiveNote()));
    this.registerEvent(this.app.workspace.on('css-change', () => {
      this.theme = themeOf(this.contentEl);
      this.session.state.background = this.theme.background;
      this.renderer?.setTheme(this.theme);
      this.invalidate();
    }));
    if (typeof ResizeObserver !== 'undefined') {
      // The stage changes size with the pane, and when the Filters or intro panel opens beside it.
      this.resizes = new ResizeObserver(() => this.stageResized());
      this.register(() => this.resizes?.disconnect());
    }
    this.theme = themeOf(this.contentEl);
    this.session.state.background = this.theme.background;
    this.followActiveNote();
    await this.host.data.positions.load();
    // The first drawing waits a tick: a restored view gets its options (setState) right after opening.
    this.firstDraw = windowScheduler.later(() => {
      this.firstDraw = null;
      this.render();
    }, 0);
  }

  protected override closing(): void {
    this.firstDraw?.();
    this.firstDraw = null;
    this.session.cancel();
    this.panels?.dispose();
    this.contentEl.empty();
  }

  override onResize(): void {
    this.renderer?.resize();
    super.onResize();
  }

  protected override indexChanged(change: IndexChange): void {
    if (change.people || change.type === 'reset') this.networkStale = true;
    super.indexChanged(change);
  }

  /** A renamed person keeps their place, and stays the centre, the focus or the intro target. */
  protected override renamed(oldPath: string, newPath: string): void {
    this.host.data.positions.rename(oldPath, newPath);
    const s = this.session.state;
    if (s.centre === oldPath) s.centre = newPath;
    if (s.focus === oldPath) s.focus = newPath;
    if (s.introTarget === oldPath) s.introTarget = newPath;
  }

  // ---------------------------------------------------------------------------------------- what the user does

  /** Changes options and redraws; a change of who is shown fits the graph anew. */
  setOptions(change: Partial<GraphOptions>): void {
    this.session.state.options = readOptions({ ...this.options, ...change });
    if (REFIT.some((k) => k in change)) this.fitNext = { keys: null };
    this.render();
    this.app.workspace.requestSaveLayout();
  }

  /** Focuses a person by name, alias or path (the search box) and zooms to them. Returns the path, or null. */
  search(query: string): string | null {
    const path = this.find(query);
    if (path === undefined) return null;
    this.session.state.focus = path;
    this.fitNext = path === null ? { keys: null } : { focus: path };
    this.render();
    return path;
  }

  /** Finds who can introduce you to a person (the intro panel), and fits the paths. Null clears it. */
  introduce(query: string | null): IntroResult | null {
    const path = this.find(query ?? '') ?? null;
    if (path !== null && this.panels) this.panels.introOpen = true;
    const intro = this.session.introduce(path);
    this.fitNext = { keys: intro && intro.paths.length > 0 ? [...new Set([intro.target, ...intro.paths.flat()])] : null };
    this.render();
    return intro;
  }

  /** Chooses one of the intro paths to highlight. */
  choosePath(index: number): void {
    const intro = this.session.intro;
    if (!intro || index < 0 || index >= intro.paths.length) return;
    this.session.state.chosenPath = index;
    this.render();
  }

  /** The local-mode centre (the active person note). */
  setCentre(path: string | null): void {
    this.session.state.centre = path;
    if (!this.options.local) return;
    this.fitNext = { keys: null };
    this.render();
  }

  /** Opens or closes a group of the overview (its people laid out in place). */
  toggleGroup(group: number): void {
    const open = this.session.state.open;
    if (open.delete(group)) this.fitNext = null;
    else {
      open.add(group);
      this.fitNext = { group };
    }
    this.render();
  }

  /** Settles when nothing is being built, laid out or started. */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.session.whenIdle();
      if (this.session.idle && !this.renderPending && this.firstDraw === null && !this.panels?.busy) return;
      await new Promise((resolve) => window.setTimeout(resolve, 10));
    }
  }

  /** A path for `query`; null for an empty query; undefined (with a notice) when nobody has that name. */
  private find(query: string): string | null | undefined {
    const q = query.trim();
    if (q === '') return null;
    const path = findPerson(this.host.index, q);
    if (path === null) new Notice(this.host.t('graph.search.notFound', { name: q }));
    return path ?? undefined;
  }

  // ---------------------------------------------------------------------------------------- drawing

  protected draw(cause: RenderCause): void {
    this.firstDraw?.();
    this.firstDraw = null;
    if (cause.language || !this.panels) this.buildPanels();
    if (!this.host.loaded()) return this.panels!.stage.message(this.host.t('graph.message.loading'));
    if (!this.isVisible() && this.model !== null) return this.deferUntilShown();
    this.session.rebuild(this.networkStale ? 'network' : 'model');
    this.networkStale = false;
  }

  private onModel(model: GraphModel): void {
    const start = performance.now();
    const { state, intro } = this.session;
    this.panels!.show(model, this.options, intro, state.chosenPath, this.jobs, this.theme, (r) => this.applyFit(r, model));
    this.panels!.fillChoices(`${this.session.network?.key ?? ''}:${this.host.index.revision}`, () => this.options);
    this.drawMs = performance.now() - start;
  }

  private applyFit(renderer: GraphRenderer, model: GraphModel): void {
    const fit = this.fitNext;
    if (fit === null || model.message !== null) return;
    this.fitNext = null;
    if ('focus' in fit) {
      this.lastFit = undefined;
      if (model.graph.hasNode(fit.focus)) return renderer.focus(fit.focus);
      return void new Notice(this.host.t('graph.search.hidden', { name: this.host.index.person(fit.focus)?.name ?? fit.focus }));
    }
    this.lastFit = 'group' in fit ? model.graph.filterNodes((key, a) => a.kind === 'person' && this.session.groupOf(key) === fit.group) : fit.keys;
    renderer.fit(this.lastFit);
  }

  private buildPanels(): void {
    this.panels?.dispose();
    const { index } = this.host;
    const host = { ...this.host, person: (path: string) => index.person(path), people: () => index.people(), rendererChoice: () => this.rendererChoice };
    this.panels = new GraphPanels(this.contentEl, host, this.listId, {
      hover: (key, at) => this.hover(key, at),
      click: (key, event) => this.clicked(key, event),
      menu: (key, at, event) => this.menu(key, at, event),
      drag: (key, at, done) => done && this.session.moved(key, at),
      fallback: () => this.panels?.status(this.model, this.jobs),
      settled: () => this.whenIdle(),
    }, {
      toolbar: {
        search: (q) => void this.search(q),
        local: () => this.setOptions({ local: !this.options.local }),
        fit: () => this.renderer?.fit((this.lastFit = null)),
      },
      intro: { find: (q) => void this.introduce(q), choose: (i) => this.choosePath(i), ask: (first, target) => void this.host.actions().askForIntroduction(first, target) },
      setOptions: (change) => this.setOptions(change),
      introToggled: (open) => (open ? this.panels?.renderIntro(this.session.intro, this.session.state.chosenPath) : this.introduce(null)),
      rendererReady: () => this.rendererReady(),
    });
    this.panels.sync(this.options, this.model);
    this.resizes?.disconnect();
    this.resizes?.observe(this.panels.stage.el);
  }

  private stageResized(): void {
    const renderer = this.renderer;
    if (!renderer) return;
    renderer.resize();
    this.panels?.updateInsets();
    if (this.lastFit !== undefined) renderer.fit(this.lastFit, false);
  }

  /** A renderer was made: it gets the model drawn now, and the fit waiting. */
  private rendererReady(): void {
    const model = this.model, renderer = this.renderer;
    if (model && renderer) {
      renderer.setGraph(model.graph);
      this.applyFit(renderer, model);
    }
    this.panels?.status(model, this.jobs);
  }

  // ---------------------------------------------------------------------------------------- the stage's events

  private hover(key: string | null, at: Point | null): void {
    const node = key !== null && this.model?.graph.hasNode(key) ? this.model.graph.getNodeAttributes(key) : null;
    const person = node?.kind === 'person' ? this.host.index.person(node.path) : undefined;
    const stage = this.panels!.stage.el;
    if (!person || !at) this.panels!.card.hide();
    else this.panels!.card.show(person, node, at, { width: stage.clientWidth, height: stage.clientHeight });
  }

  private clicked(key: string, event: MouseEvent | TouchEvent | null): void {
    const node = this.model?.graph.hasNode(key) ? this.model.graph.getNodeAttributes(key) : null;
    this.panels!.card.hide();
    if (node?.kind === 'group') return this.toggleGroup(node.community!);
    void this.app.workspace.openLinkText(key, '', event instanceof MouseEvent && Keymap.isModEvent(event));
  }

  private menu(key: string, at: Point, event: MouseEvent | TouchEvent | null): void {
    const model = this.model;
    if (!model?.graph.hasNode(key)) return;
    this.panels!.card.hide();
    const node = model.graph.getNodeAttributes(key);
    const group = model.overview && node.kind === 'person' ? this.session.groupOf(key) : null;
    showNodeMenu(this.app, this.leaf, node, group, at, event, this.host.t, this.host.actions(), {
      introduce: (path) => void this.introduce(path),
      toggleGroup: (g) => this.toggleGroup(g),
    });
  }

  private followActiveNote(): void {
    const path = this.app.workspace.getActiveFile()?.path ?? null;
    if (path === null || path === this.session.state.centre || !this.host.index.person(path)) return;
    this.setCentre(path);
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
