/** Shared by the import tests: fixture files, and plans and contacts as tables a reader can check by eye. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImportBytes } from '../../../src/core/import/decode';
import { parseImportFile } from '../../../src/core/import/parse';
import type { ContactFields, ImportPlan, ParsedFile } from '../../../src/core/import/types';

export const FIXTURES = 'tests/fixtures/import';

export function fixture(name: string): ParsedFile {
  return parseImportFile(decodeImportBytes(readFileSync(join(FIXTURES, name))).text);
}

export function fieldsText(fields: ContactFields): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(' | ')}]` : v}`)
    .join('; ');
}

/** One line per contact: `row | name | fields`. */
export function contactTable(parsed: ParsedFile): string[] {
  return parsed.contacts.map((c) => `${c.row} | ${c.name} | ${fieldsText(c.fields)}`);
}

/** One line per planned write, conflict and skipped row. */
export function planTable(plan: ImportPlan): string[] {
  return [
    ...plan.create.map((c) => `create ${c.path} | rows ${c.rows.join(',')} | ${fieldsText(c.fields)}${c.aliases.length ? ` | aliases ${c.aliases.join(',')}` : ''}`),
    ...plan.update.map((u) => `fill ${u.path} | by ${u.matchedBy} | rows ${u.rows.join(',')} | ${fieldsText(u.fields)}`),
    ...plan.conflicts.map((c) => `conflict ${c.path} | ${c.field} | note "${c.note}" | file "${c.file}"`),
    ...plan.skipped.map((s) => `skip row ${s.row} | ${s.why}`),
    ...plan.unchanged.map((u) => `same ${u.path} | rows ${u.rows.join(',')}`),
  ];
}
