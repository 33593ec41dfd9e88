import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { generateVault } from '../../bench/generate';
import { parsePerson } from '../../src/core/person';
import { DEFAULT_CORE_SETTINGS, type NoteRecord } from '../../src/core/types';

const settings = { ...DEFAULT_CORE_SETTINGS };
const opts = { people: 300, notes: 600, seed: 42, today: '2026-11-24' };
const isPersonPath = (path: string): boolean => path.startsWith('People/');
const isDaily = (path: string): boolean => /^Daily\/\d{4}-\d{2}-\d{2}\.md$/.test(path);

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -3);
}

/** The frontmatter-only record of a note; enough to check that every field reads without an error. */
function recordOf(path: string, text: string): NoteRecord {
  const { data } = matter(text, {});
  return { path, basename: basename(path), frontmatter: data, tags: [], links: [], listItems: [] };
}

describe('generateVault', () => {
  const files = generateVault(opts);

  it('gives the same files for the same seed, and other files for another seed', () => {
    const again = generateVault(opts);
    expect([...again]).toEqual([...files]);
    const other = generateVault({ ...opts, seed: 43 });
    expect([...other]).not.toEqual([...files]);
  });

  it('makes as many person notes and other notes as asked', () => {
    const paths = [...files.keys()];
    expect(paths.filter(isPersonPath)).toHaveLength(opts.people);
    expect(paths.filter((p) => !isPersonPath(p))).toHaveLength(opts.notes);
    expect(files.size).toBe(opts.people + opts.notes);
    for (const [people, notes] of [[0, 0], [1, 1], [5, 0], [0, 7], [40, 2000]] as const) {
      const f = generateVault({ people, notes, seed: 3 });
      const notePaths = [...f.keys()].filter((p) => p.endsWith('.md'));
      expect(notePaths.filter(isPersonPath)).toHaveLength(people);
      expect(notePaths).toHaveLength(people + notes);
    }
  });

  it('(v1.1) makes about a fifth of the other notes meetings or notes with a task that links a person, and an older journal', async () => {
    const { recordFromText } = await import('../../src/cli/read-vault');
    const { PeopleIndex } = await import('../../src/index/people-index');
    const big = generateVault({ people: 500, notes: 4000, seed: 11 });
    expect(JSON.parse(big.get('.obsidian/daily-notes.json')!)).toEqual({ folder: 'Journal', format: 'YYYY/MM/DD' });
    const s = { ...settings, dailyNoteConfig: { folder: 'Journal', format: 'YYYY/MM/DD' } };
    const notes = [...big].filter(([p]) => p.endsWith('.md'));
    const index = new PeopleIndex(s);
    index.rebuild(notes.map(([p, t]) => recordFromText(p, t, s)));
    const ordinary = notes.filter(([p]) => !isPersonPath(p) && !isDaily(p) && !p.startsWith('Journal/') && !p.startsWith('Organisations/'));
    const meetings = ordinary.filter(([p]) => index.interactionDay(p) !== null).length;
    const withTasks = ordinary.filter(([p, t]) => index.interactionDay(p) === null && /- \[ \] .*\[\[/.test(t)).length;
    const share = (meetings + withTasks) / ordinary.length;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.25);
    expect(notes.some(([p]) => /^Journal\/\d{4}\/\d{2}\/\d{2}\.md$/.test(p) && index.interactionDay(p) !== null)).toBe(true);
    expect(index.people().filter((p) => p.followUps.some((f) => f.source !== undefined)).length).toBeGreaterThan(100);
  });

  it('gives every person a unique name', () => {
    const big = generateVault({ people: 5000, notes: 0, seed: 9 });
    const names = [...big.keys()].map((p) => basename(p).toLowerCase());
    expect(new Set(names).size).toBe(5000);
  });

  it('writes person frontmatter that gray-matter reads and the core understands without errors', () => {
    let withKnows = 0;
    for (const [path, text] of files) {
      if (!isPersonPath(path)) continue;
      expect(text.startsWith('---\n')).toBe(true);
      const { data } = matter(text, {});
      expect(typeof data).toBe('object');
      const person = parsePerson(recordOf(path, text), settings);
      expect(person).not.toBeNull();
      expect(person!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      if (person!.knows.length >= 2) withKnows++;
    }
    expect(withKnows).toBe(opts.people);
  });

  it('has realistic field frequencies', () => {
    const big = generateVault({ people: 2000, notes: 0, seed: 5 });
    const people = [...big].map(([path, text]) => parsePerson(recordOf(path, text), settings)!);
    const share = (f: (p: (typeof people)[number]) => boolean): number => people.filter(f).length / people.length;
    expect(share((p) => p.cadence !== null)).toBeGreaterThan(0.5);
    expect(share((p) => p.cadence !== null)).toBeLessThan(0.7);
    expect(share((p) => p.favours.length > 0)).toBeGreaterThan(0.1);
    expect(share((p) => p.favours.length > 0)).toBeLessThan(0.2);
    expect(share((p) => p.followUps.length > 0)).toBeGreaterThan(0.06);
    expect(share((p) => p.followUps.length > 0)).toBeLessThan(0.14);
    expect(share((p) => p.birthday !== null)).toBeGreaterThan(0.25);
    expect(share((p) => p.birthday !== null)).toBeLessThan(0.35);
    expect(share((p) => p.introducedBy !== null)).toBeGreaterThan(0.06);
    expect(share((p) => p.knows.length >= 2 && p.knows.length <= 16)).toBe(1);
    expect(new Set(people.map((p) => p.organisation).filter((o) => o !== null)).size).toBeGreaterThan(200);
  });

  it('dates daily notes back from today, never after it, and keeps other notes free of person markers', () => {
    const daily = [...files.keys()].filter(isDaily).sort();
    expect(daily.length).toBeGreaterThan(0);
    expect(daily[daily.length - 1]).toBe('Daily/2026-11-24.md');
    expect(daily.some((p) => /\[\[[^\]]+\]\]/.test(files.get(p)!))).toBe(true);
    expect(daily.some((p) => /- \[ \] .*\[\[[^\]]+\]\]/.test(files.get(p)!))).toBe(true);
    for (const [path, text] of files) {
      if (isPersonPath(path) || !path.endsWith('.md')) continue;
      expect(text).not.toMatch(/#(person|people)\b/i);
      if (text.startsWith('---\n')) {
        const { data } = matter(text, {});
        expect(String(data.type ?? '').toLowerCase()).not.toBe('person');
        expect(JSON.stringify(data.tags ?? [])).not.toMatch(/person|people/i);
      }
    }
  });

  it('writes ordinary notes of 200 to about 2000 characters', () => {
    const ordinary = [...files].filter(([p]) => !isPersonPath(p) && !isDaily(p) && !p.startsWith('Organisations/'));
    expect(ordinary.length).toBeGreaterThan(0);
    for (const [, text] of ordinary) {
      expect(text.length).toBeGreaterThanOrEqual(200);
      // Up to about 2000 characters, then a meeting's action items.
      expect(text.length).toBeLessThan(2800);
    }
  });
});
