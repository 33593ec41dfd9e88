/** New notes and filled frontmatter as text: YAML that reads back as written, and not a byte more changed. */
import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { recordFromText } from '../../../src/cli/read-vault';
import { fillFrontmatter, newPersonNoteText } from '../../../src/core/import/note-text';
import { yamlString } from '../../../src/core/import/yaml-text';
import { parsePerson } from '../../../src/core/person';
import { settings } from '../../builders';

/** The frontmatter as both YAML readers see it: gray-matter (js-yaml, YAML 1.1, the CLI) and yaml (1.2). */
function readBoth(text: string): [Record<string, unknown>, Record<string, unknown>] {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text.replace(/^\uFEFF/, ''))![1]!;
  return [matter(text, {}).data, parseYaml(block) as Record<string, unknown>];
}

const TRICKY = [
  'Acme: the company', 'C# developers', 'say "hi"', "O'Brien & Zn", '- not a list', '[not, a list]', '{not: a map}',
  'yes', 'No', 'on', 'null', '~', '+31 6 1234 5678', '0612345678', '1e3', '0x1F', '12:30', 'Zoë Çelik', 'Nguyễn Văn An',
  '  padded  ', 'tab\there', 'line\nbreak', '\u001b[31mred', '@handle', '*star', '&anchor', '!tag', '|pipe', '>fold', '%percent',
  '`tick`', 'trailing:', 'a #b', '#start', '\u202eevil', 'emoji 🚀',
];

describe('yamlString', () => {
  it.each(TRICKY)('%j reads back as the same text in both YAML readers', (value) => {
    const text = `---\nrole: ${yamlString(value)}\n---\n`;
    for (const data of readBoth(text)) expect(data.role).toBe(value);
  });

  it('writes ordinary names, organisations and e-mail addresses plain', () => {
    expect(['Zoë Çelik', 'Acme, Inc.', "O'Brien", 'jan@devries.example', 'Head of Sales (EMEA)'].map(yamlString)).toEqual([
      'Zoë Çelik', 'Acme, Inc.', "O'Brien", 'jan@devries.example', 'Head of Sales (EMEA)',
    ]);
    expect(['yes', '+31 6', '0612', 'https://x.example/a'].map(yamlString)).toEqual(['"yes"', '"+31 6"', '"0612"', '"https://x.example/a"']);
  });

  it('any text reads back as itself (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const text = `---\nrole: ${yamlString(value)}\n---\n`;
        for (const data of readBoth(text)) expect(data.role).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});

describe('newPersonNoteText', () => {
  it('writes only keys with values, in the format order, then the log heading (the New person layout)', () => {
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
        '---', 'type: person', 'aliases:', '  - Zoë', 'tags:', '  - Book-club', 'interests:', '  - sailing', '  - "yes"',
        'birthday: "--04-12"', 'organisation: Acme, Inc.', 'role: "Head of Sales: EMEA"', 'email: zoe@celik.example',
        'phone: "+31 6 1234 5678"', 'met: 2026-02-08', 'linkedin: "https://www.linkedin.com/in/zoe"', '---', '', '## Log', '',
      ].join('\n'),
    );
    const p = parsePerson(recordFromText('Zoë Çelik.md', text, { ...settings, peopleFolder: '' }), settings)!;
    expect(p.diagnostics).toEqual([]);
    expect([p.birthday, p.role, p.phone, p.interests, p.tags, p.aliases]).toEqual([
      { month: 4, day: 12, year: null }, 'Head of Sales: EMEA', '+31 6 1234 5678', ['sailing', 'yes'], ['Book-club'], ['Zoë'],
    ]);
  });

  it('has no type line in a vault with a people folder, and uses the log heading of the settings', () => {
    expect(newPersonNoteText({ role: 'CTO' }, { markAsPerson: false, logHeading: 'Interactions' })).toBe('---\nrole: CTO\n---\n\n## Interactions\n');
  });
});

const NOTE = [
  '\uFEFF---\r\n',
  '# who: a comment line\r\n',
  'circle: 15   # inner circle\r\n',
  'E-mail:\r\n',
  "Organization: ''   # fill me\r\n",
  'interests: []\r\n',
  'knows:\r\n',
  '  - "[[Bram]]"\r\n',
  'tags: [person]\r\n',
  '---\r\n',
  'Body text: with **markdown**\r\n',
  '\r\n',
  '## Log\r\n',
  '- 2026-11-20 call: budget',
].join('');

describe('fillFrontmatter', () => {
  it('fills empty keys in place (the note\'s spelling, comments kept), adds missing ones at the end, and changes nothing else', () => {
    const result = fillFrontmatter(NOTE, { email: 'jan@x.example', organisation: 'Acme: Inc', interests: ['chess', 'no'], role: '#1 fan' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toBe(
      [
        '\uFEFF---\r\n',
        '# who: a comment line\r\n',
        'circle: 15   # inner circle\r\n',
        'E-mail: jan@x.example\r\n',
        'Organization: "Acme: Inc" # fill me\r\n',
        'interests:\r\n',
        '  - chess\r\n',
        '  - "no"\r\n',
        'knows:\r\n',
        '  - "[[Bram]]"\r\n',
        'tags: [person]\r\n',
        'role: "#1 fan"\r\n',
        '---\r\n',
        'Body text: with **markdown**\r\n',
        '\r\n',
        '## Log\r\n',
        '- 2026-11-20 call: budget',
      ].join(''),
    );
    const p = parsePerson(recordFromText('People/Jan.md', result.text, settings), settings)!;
    expect([p.email, p.organisation, p.interests, p.role, p.circle, p.knows]).toEqual(['jan@x.example', 'Acme: Inc', ['chess', 'no'], '#1 fan', 15, ['Bram']]);
  });

  it('never touches a key that holds a value: the whole fill is refused, with the reason', () => {
    for (const fields of [{ knows: ['[[Cas]]'] }, { tags: ['x'] }, { email: 'a@b.c', circle: undefined }]) {
      const result = fillFrontmatter(NOTE.replace('E-mail:', 'E-mail: old@x.example'), fields);
      expect(result.ok).toBe(false);
    }
    expect(fillFrontmatter(NOTE, { knows: ['[[Cas]]'] })).toEqual({ ok: false, problems: ['"knows" holds a value already; an import never overwrites one'] });
  });

  it('gives a note without frontmatter a block at its top, in its own line breaks, and keeps the body', () => {
    const body = 'Met at a conference.\r\n\r\n## Log\r\n';
    const result = fillFrontmatter(body, { role: 'CTO', met: '2026-02-08' });
    expect(result).toEqual({ ok: true, text: `---\r\nrole: CTO\r\nmet: 2026-02-08\r\n---\r\n${body}`, filled: ['role', 'met'] });
  });

  it('refuses frontmatter that is opened but never closed', () => {
    expect(fillFrontmatter('---\nrole:\nbody', { role: 'CTO' })).toEqual({ ok: false, problems: ['the frontmatter is opened with --- but never closed'] });
  });

  it('with nothing to fill returns the text as it is', () => {
    expect(fillFrontmatter(NOTE, {})).toEqual({ ok: true, text: NOTE, filled: [] });
  });
});
