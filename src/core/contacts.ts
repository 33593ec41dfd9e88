/** What counts as a contact: `last_contact`, dated log items and daily-note mentions, never after today. */
import { dayFromParts, formatDay } from './dates';
import type { Day, Diagnostic, Person } from './types';

/** The latest contact on or before `today`, or null when there is none. */
export function effectiveLastContact(p: Person, today: Day): Day | null {
  let last = p.lastContact !== null && p.lastContact <= today ? p.lastContact : null;
  for (const e of p.log) if (e.day <= today && (last === null || e.day > last)) last = e.day;
  for (const d of p.mentions) if (d <= today && (last === null || d > last)) last = d;
  return last;
}

/** How many different days on or before `today` had a contact. */
export function contactCount(p: Person, today: Day): number {
  const days = new Set<Day>();
  if (p.lastContact !== null && p.lastContact <= today) days.add(p.lastContact);
  for (const e of p.log) if (e.day <= today) days.add(e.day);
  for (const d of p.mentions) if (d <= today) days.add(d);
  return days.size;
}

/** Warnings that depend on the day: contacts dated after today are not contacts yet. */
export function futureDiagnostics(p: Person, today: Day): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (p.lastContact !== null && p.lastContact > today)
    out.push({
      path: p.path, severity: 'warning', field: 'last_contact',
      message: `${formatDay(p.lastContact)} is after today; it is not counted as a contact yet`,
    });
  for (const e of p.log)
    if (e.day > today)
      out.push({
        path: p.path, severity: 'warning', field: 'log',
        message: `log item on line ${e.line + 1} is dated ${formatDay(e.day)}, after today; it is not counted as a contact yet`,
      });
  for (const f of p.favours)
    if (f.day !== null && f.day > today)
      out.push({ path: p.path, severity: 'warning', field: 'favours', message: `favour dated ${formatDay(f.day)} is after today` });
  const born = birthDay(p);
  if (born !== null && born > today)
    out.push({
      path: p.path, severity: 'warning', field: 'birthday',
      message: `${formatDay(born)} is after today; no birthday is shown until the date is corrected`,
    });
  return out;
}

/** The birth date itself, when the birthday has a year; null for `--MM-DD`. */
export function birthDay(p: Person): Day | null {
  const b = p.birthday;
  return b === null || b.year === null ? null : dayFromParts(b.year, b.month, b.day);
}
