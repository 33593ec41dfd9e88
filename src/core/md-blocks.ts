/**
 * How one line of Markdown opens a block: block-quote markers, ATX headings, callout titles, thematic breaks,
 * list markers and code fences. Each reads the line from a given position with plain loops (no regex that
 * could backtrack); the lexer (markdown.ts) decides in which order to ask.
 */

export function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

export function skipBlanks(s: string, i: number): number {
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return i;
}

/** Columns from `from` to `to`, a tab counting to the next multiple of 4. */
export function width(s: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w = s.charCodeAt(i) === 9 ? w + 4 - (w % 4) : w + 1;
  return w;
}

/** Block-quote depth (`> > text` is 2) and where the content starts after the markers. */
export function quoteOf(raw: string): { depth: number; content: number } {
  let depth = 0;
  let content = 0;
  for (;;) {
    const i = skipBlanks(raw, content);
    if (raw.charCodeAt(i) !== 62) return { depth, content };
    depth++;
    content = isBlank(raw.charCodeAt(i + 1)) ? i + 2 : i + 1;
  }
}

/** `## Log ##` → the range of `Log` and level 2; null when the line is no ATX heading. */
export function atxHeading(b: string, first: number): { level: number; from: number; to: number } | null {
  let level = 0;
  while (b.charCodeAt(first + level) === 35) level++;
  const after = first + level;
  if (level < 1 || level > 6 || (after < b.length && !isBlank(b.charCodeAt(after)))) return null;
  const from = skipBlanks(b, after);
  let to = b.length;
  while (to > from && isBlank(b.charCodeAt(to - 1))) to--;
  // A closing run of `#` is decoration when it stands apart from the text.
  let hashes = to;
  while (hashes > from && b.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes === from) return { level, from, to: from };
  if (hashes < to && isBlank(b.charCodeAt(hashes - 1))) {
    to = hashes;
    while (to > from && isBlank(b.charCodeAt(to - 1))) to--;
  }
  return { level, from, to };
}

/** `[!note]- Title` at the start of a block quote: the title's range, and the type for a callout without one. */
export function calloutTitle(b: string, first: number): { type: string; from: number; to: number } | null {
  if (b.charCodeAt(first) !== 91 || b.charCodeAt(first + 1) !== 33) return null;
  const close = b.indexOf(']', first + 2);
  if (close < 0) return null;
  const type = b.slice(first + 2, close);
  if (type.trim() === '' || type.includes('[')) return null;
  let from = close + 1;
  if (b.charCodeAt(from) === 43 || b.charCodeAt(from) === 45) from++;
  if (from < b.length && !isBlank(b.charCodeAt(from))) return null;
  return { type, from: skipBlanks(b, from), to: b.length };
}

/** `* * *`, `---`, `___`: three or more of one of them, with blanks between. */
export function isThematicBreak(b: string, first: number): boolean {
  const c = b.charCodeAt(first);
  if (c !== 45 && c !== 42 && c !== 95) return false;
  let count = 0;
  for (let i = first; i < b.length; i++) {
    const d = b.charCodeAt(i);
    if (d === c) count++;
    else if (!isBlank(d)) return false;
  }
  return count >= 3;
}

/** `- `, `* `, `+ `, `1. `, `1) ` (or the marker alone): the bullet, and where the item's text starts. */
export function listMarker(b: string, first: number): { end: number; after: number } | null {
  const c = b.charCodeAt(first);
  let end = first;
  if (c === 45 || c === 42 || c === 43) end = first + 1;
  else {
    while (end - first < 9 && b.charCodeAt(end) >= 48 && b.charCodeAt(end) <= 57) end++;
    if (end === first || (b.charCodeAt(end) !== 46 && b.charCodeAt(end) !== 41)) return null;
    end++;
  }
  if (end < b.length && !isBlank(b.charCodeAt(end))) return null;
  return { end, after: skipBlanks(b, end) };
}

/**
 * The marker of a list item's line as written: what stands before the bullet (indent and `>` markers) and
 * the bullet (`-`, `*`, `+`, `1.`, `2)`), for a writer that adds a sibling item. Null when the line is none.
 */
export function itemMarker(raw: string): { prefix: string; bullet: string } | null {
  let first = skipBlanks(raw, 0);
  if (raw.charCodeAt(first) === 62) first = skipBlanks(raw, quoteOf(raw).content);
  const marker = listMarker(raw, first);
  return marker === null ? null : { prefix: raw.slice(0, first), bullet: raw.slice(first, marker.end) };
}

export function opensFence(b: string, first: number): { char: string; length: number } | null {
  const c = b[first];
  if (c !== '`' && c !== '~') return null;
  let length = 0;
  while (b[first + length] === c) length++;
  if (length < 3) return null;
  // A backtick in the info string means this is inline code, not a fence.
  if (c === '`' && b.indexOf('`', first + length) >= 0) return null;
  return { char: c, length };
}

export function closesFence(raw: string, from: number, fence: { char: string; length: number }): boolean {
  const first = skipBlanks(raw, from);
  let i = first;
  while (raw[i] === fence.char) i++;
  return i - first >= fence.length && skipBlanks(raw, i) >= raw.length;
}
