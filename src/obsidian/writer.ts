/**
 * The one way Ties changes a note. Frontmatter edits go through `FileManager.processFrontMatter`, body edits
 * through `Vault.process`; nothing else writes. Before writing, a note whose frontmatter cannot be read is
 * refused (nothing changes): broken YAML (the metadata cache or the index says so), and, read from the note's
 * own text whatever the cache says, a block that is not a set of keys or is never closed. Every write goes
 * into the session's history (history.ts); its notice offers Undo, as does the "Undo last change" command.
 * Notices come one at a time (notices.ts).
 */
import { TFile, type App } from 'obsidian';
import { frontmatterShape } from '../core/frontmatter-shape';
import type { Translate } from '../i18n/i18n';
import type { PeopleIndex } from '../index/people-index';
import { HISTORY_SIZE, undoMessage, WriteHistory, type HistoryEntry, type NoteChange, type UndoOutcome } from './history';
import { TiesNotices } from './notices';

/** How long the notice with Undo stays, in milliseconds. */
export const UNDO_NOTICE_MS = 10_000;

/** Thrown by an edit to refuse it before anything is written; the message is shown as it is. */
export class EditRefused extends Error {}

export interface NoteEdit {
  /** Runs inside processFrontMatter and changes the object it gets; may throw EditRefused. */
  frontmatter?: (fm: Record<string, unknown>) => void;
  /** The note's new text from its current text; runs inside Vault.process, after the frontmatter edit. */
  body?: (text: string) => string;
  /** What the notice says once the note has changed, e.g. "Logged a contact with Jan." */
  done: string;
}

/** An edit worked out on a note's current text, not written yet. */
interface Planned {
  file: TFile;
  edit: NoteEdit;
  before: string;
  /** Whether the frontmatter edit changes anything. */
  frontmatter: boolean;
  /** The new text by the body edit, or null when there is none. */
  body: string | null;
}

export interface WriteResult {
  /** The note's text before and after, when it changed. */
  before: string;
  after: string;
  /** The write in the session's history (what Undo takes back). */
  entry: HistoryEntry;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

/** An error's message for a notice, without a closing full stop (the notice adds its own). */
function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().replace(/\.+$/, '');
}

export class NoteWriter {
  /** The changes of this session, for Undo. */
  readonly history: WriteHistory;
  /** Every notice of the write actions, one at a time. */
  readonly notices = new TiesNotices();
  private readonly appliedListeners = new Set<() => void>();

  constructor(
    private readonly app: App,
    private readonly index: PeopleIndex,
    private readonly t: () => Translate,
  ) {
    this.history = new WriteHistory(app);
  }

  /** True when the note's frontmatter cannot be read: by the index's diagnostics or by the metadata cache. */
  isBroken(file: TFile): boolean {
    const person = this.index.personAt(file.path);
    if (person?.diagnostics.some((d) => d.severity === 'error' && d.field === 'frontmatter')) return true;
    const cache = this.app.metadataCache.getFileCache(file);
    if (!cache) return false;
    if (cache.frontmatterPosition && !cache.frontmatter) return true;
    return cache.frontmatter !== undefined && !isPlainObject(cache.frontmatter);
  }

  /**
   * Applies an edit to the note at `path` and shows a notice with Undo. Resolves to what was written, or
   * null when nothing was (refused, failed, or the edit changed nothing).
   *
   * All or nothing: the edit is worked out on the note's current text before anything is written (an edit
   * that refuses or throws there writes nothing), then written, frontmatter first; when a later step fails,
   * the note gets its exact previous text back. After any failure the note is as it was, and the notice says so.
   */
  async apply(path: string, edit: NoteEdit): Promise<WriteResult | null> {
    const planned = await this.plan(path, edit);
    if (typeof planned === 'string') {
      this.notices.show(planned);
      return null;
    }
    const written = await this.commit(planned);
    if (typeof written === 'string') {
      this.notices.show(written);
      return null;
    }
    const entry = this.remember(edit.done, [written]);
    this.applied();
    return { before: written.before!, after: written.after, entry };
  }

  /**
   * Applies edits to several notes (each path once) as one action: one notice, one entry in the history, one
   * Undo for them all. All or nothing: every edit is worked out first, and when any refuses, fails or changes
   * nothing, nothing is written; when a write fails, the notes written before it get their text back.
   * Resolves to the history entry, or null when nothing was written (the notice says why).
   */
  async applyAll(edits: readonly { path: string; edit: NoteEdit }[], done: string): Promise<HistoryEntry | null> {
    const plans: Planned[] = [];
    for (const { path, edit } of edits) {
      const planned = await this.plan(path, edit);
      if (typeof planned === 'string') {
        this.notices.show(planned);
        return null;
      }
      plans.push(planned);
    }
    const changes: NoteChange[] = [];
    for (const planned of plans) {
      const written = await this.commit(planned);
      if (typeof written === 'string') {
        const back = await this.restoreAll(changes);
        this.notices.show(back === '' ? written : `${written} ${back}`);
        return null;
      }
      changes.push(written);
    }
    if (changes.length === 0) return null;
    const entry = this.remember(done, changes);
    this.applied();
    return entry;
  }

  private applied(): void {
    for (const listener of [...this.appliedListeners]) listener();
  }

  /** Works out an edit on the note's current text; a string is why it cannot be written (nothing was). */
  private async plan(path: string, edit: NoteEdit): Promise<Planned | string> {
    const t = this.t();
    const file = this.app.vault.getAbstractFileByPath(path);
    if (!(file instanceof TFile)) return t('write.missing', { path });
    const name = file.basename;
    if (this.isBroken(file)) return t('write.broken', { name });

    let before: string;
    try {
      before = await this.app.vault.read(file);
    } catch (error) {
      return this.failure(name, error, 'untouched');
    }
    const shape = frontmatterShape(before);
    if (shape.kind === 'not-keys' || shape.kind === 'unclosed') {
      return shape.kind === 'unclosed' ? t('write.unclosed', { name }) : t('write.notKeys', { name, line: shape.line });
    }

    // The whole change, worked out on the current text; nothing is written yet.
    let frontmatter = false;
    let body: string | null = null;
    try {
      if (edit.frontmatter) frontmatter = this.frontmatterChanges(file, edit.frontmatter);
      if (edit.body) body = edit.body(before);
    } catch (error) {
      return this.failure(name, error, 'untouched');
    }
    if (!frontmatter && (body === null || body === before)) return t('write.unchanged', { name });
    return { file, edit, before, frontmatter, body };
  }

  /**
   * Writes a planned edit: the frontmatter through processFrontMatter, then the body edit on the text as it
   * is then. Resolves to the change, or to what the notice says when it failed (the note put back).
   */
  private async commit({ file, edit, before, frontmatter, body }: Planned): Promise<NoteChange | string> {
    let after: string;
    try {
      if (frontmatter) await this.app.fileManager.processFrontMatter(file, edit.frontmatter!);
      if (edit.body) {
        const bodyEdit = edit.body;
        after = await this.app.vault.process(file, (text) => (text === before && body !== null ? body : bodyEdit(text)));
      } else after = await this.app.vault.read(file);
    } catch (error) {
      // A step failed: the note gets its previous text back.
      return this.failure(file.basename, error, await this.restore(file, before));
    }
    if (after === before) return this.t()('write.unchanged', { name: file.basename });
    return { path: file.path, before, after };
  }

  /** After a later note of one action failed: puts back the notes written before it; says what could not be. */
  private async restoreAll(changes: readonly NoteChange[]): Promise<string> {
    const t = this.t();
    const notBack: string[] = [];
    for (const change of [...changes].reverse()) {
      const file = this.app.vault.getAbstractFileByPath(change.path);
      const name = nameOf(change.path);
      if (!(file instanceof TFile)) {
        notBack.push(t('write.notPutBack', { name, error: t('write.restoreDiffers') }));
        continue;
      }
      const outcome = await this.restore(file, change.before!);
      if (typeof outcome === 'object') notBack.push(t('write.notPutBack', { name, error: outcome.error }));
    }
    return notBack.join(' ');
  }

  /**
   * Hears of every action `apply` or `applyAll` wrote (log, done, snooze, favour, follow-up, a meeting logged
   * for everyone), not of notes created, imports or undos. Returns the function that unsubscribes.
   */
  onApplied(listener: () => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  /**
   * What the notice says after an edit refused (its own message says nothing changed) or failed, and where
   * that left the note: untouched, put back, or not put back (why).
   */
  private failure(name: string, error: unknown, note: 'untouched' | 'restored' | { error: string }): string {
    const t = this.t();
    const refused = error instanceof EditRefused;
    const message = refused ? error.message : t('write.failed', { name, error: errorText(error) });
    if (note === 'untouched') return refused ? message : `${message} ${t('write.nothingChanged')}`;
    if (note === 'restored') return `${message} ${t('write.putBack', { name })}`;
    return `${message} ${t('write.notPutBack', { name, error: note.error })}`;
  }

  /** Puts `before` back after a failed write, and says where that left the note. */
  private async restore(file: TFile, before: string): Promise<'untouched' | 'restored' | { error: string }> {
    try {
      if ((await this.app.vault.read(file)) === before) return 'untouched';
      await this.app.vault.process(file, () => before);
      return (await this.app.vault.read(file)) === before ? 'restored' : { error: this.t()('write.restoreDiffers') };
    } catch (error) {
      return { error: errorText(error) };
    }
  }

  /**
   * Tries the frontmatter edit on a copy of the cached frontmatter first: an edit that changes nothing is
   * not written (processFrontMatter would rewrite the block anyway), and one that refuses (EditRefused)
   * is refused before anything is written.
   */
  private frontmatterChanges(file: TFile, fn: (fm: Record<string, unknown>) => void): boolean {
    const cached: unknown = this.app.metadataCache.getFileCache(file)?.frontmatter;
    const json = JSON.stringify(isPlainObject(cached) ? cached : {});
    const copy = JSON.parse(json) as Record<string, unknown>;
    fn(copy);
    return JSON.stringify(copy) !== json;
  }

  /**
   * Puts changes that are already written (one note or several, notes created too) into the history as one
   * action, and shows `done` with Undo. Flows that write through other means (New person creates a note)
   * call this, so one Undo takes their whole change back.
   */
  remember(done: string, changes: readonly NoteChange[]): HistoryEntry {
    const entry = this.history.record(done, changes);
    this.offerUndo(entry);
    return entry;
  }

  /** Undoes the newest change in the history ("Undo last change"); says so when there is none. */
  async undoLast(): Promise<UndoOutcome | null> {
    const entry = this.history.latest();
    if (entry === null) {
      this.notices.show(this.t()('history.empty'));
      return null;
    }
    return this.undo(entry);
  }

  /** Undoes one change and says what came of it. */
  async undo(entry: HistoryEntry): Promise<UndoOutcome | null> {
    const outcome = await this.history.undo(entry);
    this.notices.show(outcome === null ? this.t()('history.gone', { n: HISTORY_SIZE }) : undoMessage(outcome, this.t()));
    return outcome;
  }

  private offerUndo(entry: HistoryEntry): void {
    const t = this.t();
    const notes = entry.changes;
    const fragment = createFragment();
    fragment.createSpan({ cls: 'ties-notice-message', text: entry.done });
    const label = notes.length === 1 ? t('write.undoLabel', { name: nameOf(notes[0]!.path) }) : t('history.undoLabelMany', { n: notes.length });
    const button = fragment.createEl('button', { cls: 'ties-notice-undo', text: t('write.undo'), attr: { type: 'button', 'aria-label': label } });
    const notice = this.notices.show(fragment, UNDO_NOTICE_MS);
    let used = false;
    button.addEventListener('click', (evt) => {
      evt.preventDefault();
      evt.stopPropagation();
      if (used) return;
      used = true;
      button.disabled = true;
      notice.hide();
      void this.undo(entry);
    });
  }
}
