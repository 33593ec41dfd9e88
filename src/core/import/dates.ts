/** Dates as the exports write them, turned into the format's `YYYY-MM-DD` and `--MM-DD`. */
import { dayFromParts } from '../dates';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};

/** The format's years: a date outside them is an error in a note, so an import never writes one. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function fullDate(y: number, m: number, d: number): string | null {
  if (y < FIRST_YEAR || y > LAST_YEAR || dayFromParts(y, m, d) === null) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function monthDay(m: number, d: number): string | null {
  // 2000 is a leap year: 29 February is a birthday.
  return dayFromParts(2000, m, d) === null ? null : `--${pad(m)}-${pad(d)}`;
}

/** LinkedIn's `Connected On`: `08 Feb 2026` (also `8 February 2026`, and ISO `2026-02-08`). */
export function parseConnectedOn(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return fullDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})$/.exec(t);
  if (!m) return null;
  const month = MONTHS[m[2]!.toLowerCase()];
  return month === undefined ? null : fullDate(Number(m[3]), month, Number(m[1]));
}

/**
 * A birthday as vCard 3.0/4.0 and Google write it: `1985-04-12`, `19850412`, a time part after it
 * (`1985-04-12T00:00:00Z`), year-less `--04-12` and `--0412`. A year before 1900 stands for "no year" (Apple
 * writes 1604, Outlook 1601), as does Apple's `X-APPLE-OMIT-YEAR`. Null when it is no such date.
 */
export function parseBirthdayText(text: string, omitYear = false): string | null {
  let t = text.trim();
  const time = t.search(/[Tt]/);
  if (time >= 0) t = t.slice(0, time);
  if (t.startsWith('--')) {
    const md = /^--(\d{2})-?(\d{2})$/.exec(t);
    return md ? monthDay(Number(md[1]), Number(md[2])) : null;
  }
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(t);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (omitYear || y < FIRST_YEAR) return monthDay(mo, d);
  return fullDate(y, mo, d);
}
