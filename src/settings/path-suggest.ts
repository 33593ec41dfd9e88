/**
 * Suggestions under the people-folder and template-note fields: the vault's folders, or its notes, as the
 * user types (Obsidian's AbstractInputSuggest, the popover its own settings use). AbstractInputSuggest
 * arrived in Obsidian 1.4.10, after Ties' minAppVersion: older apps keep a plain text field.
 */
import { AbstractInputSuggest, requireApiVersion, TFolder, type App } from 'obsidian';
import { foldName } from '../core/suggest';

/** How many paths the popover lists at most. */
export const SUGGEST_LIMIT = 50;

/**
 * The paths that match what was typed: every word of the query in the path (case and accents aside),
 * paths that start with the query first, then the shorter ones; at most `limit`.
 */
export function matchPaths(paths: Iterable<string>, query: string, limit = SUGGEST_LIMIT): string[] {
  const words = foldName(query).split(' ').filter((w) => w !== '');
  const q = foldName(query);
  const hits: { path: string; starts: boolean }[] = [];
  for (const path of paths) {
    const folded = foldName(path);
    if (words.every((w) => folded.includes(w))) hits.push({ path, starts: folded.startsWith(q) });
  }
  hits.sort((a, b) => Number(b.starts) - Number(a.starts) || a.path.length - b.path.length || a.path.localeCompare(b.path));
  return hits.slice(0, limit).map((h) => h.path);
}

/** The vault's folders (not its root), by path. */
export function folderPaths(app: App): string[] {
  return app.vault.getAllLoadedFiles().filter((f): f is TFolder => f instanceof TFolder && !f.isRoot()).map((f) => f.path);
}

/** The vault's notes, by path without `.md` (as the template setting is written). */
export function notePaths(app: App): string[] {
  return app.vault.getMarkdownFiles().map((f) => f.path.replace(/\.md$/i, ''));
}

/**
 * Attaches a suggester to `input`: `paths()` are read when the popover opens; picking one puts it in the
 * field and calls `picked`. Does nothing on apps without AbstractInputSuggest. Returns whether it attached.
 */
export function attachPathSuggest(app: App, input: HTMLInputElement, paths: () => string[], picked: (path: string) => void): boolean {
  if (requireApiVersion('1.4.10')) {
    class PathSuggest extends AbstractInputSuggest<string> {
      protected getSuggestions(query: string): string[] {
        return matchPaths(paths(), query);
      }

      renderSuggestion(path: string, el: HTMLElement): void {
        el.setText(path);
      }

      override selectSuggestion(path: string): void {
        this.setValue(path);
        picked(path);
        this.close();
      }
    }
    new PathSuggest(app, input);
    return true;
  }
  return false;
}
