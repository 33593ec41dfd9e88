/** The one layout of a new person note: New person's skeleton and an imported person are the same shape. */
import { describe, expect, it } from 'vitest';
import { recordFromText } from '../../src/cli/read-vault';
import { fillTemplate, newPersonNoteText } from '../../src/core/person-note';
import { parsePerson } from '../../src/core/person';
import { settings } from '../builders';

describe('newPersonNoteText', () => {
  it('without values is only the log heading: no frontmatter of empty keys', () => {
    expect(newPersonNoteText({}, { markAsPerson: false, logHeading: 'Log' })).toBe('## Log\n');
    expect(newPersonNoteText({}, { markAsPerson: true, logHeading: 'Log' })).toBe('---\ntype: person\n---\n\n## Log\n');
  });

  it('writes New person’s organisation, circle and cadence, and nothing else; the note is a person with that cadence', () => {
    const text = newPersonNoteText({ organisation: 'Acme', circle: '15', cadence: '2w' }, { markAsPerson: false, logHeading: 'Log' });
    expect(text).toBe(['---', 'circle: 15', 'cadence: "2w"', 'organisation: Acme', '---', '', '## Log', ''].join('\n'));
    const p = parsePerson(recordFromText('People/Ann.md', text, settings), settings)!;
    expect(p.diagnostics).toEqual([]);
    expect([p.circle, p.cadence, p.organisation]).toEqual([15, 14, 'Acme']);
  });

  it('puts an import’s values in the same layout, each key only when it has a value', () => {
    const text = newPersonNoteText(
      {
        linkedin: 'https://www.linkedin.com/in/zoe', met: '2026-02-08', phone: '+31 6 1234 5678', email: 'zoe@celik.example',
        role: 'Head of Sales: EMEA', organisation: 'Acme, Inc.', birthday: '--04-12', interests: ['sailing', 'yes'], tags: ['Book-club'],
        aliases: ['Zoë'],
      },
      { markAsPerson: true, logHeading: 'Log' },
    );
    expect(text).toBe(
      [
        '---', 'type: person', 'aliases:', '  - Zoë', 'tags:', '  - Book-club',
        'interests:', '  - sailing', '  - "yes"', 'birthday: "--04-12"',
        'organisation: Acme, Inc.', 'role: "Head of Sales: EMEA"', 'email: zoe@celik.example',
        'phone: "+31 6 1234 5678"', 'met: 2026-02-08', 'linkedin: "https://www.linkedin.com/in/zoe"', '---', '', '## Log', '',
      ].join('\n'),
    );
    const p = parsePerson(recordFromText('Zoë Çelik.md', text, { ...settings, peopleFolder: '' }), settings)!;
    expect(p.diagnostics).toEqual([]);
    expect([p.birthday, p.role, p.phone, p.interests, p.tags, p.aliases, p.cadence, p.circle, p.lastContact]).toEqual([
      { month: 4, day: 12, year: null }, 'Head of Sales: EMEA', '+31 6 1234 5678', ['sailing', 'yes'], ['Book-club'], ['Zoë'], null, null, null,
    ]);
  });

  it('has no type line in a vault with a people folder, and uses the log heading of the settings', () => {
    const text = newPersonNoteText({ role: 'CTO' }, { markAsPerson: false, logHeading: 'Interactions' });
    expect(text.startsWith('---\nrole: CTO\n---\n')).toBe(true);
    expect(text.endsWith('---\n\n## Interactions\n')).toBe(true);
  });
});

describe('fillTemplate', () => {
  it('fills {{name}}, {{title}} and {{date}} in any case and spacing, and leaves other placeholders', () => {
    expect(fillTemplate('{{ title }} {{DATE}} {{name}} {{other}}', 'X', '2026-01-01')).toBe('X 2026-01-01 X {{other}}');
  });
});
