/**
 * `ties prep` output: the format's `prep` JSON, and text for a terminal, one block per person. Everything taken
 * from a note passes through `safe` before it is printed.
 */
import { describeCadence, describeSpan } from '../core/describe';
import { formatDay, longDate, weekdayName } from '../core/dates';
import { withLinkText } from '../core/links';
import { logParts } from '../core/log';
import type { Prep, PrepPerson } from '../core/prep';
import type { Day, FollowUp } from '../core/types';
import { safe } from './escape';
import { count, type Style } from './format';

const dayOrNull = (d: Day | null) => (d === null ? null : formatDay(d));

/** A follow-up as JSON: `due` null for one to raise next time; a task's note and line (counted from 1). */
export function followUpJson(f: FollowUp): Record<string, unknown> {
  const out: Record<string, unknown> = { due: dayOrNull(f.day), text: f.text };
  if (f.source !== undefined) {
    out.source = f.source;
    out.line = f.line! + 1;
  }
  return out;
}

function personJson(c: PrepPerson): Record<string, unknown> {
  const p = c.person;
  return {
    path: c.path,
    name: c.name,
    source: c.source,
    lastContact: dayOrNull(c.lastContact),
    followUps: c.followUps.map(followUpJson),
    interests: p.interests,
    owed: c.owed,
    birthday: c.birthday === null ? null : { date: formatDay(c.birthday.day), inDays: c.birthday.inDays, age: c.birthday.age },
    organisation: p.organisation,
    department: p.department,
    role: p.role,
    channel: p.channel,
    email: p.email,
    phone: p.phone,
    met: dayOrNull(p.met),
    linkedin: p.linkedin,
    introducedBy: p.introducedBy,
    cadenceDays: p.cadence,
    lastLog: c.lastLog === null ? null : { date: formatDay(c.lastLog.day), text: c.lastLog.raw },
  };
}

export function prepJson(prep: Prep): Record<string, unknown> {
  return { note: prep.note, day: dayOrNull(prep.day), people: prep.people.map(personJson), unresolved: prep.unresolved };
}

/** "today", "yesterday", "3 weeks ago". */
function ago(day: Day, today: Day): string {
  const d = today - day;
  return d === 0 ? 'today' : d === 1 ? 'yesterday' : `${describeSpan(d, 'en')} ago`;
}

function plural(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

function block(c: PrepPerson, today: Day, style: Style): string[] {
  const p = c.person;
  const lines = [`${style.bold(style.cyan(safe(c.name)))}${style.dim(` · ${c.source === 'self' ? 'this note' : c.source}`)}`];
  const where = [p.organisation, p.department, p.role].filter((x): x is string => x !== null).map(safe);
  const reach = p.channel === 'email' && p.email ? `e-mail ${p.email}` : p.channel === 'phone' && p.phone ? `phone ${p.phone}` : p.channel;
  if (reach !== null) where.push(`prefers ${safe(reach)}`);
  else if (p.email !== null) where.push(safe(p.email));
  if (where.length > 0) lines.push(`  ${where.join(' · ')}`);

  const rhythm = p.cadence === null ? '' : ` · ${describeCadence(p.cadence)}`;
  if (c.lastContact === null) lines.push(`  No contact yet${rhythm}`);
  else {
    const log = c.lastLog !== null && c.lastLog.day === c.lastContact ? logParts(c.lastLog.raw) : null;
    const what = log === null ? '' : `: ${safe(log.channel === null ? log.text : `${log.channel}: ${log.text}`)}`;
    lines.push(`  Last contact ${formatDay(c.lastContact)}, ${ago(c.lastContact, today)}${rhythm}${what}`);
  }
  if (c.lastLog !== null && c.lastLog.day !== c.lastContact) lines.push(`  Last log line: ${safe(c.lastLog.raw)}`);

  if (c.followUps.length > 0) {
    lines.push('  Follow-ups');
    for (const f of c.followUps) {
      const when = f.day === null ? 'next time ' : formatDay(f.day);
      const place = f.source !== undefined && f.source !== c.path ? style.dim(`  (${safe(f.source)}:${f.line! + 1})`) : '';
      lines.push(`    ${style.yellow(when)}  ${safe(f.text === '' ? '(no words)' : withLinkText(f.text))}${place}`);
    }
  }
  if (p.interests.length > 0) lines.push(`  Interests: ${p.interests.map(safe).join(', ')}`);
  const notes: string[] = [];
  if (c.owed > 0) notes.push(`you owe ${plural(c.owed, 'favour', 'favours')}`);
  if (c.birthday !== null) {
    const b = c.birthday;
    const when = b.inDays === 0 ? 'birthday today' : b.inDays === 1 ? 'birthday tomorrow' : `birthday on ${b.inDays < 7 ? weekdayName(b.day, 'en') : longDate(b.day, 'en')}`;
    notes.push(b.age === null ? when : `${when}, turns ${b.age}`);
  }
  if (notes.length > 0) lines.push(`  ${notes[0]![0]!.toUpperCase()}${notes.join(' · ').slice(1)}`);
  const about: string[] = [];
  if (p.met !== null) about.push(`met ${formatDay(p.met)}`);
  if (p.introducedBy !== null) about.push(`introduced by ${safe(p.introducedBy)}`);
  if (p.linkedin !== null) about.push(`LinkedIn ${safe(p.linkedin)}`);
  if (about.length > 0) lines.push(`  ${about[0]![0]!.toUpperCase()}${about.join(' · ').slice(1)}`);
  return lines;
}

export function formatPrep(prep: Prep, today: Day, style: Style): string {
  const when = prep.day === null ? '' : ` · ${longDate(prep.day, 'en', true)}`;
  const lines = [style.bold(`Prep · ${safe(prep.note)}${when} · ${plural(prep.people.length, 'person', 'people')}`)];
  if (prep.people.length === 0) lines.push('', 'This note names no person note.');
  for (const c of prep.people) lines.push('', ...block(c, today, style));
  if (prep.unresolved.length > 0) lines.push('', `No note for: ${prep.unresolved.map(safe).join(', ')}`);
  return lines.join('\n') + '\n';
}
