/**
 * The sidebar's header, kept short so the list starts high: one line of chips (one per non-empty section,
 * each jumps to its section), the capacity meter folded into one line (people with a cadence per Dunbar
 * layer against 5 / 15 / 50 / 150, with at most one warning; it opens to a meter per layer), a place for the
 * weekly review's line (`review`, filled by the view), and the call hour with its size labelled.
 */
import type { AttentionModel, CapacityLayer } from './model';
import { SECTION_LABELS, type RenderContext } from './rows';

/** Largest call hour the number input allows. */
export const MAX_CALL_HOUR = 50;
export const DEFAULT_CALL_HOUR = 5;

/** The innermost layer over its size: the one to act on (moving people outward eases the layers after it too). */
export function capacityWarning(capacity: readonly CapacityLayer[]): CapacityLayer | null {
  return capacity.find((l) => l.over) ?? null;
}

export function renderHeader(
  parent: HTMLElement, model: AttentionModel, callHourSize: number, capacityOpen: boolean, ctx: RenderContext,
): HTMLElement {
  const { t } = ctx;
  const el = parent.createDiv({ cls: 'ties-attention-header' });

  const chips = el.createDiv({ cls: 'ties-attention-counts' });
  for (const section of model.sections) {
    if (section.count === 0) continue;
    const label = t(SECTION_LABELS[section.kind]);
    const chip = chips.createEl('button', {
      cls: 'ties-attention-count',
      attr: { type: 'button', 'data-action': 'jump', 'data-kind': section.kind, 'aria-label': t('attention.jump', { section: label, count: section.count }) },
    });
    chip.createSpan({ cls: 'ties-attention-count-label', text: label });
    chip.createSpan({ cls: 'ties-attention-count-value', text: String(section.count) });
  }

  renderCapacity(el, model.capacity, capacityOpen, ctx);
  // The weekly review's line (last reviewed, weeks in a row) goes here; the view fills it.
  el.createDiv({ cls: 'ties-attention-review' });

  const call = el.createDiv({ cls: 'ties-attention-callhour' });
  const label = call.createEl('label', { cls: 'ties-attention-callhour-label' });
  label.createSpan({ cls: 'ties-attention-callhour-title', text: t('attention.callHour.button') });
  label.createEl('input', {
    cls: 'ties-attention-callhour-size',
    type: 'number',
    value: String(callHourSize),
    attr: { min: 1, max: MAX_CALL_HOUR, step: 1, 'aria-label': t('attention.callHour.size'), 'data-action': 'call-hour-size' },
  });
  label.createSpan({ cls: 'ties-attention-callhour-unit', text: t('attention.callHour.people', { n: callHourSize }) });
  call.createEl('button', {
    cls: 'mod-cta ties-attention-callhour-start',
    text: t('attention.callHour.go'),
    attr: { type: 'button', 'data-action': 'call-hour', 'aria-label': t('attention.callHour.start', { n: callHourSize }) },
  });
  return el;
}

/** Capacity as one line ("2/5 · 13/15 · 26/50 · 34/150", the one warning after it), opening to a meter per layer. */
function renderCapacity(parent: HTMLElement, capacity: readonly CapacityLayer[], open: boolean, ctx: RenderContext): void {
  const { t } = ctx;
  const warning = capacityWarning(capacity);
  const details = parent.createEl('details', { cls: ['ties-attention-capacity', warning ? 'is-over' : ''].filter(Boolean) });
  details.open = open;
  const summary = details.createEl('summary', { cls: 'ties-attention-capacity-summary', attr: { 'data-action': 'capacity' } });
  summary.createSpan({ cls: 'ties-attention-capacity-title', text: t('attention.capacity.heading') });
  const values = summary.createSpan({ cls: 'ties-attention-capacity-values' });
  capacity.forEach((layer, i) => {
    if (i > 0) values.appendText(' · ');
    values.createSpan({
      cls: ['ties-attention-capacity-value', layer.over ? 'is-over' : ''].filter(Boolean),
      text: `${layer.count}/${layer.circle}`,
      attr: { 'data-circle': layer.circle },
    });
  });
  if (warning) {
    const flag = summary.createSpan({ cls: 'ties-attention-capacity-flag' });
    ctx.icon(flag.createSpan({ cls: 'ties-attention-capacity-icon' }), 'alert-triangle');
    flag.createSpan({ text: t('attention.capacity.over', { limit: warning.circle, over: warning.count - warning.circle }) });
  }

  const layers = details.createDiv({ cls: 'ties-attention-capacity-layers' });
  for (const layer of capacity) {
    const row = layers.createDiv({
      cls: ['ties-attention-layer', layer.over ? 'is-over' : ''].filter(Boolean),
      attr: { 'data-circle': layer.circle, 'aria-label': t('attention.capacity.layer', { limit: layer.circle, count: layer.count }) },
    });
    row.createSpan({ cls: 'ties-attention-layer-circle', text: String(layer.circle) });
    // A meter shows the fill without inline styles; its maximum is the layer, so an overfull layer shows full.
    row.createEl('meter', {
      cls: 'ties-attention-layer-meter',
      attr: { min: 0, max: layer.circle, value: Math.min(layer.count, layer.circle), 'aria-hidden': 'true' },
    });
    row.createSpan({ cls: 'ties-attention-layer-value', text: `${layer.count} / ${layer.circle}` });
  }
  if (warning)
    details.createDiv({ cls: 'ties-attention-capacity-warning', text: t('attention.capacity.warning', { limit: warning.circle, count: warning.count }) });
}

/** The number the input holds, clamped to 1…MAX_CALL_HOUR; the default when it is not a number. */
export function readCallHourSize(value: string): number {
  const n = Math.round(Number(value));
  if (!Number.isFinite(n) || value.trim() === '') return DEFAULT_CALL_HOUR;
  return Math.min(MAX_CALL_HOUR, Math.max(1, n));
}
