/**
 * The interaction log of a person note (format v1.1): which headings open it, how a log line begins with its
 * date, and its channel and text. The reader (person.ts) and the writer (append-log.ts) both ask here.
 */
import { readDate, type DateRead } from './dates';
import { normaliseChannel } from './channels';
import type { LogEntry } from './types';

/** A heading as the log setting compares it: trimmed, without a closing colon (`## Log:`), lower case. */
export function headingKey(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 58 || text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  let start = 0;
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  return text.slice(start, end).toLowerCase();
}

const matchers = new WeakMap<readonly string[], Set<string>>();

/** Whether a heading opens the log, for the log headings of the settings (computed once per settings array). */
export function isLogHeading(text: string, logHeadings: readonly string[]): boolean {
  let set = matchers.get(logHeadings);
  if (!set) {
    set = new Set(logHeadings.map(headingKey).filter((h) => h !== ''));
    matchers.set(logHeadings, set);
  }
  return set.has(headingKey(text));
}

/** The date a log line begins with: its day (null when it does not exist), why not, and where it is written. */
export interface LogDate extends DateRead {
  /** Where the date's digits start and end in the line (inside the `[[ ]]` or `** **`). */
  from: number;
  to: number;
}

/**
 * The date at the start of a log line: `2026-11-20`, a link to the day's note `[[2026-11-20]]` (also
 * `[[2026-11-20|20 Nov]]`, `[[Daily/2026-11-20]]`), or bold `**2026-11-20**` / `__2026-11-20__`. Null when
 * the line does not begin with a date; `day` is null when it begins with one that does not exist. `end` is
 * where the date (with its wrapping) ends.
 */
export function logDate(text: string): LogDate | null {
  const c = text.charCodeAt(0);
  if (c === 91 && text.charCodeAt(1) === 91) return linkedDate(text);
  if ((c === 42 || c === 95) && text.charCodeAt(1) === c) {
    const read = readDate(text, 2);
    if (read === null || text.charCodeAt(read.end) !== c || text.charCodeAt(read.end + 1) !== c) return null;
    return withPlace(read, 2, read.end, read.end + 2);
  }
  const read = readDate(text, 0);
  return read === null ? null : withPlace(read, 0, read.end, read.end);
}

function withPlace(read: DateRead, from: number, to: number, end: number): LogDate {
  const out: LogDate = { day: read.day, end, from, to };
  if (read.problem !== undefined) out.problem = read.problem;
  return out;
}

/** `[[2026-11-20]]`, `[[Daily/2026-11-20|…]]`, `[[2026-11-20#…]]`: a link to a daily note, read as its day. */
function linkedDate(text: string): LogDate | null {
  const close = text.indexOf(']]', 2);
  if (close < 0) return null;
  let target = close;
  for (let i = 2; i < close; i++) {
    const c = text.charCodeAt(i);
    if (c === 124 || c === 35) {
      target = i;
      break;
    }
  }
  const slash = text.lastIndexOf('/', target);
  const from = slash >= 2 ? slash + 1 : 2;
  const read = readDate(text, from);
  if (read === null || read.end !== target) return null;
  return withPlace(read, from, target, close + 2);
}

/**
 * A log line `2026-11-20 call: asked about the reorganisation`; null when it does not begin with a date that
 * exists. Only the day is read here (the index reads thousands of these); `logParts` reads the rest when shown.
 */
export function parseLogLine(text: string, line: number): LogEntry | null {
  const read = logDate(text);
  return read === null || read.day === null ? null : { day: read.day, line, raw: text };
}

/** The channel (a word before the first colon) and the text of a log line. */
export function logParts(raw: string): { channel: string | null; text: string } {
  const t = raw.trim();
  let i = logDate(t)?.end ?? 0;
  while (t[i] === ' ' || t[i] === '\t') i++;
  if (t[i] === '-' || t[i] === '–' || t[i] === '—' || t[i] === ':') {
    i++;
    while (t[i] === ' ' || t[i] === '\t') i++;
  }
  let channel: string | null = null;
  const colon = t.indexOf(':', i);
  // One word (or two, like "in person") before the first colon names the channel.
  if (colon > i && colon - i <= 24) {
    const word = t.slice(i, colon).trim();
    if (/^[\p{L}-]+(?: [\p{L}-]+)?$/u.test(word)) {
      channel = normaliseChannel(word);
      if (channel !== null || !word.includes(' ')) {
        channel = channel ?? word.toLowerCase();
        i = colon + 1;
      }
    }
  }
  return { channel, text: t.slice(i).trim() };
}
