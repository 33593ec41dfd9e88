/**
 * Contacts + the people in the vault → the plan: which notes an import creates, which empty fields it
 * fills, where the file disagrees with a note (a conflict, never written), and which rows it skips, each
 * with its reason. Rows for one person merge first (same LinkedIn URL, e-mail or name); then each person
 * matches a note by LinkedIn URL, else e-mail, else name or alias. Linear in rows and people: every
 * lookup goes through a map.
 */
import { formatDay } from '../dates';
import { linkTarget } from '../links';
import type { Person } from '../types';
import { emailKey, emailsIn, isAscii, linkedinKey, nameKey, safeFileName } from './names';
import {
  LIST_FIELDS, NOTE_FIELD_ORDER, TEXT_FIELDS,
  type Conflict, type Contact, type ContactFields, type ImportField, type ImportPlan, type ListField,
  type MatchKind, type ParsedFile, type PlannedCreate, type PlannedUpdate, type RowWarning, type Skipped, type TextField,
} from './types';

export interface VaultView {
  people: readonly Person[];
  /** Every note's path in the vault, people or not: a new note's name must not be taken. */
  notePaths: Iterable<string>;
  /** The people folder, normalised ('' for none): new notes go there. */
  peopleFolder: string;
}

/** Rows of the file that are one person. */
interface Group {
  contacts: Contact[];
  name: string;
  safeName: string;
  renamed: string | null;
  fields: ContactFields;
  /** Match keys of all its rows (a handful: arrays, not sets). */
  linkedin: string[];
  emails: string[];
  names: string[];
  rows: number[];
}

class KeyIndex<T> {
  private readonly map = new Map<string, T[]>();
  add(key: string, value: T): void {
    const list = this.map.get(key);
    if (!list) this.map.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  }
  get(key: string): readonly T[] {
    return this.map.get(key) ?? [];
  }
}

/** The group of the first key that has one. */
function firstOf(keys: readonly string[], index: KeyIndex<Group>): Group | undefined {
  for (const k of keys) {
    const g = index.get(k)[0];
    if (g !== undefined) return g;
  }
  return undefined;
}

function addKeys(group: Group, field: 'linkedin' | 'emails' | 'names', keys: readonly string[], index: KeyIndex<Group>): void {
  for (const k of keys) {
    if (!group[field].includes(k)) group[field].push(k);
    index.add(k, group);
  }
}

function basenameOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.toLowerCase().endsWith('.md') ? name.slice(0, -3) : name;
}

function contactKeys(c: Contact, safeName: string): { linkedin: string[]; emails: string[]; names: string[] } {
  const raw = nameKey(c.name);
  const safe = safeName === c.name ? raw : nameKey(safeName);
  const li = c.fields.linkedin === undefined ? null : linkedinKey(c.fields.linkedin);
  return {
    linkedin: li === null ? [] : [li],
    emails: c.emails,
    names: raw === safe || safe === '' ? [raw] : raw === '' ? [safe] : [raw, safe],
  };
}

/** Merges `from` into `into`: fields `into` lacks are taken; a different value is a warning, not used. */
function mergeFields(into: ContactFields, from: ContactFields, row: number, firstRow: number, warnings: RowWarning[]): void {
  for (const f of TEXT_FIELDS) {
    const v = from[f];
    if (v === undefined) continue;
    const have = into[f];
    if (have === undefined) into[f] = v;
    else if (!sameText(f, have, v))
      warnings.push({ row, field: f, message: `this row is the same person as row ${firstRow}, whose ${f} "${have}" is used; "${v}" is not` });
  }
  for (const f of LIST_FIELDS) {
    const v = from[f];
    if (v === undefined) continue;
    const have = into[f] ?? [];
    const seen = new Set(have.map((x) => x.toLowerCase()));
    into[f] = [...have, ...v.filter((x) => !seen.has(x.toLowerCase()))];
  }
}

function digitsOf(phone: string): string {
  return phone.replace(/[^\d+]/g, '');
}

function squashText(s: string): string {
  return (isAscii(s) ? s : s.normalize('NFC')).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether two values of a field say the same (case, spacing, phone punctuation and URL form aside). */
function sameText(field: TextField, a: string, b: string): boolean {
  switch (field) {
    case 'email':
      return emailsIn(a).includes(emailKey(b)) || emailKey(a) === emailKey(b);
    case 'phone':
      return digitsOf(a) === digitsOf(b);
    case 'linkedin':
      return (linkedinKey(a) ?? squashText(a)) === (linkedinKey(b) ?? squashText(b));
    default:
      return squashText(a) === squashText(b);
  }
}

function birthdayText(p: Person): string | null {
  const b = p.birthday;
  if (b === null) return null;
  const md = `${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}`;
  return b.year === null ? `--${md}` : `${String(b.year).padStart(4, '0')}-${md}`;
}

/** A person's value of a field as text, or null when the note has none. */
function noteText(p: Person, field: TextField): string | null {
  switch (field) {
    case 'birthday':
      return birthdayText(p);
    case 'met':
      return p.met === null ? null : formatDay(p.met);
    default:
      return p[field];
  }
}

function noteList(p: Person, field: ListField): readonly string[] {
  return field === 'knows' ? p.knows : p[field];
}

/** A list entry's key: a link's target, else the text; no case, no accents. */
function entryKey(field: ListField, v: string): string {
  return nameKey(field === 'knows' ? (linkTarget(v) ?? v) : v.replace(/^#/, ''));
}

/** A field the note writes but Ties cannot read (an error diagnostic): it is not empty, and never overwritten. */
function unreadable(p: Person, field: ImportField): boolean {
  return p.diagnostics.some((d) => d.severity === 'error' && d.field === field);
}

/** Fills and conflicts of `fields` against person `p`. */
function compare(p: Person, fields: ContactFields, rows: number[]): { fill: ContactFields; conflicts: Conflict[] } {
  const fill: ContactFields = {};
  const conflicts: Conflict[] = [];
  const conflict = (field: ImportField, note: string, file: string) => conflicts.push({ path: p.path, field, note, file, rows });
  for (const f of TEXT_FIELDS) {
    const v = fields[f];
    if (v === undefined) continue;
    if (unreadable(p, f)) {
      conflict(f, 'a value Ties cannot read', v);
      continue;
    }
    const have = noteText(p, f);
    if (have === null) fill[f] = v;
    else if (!sameText(f, have, v) && !(f === 'birthday' && v.startsWith('--') && have.endsWith(v.slice(1)))) conflict(f, have, v);
  }
  for (const f of LIST_FIELDS) {
    const v = fields[f];
    if (v === undefined) continue;
    if (unreadable(p, f)) {
      conflict(f, 'a value Ties cannot read', v.join(', '));
      continue;
    }
    const have = noteList(p, f);
    if (have.length === 0) fill[f] = v;
    else {
      const keys = new Set(have.map((x) => entryKey(f, x)));
      if (v.some((x) => !keys.has(entryKey(f, x)))) conflict(f, have.join(', '), v.join(', '));
    }
  }
  return { fill, conflicts };
}

function hasFields(fields: ContactFields): boolean {
  return Object.keys(fields).length > 0;
}

function describeMatches(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).join(', ');
  return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown;
}

export function planImport(parsed: ParsedFile, vault: VaultView): ImportPlan {
  const warnings: RowWarning[] = [...parsed.warnings];
  const skipped: Skipped[] = [...parsed.skipped];

  // 1. Rows for one person become one group.
  const groups: Group[] = [];
  const byLinkedin = new KeyIndex<Group>();
  const byEmail = new KeyIndex<Group>();
  const byName = new KeyIndex<Group>();
  for (const c of parsed.contacts) {
    if (c.name === '') {
      const org = c.fields.organisation;
      skipped.push({ row: c.row, why: org === undefined ? 'the row has no name' : `the row has no name, only an organisation ("${org}")` });
      continue;
    }
    const safe = safeFileName(c.name);
    if (safe.name === '') {
      skipped.push({ row: c.row, why: `the name "${c.name}" has no letters or digits to name a note with` });
      continue;
    }
    const keys = contactKeys(c, safe.name);
    const found = firstOf(keys.linkedin, byLinkedin) ?? firstOf(keys.emails, byEmail) ?? firstOf(keys.names, byName);
    let group: Group;
    if (found) {
      group = found;
      if (!keys.names.some((k) => group.names.includes(k)))
        warnings.push({ row: c.row, field: 'name', message: `this row is the same person as row ${group.rows[0]} (the same LinkedIn URL or e-mail address), whose name "${group.name}" is used; "${c.name}" is not` });
      group.contacts.push(c);
      group.rows.push(c.row);
      mergeFields(group.fields, c.fields, c.row, group.rows[0]!, warnings);
    } else {
      group = {
        contacts: [c], name: c.name, safeName: safe.name, renamed: safe.changed, fields: cloneFields(c.fields),
        linkedin: [], emails: [], names: [], rows: [c.row],
      };
      groups.push(group);
    }
    addKeys(group, 'linkedin', keys.linkedin, byLinkedin);
    addKeys(group, 'emails', keys.emails, byEmail);
    addKeys(group, 'names', keys.names, byName);
  }

  // 2. The vault's people under the same keys.
  const people = new Map<string, Person>();
  const vaultLinkedin = new KeyIndex<string>();
  const vaultEmail = new KeyIndex<string>();
  const vaultName = new KeyIndex<string>();
  for (const p of vault.people) {
    people.set(p.path, p);
    const li = p.linkedin === null ? null : linkedinKey(p.linkedin);
    if (li !== null) vaultLinkedin.add(li, p.path);
    if (p.email !== null) for (const e of emailsIn(p.email)) vaultEmail.add(e, p.path);
    for (const n of [p.name, ...p.aliases]) vaultName.add(nameKey(n), p.path);
  }

  // 3. Each group matches one note, or none; a group that matches several is skipped (which one is meant?).
  const matched = new Map<string, { groups: Group[]; by: MatchKind }>();
  const fresh: Group[] = [];
  const levels: [MatchKind, (g: Group) => string[], KeyIndex<string>][] = [
    ['linkedin', (g) => g.linkedin, vaultLinkedin],
    ['email', (g) => g.emails, vaultEmail],
    ['name', (g) => g.names, vaultName],
  ];
  for (const g of groups) {
    let decided = false;
    for (const [kind, keysOf, index] of levels) {
      const paths: string[] = [];
      for (const k of keysOf(g)) for (const p of index.get(k)) if (!paths.includes(p)) paths.push(p);
      if (paths.length === 0) continue;
      decided = true;
      if (paths.length > 1) {
        const list = paths.sort();
        const what = kind === 'linkedin' ? 'LinkedIn URL' : kind === 'email' ? 'e-mail address' : 'name';
        for (const row of g.rows)
          skipped.push({ row, why: `"${g.name}" matches ${paths.length} notes by ${what} (${describeMatches(list)}); which one is meant is unclear, so it was not imported` });
        break;
      }
      const path = paths[0]!;
      const entry = matched.get(path);
      if (entry) entry.groups.push(g);
      else matched.set(path, { groups: [g], by: kind });
      break;
    }
    if (!decided) fresh.push(g);
  }

  // 4. Names and paths of the new notes: never one a note has already, in any letter case.
  const takenNames = new Set<string>();
  for (const path of vault.notePaths) takenNames.add(basenameOf(path).toLowerCase());
  const folder = vault.peopleFolder;
  const creates: { group: Group; create: PlannedCreate }[] = [];
  const noteNameOf = new Map<Group, string>();
  for (const g of fresh) {
    let name = g.safeName;
    const why: string[] = g.renamed === null ? [] : [g.renamed];
    const aliases: string[] = [];
    if (takenNames.has(name.toLowerCase())) {
      let n = 2;
      while (takenNames.has(`${name} ${n}`.toLowerCase())) n++;
      const taken = name;
      name = `${name} ${n}`;
      aliases.push(taken);
      why.push(`a note named "${taken}" that is not a person exists; the new note is "${name}", with "${taken}" as an alias`);
    }
    takenNames.add(name.toLowerCase());
    noteNameOf.set(g, name);
    creates.push({ group: g, create: { path: folder === '' ? `${name}.md` : `${folder}/${name}.md`, name, fields: g.fields, aliases, rows: g.rows, why } });
  }
  for (const [path, m] of matched) for (const g of m.groups) noteNameOf.set(g, basenameOf(path));

  // 5. Related people: a `knows` link when they are in the file or the vault, else an entry of interests.
  const relate = (g: Group, fields: ContactFields): void => {
    const knows: string[] = [];
    const interests: string[] = [];
    for (const c of g.contacts)
      for (const r of c.related) {
        const key = nameKey(r.name);
        if (g.names.includes(key)) continue;
        const inFile = byName.get(key)[0];
        const inVault = vaultName.get(key);
        const target = inFile !== undefined ? noteNameOf.get(inFile) : inVault.length === 1 ? basenameOf(inVault[0]!) : undefined;
        if (target !== undefined) knows.push(`[[${target}]]`);
        else interests.push(r.label === null ? r.name : `${r.label}: ${r.name}`);
      }
    if (knows.length > 0) fields.knows = [...new Set([...(fields.knows ?? []), ...knows])];
    if (interests.length > 0) fields.interests = [...new Set([...(fields.interests ?? []), ...interests])];
  };
  for (const { group, create } of creates) relate(group, create.fields);

  // 6. Matched notes: fill what is empty; a different value is a conflict.
  const update: PlannedUpdate[] = [];
  const conflicts: Conflict[] = [];
  const unchanged: ImportPlan['unchanged'] = [];
  for (const [path, m] of matched) {
    const [first, ...more] = m.groups;
    const fields = cloneFields(first!.fields);
    const rows = m.groups.flatMap((g) => g.rows);
    for (const g of more) mergeFields(fields, g.fields, g.rows[0]!, first!.rows[0]!, warnings);
    for (const g of m.groups) relate(g, fields);
    const result = compare(people.get(path)!, fields, rows);
    conflicts.push(...result.conflicts);
    if (hasFields(result.fill)) update.push({ path, fields: inOrder(result.fill), rows, matchedBy: m.by });
    else if (result.conflicts.length === 0) unchanged.push({ path, rows });
  }

  const byRow = (a: { rows: number[] }, b: { rows: number[] }) => a.rows[0]! - b.rows[0]!;
  return {
    format: parsed.format,
    rows: parsed.rows,
    create: creates.map((c) => ({ ...c.create, fields: inOrder(c.create.fields) })),
    update: update.sort(byRow),
    conflicts: conflicts.sort(byRow),
    skipped: skipped.sort((a, b) => a.row - b.row),
    unchanged: unchanged.sort(byRow),
    warnings,
  };
}

/** The fields in the order a note lists them, so that plans read like the notes they write. */
function inOrder(fields: ContactFields): ContactFields {
  const out: Record<string, string | string[]> = {};
  for (const f of NOTE_FIELD_ORDER) if (fields[f] !== undefined) out[f] = fields[f];
  return out;
}

function cloneFields(fields: ContactFields): ContactFields {
  const out: ContactFields = { ...fields };
  for (const f of LIST_FIELDS) if (fields[f]) out[f] = [...fields[f]];
  return out;
}

/** True when the plan writes nothing and reports no conflict: the vault already holds what the file says. */
export function planIsEmpty(plan: ImportPlan): boolean {
  return plan.create.length === 0 && plan.update.length === 0 && plan.conflicts.length === 0;
}
