/**
 * One person's card in People in this note: name (opens the note, hover preview), work, how to reach them,
 * last contact and the last log line, open follow-ups and raise-next-time items (each with Done; a task's
 * says which note it stands in and opens there), interests, favours owed, a birthday soon, who introduced
 * you, met, LinkedIn, and Add follow-up. It only draws; the view routes the clicks (CardHost).
 */
import { describeSpan, words } from '../../core/describe';
import { withLinkText } from '../../core/links';
import { logParts } from '../../core/person';
import type { PrepPerson } from '../../core/prep';
import { CHANNELS, type Day, type FollowUp, type Language } from '../../core/types';
import type { StringKey, Translate } from '../../i18n/i18n';

export interface CardHost {
  t: Translate;
  /** The note the panel shows (a task in it is "in this note"). */
  notePath(): string;
  language(): Language;
  today(): Day;
  /** The path a link target leads to from `from`, or null. */
  resolve(target: string, from: string): string | null;
  /** Makes `el` open `path` on click (a new tab with the modifier key) and show Obsidian's hover preview. */
  linkTo(el: HTMLElement, path: string): void;
  /** Makes `el` open the note `source` at `line`. */
  linkToLine(el: HTMLElement, source: string, line: number): void;
  done(person: string, followUp: FollowUp, button: HTMLButtonElement): void;
  addFollowUp(person: string): void;
}

/** Date formats by language and with or without the year: an Intl formatter is costly to make, cheap to use. */
const formats = new Map<string, Intl.DateTimeFormat>();

/** "20 Nov", or "20 Nov 2025" outside this year. */
export function shortDate(day: Day, lang: Language, today: Day): string {
  const date = new Date(day * 86_400_000);
  const withYear = date.getUTCFullYear() !== new Date(today * 86_400_000).getUTCFullYear();
  const key = `${lang}${withYear ? 'y' : ''}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'short', year: withYear ? 'numeric' : undefined, timeZone: 'UTC' });
    formats.set(key, format);
  }
  return format.format(date);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

function channelWord(channel: string, t: Translate): string {
  return (CHANNELS as readonly string[]).includes(channel) ? t(`channel.${channel}` as StringKey) : channel;
}

/** A URL a link may open: http(s) only, so a note cannot put a script link in the panel. */
function webUrl(value: string): string | null {
  const url = /^https?:\/\//i.test(value) ? value : /^(www\.)?linkedin\.com\//i.test(value) ? `https://${value}` : null;
  return url !== null && !/\s/.test(url) ? url : null;
}

export function renderCard(parent: HTMLElement, entry: PrepPerson, host: CardHost): HTMLElement {
  const { t } = host;
  const p = entry.person;
  const lang = host.language();
  const today = host.today();
  const card = parent.createDiv({ cls: 'ties-np-card', attr: { 'data-path': p.path } });

  const head = card.createDiv({ cls: 'ties-np-head' });
  const name = head.createEl('a', { cls: 'ties-np-name internal-link', text: p.name, attr: { href: p.path, 'data-href': p.path } });
  host.linkTo(name, p.path);
  const work = [p.role, p.organisation].filter((s): s is string => !!s).join(' · ');
  if (work) head.createDiv({ cls: 'ties-np-work', text: work });

  // How to reach them: the channel they prefer, then mail and phone as links.
  const reach: (() => void)[] = [];
  const reachEl = card.createDiv({ cls: 'ties-np-reach' });
  if (p.channel) reach.push(() => reachEl.createSpan({ cls: 'ties-np-channel', text: channelWord(p.channel!, t) }));
  if (p.email) reach.push(() => reachEl.createEl('a', { cls: 'ties-np-mail', text: p.email!, href: `mailto:${p.email!}` }));
  if (p.phone) reach.push(() => reachEl.createEl('a', { cls: 'ties-np-phone', text: p.phone!, href: `tel:${p.phone!.replace(/[^\d+]/g, '')}` }));
  reach.forEach((draw, i) => {
    if (i > 0) reachEl.createSpan({ cls: 'ties-np-sep', text: ' · ' });
    draw();
  });
  if (reach.length === 0) reachEl.remove();

  const contact = card.createDiv({ cls: 'ties-np-contact' });
  const last = entry.lastContact;
  contact.createSpan({
    text: last === null ? t('notePeople.never') : t('notePeople.lastContact', { when: last === today ? t('notePeople.today') : words(lang).ago(describeSpan(today - last, lang)) }),
  });
  if (entry.lastLog !== null) {
    const { channel, text } = logParts(entry.lastLog.raw);
    const line = [shortDate(entry.lastLog.day, lang, today), channel ? channelWord(channel, t) : '', withLinkText(text)].filter((s) => s !== '').join(' · ');
    contact.createDiv({ cls: 'ties-np-last-log', text: line });
  }

  if (entry.followUps.length > 0) {
    const list = card.createEl('ul', { cls: 'ties-np-follow-ups', attr: { 'aria-label': t('notePeople.followUps') } });
    for (const f of entry.followUps) renderFollowUp(list, p.path, f, host);
  }

  const facts = card.createDiv({ cls: 'ties-np-facts' });
  if (p.interests.length > 0) {
    const row = facts.createDiv({ cls: 'ties-np-interests' });
    row.createSpan({ cls: 'ties-np-label', text: t('notePeople.interests') });
    for (const i of p.interests) row.createSpan({ cls: 'ties-np-chip', text: i });
  }
  if (entry.owed > 0) facts.createDiv({ cls: 'ties-np-owed', text: entry.owed === 1 ? t('notePeople.owedOne') : t('notePeople.owed', { n: entry.owed }) });
  if (entry.birthday !== null) {
    const b = entry.birthday;
    let text = b.inDays === 0 ? t('notePeople.birthdayToday') : b.inDays === 1 ? t('notePeople.birthdayTomorrow') : t('notePeople.birthdayIn', { date: shortDate(b.day, lang, today), days: b.inDays });
    if (b.age !== null) text += `, ${t('notePeople.turns', { age: b.age })}`;
    facts.createDiv({ cls: 'ties-np-birthday', text });
  }
  if (p.introducedBy !== null) {
    const row = facts.createDiv({ cls: 'ties-np-introduced' });
    const path = host.resolve(p.introducedBy, p.path);
    const [before, after] = t('notePeople.introducedBy', { name: '\u0000' }).split('\u0000') as [string, string];
    row.appendText(before);
    if (path !== null) host.linkTo(row.createEl('a', { cls: 'internal-link', text: basename(path), attr: { href: path, 'data-href': path } }), path);
    else row.appendText(p.introducedBy);
    row.appendText(after);
  }
  const more: (() => void)[] = [];
  const moreEl = facts.createDiv({ cls: 'ties-np-more' });
  if (p.met !== null) more.push(() => moreEl.createSpan({ text: t('notePeople.met', { date: shortDate(p.met!, lang, today) }) }));
  const linkedin = p.linkedin === null ? null : webUrl(p.linkedin);
  if (linkedin !== null) more.push(() => moreEl.createEl('a', { cls: 'ties-np-linkedin external-link', text: t('notePeople.linkedin'), href: linkedin, attr: { target: '_blank', rel: 'noopener' } }));
  more.forEach((draw, i) => {
    if (i > 0) moreEl.createSpan({ cls: 'ties-np-sep', text: ' · ' });
    draw();
  });
  if (more.length === 0) moreEl.remove();
  if (facts.childElementCount === 0) facts.remove();

  const actions = card.createDiv({ cls: 'ties-np-card-actions' });
  const add = actions.createEl('button', { cls: 'ties-np-add-follow-up', text: t('notePeople.addFollowUp'), attr: { type: 'button', 'aria-label': t('notePeople.addFollowUpLabel', { name: p.name }) } });
  add.addEventListener('click', () => host.addFollowUp(p.path));
  return card;
}

/** A follow-up: its text, when (due, or raise next time), where a task stands, and Done. */
function renderFollowUp(list: HTMLElement, person: string, f: FollowUp, host: CardHost): void {
  const { t } = host;
  const lang = host.language(), today = host.today();
  const item = list.createEl('li', { cls: `ties-np-follow-up${f.day === null ? ' is-raise' : ''}` });
  const body = item.createDiv({ cls: 'ties-np-follow-up-body' });
  const text = withLinkText(f.text) || f.raw;
  body.createDiv({ cls: 'ties-np-follow-up-text', text });
  const meta = body.createDiv({ cls: 'ties-np-follow-up-meta' });
  meta.createSpan({ cls: 'ties-np-when', text: f.day === null ? t('notePeople.raise') : t('notePeople.due', { date: shortDate(f.day, lang, today) }) });
  if (f.source !== undefined && f.line !== undefined && f.source !== person) {
    meta.createSpan({ cls: 'ties-np-sep', text: ' · ' });
    const note = basename(f.source);
    const text = f.source === host.notePath() ? t('notePeople.inThisNote') : t('notePeople.from', { note });
    const from = meta.createEl('a', { cls: 'ties-np-from', text, attr: { href: f.source, 'aria-label': t('notePeople.fromLabel', { note }) } });
    host.linkToLine(from, f.source, f.line);
  }
  const done = item.createEl('button', { cls: 'ties-np-done', text: t('notePeople.done'), attr: { type: 'button', 'aria-label': t('notePeople.doneLabel', { text }) } });
  done.addEventListener('click', () => host.done(person, f, done));
}
