import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../src/core/types';
import { PeopleIndex, type IndexChange } from '../../src/index/people-index';
import { dailyNote, day, personRecord, record, settings } from '../builders';

const T = day('2026-11-24');

function indexOf(...records: NoteRecord[]): PeopleIndex {
  const index = new PeopleIndex(settings);
  index.rebuild(records);
  return index;
}

describe('PeopleIndex', () => {
  it('indexes people and ignores other notes', () => {
    const index = indexOf(personRecord('Jan'), record('Projects/X.md', { status: 'open' }), record('Notes/Ana.md', { type: 'person' }));
    expect(index.people().map((p) => p.path)).toEqual(['Notes/Ana.md', 'People/Jan.md']);
    expect(index.size).toEqual({ notes: 3, people: 2 });
  });

  it('counts daily-note mentions as contacts, but not links only inside unchecked tasks', () => {
    const index = indexOf(personRecord('Jan'), personRecord('Ana'), dailyNote('2026-11-20', ['Jan']), dailyNote('2026-11-21', [], ['Ana']));
    expect(index.person('People/Jan.md')!.mentions).toEqual([day('2026-11-20')]);
    expect(index.person('People/Ana.md')!.mentions).toEqual([]);
  });

  it('resolves mentions by alias and by path, and not when daily notes are off', () => {
    const recs = [personRecord('Jan de Vries', { aliases: ['Jan'] }), dailyNote('2026-11-20', ['Jan']), dailyNote('2026-11-21', ['People/Jan de Vries'])];
    expect(indexOf(...recs).person('People/Jan de Vries.md')!.mentions).toEqual([day('2026-11-20'), day('2026-11-21')]);
    const off = new PeopleIndex({ ...settings, dailyNotes: false });
    off.rebuild(recs);
    expect(off.person('People/Jan de Vries.md')!.mentions).toEqual([]);
  });

  it('resolves links like Obsidian: path, basename in the same folder first, then the shortest path', () => {
    const index = indexOf(record('People/A/Jan.md', null), record('People/B/Jan.md', null), record('People/Jan.md', null), record('Other/Jan.md', {}));
    expect(index.resolve('Jan', 'People/A/Piet.md')).toBe('People/A/Jan.md');
    expect(index.resolve('Jan', 'Elsewhere/x.md')).toBe('Other/Jan.md'); // shortest path; alphabetical after that
    expect(index.resolve('B/Jan', 'x.md')).toBe('People/B/Jan.md');
    expect(index.resolvePerson('Jan', 'Elsewhere/x.md')).toBeNull(); // Other/Jan.md is not a person
    expect(index.resolve('Nobody', 'x.md')).toBeNull();
  });

  it('warns about links to missing notes, to the note itself, to non-person notes, and about twin names', () => {
    const index = indexOf(
      personRecord('Jan', { knows: ['[[Ghost]]', '[[Jan]]', '[[Acme]]', '[[Ana]]'], introduced_by: '[[Nobody]]' }),
      personRecord('Ana'),
      record('Orgs/Acme.md', {}),
      record('People/Old/Ana.md', null),
    );
    const msgs = index.diagnostics(T).map((d) => `${d.path}|${d.field}|${d.message}`);
    expect(msgs).toEqual([
      'People/Ana.md|name|another person note has the same name (People/Old/Ana.md); links by name alone may reach the wrong one',
      'People/Jan.md|knows|links to [[Ghost]], but no note has that name',
      'People/Jan.md|knows|links to this note itself',
      'People/Jan.md|knows|links to [[Acme]], which is not a person note',
      'People/Jan.md|introduced_by|links to [[Nobody]], but no note has that name',
      'People/Old/Ana.md|name|another person note has the same name (People/Ana.md); links by name alone may reach the wrong one',
    ]);
  });

  it('gives one short warning per note for a name many notes share: the output grows linearly', () => {
    const sizeFor = (n: number) => {
      const recs = Array.from({ length: n }, (_, i) => record(`People/${String(i).padStart(5, '0')}/Jan.md`, null));
      const diagnostics = indexOf(...recs).diagnostics(T);
      expect(diagnostics).toHaveLength(n);
      return JSON.stringify(diagnostics).length;
    };
    const small = sizeFor(1_000);
    const large = sizeFor(6_000);
    // Six times the notes, about six times the output (the count grows by a digit); never the square.
    expect(large / small).toBeLessThan(6.5);
    const one = indexOf(record('People/A/Jan.md', null), record('People/B/Jan.md', null), record('People/C/Jan.md', null), record('People/D/Jan.md', null));
    expect(one.diagnostics(T).map((d) => d.message)[0]).toBe(
      '3 other person notes have the same name (People/B/Jan.md, People/C/Jan.md and 1 more); links by name alone may reach the wrong one',
    );
  });

  it('warns every person who shares an alias with another', () => {
    const index = indexOf(
      personRecord('Jan de Vries', { aliases: ['JdV', 'Jan'] }),
      personRecord('Jan Dekker', { aliases: ['jan'] }),
      personRecord('Piet', { aliases: ['P'] }),
    );
    expect(index.diagnostics(T).map((d) => `${d.path}|${d.field}|${d.message}`)).toEqual([
      'People/Jan Dekker.md|aliases|another person also has the alias "jan" (People/Jan de Vries.md); links by that alias may reach the wrong one',
      'People/Jan de Vries.md|aliases|another person also has the alias "Jan" (People/Jan Dekker.md); links by that alias may reach the wrong one',
    ]);
  });

  it('adds warnings for contacts dated after today', () => {
    const index = indexOf(personRecord('Jan', { last_contact: '2026-12-01' }, { log: ['2026-12-24 call: x'] }));
    expect(index.diagnostics(T).map((d) => [d.severity, d.field])).toEqual([['warning', 'last_contact'], ['warning', 'log']]);
  });

  it('follows updates, renames and deletes, with a revision and a change event each', () => {
    const index = indexOf(personRecord('Jan', { circle: 5 }), dailyNote('2026-11-20', ['Jan']));
    const events: IndexChange[] = [];
    const off = index.onChange((e) => events.push(e));
    index.set(personRecord('Jan', { circle: 15 }));
    expect(index.person('People/Jan.md')!.circle).toBe(15);
    index.rename('People/Jan.md', personRecord('Jan Smit', { circle: 15 }));
    expect(index.person('People/Jan Smit.md')!.mentions).toEqual([]); // the daily note still links [[Jan]]
    index.set(dailyNote('2026-11-20', ['Jan Smit']));
    expect(index.person('People/Jan Smit.md')!.mentions).toEqual([day('2026-11-20')]);
    index.remove('People/Jan Smit.md');
    index.set(record('Projects/X.md', {}));
    off();
    index.remove('Projects/X.md');
    expect(index.people()).toEqual([]);
    expect(events.map((e) => [e.type, e.people, e.revision])).toEqual([
      ['update', true, 2], ['rename', true, 3], ['update', true, 4], ['remove', true, 5], ['update', false, 6],
    ]);
    expect(index.revision).toBe(7);
  });

  it('finds a person by name, alias or path', () => {
    const index = indexOf(personRecord('Jan de Vries', { aliases: ['JdV'] }));
    for (const q of ['Jan de Vries', 'jan de vries', 'JdV', 'People/Jan de Vries.md', 'People/Jan de Vries'])
      expect(index.findPerson(q)).toBe('People/Jan de Vries.md');
    expect(index.findPerson('Piet')).toBeNull();
  });
});
