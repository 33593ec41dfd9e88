/**
 * The due-for-attention sidebar as data: sections in the spec's order with their rows, the dormant ties of
 * this ISO week, the capacity meter and the call-hour picks. Pure: no DOM, no obsidian; the view renders it.
 */
import { rank } from '../../core/attention';
import { effectiveCircle } from '../../core/circle';
import { isoWeek } from '../../core/dates';
import { describeFollowUpItem } from '../../core/describe';
import { withLinkText } from '../../core/links';
import {
  ATTENTION_ORDER, CIRCLES,
  type AttentionItem, type AttentionKind, type Circle, type CoreSettings, type Day, type Language, type Person,
} from '../../core/types';

export type RowAction = 'done' | 'log' | 'snooze' | 'favour';

/** What a row offers, per kind, in the order the buttons appear. Done only on follow-ups. */
export const ACTIONS_BY_KIND: Readonly<Record<AttentionKind, readonly RowAction[]>> = {
  'follow-up': ['done', 'log', 'snooze'],
  overdue: ['log', 'snooze'],
  date: ['log', 'snooze'],
  favour: ['favour', 'log', 'snooze'],
  dormant: ['log', 'snooze'],
};

/** The suggested way to reach someone: a mail or phone link when the address is known, else just the channel. */
export interface ChannelSuggestion {
  /** The preferred channel as written (`email`, `phone`, `video`…), or null. */
  channel: string | null;
  /** `mail` or `call` when `href` is a link; `plain` for a neutral icon. */
  kind: 'mail' | 'call' | 'plain';
  /** `mailto:…` or `tel:…`, or null. */
  href: string | null;
  /** The address or number the link goes to. */
  target: string | null;
}

export interface AttentionRow {
  /** Unique within the model: kind, path and (for follow-ups) the entry as written. */
  readonly key: string;
  readonly path: string;
  readonly name: string;
  readonly kind: AttentionKind;
  readonly item: AttentionItem;
  /** The reason in words; under Follow-ups without "follow up:" in front (the heading says it). */
  readonly detail: string;
  /** The first few interests, whole. */
  readonly interests: string[];
  /** Interests not shown on the row. */
  readonly moreInterests: number;
  /** The person's raise-next-time items (follow-ups without a day), as their text. */
  readonly raise: string[];
  /** For a follow-up from a task: the note that holds it and the task's 0-based line. */
  readonly source: { path: string; line: number } | null;
  readonly channel: ChannelSuggestion;
  readonly actions: readonly RowAction[];
}

export interface AttentionSection {
  kind: AttentionKind;
  /** Every item of this kind (for dormant ties: all of them, not only this week's picks). */
  count: number;
  /** The rows in order. For dormant ties: this week's picks first, then the rest (behind "Show all"). */
  rows: AttentionRow[];
  /** Rows shown before the user asks for more: this week's picks for dormant ties, else every row (the view renders them lazily). */
  featured: number;
}

export interface CapacityLayer {
  /** The Dunbar layer: 5, 15, 50 or 150. */
  circle: Circle;
  /** People with a cadence whose circle is this layer or an inner one. */
  count: number;
  over: boolean;
}

export interface AttentionModel {
  today: Day;
  week: { year: number; week: number };
  /** All five sections in the spec's order, empty ones included. */
  sections: AttentionSection[];
  /** Number of items over all sections (dormant: every dormant tie). */
  total: number;
  capacity: CapacityLayer[];
  /** Person notes in the vault, archived ones included (none yet: the empty state offers an import). */
  people: number;
}

export interface AttentionSettings extends CoreSettings {
  /** Dormant ties suggested per ISO week. */
  dormantPerWeek: number;
}

/** Interests shown on a row, whole: at most this many (the row says how many more). */
export const INTEREST_COUNT = 4;

/** Rows rendered at first per section, and rows added by each "Show more". */
export const FIRST_CHUNK = 10;
export const CHUNK = 40;

/**
 * A row; interests and channel are worked out when first read, so a model of thousands of items costs little
 * more than the ranking: the view reads them only for the rows it renders.
 */
class Row implements AttentionRow {
  readonly path: string;
  readonly name: string;
  readonly kind: AttentionKind;
  readonly detail: string;
  readonly actions: readonly RowAction[];
  readonly source: { path: string; line: number } | null;
  private shortList: string[] | null = null;
  private raiseList: string[] | null = null;
  private suggestion: ChannelSuggestion | null = null;

  constructor(
    readonly key: string, readonly item: AttentionItem, private readonly find: (path: string) => Person | undefined,
    today: Day, lang: Language,
  ) {
    this.path = item.path;
    this.name = item.name;
    this.kind = item.kind;
    const r = item.reason;
    this.detail = r.kind === 'follow-up' ? describeFollowUpItem(r, lang, today) : item.detail;
    this.source = r.kind === 'follow-up' && r.source !== undefined && r.line !== undefined ? { path: r.source, line: r.line } : null;
    this.actions = ACTIONS_BY_KIND[item.kind];
  }

  get interests(): string[] {
    if (this.shortList === null) {
      const p = this.find(this.path);
      this.shortList = p ? shortInterests(p.interests) : [];
    }
    return this.shortList;
  }

  get moreInterests(): number {
    const p = this.find(this.path);
    if (!p) return 0;
    let all = 0;
    for (const s of p.interests) if (s.trim() !== '') all++;
    return Math.max(0, all - this.interests.length);
  }

  get raise(): string[] {
    this.raiseList ??= raiseItems(this.find(this.path));
    return this.raiseList;
  }

  get channel(): ChannelSuggestion {
    if (this.suggestion === null) {
      const p = this.find(this.path);
      this.suggestion = p ? suggestChannel(p) : { channel: null, kind: 'plain', href: null, target: null };
    }
    return this.suggestion;
  }
}

/**
 * Finds a person by path, set up on first use: a binary search when the list is sorted by path (the
 * index's is), else a map. Rendering reads a few dozen rows, so most of the list is never looked up.
 */
function personFinder(people: readonly Person[]): (path: string) => Person | undefined {
  let find: ((path: string) => Person | undefined) | null = null;
  const setUp = (): ((path: string) => Person | undefined) => {
    let sorted = true;
    for (let i = 1; i < people.length && sorted; i++) sorted = people[i - 1]!.path < people[i]!.path;
    if (sorted)
      return (path) => {
        let lo = 0, hi = people.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >>> 1;
          const at = people[mid]!.path;
          if (at === path) return people[mid];
          if (at < path) lo = mid + 1;
          else hi = mid - 1;
        }
        return undefined;
      };
    const byPath = new Map<string, Person>();
    for (const p of people) byPath.set(p.path, p);
    return (path) => byPath.get(path);
  };
  return (path) => (find ??= setUp())(path);
}

export function buildModel(people: readonly Person[], today: Day, settings: AttentionSettings, lang: Language): AttentionModel {
  const items = rank(people, today, settings, lang);
  const find = personFinder(people);

  const grouped = new Map<AttentionKind, AttentionRow[]>(ATTENTION_ORDER.map((k) => [k, []]));
  // Keys are unique by kind and path, except that one person can have several follow-ups (even equal ones).
  const followUpKeys = new Set<string>();
  for (const item of items) {
    let key: string;
    if (item.reason.kind === 'follow-up') {
      key = `${item.kind}\u0000${item.path}\u0000${item.reason.raw}`;
      if (followUpKeys.has(key)) {
        let n = 2;
        while (followUpKeys.has(`${key}\u0000${n}`)) n++;
        key = `${key}\u0000${n}`;
      }
      followUpKeys.add(key);
    } else {
      key = `${item.kind}\u0000${item.path}`;
    }
    grouped.get(item.kind)!.push(new Row(key, item, find, today, lang));
  }

  const week = isoWeek(today);
  const sections: AttentionSection[] = ATTENTION_ORDER.map((kind) => {
    const rows = grouped.get(kind)!;
    if (kind !== 'dormant') return { kind, count: rows.length, rows, featured: rows.length };
    const picks = pickDormant(rows, week, settings.dormantPerWeek);
    const picked = new Set(picks);
    return { kind, count: rows.length, rows: [...picks, ...rows.filter((r) => !picked.has(r))], featured: picks.length };
  });

  return { today, week, sections, total: items.length, capacity: capacity(people, settings), people: people.length };
}

/** The first `count` interests, whole (white space folded): a row wraps them rather than cut one. */
export function shortInterests(interests: readonly string[], count = INTEREST_COUNT): string[] {
  const out: string[] = [];
  for (const raw of interests) {
    if (out.length >= count) break;
    const s = raw.replace(/\s+/g, ' ').trim();
    if (s !== '') out.push(s);
  }
  return out;
}

/** A person's raise-next-time items (follow-ups without a day), their links as text. */
export function raiseItems(person: Pick<Person, 'followUps'> | undefined): string[] {
  const out: string[] = [];
  for (const f of person?.followUps ?? []) if (f.day === null && f.text.trim() !== '') out.push(withLinkText(f.text));
  return out;
}

const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+$/;

/**
 * The suggested channel: the preferred `channel`, linked when its address is known (a mail link for
 * `email`, a phone link for `phone`). Without a preference, the e-mail address, else the phone number.
 */
export function suggestChannel(p: Pick<Person, 'channel' | 'email' | 'phone'>): ChannelSuggestion {
  const channel = p.channel !== null && p.channel.trim() !== '' ? p.channel.trim().toLowerCase() : null;
  const mail = mailHref(p.email);
  const call = telHref(p.phone);
  const plain: ChannelSuggestion = { channel, kind: 'plain', href: null, target: null };
  if (channel === 'email' || channel === 'e-mail' || channel === 'mail') return mail ? { channel, kind: 'mail', ...mail } : plain;
  if (channel === 'phone' || channel === 'call') return call ? { channel, kind: 'call', ...call } : plain;
  if (channel !== null) return plain;
  if (mail) return { channel, kind: 'mail', ...mail };
  if (call) return { channel, kind: 'call', ...call };
  return plain;
}

function mailHref(email: string | null): { href: string; target: string } | null {
  const address = email?.trim() ?? '';
  if (!EMAIL.test(address)) return null;
  return { href: `mailto:${encodeURI(address)}`, target: address };
}

function telHref(phone: string | null): { href: string; target: string } | null {
  const number = phone?.trim() ?? '';
  const digits = number.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  if (digits.replace('+', '').length < 3) return null;
  return { href: `tel:${digits}`, target: number };
}

/**
 * People per Dunbar layer, cumulative (the 15 includes the 5), by the one meaning of circle (core/circle.ts):
 * their own `circle`, or the circle their cadence implies. Archived people do not count.
 */
export function capacity(people: readonly Person[], settings: Pick<CoreSettings, 'circleCadence'>): CapacityLayer[] {
  const per = new Map<Circle, number>(CIRCLES.map((c) => [c, 0]));
  for (const p of people) {
    const layer = p.archived ? null : effectiveCircle(p, settings.circleCadence);
    if (layer !== null) per.set(layer, per.get(layer)! + 1);
  }
  let running = 0;
  return CIRCLES.map((circle) => {
    running += per.get(circle)!;
    return { circle, count: running, over: running > circle };
  });
}

/** FNV-1a over the string, then a murmur3 finaliser: a well-spread 32-bit hash. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * This week's dormant ties: `count` of them, drawn without replacement with weight = number of earlier
 * contacts (ties that were once strong come up more often), from a random stream seeded by the ISO week and
 * each person's path. The same week gives the same picks whatever the order of the input; the next week
 * draws again. Weighted sampling after Efraimidis and Spirakis: the largest u^(1/w) win.
 */
export function pickDormant<T extends { path: string; item: AttentionItem }>(
  rows: readonly T[], week: { year: number; week: number }, count: number,
): T[] {
  if (count <= 0 || rows.length === 0) return [];
  const seed = `${week.year}-W${week.week}\u0000`;
  const keyed = rows.map((row) => {
    const u = (hash32(seed + row.path) + 0.5) / 4294967296;
    const contacts = row.item.reason.kind === 'dormant' ? row.item.reason.contacts : 1;
    return { row, key: Math.log(u) / Math.max(1, contacts) };
  });
  keyed.sort((a, b) => b.key - a.key || (a.row.path < b.row.path ? -1 : a.row.path > b.row.path ? 1 : 0));
  const picked = new Set(keyed.slice(0, count).map((k) => k.row));
  // Shown in the ranking's order (longest silence first), like the rest of the section.
  return rows.filter((r) => picked.has(r));
}

/** How many rows of a section to render: what was asked for, at least the featured rows, at most all. */
export function visibleCount(section: Pick<AttentionSection, 'rows' | 'featured' | 'kind'>, requested: number | undefined): number {
  const total = section.rows.length;
  const base = section.kind === 'dormant' ? section.featured : Math.min(FIRST_CHUNK, total);
  return Math.min(total, Math.max(base, requested ?? base));
}

/** The row count after one more "Show more" (or "Show all" on dormant ties): one chunk further. */
export function nextVisible(section: Pick<AttentionSection, 'rows'>, current: number): number {
  return Math.min(section.rows.length, current + CHUNK);
}

/**
 * The call hour's people: the first `n` distinct people from the top of the list, in the sections' order
 * (dormant ties: only this week's picks), with every reason they are listed for.
 */
export function callHourPicks(model: AttentionModel, n: number): { path: string; name: string; reasons: string[] }[] {
  const out: { path: string; name: string; reasons: string[] }[] = [];
  const byPath = new Map<string, { path: string; name: string; reasons: string[] }>();
  for (const section of model.sections) {
    const rows = section.kind === 'dormant' ? section.rows.slice(0, section.featured) : section.rows;
    for (const row of rows) {
      const known = byPath.get(row.path);
      if (known) {
        known.reasons.push(row.item.detail);
        continue;
      }
      if (out.length >= n) continue;
      const pick = { path: row.path, name: row.name, reasons: [row.item.detail] };
      byPath.set(row.path, pick);
      out.push(pick);
    }
  }
  return out;
}

/** Reasons per person in the current model (for the call hour's "why now"). */
export function reasonsByPath(model: AttentionModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const section of model.sections)
    for (const row of section.rows) {
      const list = out.get(row.path);
      if (list) list.push(row.item.detail);
      else out.set(row.path, [row.item.detail]);
    }
  return out;
}
