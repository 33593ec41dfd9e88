/**
 * `ties import [VAULT] FILE [--dry-run] [--json]`: the plan, then the writes. Every note's complete new
 * text is worked out before the first write; any note that cannot be prepared means nothing is written.
 * Each note is then written whole (a temporary file renamed into place); on a failure the import stops
 * and says which notes were written and which were not.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeImportBytes } from '../core/import/decode';
import { fillFrontmatter, newPersonNoteText } from '../core/import/note-text';
import { parseImportFile } from '../core/import/parse';
import { planImport } from '../core/import/plan';
import { ImportError, type ImportPlan } from '../core/import/types';
import type { CoreSettings, Person } from '../core/types';
import { UsageError } from './command';
import type { Style } from './format';
import { formatPlan, planJson, printable } from './import-format';

export interface ImportContext {
  vault: string;
  file: string;
  dryRun: boolean;
  json: boolean;
  people: readonly Person[];
  /** Every note of the vault: a new note's name must not be taken. */
  notePaths: Iterable<string>;
  /** With the people folder normalised. */
  settings: CoreSettings;
  style: Style;
  out: (text: string) => void;
  err: (text: string) => void;
}

interface PreparedNote {
  path: string;
  text: string;
  kind: 'create' | 'update';
}

function readImportFile(file: string): Uint8Array {
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    /* reported below */
  }
  if (!isFile) throw new UsageError(`no such file: ${file}`);
  return readFileSync(file);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The complete new text of every note the plan writes; throws ImportError naming each note that cannot be prepared. */
function prepare(plan: ImportPlan, ctx: ImportContext): PreparedNote[] {
  const notes: PreparedNote[] = [];
  const problems: string[] = [];
  const markAsPerson = ctx.settings.peopleFolder === '';
  const logHeading = ctx.settings.logHeadings[0] ?? 'Log';
  for (const c of plan.create) {
    if (existsSync(join(ctx.vault, c.path))) problems.push(`${c.path}: a file of that name appeared since the vault was read`);
    else notes.push({ path: c.path, kind: 'create', text: newPersonNoteText({ ...c.fields, aliases: c.aliases }, { markAsPerson, logHeading }) });
  }
  for (const u of plan.update) {
    let text: string;
    try {
      text = utf8.decode(readFileSync(join(ctx.vault, u.path)));
    } catch (e) {
      problems.push(`${u.path}: ${e instanceof TypeError ? 'not UTF-8 text, which Ties does not rewrite' : (e as Error).message}`);
      continue;
    }
    const filled = fillFrontmatter(text, u.fields);
    if (filled.ok) notes.push({ path: u.path, kind: 'update', text: filled.text });
    else problems.push(`${u.path}: ${filled.problems.join('; ')}`);
  }
  if (problems.length > 0)
    throw new ImportError(`nothing was written, because ${problems.length === 1 ? 'a note' : `${problems.length} notes`} cannot be written as planned: ${problems.join(' | ')}`);
  return notes;
}

/** Writes one note whole: a hidden temporary file beside it, then moved into place. A new note never replaces a file. */
function writeNote(vault: string, note: PreparedNote): void {
  const target = join(vault, note.path);
  const folder = dirname(target);
  mkdirSync(folder, { recursive: true });
  const temp = join(folder, `.${basename(target)}.ties-import-${process.pid}.tmp`);
  try {
    writeFileSync(temp, note.text, { flag: 'wx' });
    if (note.kind === 'update') renameSync(temp, target);
    else {
      try {
        linkSync(temp, target); // fails when the name is taken: never overwrites
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        if (code === 'EEXIST' || existsSync(target)) throw new Error(`${note.path} exists already`);
        renameSync(temp, target); // a file system without hard links
      }
    }
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}

export function runImport(ctx: ImportContext): number {
  const bytes = readImportFile(ctx.file);
  let plan: ImportPlan;
  try {
    const decoded = decodeImportBytes(bytes);
    const parsed = parseImportFile(decoded.text);
    if (decoded.warning !== null) parsed.warnings.unshift({ row: null, field: null, message: decoded.warning });
    plan = planImport(parsed, { people: ctx.people, notePaths: ctx.notePaths, peopleFolder: ctx.settings.peopleFolder });
  } catch (e) {
    if (e instanceof ImportError) return fail(ctx, `${ctx.file}: ${e.message}`);
    throw e;
  }

  if (ctx.dryRun) {
    ctx.out(ctx.json ? JSON.stringify(planJson(plan, null), null, 2) + '\n' : formatPlan(plan, ctx.file, ctx.style) + '\nDry run: nothing was written.\n');
    return 0;
  }

  let notes: PreparedNote[];
  try {
    notes = prepare(plan, ctx);
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    if (!ctx.json) ctx.out(formatPlan(plan, ctx.file, ctx.style));
    return fail(ctx, e.message);
  }
  if (!ctx.json) ctx.out(formatPlan(plan, ctx.file, ctx.style));

  const written = { created: [] as string[], updated: [] as string[] };
  for (let i = 0; i < notes.length; i++) {
    const note = notes[i]!;
    try {
      writeNote(ctx.vault, note);
    } catch (e) {
      const rest = notes.slice(i).map((n) => n.path);
      if (ctx.json) ctx.out(JSON.stringify({ ...planJson(plan, written), notWritten: rest }, null, 2) + '\n');
      else ctx.out(`\n${pathList('Written', [...written.created, ...written.updated])}${pathList('Not written', rest)}`);
      const done = written.created.length + written.updated.length;
      return fail(ctx, `could not write ${note.path}: ${(e as Error).message}; the import stopped after ${done} of ${notes.length} notes (listed above)`);
    }
    (note.kind === 'create' ? written.created : written.updated).push(note.path);
  }
  if (ctx.json) ctx.out(JSON.stringify(planJson(plan, written), null, 2) + '\n');
  else ctx.out('\n' + writtenText(written));
  return 0;
}

function pathList(title: string, paths: readonly string[]): string {
  return `${title} (${paths.length}):\n${paths.map((p) => `  ${printable(p)}\n`).join('')}`;
}

function writtenText(written: { created: string[]; updated: string[] }): string {
  const n = written.created.length, m = written.updated.length;
  return `Created ${n} ${n === 1 ? 'note' : 'notes'} and filled ${m}.\n`;
}

function fail(ctx: ImportContext, message: string): number {
  ctx.err(`ties: ${printable(message)}\n`);
  return 3;
}
