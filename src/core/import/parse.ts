/** An import file's text → its format and contacts. The format is recognised from the content, not the name. */
import { findHeader, readTable } from './csv';
import { googleContacts, isGoogleHeader } from './google';
import { isLinkedinHeader, linkedinContacts } from './linkedin';
import { ImportError, type ParsedFile, type RowWarning } from './types';
import { looksLikeVcard, vcardContacts } from './vcard';

export const FORMAT_NAMES = {
  linkedin: 'LinkedIn Connections.csv',
  google: 'Google Contacts CSV',
  vcard: 'vCard (.vcf)',
} as const;

/**
 * Reads an import file. Throws ImportError for an empty file and for a file in none of the formats (the
 * message says which were tried and what each looks for).
 */
export function parseImportFile(text: string): ParsedFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new ImportError('the file is empty');
  const warnings: RowWarning[] = [];

  if (looksLikeVcard(body)) {
    const { rows, contacts, skipped } = vcardContacts(body, warnings);
    return { format: 'vcard', rows, contacts, skipped, warnings };
  }
  const header = findHeader(body, { linkedin: isLinkedinHeader, google: isGoogleHeader });
  if (header) {
    const table = readTable(body, header);
    warnings.push(...table.warnings);
    const contacts = header.kind === 'linkedin' ? linkedinContacts(table, warnings) : googleContacts(table, warnings);
    return { format: header.kind, rows: contacts.length + table.skipped.length, contacts, skipped: table.skipped, warnings };
  }
  throw new ImportError(
    'not a file Ties can import. Tried: ' +
      `${FORMAT_NAMES.linkedin} (a header "First Name,Last Name,…,Connected On" within the first 50 rows), ` +
      `${FORMAT_NAMES.google} (a header with "First Name" and "Last Name", or "Given Name" and "Family Name", and Google's columns), ` +
      `${FORMAT_NAMES.vcard} (a file that begins with BEGIN:VCARD)`,
  );
}
