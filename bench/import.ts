/**
 * Import figures: `ties import --dry-run` of a 10,000-row LinkedIn Connections.csv against a vault of
 * 10,000 people (a new process each run, as a user runs it), and the import core's own share (read the
 * file, plan against the index) in process. Half the rows are people of the vault (by name or e-mail),
 * half are new. Prints figures; asserts nothing. `npm run bench -- import`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseImportFile } from '../src/core/import/parse';
import { planImport } from '../src/core/import/plan';
import { DEFAULT_CORE_SETTINGS } from '../src/core/types';
import { recordFromText } from '../src/cli/read-vault';
import { PeopleIndex } from '../src/index/people-index';
import { generateVault, writeVault } from './generate';
import { line, median, ms, time } from './measure';

const ROWS = 10_000;
const PEOPLE = 10_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FIRST = ['Zoë', 'Jürgen', 'Anna', 'Piet', 'Nguyễn Văn', 'Fatima', 'Sven', 'Marta', 'Kees', 'Aiko'];
const LAST = ['Çelik', 'Groß', 'Jansen', 'de Vries', 'An', 'El Amrani', 'Larsen', 'Nowak', 'Bakker', 'Tanaka'];

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A Connections.csv with the preamble: row i < ROWS/2 names person i of the vault, the others are new people. */
function connections(names: readonly string[]): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < ROWS; i++) {
    const existing = i < ROWS / 2 ? names[(i * 7) % names.length]! : null;
    const space = existing?.indexOf(' ') ?? -1;
    const first = existing === null ? FIRST[i % 10]! : space < 0 ? existing : existing.slice(0, space);
    const last = existing === null ? `${LAST[(i * 3) % 10]!} ${i}` : space < 0 ? '' : existing.slice(space + 1);
    const row = [
      first, last, `https://www.linkedin.com/in/person-${i}`, i % 3 === 0 ? `person.${i}@example.org` : '', `Company ${i % 400}, Inc.`,
      `Role ${i % 50}`, `${String((i % 28) + 1).padStart(2, '0')} ${MONTHS[i % 12]} ${2010 + (i % 16)}`,
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function importFigures(): void {
  const settings = { ...DEFAULT_CORE_SETTINGS };
  const files = generateVault({ people: PEOPLE, notes: 0, seed: 7, today: '2026-11-24' });
  const names = [...files.keys()].filter((p) => p.startsWith('People/')).map((p) => p.slice(p.lastIndexOf('/') + 1, -3));
  const csv = connections(names);

  const dir = join('bench', 'out', 'vault-10k-people');
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeVault(dir, files);
    writeVault(dir, new Map([['.complete', '']]));
  }
  const file = join('bench', 'out', 'Connections-10k.csv');
  writeFileSync(file, csv);

  console.log(`\nImport: a ${ROWS}-row LinkedIn file (${(csv.length / 1048576).toFixed(1)} MB) against ${PEOPLE} people`);
  const index = new PeopleIndex(settings);
  index.rebuild([...files].map(([path, text]) => recordFromText(path, text, settings)));
  const people = index.people();
  const parses: number[] = [], plans: number[] = [];
  let plan = null;
  for (let i = 0; i < 7; i++) {
    let parsed = null;
    parses.push(time(() => (parsed = parseImportFile(csv))));
    plans.push(time(() => (plan = planImport(parsed!, { people, notePaths: index.paths(), peopleFolder: 'People' }))));
  }
  const p = plan!;
  line('read the file (papaparse + contacts)', ms(median(parses)), '');
  line('plan against the index', ms(median(plans)), '');
  console.log(`  (${p.create.length} new, ${p.update.length} to fill, ${p.conflicts.length} conflicts, ${p.unchanged.length} unchanged, ${p.skipped.length} skipped)`);

  const cli = (args: string[]) => time(() => execFileSync(process.execPath, ['dist/ties.mjs', ...args], { stdio: ['ignore', 'ignore', 'inherit'] }));
  const importRuns: number[] = [], reviewRuns: number[] = [];
  cli(['review', dir, '--json']); // warm the page cache
  for (let i = 0; i < 5; i++) {
    importRuns.push(cli(['import', dir, file, '--dry-run', '--json']));
    reviewRuns.push(cli(['review', dir, '--json']));
  }
  line('ties import --dry-run --json (new process)', ms(median(importRuns)), '≤ 1000 ms');
  line('  beside: ties review --json, the same vault', ms(median(reviewRuns)), '');
}
