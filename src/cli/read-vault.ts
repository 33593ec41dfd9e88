/**
 * The command line's reader: markdown files on disk → NoteRecords, the same shape the plugin builds from
 * Obsidian's metadataCache. js-yaml (the parser gray-matter uses) reads the frontmatter with the YAML core
 * schema, so that dates stay text as in Obsidian; the body is scanned by the pure core. Reading never writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, safeLoad } from 'js-yaml';
import { hasPersonTag, inFolder, isPersonRecord } from '../core/detect';
import { findFrontmatter, isBlankYaml, NOT_A_MAP, UNCLOSED_FRONTMATTER } from '../core/frontmatter';
import { dayByPath } from '../core/interaction';
import { scanBody } from '../core/markdown';
import { openTaskItems } from '../core/tasks';
import type { CoreSettings, ListItem, NoteLink, NoteRecord } from '../core/types';
import { fsReason } from './fs-reason';
import { listNotes, unreadableRecord, type SkippedFile } from './list-notes';

export interface VaultRead {
  /** One record per markdown note, sorted by path; a note that cannot be read has `unreadable` set. */
  records: NoteRecord[];
  /** What could not be read or was not followed: each one is a diagnostic. */
  skipped: SkippedFile[];
}

/**
 * Reads every `.md` note under `vaultPath`; throws when `vaultPath` itself cannot be read. The reads are
 * synchronous on purpose: for many small files, fs.promises measured several times slower than readFileSync
 * (a thread-pool round trip per file).
 */
export async function readVault(vaultPath: string, settings: CoreSettings): Promise<VaultRead> {
  const list = listNotes(vaultPath);
  return withListProblems(list, readNotes(vaultPath, list.files, settings));
}

/** A read of the listed files, joined with what the listing found unreadable or skipped. */
export function withListProblems(list: { unreadable: SkippedFile[]; skipped: SkippedFile[] }, read: VaultRead): VaultRead {
  if (list.unreadable.length === 0 && list.skipped.length === 0) return read;
  const records = [...read.records, ...list.unreadable.map((u) => unreadableRecord(u.path, u.message))];
  records.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { records, skipped: [...list.skipped, ...list.unreadable, ...read.skipped] };
}

/** Records of these notes, in the order given; a file that cannot be read gets a record that says so. */
export function readNotes(vaultPath: string, files: readonly string[], settings: CoreSettings, options: ReadOptions = {}): VaultRead {
  const records: NoteRecord[] = [];
  const skipped: SkippedFile[] = [];
  for (const rel of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(vaultPath, rel));
    } catch (e) {
      const message = `this note cannot be read (${fsReason(e)})`;
      skipped.push({ path: rel, severity: 'error', field: 'file', message });
      records.push(unreadableRecord(rel, message));
      continue;
    }
    records.push(recordFromBytes(rel, bytes, settings, options));
  }
  return { records, skipped };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** How much of a note to read. */
export interface ReadOptions {
  /** Every part of the note, whatever it is (`ties prep` reads its note so); otherwise only what can matter. */
  full?: boolean;
  /**
   * Only who is a person and their frontmatter (`ties import` matches and fills frontmatter): no person's body
   * beyond its tags, no interaction notes, no tasks. Which notes are people is decided exactly as otherwise.
   */
  peopleOnly?: boolean;
}

/** A record from the raw bytes of a file: UTF-8, or Windows-1252 (with a warning) when the bytes are not UTF-8. */
export function recordFromBytes(path: string, bytes: Uint8Array, settings: CoreSettings, options: ReadOptions = {}): NoteRecord {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const record = recordFromText(path, windows1252.decode(bytes), settings, options);
    record.readWarnings = [
      ...(record.readWarnings ?? []),
      { field: 'body', message: 'not valid UTF-8; read as Windows-1252' },
    ];
    return record;
  }
  return recordFromText(path, text, settings, options);
}

/**
 * A record from a note's text, without touching the disk. `path` is vault-relative with forward slashes.
 *
 * Most notes are neither people nor interaction notes nor hold a task that links someone; they need nothing
 * but their name, and quick tests on the raw text skip their YAML and body. The tests may say yes to a note
 * that turns out not to matter (the scan decides), never no to one that does: a person (folder, `person` or a
 * person tag in the YAML or body), a date-named or date-prefixed name or a daily-notes path, a date key with
 * an attendee key or a meeting type (in the YAML or as an inline tag), an open task with a link.
 */
export function recordFromText(path: string, text: string, settings: CoreSettings, options: ReadOptions = {}): NoteRecord {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const slash = path.lastIndexOf('/');
  const file = path.slice(slash + 1);
  const basename = file.endsWith('.md') ? file.slice(0, -3) : file;

  const block = findFrontmatter(text);
  const record: NoteRecord = { path, basename, frontmatter: null, tags: [], links: [], listItems: [] };
  const readYaml = () => {
    if (block.kind === 'unclosed') {
      record.frontmatterError = UNCLOSED_FRONTMATTER;
      return;
    }
    if (block.kind !== 'closed') return;
    const read = readFrontmatter(text.slice(block.yamlStart, block.yamlEnd));
    record.frontmatter = read.data;
    if (read.error !== undefined) record.frontmatterError = read.error;
  };
  const body = block.bodyStart > 0 ? text.slice(block.bodyStart) : text;
  const yaml = block.kind === 'closed' ? text.slice(0, block.yamlEnd).toLowerCase() : '';
  if (options.peopleOnly === true) return personOnly(record, body, block.bodyLine, yaml !== '' && mentionsPerson(yaml, settings.personTags), readYaml, settings);
  const full = options.full === true;
  // Parsing YAML is most of a note's cost, and most notes are not people: frontmatter that never says
  // "person" (nor a person tag) cannot make a note a person; it is parsed only when it can matter.
  // An interaction note by its name needs its YAML only for attendees; any other only to be a meeting.
  const byName = settings.dailyNotes && dayByPath(path, basename, settings) !== null;
  const mayMeet = settings.dailyNotes && yaml !== '' && (byName ? mentionsKey(yaml, settings.attendeeKeys) : mayBeMeeting(yaml, body, settings));
  const yamlMatters =
    block.kind === 'closed' && (full || mayMeet || inFolder(path, settings.peopleFolder) || mentionsPerson(yaml, settings.personTags));
  if (yamlMatters) readYaml();

  // Scanning a body costs more than reading its frontmatter: do it only for notes whose body can matter.
  const known = full || byName || mayMeet || mayLinkInTask(body, settings) || isPersonRecord(record, settings);
  if (!known && !tagPattern(settings.personTags).test(body)) return record;

  const scan = scanBody(body, block.bodyLine);
  // The quick test also hits `#person` in code or after a letter; only a real tag makes a person.
  const tagged = hasPersonTag(scan.tags, settings.personTags);
  if (!known && !tagged) return record;
  // A person by folder or inline tag: its frontmatter is theirs (and one never closed must be named).
  if (!yamlMatters && (tagged || inFolder(path, settings.peopleFolder))) readYaml();
  record.tags = scan.tags;
  if (full || isPersonRecord(record, settings)) {
    record.links = scan.links;
    record.listItems = scan.listItems;
  } else {
    // A note that is no person needs only its open tasks (they may be follow-ups), and its links only when
    // it may be an interaction note, else those on its tasks' lines: records cross threads.
    record.listItems = openTaskItems(scan.listItems);
    record.links = byName || mayMeet ? scan.links : linksOnLines(scan.links, record.listItems);
  }

  if (block.kind === 'none' && (tagged || inFolder(path, settings.peopleFolder)) && hasLowerFrontmatter(body)) {
    record.readWarnings = [
      {
        field: 'frontmatter',
        message: 'a --- block below the top of the note is not read as frontmatter; move it to the first line',
      },
    ];
  }
  return record;
}

/** The links that stand on the lines of these list items (both in line order). */
function linksOnLines(links: readonly NoteLink[], items: readonly ListItem[]): NoteLink[] {
  const out: NoteLink[] = [];
  let i = 0;
  for (const link of links) {
    while (i < items.length && items[i]!.line < link.line) i++;
    if (i < items.length && items[i]!.line === link.line) out.push(link);
  }
  return out;
}

/** Whether a body may hold an open task with a link: `[ ]` and `[[` or `](` somewhere in it. */
function mayLinkInTask(body: string, settings: CoreSettings): boolean {
  return settings.tasks && body.includes('[ ]') && (body.includes('[[') || body.includes(']('));
}

/** Every word of a key (`held_on`, `heldOn` → held, on), so that any spelling of it is found in lower-case YAML. */
function keyWords(key: string): string[] {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

function mentionsKey(yaml: string, keys: readonly string[]): boolean {
  return keys.some((k) => {
    const words = keyWords(k);
    return words.length > 0 && words.every((w) => yaml.includes(w));
  });
}

/**
 * Whether a note may be a meeting (rule 4): its YAML names a date key, and an attendee key, a meeting type, or
 * the body an inline meeting tag.
 */
function mayBeMeeting(yaml: string, body: string, settings: CoreSettings): boolean {
  if (!mentionsKey(yaml, settings.dateKeys)) return false;
  return mentionsKey(yaml, settings.attendeeKeys) || mentionsKey(yaml, settings.meetingTypes) || tagPattern(settings.meetingTypes).test(body);
}

/** Parses the YAML between the frontmatter's `---` lines; dates stay text (the core schema has no timestamps). */
function readFrontmatter(yaml: string): { data: Record<string, unknown> | null; error?: string } {
  // Blank or comments only: no keys, as Obsidian reads it (js-yaml would give undefined).
  if (isBlankYaml(yaml)) return { data: {} };
  let data: unknown;
  try {
    data = safeLoad(yaml, { schema: CORE_SCHEMA });
  } catch (e) {
    return { data: null, error: yamlErrorMessage(e) };
  }
  if (Object.prototype.toString.call(data) !== '[object Object]') {
    return { data: null, error: NOT_A_MAP };
  }
  return { data: data as Record<string, unknown> };
}

function yamlErrorMessage(e: unknown): string {
  const err = e as { reason?: unknown; mark?: { line?: unknown }; message?: unknown };
  const reason = typeof err.reason === 'string' ? err.reason : String(err.message ?? e).split('\n')[0];
  // js-yaml counts lines from 0 in the YAML, which starts on the file's second line: mark.line + 2 is the
  // line number an editor shows.
  const line = typeof err.mark?.line === 'number' ? ` (line ${err.mark.line + 2})` : '';
  return `broken YAML: ${reason}${line}`;
}

/** Whether the lower-case frontmatter text names "person" or a person tag anywhere. */
/** Whether a body may hold a tag at all: `#` then a character a tag starts with, after a space or a line start. */
const MAY_HOLD_TAG = /(?:^|\s)#[^\s#]/;

/**
 * The people-only read: the frontmatter of a note that is a person, or may be one by its frontmatter; the body
 * only when it may hold a tag (a person's inline tags are theirs, and a person tag makes a note a person).
 */
function personOnly(record: NoteRecord, body: string, bodyLine: number, yamlMayTell: boolean, readYaml: () => void, settings: CoreSettings): NoteRecord {
  const byFolder = inFolder(record.path, settings.peopleFolder);
  if (byFolder || yamlMayTell) readYaml();
  if (!MAY_HOLD_TAG.test(body)) return record;
  const scan = scanBody(body, bodyLine);
  const tagged = hasPersonTag(scan.tags, settings.personTags);
  if (!tagged && !isPersonRecord(record, settings)) return record;
  if (!byFolder && !yamlMayTell) readYaml();
  record.tags = scan.tags;
  return record;
}

function mentionsPerson(yaml: string, personTags: readonly string[]): boolean {
  if (yaml.includes('person')) return true;
  return personTags.some((t) => {
    const tag = t.replace(/^#/, '').trim().toLowerCase();
    return tag !== '' && yaml.includes(tag);
  });
}

const tagPatterns = new Map<string, RegExp>();

/**
 * `#person`, `#people/…` (any case), or `#meeting`: a quick test before scanning a body for its tags. It may
 * also hit a tag inside code or after a letter; the scan decides.
 */
function tagPattern(tags: readonly string[]): RegExp {
  const key = tags.join('\n');
  let pattern = tagPatterns.get(key);
  if (pattern === undefined) {
    const alternatives = tags
      .map((t) => t.replace(/^#/, '').trim())
      .filter((t) => t !== '')
      .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = alternatives.length > 0 ? new RegExp(`#(?:${alternatives.join('|')})(?![\\p{L}\\p{N}\\p{M}_-])`, 'iu') : /(?!)/;
    if (tagPatterns.size < 16) tagPatterns.set(key, pattern);
  }
  return pattern;
}

const YAML_KEY_LINE = /^[^\s#:-][^:]*:(?:[ \t]|$)/;

/**
 * True when the body holds a `---` line followed by YAML-looking lines (at least one `key:`) and a closing
 * `---`: frontmatter that a title or blank line pushed away from the top. A rule followed by prose is not.
 */
function hasLowerFrontmatter(body: string): boolean {
  const lines = body.split('\n');
  let open = -1;
  let keys = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (/^---[ \t]*$/.test(line)) {
      if (open >= 0 && keys > 0) return true;
      open = i;
      keys = 0;
    } else if (open >= 0) {
      if (YAML_KEY_LINE.test(line)) keys++;
      else if (!(line.trim() === '' || /^[ \t]/.test(line) || line.startsWith('- ') || line.startsWith('#'))) open = -1;
    }
  }
  return false;
}
