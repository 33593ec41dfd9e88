/**
 * An import's writes as text: the whole text of a new person note, and an existing note's text with empty
 * frontmatter fields filled. A fill changes only the lines of the keys it fills (or adds them at the end
 * of the frontmatter); every other byte (other keys, their order, comments, line breaks, the body) stays.
 * Pure: the command line writes the result to disk, the plugin through `Vault.process`.
 */
import { canonicalField } from '../fields';
import { NOTE_FIELD_ORDER, type ContactFields } from './types';
import { yamlKeyLines } from './yaml-text';

type Values = ContactFields & { aliases?: string[] };

function entriesInOrder(fields: Values): [string, string | string[]][] {
  const out: [string, string | string[]][] = [];
  const put = (key: string, value: string | string[] | undefined) => {
    if (value === undefined || value.length === 0) return;
    out.push([key, value]);
  };
  put('aliases', fields.aliases);
  for (const key of NOTE_FIELD_ORDER) put(key, fields[key]);
  return out;
}

export interface NewNoteOptions {
  /** `type: person` first, for a vault without a people folder (the folder cannot say so). */
  markAsPerson: boolean;
  /** The log heading the note ends with (`Log`). */
  logHeading: string;
}

/**
 * The text of a new person note: the layout of the plugin's New person (frontmatter, a blank line, the
 * log heading), with only the keys that have values.
 */
export function newPersonNoteText(fields: Values, options: NewNoteOptions): string {
  const lines = ['---'];
  if (options.markAsPerson) lines.push('type: person');
  for (const [key, value] of entriesInOrder(fields)) lines.push(...yamlKeyLines(key, value));
  lines.push('---', '', `## ${options.logHeading}`, '');
  return lines.join('\n');
}

interface Line {
  text: string;
  eol: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  while (from < text.length) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) {
      lines.push({ text: text.slice(from), eol: '' });
      break;
    }
    const cr = nl > from && text.charCodeAt(nl - 1) === 13;
    lines.push({ text: text.slice(from, cr ? nl - 1 : nl), eol: cr ? '\r\n' : '\n' });
    from = nl + 1;
  }
  return lines;
}

function isFence(text: string): boolean {
  if (!text.startsWith('---')) return false;
  for (let i = 3; i < text.length; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** A top-level `key: value` line: the key, where the value starts; null for other lines. */
function keyLine(text: string): { key: string; valueAt: number } | null {
  const first = text[0];
  if (first === undefined || first === ' ' || first === '\t' || first === '#' || first === '-') return null;
  if (first === '"' || first === "'") {
    const close = text.indexOf(first, 1);
    if (close < 0 || text[close + 1] !== ':') return null;
    return { key: text.slice(1, close), valueAt: close + 2 };
  }
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ':') continue;
    const next = text[i + 1];
    if (next === undefined || next === ' ' || next === '\t') return { key: text.slice(0, i).trim(), valueAt: i + 1 };
  }
  return null;
}

/** Where a comment starts in a value (` # …`), or the value's length. */
function commentAt(value: string): number {
  for (let i = 0; i < value.length; i++) if (value[i] === '#' && (i === 0 || value[i - 1] === ' ' || value[i - 1] === '\t')) return i;
  return value.length;
}

const EMPTY_VALUES = new Set(['', '~', 'null', '[]', '""', "''"]);

function isBlankOrComment(text: string): boolean {
  const t = text.trim();
  return t === '' || t.startsWith('#');
}

/** Which field a key stands for: the format's fields by their spellings, and Obsidian's `tags`. */
function fieldOfKey(key: string): string | null {
  const k = key.trim().toLowerCase();
  if (k === 'tags' || k === 'tag') return 'tags';
  return canonicalField(key);
}

export type FillResult = { ok: true; text: string; filled: string[] } | { ok: false; problems: string[] };

/**
 * `text` with each of `fields` written into the frontmatter, where the note's key for it is empty or
 * missing. A key that holds a value is never touched: the fill is refused (with the reason) and the caller
 * writes nothing. A note without frontmatter gets a block at its top; frontmatter that is opened but never
 * closed is refused.
 */
export function fillFrontmatter(text: string, fields: ContactFields): FillResult {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const lines = splitLines(bom ? text.slice(1) : text);
  const wanted = entriesInOrder(fields);
  if (wanted.length === 0) return { ok: true, text, filled: [] };

  if (lines.length === 0 || !isFence(lines[0]!.text)) {
    const eol = lines.find((l) => l.eol !== '')?.eol ?? '\n';
    const block = ['---', ...wanted.flatMap(([k, v]) => yamlKeyLines(k, v)), '---'].map((l) => l + eol).join('');
    return { ok: true, text: bom + block + (bom ? text.slice(1) : text), filled: wanted.map(([k]) => k) };
  }
  let close = -1;
  for (let i = 1; i < lines.length; i++)
    if (isFence(lines[i]!.text)) {
      close = i;
      break;
    }
  if (close < 0) return { ok: false, problems: ['the frontmatter is opened with --- but never closed'] };
  const eol = lines[0]!.eol || '\n';

  // The note's key lines, each with the lines that belong to its value.
  const keys: { field: string | null; at: number; end: number; key: string; valueAt: number }[] = [];
  for (let i = 1; i < close; i++) {
    const k = keyLine(lines[i]!.text);
    if (k === null) continue;
    if (keys.length > 0) keys[keys.length - 1]!.end = i;
    keys.push({ field: fieldOfKey(k.key), at: i, end: close, key: k.key, valueAt: k.valueAt });
  }

  const problems: string[] = [];
  const replace = new Map<number, string[]>();
  const append: string[] = [];
  for (const [field, value] of wanted) {
    const found = keys.find((k) => k.field === field);
    if (!found) {
      append.push(...yamlKeyLines(field, value));
      continue;
    }
    const line = lines[found.at]!.text;
    const rest = line.slice(found.valueAt);
    const comment = commentAt(rest);
    const empty =
      EMPTY_VALUES.has(rest.slice(0, comment).replace(/\s+/g, '').toLowerCase()) &&
      lines.slice(found.at + 1, found.end).every((l) => isBlankOrComment(l.text));
    if (!empty) {
      problems.push(`"${found.key}" holds a value already; an import never overwrites one`);
      continue;
    }
    const [first, ...more] = yamlKeyLines(field, value);
    // Keep the key as the note spells it, and a comment after the value.
    const head = line.slice(0, found.valueAt);
    const tail = comment < rest.length ? ' ' + rest.slice(comment) : '';
    const firstLine = head + first!.slice(first!.indexOf(':') + 1) + tail;
    replace.set(found.at, [firstLine, ...more]);
  }
  if (problems.length > 0) return { ok: false, problems };

  let out = bom;
  for (let i = 0; i < lines.length; i++) {
    if (i === close) for (const l of append) out += l + eol;
    const replaced = replace.get(i);
    if (replaced === undefined) {
      out += lines[i]!.text + lines[i]!.eol;
      continue;
    }
    // The key's line keeps its own line break; added list lines use the frontmatter's.
    out += replaced.map((l, j) => l + (j === replaced.length - 1 ? lines[i]!.eol || eol : eol)).join('');
  }
  return { ok: true, text: out, filled: wanted.map(([k]) => k) };
}
