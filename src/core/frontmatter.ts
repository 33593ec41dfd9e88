/**
 * Where a note's frontmatter stands, by Obsidian's rule: the first line is `---` (spaces after it allowed)
 * and a later line is `---`. One answer for the CLI's reader, the plugin's reader and the writer.
 */
import { LineCursor } from './lines';

export type FrontmatterBlock =
  /** The first line is not `---`: no frontmatter; the body is the whole note. */
  | { kind: 'none'; bodyStart: number; bodyLine: 0 }
  /**
   * The first line is `---` and no line closes it. Obsidian reads no keys then; Ties says so (format v1.1),
   * and reads the whole note as its body.
   */
  | { kind: 'unclosed'; bodyStart: number; bodyLine: 0 }
  /** `yamlStart`–`yamlEnd` is the YAML between the lines; the body starts on `bodyLine` (0-based) at `bodyStart`. */
  | { kind: 'closed'; yamlStart: number; yamlEnd: number; bodyStart: number; bodyLine: number };

/** A line of `---` with nothing after it but spaces and tabs. */
function isDelimiter(text: string, start: number, end: number): boolean {
  if (end - start < 3 || !text.startsWith('---', start)) return false;
  for (let i = start + 3; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The frontmatter block of a note's text (a byte order mark before it is skipped). */
export function findFrontmatter(text: string): FrontmatterBlock {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = new LineCursor(text);
  const firstEnd = lines.end(from);
  // The opening line needs a line break after it: a note that is only `---` has no frontmatter (as in Obsidian).
  if (firstEnd === text.length || !isDelimiter(text, from, firstEnd)) return { kind: 'none', bodyStart: from, bodyLine: 0 };
  const yamlStart = lines.next(firstEnd);
  let line = 1;
  for (let start = yamlStart; start < text.length; line++) {
    const end = lines.end(start);
    if (isDelimiter(text, start, end)) return { kind: 'closed', yamlStart, yamlEnd: start, bodyStart: lines.next(end), bodyLine: line + 1 };
    start = lines.next(end);
  }
  return { kind: 'unclosed', bodyStart: from, bodyLine: 0 };
}

/** The error of a person note whose frontmatter is a list or a single value (the same words in both adapters). */
export const NOT_A_MAP = 'the frontmatter is not a set of keys';

/** The error of a person note whose frontmatter is never closed (format v1.1: its keys are not read). */
export const UNCLOSED_FRONTMATTER =
  'frontmatter opened on line 1 is never closed: add a line --- below its keys; until then its keys are not read';

/** True when the YAML text holds nothing but blank lines and comments (read as no keys, as Obsidian does). */
export function isBlankYaml(yaml: string): boolean {
  const lines = new LineCursor(yaml);
  for (let start = 0; start < yaml.length; ) {
    const end = lines.end(start);
    let i = start;
    while (i < end && (yaml.charCodeAt(i) === 32 || yaml.charCodeAt(i) === 9)) i++;
    if (i < end && yaml.charCodeAt(i) !== 35) return false;
    start = lines.next(end);
  }
  return true;
}
