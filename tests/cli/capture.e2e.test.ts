/**
 * Format v1.1's capture on the command line, end to end on tests/fixtures/vaults/capture: interaction notes
 * (all four rules, the vault's daily-notes config), tasks as follow-ups with where they live, `--no-tasks`,
 * `--no-daily-notes`, and `ties prep`.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeChars, buildCli, makeVault, ties } from './built-cli';

const VAULT = 'tests/fixtures/vaults/capture';
const T = ['--today', '2026-11-24'];
const vaults: string[] = [];

beforeAll(() => buildCli());
afterAll(() => {
  for (const v of vaults) rmSync(v, { recursive: true, force: true });
});

interface Item { path: string; kind: string; due?: string; text?: string; source?: string; line?: number }

function review(...extra: string[]): Item[] {
  const r = ties(['review', VAULT, ...T, '--json', ...extra]);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { items: Item[] }).items;
}

describe('ties review with interaction notes and tasks', () => {
  it('lists due follow-ups from tasks with their note and line (counted from 1), undated ones never', () => {
    const followUps = review().filter((i) => i.kind === 'follow-up').map((i) => [i.path, i.due, i.text, i.source ?? null, i.line ?? null]);
    expect(followUps).toEqual([
      ['People/Anna.md', '2026-11-10', 'introduce [[Jan]] to [[Anna]]', 'Notes/Todo.md', 2],
      ['People/Jan.md', '2026-11-10', 'introduce [[Jan]] to [[Anna]]', 'Notes/Todo.md', 2],
      ['People/Kees Dekker.md', '2026-11-19', "ask how Mila's piano exam went", null, null],
      ['People/Kees Dekker.md', '2026-11-20', 'send him the dock chart', 'People/Kees Dekker.md', 25],
      ['People/Anna.md', '2026-11-21', 'ask [[Anna]] about the budget', 'Notes/Todo.md', 4],
      ['People/Piet.md', '2026-11-22', 'ask [[Piet]] about the plan', 'Meetings/2026-11-20 Sync with Kees.md', 11],
    ]);
  });

  it('counts meetings, date-prefixed notes and the daily-notes folder as contacts: nobody but Piet is overdue', () => {
    expect(review().filter((i) => i.kind === 'overdue').map((i) => i.path)).toEqual(['People/Piet.md']);
    // Without interaction notes Jan (2 weeks) and Kees (monthly, by his circle) are overdue, and Anna has no contact.
    expect(review('--no-daily-notes').filter((i) => i.kind === 'overdue').map((i) => i.path)).toEqual([
      'People/Jan.md', 'People/Kees Dekker.md', 'People/Piet.md', 'People/Anna.md',
    ]);
  });

  it('--no-tasks: follow_ups only', () => {
    expect(review('--no-tasks').filter((i) => i.kind === 'follow-up').map((i) => [i.path, i.due])).toEqual([['People/Kees Dekker.md', '2026-11-19']]);
  });

  it('says in text where a task stands', () => {
    const r = ties(['review', VAULT, ...T]);
    expect(r.stdout).toContain('Piet         follow up: ask Piet about the plan · due 2 days ago · Meetings/2026-11-20 Sync with Kees.md:11');
    expect(r.stdout).toContain('4 warnings in the vault');
  });

  it('ties check lists the problems of meeting notes and tasks under their own paths', () => {
    const r = ties(['check', VAULT, ...T, '--json']);
    expect(r.code).toBe(0);
    const diagnostics = (JSON.parse(r.stdout) as { diagnostics: { path: string; field: string; message: string }[] }).diagnostics;
    expect(diagnostics.map((d) => `${d.path} ${d.field}`)).toEqual([
      'Meetings/2026-11-20 Sync with Kees.md attendees', 'Meetings/2026-11-20 Sync with Kees.md tasks',
      'Notes/Bad meeting.md date', 'Notes/Map meeting.md attendees',
    ]);
  });
});

describe('the daily-notes settings file', () => {
  const notes = (config: string) => ({
    '.obsidian/daily-notes.json': config,
    'People/Ann.md': '---\ncadence: 7\n---\n',
    'Meetings/2026-11-20 Sync.md': 'Met [[Ann]].',
    'Journal/2026/11/23.md': 'Met [[Ann]].',
  });
  const daysSince = (vault: string) =>
    (JSON.parse(ties(['review', vault, '--today', '2026-11-30', '--json']).stdout) as { items: { daysSince?: number }[] }).items[0]?.daysSince;

  it('a note in its folder and format is a daily note', () => {
    const vault = makeVault(notes('{"folder":"Journal","format":"YYYY/MM/DD"}'));
    vaults.push(vault);
    expect(daysSince(vault)).toBe(7);
    expect(JSON.parse(ties(['check', vault, ...T, '--json']).stdout)).toMatchObject({ diagnostics: [] });
  });

  it('a file that is not JSON, or a format with a token Ties does not read: a warning, and the rest is read', () => {
    for (const [config, words] of [['{"folder": "Journal",', 'are not JSON'], ['{"folder":"Journal","format":"YYYY/MM/DD ddd"}', '"ddd"']] as const) {
      const vault = makeVault(notes(config));
      vaults.push(vault);
      const r = ties(['check', vault, ...T, '--json']);
      const data = JSON.parse(r.stdout) as { diagnostics: { path: string; severity: string; message: string }[] };
      expect(data.diagnostics).toEqual([{ path: '.obsidian/daily-notes.json', severity: 'warning', field: expect.any(String), message: expect.stringContaining(words) }]);
      // The journal note is not read as a daily note; the date-prefixed meeting still is.
      expect(daysSince(vault), config).toBe(10);
    }
  });
});

describe('ties prep', () => {
  it('lists attendees in order, then body links, each once; unresolved names; a non-person note neither', () => {
    const r = ties(['prep', VAULT, 'Meetings/2026-11-20 Sync with Kees.md', ...T, '--json']);
    expect(r.code).toBe(0);
    const prep = JSON.parse(r.stdout) as { note: string; day: string; people: Record<string, unknown>[]; unresolved: string[] };
    expect(prep.note).toBe('Meetings/2026-11-20 Sync with Kees.md');
    expect(prep.day).toBe('2026-11-20');
    expect(prep.people.map((p) => [p.name, p.source])).toEqual([['Kees Dekker', 'attendee'], ['Jan', 'attendee'], ['Anna', 'link'], ['Piet', 'link']]);
    expect(prep.unresolved).toEqual(['Bob Extern', 'Nobody Known']);
    const kees = prep.people[0]!;
    expect(kees).toMatchObject({
      path: 'People/Kees Dekker.md', lastContact: '2026-11-21', interests: ['sailing', 'daughter Mila (piano)'], owed: 1,
      birthday: { date: '2026-11-27', inDays: 3, age: null }, organisation: 'Vermeulen', role: 'Head of operations', channel: 'phone',
      met: '2024-03-01', linkedin: 'https://www.linkedin.com/in/kees-dekker', introducedBy: 'Anna',
      lastLog: { date: '2026-10-01', text: '2026-10-01 call: talked about the new dock planning' },
    });
    // Dated ones due by today, oldest first, then every one to raise next time; not the one due later.
    expect(kees.followUps).toEqual([
      { due: '2026-11-19', text: "ask how Mila's piano exam went" },
      { due: '2026-11-20', text: 'send him the dock chart', source: 'People/Kees Dekker.md', line: 25 },
      { due: null, text: 'ask about the sailing trip' },
      { due: null, text: 'find the article on cross-docking', source: 'People/Kees Dekker.md', line: 26 },
      { due: null, text: 'ask [[Kees Dekker]] how the exam went', source: 'Meetings/2026-11-20 Sync with Kees.md', line: 12 },
    ]);
  });

  it('takes a note by name, a person note lists that person alone, and a name that is no note is a usage error', () => {
    const board = JSON.parse(ties(['prep', VAULT, 'Board', ...T, '--json']).stdout) as { day: string; people: { name: string }[] };
    expect(board.day).toBe('2026-11-18');
    expect(board.people.map((p) => p.name)).toEqual(['Jan']);
    const self = JSON.parse(ties(['prep', VAULT, 'Jantje', ...T, '--json']).stdout) as { note: string; day: null; people: { name: string; source: string }[] };
    expect(self).toMatchObject({ note: 'People/Jan.md', day: null, people: [{ name: 'Jan', source: 'self' }] });
    const missing = ties(['prep', VAULT, 'Bord', ...T]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('ties: no note named "Bord" in tests/fixtures/vaults/capture; did you mean Board? (see ties --help)\n');
    expect(ties(['prep', VAULT]).stderr).toContain('missing NOTE after the vault folder');
  });

  it('prints text with control characters escaped', () => {
    const vault = makeVault({
      // YAML's own escapes: a raw control character is no YAML.
      'People/Evil\u001b[2J.md': '---\ncadence: 7\ninterests: ["\\u001b]0;pwned\\u0007 chess"]\nfollow_ups: ["ask \\r about it"]\n---\n',
      'Meetings/2026-11-20 Sync.md': 'With [[Evil\u001b[2J]].\n',
    });
    vaults.push(vault);
    const r = ties(['prep', vault, 'Meetings/2026-11-20 Sync.md', ...T]);
    expect(r.code).toBe(0);
    expect(activeChars(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('Evil\\x1b[2J');
    expect(r.stdout).toContain('next time   ask \\r about it');
  });
});
