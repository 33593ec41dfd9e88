/**
 * The list as DOM: the weekly review header, then each non-empty section, or the empty state. A render
 * after a change rebuilds only what changed: the header and each section are kept while what they show
 * (their signature) is the same, and rows are kept by key while their content is the same. No obsidian
 * import at run time, so the benchmark renders exactly what the view renders.
 */
import type { AttentionKind } from '../../core/types';
import { renderHeader } from './header';
import { visibleCount, type AttentionModel, type AttentionRow, type AttentionSection } from './model';
import { renderRow, renderSection, rowSignature, SECTION_LABELS, type RenderContext, type RowCache } from './rows';

interface Kept {
  signature: string;
  el: HTMLElement;
}

/** What the list keeps between renders. */
export interface ListState {
  /** Row elements of the previous render, by key. */
  cache: RowCache;
  header: Kept | null;
  sections: Map<AttentionKind, Kept>;
  body: HTMLElement | null;
}

export function emptyListState(): ListState {
  return { cache: new Map(), header: null, sections: new Map(), body: null };
}

/** What the header shows. The call-hour size is not part of it: the input keeps what the user types. */
function headerSignature(model: AttentionModel, ctx: RenderContext): string {
  const counts = model.sections.map((s) => s.count).join(',');
  const layers = model.capacity.map((l) => l.count).join(',');
  return `${ctx.t('attention.review.heading')}|${counts}|${layers}`;
}

function sectionSignature(section: AttentionSection, visible: number, ctx: RenderContext): string {
  return `${ctx.t(SECTION_LABELS[section.kind])}|${section.count}|${section.rows.length}|${section.featured}|${visible}`;
}

/** Makes `parent`'s children exactly `children`, touching nothing when they already are. */
function setChildren(parent: HTMLElement, children: readonly HTMLElement[]): void {
  const current = parent.children;
  if (current.length === children.length && children.every((c, i) => current[i] === c)) return;
  parent.replaceChildren(...children);
}

/**
 * Renders the list into `el` (replacing whatever else it holds) and returns the state for the next render.
 * `shown` is how many rows each section was asked to show ("Show more").
 */
export function renderList(
  el: HTMLElement, model: AttentionModel, previous: ListState, shown: ReadonlyMap<AttentionKind, number>,
  callHourSize: number, ctx: RenderContext,
): { state: ListState; rows: Map<string, AttentionRow> } {
  const state: ListState = { cache: new Map(), header: null, sections: new Map(), body: previous.body ?? createDiv({ cls: 'ties-attention-body' }) };
  const rows = new Map<string, AttentionRow>();

  const hsig = headerSignature(model, ctx);
  state.header = previous.header?.signature === hsig ? previous.header : { signature: hsig, el: renderHeader(createDiv(), model, callHourSize, ctx) };
  setChildren(el, [state.header.el, state.body!]);

  const body = state.body!;
  if (model.total === 0) {
    const empty = createDiv({ cls: 'ties-attention-empty' });
    empty.createDiv({ cls: 'ties-attention-empty-title', text: ctx.t('attention.empty') });
    empty.createDiv({ cls: 'ties-attention-empty-hint', text: ctx.t('attention.emptyHint') });
    // No person notes yet: bring in the people the user has elsewhere.
    if (model.people === 0)
      empty.createEl('button', { cls: 'mod-cta ties-attention-import', text: ctx.t('import.command'), attr: { type: 'button', 'data-action': 'import-people' } });
    setChildren(body, [empty]);
    return { state, rows };
  }

  const sectionEls: HTMLElement[] = [];
  for (const section of model.sections) {
    if (section.count === 0) continue;
    const visible = visibleCount(section, shown.get(section.kind));
    const ssig = sectionSignature(section, visible, ctx);
    const kept = previous.sections.get(section.kind);
    let sectionEl: HTMLElement;
    if (kept && kept.signature === ssig) {
      sectionEl = kept.el;
      const list = sectionEl.querySelector<HTMLElement>('.ties-attention-rows')!;
      const rowEls: HTMLElement[] = [];
      for (let i = 0; i < visible; i++) {
        const row = section.rows[i]!;
        const signature = rowSignature(row);
        const old = previous.cache.get(row.key);
        const rowEl = old && old.signature === signature ? old.el : renderRow(row, ctx);
        state.cache.set(row.key, { signature, el: rowEl });
        rowEls.push(rowEl);
      }
      setChildren(list, rowEls);
    } else {
      sectionEl = renderSection(createDiv(), section, shown.get(section.kind), ctx, previous.cache, state.cache);
    }
    state.sections.set(section.kind, { signature: ssig, el: sectionEl });
    sectionEls.push(sectionEl);
    for (let i = 0; i < visible; i++) rows.set(section.rows[i]!.key, section.rows[i]!);
  }
  setChildren(body, sectionEls);
  return { state, rows };
}
