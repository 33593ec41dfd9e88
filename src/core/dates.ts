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

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Reads `YYYY-MM-DD` at the start of `s`; what follows must be nothing, a time part (`T…` or ` …`),
 * or, when `prefixOnly`, anything that does not continue the date.
 */
export function parseDayString(s: string, prefixOnly = false): Day | null {
  const t = s.trim();
  if (t.length < 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return null;
  const y = digits(t, 0, 4), m = digits(t, 5, 2), d = digits(t, 8, 2);
  if (y < 0 || m < 0 || d < 0) return null;
  if (t.length > 10) {
    const next = t[10]!;
    if (next >= '0' && next <= '9') return null;
    if (!prefixOnly && next !== 'T' && next !== 't' && next !== ' ') return null;
  }
  return dayFromParts(y, m, d);
}

/** A YAML value as a day: a `YYYY-MM-DD` string (time part ignored) or a `Date` (read in UTC, as YAML parsers make it). */
export function parseDay(value: unknown): Day | null {
  if (typeof value === 'string') return parseDayString(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return dayFromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
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

/**
 * A cadence in days: `7`, `10d`, `2w`, `2 weeks`, `1 month`, `monthly`, `quarterly`, `yearly`, ISO `P3M`.
 * A month is 30 days, a quarter 90, a year 365. Null when it cannot be read, or is not positive.
 */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.round(value) : null;
  if (typeof value !== 'string') return null;
  const key = value.trim().toLowerCase();
  const cached = durationCache.get(key);
  if (cached !== undefined) return cached;
  const days = readDuration(key);
  if (durationCache.size > 10_000) durationCache.clear();
  durationCache.set(key, days);
  return days;
}

function readDuration(s: string): number | null {
  const text = s.replace(/^every\s+/, '').replace(/^(elke|iedere)\s+/, '');
  if (text in NAMED_CADENCES) return NAMED_CADENCES[text]!;
  if (/^p/.test(text)) return isoDays(text);
  const m = /^(\d+(?:[.,]\d+)?)?\s*([a-z]+)?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const n = m[1] === undefined ? 1 : Number(m[1].replace(',', '.'));
  const unit = m[2] === undefined ? 1 : UNIT_DAYS[m[2]];
  if (unit === undefined || !(n > 0)) return null;
  return Math.round(n * unit);
}

function isoDays(text: string): number | null {
  const d = Duration.fromISO(text.toUpperCase());
  if (!d.isValid) return null;
  const o = d.toObject();
  const days =
    (o.years ?? 0) * 365 + (o.quarters ?? 0) * 90 + (o.months ?? 0) * 30 + (o.weeks ?? 0) * 7 + (o.days ?? 0) +
    (o.hours ?? 0) / 24 + (o.minutes ?? 0) / 1440 + (o.seconds ?? 0) / 86400;
  const rounded = Math.round(days);
  return rounded > 0 ? rounded : null;
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
