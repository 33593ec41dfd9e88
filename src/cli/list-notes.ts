/**
 * Which files of a vault folder are notes: every `.md` file outside dot-folders, found by walking the disk.
 * Nothing is left out silently: a folder or note that cannot be read is an error, a symbolic link that is not
 * followed a warning. Symbolic links are followed when their target lies inside the vault (a linked note or
 * folder is read at the link's path); a link to outside the vault, or back to a folder that holds it, is not.
 */
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { NoteRecord, Severity } from '../core/types';
import { fsReason } from './fs-reason';

/** A file or folder the reader could not read, or chose not to: it becomes a diagnostic. */
export interface SkippedFile {
  /** Vault-relative path of the file or folder. */
  path: string;
  severity: Severity;
  /** `file` for a note or a link, `folder` for a folder. */
  field: 'file' | 'folder';
  message: string;
}

export interface NoteList {
  /** Vault-relative paths of the notes to read, sorted. */
  files: string[];
  /** Notes that exist but cannot be read (a named pipe, a link to nothing): the index still knows their names. */
  unreadable: SkippedFile[];
  /** Folders that cannot be listed and links that are not followed. */
  skipped: SkippedFile[];
}

/** Folders Obsidian does not show (dot-folders) and package folders are not part of the vault's notes. */
function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

const isNoteName = (name: string) => name.endsWith('.md') && !name.startsWith('.');

function fileKind(s: Dirent | Stats): string {
  if (s.isFIFO()) return 'a named pipe';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** The record of a note that exists but cannot be read: a name for the index, nothing else. */
export function unreadableRecord(path: string, message: string): NoteRecord {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return { path, basename: file.replace(/\.md$/, ''), frontmatter: null, tags: [], links: [], listItems: [], unreadable: message };
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lists the notes under `vaultPath`; throws when `vaultPath` itself cannot be read. */
export function listNotes(vaultPath: string): NoteList {
  const root = realpathSync(vaultPath);
  const files: string[] = [];
  const unreadable: SkippedFile[] = [];
  const skipped: SkippedFile[] = [];
  /** Real paths of the folders being walked, from the vault down: a link to one of them would loop. */
  const ancestors = new Set<string>();
  /** Real folder → the link path it was first read through: each target is read through one link only. */
  const followed = new Map<string, string>();
  const inVault = (real: string) => real === root || real.startsWith(root + sep);
  const vaultRel = (real: string) => relative(root, real).split(sep).join('/') || '.';

  const walk = (dir: string, rel: string, real: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      // A vault that cannot be read at all is the caller's error to report; a folder inside it is skipped.
      if (rel === '') throw e;
      skipped.push({ path: rel, severity: 'error', field: 'folder', message: `this folder cannot be read (${fsReason(e)}); the notes in it are left out` });
      return;
    }
    ancestors.add(real);
    // Sorted, so that which of two links to one folder is followed does not depend on the disk.
    if (entries.some((e) => e.isSymbolicLink())) entries.sort((a, b) => byCodeUnit(a.name, b.name));
    for (const entry of entries) {
      const name = entry.name;
      const childRel = rel === '' ? name : rel + '/' + name;
      if (entry.isDirectory()) {
        if (!skipFolder(name)) walk(join(dir, name), childRel, join(real, name));
      } else if (entry.isFile()) {
        if (isNoteName(name)) files.push(childRel);
      } else if (entry.isSymbolicLink()) {
        if (!name.startsWith('.')) followLink(join(dir, name), childRel, name);
      } else if (isNoteName(name)) {
        unreadable.push({ path: childRel, severity: 'error', field: 'file', message: `this note cannot be read: it is ${fileKind(entry)}` });
      }
    }
    ancestors.delete(real);
  };

  const followLink = (full: string, rel: string, name: string): void => {
    let target: string;
    let stats: Stats;
    try {
      target = realpathSync(full);
      stats = statSync(target);
    } catch (e) {
      // A link to nothing may have been a folder or anything else; only a note's name says it mattered.
      if (!isNoteName(name)) return;
      const code = (e as { code?: unknown }).code;
      const why = code === 'ENOENT' ? 'it is a symbolic link to a file that does not exist' : fsReason(e);
      if (code === 'ELOOP') skipped.push({ path: rel, severity: 'warning', field: 'file', message: 'a symbolic link that loops: not followed' });
      else unreadable.push({ path: rel, severity: 'error', field: 'file', message: `this note cannot be read: ${why}` });
      return;
    }
    const isDir = stats.isDirectory();
    if (!isDir && !isNoteName(name)) return;
    const field = isDir ? 'folder' : 'file';
    if (!inVault(target)) {
      skipped.push({ path: rel, severity: 'warning', field, message: `a symbolic link to ${target}, outside the vault: not followed` });
    } else if (isDir && ancestors.has(target)) {
      skipped.push({ path: rel, severity: 'warning', field, message: `a symbolic link back to ${vaultRel(target)}, a folder that holds it: not followed (it would loop)` });
    } else if (isDir) {
      const first = followed.get(target);
      if (first !== undefined) {
        skipped.push({ path: rel, severity: 'warning', field, message: `a symbolic link to ${vaultRel(target)}, already read through ${first}: not followed again` });
        return;
      }
      followed.set(target, rel);
      walk(full, rel, target);
    } else if (stats.isFile()) {
      files.push(rel);
    } else {
      unreadable.push({ path: rel, severity: 'error', field: 'file', message: `this note cannot be read: it is ${fileKind(stats)}` });
    }
  };

  walk(vaultPath, '', root);
  files.sort(byCodeUnit);
  return { files, unreadable, skipped };
}
