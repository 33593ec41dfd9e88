/**
 * (A long file: every write action's edit lives here, so that the rules of writing stay in one place.)
 * The edits behind every write action, as pure functions. Frontmatter edits run inside Obsidian's
 * `processFrontMatter(fm => …)` and change the object they are given; body edits take the note's whole text
 * (inside `Vault.process(text => …)`) and return the new text. Each one changes only what its name says:
 * a frontmatter edit touches its own key (in the spelling the note already uses) and no other; a body edit
 * inserts lines and never changes, moves or removes a byte that was there.
 */
import { formatDay, parseDay, parseDayString } from './dates';
import { keyFor, type Field } from './fields';
import type { Day } from './types';

type Frontmatter = Record<string, unknown>;

/** The key a note uses for a field, or the canonical one when the note has none yet. */
function keyOf(fm: Frontmatter, field: Field): string {
  return keyFor(fm, field) ?? field;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** A text from a one-line input: line breaks become spaces, so a list entry stays one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

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

/** The text of a log item: `2026-11-20 phone: asked about the reorganisation` (`channel:` only when given). */
export function logItemText(day: Day, channel: string | null, text: string): string {
  const words = oneLine(text);
  const ch = channel === null ? '' : oneLine(channel);
  if (ch === '') return words === '' ? formatDay(day) : `${formatDay(day)} ${words}`;
  return words === '' ? `${formatDay(day)} ${ch}:` : `${formatDay(day)} ${ch}: ${words}`;
}

// --- the body --------------------------------------------------------------------------------------------

interface Line {
  /** The line without its line break. */
  text: string;
  /** `\n`, `\r\n`, or '' for a last line without a break. */
  eol: string;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const lines: Line[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (last) {
      if (part !== '') lines.push({ text: part, eol: '' });
    } else if (part.endsWith('\r')) lines.push({ text: part.slice(0, -1), eol: '\r\n' });
    else lines.push({ text: part, eol: '\n' });
  }
  return lines;
}

function joinLines(lines: readonly Line[]): string {
  let out = '';
  for (const l of lines) out += l.text + l.eol;
  return out;
}

const FENCE_LINE = /^---[ \t]*$/;
const LIST_MARKER = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const THEMATIC_BREAK = /^[ \t]*([-*_])[ \t]*(?:\1[ \t]*){2,}$/;

/** Index of the first body line: after the frontmatter block when there is a closed one, else 0. */
function bodyStart(lines: readonly Line[]): number {
  if (lines.length === 0) return 0;
  const first = lines[0]!.text.replace(/^\uFEFF/, '');
  if (!FENCE_LINE.test(first)) return 0;
  for (let i = 1; i < lines.length; i++) if (FENCE_LINE.test(lines[i]!.text)) return i + 1;
  return 0;
}

function isBlankText(s: string): boolean {
  return s.trim() === '';
}

/** The text of an ATX heading (`## Log ##` → `Log`), or null when the line is not one. */
function headingText(line: string): string | null {
  const m = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
  if (!m) return null;
  let text = (m[2] ?? '').trim();
  const closing = /(?:^|[ \t]+)#+$/.exec(text);
  if (closing) text = text.slice(0, closing.index).trimEnd();
  return text;
}

function fenceOpening(line: string): { char: string; length: number } | null {
  const m = /^[ \t]*(`{3,}|~{3,})(.*)$/.exec(line);
  if (!m) return null;
  const char = m[1]![0]!;
  if (char === '`' && m[2]!.includes('`')) return null;
  return { char, length: m[1]!.length };
}

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const t = line.trim();
  return t.length >= fence.length && [...t].every((c) => c === fence.char);
}

interface BodyLine {
  heading: string | null;
  /** A list item's marker: its indent width and its bullet; null when the line starts no list item. */
  item: { indent: number; prefix: string; bullet: string; text: string } | null;
  /** Inside (or opening/closing) a fenced code block. */
  code: boolean;
  /** On a line that opens a fenced code block: the line that closes it (-1 while it is open). */
  closeAt: number;
}

function indentWidth(ws: string): number {
  let w = 0;
  for (const c of ws) w += c === '\t' ? 4 - (w % 4) : 1;
  return w;
}

interface OpenFence {
  /** The line that opens it. */
  line: number;
  char: string;
  length: number;
}

/**
 * Headings, list items and code of each body line, from `start` on (earlier lines count as code), and the
 * fenced code block that is still open at the end of the note, if any (it runs to the end).
 */
function describeLines(lines: readonly Line[], start: number): { info: BodyLine[]; open: OpenFence | null } {
  const out: BodyLine[] = [];
  let fence: OpenFence | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (i < start) {
      out.push({ heading: null, item: null, code: true, closeAt: -1 });
      continue;
    }
    if (fence) {
      if (closesFence(text, fence)) {
        out[fence.line]!.closeAt = i;
        fence = null;
      }
      out.push({ heading: null, item: null, code: true, closeAt: -1 });
      continue;
    }
    const opened = fenceOpening(text);
    if (opened) {
      fence = { line: i, ...opened };
      out.push({ heading: null, item: null, code: true, closeAt: -1 });
      continue;
    }
    const heading = headingText(text);
    let item: BodyLine['item'] = null;
    if (heading === null && !THEMATIC_BREAK.test(text)) {
      const m = LIST_MARKER.exec(text);
      if (m) {
        let rest = text.slice(m[0].length);
        if (/^\[.\](?:[ \t]|$)/.test(rest)) rest = rest.slice(3);
        item = { indent: indentWidth(m[1]!), prefix: m[1]!, bullet: m[2]!, text: rest.trim() };
      }
    }
    out.push({ heading, item, code: false, closeAt: -1 });
  }
  return { info: out, open: fence };
}

interface Block {
  start: number;
  end: number;
  day: Day | null;
}

/** The line break the note uses: the first one in its body, else in its frontmatter, else `\n`. */
function noteEol(lines: readonly Line[], bodyFrom: number): string {
  for (let i = bodyFrom; i < lines.length; i++) if (lines[i]!.eol !== '') return lines[i]!.eol;
  for (const l of lines) if (l.eol !== '') return l.eol;
  return '\n';
}

/**
 * Adds a log item `- <line>` (e.g. `line` = `2026-11-20 phone: budget`) under the first heading named like
 * one of `headings` (case-insensitive, any level). It goes after the section's list items, or, when the
 * section's dated items run newest first, at the top; an item dated before others goes where its date
 * puts it in the section's order. Without such a heading, `## <first heading name>` is added at the end of
 * the note, one blank line below what is there. The frontmatter and every other byte stay as they are; the
 * new lines use the note's own line breaks.
 */
export function appendLogItem(text: string, headings: readonly string[], line: string): string {
  const lines = splitLines(text);
  const start = bodyStart(lines);
  const eol = noteEol(lines, start);
  const { info, open } = describeLines(lines, start);
  /** Lines from here on are in a code block that never closes: nothing may go there. */
  const codeToEnd = open === null ? lines.length : open.line;
  const wanted = new Set(headings.map((h) => h.trim().toLowerCase()).filter((h) => h !== ''));
  const entry = oneLine(line);

  let headingAt = -1;
  for (let i = start; i < lines.length; i++) {
    const h = info[i]!.heading;
    if (h !== null && wanted.has(h.toLowerCase())) {
      headingAt = i;
      break;
    }
  }

  if (headingAt < 0) {
    const name = headings.map((h) => h.trim()).find((h) => h !== '') ?? 'Log';
    const added: Line[] = [];
    const last = lines[lines.length - 1];
    if (last) {
      if (last.eol === '') last.eol = eol;
      // A code block left open would swallow the new heading: close it first.
      if (open) added.push({ text: open.char.repeat(open.length), eol });
      else if (!isBlankText(last.text)) added.push({ text: '', eol });
    }
    if (open) added.push({ text: '', eol });
    added.push({ text: `## ${name}`, eol }, { text: `- ${entry}`, eol });
    return joinLines([...lines, ...added]);
  }

  // The section: up to the next heading of any level (list items under a sub-heading belong to it).
  let end = lines.length - 1;
  for (let i = headingAt + 1; i < lines.length; i++)
    if (info[i]!.heading !== null) {
      end = i - 1;
      break;
    }

  const itemLines: number[] = [];
  for (let i = headingAt + 1; i <= end; i++) if (info[i]!.item) itemLines.push(i);
  if (itemLines.length === 0) {
    let lastText = -1;
    for (let i = headingAt + 1; i <= end && i < codeToEnd; i++) if (!isBlankText(lines[i]!.text)) lastText = i;
    if (lastText < 0) return insertLines(lines, headingAt + 1, [`- ${entry}`], eol);
    // Text under the heading but no list yet: the list starts one blank line below it.
    return insertLines(lines, lastText + 1, ['', `- ${entry}`], eol);
  }

  const top = Math.min(...itemLines.map((i) => info[i]!.item!.indent));
  const items = itemLines.filter((i) => info[i]!.item!.indent === top);
  const isTop = (i: number) => {
    const item = info[i]!.item;
    return item !== null && item.indent <= top;
  };

  /**
   * The last line of the item starting at `from`: its continuation lines, indented paragraphs and code
   * blocks (a code block is taken whole, so nothing is ever inserted inside one).
   */
  const blockEnd = (from: number): number => {
    let last = from;
    let j = from + 1;
    const take = (k: number) => {
      const close = info[k]!.closeAt;
      last = close >= 0 ? close : k;
      j = last + 1;
    };
    while (j <= end && j < codeToEnd) {
      const t = lines[j]!.text;
      if (isBlankText(t)) {
        let k = j;
        while (k <= end && isBlankText(lines[k]!.text)) k++;
        if (k <= end && k < codeToEnd && /^[ \t]/.test(lines[k]!.text) && !isTop(k)) {
          take(k);
          continue;
        }
        break;
      }
      if (isTop(j)) break;
      // A fence at the margin ends the list.
      if (info[j]!.closeAt >= 0 && !/^[ \t]/.test(t)) break;
      take(j);
    }
    return last;
  };

  const blocks: Block[] = items.map((s) => ({ start: s, end: blockEnd(s), day: parseDayString(info[s]!.item!.text, true) }));
  let loose = false;
  for (let b = 1; b < blocks.length; b++) if (blocks[b]!.start > blocks[b - 1]!.end + 1) loose = true;

  const dated = blocks.filter((b): b is Block & { day: Day } => b.day !== null);
  let ascending = true;
  let descending = true;
  for (let d = 1; d < dated.length; d++) {
    if (dated[d]!.day < dated[d - 1]!.day) ascending = false;
    if (dated[d]!.day > dated[d - 1]!.day) descending = false;
  }
  const newestFirst = descending && !ascending;
  const day = parseDayString(entry, true);

  const after = (block: { start: number; end: number }) => {
    const item = info[block.start]!.item!;
    const bullet = /^[-*+]$/.test(item.bullet) ? item.bullet : '-';
    const newLine = `${item.prefix}${bullet} ${entry}`;
    return insertLines(lines, block.end + 1, loose ? ['', newLine] : [newLine], eol);
  };
  const before = (block: { start: number; end: number }) => {
    const item = info[block.start]!.item!;
    const bullet = /^[-*+]$/.test(item.bullet) ? item.bullet : '-';
    const newLine = `${item.prefix}${bullet} ${entry}`;
    return insertLines(lines, block.start, loose ? [newLine, ''] : [newLine], eol);
  };

  if (newestFirst) {
    if (day === null) return before(blocks[0]!);
    const target = dated.find((b) => b.day <= day);
    return target ? before(target) : after(dated[dated.length - 1]!);
  }
  if (day !== null && ascending && dated.length > 0 && day < dated[dated.length - 1]!.day) {
    // An older contact, in a section kept oldest first: after the last item on or before its day.
    const earlier = dated.filter((b) => b.day <= day);
    return earlier.length > 0 ? after(earlier[earlier.length - 1]!) : before(dated[0]!);
  }
  return after(blocks[blocks.length - 1]!);
}

/** Inserts lines before index `at` (at = lines.length: at the end), with the note's line breaks. */
function insertLines(lines: Line[], at: number, texts: readonly string[], eol: string): string {
  const added: Line[] = texts.map((text) => ({ text, eol }));
  if (at >= lines.length) {
    const last = lines[lines.length - 1];
    if (last && last.eol === '') {
      // The note ended without a line break: the break goes between it and the new lines, and the
      // note still ends without one.
      last.eol = eol;
      added[added.length - 1]!.eol = '';
    }
  }
  return joinLines([...lines.slice(0, at), ...added, ...lines.slice(at)]);
}
