/**
 * Values written into frontmatter as YAML text. Plain (unquoted) only when no YAML reader can take the
 * value for something else: a number (`0612…`, `+31…`), a boolean (`yes`, `no`, `on`), null (`~`), a
 * list or map (`[`, `{`, `- `), a comment (` #`), a key (`: `), an alias or tag (`*`, `&`, `!`), or a
 * block (`|`, `>`); everything else is double-quoted, with escapes for `"`, `\` and control characters.
 */

/** Words YAML 1.1 (js-yaml, gray-matter) reads as booleans or null. */
const KEYWORDS = new Set(['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off', 'null']);

/** A value that stays plain: it starts with a letter and holds only characters that mean nothing to YAML. */
function isSafePlain(s: string): boolean {
  if (s === '' || KEYWORDS.has(s.toLowerCase()) || s !== s.trim()) return false;
  if (!/^\p{L}/u.test(s)) return false;
  for (const ch of s) if (!/[\p{L}\p{M}\p{N} .,'&()/@+_-]/u.test(ch)) return false;
  return true;
}

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (ch === '"') return '\\"';
  if (ch === '\\') return '\\\\';
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
  // Control and invisible format characters (and the Unicode line separators) are written as escapes.
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(ch) || code === 0xfeff) return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
  return ch;
}

/** A text value for a frontmatter line: plain when that is safe, else double-quoted. */
export function yamlString(s: string): string {
  if (isSafePlain(s)) return s;
  let out = '"';
  for (const ch of s) out += escapeChar(ch);
  return out + '"';
}

/** A date (`2026-02-08`) is written plain, as Obsidian's date properties are; `--04-12` is quoted. */
export function yamlValue(field: string, value: string): string {
  if ((field === 'met' || field === 'birthday') && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  // A circle is a number (`circle: 15`), as a user types it in the Properties editor.
  if (field === 'circle' && /^\d{1,3}$/.test(value)) return value;
  return yamlString(value);
}

/** The lines of one key: `key: value`, or `key:` and `  - entry` lines for a list. */
export function yamlKeyLines(key: string, value: string | readonly string[]): string[] {
  if (typeof value === 'string') return [`${key}: ${yamlValue(key, value)}`];
  return [`${key}:`, ...value.map((v) => `  - ${yamlString(v)}`)];
}
