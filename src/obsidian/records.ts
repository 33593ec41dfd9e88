/**
 * Obsidian's metadataCache → NoteRecord, the shape the CLI's reader makes from files on disk.
 *
 * Structure (frontmatter, tags, headings, list items, links with their positions) comes from the cache;
 * the file's text is read (cachedRead, never a write) only for notes that can be people, to take the
 * texts of their list items and to notice frontmatter Obsidian could not read. Daily notes need only their
 * links and the task state of the list items those stand in, all of which the cache has.
 */
import type { App, CachedMetadata, ListItemCache, TFile } from 'obsidian';
import { dailyNoteDay, isPersonRecord } from '../core/detect';
import { cleanTarget } from '../core/links';
import type { CoreSettings, ListItem, NoteLink, NoteRecord } from '../core/types';

export const BROKEN_YAML = 'broken YAML: Obsidian could not read the frontmatter';
export const NOT_A_MAP = 'the frontmatter is not a set of keys';

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BULLET = /^(?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Inline tags without `#`, each once, in order. */
function inlineTags(cache: CachedMetadata | null): string[] {
  const out: string[] = [];
  for (const t of cache?.tags ?? []) {
    const tag = t.tag.replace(/^#/, '');
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** Frontmatter as the core reads it, and why it could not be read (without the file's text). */
function frontmatterOf(cache: CachedMetadata | null): { frontmatter: Record<string, unknown> | null; error?: string } {
  const fm: unknown = cache?.frontmatter;
  if (fm === undefined || fm === null) {
    // Obsidian marks where the frontmatter stands even when its YAML cannot be read.
    return cache?.frontmatterPosition ? { frontmatter: null, error: BROKEN_YAML } : { frontmatter: null };
  }
  if (!isPlainObject(fm)) return { frontmatter: null, error: NOT_A_MAP };
  return { frontmatter: { ...fm } };
}

/**
 * The YAML between the opening and closing `---` lines at the very start of the text, or null when the
 * text has no frontmatter block.
 */
export function frontmatterBlock(text: string): string | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = /^---[ \t]*\r?\n/.exec(body);
  if (!first) return null;
  const rest = body.slice(first[0].length);
  const close = /^---[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!close) return null;
  return rest.slice(0, close.index);
}

/** True when a frontmatter block holds nothing but blank lines and comments (Obsidian reads it as no keys). */
function isEmptyYaml(yaml: string): boolean {
  return yaml.split('\n').every((l) => {
    const t = l.trim();
    return t === '' || t.startsWith('#');
  });
}

/** The list item whose lines contain `line`, the innermost when items nest; items sorted by start line. */
function itemAt(items: readonly ListItemCache[], line: number): ListItemCache | null {
  let lo = 0;
  let hi = items.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.position.start.line <= line) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = last; i >= 0; i--) {
    const it = items[i]!;
    if (it.position.end.line >= line) return it;
    // A root item that ends above `line` closes the search: nothing before it can contain the line.
    if (it.parent < 0) break;
  }
  return null;
}

function taskOf(item: ListItemCache | null): string | null {
  return item && typeof item.task === 'string' ? item.task : null;
}

function sortedItems(cache: CachedMetadata | null): ListItemCache[] {
  const items = cache?.listItems ?? [];
  for (let i = 1; i < items.length; i++)
    if (items[i - 1]!.position.start.line > items[i]!.position.start.line)
      return [...items].sort((a, b) => a.position.start.line - b.position.start.line);
  return items;
}

function linkTargetOf(raw: string): string | null {
  if (URL_SCHEME.test(raw) || raw.startsWith('//')) return null;
  let s = raw;
  if (s.includes('%')) {
    try {
      s = decodeURIComponent(s);
    } catch {
      /* keep as written */
    }
  }
  return cleanTarget(s);
}

/** Body links (wiki and markdown links, and embeds, as the CLI reads them) with the task state of the list item they stand in. */
function linksOf(cache: CachedMetadata | null, items: readonly ListItemCache[]): NoteLink[] {
  const refs = [...(cache?.links ?? []), ...(cache?.embeds ?? [])];
  if (refs.length === 0) return [];
  refs.sort((a, b) => a.position.start.offset - b.position.start.offset);
  const out: NoteLink[] = [];
  for (const ref of refs) {
    const target = linkTargetOf(ref.link);
    if (target === null) continue;
    const line = ref.position.start.line;
    out.push({ target, line, task: taskOf(itemAt(items, line)) });
  }
  return out;
}

/** The item's own text: its first line without the bullet, the task box and surrounding spaces. */
function itemText(lines: readonly string[], item: ListItemCache): string {
  let line = lines[item.position.start.line] ?? '';
  if (line.endsWith('\r')) line = line.slice(0, -1);
  const bullet = BULLET.exec(line);
  let rest = bullet ? line.slice(bullet[0].length) : line.trimStart();
  if (rest.charCodeAt(0) === 91 && rest.charCodeAt(2) === 93 && (rest.length === 3 || /[ \t]/.test(rest[3]!)))
    rest = rest.slice(3);
  return rest.trim();
}

function listItemsOf(cache: CachedMetadata | null, items: readonly ListItemCache[], text: string): ListItem[] {
  if (items.length === 0) return [];
  const lines = text.split('\n');
  const headings = [...(cache?.headings ?? [])].sort((a, b) => a.position.start.line - b.position.start.line);
  const out: ListItem[] = [];
  let h = -1;
  for (const item of items) {
    const line = item.position.start.line;
    while (h + 1 < headings.length && headings[h + 1]!.position.start.line < line) h++;
    out.push({ line, text: itemText(lines, item), heading: h >= 0 ? headings[h]!.heading : null, task: taskOf(item) });
  }
  return out;
}

export interface RecordSource {
  getFileCache(file: TFile): CachedMetadata | null;
  cachedRead(file: TFile): Promise<string>;
}

/** Reads through the app without writing anything. */
export function appSource(app: App): RecordSource {
  return {
    getFileCache: (file) => app.metadataCache.getFileCache(file),
    cachedRead: (file) => app.vault.cachedRead(file),
  };
}

/**
 * The NoteRecord of one markdown file. Reads the text only for notes that can be people; everything else
 * comes from the metadata cache. Rejects when the file cannot be read (deleted meanwhile).
 */
export async function buildRecord(source: RecordSource, file: TFile, settings: CoreSettings): Promise<NoteRecord> {
  const cache = source.getFileCache(file);
  const { frontmatter, error } = frontmatterOf(cache);
  const record: NoteRecord = {
    path: file.path,
    basename: file.basename,
    frontmatter,
    tags: inlineTags(cache),
    links: [],
    listItems: [],
  };
  if (error) record.frontmatterError = error;

  const person = isPersonRecord(record, settings);
  const daily = dailyNoteDay(file.basename) !== null;
  if (!person && !daily) return record;

  const items = sortedItems(cache);
  record.links = linksOf(cache, items);
  if (!person) return record;

  const text = await source.cachedRead(file);
  if (record.frontmatter === null && record.frontmatterError === undefined) {
    const yaml = frontmatterBlock(text);
    if (yaml !== null && !isEmptyYaml(yaml)) record.frontmatterError = BROKEN_YAML;
  }
  record.listItems = listItemsOf(cache, items, text);
  return record;
}
