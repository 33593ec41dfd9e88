/**
 * The command line as a new user meets it, through the built bundle: help, usage errors in one style,
 * `--today` in range, `--limit` for review and intro, "did you mean", and the hint that names the vault.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, makeVault, ties } from './built-cli';

const DEMO = 'examples/demo-vault';
const BASIC = 'tests/fixtures/vaults/basic';
const vaults: string[] = [];

beforeAll(() => buildCli());
afterAll(() => {
  for (const v of vaults) rmSync(v, { recursive: true, force: true });
});

describe('usage errors: exit 2, one line in one style', () => {
  it.each([
    [['review', DEMO, '--today', '9999-12-31'], 'ties: --today expects a year from 1900 to 2200, got "9999-12-31" (see ties --help)'],
    [['review', DEMO, '--today', '1899-12-31'], 'ties: --today expects a year from 1900 to 2200, got "1899-12-31" (see ties --help)'],
    [['intro', DEMO], `ties: missing TARGET after the vault folder ${DEMO}: the person you want to be introduced to (see ties --help)`],
    [['intro', DEMO, 'Kes Dekker'], `ties: no person named "Kes Dekker" in ${DEMO}; did you mean Kees Dekker? (see ties --help)`],
    [['intro', DEMO, 'dekker'], `ties: no person named "dekker" in ${DEMO}; did you mean Kees Dekker? (see ties --help)`],
    [['intro', DEMO, 'Zacharias'], `ties: no person named "Zacharias" in ${DEMO} (see ties --help)`],
    [['review', DEMO, '--bogus'], 'ties: unknown option --bogus (see ties --help)'],
    [['reveiw', DEMO], 'ties: unknown command "reveiw"; did you mean review? (see ties --help)'],
    [['check', DEMO, '--limit', '5'], 'ties: check does not take --limit (see ties --help)'],
    [['review', DEMO, '--limit', 'all'], 'ties: --limit expects a whole number of 1 or more, got "all" (see ties --help)'],
    [['review', 'no/such/vault'], 'ties: no such vault folder: no/such/vault (see ties --help)'],
    [[], 'ties: missing command: review, check, graph, intro, import, export or help (see ties --help)'],
  ])('%j', (args, message) => {
    const r = ties(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message + '\n');
    expect(r.stderr).toMatch(/^ties: [a-z-][^\n]*[^.] \(see ties --help\)\n$/);
  });

  it('reads --today at both ends of the range', () => {
    expect(ties(['review', BASIC, '--today', '1900-01-01']).code).toBe(0);
    expect(ties(['review', BASIC, '--today', '2200-12-31', '--json']).code).toBe(0);
  });
});

describe('ties help', () => {
  it('lists the commands, the options and the exit codes', () => {
    for (const args of [['help'], ['--help'], ['-h']]) {
      const r = ties(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: ties <command> \[VAULT\] \[options\]\n/);
      for (const c of ['review', 'check', 'graph', 'intro', 'help']) expect(r.stdout).toMatch(new RegExp(`\\n  ${c} +\\[`));
      expect(r.stdout).toContain('--limit N');
      expect(r.stdout).toContain('Exit codes: 0 done, 1 check found errors, 2 a usage error,\n3 any other failure');
    }
  });

  it('explains one command', () => {
    for (const args of [['help', 'intro'], ['intro', '--help']]) {
      const r = ties(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: ties intro \[VAULT\] TARGET \[options\]\n\nWho can introduce you to TARGET\.\n/);
      expect(r.stdout).toContain('--limit N               at most N paths (default: 10)');
    }
    expect(ties(['help', 'check']).stdout).not.toContain('--limit');
  });
});

describe('review --limit', () => {
  it('shows at most N people per section and says how many more, in text', () => {
    const r = ties(['review', DEMO, '--today', '2026-11-24', '--limit', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Overdue \(11\)\n {2}Kees Dekker +54 days since last contact · every month\n {2}Lotte Mulder .*\n {2}and 9 more: use --limit\n/);
    expect(r.stdout).toMatch(/Follow-ups \(5\)\n(.*\n){2} {2}and 3 more: use --limit\n/);
  });

  it('counts the items left out per section in JSON', () => {
    const all = JSON.parse(ties(['review', DEMO, '--today', '2026-11-24', '--json']).stdout) as { items: { kind: string }[]; more: object };
    expect(all.more).toEqual({});
    const cut = JSON.parse(ties(['review', DEMO, '--today', '2026-11-24', '--json', '--limit', '1']).stdout) as { items: { kind: string }[]; more: Record<string, number> };
    expect(cut.items.map((i) => i.kind)).toEqual(['follow-up', 'overdue', 'date', 'favour', 'dormant']);
    const count = (kind: string) => all.items.filter((i) => i.kind === kind).length;
    expect(cut.more).toEqual({ 'follow-up': count('follow-up') - 1, overdue: count('overdue') - 1, date: count('date') - 1, favour: count('favour') - 1, dormant: count('dormant') - 1 });
  });
});

describe('the hint to run ties check', () => {
  let vault: string;
  beforeAll(() => {
    vault = makeVault({ 'People/Bad.md': '---\ncadence: often\n---\n' }, 'ties hint ');
    vaults.push(vault);
  });

  it('names the vault the user gave, quoted for the shell when it needs quotes', () => {
    const r = ties(['review', vault, '--today', '2026-11-24']);
    expect(r.stdout).toContain(`1 error in the vault: run \`ties check '${vault}'\` for details.`);
  });

  it('is plain `ties check` when the vault is the current folder', () => {
    const r = ties(['review', '--today', '2026-11-24'], { cwd: vault });
    expect(r.stdout).toContain('1 error in the vault: run `ties check` for details.');
  });
});

describe('intro on a long chain with 3,000 starts', () => {
  let vault: string;
  beforeAll(() => {
    // Target – C1 – … – C3000, and 3,000 people you are in touch with who all know C3000: 3,000 paths of 3,002.
    const notes: Record<string, string> = { 'People/Target.md': '---\ncircle: 150\n---\n' };
    for (let i = 1; i <= 3000; i++) notes[`People/C${i}.md`] = `---\nknows: ["[[${i === 1 ? 'Target' : `C${i - 1}`}]]"]\n---\n`;
    for (let i = 0; i < 3000; i++) notes[`People/S${String(i).padStart(4, '0')}.md`] = '---\nlast_contact: 2026-11-20\nknows: ["[[C3000]]"]\n---\n';
    vault = makeVault(notes, 'ties-chain-');
    vaults.push(vault);
  });

  it('prints 10 paths in JSON by default and counts the rest', () => {
    const r = ties(['intro', vault, 'Target', '--today', '2026-11-24', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { target: string; paths: string[][]; more: number };
    expect(data.target).toBe('People/Target.md');
    expect(data.paths).toHaveLength(10);
    expect(data.paths[0]![0]).toBe('People/S0000.md');
    expect(data.paths[0]).toHaveLength(3002);
    expect(data.more).toBe(2990);
  });

  it('says how many more paths there are in text, and --limit shows more', () => {
    const r = ties(['intro', vault, 'Target', '--today', '2026-11-24']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Who can introduce you to Target \(3,000\)\n\n {2}1\. S0000 /);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('  and 2,990 more paths: use --limit');
    const more = JSON.parse(ties(['intro', join(vault), 'Target', '--today', '2026-11-24', '--json', '--limit', '25']).stdout) as { paths: unknown[]; more: number };
    expect([more.paths.length, more.more]).toEqual([25, 2975]);
  });
});
