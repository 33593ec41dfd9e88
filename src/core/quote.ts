/**
 * A value from a note, as a message shows it: short (a 10 MB `cadence` must not make a 10 MB message) and
 * with control characters escaped (a message is shown in a terminal or a modal, where they do harm or hide).
 */

/** About this many characters of a value are shown; longer values are cut with `…`. */
export const QUOTE_LIMIT = 80;

/** C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional overrides that reorder text. */
function isControl(code: number): boolean {
  return (
    code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
  );
}

const NAMED: Record<number, string> = { 9: '\\t', 10: '\\n', 13: '\\r' };

function escaped(code: number): string {
  return NAMED[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The first `limit` characters with controls escaped, and whether that is the whole value. Reads no more of it. */
function shown(value: string, limit: number): { text: string; whole: boolean } {
  let text = '';
  let count = 0;
  let i = 0;
  for (; i < value.length && count < limit; count++) {
    const code = value.charCodeAt(i);
    // A surrogate pair is one character: never cut between its halves.
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < value.length ? 2 : 1;
    text += isControl(code) ? escaped(code) : value.slice(i, i + width);
    i += width;
  }
  return { text, whole: i >= value.length };
}

function length(value: string): string {
  return `(${value.length.toLocaleString('en')} characters)`;
}

/** The value with control characters escaped (`\n`, `\u001b`), cut after `limit` characters: `abc… (12,000 characters)`. */
export function clip(value: string, limit = QUOTE_LIMIT): string {
  const s = shown(value, limit);
  return s.whole ? s.text : `${s.text}… ${length(value)}`;
}

/** The value in double quotes, escaped and cut like `clip`: `"abc…" (12,000 characters)`. */
export function quote(value: string, limit = QUOTE_LIMIT): string {
  const s = shown(value, limit);
  return s.whole ? `"${s.text}"` : `"${s.text}…" ${length(value)}`;
}
