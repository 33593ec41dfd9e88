import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, parseDayString } from '../../src/core/dates';
import {
  addFavour, addFollowUp, appendLogItem, favourEntry, followUpEntry, logItemText, oneLine, removeFollowUp,
  setLastContact, setSnoozeUntil,
} from '../../src/core/edits';
import { keyFor, type Field } from '../../src/core/fields';
import { scanBody } from '../../src/core/markdown';
import { logParts, parseFollowUp, parsePerson } from '../../src/core/person';
import { DEFAULT_CORE_SETTINGS } from '../../src/core/types';

const day = (s: string) => parseDayString(s)!;
const HEADINGS = ['Log', 'Interactions'];
const append = (text: string, line: string, headings = HEADINGS) => appendLogItem(text, headings, line);

describe('frontmatter edits', () => {
  it('sets last_contact in the spelling the note uses, and only ever moves it forward', () => {
    const fresh: Record<string, unknown> = { cadence: '2w' };
    expect(setLastContact(fresh, day('2026-11-20'))).toBe(true);
    expect(fresh).toEqual({ cadence: '2w', last_contact: '2026-11-20' });

    const camel: Record<string, unknown> = { lastContact: '2026-11-01', role: 'cto' };
    expect(setLastContact(camel, day('2026-11-20'))).toBe(true);
    expect(camel).toEqual({ lastContact: '2026-11-20', role: 'cto' });

    const synonym: Record<string, unknown> = { last_contacted: '2026-11-01' };
    setLastContact(synonym, day('2026-11-20'));
    expect(synonym).toEqual({ last_contacted: '2026-11-20' });

    const kebab: Record<string, unknown> = { 'last-contact': '2026-12-01' };
    // An older contact never lowers a newer last_contact; the same day changes nothing either.
    expect(setLastContact(kebab, day('2026-11-20'))).toBe(false);
    expect(setLastContact(kebab, day('2026-12-01'))).toBe(false);
    expect(kebab).toEqual({ 'last-contact': '2026-12-01' });

    // A time part and a YAML Date are read as the day they name.
    const timed: Record<string, unknown> = { last_contact: '2026-12-01T09:30' };
    expect(setLastContact(timed, day('2026-12-01'))).toBe(false);
    const dated: Record<string, unknown> = { last_contact: new Date(Date.UTC(2026, 10, 1)) };
    expect(setLastContact(dated, day('2026-11-02'))).toBe(true);
    expect(dated.last_contact).toBe('2026-11-02');
  });

  it('replaces a last_contact that is not a date, or is empty', () => {
    for (const value of ['yesterday', null, '', [], 42]) {
      const fm: Record<string, unknown> = { last_contact: value };
      expect(setLastContact(fm, day('2026-11-20'))).toBe(true);
      expect(fm.last_contact).toBe('2026-11-20');
    }
  });

  it('sets snooze_until, keeping the spelling', () => {
    const fm: Record<string, unknown> = { snoozeUntil: '2026-01-01', a: 1 };
    setSnoozeUntil(fm, day('2026-12-24'));
    expect(fm).toEqual({ snoozeUntil: '2026-12-24', a: 1 });
    const none: Record<string, unknown> = {};
    setSnoozeUntil(none, day('2027-01-05'));
    expect(none).toEqual({ snooze_until: '2027-01-05' });
  });

  it('removes one follow-up by its text as written, whatever the spelling of the key', () => {
    const fm: Record<string, unknown> = {
      followUps: ['2026-11-27 ask how the exam went', '2026-12-01 send the deck', '2026-11-27 ask how the exam went'],
    };
    expect(removeFollowUp(fm, '2026-11-27 ask how the exam went')).toBe(true);
    expect(fm.followUps).toEqual(['2026-12-01 send the deck', '2026-11-27 ask how the exam went']);

    const kebab: Record<string, unknown> = { 'follow-ups': ['2026-12-01 send the deck'], other: true };
    expect(removeFollowUp(kebab, '2026-12-01 send the deck')).toBe(true);
    expect(kebab).toEqual({ 'follow-ups': [], other: true });

    // YAML reads an unquoted `- 2026-11-27 ask: how it went` as a one-key map; the parser's raw text finds it.
    const map = { '2026-11-27 ask': 'how it went' };
    const mapped: Record<string, unknown> = { follow_ups: [map, '2026-12-01 x'] };
    const raw = parsePerson(
      { path: 'People/A.md', basename: 'A', frontmatter: mapped, tags: [], links: [], listItems: [] },
      DEFAULT_CORE_SETTINGS,
    )!.followUps[0]!.raw;
    expect(removeFollowUp(mapped, raw)).toBe(true);
    expect(mapped.follow_ups).toEqual(['2026-12-01 x']);

    // One follow-up written as a single value.
    const single: Record<string, unknown> = { follow_ups: '2026-12-01 x' };
    expect(removeFollowUp(single, '2026-12-01 x')).toBe(true);
    expect(single.follow_ups).toEqual([]);
  });

  it('changes nothing when the follow-up is not there', () => {
    const fm: Record<string, unknown> = { follow_ups: ['2026-12-01 x'] };
    expect(removeFollowUp(fm, '2026-12-02 y')).toBe(false);
    expect(removeFollowUp({}, '2026-12-02 y')).toBe(false);
    expect(removeFollowUp({ follow_ups: null }, 'x')).toBe(false);
    expect(fm).toEqual({ follow_ups: ['2026-12-01 x'] });
  });

  it('adds a follow-up as "YYYY-MM-DD text", to a list, a single value, or a new key', () => {
    const fm: Record<string, unknown> = { follow_ups: ['2026-12-01 x'] };
    addFollowUp(fm, day('2026-12-08'), 'ask about\nthe move ');
    expect(fm.follow_ups).toEqual(['2026-12-01 x', '2026-12-08 ask about the move']);
    const single: Record<string, unknown> = { 'follow-ups': '2026-12-01 x' };
    addFollowUp(single, day('2026-12-08'), 'y');
    expect(single).toEqual({ 'follow-ups': ['2026-12-01 x', '2026-12-08 y'] });
    const none: Record<string, unknown> = { a: 1 };
    addFollowUp(none, day('2026-12-08'), 'y');
    expect(none).toEqual({ a: 1, follow_ups: ['2026-12-08 y'] });
    expect(parseFollowUp(followUpEntry(day('2026-12-08'), 'y'))).toMatchObject({ day: day('2026-12-08'), text: 'y' });
  });

  it('adds a favour to favours, or to the note’s favors', () => {
    const fm: Record<string, unknown> = { favors: ['2026-01-01 got: a reference'] };
    addFavour(fm, day('2026-11-20'), 'gave', 'an intro to Ana');
    expect(fm).toEqual({ favors: ['2026-01-01 got: a reference', '2026-11-20 gave: an intro to Ana'] });
    const none: Record<string, unknown> = {};
    addFavour(none, day('2026-11-20'), 'got', 'a lift');
    expect(none).toEqual({ favours: ['2026-11-20 got: a lift'] });
    expect(favourEntry(day('2026-11-20'), 'got', ' two\r\nlines ')).toBe('2026-11-20 got: two lines');
  });

  it('words log items so the parser reads them back', () => {
    expect(logItemText(day('2026-11-20'), 'phone', 'budget')).toBe('2026-11-20 phone: budget');
    expect(logItemText(day('2026-11-20'), null, 'budget')).toBe('2026-11-20 budget');
    expect(logItemText(day('2026-11-20'), null, '  ')).toBe('2026-11-20');
    expect(logItemText(day('2026-11-20'), ' ', 'budget')).toBe('2026-11-20 budget');
    expect(oneLine('a\n\n b\r\nc')).toBe('a b c');
  });

  it('writes a log item without words as the day and the channel, with no dangling colon (issue 8 #17)', () => {
    expect(logItemText(day('2026-11-26'), 'phone', '')).toBe('2026-11-26 phone');
    expect(logItemText(day('2026-11-26'), 'in-person', ' \n ')).toBe('2026-11-26 in-person');
  });
});

describe('appendLogItem', () => {
  const line = '2026-11-22 phone: budget';

  it('adds the item after the log section’s items, leaving the rest alone', () => {
    const text = '---\ncadence: 2w\n---\nIntro.\n\n## Log\n- 2026-11-10 call: a\n- 2026-11-12 b\n\n## Notes\n- other\n';
    expect(append(text, line)).toBe(
      '---\ncadence: 2w\n---\nIntro.\n\n## Log\n- 2026-11-10 call: a\n- 2026-11-12 b\n- 2026-11-22 phone: budget\n\n## Notes\n- other\n',
    );
  });

  it('goes after an item’s continuation lines and nested items', () => {
    const text = '## Log\n- 2026-11-10 a\n  more about a\n  - nested\n\n    indented paragraph\n\nAfter the list.\n';
    expect(append(text, line)).toBe(
      '## Log\n- 2026-11-10 a\n  more about a\n  - nested\n\n    indented paragraph\n- 2026-11-22 phone: budget\n\nAfter the list.\n',
    );
  });

  it('finds the Interactions heading at any level and in any case', () => {
    const text = '# Jan\n### interactions ###\n* 2026-11-10 a\n## Log elsewhere\n';
    expect(append(text, line)).toBe('# Jan\n### interactions ###\n* 2026-11-10 a\n* 2026-11-22 phone: budget\n## Log elsewhere\n');
  });

  it('uses the first log heading only, keeps sub-headings in its section, and stops at the next heading of its level (v1.1)', () => {
    const text = '## Log\n- 2026-11-01 a\n### Details\n- 2026-11-02 b\n## Log\n- 2026-11-03 c\n';
    expect(append(text, line)).toBe('## Log\n- 2026-11-01 a\n### Details\n- 2026-11-02 b\n- 2026-11-22 phone: budget\n## Log\n- 2026-11-03 c\n');
    const years = '# Jan\n## Log:\n### 2026\n- 2026-11-12 b\n- 2026-11-10 a\n### 2025\n- 2025-10-01 old\n\n## Notes\n- x\n';
    expect(append(years, line)).toBe('# Jan\n## Log:\n### 2026\n- 2026-11-22 phone: budget\n- 2026-11-12 b\n- 2026-11-10 a\n### 2025\n- 2025-10-01 old\n\n## Notes\n- x\n');
  });

  it('creates "## Log" at the end, one blank line below the note, when there is no log heading', () => {
    expect(append('---\na: 1\n---\nSome text.\n', line)).toBe('---\na: 1\n---\nSome text.\n\n## Log\n- 2026-11-22 phone: budget\n');
    expect(append('Some text.', line)).toBe('Some text.\n\n## Log\n- 2026-11-22 phone: budget\n');
    expect(append('Some text.\n\n', line)).toBe('Some text.\n\n## Log\n- 2026-11-22 phone: budget\n');
    expect(append('', line)).toBe('## Log\n- 2026-11-22 phone: budget\n');
    expect(append('---\na: 1\n---\n', line)).toBe('---\na: 1\n---\n\n## Log\n- 2026-11-22 phone: budget\n');
    // The first configured heading name when the user renamed them.
    expect(append('x\n', line, ['Contacten'])).toBe('x\n\n## Contacten\n- 2026-11-22 phone: budget\n');
  });

  it('never reads a heading in the frontmatter or in a code block', () => {
    const text = '---\nnote: |\n  ## Log\n---\n```md\n## Log\n- 2026-01-01 code\n```\n';
    expect(append(text, line)).toBe(text + '\n## Log\n- 2026-11-22 phone: budget\n');
  });

  it('closes a code block left open at the end before adding the heading, and never writes into one', () => {
    expect(append('Text\n```js\nlet a;\n', line)).toBe('Text\n```js\nlet a;\n```\n\n## Log\n- 2026-11-22 phone: budget\n');
    expect(append('## Log\nSome words.\n~~~~\ncode', line)).toBe('## Log\nSome words.\n\n- 2026-11-22 phone: budget\n~~~~\ncode');
    expect(append('## Log\n- 2026-11-10 a\n  ```\n  code', line)).toBe('## Log\n- 2026-11-10 a\n- 2026-11-22 phone: budget\n  ```\n  code');
  });

  it('keeps CRLF line breaks', () => {
    const text = '---\r\na: 1\r\n---\r\n## Log\r\n- 2026-11-10 a\r\n\r\nEnd\r\n';
    expect(append(text, line)).toBe('---\r\na: 1\r\n---\r\n## Log\r\n- 2026-11-10 a\r\n- 2026-11-22 phone: budget\r\n\r\nEnd\r\n');
    expect(append('Text\r\n', line)).toBe('Text\r\n\r\n## Log\r\n- 2026-11-22 phone: budget\r\n');
  });

  it('adds a line break to a last line that has none, and leaves the note without a final one', () => {
    expect(append('## Log\n- 2026-11-10 a', line)).toBe('## Log\n- 2026-11-10 a\n- 2026-11-22 phone: budget');
    expect(append('## Log', line)).toBe('## Log\n- 2026-11-22 phone: budget');
  });

  it('puts the item right below an empty log heading, and below text that has no list yet', () => {
    expect(append('## Log\n\n## Next\n', line)).toBe('## Log\n- 2026-11-22 phone: budget\n\n## Next\n');
    expect(append('## Log\nContacts with Jan.\n\n## Next\n', line)).toBe(
      '## Log\nContacts with Jan.\n\n- 2026-11-22 phone: budget\n\n## Next\n',
    );
  });

  it('adds at the top of a section kept newest first', () => {
    const text = '## Log\n- 2026-11-12 b\n- 2026-11-10 a\n- 2026-10-01 older\n';
    expect(append(text, line)).toBe('## Log\n- 2026-11-22 phone: budget\n- 2026-11-12 b\n- 2026-11-10 a\n- 2026-10-01 older\n');
    // An older contact goes where its date puts it.
    expect(append(text, '2026-11-11 c')).toBe('## Log\n- 2026-11-12 b\n- 2026-11-11 c\n- 2026-11-10 a\n- 2026-10-01 older\n');
    expect(append(text, '2026-01-01 c')).toBe('## Log\n- 2026-11-12 b\n- 2026-11-10 a\n- 2026-10-01 older\n- 2026-01-01 c\n');
  });

  it('puts an older contact in its place in a section kept oldest first', () => {
    const text = '## Log\n- 2026-10-01 a\n- 2026-11-10 b\n  details\n- 2026-11-12 c\n';
    expect(append(text, '2026-11-11 x')).toBe('## Log\n- 2026-10-01 a\n- 2026-11-10 b\n  details\n- 2026-11-11 x\n- 2026-11-12 c\n');
    expect(append(text, '2026-01-01 x')).toBe('## Log\n- 2026-01-01 x\n- 2026-10-01 a\n- 2026-11-10 b\n  details\n- 2026-11-12 c\n');
    // Same day: after the ones already there.
    expect(append(text, '2026-11-12 x')).toBe(text + '- 2026-11-12 x\n');
  });

  it('adds at the end of a section in no order, or with undated items', () => {
    const text = '## Log\n- 2026-11-12 b\n- 2026-11-20 a\n- 2026-11-01 c\n- see also [[Piet]]\n';
    expect(append(text, '2026-11-05 x')).toBe(text + '- 2026-11-05 x\n');
  });

  it('keeps a loose list loose', () => {
    const text = '## Log\n\n- 2026-11-10 a\n\n- 2026-11-12 b\n\n## Next\n';
    expect(append(text, line)).toBe('## Log\n\n- 2026-11-10 a\n\n- 2026-11-12 b\n\n- 2026-11-22 phone: budget\n\n## Next\n');
  });

  it('is read back by the parser as a log entry', () => {
    const text = append('Intro\n## Interactions\n- 2026-11-10 a\n', line);
    const scan = scanBody(text, 0);
    const person = parsePerson(
      { path: 'People/A.md', basename: 'A', frontmatter: null, tags: [], links: [], listItems: scan.listItems },
      DEFAULT_CORE_SETTINGS,
    )!;
    expect(person.log.map((l) => [l.day, logParts(l.raw).channel, logParts(l.raw).text])).toEqual([
      [day('2026-11-10'), null, 'a'],
      [day('2026-11-22'), 'phone', 'budget'],
    ]);
  });
});

describe('appendLogItem reads the note as the reader does (v1.1)', () => {
  const line = '2026-11-22 phone: budget';
  /** The log as the person parser reads the note. */
  const logOf = (text: string) =>
    parsePerson(
      { path: 'People/A.md', basename: 'A', frontmatter: null, tags: [], links: [], listItems: scanBody(text, 0).listItems },
      DEFAULT_CORE_SETTINGS,
    )!.log.map((e) => e.raw);

  it('writes into a > [!note] Log callout, inside its quote', () => {
    const text = '# Jan\n> [!note] Log\n> - 2026-11-10 a\n\nAfter.\n';
    expect(append(text, line)).toBe('# Jan\n> [!note] Log\n> - 2026-11-10 a\n> - 2026-11-22 phone: budget\n\nAfter.\n');
    expect(append('> [!note]- Log\n> Calls with Jan.\n\nAfter.', line)).toBe('> [!note]- Log\n> Calls with Jan.\n>\n> - 2026-11-22 phone: budget\n\nAfter.');
    expect(append('> [!log]\n\nAfter.', line)).toBe('> [!log]\n> - 2026-11-22 phone: budget\n\nAfter.');
    expect(logOf(append(text, line))).toEqual(['2026-11-10 a', line]);
  });

  it('writes under a setext Log heading, and one whose name ends in a colon', () => {
    expect(append('Jan\n===\nLog\n---\n- 2026-11-10 a\n\nNotes\n---\n', line)).toBe('Jan\n===\nLog\n---\n- 2026-11-10 a\n- 2026-11-22 phone: budget\n\nNotes\n---\n');
    expect(append('Log\n===\n', line)).toBe('Log\n===\n- 2026-11-22 phone: budget\n');
    expect(append('## Log:\n- 2026-11-10 a\n', line)).toBe('## Log:\n- 2026-11-10 a\n- 2026-11-22 phone: budget\n');
  });

  it('never takes a ## Log inside a comment or a code block for the log, and never writes into one', () => {
    for (const text of [
      '%%\n## Log\n- 2026-11-10 a\n%%\n',
      '<!--\n## Log\n- 2026-11-10 a\n-->\n',
      '```\n## Log\n- 2026-11-10 a\n```\n',
      '%% ## Log %%\n',
    ]) {
      const result = append(text, line);
      expect(result).toBe(`${text}\n## Log\n- 2026-11-22 phone: budget\n`);
      expect(logOf(result)).toEqual([line]);
    }
  });

  it('closes a comment left open at the end before adding the heading', () => {
    expect(append('Text\n%% draft\nmore', line)).toBe('Text\n%% draft\nmore\n%%\n\n## Log\n- 2026-11-22 phone: budget\n');
    expect(append('Text\n<!-- draft\n', line)).toBe('Text\n<!-- draft\n-->\n\n## Log\n- 2026-11-22 phone: budget\n');
  });

  it('skips a comment that runs over lines after the last item, and one that never closes', () => {
    expect(append('## Log\n- 2026-11-10 a\n%%\n- 2026-11-11 hidden\n%%\n', line)).toBe(
      '## Log\n- 2026-11-10 a\n- 2026-11-22 phone: budget\n%%\n- 2026-11-11 hidden\n%%\n',
    );
    expect(append('## Log\n- 2026-11-10 a %% note\n  over lines %%\n## Next\n', line)).toBe(
      '## Log\n- 2026-11-10 a %% note\n  over lines %%\n- 2026-11-22 phone: budget\n## Next\n',
    );
    expect(append('## Log\n- 2026-11-10 a\n%% never closed\n- 2026-11-11 b\n', line)).toBe(
      '## Log\n- 2026-11-10 a\n- 2026-11-22 phone: budget\n%% never closed\n- 2026-11-11 b\n',
    );
  });

  it('closes a comment the new line itself would open', () => {
    const result = append('## Log\n- 2026-11-10 a\n\n## Next\n- [[Piet]]\n', '2026-11-22 phone: 50%% off %% <!-- x');
    expect(result).toBe('## Log\n- 2026-11-10 a\n- 2026-11-22 phone: 50%% off %% <!-- x -->\n\n## Next\n- [[Piet]]\n');
    expect(append('## Log\n', '2026-11-22 phone: 50%% off')).toBe('## Log\n- 2026-11-22 phone: 50%% off %%\n');
    expect(scanBody(result, 0).links.map((l) => l.target)).toEqual(['Piet']);
  });

  it('keeps CR-only line breaks', () => {
    expect(append('---\ra: 1\r---\r## Log\r- 2026-11-10 a\r\rEnd\r', line)).toBe('---\ra: 1\r---\r## Log\r- 2026-11-10 a\r- 2026-11-22 phone: budget\r\rEnd\r');
    expect(append('Text\r', line)).toBe('Text\r\r## Log\r- 2026-11-22 phone: budget\r');
    expect(append('## Log\r- 2026-11-10 a', line)).toBe('## Log\r- 2026-11-10 a\r- 2026-11-22 phone: budget');
  });

  it('appends to a log of 120,000 items without throwing, in its place', () => {
    const items = Array.from({ length: 120_000 }, (_, i) => `- ${formatDay(day('1900-01-01') + Math.floor(i / 4))} call ${i}`);
    const text = `---\ncadence: 2w\n---\n## Log\n${items.join('\n')}\n\n## Notes\n`;
    const result = append(text, line);
    expect(result).toBe(`---\ncadence: 2w\n---\n## Log\n${items.join('\n')}\n- 2026-11-22 phone: budget\n\n## Notes\n`);
    const nested = `## Log\n${items.map((l, i) => (i % 2 ? '  ' + l : l)).join('\n')}\n`;
    expect(append(nested, line)).toBe(`${nested}- 2026-11-22 phone: budget\n`);
  });

  it('handles a line of #, 200,000 spaces and U+2028 (the old heading regex took cubic time)', () => {
    const hostile = '#' + ' '.repeat(200_000) + '\u2028';
    const text = `## Log\n- 2026-11-10 a\n${hostile}\n\`\`\`${' '.repeat(200_000)}\u2028\n`;
    expect(append(text, line)).toBe(`## Log\n- 2026-11-10 a\n- 2026-11-22 phone: budget\n${hostile}\n\`\`\`${' '.repeat(200_000)}\u2028\n`);
    expect(append(hostile, line)).toBe(`${hostile}\n\n## Log\n- 2026-11-22 phone: budget\n`);
    expect(oneLine(' '.repeat(200_000) + 'x' + ' '.repeat(200_000) + '\n')).toBe('x');
  });
});

// --- properties -------------------------------------------------------------------------------------------

const TIES_KEYS: Record<string, Field> = {
  last_contact: 'last_contact', lastContact: 'last_contact', 'last-contact': 'last_contact', last_contacted: 'last_contact',
  snooze_until: 'snooze_until', snoozeUntil: 'snooze_until',
  follow_ups: 'follow_ups', followUps: 'follow_ups', 'follow-ups': 'follow_ups',
  favours: 'favours', favors: 'favours',
};
const OTHER_KEYS = ['cadence', 'circle', 'interests', 'role', 'tags', 'aliases', 'status', 'Created', 'x-y', 'knows'];

const entry = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.string({ maxLength: 8 }))
    .map(([y, m, d, s]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} ${s}`),
);
const value = fc.oneof(entry, fc.integer(), fc.boolean(), fc.constant(null), fc.array(entry, { maxLength: 4 }));
const frontmatter = fc
  .uniqueArray(fc.constantFrom(...Object.keys(TIES_KEYS), ...OTHER_KEYS), { maxLength: 8 })
  .chain((keys) => fc.tuple(fc.constant(keys), fc.array(value, { minLength: keys.length, maxLength: keys.length })))
  .map(([keys, values]) => Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Record<string, unknown>);
const someDay = fc.integer({ min: day('2020-01-01'), max: day('2030-12-31') });

/** Every key but `own` keeps its value, and the keys that were there keep their order. */
function onlyOwnKeyChanged(before: Record<string, unknown>, after: Record<string, unknown>, field: Field): void {
  const own = keyFor(before, field) ?? field;
  const beforeKeys = Object.keys(before);
  expect(Object.keys(after).slice(0, beforeKeys.length)).toEqual(beforeKeys);
  expect(Object.keys(after).filter((k) => !beforeKeys.includes(k))).toEqual(beforeKeys.includes(own) ? [] : [own]);
  for (const k of beforeKeys) if (k !== own) expect(after[k]).toEqual(before[k]);
}

const name = fc.constantFrom('Log', 'log', 'Interactions', 'Notes', 'Other', 'Log 2', '');
const bodyLine = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 4 }), name).map(([n, h]) => `${'#'.repeat(n)} ${h}`),
  fc.tuple(fc.constantFrom('- ', '* ', '  - ', '1. ', '- [ ] '), entry).map(([b, e]) => b + e),
  fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  fc.constant(''),
  fc.constantFrom('```', '~~~', '  ```', '---', '> - 2026-11-01 quoted', '\t- 2026-11-02 tabbed', '    indented', '- [x]'),
  fc.constantFrom('%%', '<!--', '-->', '%% ## Log %%', '> [!note] Log', '> [!tip]', '> - 2026-11-03 in a callout', 'Log', '===', '- [ ] 2026-11-04 plan', '## Log:'),
);
const note = fc.record({
  cr: fc.boolean(),
  fm: fc.option(fc.array(fc.constantFrom('a: 1', 'tags: [person]', 'note: "## Log"', 'list:', '  - x'), { maxLength: 4 }), { nil: null }),
  body: fc.array(bodyLine, { maxLength: 14 }),
  crlf: fc.boolean(),
  finalBreak: fc.boolean(),
});

function noteText(n: { fm: string[] | null; body: string[]; crlf: boolean; cr: boolean; finalBreak: boolean }): { text: string; bodyStart: number } {
  const eol = n.crlf ? '\r\n' : n.cr ? '\r' : '\n';
  const head = n.fm === null ? '' : ['---', ...n.fm, '---'].join(eol) + eol;
  const body = n.body.join(eol) + (n.finalBreak && n.body.length > 0 ? eol : '');
  return { text: head + body, bodyStart: head.length };
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

describe('edits change only what they say (property)', () => {
  it('frontmatter edits touch their own key and keep every other key and the order', () => {
    fc.assert(
      fc.property(frontmatter, someDay, entry, fc.constantFrom<'gave' | 'got'>('gave', 'got'), (fm, d, text, kind) => {
        const edits: [Field, (x: Record<string, unknown>) => void][] = [
          ['last_contact', (x) => void setLastContact(x, d)],
          ['snooze_until', (x) => setSnoozeUntil(x, d)],
          ['follow_ups', (x) => addFollowUp(x, d, text)],
          ['favours', (x) => addFavour(x, d, kind, text)],
        ];
        for (const [field, edit] of edits) {
          const before = structuredClone(fm);
          const after = structuredClone(fm);
          edit(after);
          onlyOwnKeyChanged(before, after, field);
        }
        // Removing a follow-up that is there takes out exactly that entry.
        const key = keyFor(fm, 'follow_ups');
        const list = key !== null && Array.isArray(fm[key]) ? (fm[key] as unknown[]) : [];
        const first = list.find((x) => typeof x === 'string');
        const after = structuredClone(fm);
        const removed = removeFollowUp(after, typeof first === 'string' ? first : 'absent entry \u0000');
        if (typeof first === 'string') {
          expect(removed).toBe(true);
          const at = list.indexOf(first);
          expect(after[key!]).toEqual([...list.slice(0, at), ...list.slice(at + 1)]);
          onlyOwnKeyChanged(fm, after, 'follow_ups');
        } else {
          expect(after).toEqual(fm);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('appendLogItem only inserts, below the frontmatter, one item that the parser reads under a log heading', () => {
    fc.assert(
      fc.property(note, someDay, fc.string({ maxLength: 10 }), (n, d, words) => {
        // A body whose first line is `---` would open a frontmatter block of its own.
        fc.pre(n.fm !== null || !/^---[ \t]*$/.test(n.body[0] ?? ''));
        const { text, bodyStart } = noteText(n);
        const line = logItemText(d, 'phone', words);
        const result = appendLogItem(text, HEADINGS, line);

        // Only an insertion: the original is a prefix plus a suffix of the result.
        const prefix = Math.min(commonPrefix(text, result), text.length);
        const suffix = Math.min(commonSuffix(text, result), text.length);
        expect(result.length).toBeGreaterThan(text.length);
        expect(prefix + suffix).toBeGreaterThanOrEqual(text.length);
        // … and not inside the frontmatter.
        expect(prefix).toBeGreaterThanOrEqual(bodyStart);

        // The inserted text uses the note's line breaks (a note without any gets \n).
        const inserted = result.slice(prefix, prefix + result.length - text.length);
        if (text.includes('\r\n')) expect(inserted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        else if (text.includes('\r')) expect(inserted).not.toMatch(/\n/);
        else expect(inserted).not.toMatch(/\r/);

        // One more log item on that day, in a log section as the person parser reads it (words that open a
        // comment are closed at the end of the line, so the text read back may be shorter).
        const logItems = (t: string) =>
          parsePerson(
            { path: 'People/A.md', basename: 'A', frontmatter: null, tags: [], links: [], listItems: scanBody(t.slice(bodyStart), 0).listItems },
            DEFAULT_CORE_SETTINGS,
          )!.log.filter((e) => e.day === d && (e.raw === line || e.raw.startsWith(line.slice(0, 17)))).length;
        expect(logItems(result)).toBe(logItems(text) + 1);
      }),
      { numRuns: 600 },
    );
  });
});
