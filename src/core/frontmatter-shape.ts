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
import { findFrontmatter } from './frontmatter';
import { LineCursor } from './lines';

export type FrontmatterShape =
  | { kind: 'none' }
  /** A closed block holding keys, or nothing but blank lines and comments. */
  | { kind: 'keys' }
  /** A closed block whose root is not a map; `line` (1-based) is its first content line. */
  | { kind: 'not-keys'; line: number }
  /** The first line is `---` and no later line closes the block. */
  | { kind: 'unclosed' };

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
  // Where the block stands is the reader's own answer (core/frontmatter.ts); only its content is classified here.
  const block = findFrontmatter(text);
  if (block.kind !== 'closed') return { kind: block.kind };
  const lines = new LineCursor(text);
  let lineNo = 2;
  for (let start = block.yamlStart; start < block.yamlEnd; lineNo++) {
    const end = lines.end(start);
    const trimmed = withoutProperties(text.slice(start, end).trimStart());
    if (!(trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('%')))
      return startsMap(trimmed) ? { kind: 'keys' } : { kind: 'not-keys', line: lineNo };
    start = lines.next(end);
  }
  return { kind: 'keys' };
}
