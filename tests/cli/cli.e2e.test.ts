/** The `ties` command end to end: the built bundle, run as a user runs it, on fixture vaults. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BASIC = 'tests/fixtures/vaults/basic';

function ties(...args: string[]) {
  const r = spawnSync(process.execPath, ['dist/ties.mjs', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]) {
  const r = ties(...args, '--json');
  return { ...r, data: JSON.parse(r.stdout) as Record<string, unknown> };
}

beforeAll(() => {
  execFileSync(process.execPath, ['esbuild.config.mjs', 'cli']);
});

describe('ties review', () => {
  it('prints the attention items of the day as JSON, in the spec order', () => {
    const { code, data } = json('review', BASIC, '--today', '2026-11-24');
    expect(code).toBe(0);
    expect(data.today).toBe('2026-11-24');
    expect(data.people).toBe(8);
    const items = data.items as { path: string; name: string; kind: string; detail: string }[];
    expect(items.map((i) => `${i.kind} ${i.path} ${i.detail}`)).toEqual([
      "follow-up People/Anna.md follow up: ask how Eva's exam went · due 4 days ago",
      'overdue People/Anna.md 12 days since last contact · every week',
      'overdue People/Gijs.md 23 days since last contact · every 2 weeks',
      'overdue Notes/Hugo.md no contact yet · every month',
      'date People/Bram.md birthday on Thursday',
      'favour People/Carla.md you owe a favour',
      'dormant People/Dirk.md last contact 3 years ago · 2 earlier contacts',
    ]);
    expect(data.diagnostics).toEqual([]);
  });

  it('prints sections with counts and aligned reasons for a person, without colour when piped', () => {
    const { code, stdout } = ties('review', BASIC, '--today', '2026-11-24');
    expect(code).toBe(0);
    expect(stdout).toContain('Ties · review for Tuesday 24 November 2026 · 8 people');
    expect(stdout).toContain('Overdue (3)\n  Anna   12 days since last contact · every week\n  Gijs   23 days');
    expect(stdout).toContain('Favours owed (1)\n  Carla  you owe a favour');
    expect(stdout).not.toContain('\x1b[');
  });

  it('takes the vault from the current folder, and --folder and --tag change which notes are people', () => {
    const r = spawnSync(process.execPath, [join(process.cwd(), 'dist/ties.mjs'), 'review', '--today', '2026-11-24', '--json'], { cwd: BASIC, encoding: 'utf8' });
    expect(JSON.parse(r.stdout).people).toBe(8);
    expect(json('review', BASIC, '--today', '2026-11-24', '--folder', 'Nobody').data.people).toBe(1); // Hugo, by type
    expect(json('review', BASIC, '--today', '2026-11-24', '--folder', '', '--tag', 'speaker').data.people).toBe(1);
  });

  it('defaults to today', () => {
    const { code, data } = json('review', BASIC);
    expect(code).toBe(0);
    expect(data.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('usage errors: one line on stderr, exit 2', () => {
  it.each([
    [['review', 'no/such/vault'], /^ties: no such vault folder: no\/such\/vault/],
    [['review', BASIC, '--bogus'], /^ties: unknown option --bogus/],
    [['review', BASIC, '--today', '2026-02-30'], /^ties: --today expects a date as YYYY-MM-DD, got "2026-02-30"/],
    [['review', BASIC, '--today', 'tomorrow'], /--today expects a date/],
    [['frobnicate'], /^ties: unknown command "frobnicate"/],
    [[], /^ties: missing command/],
    [['intro'], /missing TARGET for intro/],
    [['intro', BASIC, 'Nobody'], /no person named "Nobody"/],
  ])('%j', (args, message) => {
    const { code, stderr, stdout } = ties(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('prints help', () => {
    const { code, stdout } = ties('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: ties <command>');
  });
});

describe('ties graph and intro', () => {
  it('prints nodes and edges with metrics', () => {
    const { code, data } = json('graph', BASIC);
    expect(code).toBe(0);
    const nodes = data.nodes as { id: string; name: string; degree: number }[];
    expect(nodes.map((n) => n.id).sort()).toEqual([
      'Notes/Hugo.md', 'People/Anna.md', 'People/Bram.md', 'People/Carla.md', 'People/Dirk.md', 'People/Eva.md', 'People/Femke.md', 'People/Gijs.md',
    ]);
    expect(nodes.find((n) => n.name === 'Bram')!.degree).toBe(2);
    expect(data.edges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'People/Anna.md', target: 'People/Bram.md', kind: 'knows' }),
        expect.objectContaining({ source: 'People/Gijs.md', target: 'People/Anna.md', kind: 'introduced_by' }),
      ]),
    );
    expect(data.edges).toHaveLength(4);
  });

  it('finds who can introduce me, by name', () => {
    // In touch on 2026-11-24: Anna, Bram (mentioned 11-22), Carla, Gijs. Dirk is not: Carla knows him.
    const { code, data } = json('intro', BASIC, 'Dirk', '--today', '2026-11-24');
    expect(code).toBe(0);
    expect(data).toEqual({ target: 'People/Dirk.md', inTouch: false, paths: [['People/Carla.md', 'People/Dirk.md']], more: 0 });
    const text = ties('intro', BASIC, 'Dirk', '--today', '2026-11-24').stdout;
    expect(text).toContain('1. Carla (last contact 1 day ago) → Dirk');
  });
});

describe('ties check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ties-check-'));
    mkdirSync(join(dir, 'People'));
    writeFileSync(join(dir, 'People', 'Good.md'), '---\ncircle: 5\n---\n');
    writeFileSync(join(dir, 'People', 'Bad.md'), '---\nlast_contact: yesterday\ncadence: often\ncircle: 7\nknows: ["[[Ghost]]"]\n---\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists errors and warnings naming note and field, and exits 1 on errors', () => {
    const { code, data } = json('check', dir, '--today', '2026-11-24');
    expect(code).toBe(1);
    const diags = data.diagnostics as { path: string; severity: string; field: string }[];
    expect(diags.map((d) => `${d.path} ${d.severity} ${d.field}`)).toEqual([
      'People/Bad.md error last_contact', 'People/Bad.md error cadence', 'People/Bad.md error circle', 'People/Bad.md warning knows',
    ]);
    const text = ties('check', dir, '--today', '2026-11-24');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('3 errors and 1 warning in 1 note of 2 person notes.');
    expect(text.stdout).toContain('People/Bad.md\n  error    last_contact  expected a date as YYYY-MM-DD, found "yesterday"\n');
  });

  it('exits 0 when there are only warnings or nothing', () => {
    expect(ties('check', BASIC, '--today', '2026-11-24').code).toBe(0);
  });

  it('never changes a file', () => {
    const state = () =>
      readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => statSync(join(dir, f)).isFile())
        .map((f) => [f, statSync(join(dir, f)).mtimeMs, readFileSync(join(dir, f), 'utf8')]);
    const before = state();
    ties('check', dir);
    ties('review', dir);
    ties('graph', dir, '--json');
    expect(state()).toEqual(before);
  });
});

describe('ties graph metrics', () => {
  it('gives every node a community, a broker score and a strength, and every edge a strength', () => {
    const { code, data } = json('graph', BASIC, '--today', '2026-11-24');
    expect(code).toBe(0);
    const nodes = data.nodes as { id: string; community: number; broker: number; degree: number; strength: number }[];
    for (const n of nodes) {
      expect(Number.isInteger(n.community)).toBe(true);
      expect(n.broker).toBeGreaterThanOrEqual(0);
      expect(n.broker).toBeLessThanOrEqual(1);
      expect(n.strength).toBeGreaterThanOrEqual(0);
      expect(n.strength).toBeLessThanOrEqual(1);
    }
    // Gijs → Anna – Bram – Carla – Dirk: Bram is in the middle of the chain.
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('People/Bram.md')!.broker).toBe(1);
    expect(byId.get('People/Anna.md')!.broker).toBeGreaterThan(0);
    expect(byId.get('People/Eva.md')!.broker).toBe(0);
    expect(byId.get('People/Anna.md')!.community).toBe(byId.get('People/Gijs.md')!.community);
    expect(byId.get('People/Anna.md')!.strength).toBeGreaterThan(byId.get('People/Dirk.md')!.strength);
    for (const e of data.edges as { strength: number }[]) expect(e.strength).toBeGreaterThanOrEqual(0);
  });
});
