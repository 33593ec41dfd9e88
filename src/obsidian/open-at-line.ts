/**
 * Opens a note at a line, as a click on a search result does: the line is scrolled into view and the cursor
 * put on it (`eState.line`, read by the Markdown view). A task follow-up's "from <note>" opens its task this
 * way. `newLeaf` follows Obsidian's modifier keys (Keymap.isModEvent) when the caller passes them.
 */
import type { App, PaneType } from 'obsidian';

/** Opens `path` (a vault path) and puts the cursor on `line` (0-based). */
export async function openAtLine(app: App, path: string, line: number, newLeaf: PaneType | boolean = false): Promise<void> {
  await app.workspace.openLinkText(path, '', newLeaf, { active: true, eState: { line } });
}
