/**
 * What stands at the top of a note's own text: no frontmatter, a block of keys, a block that is not a set of
 * keys (a text, a list), or a block opened and never closed. The writer asks this of the text it is about to
 * change, so it never trusts a metadata cache that may be stale or lenient: Obsidian's processFrontMatter
 * would replace a scalar or a list with the keys it writes, and put a second block above an unclosed one.
 *
 * Without a YAML parser (core stays free of one): the root node of YAML is a map exactly when its first
 * content line is a key (`key:`, `"key":`, `? key`) or a flow map (`{…}`). One pass over the block's lines,
 * no regex that can backtrack.
 */

export type FrontmatterShape =
  | { kind: 'none' }
  /** A closed block holding keys, or nothing but blank lines and comments. */
  | { kind: 'keys' }
  /** A closed block whose root is not a map; `line` (1-based) is its first content line. */
  | { kind: 'not-keys'; line: number }
  /** The first line is `---` and no later line closes the block. */
  | { kind: 'unclosed' };

/** A line that is `---` and nothing after it but spaces or tabs. */
function isFence(line: string): boolean {
  if (!line.startsWith('---')) return false;
  for (let i = 3; i < line.length; i++) if (line[i] !== ' ' && line[i] !== '\t') return false;
  return true;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** After a key, YAML wants `:` followed by a space, a tab or the end of the line. */
function colonAt(text: string, i: number): boolean {
  return text[i] === ':' && (i + 1 === text.length || isSpace(text[i + 1]));
}

/** Whether a content line (without its indentation) starts a map: a key, a `? ` key or a flow map. */
function startsMap(t: string): boolean {
  const first = t[0];
  if (first === '{') return true;
  if (first === '?' && (t.length === 1 || isSpace(t[1]))) return true;
  if (first === '-' && (t.length === 1 || isSpace(t[1]))) return false;
  if (first === '[' || first === '|' || first === '>' || first === '*') return false;
  if (first === '"' || first === "'") {
    // A quoted key: the closing quote, then spaces, then the colon.
    let i = 1;
    for (; i < t.length; i++) {
      if (first === '"' && t[i] === '\\') i++;
      else if (t[i] === first) {
        if (first === "'" && t[i + 1] === "'") i++;
        else break;
      }
    }
    if (i >= t.length) return false;
    i++;
    while (isSpace(t[i])) i++;
    return colonAt(t, i);
  }
  // A plain key: a colon before any comment (` #`).
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '#' && i > 0 && isSpace(t[i - 1])) return false;
    if (colonAt(t, i)) return true;
  }
  return false;
}

/** Strips leading tags and anchors (`!!map `, `&base `): what follows decides. */
function withoutProperties(t: string): string {
  let i = 0;
  while (t[i] === '!' || t[i] === '&') {
    while (i < t.length && !isSpace(t[i])) i++;
    while (isSpace(t[i])) i++;
  }
  return i === 0 ? t : t.slice(i);
}

export function frontmatterShape(text: string): FrontmatterShape {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let at = start;
  let lineNo = 0;
  /** The next line without its line break, or null at the end of the text. */
  const nextLine = (): string | null => {
    if (at > text.length || (at === text.length && lineNo > 0)) return null;
    const end = text.indexOf('\n', at);
    const stop = end < 0 ? text.length : end;
    let line = text.slice(at, stop);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    at = end < 0 ? text.length + 1 : end + 1;
    lineNo++;
    return line;
  };

  const first = nextLine();
  // The opening line needs a line break after it: a note that is only `---` has no frontmatter.
  if (first === null || !isFence(first) || at > text.length) return { kind: 'none' };
  let content: { line: number; text: string } | null = null;
  for (let line = nextLine(); line !== null; line = nextLine()) {
    if (isFence(line)) {
      if (content === null) return { kind: 'keys' };
      return startsMap(content.text) ? { kind: 'keys' } : { kind: 'not-keys', line: content.line };
    }
    if (content !== null) continue;
    const trimmed = withoutProperties(line.trimStart());
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('%')) continue;
    content = { line: lineNo, text: trimmed };
  }
  return { kind: 'unclosed' };
}
