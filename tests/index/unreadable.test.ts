/** A note whose file cannot be read is a name the index knows: links to it are not "to no note". */
import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../src/core/types';
import { PeopleIndex } from '../../src/index/people-index';
import { day, personRecord, settings } from '../builders';

const unreadable = (path: string): NoteRecord => ({
  path, basename: path.slice(path.lastIndexOf('/') + 1, -3), frontmatter: null, tags: [], links: [], listItems: [],
  unreadable: 'this note cannot be read (permission denied)',
});

describe('an unreadable note in the index', () => {
  const index = new PeopleIndex(settings);
  index.rebuild([
    personRecord('Anna', { knows: ['[[Kees]]', '[[Nobody]]'], introduced_by: '[[Kees]]' }),
    unreadable('People/Kees.md'),
  ]);

  it('is no person, even in the people folder', () => {
    expect(index.people().map((p) => p.name)).toEqual(['Anna']);
    expect(index.findPerson('Kees')).toBeNull();
  });

  it('makes a link to it say it could not be read, not that no note has that name', () => {
    const messages = index.diagnostics(day('2026-11-24')).map((d) => `${d.field}: ${d.message}`);
    expect(messages).toEqual([
      'knows: links to [[Kees]], a note that could not be read (People/Kees.md)',
      'knows: links to [[Nobody]], but no note has that name',
      'introduced_by: links to [[Kees]], a note that could not be read (People/Kees.md)',
    ]);
  });

  it('becomes a person once it can be read again', () => {
    const again = new PeopleIndex(settings);
    again.rebuild([unreadable('People/Kees.md')]);
    again.set(personRecord('Kees', { circle: 5 }));
    expect(again.people().map((p) => p.name)).toEqual(['Kees']);
  });
});
