/** rank(people, today, settings): who needs attention on day T, and why, in the spec's order. */
import { birthDay, contactCount, effectiveLastContact } from './contacts';
import { nextBirthday, partsOfDay } from './dates';
import { describeReason } from './describe';
import {
  ATTENTION_ORDER,
  type AttentionItem, type AttentionKind, type CoreSettings, type Day, type FollowUp, type Language, type Person, type Reason,
} from './types';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Name order used everywhere ties are broken: case- and accent-insensitive, then by path. */
export function byName(a: { name: string; path: string }, b: { name: string; path: string }): number {
  return collator.compare(a.name, b.name) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

interface Keyed {
  item: AttentionItem;
  /** Primary sort key within the kind; smaller first. */
  key: number;
  /** Secondary key (never-contacted overdue people by circle). */
  key2: number;
}

function push(out: Keyed[], p: Person, reason: Reason, key: number, key2: number, lang: Language, today: Day): void {
  out.push({
    item: { path: p.path, name: p.name, kind: reason.kind, reason, detail: describeReason(reason, lang, today) },
    key,
    key2,
  });
}

function followUpReason(f: FollowUp, day: Day): Reason {
  const reason: Reason = { kind: 'follow-up', day, text: f.text, raw: f.raw };
  if (f.source !== undefined) reason.source = f.source;
  if (f.line !== undefined) reason.line = f.line;
  return reason;
}

/**
 * Dormant: no cadence, and the last contact (`last`, the effective one) more than `dormantDays` before today.
 * People never contacted and without a cadence are address-book entries, not dormant ties. The sidebar's
 * section and the graph's greyed people both ask this.
 */
export function isDormant(p: Person, today: Day, settings: Pick<CoreSettings, 'dormantDays'>, last = effectiveLastContact(p, today)): boolean {
  return p.cadence === null && last !== null && today - last > settings.dormantDays;
}

/**
 * Attention items for day `today`. Archived people and people snoozed past today have none; a person can
 * have several items (one per due follow-up, and one per other kind that applies).
 */
export function rank(people: readonly Person[], today: Day, settings: CoreSettings, lang: Language = 'en'): AttentionItem[] {
  const buckets = new Map<AttentionKind, Keyed[]>(ATTENTION_ORDER.map((k) => [k, []]));
  const followUps = buckets.get('follow-up')!, overdue = buckets.get('overdue')!, dates = buckets.get('date')!;
  const favours = buckets.get('favour')!, dormant = buckets.get('dormant')!;

  for (const p of people) {
    if (p.archived || (p.snoozeUntil !== null && p.snoozeUntil > today)) continue;

    // Undated follow-ups are "raise next time": shown with the person, never an item of their own.
    for (const f of p.followUps)
      if (f.day !== null && f.day <= today) push(followUps, p, followUpReason(f, f.day), f.day, 0, lang, today);

    const last = effectiveLastContact(p, today);
    if (p.cadence !== null) {
      if (last === null)
        push(overdue, p, { kind: 'overdue', since: null, cadence: p.cadence }, Infinity, p.circle ?? Infinity, lang, today);
      else if (today - last >= p.cadence)
        push(overdue, p, { kind: 'overdue', since: today - last, cadence: p.cadence }, -(today - last) / p.cadence, 0, lang, today);
    } else if (last !== null && isDormant(p, today, settings, last)) {
      push(dormant, p, { kind: 'dormant', since: today - last, contacts: contactCount(p, today) }, -(today - last), 0, lang, today);
    }

    // A birth date after today is a typo (warned about), not a birthday to show.
    if (p.birthday !== null && !((birthDay(p) ?? today) > today)) {
      const next = nextBirthday(p.birthday, today);
      const inDays = next - today;
      if (inDays <= settings.horizonDays) {
        const age = p.birthday.year === null ? null : partsOfDay(next).year - p.birthday.year;
        push(dates, p, { kind: 'date', inDays, day: next, age: age !== null && age > 0 ? age : null }, inDays, 0, lang, today);
      }
    }

    if (p.favours.length > 0) {
      let owed = 0;
      for (const f of p.favours) owed += f.kind === 'got' ? 1 : -1;
      if (owed > 0) push(favours, p, { kind: 'favour', owed }, -owed, 0, lang, today);
    }
  }

  const out: AttentionItem[] = [];
  for (const kind of ATTENTION_ORDER) {
    const list = buckets.get(kind)!;
    list.sort((a, b) => a.key - b.key || a.key2 - b.key2 || byName(a.item, b.item));
    for (const k of list) out.push(k.item);
  }
  return out;
}
