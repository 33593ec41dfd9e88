/** The plan: what an import creates, fills, reports as a conflict and skips, with the reasons. */
import { describe, expect, it } from 'vitest';
import { recordFromText } from '../../../src/cli/read-vault';
import { newPersonNoteText } from '../../../src/core/import/note-text';
import { parsePerson } from '../../../src/core/person';
import { parseImportFile } from '../../../src/core/import/parse';
import { planImport, planIsEmpty, type VaultView } from '../../../src/core/import/plan';
import type { Person } from '../../../src/core/types';
import { person, record, settings } from '../../builders';
import { fixture, planTable } from './helpers';

function vault(people: Person[], others: string[] = [], peopleFolder = 'People'): VaultView {
  return { people, notePaths: [...people.map((p) => p.path), ...others], peopleFolder };
}

const LINKEDIN_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describe('planImport', () => {
  it('LinkedIn against a vault: match by URL, e-mail and name (accents, aliases), fill, conflicts, skips, safe names', () => {
    const people = [
      person('Anna Jansen', { linkedin: 'https://www.linkedin.com/in/Anna-Jansen', role: 'Finance director' }),
      person('Zoe Celik', { email: 'ZOE@celik.example', organisation: '[[Acme, Inc.]]' }),
      person('Juergen', { aliases: ['Jürgen  Groß'], met: '2024-03-15' }),
    ];
    const plan = planImport(fixture('linkedin-connections.csv'), vault(people, ['Notes/Nguyễn Văn An.md']));
    expect(planTable(plan)).toEqual([
      'create People/Nguyễn Văn An 2.md | rows 7 | organisation=Viettel; role=CTO; email=an@example.vn; met=2025-12-01; linkedin=https://www.linkedin.com/in/nguyen-van-an | aliases Nguyễn Văn An',
      'create People/Jan the boss de Vries.md | rows 10 | organisation=De Vries & Zn; role=Owner; email=jan@devries.example; met=2023-06-20; linkedin=https://www.linkedin.com/in/jdevries',
      'fill People/Zoe Celik.md | by email | rows 5 | role=Head of Sales, EMEA; met=2026-02-08; linkedin=https://www.linkedin.com/in/zoe-celik',
      'fill People/Juergen.md | by name | rows 6 | organisation=Bosch; role=Engineer; linkedin=https://www.linkedin.com/in/juergen-gross',
      'fill People/Anna Jansen.md | by linkedin | rows 8 | organisation=Acme',
      'conflict People/Anna Jansen.md | role | note "Finance director" | file "CFO"',
      'skip row 9 | the row has no name, only an organisation ("Stealth")',
    ]);
    expect(plan.create.map((c) => c.why)).toEqual([
      ['a note named "Nguyễn Văn An" that is not a person exists; the new note is "Nguyễn Văn An 2", with "Nguyễn Văn An" as an alias'],
      ['"Jan: "the boss" de Vries" holds characters a note name cannot; the note is named "Jan the boss de Vries"'],
    ]);
    expect(plan.format).toBe('linkedin');
    expect(plan.rows).toBe(6);
  });

  it('an empty vault without a people folder: every row a new note at the top of the vault', () => {
    const plan = planImport(fixture('linkedin-old.csv'), vault([], [], ''));
    expect(planTable(plan)).toEqual([
      'create Piet Pietersen.md | rows 5 | organisation=Gemeente Utrecht; role=Beleidsmedewerker; email=piet@example.nl; met=2019-04-03',
      'create Zoë Çelik.md | rows 6 | organisation=Acme, Inc.; role=Sales; email=ZOE@celik.example; met=2026-02-08',
    ]);
  });

  it('rows for one person merge (same URL, e-mail or name): the first value wins, the other is a warning', () => {
    const csv = [
      LINKEDIN_HEADER,
      'Zoë,Çelik,https://www.linkedin.com/in/zoe,,Acme,CTO,08 Feb 2026',
      'ZOE,CELIK,,zoe@x.example,,CEO,',
      'Zoe,C.,,ZOE@X.example,,,',
      'Piet,Jansen,https://linkedin.com/in/zoe/,,,,',
    ].join('\n');
    const plan = planImport(parseImportFile(csv), vault([]));
    expect(planTable(plan)).toEqual([
      'create People/Zoë Çelik.md | rows 2,3,4,5 | organisation=Acme; role=CTO; email=zoe@x.example; met=2026-02-08; linkedin=https://www.linkedin.com/in/zoe',
    ]);
    expect(plan.warnings).toEqual([
      { row: 3, field: 'role', message: 'this row is the same person as row 2, whose role "CTO" is used; "CEO" is not' },
      { row: 4, field: 'name', message: 'this row is the same person as row 2 (the same LinkedIn URL or e-mail address), whose name "Zoë Çelik" is used; "Zoe C." is not' },
      { row: 5, field: 'name', message: 'this row is the same person as row 2 (the same LinkedIn URL or e-mail address), whose name "Zoë Çelik" is used; "Piet Jansen" is not' },
    ]);
  });

  it('a name that matches two notes is skipped: which one is meant is unclear', () => {
    const people = [person('Jan Smit'), { ...person('Jan Smit'), path: 'People/Work/Jan Smit.md' }];
    const plan = planImport(parseImportFile(`${LINKEDIN_HEADER}\nJan,Smit,,,Acme,,`), vault(people));
    expect(planTable(plan)).toEqual([
      'skip row 2 | "Jan Smit" matches 2 notes by name (People/Jan Smit.md, People/Work/Jan Smit.md); which one is meant is unclear, so it was not imported',
    ]);
  });

  it('a value the note writes but Ties cannot read is a conflict, never filled', () => {
    const people = [person('Jan Smit', { met: 'last summer', birthday: '--04-12' })];
    const plan = planImport(parseImportFile(`${LINKEDIN_HEADER}\nJan,Smit,,,,,08 Feb 2026`), vault(people));
    expect(planTable(plan)).toEqual(['conflict People/Jan Smit.md | met | note "a value Ties cannot read" | file "2026-02-08"']);
  });

  it('same values in another spelling are no conflict: e-mail case, phone punctuation, URL form, a known year', () => {
    const people = [
      person('Anna Jansen', {
        email: 'Anna@Acme.example, anna@home.example', phone: '+31 6 2222 3333', linkedin: 'linkedin.com/in/anna-jansen',
        birthday: '1980-04-12', tags: ['colleague'],
      }),
    ];
    const plan = planImport(fixture('contacts-40.vcf'), vault(people));
    expect(planTable(plan)).toEqual([
      'create People/Bram Bakker.md | rows 2 | birthday=1980-01-15; organisation=Acme; department=Finance',
      'fill People/Anna Jansen.md | by linkedin | rows 1 | interests=[spouse: Kees]; knows=[[[Bram Bakker]]]',
    ]);
  });

  it('related people: a knows link to someone in the file or the vault, else an interest', () => {
    const plan = planImport(fixture('contacts-30.vcf'), vault([person('Milan')]));
    expect(plan.create[0]!.fields.knows).toEqual(['[[Milan]]']);
    const alone = planImport(fixture('contacts-30.vcf'), vault([]));
    expect(alone.create[0]!.fields.knows).toBeUndefined();
    expect(alone.create[0]!.fields.interests).toEqual(['Met at the Web Summit', 'Loves sailing, chess and long walks along the river', 'child: Milan']);
  });

  it('a name that is only punctuation is skipped; a long name is cut to 200 characters', () => {
    const long = 'Maximiliaan'.repeat(30);
    const plan = planImport(parseImportFile(`${LINKEDIN_HEADER}\n"?!",***,,,,,\n${long},X,,,,,`), vault([]));
    expect(plan.skipped).toEqual([{ row: 2, why: 'the name "?! ***" has no letters or digits to name a note with' }]);
    expect(Array.from(plan.create[0]!.name)).toHaveLength(200);
    expect(plan.create[0]!.why[0]).toMatch(/^the name is longer than 200 characters/);
  });

  it('a second import finds the notes the first one named differently (a taken name, characters a name cannot hold)', () => {
    const file = fixture('linkedin-connections.csv');
    const first = planImport(file, vault([], ['Notes/Nguyễn Văn An.md']));
    const created = first.create.map((c) =>
      parsePerson(recordFromText(c.path, newPersonNoteText({ ...c.fields, aliases: c.aliases }, { markAsPerson: false, logHeading: 'Log' }), settings), settings)!,
    );
    const second = planImport(file, vault(created, ['Notes/Nguyễn Văn An.md']));
    expect(planIsEmpty(second)).toBe(true);
    expect(second.unchanged.map((u) => u.path)).toContain('People/Nguyễn Văn An 2.md');
    expect(second.unchanged.map((u) => u.path)).toContain('People/Jan the boss de Vries.md');
  });

  it('an archived person still matches; the plan of a file already imported is empty', () => {
    const p = parsePerson(record('People/Piet Pietersen.md', {
      archived: true, email: 'piet@example.nl', organisation: 'Gemeente Utrecht', role: 'Beleidsmedewerker', met: '2019-04-03',
    }), settings)!;
    const plan = planImport(fixture('linkedin-old.csv'), vault([p, person('Zoë Çelik', { email: 'zoe@celik.example', organisation: 'Acme, Inc.', role: 'Sales', met: new Date('2026-02-08') })]));
    expect(planIsEmpty(plan)).toBe(true);
    expect(planTable(plan)).toEqual(['same People/Piet Pietersen.md | rows 5', 'same People/Zoë Çelik.md | rows 6']);
  });
});
