/**
 * The command line's reader: markdown files on disk → NoteRecords, the same shape the plugin builds from
 * Obsidian's metadataCache. js-yaml (the parser gray-matter uses) reads the frontmatter with the YAML core
 * schema, so that dates stay text as in Obsidian; the body is scanned by the pure core. Reading never writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, safeLoad } from 'js-yaml';
import { dailyNoteDay, hasPersonTag, inFolder, isPersonRecord } from '../core/detect';
import { findFrontmatter, isBlankYaml, NOT_A_MAP, UNCLOSED_FRONTMATTER } from '../core/frontmatter';
import { scanBody } from '../core/markdown';
import type { CoreSettings, NoteRecord } from '../core/types';
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
export function readNotes(vaultPath: string, files: readonly string[], settings: CoreSettings): VaultRead {
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
    records.push(recordFromBytes(rel, bytes, settings));
  }
  return { records, skipped };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** A record from the raw bytes of a file: UTF-8, or Windows-1252 (with a warning) when the bytes are not UTF-8. */
export function recordFromBytes(path: string, bytes: Uint8Array, settings: CoreSettings): NoteRecord {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const record = recordFromText(path, windows1252.decode(bytes), settings);
    record.readWarnings = [
      ...(record.readWarnings ?? []),
      { field: 'body', message: 'not valid UTF-8; read as Windows-1252' },
    ];
    return record;
  }
  return recordFromText(path, text, settings);
}

/** A record from a note's text, without touching the disk. `path` is vault-relative with forward slashes. */
export function recordFromText(path: string, text: string, settings: CoreSettings): NoteRecord {
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
  // Parsing YAML is most of a note's cost, and most notes are not people: frontmatter that never says
  // "person" (nor a person tag) cannot make a note a person, so it is parsed only when the note turns out
  // to be one by its folder or an inline tag. Other notes need nothing but their name.
  const yamlMatters =
    block.kind === 'closed' && (inFolder(path, settings.peopleFolder) || mentionsPerson(text, block.yamlEnd, settings.personTags));
  if (yamlMatters) readYaml();
  const body = block.bodyStart > 0 ? text.slice(block.bodyStart) : text;

  // Scanning a body costs more than reading its frontmatter: do it only for notes whose body can matter.
  const known = dailyNoteDay(basename) !== null || isPersonRecord(record, settings);
  if (!known && !personTagPattern(settings.personTags).test(body)) return record;

  const scan = scanBody(body, block.bodyLine);
  // The quick test also hits `#person` in code or after a letter; only a real tag makes a person.
  const tagged = hasPersonTag(scan.tags, settings.personTags);
  if (!known && !tagged) return record;
  if (!yamlMatters) readYaml();
  record.tags = scan.tags;
  record.links = scan.links;
  record.listItems = scan.listItems;

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

/** Whether the frontmatter text (up to `end`) names "person" or a person tag anywhere, in any case. */
function mentionsPerson(text: string, end: number, personTags: readonly string[]): boolean {
  const yaml = text.slice(0, end).toLowerCase();
  if (yaml.includes('person')) return true;
  return personTags.some((t) => {
    const tag = t.replace(/^#/, '').trim().toLowerCase();
    return tag !== '' && yaml.includes(tag);
  });
}

let tagPatternKey = '';
let tagPattern = /(?!)/;

/**
 * `#person`, `#people/…` (any case): a quick test before scanning a body for its tags. It may also hit a
 * tag inside code or after a letter; the scan decides.
 */
function personTagPattern(personTags: readonly string[]): RegExp {
  const key = personTags.join('\n');
  if (key !== tagPatternKey) {
    const alternatives = personTags
      .map((t) => t.replace(/^#/, '').trim())
      .filter((t) => t !== '')
      .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    tagPattern =
      alternatives.length > 0 ? new RegExp(`#(?:${alternatives.join('|')})(?![\\p{L}\\p{N}\\p{M}_-])`, 'iu') : /(?!)/;
    tagPatternKey = key;
  }
  return tagPattern;
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
