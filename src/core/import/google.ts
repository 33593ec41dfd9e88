/**
 * Google Contacts CSV (Export → Google CSV), in its current header (`First Name`, `Organization Name`,
 * `E-mail 1 - Value`, `Labels`, …) and the legacy one (`Given Name`, `Family Name`, `Organization 1 - Name`,
 * `Group Membership`, …). A cell may hold several values separated by ` ::: `; a label starting with `*`
 * marks the primary one.
 */
import { ContactBuilder, splitMulti } from './contact';
import type { CsvRow, CsvTable } from './csv';
import type { Contact, RowWarning } from './types';

export function isGoogleHeader(columns: ReadonlySet<string>): boolean {
  if (columns.has('given name') && columns.has('family name')) return true;
  if (columns.has('name') && columns.has('group membership')) return true;
  return (
    columns.has('first name') && columns.has('last name') &&
    (columns.has('e-mail 1 - value') || columns.has('phone 1 - value') || columns.has('organization name') ||
      columns.has('labels') || columns.has('file as'))
  );
}

/** Numbered columns `<prefix> N - Value` with their `Label` (current) or `Type` (legacy), N = 1, 2, …. */
function numbered(r: CsvRow, columns: ReadonlySet<string>, prefix: string): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  for (let n = 1; columns.has(`${prefix} ${n} - value`); n++) {
    const values = splitMulti(r.get(`${prefix} ${n} - value`));
    const labels = splitMulti(r.get(`${prefix} ${n} - label`) || r.get(`${prefix} ${n} - type`));
    values.forEach((value, i) => out.push({ value, label: labels[i] ?? labels[0] ?? '' }));
  }
  return out;
}

/** Values with the primary one (label starting with `*`) first. */
function primaryFirst(entries: { value: string; label: string }[]): string[] {
  const primary = entries.filter((e) => e.label.startsWith('*'));
  return [...primary, ...entries.filter((e) => !e.label.startsWith('*'))].map((e) => e.value);
}

function joinName(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

export function googleContacts(table: CsvTable, warnings: RowWarning[]): Contact[] {
  const columns = new Set(table.header.map((h) => h.trim().toLowerCase()));
  return table.rows.map((r) => {
    const name =
      joinName(r.get('first name'), r.get('middle name'), r.get('last name')) ||
      r.get('name') ||
      joinName(r.get('given name'), r.get('additional name'), r.get('family name')) ||
      r.get('nickname');
    const c = new ContactBuilder(r.row, name, warnings);
    c.text('organisation', r.get('organization name') || r.get('organization 1 - name'));
    c.text('department', r.get('organization department') || r.get('organization 1 - department'));
    c.text('role', r.get('organization title') || r.get('organization 1 - title'));
    c.emails(primaryFirst(numbered(r, columns, 'e-mail')));
    c.phones(primaryFirst(numbered(r, columns, 'phone')));
    c.websites(numbered(r, columns, 'website').map((w) => w.value));
    c.birthday(r.get('birthday'));
    c.tags(splitMulti(r.get('labels') || r.get('group membership')));
    c.note(r.get('notes'));
    c.list('interests', splitMulti(r.get('hobby')));
    for (const rel of numbered(r, columns, 'relation')) c.relation(rel.value, rel.label.replace(/^\*\s*/, '') || null);
    return c.contact;
  });
}
