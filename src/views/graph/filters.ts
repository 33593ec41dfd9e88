/**
 * The Filters panel (like the core graph's settings): colour, who is shown (organisation, tag, circle,
 * archived, local depth, the whole graph instead of its groups) and which lines. It stands beside the graph
 * (below it on a narrow pane), so it never hides anyone, and closes with its button, the Filters button or
 * Escape.
 */
import { setIcon } from 'obsidian';
import { CIRCLES, type Circle } from '../../core/types';
import type { Translate } from '../../i18n/i18n';
import { DEFAULT_GRAPH_OPTIONS, type GraphOptions } from './options';

type Flag = 'showArchived' | 'sameOrganisation' | 'mentions' | 'whole';

export class FiltersPanel {
  readonly el: HTMLElement;
  private readonly organisation: HTMLSelectElement;
  private readonly tag: HTMLSelectElement;
  private readonly depthRow: HTMLElement;
  private readonly wholeRow: HTMLElement;

  constructor(parent: HTMLElement, private readonly t: Translate, private readonly change: (change: Partial<GraphOptions>) => void, close: () => void) {
    this.el = parent.createDiv({ cls: 'ties-graph-filters is-hidden', attr: { role: 'dialog', 'aria-label': t('graph.filters.title') } });
    const head = this.el.createDiv({ cls: 'ties-graph-filters-head' });
    head.createDiv({ cls: 'ties-graph-filters-title', text: t('graph.filters.title') });
    const closeButton = head.createEl('button', { cls: 'clickable-icon', attr: { type: 'button', 'aria-label': t('graph.intro.close') } });
    setIcon(closeButton, 'x');
    closeButton.addEventListener('click', close);
    this.el.addEventListener('keydown', (evt) => {
      if (evt.key === 'Escape') close();
    });

    const show = this.section(t('graph.filters.show'));
    this.select(show, t('graph.colourBy'), 'colourBy', [
      ['community', t('graph.colourBy.community')],
      ['organisation', t('graph.colourBy.organisation')],
    ], (v) => ({ colourBy: v as GraphOptions['colourBy'] }));
    this.organisation = this.select(show, t('graph.filter.organisation'), 'organisation', [['', t('graph.filter.organisation.all')]], (v) => ({ organisation: v || null }));
    this.tag = this.select(show, t('graph.filter.tag'), 'tag', [['', t('graph.filter.tag.all')]], (v) => ({ tag: v || null }));
    this.select(show, t('graph.filter.circle'), 'circle', [
      ['', t('graph.filter.circle.all')],
      ...CIRCLES.map((c): [string, string] => [String(c), t('graph.filter.circle.upTo', { n: c })]),
    ], (v) => ({ circle: v === '' ? null : (Number(v) as Circle) }));
    this.depthRow = this.select(show, t('graph.depth', { n: '' }).trim(), 'depth', ([1, 2, 3] as const).map((d): [string, string] => [String(d), t('graph.depth', { n: d })]),
      (v) => ({ depth: Number(v) as GraphOptions['depth'] })).parentElement!;
    this.toggle(show, t('graph.toggle.archived'), t('graph.toggle.archived.tooltip'), 'showArchived');
    this.wholeRow = this.toggle(show, t('graph.toggle.whole'), t('graph.toggle.whole.tooltip'), 'whole');

    const lines = this.section(t('graph.filters.lines'));
    this.toggle(lines, t('graph.toggle.organisation'), t('graph.toggle.organisation.tooltip'), 'sameOrganisation', 'organisation');
    this.toggle(lines, t('graph.toggle.mentions'), t('graph.toggle.mentions.tooltip'), 'mentions', 'mention');

    const reset = this.el.createEl('button', { cls: 'ties-graph-filters-reset', text: t('graph.filters.reset'), attr: { type: 'button' } });
    reset.addEventListener('click', () => {
      const { organisation, tag, circle, showArchived } = DEFAULT_GRAPH_OPTIONS;
      this.change({ organisation, tag, circle, showArchived });
    });
  }

  get open(): boolean {
    return !this.el.hasClass('is-hidden');
  }

  setOpen(open: boolean): void {
    this.el.toggleClass('is-hidden', !open);
    if (open) this.el.querySelector<HTMLElement>('select, input')?.focus();
  }

  private section(title: string): HTMLElement {
    const el = this.el.createDiv({ cls: 'ties-graph-filters-section' });
    el.createDiv({ cls: 'ties-graph-filters-heading', text: title });
    return el;
  }

  private select(parent: HTMLElement, label: string, option: keyof GraphOptions, options: [string, string][], read: (value: string) => Partial<GraphOptions>): HTMLSelectElement {
    const row = parent.createEl('label', { cls: 'ties-graph-filters-row' });
    row.createSpan({ cls: 'ties-graph-filters-label', text: label });
    const select = row.createEl('select', { cls: 'dropdown ties-graph-select', attr: { 'aria-label': label, 'data-option': option } });
    for (const [value, text] of options) select.createEl('option', { value, text });
    select.addEventListener('change', () => this.change(read(select.value)));
    return select;
  }

  private toggle(parent: HTMLElement, label: string, tooltip: string, option: Flag, line?: string): HTMLElement {
    const row = parent.createEl('label', { cls: 'ties-graph-filters-row ties-graph-toggle', attr: { title: tooltip } });
    const box = row.createEl('input', { type: 'checkbox', attr: { 'data-option': option, 'aria-label': tooltip } });
    if (line) row.createSpan({ cls: `ties-graph-line ties-graph-line-${line}` });
    row.createSpan({ text: label });
    box.addEventListener('change', () => this.change({ [option]: box.checked }));
    return row;
  }

  /** The controls show the options; Depth only in local mode, Whole graph only where the overview applies. */
  sync(o: GraphOptions, overview: boolean): void {
    const values: Partial<Record<keyof GraphOptions, string | boolean>> = {
      colourBy: o.colourBy, organisation: o.organisation ?? '', tag: o.tag ?? '', circle: o.circle === null ? '' : String(o.circle),
      depth: String(o.depth), showArchived: o.showArchived, sameOrganisation: o.sameOrganisation, mentions: o.mentions, whole: o.whole,
    };
    this.el.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-option]').forEach((control) => {
      const v = values[control.dataset.option as keyof GraphOptions];
      if (v === undefined) return;
      if (control instanceof HTMLInputElement) control.checked = v === true;
      else if (typeof v === 'string') {
        if (v !== '' && ![...control.options].some((opt) => opt.value === v)) control.createEl('option', { value: v, text: v });
        control.value = v;
      }
    });
    this.depthRow.toggleClass('is-hidden', !o.local);
    this.wholeRow.toggleClass('is-hidden', !overview && !o.whole);
  }

  /** The organisations and tags people have (most common first). */
  fill(choices: { organisations: string[]; tags: string[] }, o: GraphOptions): void {
    const fill = (select: HTMLSelectElement, values: string[], current: string | null) => {
      while (select.options.length > 1) select.options[1]!.remove();
      for (const v of values) select.createEl('option', { value: v, text: v });
      if (current !== null && !values.some((v) => v.toLowerCase() === current.toLowerCase())) select.createEl('option', { value: current, text: current });
      select.value = current ?? '';
    };
    fill(this.organisation, choices.organisations, o.organisation);
    fill(this.tag, choices.tags, o.tag);
  }
}
