/**
 * Open tasks as follow-ups (format v1.1). A task's day is the first of its due date (`📅 2026-12-03`,
 * Dataview's `[due:: 2026-12-03]`), scheduled date (`⏳`, `[scheduled:: …]`) and start date (`🛫`,
 * `[start:: …]`); without any it is something to raise next time. Its text is what remains without the
 * dates and the other fields of the Tasks plugin (🔁 ⏫ 🔼 🔽 ⏬ 🔺 ➕ ✅ ❌ 🆔 ⛔ 🏁 and their values) and of
 * Dataview's task format, and without a closing block id (`^abc123`).
 *
 * Unlike the Tasks plugin, which reads its fields only at the end of the line, a field anywhere in the line
 * counts: a date typed first is still the task's date. Two dates of one kind: the first one written is used,
 * with a warning. One forward pass over the text; no pattern that can backtrack.
 */
import { formatDay, readDate } from './dates';
import { ownString } from './own-string';
import type { Day, ListItem, NoteRecord } from './types';

type DateKind = 'due' | 'scheduled' | 'start' | 'created' | 'done' | 'cancelled';

/** Emoji that open a date field, and the kind of date. */
const DATE_EMOJI: Record<string, DateKind> = {
  '📅': 'due', '📆': 'due', '🗓': 'due',
  '⏳': 'scheduled', '⌛': 'scheduled',
  '🛫': 'start',
  '➕': 'created',
  '✅': 'done',
  '❌': 'cancelled',
};
const PRIORITY = new Set(['🔺', '⏫', '🔼', '🔽', '⏬']);
/** Fields whose value is text: recurrence (up to the next field), id, depends on, on completion (one word). */
const TEXT_FIELDS = new Set(['🔁', '🆔', '⛔', '🏁']);

/** Dataview's inline fields of the Tasks plugin's Dataview format, by lower-case key. */
const DATAVIEW_DATES: Record<string, DateKind> = {
  due: 'due', scheduled: 'scheduled', start: 'start', created: 'created', completion: 'done', cancelled: 'cancelled',
};
const DATAVIEW_OTHER = new Set(['priority', 'repeat', 'id', 'dependson', 'oncompletion']);

/** Shared by every task without problems (most of them): thousands of tasks, one empty list. */
const NO_PROBLEMS: string[] = Object.freeze([]) as unknown as string[];

/** The kinds of date that give a task its day, in the order they are asked. */
const DAY_KINDS: readonly DateKind[] = ['due', 'scheduled', 'start'];

export interface TaskRead {
  /** The first due, scheduled or start date; null when the task has none (raise next time). */
  day: Day | null;
  /** The text without checkbox, dates, fields and block id. */
  text: string;
  /** The task carries a field of the Tasks plugin's emoji format (then Done appends ` ✅ date`). */
  emojiFields: boolean;
  /** It carries a field of Dataview's format (then Done appends `[completion:: date]`). */
  dataviewFields: boolean;
  /** What looks wrong: two dates of one kind, a date that names no day. */
  problems: string[];
}

const VS16 = 0xfe0f;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** Where the field emoji at `i` ends (after an optional variation selector), or -1 when none stands there. */
function emojiAt(text: string, i: number): { emoji: string; end: number } | null {
  const cp = text.codePointAt(i);
  if (cp === undefined || cp < 0x2300) return null;
  const emoji = String.fromCodePoint(cp);
  if (!(emoji in DATE_EMOJI) && !PRIORITY.has(emoji) && !TEXT_FIELDS.has(emoji)) return null;
  let end = i + emoji.length;
  if (text.charCodeAt(end) === VS16) end++;
  return { emoji, end };
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Finds Dataview fields along one line. Every search remembers what it found or proved absent, so that a line
 * full of `[` or `::` is still read in linear time.
 */
class FieldFinder {
  private sep = -2;
  private noClose: Record<string, boolean> = {};

  constructor(private readonly text: string) {}

  /** `[due:: 2026-12-03]` or `(due:: …)` at `i`: its key, value and end; null when no such field stands there. */
  dataviewAt(i: number): { key: string; value: string; end: number } | null {
    const text = this.text;
    const open = text.charCodeAt(i);
    const close = open === 91 ? ']' : open === 40 ? ')' : null;
    if (close === null) return null;
    if (this.sep !== -1 && this.sep < i + 1) this.sep = text.indexOf('::', i + 1);
    const sep = this.sep;
    if (sep < 0 || sep - i > 20) return null;
    const key = text.slice(i + 1, sep).trim().toLowerCase();
    if (!(key in DATAVIEW_DATES) && !DATAVIEW_OTHER.has(key)) return null;
    if (this.noClose[close]) return null;
    const end = text.indexOf(close, sep + 2);
    if (end < 0) {
      this.noClose[close] = true;
      return null;
    }
    return { key, value: text.slice(sep + 2, end).trim(), end: end + 1 };
  }

  /** The end of a text field's value: the next field, else the end of the line (`🆔` and `🏁` take one word). */
  valueEnd(from: number, emoji: string, limit: number): number {
    const text = this.text;
    if (emoji === '🆔' || emoji === '🏁') {
      let i = from;
      while (i < limit && !isSpace(text.charCodeAt(i))) i++;
      return i;
    }
    for (let i = from; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x2300 && emojiAt(text, i) !== null) return i;
      if ((c === 91 || c === 40) && this.dataviewAt(i) !== null) return i;
    }
    return limit;
  }
}

/** A closing block id ` ^abc-123`: where it starts (at its space), or the text's length when there is none. */
export function blockIdStart(text: string): number {
  let i = text.length;
  while (i > 0 && isIdChar(text.charCodeAt(i - 1))) i--;
  if (i === text.length || i === 0 || text.charCodeAt(i - 1) !== 94) return text.length;
  const caret = i - 1;
  return caret === 0 || isSpace(text.charCodeAt(caret - 1)) ? caret : text.length;
}

function isIdChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/** Reads a task's text (as a list item holds it: without bullet and checkbox). */
export function readTask(text: string): TaskRead {
  const dates = new Map<DateKind, Day | null>();
  const problems: string[] = [];
  let emojiFields = false;
  let dataviewFields = false;
  let out = '';
  let copied = 0;
  const end = blockIdStart(text);
  const finder = new FieldFinder(text);
  const dated = (kind: DateKind, written: string, day: Day | null, problem: boolean) => {
    if (problem) problems.push(`${kindWord(kind)} ${written} names no day; it is not used`);
    if (dates.has(kind)) {
      const first = dates.get(kind);
      if (DAY_KINDS.includes(kind))
        problems.push(`two ${kindWord(kind)}s (${first === null || first === undefined ? 'the first names no day' : formatDay(first)} and ${written}); the first one is used`);
      return;
    }
    dates.set(kind, problem ? null : day);
  };
  for (let i = 0; i < end; ) {
    const c = text.charCodeAt(i);
    if (c >= 0x2300) {
      const e = emojiAt(text, i);
      if (e !== null) {
        let to = e.end;
        const kind = DATE_EMOJI[e.emoji];
        if (kind !== undefined) {
          const at = skipSpaces(text, e.end);
          const read = readDate(text, at);
          if (read === null) {
            i = e.end;
            continue; // an emoji without a date is text
          }
          dated(kind, text.slice(at, at + 10), read.day, read.day === null);
          to = read.end;
        } else if (TEXT_FIELDS.has(e.emoji)) {
          to = finder.valueEnd(skipSpaces(text, e.end), e.emoji, end);
        }
        emojiFields = true;
        out += text.slice(copied, i);
        copied = to;
        i = to;
        continue;
      }
    } else if (c === 91 || c === 40) {
      const f = finder.dataviewAt(i);
      if (f !== null) {
        const kind = DATAVIEW_DATES[f.key];
        if (kind !== undefined) {
          const read = readDate(f.value, 0);
          dated(kind, f.value.slice(0, 10), read?.day ?? null, read === null || read.day === null);
        }
        dataviewFields = true;
        out += text.slice(copied, i);
        copied = f.end;
        i = f.end;
        continue;
      }
    }
    i++;
  }
  out += text.slice(copied, end);
  let day: Day | null = null;
  for (const kind of DAY_KINDS) {
    const d = dates.get(kind);
    if (d !== undefined && d !== null) {
      day = d;
      break;
    }
  }
  return { day, text: collapse(out), emojiFields, dataviewFields, problems: problems.length > 0 ? problems : NO_PROBLEMS };
}

function kindWord(kind: DateKind): string {
  return kind === 'due' ? 'due date' : kind === 'start' ? 'start date' : kind === 'scheduled' ? 'scheduled date' : `${kind} date`;
}

/** Runs of blanks as one space, trimmed: what is left where fields stood. */
function collapse(s: string): string {
  const t = s.trim();
  if (!/ {2}|[\t\u00a0]/.test(t)) return t;
  let out = '';
  let space = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0) space = true;
    else {
      if (space) out += ' ';
      out += t[i];
      space = false;
    }
  }
  return out;
}

/** An open task of a note, with the names it links on its own line. */
export interface NoteTask {
  /** 0-based line. */
  line: number;
  /** The item's text as the lexer reads it (what Done checks the line still holds). */
  raw: string;
  text: string;
  day: Day | null;
  /** Link targets on the task's own line, each once, as written. */
  targets: string[];
  problems: string[];
}

/**
 * Every open task (`- [ ]`; not `[x]`, not `[-]`) of a record, with its links; the task's own line only.
 * `keep` chooses among the items; `linkedOnly` leaves out tasks that link nobody (without reading them).
 */
export function openTasks(record: NoteRecord, keep: ((item: ListItem) => boolean) | null = null, linkedOnly = false): NoteTask[] {
  const out: NoteTask[] = [];
  let l = 0;
  const links = record.links;
  for (const item of record.listItems) {
    if (item.task !== ' ' || (keep !== null && !keep(item))) continue;
    while (l < links.length && links[l]!.line < item.line) l++;
    const targets: string[] = [];
    for (let k = l; k < links.length && links[k]!.line === item.line; k++) {
      const t = links[k]!.target;
      if (!targets.some((x) => x.toLowerCase() === t.toLowerCase())) targets.push(ownString(t));
    }
    if (linkedOnly && targets.length === 0) continue;
    const read = readTask(item.text);
    out.push({ line: item.line, raw: ownString(item.text), text: ownString(read.text), day: read.day, targets, problems: read.problems });
  }
  return out;
}

/** The list items a record from a note that is not a person keeps: its open tasks (they may be follow-ups). */
export function openTaskItems(items: readonly ListItem[]): ListItem[] {
  const out: ListItem[] = [];
  for (const item of items) {
    if (item.task !== ' ') continue;
    out.push({ line: item.line, text: item.text, heading: item.heading, task: item.task });
  }
  return out;
}
