/**
 * LinkedIn's `Connections.csv` (Settings → Data privacy → Get a copy of your data → Connections): a few
 * `Notes:` lines, then `First Name,Last Name,URL,Email Address,Company,Position,Connected On` (older
 * exports have no `URL`). E-mail addresses are there only for connections who allow it.
 */
import { ContactBuilder } from './contact';
import type { CsvTable } from './csv';
import { parseConnectedOn } from './dates';
import type { Contact, RowWarning } from './types';

export function isLinkedinHeader(columns: ReadonlySet<string>): boolean {
  return (
    columns.has('first name') && columns.has('last name') && columns.has('connected on') &&
    (columns.has('company') || columns.has('position'))
  );
}

export function linkedinContacts(table: CsvTable, warnings: RowWarning[]): Contact[] {
  return table.rows.map((r) => {
    const c = new ContactBuilder(r.row, `${r.get('first name')} ${r.get('last name')}`, warnings);
    const url = r.get('url');
    c.websites([url]);
    if (url !== '' && c.contact.fields.linkedin === undefined) c.warn('linkedin', `"${url}" is not a LinkedIn profile URL; it is left out`);
    c.emails([r.get('email address')]);
    c.text('organisation', r.get('company'));
    c.text('role', r.get('position'));
    const connected = r.get('connected on');
    if (connected !== '') {
      const met = parseConnectedOn(connected);
      if (met === null) c.warn('met', `"${connected}" is not a date (LinkedIn writes "08 Feb 2026"); it is left out`);
      else c.text('met', met);
    }
    return c.contact;
  });
}
