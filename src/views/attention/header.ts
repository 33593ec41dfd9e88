/**
 * The weekly review header: counts per section, the capacity meter (people with a cadence per Dunbar
 * layer against 5 / 15 / 50 / 150) with a gentle warning when a layer is over, and the call-hour control.
 */
import type { AttentionModel } from './model';
import { SECTION_LABELS, type RenderContext } from './rows';

/** Largest call hour the number input allows. */
export const MAX_CALL_HOUR = 50;
export const DEFAULT_CALL_HOUR = 5;

export function renderHeader(parent: HTMLElement, model: AttentionModel, callHourSize: number, ctx: RenderContext): HTMLElement {
  const { t } = ctx;
  const el = parent.createDiv({ cls: 'ties-attention-header' });
  el.createDiv({ cls: 'ties-attention-header-title', text: t('attention.review.heading') });

  const counts = el.createDiv({ cls: 'ties-attention-counts' });
  for (const section of model.sections) {
    const label = t(SECTION_LABELS[section.kind]);
    const chip = counts.createSpan({
      cls: ['ties-attention-count', section.count === 0 ? 'is-zero' : ''].filter(Boolean),
      attr: { 'data-kind': section.kind, 'aria-label': t('attention.sectionCount', { section: label, count: section.count }) },
    });
    chip.createSpan({ cls: 'ties-attention-count-label', text: label });
    chip.createSpan({ cls: 'ties-attention-count-value', text: String(section.count) });
  }

  const capacity = el.createDiv({ cls: 'ties-attention-capacity' });
  capacity.createDiv({ cls: 'ties-attention-capacity-title', text: t('attention.capacity.heading') });
  const layers = capacity.createDiv({ cls: 'ties-attention-capacity-layers' });
  for (const layer of model.capacity) {
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
  for (const layer of model.capacity)
    if (layer.over)
      capacity.createDiv({ cls: 'ties-attention-capacity-warning', text: t('attention.capacity.warning', { limit: layer.circle, count: layer.count }) });

  const call = el.createDiv({ cls: 'ties-attention-callhour' });
  call.createEl('input', {
    cls: 'ties-attention-callhour-size',
    type: 'number',
    value: String(callHourSize),
    attr: { min: 1, max: MAX_CALL_HOUR, step: 1, 'aria-label': t('attention.callHour.size'), 'data-action': 'call-hour-size' },
  });
  call.createEl('button', {
    cls: 'mod-cta ties-attention-callhour-start',
    text: t('attention.callHour.button'),
    attr: { type: 'button', 'data-action': 'call-hour', 'aria-label': t('attention.callHour.start', { n: callHourSize }) },
  });
  return el;
}

/** The number the input holds, clamped to 1…MAX_CALL_HOUR; the default when it is not a number. */
export function readCallHourSize(value: string): number {
  const n = Math.round(Number(value));
  if (!Number.isFinite(n) || value.trim() === '') return DEFAULT_CALL_HOUR;
  return Math.min(MAX_CALL_HOUR, Math.max(1, n));
}
