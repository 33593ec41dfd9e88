/**
 * What stands inside one line of a note: comments (`%% … %%`, `<!-- … -->`, which may run over lines),
 * inline code spans, links and tags. Every search on a line moves forward or remembers what it proved
 * absent, so a line of any length is read in linear time.
 */
import { cleanTarget } from './links';
import type { NoteLink } from './types';

/** The comment a line ends inside of, by its closing mark; null when none is open. */
export type OpenComment = '%%' | '-->' | null;

export interface LineInline {
  /** The line with comments and code spans blanked by U+0000 (same length), for links and tags. */
  masked: string;
  /** The line with comments blanked by spaces (same length), for its structure (headings, list items). */
  blanked: string;
  /** Comment ranges [from, to) in the line, in order; empty when there is none. */
  comments: number[];
  /** The comment still open at the end of the line. */
  open: OpenComment;
}

const NONE: number[] = [];

/**
 * Comments and code spans of a line that starts outside any comment, from `from` on (text before `from`
 * is a comment that closed on this line). A code span or a comment that starts first wins, as in Markdown.
 */
export function lexInline(line: string, from: number): LineInline {
  if (from === 0 && line.indexOf('`') < 0 && line.indexOf('%%') < 0 && line.indexOf('<!--') < 0)
    return { masked: line, blanked: line, comments: NONE, open: null };
  const comments: number[] = from > 0 ? [0, from] : [];
  const code: number[] = [];
  const runs = line.indexOf('`', from) >= 0 ? new BacktickRuns(line, from) : null;
  let open: OpenComment = null;
  for (let i = from; i < line.length; ) {
    const c = line.charCodeAt(i);
    if (c === 96 && runs !== null) {
      const span = runs.partner(i);
      if (span > 0) code.push(i, span);
      i = span > 0 ? span : runs.runEnd(i);
      continue;
    }
    const closer = c === 37 && line.charCodeAt(i + 1) === 37 ? '%%' : c === 60 && line.startsWith('<!--', i) ? '-->' : null;
    if (closer === null) {
      i++;
      continue;
    }
    const openLength = closer === '%%' ? 2 : 4;
    const close = line.indexOf(closer, i + openLength);
    if (close < 0) {
      comments.push(i, line.length);
      open = closer;
      break;
    }
    comments.push(i, close + closer.length);
    i = close + closer.length;
  }
  return { masked: blank(line, merge(comments, code), '\u0000'), blanked: blank(line, comments, ' '), comments, open };
}

/** The two sorted range lists as one sorted list (they never overlap). */
function merge(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!, a[i++]!);
    else out.push(b[j++]!, b[j++]!);
  }
  return out;
}

/** The line with each range [from, to) replaced by `fill` characters. */
function blank(line: string, ranges: readonly number[], fill: string): string {
  if (ranges.length === 0) return line;
  let out = '';
  let copied = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    out += line.slice(copied, ranges[k]) + fill.repeat(ranges[k + 1]! - ranges[k]!);
    copied = ranges[k + 1]!;
  }
  return out + line.slice(copied);
}

/** The text of `line` from `from` to `to` without its comments. */
export function withoutComments(line: string, comments: readonly number[], from: number, to: number): string {
  if (comments.length === 0) return line.slice(from, to);
  let out = '';
  let at = from;
  for (let k = 0; k < comments.length && at < to; k += 2) {
    const a = comments[k]!, b = comments[k + 1]!;
    if (b <= at) continue;
    if (a > at) out += line.slice(at, Math.min(a, to));
    at = Math.max(at, b);
  }
  return at < to ? out + line.slice(at, to) : out;
}

/**
 * The backtick runs of a line. A run of n backticks opens a code span closed by the next run of exactly n;
 * a run without a partner is literal. Runs of each length are kept in order with a cursor, so finding
 * partners along the line is amortised constant time.
 */
class BacktickRuns {
  private readonly byLength = new Map<number, { starts: number[]; cursor: number }>();

  constructor(private readonly line: string, from: number) {
    for (let i = line.indexOf('`', from); i >= 0; ) {
      const j = this.runEnd(i);
      const entry = this.byLength.get(j - i);
      if (entry) entry.starts.push(i);
      else this.byLength.set(j - i, { starts: [i], cursor: 0 });
      i = line.indexOf('`', j);
    }
  }

  runEnd(at: number): number {
    let j = at;
    while (this.line.charCodeAt(j) === 96) j++;
    return j;
  }

  /** The end of the code span the run at `at` opens, or -1 when it has no partner. */
  partner(at: number): number {
    const length = this.runEnd(at) - at;
    const entry = this.byLength.get(length)!;
    while (entry.cursor < entry.starts.length && entry.starts[entry.cursor]! <= at) entry.cursor++;
    if (entry.cursor >= entry.starts.length) return -1;
    const start = entry.starts[entry.cursor]!;
    entry.cursor++;
    return start + length;
  }
}

// Sticky, so it matches only right after the `#`; one character class, so it is linear.
const TAG_CHARS = /[\p{L}\p{N}\p{M}_/-]+/uy;
const ONLY_DIGITS_AND_SLASHES = /^[\d/]+$/;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** What a failed search proved absent from the rest of the line; later searches skip it (keeps a line linear). */
interface Absent {
  wikiClose: boolean;
  angleClose: boolean;
  parenClose: boolean;
  bareDestination: boolean;
}

/**
 * Adds the links and tags of a line. `text` is the line masked by lexInline (code and comments are
 * U+0000); targets are taken from `line` as written.
 */
export function scanInline(
  line: string,
  text: string,
  lineNo: number,
  task: string | null,
  tags: string[],
  seenTags: Set<string>,
  links: NoteLink[],
): void {
  if (text.indexOf('[') < 0 && text.indexOf('#') < 0) return;
  const n = text.length;
  const absent: Absent = { wikiClose: false, angleClose: false, parenClose: false, bareDestination: false };
  let openBracket = -1;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 91 && text.charCodeAt(i + 1) === 91 && !absent.wikiClose) {
      const close = text.indexOf(']]', i + 2);
      if (close < 0) {
        absent.wikiClose = true;
        i += 2;
        continue;
      }
      // `[[a [[b]]` links to `b`, as in Obsidian: the innermost opening wins.
      const open = text.lastIndexOf('[[', close - 2);
      const target = cleanTarget(line.slice(open + 2, close));
      if (target !== null) links.push({ target, line: lineNo, task });
      i = close + 2;
      openBracket = -1;
      continue;
    }
    if (c === 91) {
      openBracket = i;
    } else if (c === 93 && openBracket >= 0 && text.charCodeAt(i + 1) === 40) {
      const end = markdownLink(line, text, i + 2, absent, lineNo, task, links);
      openBracket = -1;
      if (end > 0) {
        i = end;
        continue;
      }
    } else if (c === 35 && (i === 0 || isWhitespace(text.charCodeAt(i - 1)))) {
      TAG_CHARS.lastIndex = i + 1;
      const m = TAG_CHARS.exec(text);
      if (m) {
        const tag = m[0];
        if (!ONLY_DIGITS_AND_SLASHES.test(tag) && !seenTags.has(tag)) {
          seenTags.add(tag);
          tags.push(tag);
        }
        i += 1 + tag.length;
        continue;
      }
    }
    i++;
  }
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

/**
 * Reads the destination of `[text](…)` starting at `from` (just after the `(`); adds a link when it points
 * at a note, not a URL. Returns the index after the closing `)`, or -1 when this is no link.
 */
function markdownLink(
  line: string,
  text: string,
  from: number,
  absent: Absent,
  lineNo: number,
  task: string | null,
  links: NoteLink[],
): number {
  let raw: string;
  let after: number;
  if (text.charCodeAt(from) === 60) {
    const gt = absent.angleClose ? -1 : text.indexOf('>', from + 1);
    if (gt < 0) {
      absent.angleClose = true;
      return -1;
    }
    raw = line.slice(from + 1, gt);
    after = gt + 1;
  } else {
    if (absent.bareDestination) return -1;
    // Up to whitespace or the `)` that balances the opening one.
    let depth = 0;
    let j = from;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 32 || c === 9) break;
      if (c === 40) depth++;
      else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
    }
    if (j === text.length) {
      // Ran off the line: unbalanced, and re-running from each later `](` could cost quadratic time.
      absent.bareDestination = true;
      return -1;
    }
    raw = line.slice(from, j);
    after = j;
  }
  // Whatever follows (a title) must still end in `)`.
  const close = text.charCodeAt(after) === 41 ? after : absent.parenClose ? -1 : text.indexOf(')', after);
  if (close < 0) {
    absent.parenClose = true;
    return -1;
  }
  if (!URL_SCHEME.test(raw) && !raw.startsWith('//')) {
    const target = cleanTarget(decodePath(raw));
    if (target !== null) links.push({ target, line: lineNo, task });
  }
  return close + 1;
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
