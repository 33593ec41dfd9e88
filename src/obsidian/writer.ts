/**
 * The one way Ties changes a note. Frontmatter edits go through `FileManager.processFrontMatter`, body edits
 * through `Vault.process`; nothing else writes. Before writing, a note whose frontmatter cannot be read is
 * refused (nothing changes): broken YAML (the metadata cache or the index says so), and, read from the note's
 * own text whatever the cache says, a block that is not a set of keys or is never closed. After writing, a notice offers Undo, which puts back the note's previous text
 * exactly, and only while the note still holds what the write produced.
 */
import { Notice, TFile, type App } from 'obsidian';
import { frontmatterShape } from '../core/frontmatter-shape';
import type { Translate } from '../i18n/i18n';
import type { PeopleIndex } from '../index/people-index';

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

export interface WriteResult {
  /** The note's text before and after, when it changed. */
  before: string;
  after: string;
  /** Puts the previous text back when the note has not changed since; false when it has. */
  undo: () => Promise<boolean>;
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
  constructor(
    private readonly app: App,
    private readonly index: PeopleIndex,
    private readonly t: () => Translate,
  ) {}

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
    const t = this.t();
    const file = this.app.vault.getAbstractFileByPath(path);
    if (!(file instanceof TFile)) {
      new Notice(t('write.missing', { path }));
      return null;
    }
    const name = file.basename;
    if (this.isBroken(file)) {
      new Notice(t('write.broken', { name }));
      return null;
    }

    let before: string;
    try {
      before = await this.app.vault.read(file);
    } catch (error) {
      new Notice(this.failure(name, error, 'untouched'));
      return null;
    }
    const shape = frontmatterShape(before);
    if (shape.kind === 'not-keys' || shape.kind === 'unclosed') {
      new Notice(shape.kind === 'unclosed' ? t('write.unclosed', { name }) : t('write.notKeys', { name, line: shape.line }));
      return null;
    }

    // 1. The whole change, worked out on the current text; nothing is written yet.
    let frontmatter = false;
    let body: string | null = null;
    try {
      if (edit.frontmatter) frontmatter = this.frontmatterChanges(file, edit.frontmatter);
      if (edit.body) body = edit.body(before);
    } catch (error) {
      new Notice(this.failure(name, error, 'untouched'));
      return null;
    }
    if (!frontmatter && (body === null || body === before)) {
      new Notice(t('write.unchanged', { name }));
      return null;
    }

    // 2. Written: the frontmatter through processFrontMatter, then the body edit on the text as it is then.
    let after: string;
    try {
      if (frontmatter) await this.app.fileManager.processFrontMatter(file, edit.frontmatter!);
      if (edit.body) {
        const planned = body;
        const bodyEdit = edit.body;
        after = await this.app.vault.process(file, (text) => (text === before && planned !== null ? planned : bodyEdit(text)));
      } else after = await this.app.vault.read(file);
    } catch (error) {
      // 3. A step failed: the note gets its previous text back.
      new Notice(this.failure(name, error, await this.restore(file, before)));
      return null;
    }
    if (after === before) {
      new Notice(t('write.unchanged', { name }));
      return null;
    }
    const result: WriteResult = { before, after, undo: () => this.undo(file, before, after) };
    this.offerUndo(file.path, edit.done, result);
    return result;
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

  private offerUndo(path: string, message: string, result: WriteResult): void {
    const t = this.t();
    const name = nameOf(path);
    const fragment = createFragment();
    fragment.createSpan({ cls: 'ties-notice-message', text: message });
    const button = fragment.createEl('button', {
      cls: 'ties-notice-undo',
      text: t('write.undo'),
      attr: { type: 'button', 'aria-label': t('write.undoLabel', { name }) },
    });
    const notice = new Notice(fragment, UNDO_NOTICE_MS);
    let used = false;
    button.addEventListener('click', (evt) => {
      evt.preventDefault();
      evt.stopPropagation();
      if (used) return;
      used = true;
      button.disabled = true;
      notice.hide();
      void result.undo().then((undone) => {
        new Notice(undone ? t('write.undone', { name }) : t('write.cannotUndo', { name }));
      });
    });
  }

  /** Restores `before` when the note still holds `after`; false (and nothing written) when it does not. */
  private async undo(file: TFile, before: string, after: string): Promise<boolean> {
    try {
      if ((await this.app.vault.read(file)) !== after) return false;
      let restored = false;
      await this.app.vault.process(file, (text) => {
        if (text !== after) return text;
        restored = true;
        return before;
      });
      return restored;
    } catch {
      return false;
    }
  }
}
