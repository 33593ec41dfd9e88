/**
 * Calendar days as integers (days since 1970-01-01). A day written `2026-11-20` is the same integer in
 * every time zone; comparisons in loops are integer comparisons. luxon parses durations and formats.
 */
import { DateTime, Duration } from 'luxon';
import type { Birthday, Day } from './types';

const MS_PER_DAY = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a proleptic Gregorian date, or null when there is no such date. Integer math only. */
export function dayFromParts(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return null;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!)) return null;
  // Days from civil (H. Hinnant): years start in March so the leap day comes last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The number written by `count` ASCII digits at `from`, or -1 when they are not all digits. */
export function digits(s: string, from: number, count: number): number {
  if (from + count > s.length) return -1;
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The years a date may name: outside them a date is a typo (`0026`, `20226`), not a day to plan around. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** Why a date-shaped text names no day. */
export type DateProblem = 'no-such-day' | 'year' | 'time';

/** A date read at the start of a text: the day (null when there is no such day), and where the date ends. */
export interface DateRead {
  day: Day | null;
  /** Index just after the date and its time part, if any. */
  end: number;
  problem?: DateProblem;
}

/**
 * Reads `YYYY-MM-DD` at `from`, with an optional time part as YAML and ISO 8601 write it: `T` or a space,
 * then `HH:MM`, optional `:SS` and a fraction, optional zone (`Z`, `+01:00`, `-0500`, ` -5`). The day is the
 * day as written, whatever the time or the zone. Null when the text there is not shaped like a date (or the
 * digits run on). When it is shaped like one but names no day (30 February, month 13, a year outside
 * 1900–2200, a time part that is not a time of day such as `T25:61`), `day` is null and `problem` says why:
 * such a date is an error, never rolled over to another day.
 */
export function readDate(s: string, from = 0): DateRead | null {
  if (s.charCodeAt(from + 4) !== 45 || s.charCodeAt(from + 7) !== 45) return null;
  const y = digits(s, from, 4), m = digits(s, from + 5, 2), d = digits(s, from + 8, 2);
  if (y < 0 || m < 0 || d < 0) return null;
  let end = from + 10;
  if (isDigit(s.charCodeAt(end))) return null;
  let timeOk = true;
  const sep = s.charCodeAt(end);
  if (sep === 84 || sep === 116) {
    // `T`: a time part must follow.
    const t = readTime(s, end + 1);
    if (t < 0) timeOk = false;
    end = t < 0 ? skipWord(s, end) : t;
  } else if (sep === 32 && isDigit(s.charCodeAt(end + 1)) && (s.charCodeAt(end + 2) === 58 || s.charCodeAt(end + 3) === 58)) {
    // A space and `H:` or `HH:` starts a time part; anything else after a space is text.
    const t = readTime(s, end + 1);
    if (t < 0) timeOk = false;
    end = t < 0 ? skipWord(s, end + 1) : t;
  }
  if (y < MIN_YEAR || y > MAX_YEAR) return { day: null, end, problem: 'year' };
  const day = dayFromParts(y, m, d);
  if (day === null) return { day: null, end, problem: 'no-such-day' };
  if (!timeOk) return { day: null, end, problem: 'time' };
  return { day, end };
}

/** Index after the non-space characters from `i`. */
function skipWord(s: string, i: number): number {
  while (i < s.length && s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 9) i++;
  return i;
}

/** `H:MM` or `HH:MM`, optional `:SS[.fff]`, optional zone; the index after it, or -1 when it is no time of day. */
function readTime(s: string, i: number): number {
  const hourDigits = isDigit(s.charCodeAt(i + 1)) ? 2 : 1;
  const h = digits(s, i, hourDigits);
  i += hourDigits;
  if (h < 0 || s.charCodeAt(i) !== 58) return -1;
  const min = digits(s, i + 1, 2);
  if (min < 0 || isDigit(s.charCodeAt(i + 3))) return -1;
  i += 3;
  let sec = 0;
  // `:SS`; a colon not followed by two digits ends the time (`2026-11-27 09:30: ask`).
  if (s.charCodeAt(i) === 58 && isDigit(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2))) {
    sec = digits(s, i + 1, 2);
    if (isDigit(s.charCodeAt(i + 3))) return -1;
    i += 3;
    if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) {
      let j = i + 1;
      while (isDigit(s.charCodeAt(j))) j++;
      if (j === i + 1) return -1;
      i = j;
    }
  }
  if (h > 23 || min > 59 || sec > 59) return -1;
  return readZone(s, i);
}

/** An optional zone after a time (`Z`, `+01:00`, `+0100`, `-5`, YAML's ` -5`); the index after it, or -1. */
function readZone(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 90 || c === 122) return i + 1;
  let j = i;
  while (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9) j++;
  const sign = s.charCodeAt(j);
  if ((sign !== 43 && sign !== 45) || !isDigit(s.charCodeAt(j + 1))) return i;
  if (j > i && s.charCodeAt(j + 2) === 32) return i; // ` - 5` or ` -5 words` after a space is text, not a zone
  const hourDigits = isDigit(s.charCodeAt(j + 2)) ? 2 : 1;
  const zh = digits(s, j + 1, hourDigits);
  let k = j + 1 + hourDigits;
  let zm = 0;
  if (s.charCodeAt(k) === 58 || (hourDigits === 2 && isDigit(s.charCodeAt(k)))) {
    const at = s.charCodeAt(k) === 58 ? k + 1 : k;
    zm = digits(s, at, 2);
    if (zm < 0) return -1;
    k = at + 2;
  }
  if (isDigit(s.charCodeAt(k)) || zh > 23 || zm > 59) return -1;
  return k;
}

/**
 * A whole text that is a date (spaces around it allowed): `YYYY-MM-DD`, with an optional time part.
 * Null when it is anything else, or names no day. `prefixOnly` reads only the date at the start and
 * ignores what follows it.
 */
export function parseDayString(s: string, prefixOnly = false): Day | null {
  let from = 0;
  while (from < s.length && (s.charCodeAt(from) === 32 || s.charCodeAt(from) === 9)) from++;
  const read = readDate(s, from);
  if (read === null || read.day === null) return null;
  if (!prefixOnly) for (let i = read.end; i < s.length; i++) if (!isBlankOrBreak(s.charCodeAt(i))) return null;
  return read.day;
}

function isBlankOrBreak(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Why a text that begins like a date names no day; null when it names one, or does not look like a date. */
export function dateProblem(s: string): DateProblem | null {
  return readDate(s.trim())?.problem ?? null;
}

/**
 * A YAML value as a day: a `YYYY-MM-DD` string (time part ignored). Neither adapter gives a `Date` any more;
 * one that still comes in (a user's own data) is read by its UTC parts, as YAML parsers make them.
 */
export function parseDay(value: unknown): Day | null {
  if (typeof value === 'string') return parseDayString(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const year = value.getUTCFullYear();
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    return dayFromParts(year, value.getUTCMonth() + 1, value.getUTCDate());
  }
  return null;
}

/** A birthday: a full date, or `--MM-DD` when the year is unknown. */
export function parseBirthday(value: unknown): Birthday | null {
  if (typeof value === 'string' && value.trim().startsWith('--')) {
    const t = value.trim();
    if (t.length !== 7 || t.charCodeAt(4) !== 45) return null;
    const m = digits(t, 2, 2), d = digits(t, 5, 2);
    if (m < 1 || d < 1 || dayFromParts(2000, m, d) === null) return null; // 2000 is a leap year: 29 Feb is valid
    return { month: m, day: d, year: null };
  }
  const day = parseDay(value);
  if (day === null) return null;
  const { year, month, day: dom } = partsOfDay(day);
  return { month, day: dom, year };
}

export function partsOfDay(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function formatDay(day: Day): string {
  const { year, month, day: d } = partsOfDay(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today in the machine's local time zone, as the user's calendar shows it. */
export function localToday(now: Date = new Date()): Day {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The day a birthday falls on in `year`; 29 February falls on 28 February in other years. */
export function birthdayIn(b: Birthday, year: number): Day {
  const day = b.month === 2 && b.day === 29 && !isLeap(year) ? 28 : b.day;
  return dayFromParts(year, b.month, day)!;
}

/** The first day on or after `from` on which the birthday falls. */
export function nextBirthday(b: Birthday, from: Day): Day {
  const { year } = partsOfDay(from);
  const thisYear = birthdayIn(b, year);
  return thisYear >= from ? thisYear : birthdayIn(b, year + 1);
}

const NAMED_CADENCES: Record<string, number> = {
  daily: 1, weekly: 7, biweekly: 14, fortnightly: 14, monthly: 30, bimonthly: 60, quarterly: 90,
  'half-yearly': 182, semiannually: 182, yearly: 365, annually: 365, annual: 365,
  // Dutch, for users who write their notes in Dutch
  dagelijks: 1, wekelijks: 7, tweewekelijks: 14, maandelijks: 30, 'per kwartaal': 90, kwartaal: 90,
  halfjaarlijks: 182, jaarlijks: 365,
};

const UNIT_DAYS: Record<string, number> = {
  d: 1, day: 1, days: 1, dag: 1, dagen: 1,
  w: 7, wk: 7, week: 7, weeks: 7, weken: 7,
  m: 30, mo: 30, month: 30, months: 30, maand: 30, maanden: 30,
  q: 90, quarter: 90, quarters: 90, kwartaal: 90, kwartalen: 90,
  y: 365, yr: 365, year: 365, years: 365, jaar: 365, jaren: 365,
};

const durationCache = new Map<string, number | null>();

/** No cadence takes more characters than this to write; a longer value is not read (nor kept in the cache). */
const MAX_DURATION_LENGTH = 40;

/**
 * A cadence in days: `7`, `10d`, `2w`, `2 weeks`, `1 month`, `monthly`, `quarterly`, `yearly`, ISO `P3M`.
 * A month is 30 days, a quarter 90, a year 365. Null when it cannot be read, or is less than one day
 * (`0`, `0.4`, `PT12H`: rounded, it would make a person overdue every day, forever).
 */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return wholeDays(value);
  if (typeof value !== 'string' || value.length > MAX_DURATION_LENGTH * 4) return null;
  const key = value.trim().toLowerCase();
  if (key.length > MAX_DURATION_LENGTH) return null;
  const cached = durationCache.get(key);
  if (cached !== undefined) return cached;
  const days = readDuration(key);
  if (durationCache.size > 10_000) durationCache.clear();
  durationCache.set(key, days);
  return days;
}

/** Days as a whole number, or null when less than one day (or not a number). */
function wholeDays(days: number): number | null {
  return Number.isFinite(days) && days >= 1 ? Math.round(days) : null;
}

function readDuration(s: string): number | null {
  const text = s.replace(/^every\s+/, '').replace(/^(elke|iedere)\s+/, '');
  if (text in NAMED_CADENCES) return NAMED_CADENCES[text]!;
  if (/^p/.test(text)) return isoDays(text);
  const m = /^(\d+(?:[.,]\d+)?)?\s*([a-z]+)?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const n = m[1] === undefined ? 1 : Number(m[1].replace(',', '.'));
  const unit = m[2] === undefined ? 1 : UNIT_DAYS[m[2]];
  if (unit === undefined) return null;
  return wholeDays(n * unit);
}

function isoDays(text: string): number | null {
  const d = Duration.fromISO(text.toUpperCase());
  if (!d.isValid) return null;
  const o = d.toObject();
  const days =
    (o.years ?? 0) * 365 + (o.quarters ?? 0) * 90 + (o.months ?? 0) * 30 + (o.weeks ?? 0) * 7 + (o.days ?? 0) +
    (o.hours ?? 0) / 24 + (o.minutes ?? 0) / 1440 + (o.seconds ?? 0) / 86400;
  return wholeDays(days);
}

/** The weekday's name of a day, in the given locale ("Thursday", "donderdag"). */
export function weekdayName(day: Day, locale: string): string {
  return DateTime.fromMillis(day * MS_PER_DAY, { zone: 'utc' }).setLocale(locale).weekdayLong ?? '';
}

/** A day as a person reads it: "Tuesday 1 December", with the year when `withYear`. */
export function longDate(day: Day, locale: string, withYear = false): string {
  return DateTime.fromMillis(day * MS_PER_DAY, { zone: 'utc' }).setLocale(locale).toFormat(withYear ? 'cccc d LLLL yyyy' : 'cccc d LLLL');
}

/** ISO week number and week-year of a day, for weekly rotations. */
export function isoWeek(day: Day): { year: number; week: number } {
  const dt = DateTime.fromMillis(day * MS_PER_DAY, { zone: 'utc' });
  return { year: dt.weekYear, week: dt.weekNumber };
}
