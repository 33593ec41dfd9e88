/** Building one contact from a row or a card: the rules every format shares. */
import { parseBirthdayText } from './dates';
import { emailKey, isLinkedinUrl } from './names';
import type { Contact, ListField, RowWarning, TextField } from './types';

/** Google's own groups, which say nothing about the person. */
const SYSTEM_GROUPS = new Set(['mycontacts', 'starred', 'friends and family', 'imported']);

export class ContactBuilder {
  readonly contact: Contact;
  private readonly warnings: RowWarning[];

  constructor(row: number, name: string, warnings: RowWarning[]) {
    this.contact = { row, name: name.replace(/\s+/g, ' ').trim(), fields: {}, emails: [], related: [] };
    this.warnings = warnings;
  }

  warn(field: string | null, message: string): void {
    this.warnings.push({ row: this.contact.row, field, message });
  }

  /** Sets a text field unless it has a value already or `value` is empty; line breaks become spaces. */
  text(field: TextField, value: string | null | undefined): void {
    const v = oneLine(value ?? '');
    if (v !== '' && this.contact.fields[field] === undefined) this.contact.fields[field] = v;
  }

  /** Adds entries to a list field, each once. */
  list(field: ListField, values: readonly string[]): void {
    const current = this.contact.fields[field] ?? [];
    const seen = new Set(current.map((v) => v.toLowerCase()));
    for (const raw of values) {
      const v = oneLine(raw);
      if (v === '' || seen.has(v.toLowerCase())) continue;
      seen.add(v.toLowerCase());
      current.push(v);
    }
    if (current.length > 0) this.contact.fields[field] = current;
  }

  /** E-mail addresses in order of preference; the first becomes `email`. */
  emails(values: readonly string[]): void {
    for (const raw of values) {
      const v = raw.trim().replace(/^mailto:/i, '');
      if (v === '') continue;
      if (!v.includes('@')) {
        this.warn('email', `"${v}" is not an e-mail address; it is left out`);
        continue;
      }
      if (!this.contact.emails.includes(emailKey(v))) this.contact.emails.push(emailKey(v));
      this.text('email', v);
    }
  }

  /** Phone numbers in order of preference; the first becomes `phone`. */
  phones(values: readonly string[]): void {
    for (const raw of values) this.text('phone', raw.trim().replace(/^tel:/i, ''));
  }

  /** Websites: the first LinkedIn profile becomes `linkedin`; other sites are not a field of the format. */
  websites(values: readonly string[]): void {
    for (const v of values) if (isLinkedinUrl(v)) this.text('linkedin', v.trim());
  }

  birthday(value: string, omitYear = false): void {
    if (value.trim() === '') return;
    const b = parseBirthdayText(value, omitYear);
    if (b === null) this.warn('birthday', `"${value.trim()}" is not a date (expected YYYY-MM-DD, or --MM-DD without a year); it is left out`);
    else this.text('birthday', b);
  }

  /** Groups and labels as tags: `Book club` → `Book-club`; Google's own groups are left out. */
  tags(values: readonly string[]): void {
    const tags: string[] = [];
    for (const raw of values) {
      const v = raw.trim();
      if (v === '' || v.startsWith('*') || SYSTEM_GROUPS.has(v.toLowerCase())) continue;
      const tag = toTag(v);
      if (tag === null) this.warn('tags', `the group "${v}" cannot be a tag; it is left out`);
      else tags.push(tag);
    }
    this.list('tags', tags);
  }

  /** A free-text note: each non-empty line is an entry of `interests`. */
  note(value: string): void {
    this.list('interests', value.split(/\r\n|\r|\n/));
  }

  relation(name: string, label: string | null): void {
    const n = name.replace(/\s+/g, ' ').trim();
    const l = label === null ? null : label.replace(/\s+/g, ' ').trim().toLowerCase() || null;
    if (n !== '' && !this.contact.related.some((r) => r.name === n)) this.contact.related.push({ name: n, label: l });
  }
}

/** A value on one line: each line trimmed, joined by a space; spaces within a line stay as written. */
export function oneLine(value: string): string {
  if (!value.includes('\n') && !value.includes('\r')) return value.trim();
  return value
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

/** A tag as Obsidian allows it: letters, digits, `_`, `-` and `/`, not only digits; spaces become `-`. */
export function toTag(value: string): string | null {
  let tag = '';
  for (const ch of value.trim().replace(/^#/, '')) {
    if (/[\p{L}\p{N}\p{M}_/-]/u.test(ch)) tag += ch;
    else if (/\s/.test(ch) && tag !== '' && !tag.endsWith('-')) tag += '-';
  }
  let start = 0, end = tag.length;
  while (start < end && (tag[start] === '-' || tag[start] === '/')) start++;
  while (end > start && (tag[end - 1] === '-' || tag[end - 1] === '/')) end--;
  tag = tag.slice(start, end);
  return tag === '' || /^[\d/]+$/.test(tag) ? null : tag;
}

/** A cell of Google's CSV that may hold several values, separated by ` ::: `. */
export function splitMulti(cell: string): string[] {
  return cell.split(' ::: ').map((v) => v.trim()).filter((v) => v !== '');
}

/** Apple's built-in labels are written `_$!<Mother>!$_`: the word inside, in lower case. */
export function cleanLabel(label: string): string {
  const t = label.trim();
  const inner = t.startsWith('_$!<') && t.endsWith('>!$_') ? t.slice(4, -4) : t;
  return inner.toLowerCase();
}
