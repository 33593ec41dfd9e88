/**
 * CSV exports through papaparse: quoted fields with commas and line breaks, CRLF, a byte-order mark. Ties
 * adds what papaparse leaves to its callers: the header is found below any preamble (LinkedIn writes a few
 * `Notes:` lines first), rows are numbered as a spreadsheet numbers them, and a row with more values than
 * the header has columns is not read into the wrong columns.
 */
import Papa from 'papaparse';
import type { RowWarning, Skipped } from './types';

/** The header must stand within this many rows, and this many characters, of the top. */
const HEADER_WITHIN = 50;
const HEADER_BYTES = 256 * 1024;
/** Spreadsheets saved in a European locale separate with `;`, some tools with a tab. */
const DELIMITERS = [',', ';', '\t'] as const;

export interface CsvRow {
  /** 1-based, as a spreadsheet numbers rows (a value with line breaks in it is one row). */
  row: number;
  /** Lower-case trimmed header → the cell, trimmed. */
  get(column: string): string;
}

export interface CsvTable {
  /** Header cells as written. */
  header: string[];
  rows: CsvRow[];
  skipped: Skipped[];
  warnings: RowWarning[];
}

function headerIndex(cells: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  cells.forEach((c, i) => {
    const key = c.trim().toLowerCase();
    if (key !== '' && !index.has(key)) index.set(key, i);
  });
  return index;
}

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** The file's line break, from its first one (papaparse's own guess copies and scans the first megabyte). */
function lineBreak(text: string): '\r\n' | '\n' | '\r' {
  const nl = text.indexOf('\n');
  if (nl < 0) return text.includes('\r') ? '\r' : '\n';
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

export interface HeaderAt {
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  /** The header's row index, 0-based. */
  at: number;
}

/**
 * Which of `kinds` the file is: the first whose `isHeader` holds on the lower-case trimmed cells of a row
 * within the first 50 rows and 256 kB (so that a huge file that is no CSV is not parsed whole to find out).
 */
export function findHeader<K extends string>(text: string, kinds: Record<K, (columns: ReadonlySet<string>) => boolean>): (HeaderAt & { kind: K }) | null {
  const head = text.slice(0, HEADER_BYTES);
  const newline = lineBreak(head);
  for (const delimiter of DELIMITERS) {
    const preview = Papa.parse<string[]>(head, { delimiter, newline, preview: HEADER_WITHIN, skipEmptyLines: false });
    for (let at = 0; at < preview.data.length; at++) {
      const cells = preview.data[at]!;
      if (cells.length < 2 || cells.length > 10_000) continue;
      const columns = new Set(cells.map((c) => c.trim().toLowerCase()));
      for (const kind of Object.keys(kinds) as K[]) if (kinds[kind](columns)) return { delimiter, newline, at, kind };
    }
  }
  return null;
}

/** The rows below the header found by `findHeader`. */
export function readTable(text: string, where: HeaderAt): CsvTable {
  const parsed = Papa.parse<string[]>(text, { delimiter: where.delimiter, newline: where.newline, skipEmptyLines: false });
  const header = parsed.data[where.at] ?? [];
  const columns = headerIndex(header);
  const skipped: Skipped[] = [];
  const warnings: RowWarning[] = [];
  const broken = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.row === undefined || e.row === null || e.row <= where.at) continue;
    if (e.code === 'MissingQuotes')
      broken.set(e.row, 'a quote opened in this row is never closed, so the rest of the file runs into it; close the quote and import again');
    else if (!broken.has(e.row)) warnings.push({ row: e.row + 1, field: null, message: `the row's quotes are not as CSV expects (${e.message}); it was read as well as possible` });
  }

  const rows: CsvRow[] = [];
  for (let i = where.at + 1; i < parsed.data.length; i++) {
    const cells = parsed.data[i]!;
    const row = i + 1;
    if (isBlankRow(cells)) continue;
    const why = broken.get(i);
    if (why !== undefined) {
      skipped.push({ row, why });
      continue;
    }
    if (cells.length > header.length && !isBlankRow(cells.slice(header.length))) {
      skipped.push({
        row,
        why: `the row has ${cells.length} values but the header has ${header.length} columns (a comma in a value without quotes around it?); it was not read, so that no value lands in the wrong column`,
      });
      continue;
    }
    rows.push({
      row,
      get: (column: string) => {
        const at = columns.get(column);
        return at === undefined ? '' : (cells[at] ?? '').trim();
      },
    });
  }
  return { header, rows, skipped, warnings };
}
