/**
 * Notes that cannot be read, through the built command line: each is an error naming its path in `check`
 * (text and JSON, exit 1) and in `review --json`; a `knows` link to one says it could not be read; symbolic
 * links inside the vault are followed, the others skipped with a warning. The same with the reader threads of
 * a large vault. Permission bits stop nothing for root (tests run as root here): named pipes and links to
 * nothing make unreadable notes for everyone, and chmod is tested through `runuser -u nobody`.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, makeVault, ties, unprivileged } from './built-cli';

interface Diag { path: string; severity: string; field: string; message: string }

const NOTES: Record<string, string> = {
  'People/Anna.md': '---\nlast_contact: 2026-11-20\ncircle: 15\nknows: ["[[Kees]]", "[[Pipe]]", "[[Bram]]", "[[Nobody]]"]\n---\n',
  'Archive/Bram.md': '---\nlast_contact: 2026-11-01\ncircle: 50\n---\n',
  'People/Locked/Carla.md': '---\ncircle: 5\n---\n',
  'People/Secret.md': '---\ncircle: 5\n---\n',
};

/** Filler notes: above this many notes the CLI reads on worker threads. */
const MANY = 4200;

const asNobody = unprivileged();
/** Whether this test process itself is stopped by permission bits (it is not, as root). */
const permissionsStopUs = typeof process.getuid === 'function' && process.getuid() !== 0;
const vaults: string[] = [];

function build(many: boolean): string {
  const notes = { ...NOTES };
  if (many) for (let i = 0; i < MANY; i++) notes[`Notes/Note ${i}.md`] = `filler ${i}\n`;
  const vault = makeVault(notes, many ? 'ties-unreadable-many-' : 'ties-unreadable-');
  vaults.push(vault);
  const outside = makeVault({ 'Outside.md': '---\ntype: person\n---\n' }, 'ties-outside-');
  vaults.push(outside);
  symlinkSync('Nowhere.md', join(vault, 'People/Kees.md')); // a link to nothing
  execFileSync('mkfifo', [join(vault, 'People/Pipe.md')]); // would block a reader forever
  symlinkSync('../Archive/Bram.md', join(vault, 'People/Bram.md')); // inside the vault: followed
  symlinkSync(join(outside, 'Outside.md'), join(vault, 'People/Outside.md')); // outside: skipped
  symlinkSync('..', join(vault, 'People/Loop')); // back to the vault: a loop
  chmodSync(join(vault, 'People/Locked'), 0o000);
  chmodSync(join(vault, 'People/Secret.md'), 0o000);
  return vault;
}

beforeAll(() => buildCli());
afterAll(() => {
  for (const v of vaults) {
    try {
      chmodSync(join(v, 'People/Locked'), 0o755);
    } catch {
      /* not this one */
    }
    rmSync(v, { recursive: true, force: true });
  }
});

describe.each([
  ['a small vault, read on one thread', false],
  ['a large vault, read on worker threads', true],
])('%s', (_name, many) => {
  let vault: string;
  beforeAll(() => {
    vault = build(many);
  });

  it('check names every note it cannot read as an error, every link it does not follow as a warning, and exits 1', () => {
    const r = ties(['check', vault, '--today', '2026-11-24', '--json']);
    expect(r.code).toBe(1);
    const diags = (JSON.parse(r.stdout) as { diagnostics: Diag[] }).diagnostics;
    const byPath = (p: string) => diags.filter((d) => d.path === p).map((d) => `${d.severity} ${d.field}: ${d.message}`);
    expect(byPath('People/Kees.md')).toEqual(['error file: this note cannot be read: it is a symbolic link to a file that does not exist']);
    expect(byPath('People/Pipe.md')).toEqual(['error file: this note cannot be read: it is a named pipe']);
    expect(byPath('People/Outside.md')).toEqual([expect.stringMatching(/^warning file: a symbolic link to .*Outside\.md, outside the vault: not followed$/)]);
    expect(byPath('People/Loop')).toEqual(['warning folder: a symbolic link back to ., a folder that holds it: not followed (it would loop)']);
    expect(byPath('People/Bram.md')).toEqual([]); // followed, and read
  });

  it('makes a knows link to an unreadable note say so, not "no note has that name"', () => {
    const r = ties(['check', vault, '--today', '2026-11-24', '--json']);
    const anna = (JSON.parse(r.stdout) as { diagnostics: Diag[] }).diagnostics.filter((d) => d.path === 'People/Anna.md').map((d) => d.message);
    expect(anna).toEqual([
      'links to [[Kees]], a note that could not be read (People/Kees.md)',
      'links to [[Pipe]], a note that could not be read (People/Pipe.md)',
      'links to [[Nobody]], but no note has that name',
    ]);
  });

  it('puts the same diagnostics in review --json, and counts the linked person', () => {
    const r = ties(['review', vault, '--today', '2026-11-24', '--json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { people: number; diagnostics: Diag[] };
    // Anna, and Bram through the link; Carla and Secret when permissions do not stop this process.
    expect(data.people).toBe(permissionsStopUs ? 2 : 4);
    const errors = data.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path);
    expect(errors).toEqual(permissionsStopUs ? ['People/Kees.md', 'People/Locked', 'People/Pipe.md', 'People/Secret.md'] : ['People/Kees.md', 'People/Pipe.md']);
  });

  it('lists them in check’s text, and review’s text says to run check', () => {
    const check = ties(['check', vault, '--today', '2026-11-24']);
    expect(check.stdout).toMatch(/\nPeople\/Pipe\.md\n {2}error {4}file +this note cannot be read: it is a named pipe\n/);
    const review = ties(['review', vault, '--today', '2026-11-24']);
    expect(review.stdout).toMatch(/\d+ errors and \d+ warnings in the vault: run `ties check \/.*` for details/);
  });

  it.runIf(asNobody !== null)('reports a note and a folder that permissions keep closed (run as a user chmod stops)', () => {
    const r = ties(['check', vault, '--today', '2026-11-24', '--json'], { prefix: asNobody! });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const diags = (JSON.parse(r.stdout) as { diagnostics: Diag[] }).diagnostics;
    expect(diags).toContainEqual({ path: 'People/Secret.md', severity: 'error', field: 'file', message: 'this note cannot be read (permission denied)' });
    expect(diags).toContainEqual({
      path: 'People/Locked', severity: 'error', field: 'folder', message: 'this folder cannot be read (permission denied); the notes in it are left out',
    });
  });
});

describe('a vault folder that cannot be read at all', () => {
  it.runIf(asNobody !== null)('is a failure: exit 3 and one line, no stack trace', () => {
    const vault = makeVault({ 'People/Anna.md': '---\ncircle: 5\n---\n' }, 'ties-closed-');
    vaults.push(vault);
    mkdirSync(join(vault, 'inner'));
    writeFileSync(join(vault, 'inner', 'x.md'), '');
    chmodSync(join(vault, 'inner'), 0o311); // may be entered, not listed
    const r = ties(['review', join(vault, 'inner')], { prefix: asNobody! });
    chmodSync(join(vault, 'inner'), 0o755);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ties: cannot read the vault folder .*inner \(permission denied\)\n$/);
  });
});
