/**
 * Interaction notes (format v1.1): a note that is not a person note and is about one day, on which everyone it
 * names was met. The four rules, the first that applies giving the day D:
 * 1. the basename is a date (`2026-11-20`);
 * 2. the basename begins with a date and a space, `_`, `-` or `·` before more text (`2026-11-20 Sync with Kees`);
 * 3. the path matches the vault's daily-notes folder and format (`Journal/2026/11/20.md`);
 * 4. a date key (`date`) holds a day, and an attendee key lists someone or `type` / tags say `meeting`.
 * Attendee entries count (links or plain names, resolved like `knows`), and so does each body link, except
 * one standing only inside an open task.
 */
import { dailyPathDay } from './daily-notes';
import { parseDay, parseDayString } from './dates';
import { frontmatterTags, hasPersonTag } from './detect';
import { linkTarget, wikiLinkTargets } from './links';
import { ownString } from './own-string';
import { clip, quote } from './quote';
import type { CoreSettings, Day, Diagnostic, NoteRecord } from './types';

/** Which rule made a note an interaction note (1–4, as the format numbers them). */
export type InteractionRule = 1 | 2 | 3 | 4;

export interface Interaction {
  day: Day;
  rule: InteractionRule;
  /** Attendee entries as written (link targets or plain names), in the order of the note. */
  attendees: string[];
  /**
   * Every name the note counts as a contact, each once (attendees first, then body links that do not stand
   * only inside an open task, in order of first appearance); names are compared as written, in any case.
   */
  targets: string[];
}

/** `2026-11-20 Sync`, `2026-11-20_retro`, `2026-11-20-notes`, `2026-11-20·call`: the date before the text. */
function prefixDay(basename: string): Day | null {
  if (basename.length < 12 || basename.charCodeAt(4) !== 45) return null;
  const sep = basename.charCodeAt(10);
  if (sep !== 32 && sep !== 95 && sep !== 45 && sep !== 0xb7) return null;
  let more = false;
  for (let i = 11; i < basename.length && !more; i++) more = basename.charCodeAt(i) !== 32 && basename.charCodeAt(i) !== 9;
  return more ? parseDayString(basename.slice(0, 10)) : null;
}

/** The day rules 1–3 give a note by its name and path alone, or null. */
export function dayByPath(path: string, basename: string, settings: CoreSettings): { day: Day; rule: InteractionRule } | null {
  if (basename.length === 10) {
    const day = parseDayString(basename);
    if (day !== null) return { day, rule: 1 };
  }
  const prefixed = prefixDay(basename);
  if (prefixed !== null) return { day: prefixed, rule: 2 };
  const configured = dailyPathDay(path, settings.dailyNoteConfig);
  return configured === null ? null : { day: configured, rule: 3 };
}

/** `lastContact`, `last-contact`, `Last_Contact` → `lastcontact`: keys compare as the format compares them. */
export function squashKey(key: string): string {
  return key.toLowerCase().replace(/[_\-\s]/g, '');
}

const squashedSets = new WeakMap<readonly string[], Set<string>>();

function keySet(keys: readonly string[]): Set<string> {
  let set = squashedSets.get(keys);
  if (!set) {
    set = new Set(keys.map(squashKey));
    squashedSets.set(keys, set);
  }
  return set;
}

/** The frontmatter keys of a note that are among `keys`, in the note's order. */
function keysIn(fm: Record<string, unknown>, keys: readonly string[]): string[] {
  const wanted = keySet(keys);
  return Object.keys(fm).filter((k) => wanted.has(squashKey(k)));
}

/** Names in one text: its `[[links]]`, one markdown link, or plain names separated by commas or semicolons. */
function namesInText(text: string): string[] {
  const t = text.trim();
  if (t === '') return [];
  if (t.includes('[[')) return wikiLinkTargets(t);
  const one = linkTarget(t);
  if (t.startsWith('[') && one !== null) return [one];
  const out: string[] = [];
  for (const part of t.split(/[,;]/)) {
    const name = linkTarget(part);
    if (name !== null) out.push(name);
  }
  return out;
}

export interface AttendeesRead {
  names: string[];
  diagnostics: Diagnostic[];
}

/**
 * The attendee entries of a note's frontmatter, in order: each entry a link or a plain name; a text with
 * several (`"[[Kees]], [[Jan]]"`, `Kees, Jan`) gives each. A set of keys (`attendees: {Kees: host}`) is read
 * as its keys, with a warning; what is neither gives an error-free warning and is skipped.
 */
export function readAttendees(record: NoteRecord, settings: CoreSettings): AttendeesRead {
  const fm = record.frontmatter;
  if (!fm) return { names: [], diagnostics: [] };
  const names: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const warn = (field: string, message: string) => diagnostics.push({ path: record.path, severity: 'warning', field, message });
  for (const key of keysIn(fm, settings.attendeeKeys)) {
    const value = fm[key];
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number') {
      names.push(...namesInText(String(value)));
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item === null || item === undefined) continue;
        if (typeof item === 'string' || typeof item === 'number') names.push(...namesInText(String(item)));
        else if (Array.isArray(item) && linkTarget(item) !== null) names.push(linkTarget(item)!);
        else if (isMap(item) && Object.keys(item).length > 0) names.push(...Object.keys(item).flatMap(namesInText));
        else warn(key, `expected names or links, found ${Array.isArray(item) ? 'a list' : `a ${typeof item}`} in the list; it is skipped`);
      }
      continue;
    }
    if (isMap(value)) {
      const keys = Object.keys(value).flatMap(namesInText);
      names.push(...keys);
      const shown = keys.slice(0, 3).map((k) => quote(k, 40)).join(', ');
      warn(key, `expected a list of names or links, found a set of keys; its keys are read as the names${keys.length > 0 ? ` (${shown}${keys.length > 3 ? ', …' : ''})` : ''}`);
      continue;
    }
    warn(key, `expected a list of names or links, found ${typeof value === 'boolean' ? quote(String(value)) : `a ${typeof value}`}`);
  }
  return { names, diagnostics };
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Whether `type` or the tags (frontmatter or inline, nested too) say the note is a meeting. */
function isMeetingByType(record: NoteRecord, settings: CoreSettings): boolean {
  const fm = record.frontmatter;
  if (fm) {
    for (const key of Object.keys(fm)) {
      if (key.toLowerCase() !== 'type') continue;
      const v = fm[key];
      for (const x of Array.isArray(v) ? v : [v])
        if (typeof x === 'string' && settings.meetingTypes.some((m) => m.toLowerCase() === x.trim().toLowerCase())) return true;
    }
  }
  return hasPersonTag(record.tags, settings.meetingTypes) || hasPersonTag(frontmatterTags(fm), settings.meetingTypes);
}

/** The first date key (in the settings' order) that holds a value, with that value. */
function dateValue(fm: Record<string, unknown> | null, settings: CoreSettings): { key: string; value: unknown } | null {
  if (!fm) return null;
  for (const wanted of settings.dateKeys) {
    const w = squashKey(wanted);
    for (const key of Object.keys(fm)) {
      if (squashKey(key) !== w) continue;
      const value = fm[key];
      if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
      return { key, value };
    }
  }
  return null;
}

function describeValue(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return quote(String(v));
  return Array.isArray(v) ? 'a list' : 'a set of keys';
}

export interface InteractionRead {
  interaction: Interaction | null;
  /** Problems of the note as a meeting: a date that is no date, attendees that are no list. */
  diagnostics: readonly Diagnostic[];
}

const NOT_ONE: InteractionRead = Object.freeze({ interaction: null, diagnostics: Object.freeze([]) });

/**
 * Reads a note that is not a person note as an interaction note, or not. Diagnostics come only where the note
 * would otherwise be a meeting (a book note's `date: 1984` is none of Ties' business).
 */
export function readInteraction(record: NoteRecord, settings: CoreSettings): InteractionRead {
  const byPath = dayByPath(record.path, record.basename, settings);
  // Most notes have neither a day in their name nor frontmatter: nothing to read.
  if (byPath === null && record.frontmatter === null) return NOT_ONE;
  const attendees = readAttendees(record, settings);
  let day = byPath?.day ?? null;
  let rule: InteractionRule | null = byPath?.rule ?? null;
  const diagnostics = attendees.diagnostics;
  if (day === null) {
    const date = dateValue(record.frontmatter, settings);
    const meeting = date !== null && (attendees.names.length > 0 || isMeetingByType(record, settings));
    if (!meeting) return { interaction: null, diagnostics: date === null ? [] : diagnostics };
    day = parseDay(date.value);
    if (day === null) {
      diagnostics.push({
        path: record.path, severity: 'warning', field: date.key,
        message: `expected the meeting's day as YYYY-MM-DD, found ${describeValue(date.value)}; the note does not count as a meeting`,
      });
      return { interaction: null, diagnostics };
    }
    rule = 4;
  }
  return { interaction: { day, rule: rule!, attendees: attendees.names.map(ownString), targets: contactTargets(record, attendees.names) }, diagnostics };
}

/** Attendees, then body links not standing only in open tasks; each name once, in any letter case. */
function contactTargets(record: NoteRecord, attendees: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (t: string) => {
    const key = t.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push(ownString(t));
  };
  for (const a of attendees) add(a);
  for (const link of record.links) if (link.task !== ' ') add(link.target);
  return out;
}

/** A short, safe name for messages. */
export function shownName(target: string): string {
  return `[[${clip(target)}]]`;
}
