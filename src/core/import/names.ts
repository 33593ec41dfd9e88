/** A person's name as a file name, and the keys under which names, e-mail addresses and LinkedIn URLs match. */

/** Characters no note name may hold: file systems refuse some, Obsidian's links break on the others. */
const FORBIDDEN = new Set(['/', '\\', ':', '*', '?', '"', '<', '>', '|', '#', '^', '[', ']']);
const MAX_NAME = 200;
/** Names Windows keeps for devices: a note called `CON.md` cannot exist there. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

export interface SafeName {
  /** The name to use as the note's basename; '' when nothing usable is left. */
  name: string;
  /** Why it differs from the name as written, or null when it does not. */
  changed: string | null;
}

/** Control characters, line separators and the bidi controls that can make a name read backwards. */
function isControl(code: number): boolean {
  return (
    code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
  );
}

/** Most names need no change: one pass over the characters says so, before any copy is made. */
function isSafeAlready(name: string): boolean {
  const n = name.length;
  if (n === 0 || n > MAX_NAME) return false;
  const first = name.charCodeAt(0), last = name.charCodeAt(n - 1);
  if (first === 32 || first === 46 /* . */ || last === 32 || last === 46) return false;
  let alphanumeric = false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c > 0x7f) return false; // non-ASCII: the full check (letters, bidi controls) decides
    if (c < 0x20 || c === 0x7f || FORBIDDEN.has(name[i]!) || (c === 32 && name.charCodeAt(i + 1) === 32)) return false;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) alphanumeric = true;
  }
  return alphanumeric && !RESERVED.test(name);
}

/**
 * The name made safe for a file: forbidden and control characters become spaces, runs of spaces one space;
 * no leading dots, no trailing dots or spaces, at most 200 characters (never cutting a character in two).
 */
export function safeFileName(raw: string): SafeName {
  if (isSafeAlready(raw)) return { name: raw, changed: null };
  let out = '';
  for (const ch of raw) {
    const code = ch.codePointAt(0)!;
    out += FORBIDDEN.has(ch) || isControl(code) ? ' ' : ch;
  }
  out = out.replace(/\s+/g, ' ').trim();
  let start = 0;
  while (start < out.length && (out[start] === '.' || out[start] === ' ')) start++;
  out = out.slice(start);
  const chars = Array.from(out);
  if (chars.length > MAX_NAME) out = chars.slice(0, MAX_NAME).join('');
  let end = out.length;
  while (end > 0 && (out[end - 1] === '.' || out[end - 1] === ' ')) end--;
  out = out.slice(0, end);
  if (RESERVED.test(out)) out = `${out} (person)`;
  if (!/[\p{L}\p{N}]/u.test(out)) return { name: '', changed: null };
  const trimmed = raw.trim();
  if (out === trimmed) return { name: out, changed: null };
  const why =
    Array.from(trimmed).length > MAX_NAME
      ? `the name is longer than ${MAX_NAME} characters; the note is named "${out}"`
      : `"${trimmed}" holds characters a note name cannot; the note is named "${out}"`;
  return { name: out, changed: why };
}

/** The key under which names match: no case, no accents, single spaces (`Zoë  Çelik` → `zoe celik`). */
export function nameKey(name: string): string {
  // Most names are ASCII: decomposing them (normalize) would only cost time.
  const plain = isAscii(name) ? name : name.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The key under which e-mail addresses match: trimmed, lower case, without a `mailto:`. */
export function emailKey(email: string): string {
  return email.trim().replace(/^mailto:/i, '').toLowerCase();
}

/** Every address in a text field that may hold several (`a@x.nl, b@y.nl`), as written. */
export function splitEmails(text: string): string[] {
  return text.split(/[,;\s]+/).filter((e) => e.includes('@'));
}

/** The keys of every address in such a field. */
export function emailsIn(text: string): string[] {
  return splitEmails(text).map(emailKey);
}

/**
 * The key of a LinkedIn profile URL: `linkedin.com/in/<name>`, whatever the scheme, `www.` or country
 * subdomain, query, fragment, trailing slash or letter case; null when the text is no LinkedIn profile URL.
 */
export function linkedinKey(url: string): string | null {
  let s = url.trim().toLowerCase();
  const scheme = s.indexOf('://');
  if (scheme >= 0 && scheme < 10) s = s.slice(scheme + 3);
  const cut = s.search(/[?#]/);
  if (cut >= 0) s = s.slice(0, cut);
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const host = s.slice(0, slash);
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return null;
  const path = s.slice(slash).split('/').filter((p) => p !== '');
  if (path.length < 2) return null;
  let slug = path[1]!;
  try {
    slug = decodeURIComponent(slug);
  } catch {
    /* keep it as written */
  }
  return `linkedin.com/${path[0]}/${slug}`;
}

/** Whether a URL is a LinkedIn profile (so a vCard's or Google's website is the person's `linkedin`). */
export function isLinkedinUrl(url: string): boolean {
  return linkedinKey(url) !== null;
}
