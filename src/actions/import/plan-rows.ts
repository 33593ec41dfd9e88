/**
 * The plan modal's sections as DOM: new notes and fills with a tick each, conflicts side by side (the note's
 * value and the file's), skipped rows and values left out with their reasons. Long lists show PAGE rows and a
 * button for the next PAGE, so that a plan of thousands of rows opens at once.
 */
import type { ContactFields, ImportPlan, RowWarning } from '../../core/import/types';
import type { Translate } from '../../i18n/i18n';
import { basenameOf, reasonLine, sectionState, type PlanModel, type WriteKind, type WriteRow } from './plan-model';

export const PAGE = 100;

/** Appends `items` to `parent` PAGE at a time: the rest behind a "Show N more" button. */
export function pagedList<T>(parent: HTMLElement, items: readonly T[], render: (parent: HTMLElement, item: T) => void, t: Translate, from = 0): void {
  const end = Math.min(items.length, from + PAGE);
  for (let i = from; i < end; i++) render(parent, items[i]!);
  if (end >= items.length) return;
  const more = parent.createEl('button', { cls: 'ties-import-more', text: t('import.more', { n: Math.min(PAGE, items.length - end) }), attr: { type: 'button' } });
  more.addEventListener('click', () => {
    more.remove();
    pagedList(parent, items, render, t, end);
  });
}

function sectionHead(section: HTMLElement, title: string, count: number): HTMLElement {
  const head = section.createDiv({ cls: 'ties-import-section-head' });
  const h = head.createEl('h3', { cls: 'ties-import-section-title', text: title });
  h.createSpan({ cls: 'ties-import-section-count', text: String(count) });
  return head;
}

/** The row numbers as the file counts them: `Row 7`, `Card 3`. */
export function rowLabel(plan: ImportPlan, row: number | null, t: Translate): string {
  if (row === null) return t('import.row.file');
  return plan.format === 'vcard' ? t('import.row.card', { n: row }) : t('import.row.row', { n: row });
}

const WRITE_TITLES: Record<WriteKind, 'import.section.create' | 'import.section.fill'> = { create: 'import.section.create', fill: 'import.section.fill' };

/** The "All" tick of a section: ticked, clear, or in between. */
export function updateAllBox(section: HTMLElement, model: PlanModel, kind: WriteKind): void {
  const box = section.querySelector<HTMLInputElement>('.ties-import-all-check');
  if (!box) return;
  const { selectable, selected } = sectionState(model, kind);
  box.checked = selectable > 0 && selected === selectable;
  box.indeterminate = selected > 0 && selected < selectable;
  box.disabled = selectable === 0;
}

/** New notes or fills: a tick per note (a label, so the whole row is the touch target), "All" in the head. */
export function renderWriteSection(parent: HTMLElement, model: PlanModel, kind: WriteKind, t: Translate, preparing: boolean): HTMLElement {
  const rows = model[kind];
  const section = parent.createDiv({ cls: 'ties-import-section', attr: { 'data-kind': kind } });
  const title = t(WRITE_TITLES[kind]);
  const head = sectionHead(section, title, rows.length);
  const all = head.createEl('label', { cls: 'ties-import-all' });
  all.createEl('input', { cls: 'ties-import-all-check', attr: { type: 'checkbox', 'data-all': kind, 'aria-label': t('import.selectAllLabel', { section: title }) } });
  all.appendText(t('import.selectAll'));
  updateAllBox(section, model, kind);
  if (preparing && kind === 'fill') section.createDiv({ cls: 'ties-import-preparing', text: t('import.plan.preparing') });
  const list = section.createDiv({ cls: 'ties-import-rows' });
  pagedList(list, rows, (el, row) => renderWriteRow(el, row, model, t), t);
  return section;
}

/** What a new note will say, short: `Acme · CTO · jan@acme.nl · met 2026-02-08 · LinkedIn`; dates never break. */
export function fieldValues(fields: ContactFields, t: Translate): { text: string; date: boolean }[] {
  const out: { text: string; date: boolean }[] = [];
  for (const [field, value] of Object.entries(fields) as [keyof ContactFields, string | string[] | undefined][]) {
    if (value === undefined) continue;
    if (field === 'met') out.push({ text: t('import.value.met', { date: String(value) }), date: true });
    else if (field === 'birthday') out.push({ text: t('import.value.birthday', { date: String(value).replace(/^--/, '') }), date: true });
    else if (field === 'linkedin') out.push({ text: 'LinkedIn', date: false });
    else if (field === 'tags' && Array.isArray(value)) out.push({ text: value.map((v) => `#${v}`).join(' '), date: false });
    else out.push({ text: Array.isArray(value) ? value.join(', ') : value, date: false });
  }
  return out;
}

function renderDetail(parent: HTMLElement, row: WriteRow, t: Translate): void {
  const el = parent.createDiv({ cls: 'ties-import-detail' });
  if (row.kind === 'fill') {
    const adds = t('import.row.adds', { fields: Object.keys(row.fields).join(', ') });
    el.setText(row.matchedBy === null ? adds : `${adds} · ${t(`import.match.${row.matchedBy}`)}`);
    return;
  }
  const values = fieldValues(row.fields, t);
  if (values.length === 0) el.setText(t('import.row.nameOnly'));
  values.forEach((v, i) => {
    if (i > 0) el.appendText(' · ');
    el.createSpan({ cls: v.date ? 'ties-import-date' : 'ties-import-value', text: v.text });
  });
}

function renderWriteRow(parent: HTMLElement, row: WriteRow, model: PlanModel, t: Translate): void {
  const label = parent.createEl('label', { cls: 'ties-import-row', attr: { 'data-key': row.key } });
  const box = label.createEl('input', { cls: 'ties-import-check', attr: { type: 'checkbox', 'data-key': row.key, 'aria-label': t('import.row.select', { name: row.name }) } });
  box.checked = model.selected.has(row.key);
  box.disabled = row.refused !== null;
  const main = label.createDiv({ cls: 'ties-import-row-main' });
  main.createDiv({ cls: 'ties-import-name', text: row.name });
  renderDetail(main, row, t);
  for (const r of row.reasons) main.createDiv({ cls: 'ties-import-why', text: reasonLine(t, r) });
  if (row.refused !== null) {
    label.addClass('is-refused');
    main.createDiv({ cls: 'ties-import-why mod-warning', text: t('import.row.cannotFill', { reason: row.refused.map((r) => reasonLine(t, r)).join('; ') }) });
  }
}

/** Conflicts: the note's value beside the file's; no tick, they are never written. */
export function renderConflicts(parent: HTMLElement, plan: ImportPlan, t: Translate): void {
  if (plan.conflicts.length === 0) return;
  const section = parent.createDiv({ cls: 'ties-import-section', attr: { 'data-kind': 'conflicts' } });
  sectionHead(section, t('import.section.conflicts'), plan.conflicts.length);
  section.createDiv({ cls: 'ties-import-hint', text: t('import.section.conflictsHint') });
  const list = section.createDiv({ cls: 'ties-import-rows' });
  pagedList(list, plan.conflicts, (el, c) => {
    const item = el.createDiv({ cls: 'ties-import-conflict' });
    const name = item.createDiv({ cls: 'ties-import-name' });
    name.appendText(basenameOf(c.path));
    name.createSpan({ cls: 'ties-import-field', text: c.field });
    const sides = item.createDiv({ cls: 'ties-import-sides' });
    for (const [label, value, cls] of [[t('import.conflict.note'), c.note, 'is-note'], [t('import.conflict.file'), c.file, 'is-file']] as const) {
      const side = sides.createDiv({ cls: `ties-import-side ${cls}` });
      side.createDiv({ cls: 'ties-import-side-label', text: label });
      side.createDiv({ cls: 'ties-import-side-value', text: value });
    }
  }, t);
}

/** Skipped rows, each with its reason. */
export function renderSkipped(parent: HTMLElement, plan: ImportPlan, t: Translate): void {
  if (plan.skipped.length === 0) return;
  const section = parent.createDiv({ cls: 'ties-import-section', attr: { 'data-kind': 'skipped' } });
  sectionHead(section, t('import.section.skipped'), plan.skipped.length);
  const list = section.createDiv({ cls: 'ties-import-rows' });
  pagedList(list, plan.skipped, (el, s) => {
    const item = el.createDiv({ cls: 'ties-import-skip' });
    item.createSpan({ cls: 'ties-import-rowno', text: rowLabel(plan, s.row, t) });
    item.createSpan({ cls: 'ties-import-why', text: reasonLine(t, s) });
  }, t);
}

/** Values left out or changed, folded away: they do not stop a row from being imported. */
export function renderWarnings(parent: HTMLElement, plan: ImportPlan, t: Translate): void {
  if (plan.warnings.length === 0) return;
  const details = parent.createEl('details', { cls: 'ties-import-section ties-import-warnings', attr: { 'data-kind': 'warnings' } });
  const summary = details.createEl('summary', { cls: 'ties-import-section-title', text: t('import.section.warnings') });
  summary.createSpan({ cls: 'ties-import-section-count', text: String(plan.warnings.length) });
  const list = details.createDiv({ cls: 'ties-import-rows' });
  pagedList(list, plan.warnings, (el, w: RowWarning) => {
    const item = el.createDiv({ cls: 'ties-import-skip' });
    item.createSpan({ cls: 'ties-import-rowno', text: w.field === null ? rowLabel(plan, w.row, t) : `${rowLabel(plan, w.row, t)} · ${w.field}` });
    item.createSpan({ cls: 'ties-import-why', text: reasonLine(t, w) });
  }, t);
}
