/**
 * Meeting prep (format v1.1): the people a note names, each with what to know before talking to them. One
 * model for `ties prep` and the plugin's "People in this note" panel. Order: attendee entries first, in their
 * order, then body links to person notes in the order they first appear (links in tasks too: a task names a
 * person as well); each person once. A person note lists that person alone. Names that resolve to no note at
 * all are `unresolved`; a link to a note that is not a person is neither listed nor unresolved.
 */
import { birthDay, effectiveLastContact } from './contacts';
import { nextBirthday, partsOfDay } from './dates';
import { readAttendees, readInteraction } from './interaction';
import type { CoreSettings, Day, FollowUp, LogEntry, NoteRecord, Person } from './types';

/** What prep asks of the index. */
export interface PrepIndex {
  /** The person at `path` with contacts and follow-ups from other notes. */
  person(path: string): Person | undefined;
  resolve(target: string, fromPath: string): string | null;
  resolvePerson(target: string, fromPath: string): string | null;
}

/** How a person came into the list: an attendee key, a body link, or the note is that person's own. */
export type PrepSource = 'attendee' | 'link' | 'self';

export interface PrepBirthday {
  /** The next birthday, within the horizon. */
  day: Day;
  inDays: number;
  /** The age they turn, when the year is known. */
  age: number | null;
}

export interface PrepPerson {
  path: string;
  name: string;
  source: PrepSource;
  person: Person;
  /** The effective last contact (`last_contact`, log, interaction notes), never after today. */
  lastContact: Day | null;
  /** The newest log item on or before today. */
  lastLog: LogEntry | null;
  /** Open follow-ups: dated ones due by today, oldest first, then every one to raise next time. */
  followUps: FollowUp[];
  /** How many favours you owe (got minus gave, when more were got). */
  owed: number;
  birthday: PrepBirthday | null;
}

export interface Prep {
  note: string;
  /** The day the note is about, by the four rules of interaction notes; null when none gives one. */
  day: Day | null;
  people: PrepPerson[];
  /** Attendee entries and body links that name no note at all, as written, each once. */
  unresolved: string[];
}

/** The prep of the note `record` (read in full), for day `today`. */
export function prepNote(record: NoteRecord, index: PrepIndex, today: Day, settings: CoreSettings): Prep {
  const own = index.person(record.path);
  if (own !== undefined) return { note: record.path, day: null, people: [card(own, 'self', today, settings)], unresolved: [] };

  const people: PrepPerson[] = [];
  const unresolved: string[] = [];
  const listed = new Set<string>();
  const missing = new Set<string>();
  const add = (target: string, source: PrepSource) => {
    const path = index.resolvePerson(target, record.path);
    if (path !== null) {
      const person = path === record.path || listed.has(path) ? undefined : index.person(path);
      if (person === undefined) return;
      listed.add(path);
      people.push(card(person, source, today, settings));
    } else if (index.resolve(target, record.path) === null && !missing.has(target.toLowerCase())) {
      missing.add(target.toLowerCase());
      unresolved.push(target);
    }
  };
  for (const name of readAttendees(record, settings).names) add(name, 'attendee');
  for (const link of record.links) add(link.target, 'link');
  return { note: record.path, day: readInteraction(record, settings).interaction?.day ?? null, people, unresolved };
}

function card(person: Person, source: PrepSource, today: Day, settings: CoreSettings): PrepPerson {
  let owed = 0;
  for (const f of person.favours) owed += f.kind === 'got' ? 1 : -1;
  return {
    path: person.path,
    name: person.name,
    source,
    person,
    lastContact: effectiveLastContact(person, today),
    lastLog: lastLog(person.log, today),
    followUps: openFollowUps(person.followUps, today),
    owed: Math.max(0, owed),
    birthday: birthdaySoon(person, today, settings.horizonDays),
  };
}

/** Dated follow-ups due by `today`, oldest first (as written on a tie), then the undated ones as written. */
export function openFollowUps(followUps: readonly FollowUp[], today: Day): FollowUp[] {
  const dated = followUps.filter((f) => f.day !== null && f.day <= today).sort((a, b) => a.day! - b.day!);
  return [...dated, ...followUps.filter((f) => f.day === null)];
}

function lastLog(log: readonly LogEntry[], today: Day): LogEntry | null {
  let best: LogEntry | null = null;
  for (const e of log) if (e.day <= today && (best === null || e.day >= best.day)) best = e;
  return best;
}

/** The next birthday when it falls within `horizon` days (today included); a birth date after today has none. */
function birthdaySoon(p: Person, today: Day, horizon: number): PrepBirthday | null {
  if (p.birthday === null || (birthDay(p) ?? today) > today) return null;
  const next = nextBirthday(p.birthday, today);
  const inDays = next - today;
  if (inDays > horizon) return null;
  const age = p.birthday.year === null ? null : partsOfDay(next).year - p.birthday.year;
  return { day: next, inDays, age: age !== null && age > 0 ? age : null };
}
