/** The shapes of an import: contacts read from a file, and the plan that says what an import would write. */

export type ImportFormat = 'linkedin' | 'google' | 'vcard';

/** Text fields an import may write, in the order a new note lists them (the format's order). */
export const TEXT_FIELDS = ['birthday', 'organisation', 'department', 'role', 'email', 'phone', 'met', 'linkedin'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** List fields an import may write. */
export const LIST_FIELDS = ['interests', 'knows', 'tags'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export type ImportField = TextField | ListField;

/** The order in which a note lists the fields (after `type` and `aliases`): Obsidian's `tags`, then the format's order. */
export const NOTE_FIELD_ORDER: readonly ImportField[] = [
  'tags', 'interests', 'birthday', 'knows', 'organisation', 'department', 'role', 'email', 'phone', 'met', 'linkedin',
];

/** The fields of one contact, as they would be written to a note (dates as `YYYY-MM-DD` or `--MM-DD`). */
export type ContactFields = Partial<Record<TextField, string>> & Partial<Record<ListField, string[]>>;

/** A problem with one value of a row that does not stop the row from being imported. */
export interface RowWarning {
  /** 1-based row of a CSV file (as a spreadsheet numbers it) or card of a vCard file; null for the whole file. */
  row: number | null;
  field: string | null;
  message: string;
}

/** One row of a CSV file or one card of a vCard file. */
export interface Contact {
  row: number;
  /** The name as the file writes it (`First Last`, or the vCard's `FN`), trimmed; '' when it has none. */
  name: string;
  fields: ContactFields;
  /** Every e-mail address of the row (the first one is `fields.email`), for matching. */
  emails: string[];
  /**
   * People the row names as related (vCard `RELATED`, Apple's related names, Google's relations), with the
   * relation when the file gives one (`spouse`, `child`). The plan makes each a `knows` link when the
   * person is in the file or the vault, else an entry of `interests` (children's names are interests).
   */
  related: { name: string; label: string | null }[];
}

/** A file read into contacts, with the rows that could not be read and the values that were left out. */
export interface ParsedFile {
  format: ImportFormat;
  /** Data rows (or cards) in the file. */
  rows: number;
  contacts: Contact[];
  skipped: Skipped[];
  warnings: RowWarning[];
}

export interface Skipped {
  row: number;
  why: string;
}

export interface PlannedCreate {
  path: string;
  /** The person's name: the note's basename. */
  name: string;
  fields: ContactFields;
  /** `aliases` the new note gets (the name as written, when the file name had to differ). */
  aliases: string[];
  rows: number[];
  /** Why the note's name or path differs from the name in the file; empty when it does not. */
  why: string[];
}

export interface PlannedUpdate {
  path: string;
  /** The empty fields this import fills. */
  fields: ContactFields;
  rows: number[];
  /** How the rows were matched to the note: `linkedin`, `email` or `name`. */
  matchedBy: MatchKind;
}

export type MatchKind = 'linkedin' | 'email' | 'name';

export interface Conflict {
  path: string;
  field: ImportField;
  /** The value in the note, as text. */
  note: string;
  /** The value in the file, as text. */
  file: string;
  rows: number[];
}

export interface ImportPlan {
  format: ImportFormat;
  rows: number;
  create: PlannedCreate[];
  update: PlannedUpdate[];
  conflicts: Conflict[];
  skipped: Skipped[];
  /** People in the file that are in the vault already with nothing to fill. */
  unchanged: { path: string; rows: number[] }[];
  warnings: RowWarning[];
}

/** A file that Ties cannot import at all: the message says why (and which formats were tried). */
export class ImportError extends Error {}
