/**
 * Every person who is not archived as a vCard 4.0 card (RFC 6350): `FN`, `N`, `ORG` with the department,
 * `TITLE`, `EMAIL`, `TEL`, `BDAY` (`--MMDD` without a year), `URL` for `linkedin`, `CATEGORIES` from tags,
 * `NOTE` from interests. Text is escaped; lines end in CRLF and are folded at 75 octets, never inside a
 * character. Importing the result gives back the same people with the same fields.
 */
import type { Person } from '../types';
import { splitEmails } from './names';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** `\`, line breaks, `,` and `;` escaped, as a vCard text value writes them. */
export function escapeText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') out += '\\\\';
    else if (c === ',') out += '\\,';
    else if (c === ';') out += '\\;';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') {
      out += '\\n';
      if (s[i + 1] === '\n') i++;
    } else out += c;
  }
  return out;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** A content line folded so that no physical line is longer than 75 octets (a continuation's space counts). */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > limit) {
      out += CRLF + ' ';
      octets = 1;
      limit = MAX_OCTETS;
    }
    out += ch;
    octets += n;
  }
  return out + CRLF;
}

/** `Jan de Vries` → family `de Vries`, given `Jan`: the first word is the given name (FN keeps the name whole). */
function nameParts(name: string): [family: string, given: string] {
  const space = name.indexOf(' ');
  return space < 0 ? ['', name] : [name.slice(space + 1).trim(), name.slice(0, space)];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function personCard(p: Person): string {
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//Ties//Ties export//EN', `FN:${escapeText(p.name)}`];
  const [family, given] = nameParts(p.name);
  lines.push(`N:${escapeText(family)};${escapeText(given)};;;`);
  if (p.organisation !== null || p.department !== null)
    lines.push(`ORG:${escapeText(p.organisation ?? '')}${p.department !== null ? `;${escapeText(p.department)}` : ''}`);
  if (p.role !== null) lines.push(`TITLE:${escapeText(p.role)}`);
  if (p.email !== null) {
    const addresses = splitEmails(p.email);
    for (const e of addresses.length > 0 ? addresses : [p.email]) lines.push(`EMAIL:${escapeText(e)}`);
  }
  if (p.phone !== null) lines.push(`TEL;VALUE=text:${escapeText(p.phone)}`);
  if (p.birthday !== null) {
    const b = p.birthday;
    lines.push(`BDAY:${b.year === null ? '--' : pad(b.year, 4)}${pad(b.month)}${pad(b.day)}`);
  }
  // A URL is no text value: it is written as it is, without line breaks.
  if (p.linkedin !== null) lines.push(`URL:${p.linkedin.replace(/[\r\n]+/g, '')}`);
  if (p.tags.length > 0) lines.push(`CATEGORIES:${p.tags.map(escapeText).join(',')}`);
  if (p.interests.length > 0) lines.push(`NOTE:${escapeText(p.interests.join('\n'))}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('');
}

/** Every person who is not archived, in the order given. */
export function exportVCards(people: readonly Person[]): { text: string; count: number } {
  let text = '';
  let count = 0;
  for (const p of people) {
    if (p.archived) continue;
    text += personCard(p);
    count++;
  }
  return { text, count };
}
