/**
 * `ties import` reads the vault people-only (frontmatter and tags of people; no bodies, meetings or tasks). It
 * must find the same people with the same frontmatter fields as the full read, or an import would plan
 * differently from what `ties review` shows.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listNotes } from '../../src/cli/list-notes';
import { readNotes, recordFromText, type ReadOptions } from '../../src/cli/read-vault';
import { DEFAULT_CORE_SETTINGS, type CoreSettings, type Person } from '../../src/core/types';
import { PeopleIndex } from '../../src/index/people-index';
import { DEFAULT_FIXTURES } from './people-only-fixtures';

/** What an import reads of a person. */
function importView(p: Person) {
  const { path, name, aliases, email, phone, linkedin, organisation, department, role, tags, interests, knows, met, birthday } = p;
  return { path, name, aliases, email, phone, linkedin, organisation, department, role, tags, interests, knows, met, birthday };
}

function people(records: Parameters<PeopleIndex['rebuild']>[0], settings: CoreSettings) {
  const index = new PeopleIndex(settings);
  index.rebuild(records);
  return index.people().map(importView);
}

function readBoth(files: Map<string, string>, settings: CoreSettings) {
  const read = (options: ReadOptions) => [...files].map(([path, text]) => recordFromText(path, text, settings, options));
  return { full: people(read({}), settings), peopleOnly: people(read({ peopleOnly: true }), settings) };
}

describe('the people-only read (ties import)', () => {
  for (const vault of ['basic', 'capture', 'v11']) {
    it(`finds the same people with the same fields as the full read: fixture vault ${vault}`, () => {
      const dir = join(__dirname, '../fixtures/vaults', vault);
      const list = listNotes(dir);
      const settings = DEFAULT_CORE_SETTINGS;
      const full = people(readNotes(dir, list.files, settings).records, settings);
      const peopleOnly = people(readNotes(dir, list.files, settings, { peopleOnly: true }).records, settings);
      expect(full.length).toBeGreaterThan(0);
      expect(peopleOnly).toEqual(full);
    });
  }

  it('agrees on notes made to confuse it: tags in code and comments, headings, inline person tags, no people folder', () => {
    for (const settings of [DEFAULT_CORE_SETTINGS, { ...DEFAULT_CORE_SETTINGS, peopleFolder: '' }]) {
      const { full, peopleOnly } = readBoth(DEFAULT_FIXTURES, settings);
      expect(full.length).toBeGreaterThan(3);
      expect(peopleOnly).toEqual(full);
    }
  });
});
