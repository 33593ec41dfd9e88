/** `ties import` and `ties export` end to end: the built bundle on copies of the fixture vault. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BASIC = 'tests/fixtures/vaults/basic';
const FIXTURES = join(process.cwd(), 'tests/fixtures/import');
const CLI = join(process.cwd(), 'dist/ties.mjs');
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

let root: string;
beforeAll(() => {
  execFileSync(process.execPath, ['esbuild.config.mjs', 'cli']);
  root = mkdtempSync(join(tmpdir(), 'ties-import-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A new note's layout (New person's): only these keys' lines, in the format's order, then the log heading. */
function newNote(lines: Record<string, string>, markAsPerson = false): string {
  const order = ['birthday', 'organisation', 'department', 'role', 'email', 'phone', 'met', 'linkedin'];
  const keys = order.flatMap((k) => (lines[k] !== undefined ? [lines[k]] : []));
  return ['---', ...(markAsPerson ? ['type: person'] : []), ...keys, '---', '', '## Log', ''].join('\n');
}

let count = 0;
/** A fresh copy of the basic vault (or an empty one). */
function vault(from: string | null = BASIC): string {
  const dir = join(root, `vault-${++count}`);
  if (from === null) mkdirSync(dir);
  else cpSync(from, dir, { recursive: true });
  return dir;
}

function ties(args: string[], shell?: string) {
  const r = shell
    ? spawnSync('bash', ['-c', `${shell}; exec "$0" "$@"`, process.execPath, CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    : spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` with its bytes: to prove that nothing changed. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

function csv(name: string, ...rows: string[]): string {
  const file = join(root, name);
  writeFileSync(file, [HEADER, ...rows].join('\r\n') + '\r\n');
  return file;
}

describe('ties import', () => {
  it('--dry-run --json prints the plan in the format\'s shape and writes nothing', () => {
    const dir = vault();
    const before = snapshot(dir);
    const file = csv('dry.csv', 'Anna,,https://www.linkedin.com/in/anna,,Acme,CFO,08 Feb 2026', 'Zoë,Çelik,,zoe@celik.example,"Acme, Inc.",CTO,01 Mar 2025', ',,,,Stealth,,');
    const r = ties(['import', dir, file, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({
      format: 'linkedin',
      rows: 3,
      create: [{ path: 'People/Zoë Çelik.md', fields: { organisation: 'Acme, Inc.', role: 'CTO', email: 'zoe@celik.example', met: '2025-03-01' } }],
      update: [{ path: 'People/Anna.md', fields: { organisation: 'Acme', role: 'CFO', met: '2026-02-08', linkedin: 'https://www.linkedin.com/in/anna' } }],
      conflicts: [],
      skipped: [{ row: 4, why: 'the row has no name, only an organisation ("Stealth")' }],
      dryRun: true,
      written: null,
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('--dry-run as text prints counts and the list', () => {
    const dir = vault();
    const r = ties(['import', dir, join(FIXTURES, 'contacts-30.vcf'), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(vCard (.vcf)) · 3 cards\n  2 new · 0 to fill · 0 conflicts · 1 skipped · 0 already up to date');
    expect(r.stdout).toContain('New notes (2)\n  People/Zoë Çelik.md  tags, interests, birthday, organisation, department, role, email, phone, linkedin');
    expect(r.stdout).toContain('Skipped (1)\n  card 3: the card has no name (no FN or N), only an organisation');
    expect(r.stdout).toContain('Dry run: nothing was written.');
  });

  it('creates and fills notes, keeps every other byte of a filled note, and a second import has nothing to do', () => {
    const dir = vault();
    const anna = readFileSync(join(dir, 'People/Anna.md'), 'utf8');
    const file = csv('real.csv', 'Anna,,https://www.linkedin.com/in/anna,,Acme,CFO,08 Feb 2026', 'Jürgen,Groß,,,"Bosch: R&D",#1,15 Mar 2024');
    const r = ties(['import', dir, file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created 1 note and filled 1.');
    const filled = readFileSync(join(dir, 'People/Anna.md'), 'utf8');
    const added = 'organisation: Acme\nrole: CFO\nmet: 2026-02-08\nlinkedin: "https://www.linkedin.com/in/anna"\n';
    expect(filled).toBe(anna.replace('phone: "+31 6 1111 2222"\n', `phone: "+31 6 1111 2222"\n${added}`));
    expect(readFileSync(join(dir, 'People/Jürgen Groß.md'), 'utf8')).toBe(
      newNote({ organisation: 'organisation: "Bosch: R&D"', role: 'role: "#1"', met: 'met: 2024-03-15' }),
    );

    const check = JSON.parse(ties(['check', dir, '--json']).stdout);
    expect(check.diagnostics.filter((d: { path: string }) => d.path === 'People/Jürgen Groß.md' || d.path === 'People/Anna.md')).toEqual([]);

    const before = snapshot(dir);
    const again = ties(['import', dir, file, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ create: [], update: [], conflicts: [], written: { created: [], updated: [] } });
    expect(snapshot(dir)).toEqual(before);
  });

  it('without a people folder, new notes get type: person at the top of the vault', () => {
    const dir = vault(null);
    const r = ties(['import', dir, join(FIXTURES, 'linkedin-old.csv'), '--folder', '']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'Piet Pietersen.md'), 'utf8')).toBe(
      newNote(
        { organisation: 'organisation: Gemeente Utrecht', role: 'role: Beleidsmedewerker', email: 'email: piet@example.nl', met: 'met: 2019-04-03' },
        true,
      ),
    );
    expect(JSON.parse(ties(['review', dir, '--folder', '', '--json']).stdout).people).toBe(2);
  });

  it('a file that is not UTF-8 is read as Windows-1252, and the plan says so', () => {
    const dir = vault(null);
    const file = join(root, 'latin.csv');
    writeFileSync(file, Buffer.from(`${HEADER}\r\nZo\xeb,\xc7elik,,,Caf\xe9 Ren\xe9,,\r\n`, 'latin1'));
    const r = ties(['import', dir, file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Left out or changed (1)\n  file: the file is not UTF-8; it was read as Windows-1252 (Western European)');
    expect(readFileSync(join(dir, 'People/Zoë Çelik.md'), 'utf8')).toBe(newNote({ organisation: 'organisation: Café René' }));
  });

  it('a conflict is reported and never written', () => {
    const dir = vault();
    writeFileSync(join(dir, 'People/Bram.md'), '---\nrole: Buyer\n---\n');
    const r = ties(['import', dir, csv('conflict.csv', 'Bram,,,,,Seller,')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Conflicts, not written (1)\n  People/Bram.md  role: the note has "Buyer", the file "Seller" (row 2)');
    expect(readFileSync(join(dir, 'People/Bram.md'), 'utf8')).toBe('---\nrole: Buyer\n---\n');
  });

  it('a file in no known format: one line on stderr, exit 3, nothing written', () => {
    const dir = vault();
    const before = snapshot(dir);
    const file = join(root, 'people.txt');
    writeFileSync(file, 'Jan;0612345678\n');
    const r = ties(['import', dir, file]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ties: .*people\.txt: not a file Ties can import\. Tried: LinkedIn/);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    [['import'], /^ties: missing FILE for import: /],
    [['import', 'a', 'b', 'c'], /^ties: too many arguments/],
    [['import', BASIC, 'no/such/file.csv'], /^ties: no such file: no\/such\/file\.csv/],
    [['export', BASIC], /^ties: export needs --vcard/],
  ])('usage error %j: exit 2', (args, message) => {
    const r = ties(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a note that cannot be filled as planned means nothing is written at all', () => {
    const dir = vault();
    const file = csv('half.csv', 'Zoë,Çelik,,,Acme,,', 'Eva,,,,,CTO,');
    // YAML reads an empty block scalar as an empty role, but the line holds `|`: the fill never rewrites that.
    writeFileSync(join(dir, 'People/Eva.md'), '---\nrole: |\n---\n');
    const before = snapshot(dir);
    const r = ties(['import', dir, file]);
    expect(r.code).toBe(3);
    expect(snapshot(dir)).toEqual(before);
    expect(r.stderr).toMatch(/^ties: nothing was written, because a note cannot be written as planned: People\/Eva\.md: /);
  });

  it('a write that fails stops the import and says what was written and what was not', () => {
    const dir = vault(null);
    const file = csv('big.csv', 'Anna,A,,,,,', `Bert,B,,,"${'x'.repeat(3000)}",,`, 'Cees,C,,,,,');
    // Files over 1 kB cannot be written in this shell: the second note fails.
    const r = ties(['import', dir, file], 'ulimit -f 1');
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Written (1):\n  People/Anna A.md\nNot written (2):\n  People/Bert B.md\n  People/Cees C.md\n');
    expect(r.stderr).toMatch(/^ties: could not write People\/Bert B\.md: .*; the import stopped after 1 of 3 notes/);
    expect(readdirSync(join(dir, 'People'))).toEqual(['Anna A.md']);
  });
});

describe('ties export', () => {
  it('prints every person who is not archived as vCard 4.0, and --out writes a file', () => {
    const dir = vault();
    writeFileSync(join(dir, 'People/Dirk.md'), '---\narchived: true\n---\n');
    const r = ties(['export', dir, '--vcard']);
    expect(r.code).toBe(0);
    // Eva was archived already.
    expect(r.stdout.match(/^FN:.*$/gm)).toEqual(['FN:Hugo', 'FN:Anna', 'FN:Bram', 'FN:Carla', 'FN:Femke', 'FN:Gijs']);
    const out = join(root, 'people.vcf');
    const w = ties(['export', dir, '--vcard', '--out', out]);
    expect(w.stdout).toBe(`Exported 6 people to ${out}.\n`);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
  });

  it('export, then import into an empty vault: the same people with the same fields', () => {
    const out = join(root, 'roundtrip.vcf');
    ties(['export', BASIC, '--vcard', '--out', out]);
    const empty = vault(null);
    expect(ties(['import', empty, out]).code).toBe(0);
    const names = JSON.parse(ties(['graph', empty, '--json']).stdout).nodes.map((n: Record<string, unknown>) => n.name).sort();
    expect(names).toEqual(['Anna', 'Bram', 'Carla', 'Dirk', 'Femke', 'Gijs', 'Hugo']); // Eva is archived
    // The same fields: exporting the new vault gives the same cards, byte for byte (Hugo lived in Notes/, so the order differs).
    const cards = (text: string) => text.split('BEGIN:VCARD').sort();
    expect(cards(ties(['export', empty, '--vcard']).stdout)).toEqual(cards(readFileSync(out, 'utf8')));
  });

  it('a file that cannot be written: exit 3 with one line', () => {
    const r = ties(['export', BASIC, '--vcard', '--out', join(root, 'no/such/folder/x.vcf')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ties: could not write .*x\.vcf: ENOENT/);
  });
});
