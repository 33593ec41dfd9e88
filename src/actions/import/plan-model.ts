/**
 * What the plan modal shows, without DOM: the plan's rows by section, which are ticked, and the counts.
 * New notes and fills start ticked; conflicts and skipped rows have no tick (a conflict is never written).
 * A fill that cannot be written as planned (its note's text says otherwise) is shown with its reason and
 * cannot be ticked.
 */
import type { Reason } from '../../core/import/reasons';
import type { StringKey, Translate } from '../../i18n/i18n';
import type { ContactFields, ImportPlan, MatchKind, PlannedCreate, PlannedUpdate } from '../../core/import/types';

export type WriteKind = 'create' | 'fill';

/** One note the import may write. */
export interface WriteRow {
  key: string;
  kind: WriteKind;
  path: string;
  name: string;
  fields: ContactFields;
  /** New notes: why the note's name differs from the file's. */
  reasons: Reason[];
  matchedBy: MatchKind | null;
  rows: number[];
  aliases: string[];
  /** Set when the note cannot be filled as planned: it is shown, never written. */
  refused: Reason[] | null;
}

export interface PlanModel {
  plan: ImportPlan;
  create: WriteRow[];
  fill: WriteRow[];
  /** Every row by its key. */
  byKey: Map<string, WriteRow>;
  /** Keys of the ticked rows. */
  selected: Set<string>;
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

function createRow(c: PlannedCreate): WriteRow {
  return {
    key: `create:${c.path}`, kind: 'create', path: c.path, name: c.name, fields: c.fields, reasons: c.reasons,
    matchedBy: null, rows: c.rows, aliases: c.aliases, refused: null,
  };
}

function fillRow(u: PlannedUpdate): WriteRow {
  return {
    key: `fill:${u.path}`, kind: 'fill', path: u.path, name: basenameOf(u.path), fields: u.fields, reasons: [],
    matchedBy: u.matchedBy, rows: u.rows, aliases: [], refused: null,
  };
}

export function planModel(plan: ImportPlan): PlanModel {
  const create = plan.create.map(createRow);
  const fill = plan.update.map(fillRow);
  const rows = [...create, ...fill];
  return { plan, create, fill, byKey: new Map(rows.map((r) => [r.key, r])), selected: new Set(rows.map((r) => r.key)) };
}

/** Marks a fill as impossible (its note changed, or holds a value the index saw as empty): shown, never written. */
export function refuseFill(model: PlanModel, path: string, reasons: Reason[]): void {
  const row = model.byKey.get(`fill:${path}`);
  if (!row) return;
  row.refused = reasons;
  model.selected.delete(row.key);
}

export function setSelected(model: PlanModel, row: WriteRow, on: boolean): void {
  if (on && row.refused === null) model.selected.add(row.key);
  else model.selected.delete(row.key);
}

/** Ticks or clears every row of a section that can be ticked. */
export function setAll(model: PlanModel, kind: WriteKind, on: boolean): void {
  for (const row of model[kind]) setSelected(model, row, on);
}

/** How many rows of a section can be ticked, and how many are. */
export function sectionState(model: PlanModel, kind: WriteKind): { selectable: number; selected: number } {
  let selectable = 0, selected = 0;
  for (const row of model[kind]) {
    if (row.refused !== null) continue;
    selectable++;
    if (model.selected.has(row.key)) selected++;
  }
  return { selectable, selected };
}

/** The ticked rows, new notes first, in the plan's order. */
export function selectedRows(model: PlanModel): WriteRow[] {
  return [...model.create, ...model.fill].filter((r) => model.selected.has(r.key));
}

/** A reason of the import core in the user's language. */
export function reasonLine(t: Translate, r: Reason): string {
  return t(`import.why.${r.code}` as StringKey, r.params);
}
