/**
 * Where the output goes, through the built command line in real child processes: a closed pipe ends it
 * quietly; a write that fails is exit 3 with one line and no stack trace (another failure, a vault folder
 * that cannot be listed, is in unreadable.e2e.test.ts); control characters from notes never reach the terminal.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeChars, buildCli, CLI, makeVault, ties } from './built-cli';

const vaults: string[] = [];
let big: string;

beforeAll(() => {
  buildCli();
  // 20,000 due follow-ups in one note: about 2 MB of review, far more than a pipe holds.
  const followUps = Array.from({ length: 20_000 }, (_, i) => `  - "2026-01-01 follow-up number ${i} with some words to make the line longer"`).join('\n');
  big = makeVault({ 'People/Busy.md': `---\ncircle: 5\nfollow_ups:\n${followUps}\n---\n` }, 'ties-big-');
  vaults.push(big);
});
afterAll(() => {
  for (const v of vaults) rmSync(v, { recursive: true, force: true });
});

/** Runs `ties ARGS | head -1` in a shell; the CLI's exit code, its stderr, and what head printed. */
function pipedToHead(args: string[]): { code: number; stderr: string; head: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ties-pipe-'));
  const err = join(dir, 'stderr');
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `${quoted} 2>'${err}' | head -1; exit "\${PIPESTATUS[0]}"`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const stderr = existsSync(err) ? readFileSync(err, 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  return { code: r.status!, stderr, head: r.stdout };
}

describe('a closed pipe', () => {
  it('ends review quietly: exit 0, nothing on stderr', () => {
    const r = pipedToHead(['review', big, '--today', '2026-11-24']);
    expect(r.head).toBe('Ties · review for Tuesday 24 November 2026 · 1 person\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('ends JSON output quietly too', () => {
    const r = pipedToHead(['review', big, '--today', '2026-11-24', '--json']);
    expect(r.head).toBe('{\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('a failure', () => {
  it.runIf(existsSync('/dev/full'))('to write the output (> /dev/full) exits 3 with one line and no stack trace', () => {
    const fd = openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [CLI, 'review', big, '--today', '2026-11-24'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('ties: cannot write the output (no space left on the device)\n');
  });

});

describe('control characters from notes', () => {
  // File names may hold any of them; YAML refuses raw C0 and C1 controls in values, but not bidi controls.
  const evil = '\x1b]0;owned\x07\x1b[2J\u009b31m\u202e';
  let vault: string;
  beforeAll(() => {
    vault = makeVault({
      'People/Jan\rPiet.md': '---\ncircle: 5\nfollow_ups: ["2026-01-01 ask about \u202eevil"]\nknows: ["[[Ghost\u2066]]"]\n---\n',
      [`People/Ev${evil}il.md`]: '---\ncircle: 15\ncadence: "often\u202e"\n---\n',
    }, 'ties-escape-');
    vaults.push(vault);
  });

  it.each([
    ['review', ['review']],
    ['check', ['check']],
    ['intro', ['intro', `Ev${evil}il`]],
    ['intro (unknown name)', ['intro', `Ev${evil}`]],
  ])('%s text shows them escaped', (_name, args) => {
    const r = ties([args[0]!, vault, ...args.slice(1), '--today', '2026-11-24']);
    expect(activeChars(r.stdout + r.stderr)).toEqual([]);
    expect(r.stdout + r.stderr).toMatch(/\\x1b|\\r|\\u202e/);
  });

  it('shows where they were', () => {
    const review = ties(['review', vault, '--today', '2026-11-24']).stdout;
    expect(review).toMatch(/ {2}Jan\\rPiet +follow up: ask about \\u202eevil · due/);
    expect(review).toContain('Ev\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202eil');
    const check = ties(['check', vault, '--today', '2026-11-24']).stdout;
    expect(check).toContain('People/Ev\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202eil.md\n');
    expect(check).toContain('found "often\\u202e"');
    expect(check).toContain('links to [[Ghost\\u2066]], but no note has that name');
  });

  it('JSON output escapes them all and keeps the same strings', () => {
    const r = ties(['review', vault, '--today', '2026-11-24', '--json']);
    expect(activeChars(r.stdout)).toEqual([]);
    const data = JSON.parse(r.stdout) as { items: { name: string }[] };
    expect(data.items.map((i) => i.name)).toEqual(expect.arrayContaining(['Jan\rPiet', `Ev${evil}il`]));
  });
});
