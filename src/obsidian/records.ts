/**
 * Obsidian's metadataCache → NoteRecord, the shape the CLI's reader makes from files on disk.
 *
 * Frontmatter always comes from the cache (the plugin never parses YAML itself). For notes that can be
 * people, the text is read (cachedRead, never a write) and its body is read by the core lexer the CLI uses
 * (core/markdown.ts): Obsidian's cache does not know Ties' log rules (callout titles, `## Log:`, sub-headings,
 * comments, open tasks nested), and one reading keeps the plugin and the CLI in agreement. The text also
 * shows frontmatter Obsidian could not read or that was never closed. A note that is no person but holds an
 * open task and a link is read the same way (a task's text and dates are not in the cache). Interaction
 * notes without open tasks need only their links and the task state that governs them, which the cache has
 * (links in comments are not in it): most daily notes are never read.
 */
import type { App, CachedMetadata, ListItemCache, TFile } from 'obsidian';
import { isPersonRecord } from '../core/detect';
import { findFrontmatter, isBlankYaml, NOT_A_MAP, UNCLOSED_FRONTMATTER } from '../core/frontmatter';
import { readInteraction } from '../core/interaction';
import { cleanTarget } from '../core/links';
import { scanBody } from '../core/markdown';
import { openTaskItems } from '../core/tasks';
import type { CoreSettings, NoteLink, NoteRecord } from '../core/types';

export const BROKEN_YAML = 'broken YAML: Obsidian could not read the frontmatter';
export { NOT_A_MAP } from '../core/frontmatter';

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

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

/**
 * The items that are, or stand nested under, an open task (format v1.1: a link there is a plan, not a
 * contact). Obsidian gives each item its parent's line; parents come before their children.
 */
function openItems(items: readonly ListItemCache[]): Set<ListItemCache> {
  const open = new Set<ListItemCache>();
  const byLine = new Map<number, ListItemCache>();
  for (const item of items) {
    byLine.set(item.position.start.line, item);
    const parent = item.parent >= 0 ? byLine.get(item.parent) : undefined;
    if (taskOf(item) === ' ' || (parent !== undefined && open.has(parent))) open.add(item);
  }
  return open;
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

/** Body links (wiki and markdown links, and embeds, as the CLI reads them) with the task state that governs them. */
function linksOf(cache: CachedMetadata | null, items: readonly ListItemCache[]): NoteLink[] {
  const refs = [...(cache?.links ?? []), ...(cache?.embeds ?? [])];
  if (refs.length === 0) return [];
  refs.sort((a, b) => a.position.start.offset - b.position.start.offset);
  const open = openItems(items);
  const out: NoteLink[] = [];
  for (const ref of refs) {
    const target = linkTargetOf(ref.link);
    if (target === null) continue;
    const line = ref.position.start.line;
    const item = itemAt(items, line);
    out.push({ target, line, task: item !== null && open.has(item) ? ' ' : taskOf(item) });
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

/** Whether a note that is no person needs its text read: it has a link and an open task (maybe a follow-up). */
function holdsTaskLink(cache: CachedMetadata | null, settings: CoreSettings): boolean {
  if (!settings.tasks || (cache?.links?.length ?? 0) + (cache?.embeds?.length ?? 0) === 0) return false;
  return (cache?.listItems ?? []).some((item) => item.task === ' ');
}

/**
 * A note that is no person: the body as the lexer reads it when it holds an open task with a link (only its
 * open tasks among the list items); otherwise its links from the cache when it is an interaction note.
 */
async function otherNote(source: RecordSource, file: TFile, cache: CachedMetadata | null, record: NoteRecord, settings: CoreSettings, text: string | null): Promise<NoteRecord> {
  if (holdsTaskLink(cache, settings)) {
    const body = text ?? (await source.cachedRead(file));
    const block = findFrontmatter(body);
    const scan = scanBody(block.bodyStart > 0 ? body.slice(block.bodyStart) : body, block.bodyLine);
    record.tags = scan.tags;
    record.links = scan.links;
    record.listItems = openTaskItems(scan.listItems);
  } else if (settings.dailyNotes && readInteraction(record, settings).interaction !== null) {
    record.links = linksOf(cache, sortedItems(cache));
  }
  return record;
}

/**
 * The NoteRecord of one markdown file. Reads the text only for notes that can be people, or hold an open task
 * with a link; everything else comes from the metadata cache. Rejects when the file cannot be read (deleted
 * meanwhile).
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

  if (!isPersonRecord(record, settings)) return otherNote(source, file, cache, record, settings, null);

  const text = await source.cachedRead(file);
  const block = findFrontmatter(text);
  if (block.kind === 'unclosed') {
    // Obsidian reads no keys from it (whatever a cache made of it); the user is told, as the CLI tells.
    record.frontmatter = null;
    record.frontmatterError = UNCLOSED_FRONTMATTER;
  } else if (block.kind === 'closed' && record.frontmatter === null && record.frontmatterError === undefined) {
    if (!isBlankYaml(text.slice(block.yamlStart, block.yamlEnd))) record.frontmatterError = BROKEN_YAML;
  }
  const scan = scanBody(block.bodyStart > 0 ? text.slice(block.bodyStart) : text, block.bodyLine);
  record.tags = scan.tags;
  if (!isPersonRecord(record, settings)) {
    // A person only by a tag that the lexer finds in no content (in a comment, say): not a person after all.
    return otherNote(source, file, cache, record, settings, text);
  }
  record.links = scan.links;
  record.listItems = scan.listItems;
  return record;
}

/**
 * The NoteRecord of a note read in full from `text` (its body links, tags and list items by the core lexer,
 * whatever kind of note it is), as `ties prep` reads the note it is given: People in this note reads the
 * active note this way.
 */
export function fullRecord(file: TFile, cache: CachedMetadata | null, text: string): NoteRecord {
  const { frontmatter, error } = frontmatterOf(cache);
  const block = findFrontmatter(text);
  const scan = scanBody(block.bodyStart > 0 ? text.slice(block.bodyStart) : text, block.bodyLine);
  const record: NoteRecord = { path: file.path, basename: file.basename, frontmatter, tags: scan.tags, links: scan.links, listItems: scan.listItems };
  if (block.kind === 'unclosed') {
    record.frontmatter = null;
    record.frontmatterError = UNCLOSED_FRONTMATTER;
  } else if (error) record.frontmatterError = error;
  return record;
}
