/**
 * A note's text → Obsidian's CachedMetadata: frontmatter (parsed by the `yaml` package with the YAML 1.2 core
 * schema, so dates stay strings as in Obsidian), frontmatterPosition (kept when the YAML cannot be read, as
 * Obsidian does), frontmatterLinks, inline tags with `#`, links and embeds with positions, headings, list
 * items with `task` and `parent`, and sections. Written independently of src/core/markdown.ts, the way
 * Obsidian is independent of it, so the browser tier compares two readings of the same notes.
 */
import { parse, stringify } from 'yaml';

export interface Loc {
  line: number;
  col: number;
  offset: number;
}
export interface Pos {
  start: Loc;
  end: Loc;
}
export interface LinkCache {
  link: string;
  original: string;
  displayText?: string;
  position: Pos;
}
export interface FrontmatterLinkCache {
  key: string;
  link: string;
  original: string;
  displayText?: string;
}
export interface TagCache {
  tag: string;
  position: Pos;
}
export interface HeadingCache {
  heading: string;
  level: number;
  position: Pos;
}
export interface ListItemCache {
  position: Pos;
  parent: number;
  task?: string;
}
export interface SectionCache {
  type: string;
  position: Pos;
}
export interface CachedMetadata {
  frontmatter?: Record<string, unknown>;
  frontmatterPosition?: Pos;
  frontmatterLinks?: FrontmatterLinkCache[];
  tags?: TagCache[];
  links?: LinkCache[];
  embeds?: LinkCache[];
  headings?: HeadingCache[];
  listItems?: ListItemCache[];
  sections?: SectionCache[];
}

/** The YAML 1.2 core schema: `2026-11-01` stays a string, numbers and booleans are typed. */
export function parseYaml(text: string): unknown {
  return parse(text, { schema: 'core', uniqueKeys: true });
}

/** Block style, keys in insertion order, no line folding; null written as an empty value. */
export function stringifyYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, nullStr: '', indentSeq: true });
}

export interface FrontmatterBlock {
  /** Text between the delimiter lines. */
  yaml: string;
  /** Line of the closing `---`. */
  closeLine: number;
  /** Offset just after the closing `---` line's text (before its newline). */
  end: number;
  /** Offset of the first character after the closing line (its newline included). */
  bodyStart: number;
}

const DELIMITER = /^---[ \t]*$/;

/** The frontmatter block at the top of `text`, as Obsidian finds it: `---` on the first line and a later `---` line. */
export function findFrontmatter(text: string): FrontmatterBlock | null {
  const lines = text.split('\n');
  if (!DELIMITER.test(stripCr(lines[0] ?? ''))) return null;
  let offset = lines[0]!.length + 1;
  const yamlStart = offset;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (DELIMITER.test(stripCr(line))) {
      const end = offset + stripCr(line).length;
      return {
        yaml: text.slice(yamlStart, offset),
        closeLine: i,
        end,
        bodyStart: Math.min(offset + line.length + 1, text.length),
      };
    }
    offset += line.length + 1;
  }
  return null;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const WIKI = /(!?)\[\[([^\][]+?)\]\]/g;
const MD_LINK = /(!?)\[([^\]]*)\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+"[^"]*")?\s*\)/g;
const TAG = /(^|\s)#([\p{L}\p{N}\p{M}_/-]+)/gu;
const LIST = /^((?:[ \t]*>)*)([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const THEMATIC = /^[ \t]*([-*_])[ \t]*(?:\1[ \t]*){2,}$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^[ \t]*(?:>[ \t]?)*(`{3,}|~{3,})/;

function frontmatterLinks(value: unknown, key: string, out: FrontmatterLinkCache[]): void {
  if (typeof value === 'string') {
    WIKI.lastIndex = 0;
    for (let m = WIKI.exec(value); m; m = WIKI.exec(value)) {
      const inner = m[2]!;
      const bar = inner.indexOf('|');
      const link = bar < 0 ? inner : inner.slice(0, bar);
      out.push({ key, link, original: m[0], displayText: bar < 0 ? link : inner.slice(bar + 1) });
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => frontmatterLinks(v, `${key}.${i}`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) frontmatterLinks(v, `${key}.${k}`, out);
  }
}

/** Inline code spans replaced by NULs of the same length, so positions still match. */
function maskCode(line: string): string {
  if (!line.includes('`')) return line;
  return line.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (m) => '\u0000'.repeat(m.length));
}

function decode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

export function parseMetadata(text: string): CachedMetadata {
  const cache: CachedMetadata = {};
  const lines = text.split('\n');
  const starts: number[] = [];
  let acc = 0;
  for (const l of lines) {
    starts.push(acc);
    acc += l.length + 1;
  }
  const loc = (line: number, col: number): Loc => ({ line, col, offset: starts[line]! + col });
  const pos = (line: number, col: number, endLine: number, endCol: number): Pos => ({
    start: loc(line, col),
    end: loc(endLine, endCol),
  });
  const sections: SectionCache[] = [];

  let first = 0;
  const block = findFrontmatter(text);
  if (block) {
    const closeLen = stripCr(lines[block.closeLine]!).length;
    cache.frontmatterPosition = pos(0, 0, block.closeLine, closeLen);
    sections.push({ type: 'yaml', position: cache.frontmatterPosition });
    first = block.closeLine + 1;
    const empty = block.yaml.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('#'));
    if (empty) {
      // Nothing but blanks and comments: no keys, and nothing Obsidian reports.
      delete cache.frontmatterPosition;
      sections.pop();
    } else {
      try {
        const data = parseYaml(block.yaml);
        if (data !== null && data !== undefined) {
          cache.frontmatter = data as Record<string, unknown>;
          const links: FrontmatterLinkCache[] = [];
          if (typeof data === 'object' && !Array.isArray(data))
            for (const [k, v] of Object.entries(data as Record<string, unknown>)) frontmatterLinks(v, k, links);
          if (links.length > 0) cache.frontmatterLinks = links;
        }
      } catch {
        // Unreadable YAML: Obsidian keeps frontmatterPosition and leaves out frontmatter.
      }
    }
  }

  const tags: TagCache[] = [];
  const links: LinkCache[] = [];
  const embeds: LinkCache[] = [];
  const headings: HeadingCache[] = [];
  const listItems: ListItemCache[] = [];

  let fence: { char: string; len: number } | null = null;
  let fenceStart = 0;
  // Open list: the stack of items by indentation, the first line of the list, and the item receiving lines.
  let stack: { indent: number; line: number }[] = [];
  let listStart = -1;
  let current: ListItemCache | null = null;
  let blank = false;
  // The block being read (paragraph, list, blockquote), closed by a blank line or another kind of block.
  const open: { section: { type: string; start: number; end: number } | null } = { section: null };
  const closeSection = (): void => {
    const sec = open.section;
    if (sec) sections.push({ type: sec.type, position: pos(sec.start, 0, sec.end, stripCr(lines[sec.end]!).length) });
    open.section = null;
  };
  const extendSection = (type: string, line: number): void => {
    if (open.section && open.section.type === type && !blank) open.section.end = line;
    else {
      closeSection();
      open.section = { type, start: line, end: line };
    }
  };
  const endList = (): void => {
    stack = [];
    listStart = -1;
    current = null;
  };

  for (let i = first; i < lines.length; i++) {
    const line = stripCr(lines[i]!);
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence.char && fenceMatch[1]!.length >= fence.len && line.trim().replace(/^(>\s?)*/, '').length === fenceMatch[1]!.length) {
        fence = null;
        sections.push({ type: 'code', position: pos(fenceStart, 0, i, line.length) });
      }
      continue;
    }
    if (fenceMatch && !(fenceMatch[1]![0] === '`' && line.indexOf('`', line.indexOf(fenceMatch[1]!) + fenceMatch[1]!.length) >= 0)) {
      closeSection();
      fence = { char: fenceMatch[1]![0]!, len: fenceMatch[1]!.length };
      fenceStart = i;
      if (!/^[ \t]/.test(line)) endList();
      blank = false;
      continue;
    }
    if (line.trim() === '') {
      blank = true;
      continue;
    }
    const content = line.replace(/^(?:[ \t]*>[ \t]?)+/, '');
    const quoted = content.length !== line.length;
    const heading = HEADING.exec(content);
    if (heading) {
      endList();
      closeSection();
      headings.push({ heading: (heading[2] ?? '').trim(), level: heading[1]!.length, position: pos(i, 0, i, line.length) });
      sections.push({ type: 'heading', position: pos(i, 0, i, line.length) });
    } else if (THEMATIC.test(content)) {
      endList();
      closeSection();
      sections.push({ type: 'thematicBreak', position: pos(i, 0, i, line.length) });
    } else {
      const marker = LIST.exec(line);
      if (marker) {
        const indent = marker[1]!.length + marker[2]!.replace(/\t/g, '    ').length;
        while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
        if (listStart < 0 || (blank && stack.length === 0 && current === null)) listStart = i;
        const parent = stack.length > 0 ? stack[stack.length - 1]!.line : listStart === 0 ? -1 : -listStart;
        const item: ListItemCache = { position: pos(i, marker[1]!.length + marker[2]!.length, i, line.length), parent };
        const rest = line.slice(marker[0].length);
        if (/^\[.\](?:[ \t]|$)/.test(rest)) item.task = rest[1]!;
        listItems.push(item);
        stack.push({ indent, line: i });
        current = item;
        if (open.section?.type === 'list') open.section.end = i;
        else extendSection('list', i);
      } else if (current && (!blank || /^[ \t]/.test(line))) {
        // A continuation line of the item above: directly below it, or indented after a blank line.
        current.position.end = loc(i, line.length);
        if (open.section) open.section.end = i;
      } else {
        endList();
        extendSection(quoted ? 'blockquote' : 'paragraph', i);
      }
    }
    blank = false;

    const masked = maskCode(line);
    WIKI.lastIndex = 0;
    for (let m = WIKI.exec(masked); m; m = WIKI.exec(masked)) {
      const original = line.slice(m.index, m.index + m[0].length);
      const inner = original.slice(m[1]!.length + 2, -2);
      const bar = inner.indexOf('|');
      const link = bar < 0 ? inner : inner.slice(0, bar);
      const ref: LinkCache = { link, original, displayText: bar < 0 ? link : inner.slice(bar + 1), position: pos(i, m.index, i, m.index + m[0].length) };
      (m[1] ? embeds : links).push(ref);
    }
    MD_LINK.lastIndex = 0;
    for (let m = MD_LINK.exec(masked); m; m = MD_LINK.exec(masked)) {
      let dest = line.slice(m.index, m.index + m[0].length);
      const original = dest;
      const destMatch = /\]\(\s*(<[^>]*>|[^\s)]+)/.exec(dest);
      dest = destMatch ? destMatch[1]! : '';
      if (dest.startsWith('<')) dest = dest.slice(1, -1);
      if (URL_SCHEME.test(dest) || dest.startsWith('//') || dest === '') continue;
      const ref: LinkCache = { link: decode(dest), original, displayText: m[2]!, position: pos(i, m.index, i, m.index + m[0].length) };
      (m[1] ? embeds : links).push(ref);
    }
    TAG.lastIndex = 0;
    const tagText = heading ? masked.replace(/^ {0,3}#{1,6}/, (s) => ' '.repeat(s.length)) : masked;
    for (let m = TAG.exec(tagText); m; m = TAG.exec(tagText)) {
      const name = m[2]!;
      if (/^[\d/]+$/.test(name)) continue;
      const col = m.index + m[1]!.length;
      tags.push({ tag: '#' + name, position: pos(i, col, i, col + 1 + name.length) });
    }
  }
  if (fence) sections.push({ type: 'code', position: pos(fenceStart, 0, lines.length - 1, stripCr(lines[lines.length - 1]!).length) });
  closeSection();

  if (tags.length > 0) cache.tags = tags;
  if (links.length > 0) cache.links = links;
  if (embeds.length > 0) cache.embeds = embeds;
  if (headings.length > 0) cache.headings = headings;
  if (listItems.length > 0) cache.listItems = listItems;
  sections.sort((a, b) => a.position.start.line - b.position.start.line);
  if (sections.length > 0) cache.sections = sections;
  return cache;
}

/** getFrontMatterInfo: where the frontmatter is and what it says, from the text alone. */
export function getFrontMatterInfo(content: string): { exists: boolean; frontmatter: string; from: number; to: number; contentStart: number } {
  const block = findFrontmatter(content);
  if (!block) return { exists: false, frontmatter: '', from: 0, to: 0, contentStart: 0 };
  const from = content.indexOf('\n') + 1;
  return { exists: true, frontmatter: block.yaml, from, to: from + block.yaml.length, contentStart: block.bodyStart };
}
