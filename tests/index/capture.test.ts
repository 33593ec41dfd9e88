/** The index's v1.1 capture: contacts from interaction notes, follow-ups from tasks, and only the people touched recomputed. */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates';
import type { CoreSettings, NoteLink, NoteRecord } from '../../src/core/types';
import { PeopleIndex } from '../../src/index/people-index';
import { day, personRecord, record, settings } from '../builders';

const T = day('2026-11-24');

function indexOf(records: NoteRecord[], s: CoreSettings = settings, derived?: (path: string) => void): PeopleIndex {
  const index = new PeopleIndex(s, derived ? { derived } : {});
  index.rebuild(records);
  return index;
}

const link = (target: string, line: number, task: string | null = null): NoteLink => ({ target, line, task });
const days = (ds: readonly number[]) => ds.map(formatDay);

/** A note with open tasks (task: ' ') on lines 0…, each linking the names given. */
function taskNote(path: string, tasks: { text: string; links: string[] }[], fm: Record<string, unknown> | null = null): NoteRecord {
  return record(path, fm, {
    links: tasks.flatMap((t, line) => t.links.map((target) => link(target, line, ' '))),
    listItems: tasks.map((t, line) => ({ line, text: t.text, heading: null, task: ' ' })),
  });
}

describe('contacts from interaction notes (format v1.1)', () => {
  const people = [personRecord('Kees'), personRecord('Jan', { aliases: ['Jantje'] }), personRecord('Ana'), record('Orgs/Acme.md', {})];

  it('each of the four rules gives a contact on its day to everyone the note names', () => {
    const s = { ...settings, dailyNoteConfig: { folder: 'Journal', format: 'YYYY/MM/DD' } };
    const index = indexOf([
      ...people,
      record('Daily/2026-11-01.md', null, { links: [link('Kees', 1)] }),
      record('Meetings/2026-11-02 Sync.md', null, { links: [link('Kees', 3)] }),
      record('Journal/2026/11/03.md', null, { links: [link('Kees', 0)] }),
      record('Notes/Board.md', { date: '2026-11-04', attendees: ['[[Kees]]', 'Jantje'] }),
    ], s);
    expect(days(index.person('People/Kees.md')!.mentions)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04']);
    expect(days(index.person('People/Jan.md')!.mentions)).toEqual(['2026-11-04']);
    expect(index.interactionDay('Notes/Board.md')).toBe(day('2026-11-04'));
  });

  it('one contact per person per note, whatever the names; none for links only in open tasks; all off with the setting', () => {
    const recs = [
      ...people,
      record('Meetings/2026-11-10 Retro.md', { attendees: ['Jan'] }, { links: [link('Jantje', 2), link('People/Jan', 4), link('Ana', 5, ' ')] }),
    ];
    expect(days(indexOf(recs).person('People/Jan.md')!.mentions)).toEqual(['2026-11-10']);
    expect(indexOf(recs).person('People/Ana.md')!.mentions).toEqual([]);
    expect(indexOf(recs, { ...settings, dailyNotes: false }).person('People/Jan.md')!.mentions).toEqual([]);
  });

  it('days after today are no contact yet, and no warning', () => {
    const index = indexOf([...people, record('Meetings/2026-12-01 Plan.md', null, { links: [link('Ana', 0)] })]);
    expect(days(index.person('People/Ana.md')!.mentions)).toEqual(['2026-12-01']);
    expect(index.diagnostics(T)).toEqual([]);
  });

  it('a person note is never an interaction note', () => {
    const index = indexOf([...people, record('People/2026-11-05 Kees jr.md', { attendees: ['Kees'] }, { links: [link('Kees', 1)] })]);
    expect(index.person('People/Kees.md')!.mentions).toEqual([]);
  });

  it('attendees linking a note that is not a person: a warning under the meeting note; no note at all: no warning', () => {
    const index = indexOf([...people, record('Notes/Board.md', { date: '2026-11-04', attendees: ['[[Acme]]', 'Guest', '[[Kees]]'] })]);
    expect(index.diagnostics(T)).toEqual([
      { path: 'Notes/Board.md', severity: 'warning', field: 'attendees', message: '[[Acme]] is not a person note; it does not count as a contact' },
    ]);
    expect(days(index.person('People/Kees.md')!.mentions)).toEqual(['2026-11-04']);
  });

  it('a meeting with a date that is no date: its warning, and the rest of the vault read', () => {
    const index = indexOf([...people, record('Notes/Board.md', { date: 'soon', attendees: ['Kees'] }), record('Daily/2026-11-01.md', null, { links: [link('Kees', 0)] })]);
    expect(index.diagnostics(T).map((d) => `${d.path} ${d.field}`)).toEqual(['Notes/Board.md date']);
    expect(days(index.person('People/Kees.md')!.mentions)).toEqual(['2026-11-01']);
  });

  it('vault diagnostics (the daily-notes settings) come first', () => {
    const index = indexOf(people);
    index.setVaultDiagnostics([{ path: 'cfg/daily-notes.json', severity: 'warning', field: 'file', message: 'x' }]);
    expect(index.diagnostics(T).map((d) => d.path)).toEqual(['cfg/daily-notes.json']);
  });
});

describe('follow-ups from tasks (format v1.1)', () => {
  it('an open task linking a person, in any note, is their follow-up, with where it lives; a task linking two is both', () => {
    const index = indexOf([
      personRecord('Kees'), personRecord('Jan'),
      taskNote('Meetings/2026-11-20 Sync.md', [{ text: 'ask [[Kees]] how the exam went 📅 2026-12-03', links: ['Kees'] }, { text: 'introduce [[Kees]] to [[Jan]]', links: ['Kees', 'Jan'] }]),
      taskNote('Notes/Ideas.md', [{ text: 'lunch with [[Acme]]', links: ['Acme'] }]),
    ]);
    expect(index.person('People/Kees.md')!.followUps).toEqual([
      { day: day('2026-12-03'), text: 'ask [[Kees]] how the exam went', raw: 'ask [[Kees]] how the exam went 📅 2026-12-03', source: 'Meetings/2026-11-20 Sync.md', line: 0 },
      { day: null, text: 'introduce [[Kees]] to [[Jan]]', raw: 'introduce [[Kees]] to [[Jan]]', source: 'Meetings/2026-11-20 Sync.md', line: 1 },
    ]);
    expect(index.person('People/Jan.md')!.followUps.map((f) => f.line)).toEqual([1]);
  });

  it("a task in the person's own note outside the log is theirs; in the log it is a plan unless it links them", () => {
    const jan = record('People/Jan.md', {}, {
      links: [link('Jan', 2, ' ')],
      listItems: [
        { line: 0, text: 'send the slides 📅 2026-11-20', heading: 'Todo', task: ' ' },
        { line: 1, text: '2026-12-01 call', heading: 'Log', task: ' ' },
        { line: 2, text: 'ping [[Jan]]', heading: 'Log', task: ' ' },
        { line: 3, text: 'sent', heading: 'Todo', task: 'x' },
      ],
    });
    const index = indexOf([jan]);
    expect(index.person('People/Jan.md')!.followUps.map((f) => [f.line, f.text])).toEqual([[0, 'send the slides'], [2, 'ping [[Jan]]']]);
  });

  it('is off with the setting; undated tasks never make an attention item', async () => {
    const recs = [personRecord('Kees'), taskNote('Notes/x.md', [{ text: 'ask [[Kees]]', links: ['Kees'] }])];
    expect(indexOf(recs, { ...settings, tasks: false }).person('People/Kees.md')!.followUps).toEqual([]);
    const { rank } = await import('../../src/core/attention');
    expect(rank(indexOf(recs).people(), T, settings)).toEqual([]);
  });

  it('a task with two due dates that is a follow-up: a warning under its note', () => {
    const index = indexOf([personRecord('Kees'), taskNote('Notes/x.md', [{ text: 'ask [[Kees]] 📅 2026-12-01 📅 2026-12-02', links: ['Kees'] }, { text: 'ask [[Nobody]] 📅 2026-12-01 📅 2026-12-02', links: ['Nobody'] }])]);
    expect(index.diagnostics(T)).toEqual([
      { path: 'Notes/x.md', severity: 'warning', field: 'tasks', message: 'task on line 1: two due dates (2026-12-01 and 2026-12-02); the first one is used' },
    ]);
  });
});

describe('one change recomputes only the people it touches', () => {
  it('a meeting note changes: only the people it named before and after are worked out again', () => {
    const names = Array.from({ length: 200 }, (_, i) => `P${i}`);
    const derived: string[] = [];
    const meeting = (attendees: string[], linked: string[], tasks: string[]) =>
      record('Meetings/2026-11-20 Sync.md', { attendees }, {
        links: [...linked.map((t, i) => link(t, 10 + i)), ...tasks.map((t, i) => link(t, 50 + i, ' '))],
        listItems: tasks.map((t, i) => ({ line: 50 + i, text: `ask [[${t}]]`, heading: null, task: ' ' })),
      });
    const index = indexOf([...names.map((n) => personRecord(n)), meeting(['P1', 'P2'], ['P3'], ['P4'])], settings, (p) => derived.push(p));
    index.people();
    expect(derived).toHaveLength(200);
    derived.length = 0;
    index.set(meeting(['P2', 'P5'], ['P3'], ['P6']));
    index.people();
    expect(derived.sort()).toEqual(['People/P1.md', 'People/P2.md', 'People/P3.md', 'People/P4.md', 'People/P5.md', 'People/P6.md']);
    derived.length = 0;
    index.people();
    expect(derived).toEqual([]);
  });

  it('a person edited in place is the only one worked out again; a new person note, the people sharing its name', () => {
    const derived: string[] = [];
    const index = indexOf([personRecord('Jan'), personRecord('Ana'), personRecord('Bo')], settings, (p) => derived.push(p));
    index.people();
    derived.length = 0;
    index.set(personRecord('Ana', { cadence: '2w' }));
    index.people();
    expect(derived).toEqual(['People/Ana.md']);
  });
});
