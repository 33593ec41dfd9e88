import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates';
import { dayByPath, readAttendees, readInteraction } from '../../src/core/interaction';
import type { CoreSettings, NoteLink } from '../../src/core/types';
import { record, settings } from '../builders';

const withConfig: CoreSettings = { ...settings, dailyNoteConfig: { folder: 'Journal', format: 'YYYY/MM/DD' } };

function read(path: string, fm: Record<string, unknown> | null, links: NoteLink[] = [], s: CoreSettings = settings, tags: string[] = []) {
  const r = readInteraction(record(path, fm, { links, tags }), s);
  return { day: r.interaction ? formatDay(r.interaction.day) : null, rule: r.interaction?.rule ?? null, targets: r.interaction?.targets ?? [], diagnostics: r.diagnostics };
}

const link = (target: string, line: number, task: string | null = null): NoteLink => ({ target, line, task });

describe('interaction notes: the four rules (format v1.1)', () => {
  it('1: a basename that is a date, in any folder', () => {
    expect(read('Anywhere/2026-11-20.md', null)).toMatchObject({ day: '2026-11-20', rule: 1 });
  });

  it('2: a basename that begins with a date and a space, _, - or · before more text', () => {
    for (const name of ['2026-11-20 Sync with Kees', '2026-11-20_retro', '2026-11-20-notes', '2026-11-20·call'])
      expect(read(`Meetings/${name}.md`, null), name).toMatchObject({ day: '2026-11-20', rule: 2 });
    for (const name of ['2026-11-20x', '2026-11-20 ', '2026-11-20T10:00 sync', '2026-02-30 Sync', 'Sync 2026-11-20', '20261120 sync'])
      expect(read(`Meetings/${name}.md`, null).day, name).toBeNull();
  });

  it("3: the vault's daily-notes folder and format", () => {
    expect(read('Journal/2026/11/20.md', null, [], withConfig)).toMatchObject({ day: '2026-11-20', rule: 3 });
    expect(read('Journal/2026/11/20.md', null).day).toBeNull();
    expect(dayByPath('Elsewhere/2026/11/20.md', '20', withConfig)).toBeNull();
  });

  it('4: a date key with a day, and attendees or a meeting type or tag', () => {
    expect(read('Notes/Sync.md', { date: '2026-11-20', attendees: ['[[Kees]]'] })).toMatchObject({ day: '2026-11-20', rule: 4, targets: ['Kees'] });
    expect(read('Notes/Sync.md', { Date: '2026-11-20T09:30:00+01:00', Participants: 'Kees' })).toMatchObject({ day: '2026-11-20' });
    expect(read('Notes/Sync.md', { date: '2026-11-20', type: 'Meeting' })).toMatchObject({ day: '2026-11-20' });
    expect(read('Notes/Sync.md', { date: '2026-11-20', tags: ['meeting/1on1'] })).toMatchObject({ day: '2026-11-20' });
    expect(read('Notes/Sync.md', { date: '2026-11-20' }, [], settings, ['meeting'])).toMatchObject({ day: '2026-11-20' });
    // A date alone is no meeting: a book note's publication date.
    expect(read('Books/Dune.md', { date: '1965-08-01', author: 'Herbert' }).day).toBeNull();
    expect(read('Notes/Sync.md', { date: '2026-11-20', attendees: [] }).day).toBeNull();
    // The settings name the keys and types.
    const custom = { ...settings, dateKeys: ['held_on'], attendeeKeys: ['guests'], meetingTypes: ['call'] };
    expect(read('Notes/Sync.md', { heldOn: '2026-11-20', guests: ['Kees'] }, [], custom).day).toBe('2026-11-20');
    expect(read('Notes/Sync.md', { 'held-on': '2026-11-20', type: 'call' }, [], custom).day).toBe('2026-11-20');
    expect(read('Notes/Sync.md', { date: '2026-11-20', attendees: ['Kees'] }, [], custom).day).toBeNull();
  });

  it('the first rule that applies gives the day', () => {
    expect(read('Meetings/2026-11-20 Sync.md', { date: '2026-11-21', attendees: ['Kees'] })).toMatchObject({ day: '2026-11-20', rule: 2, targets: ['Kees'] });
  });

  it('counts attendees first, then body links not only inside open tasks, each name once', () => {
    const links = [link('Jan', 5), link('kees', 6), link('Piet', 7, ' '), link('Ana', 8, 'x'), link('Jan', 9)];
    expect(read('Meetings/2026-11-20 Sync.md', { with: ['[[Kees]]', 'Bo'] }, links).targets).toEqual(['Kees', 'Bo', 'Jan', 'Ana']);
  });
});

describe('attendees as people write them', () => {
  const names = (value: unknown) => readAttendees(record('M.md', { attendees: value }), settings);
  it('links, plain names, one text with several, YAML lists of links, maps of one key', () => {
    expect(names(['[[Kees]]', 'Jan', '[[People/Ana|Ana B]]']).names).toEqual(['Kees', 'Jan', 'People/Ana']);
    expect(names('[[Kees]], [[Jan]]').names).toEqual(['Kees', 'Jan']);
    expect(names('Kees, Jan; Ana').names).toEqual(['Kees', 'Jan', 'Ana']);
    expect(names([['Kees'], ['Jan']]).names).toEqual(['Kees', 'Jan']);
    expect(names([{ Kees: 'host' }, 'Jan']).names).toEqual(['Kees', 'Jan']);
    expect(names('[Kees](People/Kees.md)').names).toEqual(['People/Kees']);
    expect(names(null)).toEqual({ names: [], diagnostics: [] });
  });

  it('a map of names: its keys, with a warning; other values: a warning, and the rest is read', () => {
    const map = names({ Kees: 'host', Jan: null });
    expect(map.names).toEqual(['Kees', 'Jan']);
    expect(map.diagnostics).toEqual([{ path: 'M.md', severity: 'warning', field: 'attendees', message: expect.stringContaining('found a set of keys; its keys are read as the names ("Kees", "Jan")') }]);
    const mixed = names([true, 'Kees', [1, 2]]);
    expect(mixed.names).toEqual(['Kees']);
    expect(mixed.diagnostics.map((d) => d.message)).toEqual([
      'expected names or links, found a boolean in the list; it is skipped',
      'expected names or links, found a list in the list; it is skipped',
    ]);
    expect(names(true).diagnostics[0]!.message).toBe('expected a list of names or links, found "true"');
  });

  it('2,000 attendees: every one counts', () => {
    const many = Array.from({ length: 2000 }, (_, i) => `Person ${i}`);
    const r = read('Notes/All hands.md', { date: '2026-11-20', attendees: many });
    expect(r.targets).toHaveLength(2000);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('bad input in meeting notes', () => {
  it('a date that is no date: a warning, and the note is no meeting', () => {
    for (const value of ['next tuesday', '2026-02-30', 1984, ['2026-11-20']]) {
      const r = read('Notes/Sync.md', { date: value, attendees: ['Kees'] });
      expect(r.day, String(value)).toBeNull();
      expect(r.diagnostics, String(value)).toEqual([
        { path: 'Notes/Sync.md', severity: 'warning', field: 'date', message: expect.stringMatching(/^expected the meeting's day as YYYY-MM-DD, found .*; the note does not count as a meeting$/) },
      ]);
    }
  });

  it('no diagnostics for notes that would not be meetings anyway', () => {
    expect(read('Books/Dune.md', { date: 'summer 1965' }).diagnostics).toEqual([]);
    expect(read('Notes/x.md', { with: { a: 1 } }).diagnostics).toEqual([]);
  });
});
