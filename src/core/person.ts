/**
 * NoteRecord → Person + diagnostics. Every field of format v1 with its spellings; a value that cannot be
 * understood gives an error naming the field and what was expected, and the rest of the note is still read.
 */
import { parseBirthday, parseDay, parseDayString, parseDuration } from './dates';
import { frontmatterTags, isPersonRecord } from './detect';
import { canonicalField, type Field } from './fields';
import { linkTarget } from './links';
import {
  CHANNELS, CIRCLES, INFLUENCES,
  type Circle, type CoreSettings, type Diagnostic, type Favour, type FollowUp, type LogEntry, type NoteRecord,
  type Person, type Severity,
} from './types';

const CHANNEL_SYNONYMS: Record<string, string> = {
  mail: 'email', 'e-mail': 'email', call: 'phone', telephone: 'phone', tel: 'phone', sms: 'chat',
  text: 'chat', whatsapp: 'chat', signal: 'chat', slack: 'chat', teams: 'video', zoom: 'video',
  'in person': 'in-person', inperson: 'in-person', meeting: 'in-person', coffee: 'in-person', lunch: 'in-person',
  post: 'letter', card: 'letter', bellen: 'phone', telefoon: 'phone', brief: 'letter',
};

const CHANNEL_OF = new Map<string, string>([...CHANNELS.map((c): [string, string] => [c, c]), ...Object.entries(CHANNEL_SYNONYMS)]);

/** A channel word as one of CHANNELS, or null when it is not one. */
export function normaliseChannel(word: string): string | null {
  return CHANNEL_OF.get(word) ?? CHANNEL_OF.get(word.trim().toLowerCase()) ?? null;
}

const FAVOUR_KINDS: Record<string, 'gave' | 'got'> = {
  gave: 'gave', given: 'gave', give: 'gave', gegeven: 'gave',
  got: 'got', received: 'got', get: 'got', gekregen: 'got',
};

/** `2026-03-01 got: an intro to Ana` → favour; null when the line has no gave/got. */
export function parseFavour(line: string): { favour: Favour; dated: boolean } | null {
  const t = line.trim();
  const day = parseDayString(t, true);
  const rest = day === null ? t : t.slice(10).trim();
  const m = /^([A-Za-z]+)\s*:\s*(.*)$/s.exec(rest);
  if (!m) return null;
  const kind = FAVOUR_KINDS[m[1]!.toLowerCase()];
  if (!kind) return null;
  return { favour: { day, kind, text: m[2]!.trim() }, dated: day !== null };
}

/** `2026-11-27 ask how the exam went` → follow-up; null without a leading date. */
export function parseFollowUp(line: string): FollowUp | null {
  const t = line.trim();
  const day = parseDayString(t, true);
  if (day === null) return null;
  return { day, text: t.slice(10).replace(/^\s*[:\-–—]?\s*/, ''), raw: line };
}

/**
 * A log line `2026-11-20 call: asked about the reorganisation`; null when it does not begin with a date.
 * Only the day is read here (the index reads thousands of these); `logParts` reads the rest when shown.
 */
export function parseLogLine(text: string, line: number): LogEntry | null {
  const day = parseDayString(text, true);
  return day === null ? null : { day, line, raw: text };
}

/** The channel (a word before the first colon) and the text of a log line. */
export function logParts(raw: string): { channel: string | null; text: string } {
  const t = raw.trim();
  let i = 10;
  while (t[i] === ' ' || t[i] === '\t') i++;
  if (t[i] === '-' || t[i] === '–' || t[i] === '—' || t[i] === ':') {
    i++;
    while (t[i] === ' ' || t[i] === '\t') i++;
  }
  let channel: string | null = null;
  const colon = t.indexOf(':', i);
  // One word (or two, like "in person") before the first colon names the channel.
  if (colon > i && colon - i <= 24) {
    const word = t.slice(i, colon).trim();
    if (/^[\p{L}-]+(?: [\p{L}-]+)?$/u.test(word)) {
      channel = normaliseChannel(word);
      if (channel !== null || !word.includes(' ')) {
        channel = channel ?? word.toLowerCase();
        i = colon + 1;
      }
    }
  }
  return { channel, text: t.slice(i).trim() };
}

type Emit = (severity: Severity, field: string, message: string) => void;

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a set of keys';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `"${String(value)}"`;
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
    emit('warning', field, `expected text, found a list; read as "${v.join(', ')}"`);
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

function links(v: unknown, field: string, emit: Emit): string[] {
  const out: string[] = [];
  for (const item of list(v)) {
    const t = linkTarget(item);
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

const headingSets = new WeakMap<readonly string[], Set<string>>();

/** The log headings as written and in lower case, computed once per settings. */
function logHeadingSet(settings: CoreSettings): Set<string> {
  let set = headingSets.get(settings.logHeadings);
  if (!set) headingSets.set(settings.logHeadings, (set = new Set(settings.logHeadings.flatMap((h) => [h, h.trim().toLowerCase()]))));
  return set;
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
      emit('warning', field, `written twice (as "${key}" and another spelling); the first one is used`);
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
      emit('error', 'cadence', `expected a duration such as 7, 2w, "2 weeks", monthly or P3M, found ${describe(rawCadence)}`);
  }
  const cadenceFromCircle = cadence === null && circle !== null;
  if (cadenceFromCircle) cadence = settings.circleCadence[circle];

  const favours: Favour[] = [];
  for (const item of list(get('favours'))) {
    const line = item instanceof Date ? item.toISOString().slice(0, 10) : typeof item === 'string' ? item : null;
    const parsed = line === null ? null : parseFavour(line);
    if (parsed === null)
      emit('error', 'favours', `expected "YYYY-MM-DD gave: what" or "YYYY-MM-DD got: what", found ${describe(item)}`);
    else favours.push(parsed.favour);
  }

  const followUps: FollowUp[] = [];
  for (const item of list(get('follow_ups'))) {
    const f = typeof item === 'string' ? parseFollowUp(item) : null;
    if (f === null) emit('error', 'follow_ups', `expected "YYYY-MM-DD what to ask or do", found ${describe(item)}`);
    else followUps.push(f);
  }

  let birthday = null;
  const rawBirthday = get('birthday');
  if (!isEmpty(rawBirthday)) {
    birthday = parseBirthday(rawBirthday);
    if (birthday === null) emit('error', 'birthday', `expected YYYY-MM-DD or --MM-DD, found ${describe(rawBirthday)}`);
  }

  const influence = textList(get('influence'), 'influence', emit).map((s) => s.toLowerCase());
  for (const i of influence)
    if (!(INFLUENCES as readonly string[]).includes(i))
      emit('warning', 'influence', `unknown value "${i}"; expected ${INFLUENCES.join(', ')}`);

  let channel = text(get('channel'), 'channel', emit);
  if (channel !== null) {
    const known = normaliseChannel(channel);
    if (known === null) emit('warning', 'channel', `unknown channel "${channel}"; expected ${CHANNELS.join(', ')}`);
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

  const log: LogEntry[] = [];
  const headings = logHeadingSet(settings);
  // Items under one heading share its string: decide once per heading, not once per item.
  let heading: string | null = null;
  let underLog = false;
  for (const item of record.listItems) {
    if (item.heading !== heading) {
      heading = item.heading;
      underLog = heading !== null && (headings.has(heading) || headings.has(heading.trim().toLowerCase()));
    }
    if (!underLog) continue;
    const entry = parseLogLine(item.text, item.line);
    if (entry) log.push(entry);
  }

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
    log: orEmpty(log),
    mentions: EMPTY,
    diagnostics: orEmpty(inNoteOrder(diagnostics, values)),
  };
}
