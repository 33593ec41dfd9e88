import { describe, expect, it } from 'vitest';
import { circleOfCadence } from '../../src/core/circle';
import { isoWeek } from '../../src/core/dates';
import type { Person } from '../../src/core/types';
import { CallHourSession, lastLogLines, workLine } from '../../src/views/attention/call-hour';
import { DEFAULT_CALL_HOUR, MAX_CALL_HOUR, readCallHourSize } from '../../src/views/attention/header';
import {
  buildModel, callHourPicks, capacity, CHUNK, FIRST_CHUNK, nextVisible, pickDormant, raiseItems, shortInterests,
  suggestChannel, visibleCount, type AttentionSettings,
} from '../../src/views/attention/model';
import { day, person, settings as coreSettings } from '../builders';

const T = day('2026-11-24'); // a Tuesday, ISO week 48
const settings: AttentionSettings = { ...coreSettings, dormantPerWeek: 3 };

/** A dormant tie: no cadence, `contacts` logged contacts, the last one two years before T. */
function dormant(name: string, contacts: number, lastYear = 2024): Person {
  const log = Array.from({ length: contacts }, (_, i) => `${lastYear - 1 - Math.floor(i / 300)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')} call: x`);
  log[0] = `${lastYear}-01-15 call: last`;
  return person(name, {}, { log });
}

function everyKind(): Person[] {
  return [
    person('Fay', { follow_ups: ['2026-11-20 how the exam went'], interests: ['chess', 'Emma (daughter)', 'sailing', 'jazz'] }),
    person('Otto', { cadence: '1 month', last_contact: '2026-10-01', channel: 'email', email: 'otto@example.org' }),
    person('Dina', { birthday: '--11-26', phone: '+31 6 1234 5678' }),
    person('Fred', { favours: ['2026-01-01 got: an intro', '2026-02-01 got: a reference'] }),
    dormant('Doris', 5),
  ];
}

describe('the attention model', () => {
  it('has the five sections in the spec order, with counts', () => {
    const model = buildModel(everyKind(), T, settings, 'en');
    expect(model.sections.map((s) => s.kind)).toEqual(['follow-up', 'overdue', 'date', 'favour', 'dormant']);
    expect(model.sections.map((s) => s.count)).toEqual([1, 1, 1, 1, 1]);
    expect(model.total).toBe(5);
    expect(model.week).toEqual({ year: 2026, week: 48 });
    expect(buildModel([], T, settings, 'en').sections.every((s) => s.count === 0 && s.rows.length === 0)).toBe(true);
  });

  it('counts the person notes, so that an empty vault can be told from a quiet week', () => {
    expect(buildModel(everyKind(), T, settings, 'en').people).toBe(everyKind().length);
    expect(buildModel([], T, settings, 'en').people).toBe(0);
  });

  it('gives each row its name, reason in words, short interests, channel and actions', () => {
    const model = buildModel(everyKind(), T, settings, 'en');
    const [followUp, overdue, date, favour, dormantRow] = model.sections.map((s) => s.rows[0]!);
    expect(followUp).toMatchObject({
      // Under Follow-ups the heading says what it is: no "follow up:" again (issue 12); the item keeps it (call hour, CLI).
      name: 'Fay', path: 'People/Fay.md', kind: 'follow-up', detail: 'how the exam went · due 4 days ago',
      actions: ['done', 'log', 'snooze'], source: null,
    });
    expect([followUp!.interests, followUp!.raise]).toEqual([['chess', 'Emma (daughter)', 'sailing', 'jazz'], []]);
    expect(followUp!.item.detail).toBe('follow up: how the exam went · due 4 days ago');
    expect(followUp!.channel).toEqual({ channel: null, kind: 'plain', href: null, target: null });
    expect(overdue).toMatchObject({ detail: '54 days since last contact · every month', actions: ['log', 'snooze'] });
    expect(overdue!.channel).toEqual({ channel: 'email', kind: 'mail', href: 'mailto:otto@example.org', target: 'otto@example.org' });
    expect(date!.detail).toBe('birthday on Thursday');
    expect(date!.channel).toMatchObject({ kind: 'call', href: 'tel:+31612345678' });
    expect(favour).toMatchObject({ detail: 'you owe 2 favours', actions: ['favour', 'log', 'snooze'] });
    expect(dormantRow!.detail).toBe('last contact 2 years ago · 4 earlier contacts');
    // Done only on follow-ups.
    for (const s of model.sections) for (const r of s.rows) expect(r.actions.includes('done')).toBe(r.kind === 'follow-up');
    // People in any order (the index gives them sorted by path) give the same rows.
    const shuffled = buildModel([...everyKind()].reverse(), T, settings, 'en');
    const view = (m: typeof model) => m.sections.flatMap((s) => s.rows.map((r) => [r.key, r.detail, r.interests, r.channel]));
    expect(view(shuffled)).toEqual(view(model));
  });

  it('speaks Dutch when asked', () => {
    const model = buildModel(everyKind(), T, settings, 'nl');
    expect(model.sections[3]!.rows[0]!.detail).toBe('je bent 2 gunsten schuldig');
    expect(model.sections[0]!.rows[0]!.detail).toBe('how the exam went · 4 dagen over tijd');
    expect(model.sections[1]!.rows[0]!.detail).toBe('54 dagen sinds laatste contact · elke maand');
  });

  it('keys rows uniquely, one per follow-up', () => {
    const p = person('Two', { follow_ups: ['2026-11-01 one', '2026-11-02 two', '2026-11-02 two'], cadence: 7 });
    const model = buildModel([p], T, settings, 'en');
    const keys = model.sections.flatMap((s) => s.rows.map((r) => r.key));
    expect(keys.length).toBe(4);
    expect(new Set(keys).size).toBe(4);
  });
});

describe('short interests', () => {
  it('keeps the first four whole (never cut mid-word), skipping blanks; the row counts the rest', () => {
    expect(shortInterests(['  a  b ', '', 'an interest that is far too long to show', 'c', 'd', 'e'])).toEqual(['a b', 'an interest that is far too long to show', 'c', 'd']);
    expect(shortInterests([])).toEqual([]);
    expect(shortInterests(['x'.repeat(40)])[0]).toBe('x'.repeat(40));
    const p = person('Many', { cadence: 7, interests: ['a', 'b', ' ', 'c', 'd', 'e', 'f'] });
    const row = buildModel([p], T, settings, 'en').sections[1]!.rows[0]!;
    expect([row.interests, row.moreInterests]).toEqual([['a', 'b', 'c', 'd'], 2]);
  });
});

describe('raise next time and task follow-ups on a row (issue 9, point 5)', () => {
  it('lists the person’s undated follow-ups, their links as text', () => {
    const p = person('Kees', { cadence: 7, follow_ups: ['the [[Dock plan|dock plan]]', '2026-11-01 the chart', 'his new bike'] });
    const rows = buildModel([p], T, settings, 'en').sections.flatMap((s) => s.rows);
    for (const r of rows) expect(r.raise).toEqual(['the dock plan', 'his new bike']);
    expect(raiseItems(undefined)).toEqual([]);
  });

  it('says where a follow-up from a task lives, and its line', () => {
    const p = { ...person('Kees', {}), followUps: [{ day: T - 3, text: 'send the chart', raw: 'send the chart 📅 2026-11-21', source: 'Meetings/2026-11-20 Sync with Kees.md', line: 4 }] };
    const row = buildModel([p], T, settings, 'en').sections[0]!.rows[0]!;
    expect(row.source).toEqual({ path: 'Meetings/2026-11-20 Sync with Kees.md', line: 4 });
    expect(row.detail).toBe('send the chart · due 3 days ago');
  });
});

describe('the suggested channel', () => {
  const none = { channel: null, email: null, phone: null };
  it('links mail and phone when the preferred channel has an address', () => {
    expect(suggestChannel({ ...none, channel: 'phone', phone: '020 123 45 67', email: 'a@b.nl' })).toEqual({ channel: 'phone', kind: 'call', href: 'tel:0201234567', target: '020 123 45 67' });
    expect(suggestChannel({ ...none, channel: 'email', email: 'a@b.nl', phone: '0612345678' })).toMatchObject({ kind: 'mail', href: 'mailto:a@b.nl' });
  });
  it('shows a preferred channel without an address, or another channel, as a neutral icon', () => {
    expect(suggestChannel({ ...none, channel: 'email' })).toEqual({ channel: 'email', kind: 'plain', href: null, target: null });
    expect(suggestChannel({ ...none, channel: 'in-person', email: 'a@b.nl' })).toEqual({ channel: 'in-person', kind: 'plain', href: null, target: null });
  });
  it('without a preference, mails when it can, else calls, else nothing', () => {
    expect(suggestChannel({ ...none, email: 'a@b.nl', phone: '0612345678' }).kind).toBe('mail');
    expect(suggestChannel({ ...none, phone: '0612345678' }).kind).toBe('call');
    expect(suggestChannel(none)).toEqual({ channel: null, kind: 'plain', href: null, target: null });
  });
  it('never links what is not an address or a number', () => {
    expect(suggestChannel({ ...none, email: 'javascript:alert(1)' }).href).toBeNull();
    expect(suggestChannel({ ...none, email: '<b>x</b>@y' }).href).toBeNull();
    expect(suggestChannel({ ...none, phone: 'call me' }).href).toBeNull();
    expect(suggestChannel({ ...none, phone: '+31 (0)6-12+34' }).href).toBe('tel:+31061234');
  });
});

describe('dormant ties of the week', () => {
  const people = [
    ...Array.from({ length: 20 }, (_, i) => dormant(`Weak ${String(i).padStart(2, '0')}`, 1)),
    ...Array.from({ length: 5 }, (_, i) => dormant(`Strong ${i}`, 20)),
  ];
  const picksOn = (today: number, list: Person[] = people) => {
    const section = buildModel(list, today, settings, 'en').sections[4]!;
    return section.rows.slice(0, section.featured).map((r) => r.name);
  };

  it('shows dormantPerWeek of them first, the rest behind "Show all"', () => {
    const section = buildModel(people, T, settings, 'en').sections[4]!;
    expect(section.count).toBe(25);
    expect(section.featured).toBe(3);
    expect(section.rows.length).toBe(25);
    expect(new Set(section.rows.map((r) => r.path)).size).toBe(25);
    expect(buildModel(people, T, { ...settings, dormantPerWeek: 0 }, 'en').sections[4]!.featured).toBe(0);
    expect(buildModel(people.slice(0, 2), T, settings, 'en').sections[4]!.featured).toBe(2);
  });

  it('picks the same ties all week, whatever the order of the notes', () => {
    const monday = day('2026-11-23'), sunday = day('2026-11-29');
    expect(isoWeek(monday)).toEqual(isoWeek(sunday));
    const picks = picksOn(T);
    expect(picksOn(monday)).toEqual(picks);
    expect(picksOn(sunday)).toEqual(picks);
    expect(picksOn(T, [...people].reverse())).toEqual(picks);
    expect(picksOn(T, [...people.slice(7), ...people.slice(0, 7)])).toEqual(picks);
  });

  it('rotates from week to week', () => {
    const weeks = Array.from({ length: 12 }, (_, w) => picksOn(T + 7 * w).join(','));
    expect(new Set(weeks).size).toBeGreaterThan(8);
    // Among equally strong ties, half a year of weeks comes round to nearly everyone.
    const equal = people.slice(0, 20);
    const everyone = new Set(Array.from({ length: 26 }, (_, w) => picksOn(T + 7 * w, equal)).flat());
    expect(everyone.size).toBeGreaterThan(16);
  });

  it('prefers ties that were once strong (weighted by their contacts)', () => {
    const count = new Map<string, number>();
    for (let w = 0; w < 150; w++) for (const name of picksOn(T + 7 * w)) count.set(name, (count.get(name) ?? 0) + 1);
    const strong = [...count].filter(([n]) => n.startsWith('Strong')).reduce((a, [, c]) => a + c, 0) / 5;
    const weak = [...count].filter(([n]) => n.startsWith('Weak')).reduce((a, [, c]) => a + c, 0) / 20;
    // 5 strong ties of weight 20 against 20 weak ones of weight 1: a strong tie comes up about every other week.
    expect(strong).toBeGreaterThan(weak * 5);
    expect(strong).toBeGreaterThan(60);
    // The weak ones still come up now and then.
    expect([...count.keys()].some((n) => n.startsWith('Weak'))).toBe(true);
  });

  it('is a pure function of the rows and the week', () => {
    const rows = buildModel(people, T, settings, 'en').sections[4]!.rows;
    const week = isoWeek(T);
    expect(pickDormant(rows, week, 4)).toEqual(pickDormant([...rows].reverse(), week, 4).sort((a, b) => rows.indexOf(a) - rows.indexOf(b)));
    expect(pickDormant(rows, week, 0)).toEqual([]);
    expect(pickDormant([], week, 3)).toEqual([]);
  });
});

describe('the capacity meter', () => {
  it('counts people with a cadence per circle, cumulatively, against 5 / 15 / 50 / 150', () => {
    const people = [
      ...Array.from({ length: 6 }, (_, i) => person(`Inner ${i}`, { circle: 5 })),
      person('Weekly', { cadence: '1 week' }), // a cadence as often as the 5's: counted there
      person('Monthly', { cadence: 'monthly' }), // 15
      person('Bimonthly', { cadence: '60 days' }), // 50
      person('Rarely', { cadence: '2 years' }), // beyond 365: the 150
      person('Archived', { circle: 5, archived: true }),
      person('Nothing', {}),
    ];
    expect(capacity(people, settings)).toEqual([
      { circle: 5, count: 7, over: true },
      { circle: 15, count: 8, over: false },
      { circle: 50, count: 9, over: false },
      { circle: 150, count: 10, over: false },
    ]);
    expect(buildModel(people, T, settings, 'en').capacity[0]!.over).toBe(true);
  });

  it('places a cadence in the innermost circle as often, by the settings', () => {
    expect(circleOfCadence(7, settings.circleCadence)).toBe(5);
    expect(circleOfCadence(8, settings.circleCadence)).toBe(15);
    expect(circleOfCadence(90, settings.circleCadence)).toBe(50);
    expect(circleOfCadence(400, settings.circleCadence)).toBe(150);
    expect(circleOfCadence(10, { 5: 14, 15: 30, 50: 90, 150: 365 })).toBe(5);
  });
});

describe('lazy rows', () => {
  const section = (kind: 'overdue' | 'dormant', rows: number, featured = rows) => ({ kind, rows: new Array(rows).fill(null), featured });

  it('renders the first chunk, then one chunk per "Show more", never more than there are', () => {
    const big = section('overdue', 120);
    expect(visibleCount(big, undefined)).toBe(FIRST_CHUNK);
    const second = nextVisible(big, visibleCount(big, undefined));
    expect(second).toBe(FIRST_CHUNK + CHUNK);
    let n = second;
    for (let i = 0; i < 10; i++) n = nextVisible(big, n);
    expect(n).toBe(120);
    expect(nextVisible(big, 119)).toBe(120);
    expect(visibleCount(big, 1000)).toBe(120);
    expect(visibleCount(big, 5)).toBe(FIRST_CHUNK);
    expect(visibleCount(section('overdue', 7), undefined)).toBe(7);
  });

  it('dormant ties show the picks, then chunks after "Show all"', () => {
    const d = section('dormant', 200, 3);
    expect(visibleCount(d, undefined)).toBe(3);
    expect(nextVisible(d, 3)).toBe(3 + CHUNK);
    expect(visibleCount(d, 3 + CHUNK)).toBe(3 + CHUNK);
  });

  it('at 10,000 people the first render holds at most a chunk per section', () => {
    const people = Array.from({ length: 10_000 }, (_, i) => person(`P${i}`, { cadence: 7, last_contact: '2026-01-01' }));
    const model = buildModel(people, T, settings, 'en');
    expect(model.sections[1]!.count).toBe(10_000);
    expect(model.sections.reduce((n, s) => n + visibleCount(s, undefined), 0)).toBe(FIRST_CHUNK);
  });
});

describe('the call hour', () => {
  it('picks the first N distinct people from the top, with every reason, dormant ties only from the picks', () => {
    const people = [...everyKind(), person('Fay2', { follow_ups: ['2026-11-01 x'], cadence: 7 })];
    const model = buildModel(people, T, settings, 'en');
    const picks = callHourPicks(model, 3);
    expect(picks.map((p) => p.name)).toEqual(['Fay2', 'Fay', 'Otto']);
    expect(picks[0]!.reasons).toEqual(['follow up: x · due 3 weeks ago', 'no contact yet · every week']);
    expect(callHourPicks(model, 100).map((p) => p.name)).toEqual(['Fay2', 'Fay', 'Otto', 'Dina', 'Fred', 'Doris']);
    const noDormant = buildModel(people, T, { ...settings, dormantPerWeek: 0 }, 'en');
    expect(callHourPicks(noDormant, 100).map((p) => p.name)).not.toContain('Doris');
  });

  it('steps through the picks and sums up what was written', async () => {
    const s = new CallHourSession([
      { path: 'a', name: 'A', reasons: [] }, { path: 'b', name: 'B', reasons: [] }, { path: 'c', name: 'C', reasons: [] },
      { path: 'd', name: 'D', reasons: [] }, { path: 'e', name: 'E', reasons: [] },
    ]);
    expect(s.current?.name).toBe('A');
    expect(await s.attempt('log', () => Promise.resolve(true))).toBe(true);
    s.renamed('b', 'x/B2.md', 'B2');
    expect(s.current).toEqual({ path: 'x/B2.md', name: 'B2', reasons: [] });
    s.next();
    // A Done logs a contact and stays; Next then moves on, and the person counts as logged.
    expect(await s.attempt('done', () => Promise.resolve(true), 'ask about the move')).toBe(true);
    expect(s.current?.name).toBe('C');
    expect(s.visit).toEqual({ logged: true, snoozed: false, done: ['ask about the move'] });
    s.next();
    expect(await s.attempt('snooze', () => Promise.resolve(true))).toBe(true);
    expect(s.position).toBe(4);
    s.end();
    expect(s.done).toBe(true);
    expect(s.current).toBeNull();
    expect(s.summary()).toEqual({ logged: 2, skipped: 1, snoozed: 1 });
    expect(await s.attempt('log', () => Promise.resolve(true))).toBe(false);
    expect(s.summary().logged).toBe(2);
  });

  it('counts only writes that happened, and waits while one runs (issue 8 #19)', async () => {
    const s = new CallHourSession([{ path: 'a', name: 'A', reasons: [] }, { path: 'b', name: 'B', reasons: [] }]);
    // A cancelled modal, or a refused write: the same person stays, counted as nothing.
    expect(await s.attempt('log', () => Promise.resolve(false))).toBe(false);
    expect(s.current?.name).toBe('A');
    await expect(s.attempt('snooze', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(s.current?.name).toBe('A');
    expect(s.busy).toBe(false);

    let finish!: (wrote: boolean) => void;
    const running = s.attempt('log', () => new Promise<boolean>((r) => (finish = r)));
    expect(s.busy).toBe(true);
    // While the modal is open: no second write, no skipping, no ending.
    expect(await s.attempt('snooze', () => Promise.resolve(true))).toBe(false);
    s.next();
    s.end();
    expect(s.current?.name).toBe('A');
    finish(true);
    expect(await running).toBe(true);
    expect(s.current?.name).toBe('B');
    // Ending with a Done written for the current person counts them.
    await s.attempt('done', () => Promise.resolve(true), 'x');
    s.end();
    expect(s.summary()).toEqual({ logged: 2, skipped: 0, snoozed: 0 });
  });

  it('shows the last three log lines, newest first, and the work line', () => {
    const p = person('L', {}, { log: ['2026-01-01 call: one', '2026-03-01 two', '2026-02-01 video: three', '2025-12-01 four'] });
    expect(lastLogLines(p)).toEqual(['2026-03-01 two', '2026-02-01 video: three', '2026-01-01 phone: one']);
    expect(workLine({ organisation: 'Acme', department: null, role: 'CTO' })).toBe('Acme · CTO');
    expect(workLine({ organisation: null, department: ' ', role: null })).toBe('');
  });

  it('reads the size input, clamped', () => {
    expect(readCallHourSize('7')).toBe(7);
    expect(readCallHourSize('')).toBe(DEFAULT_CALL_HOUR);
    expect(readCallHourSize('abc')).toBe(DEFAULT_CALL_HOUR);
    expect(readCallHourSize('0')).toBe(1);
    expect(readCallHourSize('999')).toBe(MAX_CALL_HOUR);
  });
});
