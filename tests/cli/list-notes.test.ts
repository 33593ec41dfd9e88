/**
 * Which files are notes, and what happens to the ones that cannot be read: nothing vanishes silently.
 * Tests run as root here, where permission bits stop nothing: unreadable notes are made of named pipes, links
 * to nothing and folders where a file was expected; the chmod tests run only where chmod takes effect.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listNotes } from '../../src/cli/list-notes';
import { readNotes, readVault } from '../../src/cli/read-vault';
import { DEFAULT_CORE_SETTINGS } from '../../src/core/types';

const settings = { ...DEFAULT_CORE_SETTINGS };
/** chmod stops reading only for a user that is not root. */
const chmodWorks = typeof process.getuid !== 'function' || process.getuid() !== 0;

let root: string;
let vault: string;
const write = (path: string, content = '') => {
  mkdirSync(dirname(join(vault, path)), { recursive: true });
  writeFileSync(join(vault, path), content);
};
const link = (path: string, target: string) => {
  mkdirSync(dirname(join(vault, path)), { recursive: true });
  symlinkSync(target, join(vault, path));
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ties-list-'));
  vault = join(root, 'vault');
  mkdirSync(vault);
});
afterEach(() => {
  for (const dir of ['vault/People/Locked', 'vault/People']) {
    try {
      chmodSync(join(root, dir), 0o755);
    } catch {
      /* not there */
    }
  }
  rmSync(root, { recursive: true, force: true });
});

describe('listNotes: what cannot be read is reported', () => {
  it('names a named pipe with a note name as an unreadable note, and never opens it (it would block)', () => {
    write('People/Anna.md');
    mkdirSync(join(vault, 'People'), { recursive: true });
    execFileSync('mkfifo', [join(vault, 'People/Pipe.md')]);
    const list = listNotes(vault);
    expect(list.files).toEqual(['People/Anna.md']);
    expect(list.unreadable).toEqual([{ path: 'People/Pipe.md', severity: 'error', field: 'file', message: 'this note cannot be read: it is a named pipe' }]);
  });

  it('names a link to a file that does not exist as an unreadable note; other links to nothing are not notes', () => {
    link('People/Ghost.md', 'Gone.md');
    link('People/picture.png', 'gone.png');
    const list = listNotes(vault);
    expect(list.files).toEqual([]);
    expect(list.unreadable).toEqual([
      { path: 'People/Ghost.md', severity: 'error', field: 'file', message: 'this note cannot be read: it is a symbolic link to a file that does not exist' },
    ]);
    expect(list.skipped).toEqual([]);
  });

  it('reads a folder named like a note as a folder', () => {
    write('People/Odd.md/Inside.md');
    expect(listNotes(vault)).toEqual({ files: ['People/Odd.md/Inside.md'], unreadable: [], skipped: [] });
  });

  it.runIf(chmodWorks)('reports a folder that cannot be listed as an error, and goes on', () => {
    write('People/Anna.md');
    write('People/Locked/Bram.md');
    chmodSync(join(vault, 'People/Locked'), 0o000);
    const list = listNotes(vault);
    expect(list.files).toEqual(['People/Anna.md']);
    expect(list.skipped).toEqual([
      { path: 'People/Locked', severity: 'error', field: 'folder', message: 'this folder cannot be read (permission denied); the notes in it are left out' },
    ]);
  });
});

describe('listNotes: symbolic links', () => {
  it('follows a linked note and a linked folder inside the vault, at the link’s path', () => {
    write('Archive/Kees.md', '---\ntype: person\n---\n');
    write('Archive/Team/Lotte.md');
    link('People/Kees.md', '../Archive/Kees.md');
    link('People/Team', '../Archive/Team');
    expect(listNotes(vault).files).toEqual(['Archive/Kees.md', 'Archive/Team/Lotte.md', 'People/Kees.md', 'People/Team/Lotte.md']);
  });

  it('warns about a link to outside the vault and does not follow it', () => {
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(root, 'outside', 'Secret.md'), 'x');
    link('People/Secret.md', join(root, 'outside', 'Secret.md'));
    link('Elsewhere', join(root, 'outside'));
    const list = listNotes(vault);
    expect(list.files).toEqual([]);
    expect(list.skipped.map((s) => [s.path, s.severity, s.field])).toEqual([
      ['Elsewhere', 'warning', 'folder'],
      ['People/Secret.md', 'warning', 'file'],
    ]);
    expect(list.skipped[0]!.message).toMatch(/^a symbolic link to .*outside, outside the vault: not followed$/);
  });

  it('warns about a link back to a folder that holds it (a loop), and about links that loop among themselves', () => {
    write('People/Anna.md');
    link('People/Loop', '..');
    link('People/Self', '.');
    link('A.md', 'B.md');
    link('B.md', 'A.md');
    const list = listNotes(vault);
    expect(list.files).toEqual(['People/Anna.md']);
    expect(list.skipped.map((s) => `${s.path}: ${s.message}`)).toEqual([
      'A.md: a symbolic link that loops: not followed',
      'B.md: a symbolic link that loops: not followed',
      'People/Loop: a symbolic link back to ., a folder that holds it: not followed (it would loop)',
      'People/Self: a symbolic link back to People, a folder that holds it: not followed (it would loop)',
    ]);
  });

  it('reads a folder through one link only: links that multiply each other stay linear', () => {
    // D holds two links to E, E two to F: followed naively, F would be read four times (2^depth).
    write('F/Note.md');
    link('E/f1', '../F');
    link('E/f2', '../F');
    link('D/e1', '../E');
    link('D/e2', '../E');
    const list = listNotes(vault);
    expect(list.files).toEqual(['D/e1/f1/Note.md', 'F/Note.md']);
    expect(list.skipped.map((s) => s.path)).toEqual(['D/e1/f2', 'D/e2', 'E/f1', 'E/f2']);
    expect(list.skipped[0]!.message).toBe('a symbolic link to F, already read through D/e1/f1: not followed again');
  });
});

describe('readNotes and readVault: a note that cannot be read is a record that says so', () => {
  it('gives a record with `unreadable` and a skipped entry when reading fails (a folder where a file was listed)', () => {
    write('People/Anna.md', '---\ncircle: 5\n---\n');
    mkdirSync(join(vault, 'People/Dir.md'));
    const read = readNotes(vault, ['People/Anna.md', 'People/Dir.md'], settings);
    expect(read.records.map((r) => [r.path, r.basename, r.unreadable])).toEqual([
      ['People/Anna.md', 'Anna', undefined],
      ['People/Dir.md', 'Dir', 'this note cannot be read (it is a folder)'],
    ]);
    expect(read.skipped).toEqual([{ path: 'People/Dir.md', severity: 'error', field: 'file', message: 'this note cannot be read (it is a folder)' }]);
  });

  it.runIf(chmodWorks)('reports a note without read permission', () => {
    write('People/Anna.md', '---\ncircle: 5\n---\n');
    chmodSync(join(vault, 'People/Anna.md'), 0o000);
    const read = readNotes(vault, ['People/Anna.md'], settings);
    expect(read.records[0]!.unreadable).toBe('this note cannot be read (permission denied)');
  });

  it('joins the listing’s problems with the records, sorted by path', async () => {
    write('People/Anna.md', '---\ncircle: 5\n---\n');
    link('People/Ghost.md', 'Nowhere.md');
    link('Out', root);
    const read = await readVault(vault, settings);
    expect(read.records.map((r) => [r.path, r.unreadable !== undefined])).toEqual([
      ['People/Anna.md', false],
      ['People/Ghost.md', true],
    ]);
    expect(read.skipped.map((s) => `${s.severity} ${s.path}`)).toEqual(['warning Out', 'error People/Ghost.md']);
  });
});
