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

/** The active characters above the C0 range (DEL, C1, separators, bidi controls): those JSON passes through. */
const ACTIVE_ABOVE_C0 = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const NAMED: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

const hex = (c: number, digits: number) => c.toString(16).padStart(digits, '0');

/** `s` with every character that could act on a terminal written as an escape (`\x1b`, `\r`, `\u202e`). */
export function safe(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isActive(c)) continue;
    out += s.slice(from, i) + (NAMED[c] ?? (c <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * JSON text of `value`, indented. JSON.stringify escapes C0 controls (and its indentation is made of them) but
 * passes DEL, C1 controls, U+2028/9 and bidi controls through; they can only stand inside strings, where
 * `\uXXXX` means the same character.
 */
export function jsonText(value: unknown): string {
  // A regular expression: a JSON text can be megabytes, and this scan is native code.
  return JSON.stringify(value, null, 2).replace(ACTIVE_ABOVE_C0, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
}
