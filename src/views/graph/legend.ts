/**
 * The legend: what the colours, sizes and lines mean. It folds to one small button (on a stage narrower than
 * 600 px it is folded until the user opens it), so that it never sits over the people the view is about; a fit
 * leaves room for it while it is open.
 */
import { setIcon } from 'obsidian';
import type { Translate } from '../../i18n/i18n';
import type { GraphModel, LegendLabel } from './model';

export function legendText(label: LegendLabel, t: Translate): string {
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

export class Legend {
  readonly el: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly body: HTMLElement;
  collapsed = false;
  /** The user folded or opened it: the stage's width no longer decides. */
  private chosen = false;

  constructor(parent: HTMLElement, private readonly t: Translate, private readonly toggled: () => void) {
    this.el = parent.createDiv({ cls: 'ties-graph-legend' });
    this.button = this.el.createEl('button', { cls: 'clickable-icon ties-graph-legend-toggle', attr: { type: 'button' } });
    this.button.addEventListener('click', () => {
      this.chosen = true;
      this.collapsed = !this.collapsed;
      this.sync();
      this.toggled();
    });
    this.body = this.el.createDiv({ cls: 'ties-graph-legend-body' });
    this.sync();
  }

  private sync(): void {
    const label = this.t(this.collapsed ? 'graph.legend.show' : 'graph.legend.hide');
    this.button.empty();
    setIcon(this.button.createSpan({ cls: 'ties-graph-legend-icon' }), this.collapsed ? 'info' : 'chevron-down');
    this.button.createSpan({ cls: 'ties-graph-legend-title', text: this.t('graph.legend.title') });
    this.button.setAttribute('aria-label', label);
    this.button.setAttribute('aria-expanded', String(!this.collapsed));
    this.el.toggleClass('is-collapsed', this.collapsed);
  }

  /** Folded on a stage narrower than 600 px, open on a wider one, until the user chooses. */
  fitTo(stageWidth: number): void {
    if (this.chosen || stageWidth <= 0) return;
    const collapsed = stageWidth < 600;
    if (collapsed === this.collapsed) return;
    this.collapsed = collapsed;
    this.sync();
  }

  /** The room the open legend takes at the stage's bottom left, px (0 when folded or empty). */
  get size(): { width: number; height: number } {
    if (this.collapsed || this.el.hasClass('is-hidden')) return { width: 0, height: 0 };
    return { width: this.el.offsetWidth, height: this.el.offsetHeight };
  }

  render(model: GraphModel): void {
    const { t } = this;
    const body = this.body;
    body.empty();
    this.el.toggleClass('is-hidden', model.legend.length === 0);
    if (model.legend.length === 0) return;
    const list = body.createEl('ul', { cls: 'ties-graph-legend-list', attr: { 'aria-label': t('graph.legend.title') } });
    for (const entry of model.legend) {
      const item = list.createEl('li', { cls: 'ties-graph-legend-item' });
      item.createSpan({ cls: 'ties-graph-swatch' }).setCssProps({ '--ties-swatch': entry.color });
      item.createSpan({ text: `${legendText(entry.label, t)} (${entry.count})` });
    }
    const edges = body.createEl('ul', { cls: 'ties-graph-legend-list ties-graph-legend-edges' });
    for (const kind of model.edgeKinds) {
      const item = edges.createEl('li', { cls: 'ties-graph-legend-item' });
      item.createSpan({ cls: `ties-graph-line ties-graph-line-${kind}` });
      item.createSpan({ text: t(`graph.edge.${kind}`) });
    }
    body.createDiv({ cls: 'ties-graph-legend-note', text: t('graph.legend.size') });
    if (model.edgeKinds.some((k) => k === 'knows' || k === 'introduced_by')) body.createDiv({ cls: 'ties-graph-legend-note', text: t('graph.legend.width') });
  }
}
