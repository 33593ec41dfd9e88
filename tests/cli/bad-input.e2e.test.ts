/**
 * Every kind of bad input from the foundation issue in one vault, through the built command line: each gives
 * a diagnostic naming note and field, or is read as a user would expect; none stops the rest of the vault
 * from being read; reading never changes a file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let vault: string;

const notes: Record<string, string | Buffer> = {
  'People/Good.md': '---\ncircle: 5\nlast_contact: 2026-11-01\n---\n',
  'People/Broken YAML.md': '---\ncircle: 5\nknows: [[[Good]]\n  bad: indent\n---\nStill a person by folder.\n',
  'People/Wrong types.md': '---\nlast_contact: yesterday\ncadence: often\ncircle: 7\nrole: [CTO, founder]\nemail: wt@example.com\n---\n',
  'People/Favours.md': '---\nfavours:\n  - 2026-01-01 helped: moving house\n  - 2026-02-01 got: a reference\n---\n',
  'People/Future.md': '---\nlast_contact: 2027-01-01\ncircle: 15\n---\n## Log\n- 2026-12-24 call: not yet\n',
  'People/Links.md': '---\nknows: ["[[Nobody]]", "[[Links]]", "[[Good]]"]\nintroduced_by: "[[Ghost]]"\n---\n',
  'People/Team A/Sam.md': '---\ncircle: 50\n---\n',
  'People/Team B/Sam.md': '---\ncircle: 150\n---\n',
  'People/CRLF.md': '---\r\ncircle: 5\r\nlast_contact: 2026-11-20\r\n---\r\n## Log\r\n- 2026-11-22 call: fine\r\n',
  'People/BOM.md': '\ufeff---\ncircle: 15\nlast_contact: 2026-11-20\n---\n',
  'People/Empty.md': '---\n---\nNothing here yet.\n',
  'People/Lower.md': '# Lower\n\n---\ncircle: 5\n---\n',
  'People/Latin1.md': Buffer.concat([Buffer.from('---\ninterests: [caf'), Buffer.from([0xe9]), Buffer.from(']\ncircle: 5\n---\n')]),
  'Notes/Not a person.md': '---\nthis: [is broken\n---\nno diagnostics for notes that are not people\n',
};

function ties(...args: string[]) {
  const r = spawnSync(process.execPath, ['dist/ties.mjs', ...args, '--today', '2026-11-24', '--json'], { encoding: 'utf8' });
  return { code: r.status, data: JSON.parse(r.stdout) as { people: number; diagnostics: { path: string; severity: string; field: string; message: string }[]; items: { path: string; kind: string }[] } };
}

function snapshot(): string[] {
  return readdirSync(vault, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(vault, f)).isFile())
    .sort()
    .map((f) => `${f} ${statSync(join(vault, f)).mtimeMs} ${readFileSync(join(vault, f)).toString('base64')}`);
}

beforeAll(() => {
  execFileSync(process.execPath, ['esbuild.config.mjs', 'cli']);
  vault = mkdtempSync(join(tmpdir(), 'ties-bad-'));
  for (const [path, content] of Object.entries(notes)) {
    mkdirSync(join(vault, path, '..'), { recursive: true });
    writeFileSync(join(vault, path), content);
  }
  // A 5 MB person note: a long log.
  const log = Array.from({ length: 90_000 }, (_, i) => `- 2020-01-${String((i % 28) + 1).padStart(2, '0')} call: line ${i}`).join('\n');
  writeFileSync(join(vault, 'People/Huge.md'), `---\ncircle: 150\n---\n## Log\n${log}\n`);
});

afterAll(() => rmSync(vault, { recursive: true, force: true }));

describe('a vault full of bad input', () => {
  it('reads every person, and names note and field for each problem', () => {
    const before = snapshot();
    const { code, data } = ties('check', vault);
    expect(code).toBe(1);
    expect(data.people).toBe(14);
    const got = (path: string) => data.diagnostics.filter((d) => d.path === path).map((d) => `${d.severity} ${d.field}`);
    expect(got('People/Broken YAML.md')).toEqual(['error frontmatter']);
    expect(data.diagnostics.find((d) => d.path === 'People/Broken YAML.md')!.message).toMatch(/^broken YAML: .*\(line \d+\)$/);
    expect(got('People/Wrong types.md')).toEqual(['error last_contact', 'error cadence', 'error circle', 'warning role']);
    expect(got('People/Favours.md')).toEqual(['error favours']);
    expect(got('People/Future.md')).toEqual(['warning last_contact', 'warning log']);
    expect(got('People/Links.md')).toEqual(['warning knows', 'warning knows', 'warning introduced_by']);
    expect(got('People/Team A/Sam.md')).toEqual(['warning name']);
    expect(got('People/Team B/Sam.md')).toEqual(['warning name']);
    expect(got('People/Lower.md')).toEqual(['warning frontmatter']);
    expect(got('People/Latin1.md')).toEqual(['warning body']);
    for (const fine of ['People/Good.md', 'People/CRLF.md', 'People/BOM.md', 'People/Empty.md', 'People/Huge.md', 'Notes/Not a person.md'])
      expect(got(fine), fine).toEqual([]);
    expect(snapshot()).toEqual(before);
  });

  it('still ranks the people it could read, as a user would expect', () => {
    const { code, data } = ties('review', vault);
    expect(code).toBe(0);
    const kinds = (path: string) => data.items.filter((i) => i.path === path).map((i) => i.kind);
    expect(kinds('People/Good.md')).toEqual(['overdue']); // 23 days, circle 5
    expect(kinds('People/CRLF.md')).toEqual([]); // the CRLF log item on 11-22 counts
    expect(kinds('People/BOM.md')).toEqual([]); // circle 15, 4 days ago
    expect(kinds('People/Future.md')).toEqual(['overdue']); // future contacts do not count: never contacted
    expect(kinds('People/Favours.md')).toEqual(['favour']); // the readable "got" still counts
    expect(kinds('People/Wrong types.md')).toEqual([]); // no readable cadence, no contact
    expect(kinds('People/Huge.md')).toEqual(['overdue']); // last logged 2020, circle 150
  });
});
