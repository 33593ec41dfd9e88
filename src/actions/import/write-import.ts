/**
 * Writes an import's notes one at a time, in short slices: after about SLICE_MS of work (or SLICE_NOTES notes)
 * the loop reports its progress and gives the event loop a turn, so the UI stays responsive however many notes
 * there are. Each
 * note is checked just before its write: a new note is not created when a note of that name (in any letter
 * case) exists by now; a fill is written only while the note holds exactly the text the plan was made on
 * (inside Vault.process, so nothing can change in between). Stopping takes effect after the current note.
 * The result lists every change written, for one entry in the undo history.
 */
import { requireApiVersion, TFile, TFolder, type App } from 'obsidian';
import type { NoteChange } from '../../obsidian/history';

/** A slice of writing before the loop yields, in milliseconds (well under the 50 ms of a long task). */
export const SLICE_MS = 12;
/**
 * At most this many notes per slice: each new note comes back as a metadata event that the index reads, and a
 * cache that hands over every note written so far at once (in one task) should not get hundreds.
 */
export const SLICE_NOTES = 25;

export type ImportWrite =
  | {
    kind: 'create';
    path: string;
    text: string;
    /** For a note made from the user's template: puts the imported fields into its frontmatter. */
    frontmatter: ((fm: Record<string, unknown>) => void) | null;
  }
  | { kind: 'fill'; path: string; before: string; after: string };

export interface ImportOutcome {
  /** Every note written, in order: what Undo takes back. */
  changes: NoteChange[];
  created: string[];
  filled: string[];
  /** Not written, because the note changed since the plan (or a note of a new note's name appeared). */
  changed: string[];
  failed: { path: string; error: string }[];
  /** Not reached because the import was stopped. */
  notWritten: number;
}

export interface WriteOptions {
  /** Called after each slice and at the end. */
  progress(done: number, total: number): void;
  /** True once the user asked to stop. */
  stopped(): boolean;
  /** Gives the event loop a turn (tests may pass their own). */
  pause?(): Promise<void>;
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().replace(/\.+$/, '');
}

/** Gives the event loop a turn: what runs after it is a new task. */
export const nextTask = (): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, 0));

export async function writeImport(app: App, writes: readonly ImportWrite[], options: WriteOptions): Promise<ImportOutcome> {
  const out: ImportOutcome = { changes: [], created: [], filled: [], changed: [], failed: [], notWritten: 0 };
  const pause = options.pause ? () => options.pause!() : nextTask;
  // Names taken in any letter case (file systems on macOS and Windows ignore it), kept up to date as notes are made.
  const taken = new Set(app.vault.getFiles().map((f) => f.path.toLowerCase()));
  const folders = new Set<string>();
  let sliceStart = performance.now();
  let done = 0;
  for (const write of writes) {
    if (options.stopped()) {
      out.notWritten = writes.length - done;
      break;
    }
    try {
      if (write.kind === 'create') await create(app, write, taken, folders, out);
      else await fill(app, write, out);
    } catch (error) {
      out.failed.push({ path: write.path, error: errorText(error) });
    }
    done++;
    if (done % SLICE_NOTES === 0 || performance.now() - sliceStart >= SLICE_MS) {
      options.progress(done, writes.length);
      await pause();
      sliceStart = performance.now();
    }
  }
  options.progress(done, writes.length);
  return out;
}

async function ensureFolder(app: App, path: string, known: Set<string>): Promise<void> {
  if (path === '' || known.has(path)) return;
  if (!(app.vault.getAbstractFileByPath(path) instanceof TFolder)) await app.vault.createFolder(path);
  known.add(path);
}

async function create(app: App, write: Extract<ImportWrite, { kind: 'create' }>, taken: Set<string>, folders: Set<string>, out: ImportOutcome): Promise<void> {
  const lower = write.path.toLowerCase();
  if (taken.has(lower) || app.vault.getAbstractFileByPath(write.path) !== null) {
    out.changed.push(write.path);
    return;
  }
  await ensureFolder(app, write.path.includes('/') ? write.path.slice(0, write.path.lastIndexOf('/')) : '', folders);
  const file = await app.vault.create(write.path, write.text);
  taken.add(lower);
  let after = write.text;
  if (write.frontmatter) {
    try {
      await app.fileManager.processFrontMatter(file, write.frontmatter);
      after = await app.vault.read(file);
    } catch (error) {
      // All or nothing: a note whose fields could not be put in goes again.
      await trash(app, file);
      throw error;
    }
  }
  out.changes.push({ path: file.path, before: null, after });
  out.created.push(file.path);
}

/** Moves a note Ties just created to the trash (All or nothing: a failed write leaves no half-made note). */
export async function trash(app: App, file: TFile): Promise<void> {
  try {
    // trashFile follows the user's "Deleted files" setting; before 1.6.6, the system trash.
    if (requireApiVersion('1.6.6')) await app.fileManager.trashFile(file);
    else await app.vault.trash(file, true);
  } catch {
    /* the failure is reported by the caller; the note stays for the user to see */
  }
}

async function fill(app: App, write: Extract<ImportWrite, { kind: 'fill' }>, out: ImportOutcome): Promise<void> {
  const file = app.vault.getAbstractFileByPath(write.path);
  if (!(file instanceof TFile)) {
    out.changed.push(write.path);
    return;
  }
  let written = false;
  await app.vault.process(file, (text) => {
    if (text !== write.before) return text;
    written = true;
    return write.after;
  });
  if (!written) {
    out.changed.push(write.path);
    return;
  }
  out.changes.push({ path: file.path, before: write.before, after: write.after });
  out.filled.push(file.path);
}
