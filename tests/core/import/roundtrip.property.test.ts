/**
 * Property: random people → vCard export → import into an empty vault → the same people with the same
 * fields; importing the same file again plans nothing (idempotent). The new notes go through their text
 * and gray-matter, as the command line would read them back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordFromText } from '../../../src/cli/read-vault';
import { newPersonNoteText } from '../../../src/core/import/note-text';
import { parseImportFile } from '../../../src/core/import/parse';
import { planImport, planIsEmpty } from '../../../src/core/import/plan';
import { exportVCards } from '../../../src/core/import/vcard-write';
import { nameKey } from '../../../src/core/import/names';
import { parsePerson } from '../../../src/core/person';
import type { Person } from '../../../src/core/types';
import { person, settings } from '../../builders';

const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéëçßøåñüöÇÉŁŻĞễăşțЖжΩλ中文'];
const PUNCTUATION = [...',;:"\'\\#&()[]{}!?*@+-/|<>%$='];
const letter = fc.constantFrom(...LETTERS);
const word = fc.array(letter, { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
/** A word that may hold anything a user types into a field. */
const anyWord = fc.array(fc.oneof(letter, fc.constantFrom(...PUNCTUATION), fc.constantFrom(...'0123456789')), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
const phrase = (w: fc.Arbitrary<string>) => fc.array(w, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
/** Text a field holds: single spaces, not starting like a link. */
const fieldText = phrase(anyWord).filter((s) => !s.startsWith('[['));
const name = fc.tuple(word, word).map(([a, b]) => `${a} ${b}`);
const tag = fc.tuple(letter, fc.array(fc.constantFrom(...'abcXYZ019_-/ç'), { maxLength: 6 }), letter).map(([a, mid, z]) => a + mid.join('') + z);
const birthday = fc.oneof(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `--${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const phone = fc.array(fc.constantFrom(...'0123456789 -()'), { minLength: 6, maxLength: 14 }).map((cs) => `+${cs.join('').trim() || '0'}`);

const fields = fc.record(
  {
    organisation: fieldText, department: fieldText, role: fieldText, phone, birthday,
    tags: fc.uniqueArray(tag, { maxLength: 3, selector: (t) => t.toLowerCase() }),
    interests: fc.uniqueArray(fieldText, { maxLength: 3, selector: (t) => t.toLowerCase() }),
    emailCase: fc.boolean(), hasEmail: fc.boolean(), hasLinkedin: fc.boolean(),
  },
  { requiredKeys: ['emailCase', 'hasEmail', 'hasLinkedin'] },
);

const people = fc.uniqueArray(fc.tuple(name, fields), { minLength: 1, maxLength: 8, selector: ([n]) => nameKey(n) }).map((rows) =>
  rows.map(([n, f], i) => {
    const { emailCase, hasEmail, hasLinkedin, ...rest } = f;
    return person(n, {
      ...rest,
      ...(hasEmail ? { email: emailCase ? `Person.${i}@Example.ORG` : `person.${i}@example.org` } : {}),
      ...(hasLinkedin ? { linkedin: `https://www.linkedin.com/in/person-${i}` } : {}),
    });
  }),
);

/** What an export carries of a person: the fields the round trip must keep. */
function exported(p: Person) {
  return {
    name: p.name, organisation: p.organisation, department: p.department, role: p.role, email: p.email, phone: p.phone,
    birthday: p.birthday, linkedin: p.linkedin, tags: p.tags, interests: p.interests,
  };
}

/** The import of `text` into a vault holding `vault`, written out as the notes' text and read back. */
function importInto(text: string, vault: Person[]): { plan: ReturnType<typeof planImport>; created: Person[] } {
  const plan = planImport(parseImportFile(text), { people: vault, notePaths: vault.map((p) => p.path), peopleFolder: 'People' });
  const created = plan.create.map((c) => {
    const note = newPersonNoteText({ ...c.fields, aliases: c.aliases }, { markAsPerson: false, logHeading: 'Log' });
    return parsePerson(recordFromText(c.path, note, settings), settings)!;
  });
  return { plan, created };
}

describe('export → import round trip', () => {
  it('gives back the same people with the same fields, and a second import plans nothing', () => {
    fc.assert(
      fc.property(people, (originals) => {
        const { text } = exportVCards(originals);
        const { plan, created } = importInto(text, []);
        expect(plan.skipped).toEqual([]);
        expect(created.flatMap((p) => p.diagnostics)).toEqual([]);
        expect(created.map(exported)).toEqual(originals.map(exported));

        const again = importInto(text, created);
        expect(planIsEmpty(again.plan)).toBe(true);
        expect(again.plan.unchanged).toHaveLength(originals.length);
      }),
      { numRuns: 200 },
    );
  });
});
