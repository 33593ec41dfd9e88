/** Finding notes by path as a user means it: in any letter case, and the template note the settings name. */
import { normalizePath, TFile, TFolder, type App } from 'obsidian';

/** A note at `path` already, in any letter case (file systems on macOS and Windows ignore case). */
export function existingNote(app: App, path: string): TFile | null {
  const exact = app.vault.getAbstractFileByPath(path);
  if (exact instanceof TFile) return exact;
  const slash = path.lastIndexOf('/');
  const parent = slash < 0 ? app.vault.getRoot() : app.vault.getAbstractFileByPath(path.slice(0, slash));
  if (!(parent instanceof TFolder)) return null;
  const lower = path.toLowerCase();
  for (const child of parent.children) if (child instanceof TFile && child.path.toLowerCase() === lower) return child;
  return null;
}

/** The template note the settings name, by path (with or without `.md`) or as a link would find it. */
export function templateFile(app: App, setting: string): TFile | null {
  const path = normalizePath(setting);
  for (const candidate of [path, `${path}.md`]) {
    const file = app.vault.getAbstractFileByPath(candidate);
    if (file instanceof TFile) return file;
  }
  return app.metadataCache.getFirstLinkpathDest(path.replace(/\.md$/i, ''), '');
}
