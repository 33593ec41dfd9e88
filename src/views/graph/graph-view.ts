/**
 * The relationship graph (view type `ties-graph`): a thin shell that routes events. The session (session.ts)
 * computes what to draw; the stage (stage.ts) draws it; the toolbar, Filters panel, legend, hover card and intro
 * panel are files of their own. Live (LiveView): index changes rebuild the network 300 ms later, while shown.
 */
import { Keymap, Notice, requireApiVersion, type App, type Plugin, type ViewStateResult, type WorkspaceLeaf } from 'obsidian';
import type { StringKey } from '../../i18n/i18n';
import type { IndexChange } from '../../index/people-index';
import { LiveView, type RenderCause, type ViewHost } from '../live-view';
import { DEFAULT_THEME, themeOf, type Theme } from './draw';
import { FiltersPanel } from './filters';
import { GraphData, type DataStore } from './graph-data';
import { HoverCard } from './hover-card';
import { IntroPanel } from './intro-panel';
import { Legend } from './legend';
import type { GraphModel } from './model';
import { showNodeMenu } from './node-menu';
import { activeFilters, readOptions, DEFAULT_GRAPH_OPTIONS, type GraphOptions } from './options';
import type { GraphRenderer, RendererEvents } from './render-contract';
import type { RendererChoice } from './renderer';
import { JobRunner } from './runner';
import { windowScheduler } from './schedule';
import { GraphSession } from './session';
import { filterChoices } from './selection';
import { Stage } from './stage';
import { Toolbar } from './toolbar';

export const VIEW_TYPE_GRAPH = 'ties-graph';
/** Delay between an index change and the rebuild it causes. */
export const GRAPH_REFRESH_MS = 300;
export { SLICE_FROM } from './session';

/** What the view needs from the plugin: what every view reads, and the graph's data kept between views. */
export interface GraphHost extends ViewHost {
  readonly data: GraphData;
}

/** Option changes that change who is shown: the graph fits anew after them. */
const REFIT: readonly (keyof GraphOptions)[] = ['organisation', 'tag', 'circle', 'showArchived', 'local', 'depth', 'whole'];
let viewCount = 0;

export class GraphView extends LiveView {
  protected declare readonly host: GraphHost;
  protected readonly renderDelay = GRAPH_REFRESH_MS;
  readonly session: GraphSession;
  rendererChoice: RendererChoice = 'auto';
  stage: Stage | null = null;
  private toolbar!: Toolbar;
  private filters!: FiltersPanel;
  private legend!: Legend;
  private card!: HoverCard;
  private intro!: IntroPanel;
  private introOpen = false;
  private networkStale = true;
  private theme: Theme = DEFAULT_THEME;
  /** A fit for the next model drawn: every node (null), some, or a person to zoom to. */
  private fitNext: { keys: readonly string[] | null } | { focus: string } | null = { keys: null };
  private firstDraw: (() => void) | null = null;
  private choices: { key: string; stop: (() => void) | null } = { key: '', stop: null };
  private drawMs = 0;
  private readonly uid = ++viewCount;

  constructor(leaf: WorkspaceLeaf, host: GraphHost) {
    super(leaf, host);
    this.navigation = false;
    this.session = new GraphSession(
      {
        index: host.index, data: host.data, runner: new JobRunner(), scheduler: windowScheduler, today: () => host.today(), settings: () => host.settings(),
        tagsOf: (path) => host.index.person(path)?.tags ?? [],
        mentionsOf: (path) => this.mentionsOf(path),
        groupLabel: (lead, n) => (lead === null ? host.t('graph.group.alone', { n }) : host.t('graph.group.label', { name: lead, n })),
      },
      {
        model: (model) => this.onModel(model),
        moved: () => this.stage?.renderer?.refresh(),
        changed: () => this.updateStatus(),
        failed: (error) => {
          console.error('Ties: could not build the graph', error);
          this.stage?.message(host.t('graph.message.failed', { reason: error instanceof Error ? error.message : String(error) }));
        },
      },
      { options: { ...DEFAULT_GRAPH_OPTIONS }, centre: null, focus: null, introTarget: null, chosenPath: 0, open: new Set(), background: DEFAULT_THEME.background },
    );
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

  // ---------------------------------------------------------------------------------------- for tests and benches

  get model(): GraphModel | null {
    return this.session.model;
  }

  get options(): GraphOptions {
    return this.session.state.options;
  }

  get renderer(): GraphRenderer | null {
    return this.stage?.renderer ?? null;
  }

  get problem(): string | null {
    return this.stage?.problem ?? null;
  }

  get where(): string {
    return this.session.where;
  }

  /** Main-thread ms of the last drawing's steps. */
  get timings(): { network: number; model: number; draw: number } {
    return { ...this.session.timings, draw: this.drawMs };
  }

  // ---------------------------------------------------------------------------------------- state

  override getState(): Record<string, unknown> {
    const state: Record<string, unknown> = { ...this.options };
    if (this.rendererChoice !== 'auto') state.renderer = this.rendererChoice;
    return state;
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const s = (typeof state === 'object' && state !== null ? state : {}) as Partial<GraphOptions> & { renderer?: RendererChoice };
    this.session.state.options = readOptions({ ...this.options, ...s });
    const choice: RendererChoice = s.renderer === 'canvas' ? 'canvas' : 'auto';
    if (choice !== this.rendererChoice) {
      this.rendererChoice = choice;
      this.stage?.reset();
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
      const observer = new ResizeObserver(() => {
        this.renderer?.resize();
        this.updateInsets();
      });
      observer.observe(this.contentEl);
      this.register(() => observer.disconnect());
    }
    // A click outside the open Filters panel closes it.
    this.registerDomEvent(this.contentEl, 'pointerdown', (evt) => {
      const target = evt.target instanceof Element ? evt.target : null;
      if (this.filters?.open && !target?.closest('.ties-graph-filters, .ties-graph-filters-open')) this.toggleFilters(false);
    });
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
    this.choices.stop?.();
    this.session.cancel();
    this.stage?.reset();
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
    const q = query.trim();
    const path = q === '' ? null : this.findPerson(q);
    if (q !== '' && path === null) new Notice(this.host.t('graph.search.notFound', { name: q }));
    if (q !== '' && path === null) return null;
    this.session.state.focus = path;
    this.fitNext = path === null ? { keys: null } : { focus: path };
    this.render();
    return path;
  }

  /** Finds who can introduce you to a person (the intro panel). Null clears it. */
  introduce(query: string | null): ReturnType<GraphSession['introduce']> {
    const q = query?.trim() ?? '';
    const path = q === '' ? null : this.findPerson(q);
    if (q !== '' && path === null) new Notice(this.host.t('graph.search.notFound', { name: q }));
    this.introOpen = this.introOpen || path !== null;
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

  /** Fits the whole drawing into the view. */
  fit(): void {
    this.renderer?.fit(null);
  }

  /** Opens or closes a group of the overview (its people laid out in place). */
  toggleGroup(group: number): void {
    const open = this.session.state.open;
    if (!open.delete(group)) open.add(group);
    this.render();
  }

  /** Settles when nothing is being built, laid out or started. */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.session.whenIdle();
      if (this.session.idle && !this.renderPending && this.firstDraw === null && !this.stage?.creating && this.choices.stop === null) return;
      await new Promise((resolve) => window.setTimeout(resolve, 10));
    }
  }

  // ---------------------------------------------------------------------------------------- drawing

  protected draw(cause: RenderCause): void {
    this.firstDraw?.();
    this.firstDraw = null;
    if (cause.language || !this.stage) this.buildDom();
    if (!this.host.loaded()) {
      this.stage!.message(this.host.t('graph.message.loading'));
      return;
    }
    if (!this.isVisible() && this.model !== null) {
      this.deferUntilShown();
      return;
    }
    this.session.rebuild(this.networkStale ? 'network' : 'model');
    this.networkStale = false;
  }

  private onModel(model: GraphModel): void {
    const start = performance.now();
    this.legend.render(model);
    this.renderIntro();
    this.syncControls();
    this.updateStatus();
    this.updateInsets();
    this.stage!.show(model, this.messageText(model), this.theme, (r) => this.applyFit(r, model));
    this.scheduleChoices();
    this.drawMs = performance.now() - start;
  }

  private applyFit(renderer: GraphRenderer, model: GraphModel): void {
    const fit = this.fitNext;
    if (fit === null || model.message !== null) return;
    this.fitNext = null;
    if ('focus' in fit) {
      if (model.graph.hasNode(fit.focus)) renderer.focus(fit.focus);
      else new Notice(this.host.t('graph.search.hidden', { name: this.host.index.person(fit.focus)?.name ?? fit.focus }));
    } else renderer.fit(fit.keys);
  }

  /** A renderer was made: it gets the model drawn now, and the fit waiting. */
  private rendererReady(): void {
    const model = this.model, renderer = this.renderer;
    if (model && renderer) {
      renderer.setGraph(model.graph);
      this.applyFit(renderer, model);
    }
    this.updateStatus();
  }

  private messageText(model: GraphModel): string | null {
    const keys: Record<NonNullable<GraphModel['message']>, StringKey> = {
      empty: 'graph.message.empty', 'no-match': 'graph.message.noMatch', 'no-centre': 'graph.message.noCentre', grouping: 'graph.message.grouping',
    };
    return model.message === null ? null : this.host.t(keys[model.message]);
  }

  private updateStatus(): void {
    const stage = this.stage, model = this.model;
    if (!stage) return;
    const t = this.host.t;
    const parts: string[] = [];
    if (model && model.message === null) {
      parts.push(t('graph.status.counts', { shown: model.counts.shown, people: model.counts.people, edges: model.counts.edges }));
      if (model.overview) parts.push(t('graph.status.overview', { groups: model.overview.groups }));
      if (model.counts.edges === 0) parts.push(t('graph.status.noTies'));
    }
    if (model && model.counts.missing > 0) parts.push(t('graph.status.missing', { n: model.counts.missing }));
    if (model && model.counts.selfLinks > 0) parts.push(t('graph.status.selfLinks', { n: model.counts.selfLinks }));
    const busy = this.session.busy;
    if (busy.metrics) parts.push(t('graph.status.metrics'));
    if (busy.layout) parts.push(t('graph.status.layout'));
    if ((busy.metrics || busy.layout) && this.session.where === 'slices') parts.push(t('graph.status.slices'));
    if (this.renderer?.kind === 'canvas' && stage.problem) parts.push(t('graph.status.canvas', { reason: stage.problem }));
    stage.status(parts.join(' · '));
  }

  /** The open legend and intro panel cover part of the stage: a fit keeps the graph out of it. */
  private updateInsets(): void {
    if (!this.stage) return;
    const legend = this.legend.size;
    this.stage.setInsets({ top: 0, right: 0, bottom: 0, left: legend.width > 0 ? legend.width + 12 : 0 });
  }

  // ---------------------------------------------------------------------------------------- panels

  private buildDom(): void {
    const { t } = this.host;
    this.stage?.reset();
    const el = this.contentEl;
    el.empty();
    const listId = `ties-graph-people-${this.uid}`;
    this.toolbar = new Toolbar(el, t, listId, {
      search: (q) => void this.search(q),
      filters: () => this.toggleFilters(!this.filters.open),
      local: () => this.setOptions({ local: !this.options.local }),
      intro: () => this.toggleIntro(),
      fit: () => this.fit(),
    });
    const body = el.createDiv({ cls: 'ties-graph-body' });
    const events: RendererEvents = {
      hover: (key, at) => this.hover(key, at),
      click: (key, event) => this.clicked(key, event),
      menu: (key, at, event) => this.menu(key, at, event),
      drag: (key, at, done) => done && this.session.moved(key, at),
      fallback: () => this.updateStatus(),
      settled: () => this.whenIdle(),
    };
    this.stage = new Stage(body, events, () => this.rendererChoice, (reason) => t('graph.message.cannotDraw', { reason }), () => this.rendererReady());
    this.legend = new Legend(this.stage.el, t, this.contentEl.clientWidth > 0 && this.contentEl.clientWidth < 600, () => this.updateInsets());
    this.card = new HoverCard(this.stage.el, this.host);
    this.filters = new FiltersPanel(this.stage.el, t, (change) => this.setOptions(change), () => this.toggleFilters(false));
    this.intro = new IntroPanel(body, this.host, listId, (name) => this.toolbar.offers(name), {
      find: (q) => void this.introduce(q),
      choose: (i) => this.choosePath(i),
      ask: (first, target) => this.host.actions().askForIntroduction(first, target),
      close: () => this.toggleIntro(),
    });
    this.choices = { key: '', stop: null };
    this.syncControls();
  }

  private toggleFilters(open: boolean): void {
    this.filters.setOpen(open);
    this.syncControls();
  }

  private toggleIntro(): void {
    this.introOpen = !this.introOpen;
    if (!this.introOpen) this.introduce(null);
    else this.renderIntro();
    this.syncControls();
  }

  private renderIntro(): void {
    this.intro.render(this.introOpen, this.session.intro, this.session.state.chosenPath, (path) => this.host.index.person(path));
  }

  private syncControls(): void {
    if (!this.stage) return;
    this.filters.sync(this.options, this.model?.overview != null);
    this.toolbar.sync({ filters: activeFilters(this.options), filtersOpen: this.filters.open, local: this.options.local, intro: this.introOpen });
  }

  /** Filter menus and the name lists after the graph is drawn: the first frame does not wait for them. */
  private scheduleChoices(): void {
    const key = `${this.session.network?.key ?? ''}:${this.host.index.revision}`;
    if (this.choices.key === key || this.choices.stop !== null) return;
    this.choices.stop = windowScheduler.afterPaint(() => {
      this.choices = { key, stop: null };
      const people = this.host.index.people();
      this.toolbar.setNames(people.map((p) => p.name));
      this.filters.fill(filterChoices(people, (path) => this.host.index.person(path)?.tags ?? []), this.options);
    });
  }

  // ---------------------------------------------------------------------------------------- the stage's events

  private hover(key: string | null, at: { x: number; y: number } | null): void {
    const node = key !== null && this.model?.graph.hasNode(key) ? this.model.graph.getNodeAttributes(key) : null;
    const person = node?.kind === 'person' ? this.host.index.person(node.path) : undefined;
    if (!person || !at || !this.stage) return this.card.hide();
    this.card.show(person, node, at, { width: this.stage.el.clientWidth, height: this.stage.el.clientHeight });
  }

  private clicked(key: string, event: MouseEvent | TouchEvent | null): void {
    const node = this.model?.graph.hasNode(key) ? this.model.graph.getNodeAttributes(key) : null;
    this.card.hide();
    if (node?.kind === 'group') return this.toggleGroup(node.community!);
    void this.app.workspace.openLinkText(key, '', event instanceof MouseEvent && Keymap.isModEvent(event));
  }

  private menu(key: string, at: { x: number; y: number }, event: MouseEvent | TouchEvent | null): void {
    const model = this.model;
    if (!model?.graph.hasNode(key)) return;
    this.card.hide();
    const node = model.graph.getNodeAttributes(key);
    const group = model.overview && node.kind === 'person' ? this.session.groupOf(key) : null;
    showNodeMenu(this.app, this.leaf, node, group, at, event, this.host.t, this.host.actions(), {
      introduce: (path) => {
        this.introOpen = true;
        this.introduce(path);
        this.syncControls();
      },
      toggleGroup: (g) => this.toggleGroup(g),
    });
  }

  private followActiveNote(): void {
    const path = this.app.workspace.getActiveFile()?.path ?? null;
    if (path === null || path === this.session.state.centre || !this.host.index.person(path)) return;
    this.setCentre(path);
  }

  private findPerson(query: string): string | null {
    const found = this.host.index.findPerson(query);
    if (found !== null) return found;
    const q = query.toLowerCase();
    const matches = this.host.index.people().filter((p) => p.name.toLowerCase().startsWith(q));
    return matches.length === 1 ? matches[0]!.path : null;
  }

  /** The people whose notes this person's note links to in its body. */
  private mentionsOf(path: string): Set<string> {
    const out = new Set<string>();
    for (const target of this.host.index.person(path)?.bodyLinks ?? []) {
      const to = this.host.index.resolvePerson(target, path);
      if (to !== null && to !== path) out.add(to);
    }
    return out;
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
