/**
 * The list as DOM: the header line, the problems line, then each non-empty section; or, with no person
 * notes, how a note becomes a person; or "Nobody needs attention today". A render after a change rebuilds
 * only what changed: the header and each section are kept while what they show (their signature) is the
 * same, and rows are kept by key while their content is the same. No obsidian import at run time, so the
 * benchmark renders exactly what the view renders.
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

/** What the view adds to the model: the user's choices, and what the vault says about person notes. */
export interface ListOptions {
  /** Rows each section was asked to show ("Show more"). */
  shown: ReadonlyMap<AttentionKind, number>;
  /** Folded sections. */
  collapsed: ReadonlySet<AttentionKind>;
  capacityOpen: boolean;
  callHourSize: number;
  /** Notes with errors ("N notes have problems · Check"); 0 for none. */
  problems: number;
  /** How a note becomes a person, for the onboarding: the person tags and the people folder. */
  setup: { tags: readonly string[]; folder: string; folderExists: boolean };
}

export function emptyListState(): ListState {
  return { cache: new Map(), header: null, sections: new Map(), body: null };
}

/** What the header shows. The call-hour size is not part of it: the input keeps what the user types. */
function headerSignature(model: AttentionModel, options: ListOptions, ctx: RenderContext): string {
  const counts = model.sections.map((s) => s.count).join(',');
  const layers = model.capacity.map((l) => l.count).join(',');
  return `${ctx.t('attention.title')}|${counts}|${layers}|${options.capacityOpen}`;
}

function sectionSignature(section: AttentionSection, visible: number, collapsed: boolean, ctx: RenderContext): string {
  return `${ctx.t(SECTION_LABELS[section.kind])}|${section.count}|${section.rows.length}|${section.featured}|${visible}|${collapsed}`;
}

/** Makes `parent`'s children exactly `children`, touching nothing when they already are. */
function setChildren(parent: HTMLElement, children: readonly HTMLElement[]): void {
  const current = parent.children;
  if (current.length === children.length && children.every((c, i) => current[i] === c)) return;
  parent.replaceChildren(...children);
}

/** Renders the list into `el` (replacing whatever else it holds) and returns the state for the next render. */
export function renderList(
  el: HTMLElement, model: AttentionModel, previous: ListState, options: ListOptions, ctx: RenderContext,
): { state: ListState; rows: Map<string, AttentionRow> } {
  const state: ListState = { cache: new Map(), header: null, sections: new Map(), body: previous.body ?? createDiv({ cls: 'ties-attention-body' }) };
  const rows = new Map<string, AttentionRow>();
  const body = state.body!;
  const top: HTMLElement[] = [];

  if (model.people > 0) {
    const hsig = headerSignature(model, options, ctx);
    state.header = previous.header?.signature === hsig
      ? previous.header
      : { signature: hsig, el: renderHeader(createDiv(), model, options.callHourSize, options.capacityOpen, ctx) };
    top.push(state.header.el);
  }
  if (options.problems > 0) top.push(problemsLine(options.problems, ctx));
  setChildren(el, [...top, body]);

  if (model.people === 0) {
    setChildren(body, [onboarding(options.setup, ctx)]);
    return { state, rows };
  }
  if (model.total === 0) {
    const empty = createDiv({ cls: 'ties-attention-empty' });
    empty.createDiv({ cls: 'ties-attention-empty-title', text: ctx.t('attention.empty') });
    empty.createDiv({ cls: 'ties-attention-empty-hint', text: ctx.t('attention.emptyHint') });
    setChildren(body, [empty]);
    return { state, rows };
  }

  const sectionEls: HTMLElement[] = [];
  for (const section of model.sections) {
    if (section.count === 0) continue;
    const collapsed = options.collapsed.has(section.kind);
    const visible = collapsed ? 0 : visibleCount(section, options.shown.get(section.kind));
    const ssig = sectionSignature(section, visible, collapsed, ctx);
    const kept = previous.sections.get(section.kind);
    let sectionEl: HTMLElement;
    if (kept && kept.signature === ssig) {
      sectionEl = kept.el;
      const list = sectionEl.querySelector<HTMLElement>('.ties-attention-rows');
      const rowEls: HTMLElement[] = [];
      for (let i = 0; i < visible; i++) {
        const row = section.rows[i]!;
        const signature = rowSignature(row);
        const old = previous.cache.get(row.key);
        const rowEl = old && old.signature === signature ? old.el : renderRow(row, ctx);
        state.cache.set(row.key, { signature, el: rowEl });
        rowEls.push(rowEl);
      }
      if (list) setChildren(list, rowEls);
    } else {
      sectionEl = renderSection(createDiv(), section, options.shown.get(section.kind), collapsed, ctx, previous.cache, state.cache);
    }
    state.sections.set(section.kind, { signature: ssig, el: sectionEl });
    sectionEls.push(sectionEl);
    for (let i = 0; i < visible; i++) rows.set(section.rows[i]!.key, section.rows[i]!);
  }
  setChildren(body, sectionEls);
  return { state, rows };
}

/** "3 notes have problems · Check": one line, the button opens Check person notes. */
function problemsLine(n: number, ctx: RenderContext): HTMLElement {
  const { t } = ctx;
  const line = createDiv({ cls: 'ties-attention-problems', attr: { role: 'status' } });
  ctx.icon(line.createSpan({ cls: 'ties-attention-problems-icon' }), 'alert-circle');
  line.createSpan({ cls: 'ties-attention-problems-text', text: t('attention.problems', { n }) });
  line.createEl('button', {
    cls: 'ties-attention-problems-check',
    text: t('attention.problems.check'),
    attr: { type: 'button', 'data-action': 'check-notes', 'aria-label': t('attention.problems.checkLabel') },
  });
  return line;
}

/** No person notes yet: how a note becomes one, and New person, Import people… and the folder setting. */
function onboarding(setup: ListOptions['setup'], ctx: RenderContext): HTMLElement {
  const { t } = ctx;
  const el = createDiv({ cls: 'ties-attention-onboarding' });
  el.createDiv({ cls: 'ties-attention-empty-title', text: t('attention.onboarding.title') });
  const tags = setup.tags.map((tag) => `#${tag}`).join(', ');
  el.createDiv({ cls: 'ties-attention-onboarding-how', text: t('attention.onboarding.how', { tags: tags === '' ? '#person' : tags }) });
  const folder = setup.folder === ''
    ? t('attention.onboarding.unset')
    : setup.folderExists ? t('attention.onboarding.folder', { folder: setup.folder }) : t('attention.onboarding.noFolder', { folder: setup.folder });
  el.createDiv({ cls: ['ties-attention-onboarding-folder', setup.folder !== '' && !setup.folderExists ? 'is-missing' : ''].filter(Boolean), text: folder });
  const buttons = el.createDiv({ cls: 'ties-attention-onboarding-buttons' });
  buttons.createEl('button', { cls: 'mod-cta', text: t('attention.onboarding.newPerson'), attr: { type: 'button', 'data-action': 'new-person' } });
  buttons.createEl('button', { cls: 'ties-attention-import', text: t('import.command'), attr: { type: 'button', 'data-action': 'import-people' } });
  buttons.createEl('button', { text: t('attention.onboarding.settings'), attr: { type: 'button', 'data-action': 'open-settings' } });
  return el;
}
