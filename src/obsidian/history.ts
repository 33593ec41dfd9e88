/**
 * What Ties wrote in this session, so it can be undone: the last HISTORY_SIZE changes, newest last. One
 * entry is one action as the user sees it, and may hold several notes and notes it created (a meeting
 * logged for everyone, an import): undo puts each changed note back to its text from before and moves each
 * created note to the trash — each only while the note still holds what the write produced; a note changed
 * since is left as it is, and the outcome says so. The notice's Undo button and the "Undo last change"
 * command both undo through here.
 */
import { requireApiVersion, TFile, type App } from 'obsidian';
import type { Translate } from '../i18n/i18n';

/** How many changes the history keeps (the issue asks for at least 10). */
export const HISTORY_SIZE = 20;

export interface NoteChange {
  path: string;
  /** The note's text before the write; null when the write created the note. */
  before: string | null;
  /** The note's text right after the write. */
  after: string;
}

export interface HistoryEntry {
  /** What was done, as the notice said it: "Logged a contact with Jan." */
  readonly done: string;
  /** One change per note, in the order they were written. */
  readonly changes: readonly NoteChange[];
}

/** Where an undo left each note, by path. */
export interface UndoOutcome {
  restored: string[];
  trashed: string[];
  /** Changed (or gone) since the write: left as they are. */
  changed: string[];
  failed: { path: string; error: string }[];
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().replace(/\.+$/, '');
}

export class WriteHistory {
  private readonly entries: HistoryEntry[] = [];

  constructor(
    private readonly app: App,
    private readonly size = HISTORY_SIZE,
  ) {}

  /** Adds an action's changes as one entry (two changes to one note become one), dropping the oldest beyond the size. */
  record(done: string, changes: readonly NoteChange[]): HistoryEntry {
    const byPath = new Map<string, NoteChange>();
    for (const c of changes) {
      const known = byPath.get(c.path);
      byPath.set(c.path, known ? { path: c.path, before: known.before, after: c.after } : { ...c });
    }
    const entry: HistoryEntry = { done, changes: [...byPath.values()] };
    this.entries.push(entry);
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
    return entry;
  }

  /** The entries, oldest first. */
  list(): readonly HistoryEntry[] {
    return this.entries;
  }

  latest(): HistoryEntry | null {
    return this.entries[this.entries.length - 1] ?? null;
  }

  /**
   * Undoes `entry` and takes it out of the history (an entry is undone once). Null when it is no longer in
   * the history: undone already, or dropped as too old.
   */
  async undo(entry: HistoryEntry): Promise<UndoOutcome | null> {
    const at = this.entries.indexOf(entry);
    if (at < 0) return null;
    this.entries.splice(at, 1);
    const outcome: UndoOutcome = { restored: [], trashed: [], changed: [], failed: [] };
    for (const change of [...entry.changes].reverse()) {
      try {
        outcome[await this.undoChange(change)].push(change.path);
      } catch (error) {
        outcome.failed.push({ path: change.path, error: errorText(error) });
      }
    }
    return outcome;
  }

  private async undoChange(change: NoteChange): Promise<'restored' | 'trashed' | 'changed'> {
    const file = this.app.vault.getAbstractFileByPath(change.path);
    if (!(file instanceof TFile) || (await this.app.vault.read(file)) !== change.after) return 'changed';
    if (change.before === null) {
      // trashFile follows the user's "Deleted files" setting; before 1.6.6, the system trash.
      if (requireApiVersion('1.6.6')) await this.app.fileManager.trashFile(file);
      else await this.app.vault.trash(file, true);
      return 'trashed';
    }
    const before = change.before;
    let restored = false;
    await this.app.vault.process(file, (text) => {
      if (text !== change.after) return text;
      restored = true;
      return before;
    });
    return restored ? 'restored' : 'changed';
  }

  /** A note or folder moved from `oldPath` to `newPath`: the entries follow it. */
  renamed(oldPath: string, newPath: string): void {
    for (const entry of this.entries)
      for (const change of entry.changes as NoteChange[]) {
        if (change.path === oldPath) change.path = newPath;
        else if (change.path.startsWith(`${oldPath}/`)) change.path = newPath + change.path.slice(oldPath.length);
      }
  }
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

/** "Jan, Piet and Ann", or "Jan, Piet, Ann and 4 more". */
function names(paths: readonly string[], t: Translate): string {
  const shown = paths.slice(0, 3).map(nameOf);
  const rest = paths.length - shown.length;
  if (rest > 0) return t('history.more', { names: shown.join(', '), n: rest });
  return shown.length === 1 ? shown[0]! : t('history.list', { names: shown.slice(0, -1).join(', '), last: shown[shown.length - 1]! });
}

/** What a notice says after an undo: what is back as it was, what is in the trash, what was left and why. */
export function undoMessage(outcome: UndoOutcome, t: Translate): string {
  const done: string[] = [];
  const { restored, trashed, changed, failed } = outcome;
  if (restored.length === 1) done.push(t('history.asItWas', { name: nameOf(restored[0]!) }));
  if (restored.length > 1) done.push(t('history.asTheyWere', { n: restored.length }));
  if (trashed.length === 1) done.push(t('history.inTrash', { name: nameOf(trashed[0]!) }));
  if (trashed.length > 1) done.push(t('history.inTrashMany', { n: trashed.length }));
  const parts: string[] = [];
  if (done.length > 0) parts.push(t('history.undone', { what: done.join(t('history.and')) }));
  if (changed.length === 1) parts.push(t('history.changedOne', { name: nameOf(changed[0]!) }));
  if (changed.length > 1) parts.push(t('history.changedMany', { names: names(changed, t) }));
  for (const f of failed) parts.push(t('history.failed', { name: nameOf(f.path), error: f.error }));
  return parts.join(' ');
}
