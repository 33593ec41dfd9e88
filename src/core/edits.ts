/**
 * (A long file: every write action's edit lives here, so that the rules of writing stay in one place.)
 * The edits behind every write action, as pure functions. Frontmatter edits run inside Obsidian's
 * `processFrontMatter(fm => …)` and change the object they are given; body edits take the note's whole text
 * (inside `Vault.process(text => …)`) and return the new text. Each one changes only what its name says:
 * a frontmatter edit touches its own key (in the spelling the note already uses) and no other; a body edit
 * inserts lines and never changes, moves or removes a byte that was there.
 */
import { oneLine } from './append-log';
import { formatDay, parseDay } from './dates';
import { keyFor, type Field } from './fields';
import { findFrontmatter } from './frontmatter';
import { lexMarkdown } from './markdown';
import { listMarker, quoteOf, skipBlanks } from './md-blocks';
import { blockIdStart, readTask } from './tasks';
import type { Day } from './types';

type Frontmatter = Record<string, unknown>;

/** The key a note uses for a field, or the canonical one when the note has none yet. */
function keyOf(fm: Frontmatter, field: Field): string {
  return keyFor(fm, field) ?? field;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

export { appendLogItem, oneLine } from './append-log';

/**
 * A list entry as the user wrote it. YAML reads an unquoted `- 2026-02-01 ask: how it went` as a one-key
 * map; joined back with its colon it is the line the user typed (the same rule the person parser uses).
 */
function entryLine(item: unknown): string | null {
  if (typeof item === 'string') return item;
  if (typeof item === 'number') return String(item);
  if (item instanceof Date) return Number.isNaN(item.getTime()) ? null : item.toISOString().slice(0, 10);
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
  const keys = Object.keys(item);
  if (keys.length !== 1) return null;
  const value = (item as Frontmatter)[keys[0]!];
  const rest = value instanceof Date ? value.toISOString().slice(0, 10) : value === null ? '' : value;
  return typeof rest === 'string' || typeof rest === 'number' ? `${keys[0]}: ${rest}`.trim() : null;
}

/** Adds an entry at the end of a list field; a single value becomes a list holding it and the entry. */
function appendEntry(fm: Frontmatter, field: Field, entry: string): void {
  const key = keyOf(fm, field);
  const current = fm[key];
  if (Array.isArray(current)) fm[key] = [...(current as unknown[]), entry];
  else if (isEmpty(current)) fm[key] = [entry];
  else fm[key] = [current, entry];
}

/**
 * Sets `last_contact` to `day` unless it already holds that day or a later one: logging an older contact
 * never lowers a newer last contact. A value that cannot be read as a date is replaced. True when it changed.
 */
export function setLastContact(fm: Frontmatter, day: Day): boolean {
  const key = keyOf(fm, 'last_contact');
  const current = isEmpty(fm[key]) ? null : parseDay(fm[key]);
  if (current !== null && current >= day) return false;
  fm[key] = formatDay(day);
  return true;
}

/** Sets `snooze_until`. */
export function setSnoozeUntil(fm: Frontmatter, day: Day): void {
  fm[keyOf(fm, 'snooze_until')] = formatDay(day);
}

/**
 * Removes the first follow-up written as `raw` (the entry as the person parser read it) from `follow_ups`,
 * whatever the key's spelling. False when no entry matches (the note changed meanwhile); nothing changes then.
 */
export function removeFollowUp(fm: Frontmatter, raw: string): boolean {
  const key = keyFor(fm, 'follow_ups');
  if (key === null) return false;
  const current = fm[key];
  const wanted = raw.trim();
  const matches = (item: unknown): boolean => {
    const line = entryLine(item);
    return line !== null && (line === raw || line.trim() === wanted);
  };
  if (Array.isArray(current)) {
    const list = current as unknown[];
    const at = list.findIndex(matches);
    if (at < 0) return false;
    fm[key] = [...list.slice(0, at), ...list.slice(at + 1)];
    return true;
  }
  if (!isEmpty(current) && matches(current)) {
    fm[key] = [];
    return true;
  }
  return false;
}

/** `2026-11-27 ask how the exam went`. */
export function followUpEntry(day: Day, text: string): string {
  return `${formatDay(day)} ${oneLine(text)}`;
}

/** Adds a follow-up `YYYY-MM-DD text` at the end of `follow_ups`. */
export function addFollowUp(fm: Frontmatter, day: Day, text: string): void {
  appendEntry(fm, 'follow_ups', followUpEntry(day, text));
}

export type FavourKind = 'gave' | 'got';

/** `2026-11-20 gave: an intro to Ana`. */
export function favourEntry(day: Day, kind: FavourKind, text: string): string {
  return `${formatDay(day)} ${kind}: ${oneLine(text)}`;
}

/** Adds a favour `YYYY-MM-DD gave: text` / `got: text` at the end of `favours` (or the note's `favors`). */
export function addFavour(fm: Frontmatter, day: Day, kind: FavourKind, text: string): void {
  appendEntry(fm, 'favours', favourEntry(day, kind, text));
}

/**
 * The text of a log item: `2026-11-20 phone: asked about the reorganisation`. The colon only separates a
 * channel from what was said: without words it is left out (`2026-11-20 phone`), never left dangling.
 */
export function logItemText(day: Day, channel: string | null, text: string): string {
  const parts = [formatDay(day)];
  const words = oneLine(text);
  const ch = channel === null ? '' : oneLine(channel);
  if (ch !== '') parts.push(words === '' ? ch : `${ch}:`);
  if (words !== '') parts.push(words);
  return parts.join(' ');
}

/**
 * Ticks the open task on 0-based `line` of a note's text (a task follow-up's Done): `[ ]` becomes `[x]`, and
 * ` ✅ YYYY-MM-DD` is appended when the task carries a field of the Tasks plugin's emoji format, as the Tasks
 * plugin does (` [completion:: YYYY-MM-DD]` for Dataview's format), before a closing block id (`^abc`).
 * Null when that line no longer holds the open task `raw` (the item's text as the reader read it): the note
 * changed, and nothing may be ticked. Every other byte of the note stays as it was.
 */
export function completeTask(text: string, line: number, raw: string, today: Day): string | null {
  const block = findFrontmatter(text);
  if (line < block.bodyLine) return null;
  const doc = lexMarkdown(text, { start: block.bodyStart, firstLine: block.bodyLine, keepLines: true });
  const item = doc.items.find((i) => i.line === line);
  if (item === undefined || item.task !== ' ' || item.text !== raw) return null;
  const { start, end } = doc.lines[item.at]!;
  const own = text.slice(start, end);
  let first = skipBlanks(own, 0);
  if (own.charCodeAt(first) === 62) first = skipBlanks(own, quoteOf(own).content);
  const marker = listMarker(own, first);
  const box = marker?.after ?? -1;
  if (box < 0 || own.charCodeAt(box) !== 91 || own.charCodeAt(box + 1) !== 32 || own.charCodeAt(box + 2) !== 93) return null;
  let ticked = own.slice(0, box + 1) + 'x' + own.slice(box + 2);
  const read = readTask(raw);
  const done = read.emojiFields ? `✅ ${formatDay(today)}` : read.dataviewFields ? `[completion:: ${formatDay(today)}]` : '';
  if (done !== '') {
    const blank = (at: number) => ticked.charCodeAt(at) === 32 || ticked.charCodeAt(at) === 9;
    let to = ticked.length;
    while (to > box + 3 && blank(to - 1)) to--;
    // Before a closing block id and the blanks before it; else after the last character of the text.
    let at = blockIdStart(ticked.slice(0, to));
    while (at > box + 3 && blank(at - 1)) at--;
    ticked = `${ticked.slice(0, at)} ${done}${ticked.slice(at)}`;
  }
  return text.slice(0, start) + ticked + text.slice(end);
}
