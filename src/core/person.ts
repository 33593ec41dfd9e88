/**
 * NoteRecord → Person + diagnostics. Every field of format v1 with its spellings; a value that cannot be
 * understood gives an error naming the field and what was expected, and the rest of the note is still read.
 */
import { normaliseChannel } from './channels';
import { dateProblem, MAX_YEAR, MIN_YEAR, parseBirthday, parseDay, parseDuration, readDate, type DateProblem } from './dates';
import { frontmatterTags, isPersonRecord } from './detect';
import { canonicalField, type Field } from './fields';
import { linkTarget, wikiLinkTargets } from './links';
import { isLogHeading, logDate } from './log';
import { quote } from './quote';
import {
  CHANNELS, CIRCLES, INFLUENCES,
  type Circle, type CoreSettings, type Diagnostic, type Favour, type FollowUp, type LogEntry, type NoteRecord,
  type Person, type Severity,
} from './types';

export { normaliseChannel } from './channels';
export { logParts, parseLogLine } from './log';

const FAVOUR_KINDS: Record<string, 'gave' | 'got'> = {
  gave: 'gave', given: 'gave', give: 'gave', gegeven: 'gave',
  got: 'got', received: 'got', get: 'got', gekregen: 'got',
};

function skipBlanks(t: string, i: number): number {
  while (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9) i++;
  return i;
}

/**
 * `2026-03-01 got: an intro to Ana` → favour; null when the line has no gave/got, or its date does not
 * exist. A time part after the date is ignored, and the colon after gave/got may be left out.
 */
export function parseFavour(line: string): { favour: Favour; dated: boolean } | null {
  const t = line.trim();
  const read = readDate(t);
  if (read !== null && read.day === null) return null;
  let i = skipBlanks(t, read === null ? 0 : read.end);
  // `- 2026-03-01: got x` (a YAML map, read back with its colon) has a colon after the date.
  if (read !== null && t.charCodeAt(i) === 58) i = skipBlanks(t, i + 1);
  let end = i;
  while (end < t.length && isLetter(t.charCodeAt(end))) end++;
  const kind = FAVOUR_KINDS[t.slice(i, end).toLowerCase()];
  const next = t.charCodeAt(end);
  if (!kind || !(end === t.length || next === 58 || next === 32 || next === 9)) return null;
  let rest = skipBlanks(t, end);
  if (t.charCodeAt(rest) === 58) rest = skipBlanks(t, rest + 1);
  const day = read === null ? null : read.day;
  return { favour: { day, kind, text: t.slice(rest).trim() }, dated: day !== null };
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `2026-11-27 ask how the exam went` → follow-up; null without a leading date that exists. A time part is ignored. */
export function parseFollowUp(line: string): FollowUp | null {
  const t = line.trim();
  const read = readDate(t);
  if (read === null || read.day === null) return null;
  return { day: read.day, text: t.slice(read.end).replace(/^\s*[:\-–—]?\s*/, ''), raw: line };
}

const DATE_PROBLEMS: Record<DateProblem, string> = {
  'no-such-day': 'that day does not exist',
  year: `the year must lie between ${MIN_YEAR} and ${MAX_YEAR}`,
  time: 'the time after the date is not a time of day',
};

/** ` (that day does not exist)` when the text begins with a date that names no day, else ''. */
function dateReason(text: string): string {
  const problem = dateProblem(text);
  return problem === null ? '' : ` (${DATE_PROBLEMS[problem]})`;
}

type Emit = (severity: Severity, field: string, message: string) => void;

/** A value as a message names it: quoted (at most about 80 characters, controls escaped), or its kind. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a set of keys';
  if (typeof value === 'string') return quote(value) + dateReason(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return quote(String(value));
  return `a ${typeof value}`;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

function text(v: unknown, field: string, emit: Emit): string | null {
  if (isEmpty(v)) return null;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) {
    emit('warning', field, `expected text, found a list; read as ${quote(v.join(', '))}`);
    return v.join(', ');
  }
  emit('error', field, `expected text, found ${describe(v)}`);
  return null;
}

/**
 * A list item as the user wrote it. YAML reads an unquoted `- 2026-02-01 got: a reference` as a one-key
 * map; joined back with its colon, it is the line the user typed.
 */
function asLine(item: unknown): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item) || item instanceof Date) return item;
  const keys = Object.keys(item);
  if (keys.length !== 1) return item;
  const value = (item as Record<string, unknown>)[keys[0]!];
  const rest = value instanceof Date ? value.toISOString().slice(0, 10) : value === null ? '' : value;
  return typeof rest === 'string' || typeof rest === 'number' ? `${keys[0]}: ${rest}`.trim() : item;
}

/** Shared by every person with nothing in a list: thousands of people, most lists empty. Frozen, so a push fails loudly. */
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

/** The list itself, or the shared empty list when it has nothing. */
function orEmpty<T>(xs: T[]): T[] {
  return xs.length > 0 ? xs : EMPTY;
}

function list(v: unknown): unknown[] {
  if (isEmpty(v)) return EMPTY;
  const items: unknown[] = Array.isArray(v) ? v : [v];
  // Most lists hold only strings: copy (with asLine) only when a map is among them.
  for (const x of items) if (x !== null && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date)) return items.map(asLine);
  return items;
}

function textList(v: unknown, field: string, emit: Emit): string[] {
  const out: string[] = [];
  for (const item of list(v)) {
    if (typeof item === 'string' || typeof item === 'number') {
      if (String(item).trim() !== '') out.push(String(item).trim());
    } else if (item instanceof Date) out.push(item.toISOString().slice(0, 10));
    else if (Array.isArray(item) && linkTarget(item) !== null) out.push(linkTarget(item)!);
    else if (item !== null) emit('error', field, `expected a list of text, found ${describe(item)} in it`);
  }
  return orEmpty(out);
}

function day(v: unknown, field: string, emit: Emit): number | null {
  if (isEmpty(v)) return null;
  const d = parseDay(v);
  if (d === null) emit('error', field, `expected a date as YYYY-MM-DD, found ${describe(v)}`);
  return d;
}

function circleOf(v: unknown, emit: Emit): Circle | null {
  if (isEmpty(v)) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  if ((CIRCLES as readonly number[]).includes(n)) return n as Circle;
  emit('error', 'circle', `expected 5, 15, 50 or 150, found ${describe(v)}`);
  return null;
}

function bool(v: unknown, field: string, emit: Emit): boolean {
  if (isEmpty(v)) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|yes|ja|1)$/i.test(v.trim())) return true;
  if (typeof v === 'string' && /^(false|no|nee|0)$/i.test(v.trim())) return false;
  emit('error', field, `expected true or false, found ${describe(v)}`);
  return false;
}

/** Links, one per item; a text holding `[[links]]` (`"[[Ben]], [[Cas]]"`) gives each of them. */
function links(v: unknown, field: string, emit: Emit): string[] {
  const out: string[] = [];
  for (const item of list(v)) {
    let t = linkTarget(item);
    // Not one link but a text holding links (`"[[Ben]], [[Cas]]"`, `"[[Dag]] at the fair"`): each of them.
    if (t !== null && typeof item === 'string' && t.includes('[[')) {
      const targets = wikiLinkTargets(item);
      for (let i = 0; i < targets.length - 1; i++) out.push(targets[i]!);
      if (targets.length > 0) t = targets[targets.length - 1]!;
    }
    if (t !== null) out.push(t);
    else if (item !== null) emit('error', field, `expected a link like "[[Name]]", found ${describe(item)}`);
  }
  return orEmpty(out);
}

/** Field diagnostics in the order the fields stand in the note, as the user reads it; note-wide ones first. */
function inNoteOrder(diagnostics: Diagnostic[], values: Map<Field, unknown>): Diagnostic[] {
  if (diagnostics.length < 2) return diagnostics;
  const order = [...values.keys()] as string[];
  const rank = (d: Diagnostic) => (d.field === 'frontmatter' || d.field === 'body' ? -1 : order.indexOf(d.field) >>> 0);
  return diagnostics.sort((a, b) => rank(a) - rank(b));
}

/** A `Date` a user's own data still brings, as the `YYYY-MM-DD` it was written as (its UTC parts). */
function dateLine(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

function splitCommas(s: string): string[] {
  return s.includes(',') ? s.split(',').map((x) => x.trim()).filter((x) => x !== '') : [s];
}

const NO_HEADINGS: readonly string[] = Object.freeze([]);

/**
 * The dated list items of the log sections: items under a log heading (`## Log`, `## Log:`, a `> [!note] Log`
 * callout, a setext `Log` heading), sub-headings included. An open task (`- [ ] 2026-11-20 call`) is a plan,
 * not a contact; a date that does not exist gets a warning.
 */
function logOf(record: NoteRecord, settings: CoreSettings, emit: Emit): LogEntry[] {
  const log: LogEntry[] = [];
  // Items in one section share its headings array: decide once per section, not once per item.
  let section: readonly string[] | null = null;
  let heading: string | null = null;
  let underLog = false;
  for (const item of record.listItems) {
    const headings = item.headings;
    if (headings !== undefined ? headings !== section : section !== null || item.heading !== heading) {
      section = headings ?? null;
      heading = item.heading;
      const chain = headings ?? (item.heading === null ? NO_HEADINGS : [item.heading]);
      underLog = chain.some((h) => isLogHeading(h, settings.logHeadings));
    }
    if (!underLog) continue;
    const read = logDate(item.text);
    if (read === null) continue;
    if (read.day === null) {
      const written = item.text.slice(read.from, read.to);
      emit('warning', 'log', `log item on line ${item.line + 1} is dated ${quote(written)}${dateReason(written)}; it is not counted as a contact`);
      continue;
    }
    if (item.task === ' ') continue;
    log.push({ day: read.day, line: item.line, raw: item.text });
  }
  return orEmpty(log);
}

/** The person a note describes, or null when it is not a person note. */
export function parsePerson(record: NoteRecord, settings: CoreSettings): Person | null {
  if (!isPersonRecord(record, settings)) return null;
  const diagnostics: Diagnostic[] = [];
  const emit: Emit = (severity, field, message) => diagnostics.push({ path: record.path, severity, field, message });
  for (const w of record.readWarnings ?? []) emit('warning', w.field, w.message);
  if (record.frontmatterError) emit('error', 'frontmatter', record.frontmatterError);

  const values = new Map<Field, unknown>();
  const fm = record.frontmatter ?? {};
  for (const key of Object.keys(fm)) {
    const field = canonicalField(key);
    if (field === null) continue;
    if (values.has(field)) {
      emit('warning', field, `written twice (as ${quote(key)} and another spelling); the first one is used`);
      continue;
    }
    values.set(field, fm[key]);
  }
  const get = (f: Field): unknown => values.get(f);

  const circle = circleOf(get('circle'), emit);
  let cadence: number | null = null;
  const rawCadence = get('cadence');
  if (!isEmpty(rawCadence)) {
    cadence = parseDuration(rawCadence);
    if (cadence === null)
      emit('error', 'cadence', `expected a duration of at least one day, such as 7, 2w, "2 weeks", monthly or P3M, found ${describe(rawCadence)}`);
  }
  const cadenceFromCircle = cadence === null && circle !== null;
  if (cadenceFromCircle) cadence = settings.circleCadence[circle];

  const favours: Favour[] = [];
  for (const item of list(get('favours'))) {
    const line = item instanceof Date ? dateLine(item) : typeof item === 'string' ? item : null;
    const parsed = line === null ? null : parseFavour(line);
    if (parsed === null)
      emit('error', 'favours', `expected "YYYY-MM-DD gave: what" or "YYYY-MM-DD got: what", found ${describe(item)}`);
    else favours.push(parsed.favour);
  }

  const followUps: FollowUp[] = [];
  for (const item of list(get('follow_ups'))) {
    const line = item instanceof Date ? dateLine(item) : typeof item === 'string' ? item : null;
    const f = line === null ? null : parseFollowUp(line);
    if (f === null) emit('error', 'follow_ups', `expected "YYYY-MM-DD what to ask or do", found ${describe(item)}`);
    else followUps.push(f);
  }

  let birthday = null;
  const rawBirthday = get('birthday');
  if (!isEmpty(rawBirthday)) {
    birthday = parseBirthday(rawBirthday);
    if (birthday === null) emit('error', 'birthday', `expected YYYY-MM-DD or --MM-DD, found ${describe(rawBirthday)}`);
  }

  // `influence: decision-maker, connector` is two values.
  const influence = textList(get('influence'), 'influence', emit).flatMap(splitCommas).map((s) => s.toLowerCase());
  for (const i of influence)
    if (!(INFLUENCES as readonly string[]).includes(i))
      emit('warning', 'influence', `unknown value ${quote(i)}; expected ${INFLUENCES.join(', ')}`);

  let channel = text(get('channel'), 'channel', emit);
  if (channel !== null) {
    const known = normaliseChannel(channel);
    if (known === null) emit('warning', 'channel', `unknown channel ${quote(channel)}; expected ${CHANNELS.join(', ')}`);
    channel = known ?? channel.toLowerCase();
  }

  const rawPhone = get('phone');
  if (typeof rawPhone === 'number')
    emit('warning', 'phone', 'read as a number, which drops leading zeros and "+"; put the number in quotes');

  const rawOrg = get('organisation');
  const organisationIsLink = typeof rawOrg === 'string' ? /^\s*\[\[/.test(rawOrg) : Array.isArray(rawOrg) && Array.isArray(rawOrg[0]);
  const organisation = organisationIsLink ? linkTarget(rawOrg) : text(rawOrg, 'organisation', emit);

  const introduced = links(get('introduced_by'), 'introduced_by', emit);
  if (introduced.length > 1) emit('warning', 'introduced_by', 'expected one link; the first one is used');

  const log = logOf(record, settings, emit);

  return {
    path: record.path,
    name: record.basename,
    aliases: textList(get('aliases'), 'aliases', emit),
    lastContact: day(get('last_contact'), 'last_contact', emit),
    cadence,
    cadenceFromCircle,
    circle,
    interests: textList(get('interests'), 'interests', emit),
    favours: orEmpty(favours),
    followUps: orEmpty(followUps),
    birthday,
    knows: links(get('knows'), 'knows', emit),
    introducedBy: introduced[0] ?? null,
    organisation,
    organisationIsLink,
    department: text(get('department'), 'department', emit),
    role: text(get('role'), 'role', emit),
    influence,
    channel,
    email: text(get('email'), 'email', emit),
    phone: text(rawPhone, 'phone', emit),
    snoozeUntil: day(get('snooze_until'), 'snooze_until', emit),
    archived: bool(get('archived'), 'archived', emit),
    met: day(get('met'), 'met', emit),
    linkedin: text(get('linkedin'), 'linkedin', emit),
    tags: orEmpty([...new Set([...frontmatterTags(record.frontmatter), ...record.tags])]),
    bodyLinks: orEmpty([...new Set(record.links.map((l) => l.target))]),
    log,
    mentions: EMPTY,
    diagnostics: orEmpty(inNoteOrder(diagnostics, values)),
  };
}
