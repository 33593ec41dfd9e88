/**
 * npm run bench: the speed figures of the foundation, on synthetic vaults (bench/generate.ts).
 * Prints figures; asserts nothing. Run with `npm run bench` (it builds the CLI first); `npm run bench -- index`
 * (or cli, network, attention, note-people, graph, import, import-plugin) prints one group.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { rank } from '../src/core/attention';
import { parseDayString } from '../src/core/dates';
import { DEFAULT_CORE_SETTINGS, type NoteRecord } from '../src/core/types';
import { recordFromText } from '../src/cli/read-vault';
import { PeopleIndex } from '../src/index/people-index';
import { generateVault, JOURNAL_CONFIG, writeVault } from './generate';
import { attentionFigures } from './attention';
import { graphFigures } from './graph';
import { importFigures, pluginImportFigures } from './import';
import { networkFigures } from './network';
import { notePeopleFigures } from './note-people';
import { gc, line, median, ms, time } from './measure';

const TODAY = '2026-11-24';
const today = parseDayString(TODAY)!;
/** The settings `ties review` reads the generated vault with: its journal's daily-notes config included. */
const settings = { ...DEFAULT_CORE_SETTINGS, dailyNoteConfig: { ...JOURNAL_CONFIG } };
const out = join('bench', 'out');

/** A vault of `notes` notes in all, `people` of them person notes. */
function vault(people: number, notes: number): Map<string, string> {
  return generateVault({ people, notes: notes - people, seed: 7, today: TODAY });
}

function records(people: number, notes: number): NoteRecord[] {
  const files = vault(people, notes);
  return [...files].filter(([path]) => path.endsWith('.md')).map(([path, text]) => recordFromText(path, text, settings));
}

/** 1. Cold `ties review` (a fresh process each run) against the floor. */
function cliFigures(): void {
  // v1.1: meeting notes, tasks that link people, a journal in the daily-notes format (a new name, so that a
  // vault written by an older generator is not measured).
  const dir = join(out, 'vault-10k-50k-capture');
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeVault(dir, vault(10_000, 50_000));
    writeVault(dir, new Map([['.complete', '']]));
  }
  const spawn = (args: string[]) => time(() => execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] }));
  spawn(['bench/floor.mjs', dir]); // warm the page cache once, so both sides read from memory
  const review: number[] = [], floor: number[] = [];
  for (let i = 0; i < 5; i++) {
    floor.push(spawn(['bench/floor.mjs', dir]));
    review.push(spawn(['dist/ties.mjs', 'review', dir, '--today', TODAY, '--json']));
  }
  const r = median(review), f = median(floor);
  console.log('\nCommand line, 10,000 people in 50,000 notes (median of 5 runs, each a new process)');
  line('ties review --json', ms(r), '≤ 3000 ms');
  line('floor: read every note + gray-matter', ms(f), '');
  line('ratio review / floor', `${(r / f).toFixed(2)}×`, '≤ 1.5×');
}

/** 2–4. Index build, one-note update at 1k and 10k people, rank, heap. */
function indexFigures(): void {
  console.log('\nIndex and ranking (in process; median of repeated runs)');
  for (const [people, notes] of [[1_000, 5_000], [10_000, 50_000]] as const) {
    let recs: NoteRecord[] = records(people, notes);
    const persons = recs.filter((r) => r.path.startsWith('People/'));
    const build = (from: NoteRecord[]) => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        gc(); // each build starts from a clean heap, as at start-up
        times.push(time(() => new PeopleIndex(settings).rebuild(from)));
      }
      return median(times);
    };
    line(`index build from ${people} person records`, ms(build(persons)), people === 10_000 ? '≤ 100 ms' : '');
    line(`index build, all ${notes} notes`, ms(build(recs)), '');

    const index = new PeopleIndex(settings);
    index.rebuild(recs);
    index.people();
    const updates: number[] = [], withPeople: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const r = persons[(i * 7919) % persons.length]!;
      const changed = { ...r, frontmatter: { ...r.frontmatter, last_contact: `2026-11-${String((i % 20) + 1).padStart(2, '0')}` } };
      updates.push(time(() => index.set(changed)));
      withPeople.push(time(() => index.people()));
    }
    line(`update after one note change, ${people} people`, ms(median(updates)), '≤ 1 ms, flat 1k→10k');
    line(`  then the people list the views read`, ms(median(withPeople)), '');
    meetingUpdates(recs, people);

    const list = index.people();
    const ranks: number[] = [];
    for (let i = 0; i < 30; i++) ranks.push(time(() => rank(list, today, settings)));
    line(`rank, ${list.length} people`, ms(median(ranks)), people === 10_000 ? '≤ 20 ms' : '');

    if (people === 10_000) {
      // Heap held by the index: with the index alive and its input records gone, minus without the index.
      let held: PeopleIndex | null = new PeopleIndex(settings);
      held.rebuild(recs);
      held.people();
      recs = [];
      persons.length = 0;
      gc();
      const withIndex = process.memoryUsage().heapUsed;
      held = null;
      gc();
      const without = process.memoryUsage().heapUsed;
      line(`heap held by the index, ${people} people / ${notes} notes`, `${((withIndex - without) / 1048576).toFixed(1)} MB`, '≤ 60 MB');
      if (!(globalThis as { gc?: unknown }).gc) console.log('  (run with node --expose-gc for a precise heap figure)');
    }
  }
}

/**
 * (v1.1) One meeting note changes: an attendee swapped for another person. The update itself, the people list
 * after it, and how many people were worked out again (those the note named before and after).
 */
function meetingUpdates(recs: readonly NoteRecord[], people: number): void {
  let derived = 0;
  const index = new PeopleIndex(settings, { derived: () => derived++ });
  index.rebuild(recs);
  index.people();
  const meetings = recs.filter((r) => index.interactionDay(r.path) !== null && Array.isArray(r.frontmatter?.attendees));
  const persons = index.people();
  const updates: number[] = [], lists: number[] = [], touched: number[] = [];
  for (let i = 0; i < 1000 && meetings.length > 0; i++) {
    const r = meetings[(i * 7919) % meetings.length]!;
    const attendees = [...(r.frontmatter!.attendees as string[])];
    attendees[0] = `[[${persons[(i * 104729) % persons.length]!.name}]]`;
    const changed = { ...r, frontmatter: { ...r.frontmatter, attendees } };
    updates.push(time(() => index.set(changed)));
    derived = 0;
    lists.push(time(() => index.people()));
    touched.push(derived);
  }
  line(`update after one meeting note changes, ${people} people (${meetings.length} meetings)`, ms(median(updates)), '≤ 1 ms');
  line(`  then the people list; people worked out again`, `${ms(median(lists))}; ${median(touched)}`, 'only those it names');
}

const only = process.argv[2];
if (!only || only === 'index') indexFigures();
if (!only || only === 'cli') cliFigures();
if (!only || only === 'network') networkFigures();
if (!only || only === 'attention') await attentionFigures();
if (!only || only === 'note-people') await notePeopleFigures();
if (!only || only === 'graph') await graphFigures();
if (!only || only === 'import') importFigures();
if (!only || only === 'import-plugin') pluginImportFigures();
