/**
 * The vault's daily-notes folder and format (format v1.1, interaction notes, rule 3): `.obsidian/daily-notes.json`
 * as the Daily notes core plugin writes it, read into a config, and a note's path matched against it. Formats
 * made of `YYYY`, `MM`, `M`, `DD`, `D`, `/`, `[literal text]`, `\x` and punctuation are understood; any other
 * letter is a moment.js token Ties does not read (`ddd`, `ww`, `Do`, `MMM`), and such a format is ignored with
 * a warning. Matching is one pass over the path per token, keeping the few ways `M` and `D` (one or two digits)
 * can split it.
 */
import { dayFromParts, digits, MAX_YEAR, MIN_YEAR } from './dates';
import { normaliseFolder } from './detect';
import { quote } from './quote';
import type { DailyNoteConfig, Day, Diagnostic } from './types';

/** Where the Daily notes core plugin keeps its settings, inside the vault's config folder. */
export const DAILY_NOTES_FILE = 'daily-notes.json';

/** Obsidian's format when the config names none. */
export const DEFAULT_DAILY_FORMAT = 'YYYY-MM-DD';

type Part = 'year' | 'month' | 'day';
type Token = { part: Part; min: number; max: number } | { literal: string };

export type CompiledFormat = { tokens: Token[] } | { problem: string };

const KNOWN: Record<string, Token> = {
  YYYY: { part: 'year', min: 4, max: 4 },
  MM: { part: 'month', min: 2, max: 2 },
  M: { part: 'month', min: 1, max: 2 },
  DD: { part: 'day', min: 2, max: 2 },
  D: { part: 'day', min: 1, max: 2 },
};

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A format's tokens, or why Ties cannot read it. */
export function compileDailyFormat(format: string): CompiledFormat {
  const tokens: Token[] = [];
  let literal = '';
  const flush = () => {
    if (literal !== '') tokens.push({ literal: literal.toLowerCase() });
    literal = '';
  };
  for (let i = 0; i < format.length; ) {
    const c = format.charCodeAt(i);
    if (c === 91) {
      const close = format.indexOf(']', i + 1);
      // moment reads an unclosed `[` as itself.
      if (close < 0) literal += '[';
      else literal += format.slice(i + 1, close);
      i = close < 0 ? i + 1 : close + 1;
    } else if (c === 92 && i + 1 < format.length) {
      literal += format[i + 1];
      i += 2;
    } else if (isAsciiLetter(c)) {
      let j = i;
      while (format.charCodeAt(j) === c) j++;
      // `Do`, `Mo`: ordinals, one token with the letter before them.
      if ((c === 68 || c === 77) && format.charCodeAt(j) === 111) j++;
      const word = format.slice(i, j);
      const known = KNOWN[word];
      if (!known) return { problem: `uses ${quote(word)}, which Ties does not read` };
      flush();
      tokens.push(known);
      i = j;
    } else {
      literal += format[i];
      i++;
    }
  }
  flush();
  const parts = new Set(tokens.flatMap((t) => ('part' in t ? [t.part] : [])));
  if (!parts.has('year') || !parts.has('month') || !parts.has('day')) return { problem: 'does not name a whole day (a year, a month and a day)' };
  return { tokens };
}

const compiled = new Map<string, CompiledFormat>();

function compiledFormat(format: string): CompiledFormat {
  let c = compiled.get(format);
  if (c === undefined) {
    c = compileDailyFormat(format);
    if (compiled.size < 100) compiled.set(format, c);
  }
  return c;
}

/** Whether `path` begins with `lower` (lower case) in any letter case, without copying the path for ASCII. */
function startsWithFolded(path: string, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    let c = path.charCodeAt(i);
    if (c > 127) return path.slice(0, lower.length).toLowerCase() === lower;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

const folderKeys = new Map<string, string>();

/** The config's folder as paths are compared with it: normalised, in lower case (worked out once). */
function folderKey(folder: string): string {
  let key = folderKeys.get(folder);
  if (key === undefined) {
    key = normaliseFolder(folder).toLowerCase();
    if (folderKeys.size < 100) folderKeys.set(folder, key);
  }
  return key;
}

/** A partial reading of a path: where it stands, and the year, month and day read so far (0 when not yet). */
interface State {
  at: number;
  year: number;
  month: number;
  day: number;
}

/** Hostile formats (`MDMDMD…`) could multiply the ways to read a path; a real one has one or two. */
const MAX_STATES = 64;

function advance(states: State[], token: Token, text: string): State[] {
  const next: State[] = [];
  const seen = new Set<string>();
  const push = (s: State) => {
    const key = `${s.at},${s.year},${s.month},${s.day}`;
    if (next.length < MAX_STATES && !seen.has(key)) {
      seen.add(key);
      next.push(s);
    }
  };
  for (const s of states) {
    if ('literal' in token) {
      if (text.startsWith(token.literal, s.at)) push({ ...s, at: s.at + token.literal.length });
      continue;
    }
    for (let width = token.min; width <= token.max; width++) {
      const n = digits(text, s.at, width);
      // `M` and `D` in one digit never take a leading zero: that is `MM` / `DD`'s way.
      if (n < 0 || (width === 2 && token.min === 1 && text.charCodeAt(s.at) === 48)) continue;
      const previous = s[token.part];
      if (previous !== 0 && previous !== n) continue;
      push({ ...s, at: s.at + width, [token.part]: n });
    }
  }
  return next;
}

/**
 * The day a note's path names in the vault's daily-notes format, or null: `Journal/2026/11/20.md` with folder
 * `Journal` and format `YYYY/MM/DD` is 20 November 2026. Folder and literal text match in any letter case.
 */
export function dailyPathDay(path: string, config: DailyNoteConfig | null): Day | null {
  if (config === null) return null;
  const format = compiledFormat(config.format === '' ? DEFAULT_DAILY_FORMAT : config.format);
  if ('problem' in format) return null;
  const folder = folderKey(config.folder);
  const from = folder === '' ? 0 : folder.length + 1;
  // Most paths are elsewhere: compare the folder before copying anything.
  if (folder !== '' && !(path.charCodeAt(folder.length) === 47 && startsWithFolded(path, folder))) return null;
  if (!path.endsWith('.md') && !path.toLowerCase().endsWith('.md')) return null;
  const text = path.slice(from, path.length - 3).toLowerCase();
  let states: State[] = [{ at: 0, year: 0, month: 0, day: 0 }];
  for (const token of format.tokens) {
    states = advance(states, token, text);
    if (states.length === 0) return null;
  }
  for (const s of states) {
    if (s.at !== text.length || s.year < MIN_YEAR || s.year > MAX_YEAR) continue;
    const day = dayFromParts(s.year, s.month, s.day);
    if (day !== null) return day;
  }
  return null;
}

/** The config file as read, with warnings for what Ties cannot use; null config when rule 3 does not apply. */
export interface DailyNoteConfigRead {
  config: DailyNoteConfig | null;
  diagnostics: Diagnostic[];
}

/**
 * Reads the text of `daily-notes.json` (`path` names it in diagnostics). No text (no file) is no config. A
 * file that is not JSON, holds values of the wrong kind, or a format Ties cannot read gives a warning, and
 * daily notes are then recognised by their names only (rules 1 and 2); nothing else stops.
 */
export function readDailyNoteConfig(text: string | null, path: string): DailyNoteConfigRead {
  if (text === null) return { config: null, diagnostics: [] };
  const warn = (field: string, message: string): DailyNoteConfigRead => ({
    config: null,
    diagnostics: [{ path, severity: 'warning', field, message: `${message}; daily notes are recognised by their names only` }],
  });
  if (text.trim() === '') return { config: null, diagnostics: [] };
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return warn('file', `the Daily notes settings are not JSON (${quote(e instanceof Error ? e.message : String(e))})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return warn('file', 'the Daily notes settings are not a set of keys');
  const fields = data as Record<string, unknown>;
  const folder = fields.folder ?? '';
  const format = fields.format ?? '';
  if (typeof folder !== 'string') return warn('folder', 'expected the folder as text');
  if (typeof format !== 'string') return warn('format', 'expected the format as text');
  const compiledOne = compileDailyFormat(format.trim() === '' ? DEFAULT_DAILY_FORMAT : format.trim());
  if ('problem' in compiledOne)
    return warn('format', `the format ${quote(format)} ${compiledOne.problem} (it reads YYYY, MM, M, DD, D, [text] and punctuation)`);
  return { config: { folder: normaliseFolder(folder), format: format.trim() }, diagnostics: [] };
}
