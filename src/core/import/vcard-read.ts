/**
 * Reading vCard 2.1, 3.0 and 4.0 into cards of properties: folded lines, quoted-printable values with soft
 * line breaks and a charset (2.1), bare type parameters (`TEL;CELL:`, 2.1), quoted parameter values,
 * `item1.` groups, and the escapes `\,` `\;` `\n` `\\`. One pass over the lines with indexOf and character
 * loops: time grows linearly with the file, whatever a line holds. (Why not ical.js: see the README,
 * "Import and export".)
 */

export interface VProperty {
  /** The `item1` of `item1.EMAIL`, lower case; null without a group. */
  group: string | null;
  /** Upper case: `EMAIL`, `X-ABLABEL`. */
  name: string;
  /** Upper-case parameter names → values (lower case for TYPE). Bare 2.1 parameters are TYPE values. */
  params: Map<string, string[]>;
  /** The value as written (quoted-printable soft line breaks already joined), not yet decoded. */
  raw: string;
}

export interface VCard {
  /** 1-based number of the card in the file. */
  number: number;
  properties: VProperty[];
  /** Lines inside the card that are no property (`name:value`), e.g. a broken fold. */
  unreadLines: number;
  /** False when the file ends before the card's END:VCARD. */
  complete: boolean;
}

function upper(s: string): string {
  return s.trim().toUpperCase();
}

/** The index of the first `:` outside double quotes, or -1. */
function valueColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34 /* " */) quoted = !quoted;
    else if (c === 58 /* : */ && !quoted) return i;
  }
  return -1;
}

/** Splits at `sep` outside double quotes. */
function splitOutsideQuotes(s: string, sep: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (c === sep && !quoted) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out;
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

/** `item1.EMAIL;TYPE=work,pref;PREF=1:jan@x.nl` → property; null when the line has no `name:value`. */
export function parseProperty(line: string): VProperty | null {
  const colon = valueColon(line);
  if (colon <= 0) return null;
  const [head = '', ...paramParts] = splitOutsideQuotes(line.slice(0, colon), ';');
  const dot = head.indexOf('.');
  const group = dot > 0 ? head.slice(0, dot).trim().toLowerCase() : null;
  const name = upper(dot > 0 ? head.slice(dot + 1) : head);
  if (name === '' || !/^[A-Z0-9-]+$/.test(name)) return null;
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]) => params.set(key, [...(params.get(key) ?? []), ...values]);
  for (const part of paramParts) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      // vCard 2.1: `TEL;CELL;HOME:` and `;QUOTED-PRINTABLE` name the value without a parameter name.
      const bare = part.trim();
      if (bare === '') continue;
      if (upper(bare) === 'QUOTED-PRINTABLE' || upper(bare) === 'BASE64') add('ENCODING', [upper(bare)]);
      else add('TYPE', [bare.toLowerCase()]);
      continue;
    }
    const key = upper(part.slice(0, eq));
    const values = splitOutsideQuotes(part.slice(eq + 1), ',').map(unquote);
    add(key, key === 'TYPE' ? values.map((v) => v.toLowerCase()) : values);
  }
  return { group, name, params, raw: line.slice(colon + 1) };
}

function isQuotedPrintable(p: VProperty): boolean {
  return (p.params.get('ENCODING') ?? []).some((e) => upper(e) === 'QUOTED-PRINTABLE');
}

/** Physical lines, without their line breaks (`\r\n` or `\n`; `\r` alone in a file that has no `\n`). */
function physicalLines(text: string): string[] {
  if (!text.includes('\n')) return text.split('\r');
  // split('\n') is several times faster than a split on a pattern, which matters for a file of millions of lines.
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}

/**
 * The cards of a file. A card that the file cuts off (no END:VCARD before the end or before the next
 * BEGIN:VCARD) is returned with `complete: false`.
 */
export function readCards(text: string): VCard[] {
  const cards: VCard[] = [];
  let card: VCard | null = null;
  // The physical lines of the logical line being read, joined once it is complete (joining as it grows
  // would copy a long folded value once per line).
  let parts: string[] = [];
  let lastPart = '';
  let qp = false;

  const flush = () => {
    if (parts.length === 0) return;
    const line = parts.length === 1 ? parts[0]! : parts.join('');
    parts = [];
    const prop = parseProperty(line);
    if (prop?.name === 'BEGIN' && upper(prop.raw) === 'VCARD') {
      if (card) cards.push(card);
      card = { number: cards.length + 1, properties: [], unreadLines: 0, complete: false };
    } else if (prop?.name === 'END' && upper(prop.raw) === 'VCARD') {
      if (card) {
        card.complete = true;
        cards.push(card);
        card = null;
      }
    } else if (card) {
      if (prop !== null) card.properties.push(prop);
      else if (line.trim() !== '') card.unreadLines++;
    }
  };

  for (const physical of physicalLines(text)) {
    if (parts.length > 0 && qp && lastPart.endsWith('=')) {
      // A quoted-printable soft line break: `=` at the end of the line joins it to the next, as is.
      parts[parts.length - 1] = lastPart.slice(0, -1);
      parts.push((lastPart = physical));
      continue;
    }
    const first = physical.charCodeAt(0);
    if (parts.length > 0 && (first === 32 || first === 9)) {
      // A folded line: the break and the one space or tab after it are not part of the value.
      parts.push((lastPart = physical.slice(1)));
      continue;
    }
    flush();
    parts.push((lastPart = physical));
    const colon = valueColon(physical);
    qp = colon > 0 && /QUOTED-PRINTABLE/i.test(physical.slice(0, colon));
  }
  flush();
  if (card !== null) cards.push(card);
  return cards;
}

/** `=C3=9F` → the bytes they stand for, decoded in `charset`; the other characters as they are. */
function decodeQuotedPrintable(raw: string, charset: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  let from = 0;
  const plain = (to: number) => {
    if (to > from) for (const b of encoder.encode(raw.slice(from, to))) bytes.push(b);
  };
  for (let i = raw.indexOf('='); i >= 0; i = raw.indexOf('=', i)) {
    const hex = raw.slice(i + 1, i + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      plain(i);
      bytes.push(parseInt(hex, 16));
      from = i + 3;
      i += 3;
    } else i++;
  }
  plain(raw.length);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(new Uint8Array(bytes));
}

/** `\n` and `\N` → a line break; `\,` `\;` `\:` `\\` → the character. */
export function unescapeText(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const next = s[++i]!;
    out += next === 'n' || next === 'N' ? '\n' : next;
  }
  return out;
}

/** Splits at `sep` where it is not escaped with a backslash. */
function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === sep) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out;
}

/** One part of a value as text: quoted-printable decoded (in the property's charset), escapes undone. */
function decodePart(p: VProperty, raw: string): string {
  const charset = p.params.get('CHARSET')?.[0] ?? 'utf-8';
  return unescapeText(isQuotedPrintable(p) ? decodeQuotedPrintable(raw, charset) : raw);
}

/** The value as one text. */
export function textValue(p: VProperty): string {
  return decodePart(p, p.raw);
}

/** The components of a structured value (`N`, `ORG`: separated by `;`). */
export function components(p: VProperty): string[] {
  return splitUnescaped(p.raw, ';').map((part) => decodePart(p, part));
}

/** The values of a list (`CATEGORIES`, `NICKNAME`: separated by `,`). */
export function listValues(p: VProperty): string[] {
  return splitUnescaped(p.raw, ',').map((part) => decodePart(p, part));
}
