/**
 * Why an import skips a row, leaves a value out, names a note differently or refuses a file: a code with
 * parameters, so that the plugin can say it in the user's language (src/i18n/import.ts translates each
 * code), and the English text here, which the command line prints and the plan's JSON carries.
 * Templates fill `{name}` from the parameters, as the plugin's strings do.
 */
export const REASON_TEXT = {
  // the whole file (ImportError, and the file's encoding)
  'file-empty': 'the file is empty',
  'file-unknown':
    'not a file Ties can import. Tried: LinkedIn Connections.csv (a header "First Name,Last Name,…,Connected On" within the first 50 rows), ' +
    'Google Contacts CSV (a header with "First Name" and "Last Name", or "Given Name" and "Family Name", and Google\'s columns), ' +
    'vCard (.vcf) (a file that begins with BEGIN:VCARD)',
  'file-too-large': 'the file is too large to import ({mb} MB; at most {max} MB): split it into smaller files',
  'file-zip': 'this is a ZIP archive: unzip it first and import the file inside it (LinkedIn: Connections.csv)',
  'file-damaged-one': 'the file is not valid UTF-8: 1 damaged character was replaced by "\uFFFD"; check the names that show it',
  'file-damaged': 'the file is not valid UTF-8: {n} damaged characters were replaced by "\uFFFD"; check the names that show it',
  'file-windows-1252': 'the file is not UTF-8; it was read as Windows-1252 (Western European)',

  // rows of a CSV file
  'csv-unclosed-quote': 'a quote opened in this row is never closed, so the rest of the file runs into it; close the quote and import again',
  'csv-bad-quotes': 'the row\'s quotes are not as CSV expects ({error}); it was read as well as possible',
  'csv-too-many-values':
    'the row has {values} values but the header has {columns} columns (a comma in a value without quotes around it?); it was not read, so that no value lands in the wrong column',

  // cards of a vCard file
  'card-no-end': 'the card has no END:VCARD (is the file cut off?); it was not read, so that nothing half is imported',
  'card-no-name': 'the card has no name (no FN or N)',
  'card-no-name-org': 'the card has no name (no FN or N), only an organisation',
  'card-unread-line': '1 line of the card could not be read and was left out',
  'card-unread-lines': '{n} lines of the card could not be read and were left out',
  'card-birthday-text': 'the birthday is written as text ("{value}"); it is left out',

  // values of a row
  'value-not-email': '"{value}" is not an e-mail address; it is left out',
  'value-not-birthday': '"{value}" is not a date (expected YYYY-MM-DD, or --MM-DD without a year); it is left out',
  'value-not-tag': 'the group "{value}" cannot be a tag; it is left out',
  'value-not-linkedin': '"{value}" is not a LinkedIn profile URL; it is left out',
  'value-not-connected-on': '"{value}" is not a date (LinkedIn writes "08 Feb 2026"); it is left out',

  // the plan
  'row-no-name': 'the row has no name',
  'row-no-name-org': 'the row has no name, only an organisation ("{organisation}")',
  'name-no-letters': 'the name "{name}" has no letters or digits to name a note with',
  'name-too-long': 'the name is longer than {max} characters; the note is named "{note}"',
  'name-characters': '"{name}" holds characters a note name cannot; the note is named "{note}"',
  'name-taken': 'a note named "{taken}" that is not a person exists; the new note is "{note}", with "{taken}" as an alias',
  'same-person-field': 'this row is the same person as row {row}, whose {field} "{used}" is used; "{unused}" is not',
  'same-person-name': 'this row is the same person as row {row} (the same LinkedIn URL or e-mail address), whose name "{used}" is used; "{unused}" is not',
  'matches-several-linkedin': '"{name}" matches {n} notes by LinkedIn URL ({notes}); which one is meant is unclear, so it was not imported',
  'matches-several-email': '"{name}" matches {n} notes by e-mail address ({notes}); which one is meant is unclear, so it was not imported',
  'matches-several-name': '"{name}" matches {n} notes by name ({notes}); which one is meant is unclear, so it was not imported',

  // filling a note's empty fields
  'note-unreadable': '"{name}" matches {note}, whose frontmatter cannot be read (see ties check); fix it first, then import again',
  'fill-note-gone': 'the note is no longer there',
  'fill-holds-value': '"{key}" holds a value already; an import never overwrites one',
  'fill-unclosed': 'the frontmatter is opened with --- but never closed',
} as const;

export type ReasonCode = keyof typeof REASON_TEXT;
export type ReasonParams = Readonly<Record<string, string | number>>;

export interface Reason {
  code: ReasonCode;
  params: ReasonParams;
}

/** `template` with each `{name}` replaced by its parameter; one pass, so a value holding `{x}` stays as it is. */
export function fillReason(template: string, params: ReasonParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The English text of a reason. */
export function reasonText(reason: Reason): string {
  return fillReason(REASON_TEXT[reason.code], reason.params);
}

export function reason(code: ReasonCode, params: ReasonParams = {}): Reason {
  return { code, params };
}

/** A skipped row (types.ts `Skipped`). */
export function skippedRow(row: number, code: ReasonCode, params: ReasonParams = {}): Reason & { row: number; why: string } {
  return { row, why: fillReason(REASON_TEXT[code], params), code, params };
}

/** A value left out or changed (types.ts `RowWarning`). */
export function rowWarning(
  row: number | null, field: string | null, code: ReasonCode, params: ReasonParams = {},
): Reason & { row: number | null; field: string | null; message: string } {
  return { row, field, message: fillReason(REASON_TEXT[code], params), code, params };
}
