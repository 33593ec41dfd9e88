import { describe, expect, it } from 'vitest';
import { rank } from '../../src/core/attention';
import { effectiveLastContact, futureDiagnostics } from '../../src/core/contacts';
import type { Person } from '../../src/core/types';
import { day, person, settings } from '../builders';

const T = day('2026-11-24');
const kinds = (people: Person[], today = T) => rank(people, today, settings).map((i) => `${i.kind}:${i.name}`);

describe('effective last contact', () => {
  it('is the latest of last_contact, the log and daily-note mentions, never after today', () => {
    const p = { ...person('A', { last_contact: '2026-10-01' }, { log: ['2026-11-02 call: x', '2026-12-30 planned'] }), mentions: [day('2026-11-10'), day('2026-12-01')] };
    expect(effectiveLastContact(p, T)).toBe(day('2026-11-10'));
    expect(effectiveLastContact(person('B', { last_contact: '2027-01-01' }), T)).toBeNull();
  });
});

describe('met and linkedin', () => {
  it('are read, and met is when you first met, not a contact: no last contact, still overdue', () => {
    const p = person('Zoë', { met: '2026-11-20', linkedin: 'https://www.linkedin.com/in/zoe-celik', cadence: '30d' });
    expect(p.met).toBe(day('2026-11-20'));
    expect(p.linkedin).toBe('https://www.linkedin.com/in/zoe-celik');
    expect(p.diagnostics).toEqual([]);
    expect(effectiveLastContact(p, T)).toBeNull();
    expect(kinds([p])).toEqual(['overdue:Zoë']);
  });

  it('a met that is no date is an error naming the field, and the rest is read', () => {
    const p = person('Jan', { met: '2026-02-30', linkedin: 'https://www.linkedin.com/in/jan' });
    expect(p.met).toBeNull();
    expect(p.linkedin).toBe('https://www.linkedin.com/in/jan');
    expect(p.diagnostics.map((d) => [d.severity, d.field])).toEqual([['error', 'met']]);
  });
});

describe('rank', () => {
  it('lists follow-ups on or after their date, oldest first, until removed', () => {
    const a = person('Ann', { follow_ups: ['2026-11-20 ask about the exam', '2026-11-25 not yet'] });
    const b = person('Bob', { follow_ups: ['2026-11-24 today'] });
    const c = person('Cas', { follow_ups: ['2026-01-01 long ago'] });
    const items = rank([a, b, c], T, settings);
    expect(items.map((i) => i.name)).toEqual(['Cas', 'Ann', 'Bob']);
    expect(items[1]!.detail).toBe('follow up: ask about the exam · due 4 days ago');
    expect(items[2]!.detail).toBe('follow up: today · due today');
  });

  it('overdue when T − last ≥ cadence, by how far past the cadence, then never-contacted by circle and name', () => {
    const people = [
      person('Exact', { cadence: 10, last_contact: '2026-11-14' }), // 10/10 = 1
      person('Twice', { cadence: '1 month', last_contact: '2026-09-25' }), // 60/30 = 2
      person('NotYet', { cadence: 10, last_contact: '2026-11-15' }), // 9 < 10
      person('Zed', { circle: 5 }),
      person('Adam', { circle: 50 }),
      person('Bea', { circle: 5 }),
      person('Own', { cadence: '2w' }),
    ];
    expect(kinds(people)).toEqual(['overdue:Twice', 'overdue:Exact', 'overdue:Bea', 'overdue:Zed', 'overdue:Adam', 'overdue:Own']);
    const items = rank(people, T, settings);
    expect(items[0]!.detail).toBe('60 days since last contact · every month');
    expect(items[1]!.detail).toBe('10 days since last contact · every 10 days');
    expect(items[2]!.detail).toBe('no contact yet · every week');
  });

  it('counts log items and daily-note mentions as contacts', () => {
    const logged = person('Log', { circle: 15, last_contact: '2026-01-01' }, { log: ['2026-11-20 call: hi'] });
    const mentioned = { ...person('Men', { circle: 15 }), mentions: [day('2026-11-23')] };
    expect(kinds([logged, mentioned])).toEqual([]);
  });

  it('shows birthdays from today to the horizon, both ends included, 29 February on 28 February', () => {
    const people = [
      person('Today', { birthday: '--11-24' }),
      person('Week', { birthday: '1980-12-01' }),
      person('Eight', { birthday: '--12-02' }),
      person('Gone', { birthday: '--11-23' }),
      person('Leap', { birthday: '1988-02-29' }),
    ];
    expect(kinds(people)).toEqual(['date:Today', 'date:Week']);
    expect(rank(people, T, settings)[1]!.detail).toBe('birthday on Tuesday 1 December · turns 46');
    expect(kinds(people, day('2027-02-25'))).toEqual(['date:Leap']);
    expect(rank(people, day('2027-02-25'), settings)[0]!.detail).toBe('birthday on Sunday · turns 39');
    expect(kinds(people, day('2026-11-23')).slice(0, 2)).toEqual(['date:Gone', 'date:Today']);
    expect(kinds(people, T).length).toBe(2);
    expect(rank(people, T, { ...settings, horizonDays: 8 }).map((i) => i.name)).toContain('Eight');
  });

  it('gives no birthday item for a birth date after today, and warns about it (v1.1)', () => {
    const people = [person('Future', { birthday: '2030-11-26' }), person('Soon', { birthday: '2026-11-26' }), person('Born', { birthday: '2026-11-24' })];
    expect(kinds(people)).toEqual(['date:Born']);
    expect(futureDiagnostics(people[0]!, T)).toEqual([
      { path: 'People/Future.md', severity: 'warning', field: 'birthday', message: '2030-11-26 is after today; no birthday is shown until the date is corrected' },
    ]);
    expect(futureDiagnostics(people[1]!, T)).toHaveLength(1);
    expect(futureDiagnostics(people[2]!, T)).toEqual([]);
  });

  it('lists favours owed when more got than gave, most owed first', () => {
    const people = [
      person('One', { favours: ['2026-01-01 got: a', '2026-02-01 got: b', '2026-03-01 gave: c'] }),
      person('Two', { favours: ['2026-01-01 got: a', '2026-02-01 received: b'] }),
      person('Even', { favours: ['2026-01-01 got: a', '2026-02-01 gave: b'] }),
    ];
    expect(kinds(people)).toEqual(['favour:Two', 'favour:One']);
    expect(rank(people, T, settings).map((i) => i.detail)).toEqual(['you owe 2 favours', 'you owe a favour']);
  });

  it('dormant: no cadence and silent for more than a year, longest silence first; never contacted is no item', () => {
    const people = [
      person('Old', { last_contact: '2022-05-01' }, { log: ['2021-01-01 lunch', '2020-06-01 call: x'] }),
      person('Older', { last_contact: '2020-01-01' }),
      person('Year', { last_contact: '2025-11-24' }), // exactly 365 days: not more
      person('Address', {}),
      person('Cadenced', { cadence: 'yearly', last_contact: '2020-01-01' }),
    ];
    expect(kinds(people)).toEqual(['overdue:Cadenced', 'dormant:Older', 'dormant:Old']);
    expect(rank(people, T, settings)[2]!.detail).toBe('last contact 4 years ago · 2 earlier contacts');
  });

  it('gives archived and snoozed people no items; a snooze ending today no longer hides', () => {
    const base = { circle: 5, follow_ups: ['2026-11-01 x'], favours: ['2026-01-01 got: y'] };
    expect(kinds([person('Arch', { ...base, archived: true }), person('Snz', { ...base, snooze_until: '2026-11-25' })])).toEqual([]);
    expect(kinds([person('Snz', { ...base, snooze_until: '2026-11-24' })])).toEqual(['follow-up:Snz', 'overdue:Snz', 'favour:Snz']);
  });

  it('orders sections follow-up, overdue, date, favour, dormant and breaks ties by name', () => {
    const people = [
      person('d', { last_contact: '2020-01-01' }),
      person('c', { favours: ['2026-01-01 got: y'] }),
      person('b', { birthday: '--11-25' }),
      person('a2', { circle: 5, last_contact: '2026-11-10' }),
      person('A1', { circle: 5, last_contact: '2026-11-10' }),
      person('e', { follow_ups: ['2026-11-01 x'] }),
    ];
    expect(kinds(people)).toEqual(['follow-up:e', 'overdue:A1', 'overdue:a2', 'date:b', 'favour:c', 'dormant:d']);
  });

  it('speaks Dutch when asked', () => {
    const items = rank([person('Jan', { circle: 15, last_contact: '2026-10-01' })], T, settings, 'nl');
    expect(items[0]!.detail).toBe('54 dagen sinds laatste contact · elke maand');
  });
});
