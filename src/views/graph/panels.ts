/**
 * The graph view's panels together: the toolbar, the Filters panel, the stage with its legend and hover card,
 * and the intro panel. They are made once per language and kept in step with the session's model and state;
 * the view routes what the user does to the session.
 */
import type { IntroResult } from '../../core/network';
import type { Person } from '../../core/types';
import type { StringKey } from '../../i18n/i18n';
import type { Theme } from './draw';
import { FiltersPanel } from './filters';
import { HoverCard, type CardContext } from './hover-card';
import { IntroPanel, type IntroActions } from './intro-panel';
import { Legend } from './legend';
import type { GraphModel } from './model';
import { activeFilters, type GraphOptions } from './options';
import type { GraphRenderer, RendererEvents } from './render-contract';
import type { RendererChoice } from './renderer';
import { windowScheduler } from './schedule';
import { filterChoices } from './selection';
import { Stage } from './stage';
import { Toolbar, type ToolbarActions } from './toolbar';

export interface PanelsHost extends CardContext {
  person(path: string): Person | undefined;
  people(): readonly Person[];
  rendererChoice(): RendererChoice;
}

export interface PanelActions {
  toolbar: Omit<ToolbarActions, 'filters' | 'intro'>;
  intro: Omit<IntroActions, 'close'>;
  setOptions(change: Partial<GraphOptions>): void;
  /** The intro panel opened or closed. */
  introToggled(open: boolean): void;
  /** A renderer was made (or could not be): it gets the model drawn now. */
  rendererReady(): void;
}

/** What the status line says about the jobs. */
export interface JobStatus {
  metrics: boolean;
  layout: boolean;
  slices: boolean;
}

const MESSAGES: Record<NonNullable<GraphModel['message']>, StringKey> = {
  empty: 'graph.message.empty', 'no-match': 'graph.message.noMatch', 'no-centre': 'graph.message.noCentre', grouping: 'graph.message.grouping',
};

export class GraphPanels {
  readonly toolbar: Toolbar;
  readonly filters: FiltersPanel;
  readonly legend: Legend;
  readonly card: HoverCard;
  readonly intro: IntroPanel;
  readonly stage: Stage;
  introOpen = false;
  private toolbarState = { filters: 0, filtersOpen: false, local: false, intro: false };
  private choicesKey = '';
  private stopChoices: (() => void) | null = null;

  constructor(el: HTMLElement, private readonly host: PanelsHost, listId: string, events: RendererEvents, actions: PanelActions) {
    const { t } = host;
    el.empty();
    this.toolbar = new Toolbar(el, t, listId, {
      ...actions.toolbar,
      filters: () => this.toggleFilters(!this.filters.open),
      intro: () => this.setIntroOpen(!this.introOpen, actions),
    });
    const body = el.createDiv({ cls: 'ties-graph-body' });
    this.stage = new Stage(body, events, () => host.rendererChoice(), (reason) => t('graph.message.cannotDraw', { reason }), () => actions.rendererReady());
    this.legend = new Legend(this.stage.el, t, () => this.updateInsets());
    this.legend.fitTo(el.clientWidth);
    this.card = new HoverCard(this.stage.el, host);
    this.filters = new FiltersPanel(body, t, (change) => actions.setOptions(change), () => this.toggleFilters(false));
    this.intro = new IntroPanel(body, host, listId, this.toolbar, { ...actions.intro, close: () => this.setIntroOpen(false, actions) });
  }

  /** Everything shows the new model; the stage draws it and then `fit` runs on the renderer. */
  show(model: GraphModel, options: GraphOptions, intro: IntroResult | null, chosen: number, jobs: JobStatus, theme: Theme, fit: (r: GraphRenderer) => void): void {
    this.legend.render(model);
    this.renderIntro(intro, chosen);
    this.sync(options, model);
    this.status(model, jobs);
    this.updateInsets();
    this.stage.show(model, model.message === null ? null : this.host.t(MESSAGES[model.message]), theme, fit);
  }

  setIntroOpen(open: boolean, actions: Pick<PanelActions, 'introToggled'>): void {
    this.introOpen = open;
    this.toolbarState = { ...this.toolbarState, intro: open };
    this.toolbar.sync(this.toolbarState);
    actions.introToggled(open);
  }

  renderIntro(intro: IntroResult | null, chosen: number): void {
    this.intro.render(this.introOpen, intro, chosen, (path) => this.host.person(path));
  }

  toggleFilters(open: boolean): void {
    this.filters.setOpen(open);
    this.toolbarState = { ...this.toolbarState, filtersOpen: open };
    this.toolbar.sync(this.toolbarState);
  }

  /** Controls show the options: the Filters panel, the toolbar's pressed buttons and counts. */
  sync(options: GraphOptions, model: GraphModel | null): void {
    this.filters.sync(options, model?.overview != null);
    this.toolbarState = { filters: activeFilters(options), filtersOpen: this.filters.open, local: options.local, intro: this.introOpen };
    this.toolbar.sync(this.toolbarState);
  }

  status(model: GraphModel | null, jobs: JobStatus): void {
    const t = this.host.t;
    const parts: string[] = [];
    if (model && model.message === null) {
      parts.push(t('graph.status.counts', { shown: model.counts.shown, people: model.counts.people, edges: model.counts.edges }));
      if (model.overview) parts.push(t('graph.status.overview', { groups: model.overview.groups }));
      if (model.counts.edges === 0) parts.push(t('graph.status.noTies'));
    }
    if (model && model.counts.missing > 0) parts.push(t('graph.status.missing', { n: model.counts.missing }));
    if (model && model.counts.selfLinks > 0) parts.push(t('graph.status.selfLinks', { n: model.counts.selfLinks }));
    if (jobs.metrics) parts.push(t('graph.status.metrics'));
    if (jobs.layout) parts.push(t('graph.status.layout'));
    if ((jobs.metrics || jobs.layout) && jobs.slices) parts.push(t('graph.status.slices'));
    if (this.stage.renderer?.kind === 'canvas' && this.stage.problem) parts.push(t('graph.status.canvas', { reason: this.stage.problem }));
    this.stage.status(parts.join(' · '));
  }

  /**
   * What covers the stage, so that a fit keeps the graph out of it: the status line at the bottom, and the
   * legend (its left side when open, its button at the bottom left when folded).
   */
  updateInsets(): void {
    this.legend.fitTo(this.stage.el.clientWidth);
    const legend = this.legend.size;
    const open = legend.width > 0;
    this.stage.setInsets({ top: 0, right: 0, bottom: open ? 20 : 56, left: open ? legend.width + 12 : 0 });
  }

  /** Filter menus and the name lists after the graph is painted (the first frame does not wait for them). */
  fillChoices(key: string, options: () => GraphOptions): void {
    if (this.choicesKey === key || this.stopChoices !== null) return;
    this.stopChoices = windowScheduler.afterPaint(() => {
      this.stopChoices = null;
      this.choicesKey = key;
      const people = this.host.people();
      this.toolbar.setNames(people.map((p) => p.name));
      this.filters.fill(filterChoices(people, (path) => this.host.person(path)?.tags ?? []), options());
    });
  }

  get busy(): boolean {
    return this.stopChoices !== null || this.stage.creating;
  }

  dispose(): void {
    this.stopChoices?.();
    this.stopChoices = null;
    this.stage.reset();
  }
}
