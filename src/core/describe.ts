/** Reasons in words a person reads at a glance, in English or Dutch. */
import { longDate, weekdayName } from './dates';
import { withLinkText } from './links';
import type { Day, Language, Reason } from './types';

interface Words {
  plural(n: number, one: string, many: string): string;
  /** "every week"; `neuter` for Dutch het-words ("elk kwartaal", "elk jaar"). */
  every: (what: string, neuter: boolean) => string;
  day: [string, string]; week: [string, string]; month: [string, string]; year: [string, string];
  quarter: string;
  ago: (what: string) => string;
  sinceLast: (days: number) => string;
  noContact: string;
  followUp: (text: string) => string;
  dueToday: string;
  dueAgo: (what: string) => string;
  birthdayToday: string;
  birthdayTomorrow: string;
  birthdayOn: (when: string) => string;
  turns: (age: number) => string;
  owe: (n: number) => string;
  lastContact: (ago: string) => string;
  earlier: (n: number) => string;
  locale: string;
}

const EN: Words = {
  plural: (n, one, many) => `${n} ${n === 1 ? one : many}`,
  every: (what) => `every ${what}`,
  day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'], year: ['year', 'years'],
  quarter: 'quarter',
  ago: (what) => `${what} ago`,
  sinceLast: (d) => `${d} ${d === 1 ? 'day' : 'days'} since last contact`,
  noContact: 'no contact yet',
  followUp: (t) => (t ? `follow up: ${t}` : 'follow up'),
  dueToday: 'due today',
  dueAgo: (w) => `due ${w} ago`,
  birthdayToday: 'birthday today',
  birthdayTomorrow: 'birthday tomorrow',
  birthdayOn: (w) => `birthday on ${w}`,
  turns: (a) => `turns ${a}`,
  owe: (n) => (n === 1 ? 'you owe a favour' : `you owe ${n} favours`),
  lastContact: (ago) => `last contact ${ago}`,
  earlier: (n) => `${n} earlier ${n === 1 ? 'contact' : 'contacts'}`,
  locale: 'en',
};

const NL: Words = {
  plural: (n, one, many) => `${n} ${n === 1 ? one : many}`,
  every: (what, neuter) => `${neuter ? 'elk' : 'elke'} ${what}`,
  day: ['dag', 'dagen'], week: ['week', 'weken'], month: ['maand', 'maanden'], year: ['jaar', 'jaar'],
  quarter: 'kwartaal',
  ago: (what) => `${what} geleden`,
  sinceLast: (d) => `${d} ${d === 1 ? 'dag' : 'dagen'} sinds laatste contact`,
  noContact: 'nog geen contact',
  followUp: (t) => (t ? `opvolgen: ${t}` : 'opvolgen'),
  dueToday: 'vandaag',
  dueAgo: (w) => `${w} over tijd`,
  birthdayToday: 'vandaag jarig',
  birthdayTomorrow: 'morgen jarig',
  birthdayOn: (w) => `jarig op ${w}`,
  turns: (a) => `wordt ${a}`,
  owe: (n) => (n === 1 ? 'je bent een gunst schuldig' : `je bent ${n} gunsten schuldig`),
  lastContact: (ago) => `laatste contact ${ago}`,
  earlier: (n) => `${n} eerdere ${n === 1 ? 'contact' : 'contacten'}`,
  locale: 'nl',
};

export function words(lang: Language): Words {
  return lang === 'nl' ? NL : EN;
}

/** A cadence in days as words: 7 → "every week", 14 → "every 2 weeks", 90 → "every quarter". */
export function describeCadence(days: number, lang: Language = 'en'): string {
  const w = words(lang);
  const unit = (n: number, u: [string, string]) => (n === 1 ? u[0] : `${n} ${u[1]}`);
  // Dutch "elk jaar", "elk kwartaal" (het-words, one of them), but "elke 2 jaar", "elke maand".
  if (days % 365 === 0) return w.every(unit(days / 365, w.year), days === 365);
  if (days === 90) return w.every(w.quarter, true);
  if (days % 30 === 0) return w.every(unit(days / 30, w.month), false);
  if (days === 182 || days === 183) return w.every(unit(6, w.month), false);
  if (days % 7 === 0) return w.every(unit(days / 7, w.week), false);
  return w.every(unit(days, w.day), false);
}

/** A span of days as a rough age: "5 days", "3 weeks", "4 months", "2 years". */
export function describeSpan(days: number, lang: Language = 'en'): string {
  const w = words(lang);
  if (days < 14) return w.plural(days, ...w.day);
  if (days < 60) return w.plural(Math.floor(days / 7), ...w.week);
  if (days < 365) return w.plural(Math.floor(days / 30), ...w.month);
  return w.plural(Math.floor(days / 365), ...w.year);
}

export function describeReason(r: Reason, lang: Language, today: Day): string {
  const w = words(lang);
  switch (r.kind) {
    case 'follow-up':
      return `${w.followUp(withLinkText(r.text))} · ${describeDue(r.day, lang, today)}`;
    case 'overdue':
      return `${r.since === null ? w.noContact : w.sinceLast(r.since)} · ${describeCadence(r.cadence, lang)}`;
    case 'date': {
      const when =
        r.inDays === 0 ? w.birthdayToday
        : r.inDays === 1 ? w.birthdayTomorrow
        : w.birthdayOn(r.inDays < 7 ? weekdayName(r.day, w.locale) : longDate(r.day, w.locale));
      return r.age === null ? when : `${when} · ${w.turns(r.age)}`;
    }
    case 'favour':
      return w.owe(r.owed);
    case 'dormant': {
      const earlier = r.contacts - 1;
      const head = w.lastContact(w.ago(describeSpan(r.since, lang)));
      return earlier > 0 ? `${head} · ${w.earlier(earlier)}` : head;
    }
  }
}

/**
 * A follow-up's text and when it was due, without the "follow up:" in front: for where the heading already
 * says it is a follow-up (the sidebar's Follow-ups section).
 */
export function describeFollowUpItem(r: Extract<Reason, { kind: 'follow-up' }>, lang: Language, today: Day): string {
  const text = withLinkText(r.text);
  const due = describeDue(r.day, lang, today);
  return text === '' ? due : `${text} · ${due}`;
}

/** "due today", "due 3 weeks ago". */
function describeDue(day: Day, lang: Language, today: Day): string {
  const w = words(lang);
  const late = today - day;
  return late <= 0 ? w.dueToday : w.dueAgo(describeSpan(late, lang));
}
