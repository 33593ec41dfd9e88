/**
 * The body edit behind "Log contact": a new log item in the note's log section, found by the same lexer the
 * reader uses (core/markdown.ts), so that the writer appends exactly where the reader looks: under a
 * `## Log` (or `## Log:`), a setext `Log` heading or a `> [!note] Log` callout, never in a comment or a
 * code block. Linear in the note: one lexing pass and one pass over the section.
 */
import { findFrontmatter } from './frontmatter';
import { lexInline } from './inline';
import { isLogHeading, logDate } from './log';
import { lexMarkdown, type MdDocument, type MdLine, type Section } from './markdown';
import { itemMarker } from './md-blocks';
import type { Day } from './types';

/** A text from a one-line input: line breaks become spaces, so a list entry stays one line. */
export function oneLine(text: string): string {
  // Split, not a `\s*[\r\n]+\s*` replace: that one backtracks in quadratic time over a long run of spaces.
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text.trim();
  return text
    .split(/[\r\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * The entry with a comment it opens closed at its end (`… 50%% off` → `… 50%% off %%`): a `%%` or `<!--` typed
 * in a log line must not hide the rest of the note from Obsidian and from Ties.
 */
function closedComments(entry: string): string {
  const open = lexInline(entry, 0).open;
  return open === null ? entry : `${entry} ${open}`;
}

/** The line break the note uses: the first one in its body, else in its frontmatter, else `\n`. */
function noteEol(text: string, bodyStart: number): string {
  for (const from of [bodyStart, 0]) {
    const nl = text.indexOf('\n', from);
    const cr = text.indexOf('\r', from);
    if (cr >= 0 && (nl < 0 || cr < nl)) return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
    if (nl >= 0) return '\n';
  }
  return '\n';
}

/** The note's last line (its frontmatter's closing line when the body is empty), without its break. */
function lastLine(text: string): string {
  let end = text.length;
  if (text.charCodeAt(end - 1) === 10) end--;
  if (text.charCodeAt(end - 1) === 13) end--;
  const from = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1;
  return text.slice(from, end);
}

function endsWithBreak(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 10 || c === 13;
}

/** A block of the log list: a top-level item with its continuation lines and nested items. */
interface Block {
  start: number;
  end: number;
  day: Day | null;
}

class LogEdit {
  readonly lines: MdLine[];
  /** Lines from here on stand in a comment or code block that never closes: nothing may be put there. */
  readonly limit: number;

  constructor(
    private readonly text: string,
    private readonly doc: MdDocument,
    private readonly eol: string,
  ) {
    // The last line is empty when the text ends with a break (or is empty): it is no line to write after.
    const lines = doc.lines;
    const last = lines[lines.length - 1];
    this.lines = last && last.start === text.length && (text.length === 0 || endsWithBreak(text)) ? lines.slice(0, -1) : lines;
    let limit = this.lines.length;
    if (doc.open.fence !== null || doc.open.comment !== null) while (limit > 0 && this.lines[limit - 1]!.openAfter) limit--;
    this.limit = limit;
  }

  raw(i: number): string {
    const l = this.lines[i]!;
    return this.text.slice(l.start, l.end);
  }

  /** Whether new lines may go before line `at` (at = the line count: at the end). */
  canInsertAt(at: number): boolean {
    return at <= this.limit && (at === 0 || !this.lines[at - 1]!.openAfter);
  }

  /** Inserts lines before line `at`, with the note's line breaks. */
  insert(at: number, texts: readonly string[]): string {
    const text = this.text;
    if (at < this.lines.length) {
      const offset = this.lines[at]!.start;
      return text.slice(0, offset) + texts.map((t) => t + this.eol).join('') + text.slice(offset);
    }
    // At the end: after a final line break, or (when the note ends without one) a break first and none after.
    if (text.length === 0 || endsWithBreak(text)) return text + texts.map((t) => t + this.eol).join('');
    return text + this.eol + texts.join(this.eol);
  }

  /** A new `## name` section at the end of the note, one blank line below it; open code or comments are closed first. */
  newSection(name: string, entry: string): string {
    const added: string[] = [];
    const { fence, comment } = this.doc.open;
    if (fence !== null) added.push('> '.repeat(fence.quote) + fence.char.repeat(fence.length));
    else if (comment !== null) added.push(comment);
    if (added.length > 0 || lastLine(this.text).trim() !== '') added.push('');
    added.push(`## ${name}`, `- ${entry}`);
    const text = this.text;
    const joined = added.map((t) => t + this.eol).join('');
    if (text.length === 0 || endsWithBreak(text)) return text + joined;
    return text + this.eol + joined;
  }

  /** The first line, from `at` on and up to `last + 1`, before which lines may go; -1 when none. */
  firstInsertable(at: number, last: number): number {
    for (let p = at; p <= last + 1; p++) if (this.canInsertAt(p)) return p;
    return -1;
  }

  /** The item's line as a sibling would write it: same indent and quote markers, `-` for numbered lists. */
  sibling(block: Block, entry: string): string {
    const marker = itemMarker(this.raw(block.start));
    const bullet = marker && /^[-*+]$/.test(marker.bullet) ? marker.bullet : '-';
    const prefix = marker && /^[ \t>]*$/.test(marker.prefix) ? marker.prefix : '';
    return `${prefix}${bullet} ${entry}`;
  }

  /** A blank line that keeps the block quote of line `at` open (`>` in a callout, '' outside one). */
  blankIn(at: number): string {
    const raw = this.raw(at);
    let end = 0;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 62) end = i + 1;
      else if (c !== 32 && c !== 9) break;
    }
    return raw.slice(0, end);
  }
}

/** The log section: the first heading named like one of `headings`, and the lines of its section. */
function findSection(lines: readonly MdLine[], headings: readonly string[]): { heading: number; end: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'heading') continue;
    const section: Section = line.sections[line.sections.length - 1]!;
    if (section.at !== i || !isLogHeading(section.heading, headings)) continue;
    const depth = line.sections.length - 1;
    let end = i;
    while (end + 1 < lines.length && lines[end + 1]!.sections[depth] === section) end++;
    return { heading: i, end };
  }
  return null;
}

/**
 * Adds a log item `- <line>` (e.g. `line` = `2026-11-20 phone: budget`) under the first log heading (one of
 * `headings`, any case, a closing colon allowed; a setext heading or a callout title counts). It goes after
 * the section's list items, or, when the section's dated items run newest first, at the top; an item dated
 * before others goes where its date puts it in the section's order. Sub-headings belong to the section.
 * Without such a heading, `## <first heading name>` is added at the end of the note, one blank line below
 * what is there. The frontmatter and every other byte stay as they are; the new lines use the note's own
 * line breaks (`\n`, `\r\n` or `\r`).
 */
export function appendLogItem(text: string, headings: readonly string[], line: string): string {
  const fm = findFrontmatter(text);
  const doc = lexMarkdown(text, { start: fm.bodyStart, firstLine: fm.bodyLine, keepLines: true });
  const edit = new LogEdit(text, doc, noteEol(text, fm.bodyStart));
  const lines = edit.lines;
  const entry = closedComments(oneLine(line));
  const name = headings.map((h) => h.trim()).find((h) => h !== '') ?? 'Log';

  const found = findSection(lines, headings);
  if (found === null) return edit.newSection(name, entry);
  const { heading } = found;
  const end = Math.min(found.end, edit.limit - 1, lines.length - 1);

  const items = doc.items;
  const root: number[] = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) root[i] = items[i]!.parent < 0 ? i : root[items[i]!.parent]!;
  const top: number[] = [];
  for (let i = 0; i < items.length; i++) if (items[i]!.at > heading && items[i]!.at <= end && items[i]!.parent < 0) top.push(i);

  if (top.length === 0) {
    // No list yet: below the heading's own text, above its first sub-heading.
    let lastText = -1;
    for (let i = heading + 1; i <= end && lines[i]!.kind !== 'heading'; i++)
      if (lines[i]!.kind !== 'blank' && !lines[i]!.openAfter) lastText = i;
    // In a callout (or a quoted heading) the new item stays inside its quote.
    const quote = edit.blankIn(heading);
    const item = `${quote === '' ? '' : quote + ' '}- ${entry}`;
    if (lastText < 0) {
      const at = edit.firstInsertable(heading + 1, end);
      return at < 0 ? edit.newSection(name, entry) : edit.insert(at, [item]);
    }
    // Text under the heading but no list yet: the list starts one blank line below it.
    return edit.insert(lastText + 1, [quote, item]);
  }

  /** The last line of a top item's block: its continuation lines, nested items and code, within the section. */
  const blockEnd = (index: number): number => {
    const start = items[index]!.at;
    let last = start;
    for (let j = start + 1; j <= end; j++) {
      const l = lines[j]!;
      if (l.item >= 0 && root[l.item] === index) last = j;
      else if (l.kind !== 'blank' && l.kind !== 'comment') break;
    }
    // A comment that opens in the block and closes below it belongs to the block.
    while (last < end && lines[last]!.openAfter) last++;
    return last;
  };

  const blocks: Block[] = top.map((i) => ({ start: items[i]!.at, end: blockEnd(i), day: logDate(items[i]!.text)?.day ?? null }));
  // A loose list has blank lines between its items (a sub-heading between them does not count).
  let loose = false;
  for (let b = 1; b < blocks.length && !loose; b++) {
    const from = blocks[b - 1]!.end + 1, to = blocks[b]!.start;
    if (from < to && lines.slice(from, to).every((l) => l.kind === 'blank')) loose = true;
  }

  const dated = blocks.filter((b): b is Block & { day: Day } => b.day !== null);
  let ascending = true;
  let descending = true;
  for (let d = 1; d < dated.length; d++) {
    if (dated[d]!.day < dated[d - 1]!.day) ascending = false;
    if (dated[d]!.day > dated[d - 1]!.day) descending = false;
  }
  const newestFirst = descending && !ascending;
  const day = logDate(entry)?.day ?? null;

  const after = (block: Block) => {
    const newLine = edit.sibling(block, entry);
    const at = edit.canInsertAt(block.end + 1) ? block.end + 1 : block.start;
    return edit.insert(at, loose ? [edit.blankIn(block.start), newLine] : [newLine]);
  };
  const before = (block: Block) => {
    const newLine = edit.sibling(block, entry);
    return edit.insert(block.start, loose ? [newLine, edit.blankIn(block.start)] : [newLine]);
  };

  if (newestFirst) {
    if (day === null) return before(blocks[0]!);
    const target = dated.find((b) => b.day <= day);
    return target ? before(target) : after(dated[dated.length - 1]!);
  }
  if (day !== null && ascending && dated.length > 0 && day < dated[dated.length - 1]!.day) {
    // An older contact, in a section kept oldest first: after the last item on or before its day.
    let earlier: (Block & { day: Day }) | null = null;
    for (const b of dated) if (b.day <= day) earlier = b;
    return earlier !== null ? after(earlier) : before(dated[0]!);
  }
  return after(blocks[blocks.length - 1]!);
}
