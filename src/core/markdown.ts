/**
 * The body of a note, read the way Obsidian's metadataCache reads it: inline tags, links with the task state
 * of the list item they stand in, and list items under their heading. One pass, line by line, with no
 * backtracking regexes: time grows linearly, and a 5 MB note takes a fraction of a second.
 */
import { cleanTarget } from './links';
import type { ListItem, NoteLink } from './types';

export interface BodyScan {
  tags: string[];
  links: NoteLink[];
  listItems: ListItem[];
}

const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
// `* * *` and `- - -` are thematic breaks, not list items. Every repetition must consume the marker char,
// so this cannot backtrack badly.
const THEMATIC_BREAK = /^[ \t]*([-*_])[ \t]*(?:\1[ \t]*){2,}$/;
const BLOCKQUOTE = /^(?:[ \t]*>)+[ \t]?/;
// Sticky, so it matches only right after the `#`; one character class, so it is linear.
const TAG_CHARS = /[\p{L}\p{N}\p{M}_/-]+/uy;
const ONLY_DIGITS_AND_SLASHES = /^[\d/]+$/;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Scans a note body. `firstLine` is the 0-based line of the body's first line in the whole file, so the
 * line numbers returned are lines of the file.
 */
export function scanBody(body: string, firstLine: number): BodyScan {
  const tags: string[] = [];
  const seenTags = new Set<string>();
  const links: NoteLink[] = [];
  const listItems: ListItem[] = [];

  let heading: string | null = null;
  let fence: { char: string; length: number } | null = null;
  // The list item that the current line belongs to (its own line or a continuation line), for task state.
  let item: { task: string | null } | null = null;
  let blankSinceItem = false;

  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!;
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    const lineNo = firstLine + index;
    const content = startsWithQuote(line) ? line.replace(BLOCKQUOTE, '') : line;

    if (fence) {
      if (closesFence(content, fence)) fence = null;
      continue;
    }
    const opened = opensFence(content);
    if (opened) {
      fence = opened;
      // An indented fence sits inside the list item above it; one at the margin ends the list.
      if (!/^[ \t]/.test(content)) item = null;
      continue;
    }

    if (isBlankLine(content)) {
      blankSinceItem = true;
      continue;
    }

    let task: string | null = null;
    const headingText = atxHeading(content);
    if (headingText !== null) {
      heading = headingText;
      item = null;
    } else {
      const marker = THEMATIC_BREAK.test(content) ? null : LIST_MARKER.exec(content);
      if (marker) {
        let rest = content.slice(marker[0].length);
        let itemTask: string | null = null;
        if (rest.charCodeAt(0) === 91 && rest.charCodeAt(2) === 93 && (rest.length === 3 || isBlank(rest.charCodeAt(3)))) {
          itemTask = rest[1]!;
          rest = rest.slice(3);
        }
        listItems.push({ line: lineNo, text: rest.trim(), heading, task: itemTask });
        item = { task: itemTask };
        blankSinceItem = false;
        task = itemTask;
      } else if (item && (!blankSinceItem || isBlank(content.charCodeAt(0)))) {
        // A continuation line: directly below the item, or indented after a blank line.
        blankSinceItem = false;
        task = item.task;
      } else {
        item = null;
      }
    }

    scanInline(line, lineNo, task, tags, seenTags, links);
  }
  return { tags, links, listItems };
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function isBlankLine(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isBlank(s.charCodeAt(i))) return false;
  return true;
}

function startsWithQuote(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 62) return true;
    if (!isBlank(c)) return false;
  }
  return false;
}

/** The text of an ATX heading (`## Log ##` → `Log`), or null when the line is not one. */
function atxHeading(content: string): string | null {
  let i = 0;
  while (i < 3 && content.charCodeAt(i) === 32) i++;
  let level = 0;
  while (content.charCodeAt(i + level) === 35) level++;
  if (level < 1 || level > 6) return null;
  const after = i + level;
  if (after < content.length && !isBlank(content.charCodeAt(after))) return null;
  const text = content.slice(after).trim();
  // A closing run of `#` is decoration, when it stands apart from the text.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 35) end--;
  if (end === 0) return '';
  if (end < text.length && isBlank(text.charCodeAt(end - 1))) return text.slice(0, end).trimEnd();
  return text;
}

function opensFence(content: string): { char: string; length: number } | null {
  const start = content.length - content.trimStart().length;
  const c = content[start];
  if (c !== '`' && c !== '~') return null;
  let length = 0;
  while (content[start + length] === c) length++;
  if (length < 3) return null;
  // A backtick in the info string means this is inline code, not a fence.
  if (c === '`' && content.indexOf('`', start + length) >= 0) return null;
  return { char: c, length };
}

function closesFence(content: string, fence: { char: string; length: number }): boolean {
  const t = content.trim();
  if (t.length < fence.length) return false;
  for (let i = 0; i < t.length; i++) if (t[i] !== fence.char) return false;
  return true;
}

/**
 * The line with its inline code spans blanked out (same length, so positions still match the original).
 * A run of n backticks opens a span closed by the next run of exactly n; a run without a partner is literal.
 */
function maskInlineCode(line: string): string {
  if (line.indexOf('`') < 0) return line;
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < line.length; ) {
    if (line.charCodeAt(i) !== 96) {
      i++;
      continue;
    }
    let j = i;
    while (line.charCodeAt(j) === 96) j++;
    starts.push(i);
    lengths.push(j - i);
    i = j;
  }
  // Runs of each length in order, with a cursor each, so finding a partner is amortised constant time.
  const byLength = new Map<number, { runs: number[]; cursor: number }>();
  for (let k = 0; k < starts.length; k++) {
    const entry = byLength.get(lengths[k]!);
    if (entry) entry.runs.push(k);
    else byLength.set(lengths[k]!, { runs: [k], cursor: 0 });
  }
  let out = '';
  let copied = 0;
  for (let k = 0; k < starts.length; ) {
    const entry = byLength.get(lengths[k]!)!;
    while (entry.cursor < entry.runs.length && entry.runs[entry.cursor]! <= k) entry.cursor++;
    if (entry.cursor >= entry.runs.length) {
      k++;
      continue;
    }
    const partner = entry.runs[entry.cursor]!;
    const from = starts[k]!;
    const to = starts[partner]! + lengths[partner]!;
    out += line.slice(copied, from) + '\u0000'.repeat(to - from);
    copied = to;
    k = partner + 1;
  }
  return copied === 0 ? line : out + line.slice(copied);
}

/** What a failed search proved absent from the rest of the line; later searches skip it (keeps a line linear). */
interface Absent {
  wikiClose: boolean;
  angleClose: boolean;
  parenClose: boolean;
  bareDestination: boolean;
}

function scanInline(
  line: string,
  lineNo: number,
  task: string | null,
  tags: string[],
  seenTags: Set<string>,
  links: NoteLink[],
): void {
  if (line.indexOf('[') < 0 && line.indexOf('#') < 0) return;
  const text = maskInlineCode(line);
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
