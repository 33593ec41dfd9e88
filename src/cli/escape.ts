/**
 * Text from notes on the way to a terminal. A note's name, value or file name can hold control characters:
 * ESC sequences that clear the screen, set the window title (OSC) or write the clipboard (OSC 52), C1 controls,
 * carriage returns that overwrite a line, bidi overrides that reorder what is shown. Text output shows each of
 * them escaped, as `\x1b`, `\r`, `\u202e`; JSON output escapes the ones JSON.stringify lets through.
 */

/**
 * C0 controls and DEL, C1 controls, the line and paragraph separators, and the bidi controls (marks,
 * embeddings, overrides, isolates): characters a terminal acts on or that change what it shows.
 */
function isActive(c: number): boolean {
  return (
    c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x061c || c === 0x200e || c === 0x200f ||
    (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
  );
}

const NAMED: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

const hex = (c: number, digits: number) => c.toString(16).padStart(digits, '0');

/** `s` with every active character but the skipped ones written as `escape` gives it; one pass, no copy when clean. */
function replaceActive(s: string, skip: (c: number) => boolean, escape: (c: number) => string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isActive(c) || skip(c)) continue;
    out += s.slice(from, i) + escape(c);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** `s` with every character that could act on a terminal written as an escape (`\x1b`, `\r`, `\u202e`). */
export function safe(s: string): string {
  return replaceActive(s, () => false, (c) => NAMED[c] ?? (c <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * JSON text of `value`, indented. JSON.stringify escapes C0 controls (and its indentation is made of them) but
 * passes DEL, C1 controls, U+2028/9 and bidi controls through; they can only stand inside strings, where
 * `\uXXXX` means the same character.
 */
export function jsonText(value: unknown): string {
  return replaceActive(JSON.stringify(value, null, 2), (c) => c < 0x20, (c) => `\\u${hex(c, 4)}`);
}
