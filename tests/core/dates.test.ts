import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthdayIn, dateProblem, dayFromParts, formatDay, isoWeek, nextBirthday, parseBirthday, parseDay, parseDayString,
  parseDuration, readDate,
} from '../../src/core/dates';
import { day } from '../builders';

describe('calendar days', () => {
  it('reads YYYY-MM-DD, a time part, and a Date from YAML as the same day', () => {
    const d = day('2026-11-20');
    expect(parseDay('2026-11-20')).toBe(d);
    expect(parseDay('2026-11-20T23:59:00')).toBe(d);
    expect(parseDay('2026-11-20 08:15')).toBe(d);
    expect(parseDay(new Date(Date.UTC(2026, 10, 20)))).toBe(d); // gray-matter: unquoted date at UTC midnight
    expect(formatDay(d)).toBe('2026-11-20');
  });

  it('gives the same day whatever the process time zone', () => {
    // Day numbers come from UTC arithmetic only; local-time getters are never used for parsing.
    const before = process.env.TZ;
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Amsterdam']) {
      process.env.TZ = tz;
      expect(parseDay('2026-03-29')).toBe(dayFromParts(2026, 3, 29));
      expect(parseDay(new Date(Date.UTC(2026, 2, 29)))).toBe(dayFromParts(2026, 3, 29));
    }
    process.env.TZ = before;
  });

  it('rejects what is not a calendar date', () => {
    for (const bad of ['yesterday', '2026-13-01', '2026-02-30', '20261120', '2026-11-2', '2026-11-201', '', 'x'.repeat(20)])
      expect(parseDayString(bad)).toBeNull();
    expect(parseDay(42)).toBeNull();
    expect(parseDay(['2026-11-20'])).toBeNull();
    expect(parseDay(new Date(NaN))).toBeNull();
  });

  it('is the day as written, with any time part and zone offset, in every time zone', () => {
    const d = day('2026-11-20');
    const written = [
      '2026-11-20T23:30:00-05:00', '2026-11-20T00:30:00+14:00', '2026-11-20 23:30 -12', '2026-11-20T23:59:59.999Z',
      '2026-11-20t10:00z', '2026-11-20 9:05', '2026-11-20T23:30+0530', '2026-11-20 21:59:43.10 -5', ' 2026-11-20 ',
    ];
    const before = process.env.TZ;
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Pago_Pago']) {
      process.env.TZ = tz;
      for (const s of written) expect(parseDay(s), s).toBe(d);
    }
    process.env.TZ = before;
  });

  it('never rolls an impossible date over to another day, and says why it is none', () => {
    for (const [bad, problem] of [
      ['2026-02-30', 'no-such-day'], ['2026-13-01', 'no-such-day'], ['2026-00-10', 'no-such-day'], ['2027-02-29', 'no-such-day'],
      ['0026-11-20', 'year'], ['1899-12-31', 'year'], ['2201-01-01', 'year'], ['9999-12-31', 'year'],
      ['2026-11-20T25:61:61', 'time'], ['2026-11-20T24:00', 'time'], ['2026-11-20 23:60', 'time'], ['2026-11-20T10', 'time'],
      ['2026-11-20Tuesday', 'time'], ['2026-11-20T10:00+25:00', 'time'],
    ] as const) {
      expect(parseDay(bad), bad).toBeNull();
      expect(dateProblem(bad), bad).toBe(problem);
    }
    expect(parseDay('1900-01-01')).toBe(dayFromParts(1900, 1, 1));
    expect(parseDay('2200-12-31')).toBe(dayFromParts(2200, 12, 31));
    expect(parseDay('2028-02-29')).toBe(dayFromParts(2028, 2, 29));
    expect(dateProblem('2026-11-20')).toBeNull();
    expect(dateProblem('yesterday')).toBeNull();
  });

  it('reads a Date that still comes in by its UTC parts, within the same years', () => {
    expect(parseDay(new Date(Date.UTC(2026, 10, 20, 23, 30)))).toBe(day('2026-11-20'));
    expect(parseDay(new Date(Date.UTC(1850, 0, 1)))).toBeNull();
  });

  it('reads a date at the start of a line and tells where it ends', () => {
    expect(readDate('2026-03-19T10:00 got: x')).toEqual({ day: day('2026-03-19'), end: 16 });
    expect(readDate('2026-03-19 10:00 call')).toEqual({ day: day('2026-03-19'), end: 16 });
    expect(readDate('2026-03-19 10 people')).toEqual({ day: day('2026-03-19'), end: 10 });
    expect(readDate('2026-03-19: ask')).toEqual({ day: day('2026-03-19'), end: 10 });
    expect(readDate('2026-03-19 12:00 - 5 people')).toEqual({ day: day('2026-03-19'), end: 16 });
    expect(readDate('2026-02-30 call')).toEqual({ day: null, end: 10, problem: 'no-such-day' });
    expect(readDate('2026-03-191')).toBeNull();
    expect(readDate('met 2026-03-19')).toBeNull();
    expect(readDate('x 2026-03-19', 2)).toEqual({ day: day('2026-03-19'), end: 12 });
  });

  it('reads a 1 MB line of digits, colons and signs in linear time', () => {
    const hostile = '2026-11-20T' + '1:'.repeat(500_000);
    expect(parseDay(hostile)).toBeNull();
    expect(parseDayString('2026-11-20 ' + '-'.repeat(1_000_000))).toBeNull();
  });

  it('round-trips every day between 1900 and 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('1900-01-01'), max: day('2100-12-31') }), (d) => {
        expect(parseDayString(formatDay(d))).toBe(d);
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.anything(), (v) => {
      parseDay(v);
      parseDuration(v);
      parseBirthday(v);
    }));
  });
});

describe('birthdays', () => {
  it('reads --MM-DD without a year', () => {
    expect(parseBirthday('--11-27')).toEqual({ month: 11, day: 27, year: null });
    expect(parseBirthday('--02-29')).toEqual({ month: 2, day: 29, year: null });
    expect(parseBirthday('--02-30')).toBeNull();
    expect(parseBirthday('1980-05-04')).toEqual({ month: 5, day: 4, year: 1980 });
  });

  it('puts 29 February on 28 February in other years', () => {
    const b = { month: 2, day: 29, year: 1988 };
    expect(formatDay(birthdayIn(b, 2027))).toBe('2027-02-28');
    expect(formatDay(birthdayIn(b, 2028))).toBe('2028-02-29');
    expect(formatDay(nextBirthday(b, day('2027-03-01')))).toBe('2028-02-29');
  });

  it('finds the next birthday across the new year', () => {
    expect(formatDay(nextBirthday({ month: 1, day: 2, year: null }, day('2026-12-30')))).toBe('2027-01-02');
    expect(formatDay(nextBirthday({ month: 12, day: 30, year: null }, day('2026-12-30')))).toBe('2026-12-30');
  });
});

describe('durations', () => {
  it.each([
    [7, 7], ['7', 7], ['10d', 10], ['2w', 14], ['2 weeks', 14], ['1 month', 30], ['3 months', 90], ['monthly', 30],
    ['quarterly', 90], ['yearly', 365], ['P3M', 90], ['p1y', 365], ['P2W', 14], ['P1Y2M', 425], ['weekly', 7],
    ['every 2 weeks', 14], ['Monthly', 30], ['1y', 365], ['maandelijks', 30], ['6 weeks', 42], [1, 1], ['1.4', 1],
    ['PT24H', 1], ['1.5d', 2],
  ])('%s is %i days', (input, days) => {
    expect(parseDuration(input)).toBe(days);
  });

  it.each([
    'often', '', 'P', 'PT0S', '0', -3, 'two weeks', '2 fortnights', true, null, ['2w'], 0, 0.4, '0.4', 'PT12H', '0.4d',
    '0,5 days', 'P0D', 'PT23H59M', Infinity, NaN,
  ])('%s is not a duration', (input) => {
    expect(parseDuration(input)).toBeNull();
  });

  it('does not read (or keep) a 10 MB value', () => {
    expect(parseDuration('7'.repeat(10_000_000))).toBeNull();
    expect(parseDuration(' '.repeat(10_000_000) + '7')).toBeNull();
  });
});

describe('ISO weeks', () => {
  it('uses the ISO week-year', () => {
    expect(isoWeek(day('2026-01-01'))).toEqual({ year: 2026, week: 1 });
    expect(isoWeek(day('2027-01-01'))).toEqual({ year: 2026, week: 53 });
  });
});
