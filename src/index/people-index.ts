/**
 * PeopleIndex: every note's name, every person, and daily-note mentions, kept up to date one note at a
 * time. Derived views (people with mentions, link diagnostics) are computed lazily once per revision.
 */
import { futureDiagnostics } from '../core/contacts';
import { dailyNoteDay } from '../core/detect';
import { nameKey } from '../core/links';
import { parsePerson } from '../core/person';
import { clip, quote } from '../core/quote';
import type { CoreSettings, Day, Diagnostic, NoteRecord, Person } from '../core/types';
import { MultiMap } from './multi-map';

export interface IndexChange {
  revision: number;
  type: 'update' | 'remove' | 'rename' | 'reset';
  path: string | null;
  oldPath?: string;
  /** Whether the people or their contacts may have changed (a person or a daily note was touched). */
  people: boolean;
}

interface Daily {
  day: Day;
  /** Link targets that count as contacts (not only inside unchecked tasks), deduplicated. */
  targets: string[];
}

interface Entry {
  basename: string;
  person: Person | null;
  daily: Daily | null;
  /** Why the note's file could not be read (NoteRecord.unreadable); such a note is a name only. */
  unreadable: string | undefined;
}

function pathKey(path: string): string {
  return path.replace(/\.md$/i, '').toLowerCase();
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(0, slash) : '';
}

/** Daily-note links that count as contacts: any link not standing only inside unchecked tasks. */
function dailyOf(record: NoteRecord): Daily | null {
  const day = dailyNoteDay(record.basename);
  if (day === null) return null;
  const counted = new Set<string>();
  const seen = new Map<string, string>();
  for (const link of record.links) {
    const key = link.target.toLowerCase();
    if (!seen.has(key)) seen.set(key, link.target);
    if (link.task !== ' ') counted.add(key);
  }
  return { day, targets: [...counted].map((k) => seen.get(k)!) };
}

export class PeopleIndex {
  private settings: CoreSettings;
  private readonly entries = new Map<string, Entry>();
  /** Lower-case basename → paths of every note with it. */
  private readonly byName = new MultiMap<string>();
  /** Lower-case alias → person paths. */
  private readonly byAlias = new MultiMap<string>();
  /** Lower-case link name → daily note path → the target as written. */
  private readonly mentionsByKey = new Map<string, Map<string, string>>();
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private rev = 0;
  /** People with mentions filled in; an entry is dropped when a change may alter it. */
  private readonly withMentions = new Map<string, Person>();
  /** Person paths in order; null when a person came or went. */
  private sortedPaths: string[] | null = null;
  private cachedPeople: { rev: number; people: Person[] } | null = null;

  constructor(settings: CoreSettings) {
    this.settings = settings;
  }

  get revision(): number {
    return this.rev;
  }

  get size(): { notes: number; people: number } {
    let people = 0;
    for (const e of this.entries.values()) if (e.person) people++;
    return { notes: this.entries.size, people };
  }

  /** Subscribe to changes; returns the function that unsubscribes. */
  onChange(listener: (change: IndexChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces everything with these records (start-up, settings change). */
  rebuild(records: Iterable<NoteRecord>, settings: CoreSettings = this.settings): void {
    this.settings = settings;
    this.entries.clear();
    this.byName.clear();
    this.byAlias.clear();
    this.mentionsByKey.clear();
    this.withMentions.clear();
    this.sortedPaths = null;
    for (const r of records) this.insert(r);
    this.bump({ type: 'reset', path: null, people: true });
  }

  /** Adds or updates one note. */
  set(record: NoteRecord): void {
    const old = this.entries.get(record.path);
    const order = this.sortedPaths;
    if (old) this.detach(record.path, old);
    const entry = this.insert(record);
    // A person edited in place keeps their place in the order: no re-sort of every path.
    if (old?.person && entry.person) this.sortedPaths = order;
    this.bump({ type: 'update', path: record.path, people: touchesPeople(old) || touchesPeople(entry) });
  }

  remove(path: string): void {
    const old = this.entries.get(path);
    if (!old) return;
    this.detach(path, old);
    this.bump({ type: 'remove', path, people: touchesPeople(old) });
  }

  /** A note moved: `record` is read at its new path. */
  rename(oldPath: string, record: NoteRecord): void {
    const old = this.entries.get(oldPath);
    if (old) this.detach(oldPath, old);
    const prev = this.entries.get(record.path);
    if (prev) this.detach(record.path, prev);
    const entry = this.insert(record);
    this.bump({ type: 'rename', path: record.path, oldPath, people: touchesPeople(old) || touchesPeople(entry) });
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** The path of every note, people or not (an import must not give a new note a name that is taken). */
  paths(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** The person at `path` as parsed (without mentions), or undefined. */
  personAt(path: string): Person | undefined {
    return this.entries.get(path)?.person ?? undefined;
  }

  /** Every person, with daily-note mentions filled in, sorted by path. Cached per revision. */
  people(): readonly Person[] {
    if (this.cachedPeople?.rev === this.rev) return this.cachedPeople.people;
    if (this.sortedPaths === null) {
      const paths: string[] = [];
      for (const [path, e] of this.entries) if (e.person) paths.push(path);
      this.sortedPaths = paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    const people = this.sortedPaths.map((path) => this.person(path)!);
    this.cachedPeople = { rev: this.rev, people };
    return people;
  }

  /** The person `path` with mentions, or undefined. */
  person(path: string): Person | undefined {
    const cached = this.withMentions.get(path);
    if (cached) return cached;
    const person = this.entries.get(path)?.person;
    if (!person) return undefined;
    const mentions = this.settings.dailyNotes ? this.mentionDays(path, person) : [];
    const full = mentions.length > 0 ? { ...person, mentions } : person;
    this.withMentions.set(path, full);
    return full;
  }

  /**
   * The note a link points at, as Obsidian resolves it: by path or basename (same folder first, then the
   * shortest path, then alphabetical); for people, aliases too. Null when no note has that name.
   */
  resolve(target: string, fromPath: string): string | null {
    const key = nameKey(target);
    let candidates = this.byName.get(key);
    if (target.includes('/')) {
      const full = pathKey(target.replace(/^\/+/, ''));
      candidates = candidates.filter((p) => {
        const k = pathKey(p);
        return k === full || k.endsWith('/' + full);
      });
      return candidates.length > 0 ? pickClosest(candidates, fromPath) : null;
    }
    if (candidates.length > 0) return pickClosest(candidates, fromPath);
    const aliased = this.byAlias.get(key);
    return aliased.length > 0 ? pickClosest(aliased, fromPath) : null;
  }

  /** Like resolve, but only to a person. */
  resolvePerson(target: string, fromPath: string): string | null {
    const path = this.resolve(target, fromPath);
    if (path !== null && this.entries.get(path)?.person) return path;
    // A note (an organisation, say) may share a person's alias; the alias still names the person.
    const aliased = this.byAlias.get(nameKey(target));
    return !target.includes('/') && aliased.length > 0 ? pickClosest(aliased, fromPath) : null;
  }

  /** Find a person by name, alias or path, as a user types it on the command line. */
  findPerson(query: string): string | null {
    const q = query.trim();
    if (this.entries.get(q)?.person) return q;
    if (this.entries.get(q + '.md')?.person) return q + '.md';
    return this.resolvePerson(q, '');
  }

  /**
   * Diagnostics of every person: reading problems, links to no note, dates after `today`, and names or
   * aliases that several people share. Each shared name gives one short warning per note (how many others,
   * and one or two of them), so the output grows linearly with the notes.
   */
  diagnostics(today: Day): Diagnostic[] {
    const out: Diagnostic[] = [];
    const namesakes = new Map<string, readonly string[]>();
    const aliasHolders = new Map<string, readonly string[]>();
    for (const p of this.people()) {
      out.push(...p.diagnostics, ...this.linkDiagnostics(p), ...futureDiagnostics(p, today));
      const twins = this.peopleUnder(namesakes, p.name.toLowerCase(), this.byName);
      if (twins.length > 1) {
        const { count, names } = others(twins, p.path);
        const who = count === 1 ? 'another person note has' : `${count.toLocaleString('en')} other person notes have`;
        out.push({
          path: p.path, severity: 'warning', field: 'name',
          message: `${who} the same name (${names}); links by name alone may reach the wrong one`,
        });
      }
      const seen = new Set<string>();
      for (const alias of p.aliases) {
        const key = alias.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const holders = this.peopleUnder(aliasHolders, key, this.byAlias);
        if (holders.length < 2) continue;
        const { count, names } = others(holders, p.path);
        const whom = count === 1 ? 'another person' : `${count.toLocaleString('en')} other people`;
        out.push({
          path: p.path, severity: 'warning', field: 'aliases',
          message: `${whom} also ${count === 1 ? 'has' : 'have'} the alias ${quote(alias)} (${names}); links by that alias may reach the wrong one`,
        });
      }
    }
    return out;
  }

  /** The paths of people under `key` in `map`, sorted; worked out once per key (memo lives for one call). */
  private peopleUnder(memo: Map<string, readonly string[]>, key: string, map: MultiMap<string>): readonly string[] {
    let paths = memo.get(key);
    if (paths === undefined) {
      const all = map.get(key);
      paths = all.length > 1 ? all.filter((t) => this.entries.get(t)?.person).sort() : all;
      memo.set(key, paths);
    }
    return paths;
  }

  private linkDiagnostics(p: Person): Diagnostic[] {
    const out: Diagnostic[] = [];
    const check = (field: string, target: string) => {
      const path = this.resolvePerson(target, p.path);
      const note = path ?? this.resolve(target, p.path);
      let message: string | null = null;
      if (note === null) message = `links to [[${clip(target)}]], but no note has that name`;
      else if (note === p.path) message = `links to this note itself`;
      else if (path === null && this.entries.get(note)?.unreadable !== undefined)
        message = `links to [[${clip(target)}]], a note that could not be read (${note})`;
      else if (path === null) message = `links to [[${clip(target)}]], which is not a person note`;
      if (message) out.push({ path: p.path, severity: 'warning', field, message });
    };
    for (const k of p.knows) check('knows', k);
    if (p.introducedBy !== null) check('introduced_by', p.introducedBy);
    return out;
  }

  /** Days of daily notes whose links resolve to this person, oldest first. */
  private mentionDays(path: string, person: Person): Day[] {
    const days: Day[] = [];
    for (const key of personKeys(person)) {
      const notes = this.mentionsByKey.get(key);
      if (!notes) continue;
      for (const [dailyPath, target] of notes) {
        if (this.resolvePerson(target, dailyPath) !== path) continue;
        const daily = this.entries.get(dailyPath)?.daily;
        if (daily) days.push(daily.day);
      }
    }
    return days.sort((a, b) => a - b);
  }

  private insert(record: NoteRecord): Entry {
    const unreadable = record.unreadable;
    const person = unreadable === undefined ? parsePerson(record, this.settings) : null;
    const daily = dailyOf(record);
    const entry: Entry = { basename: record.basename, person, daily, unreadable };
    this.entries.set(record.path, entry);
    this.byName.add(record.basename.toLowerCase(), record.path);
    if (person) {
      this.sortedPaths = null;
      for (const a of person.aliases) this.byAlias.add(a.toLowerCase(), record.path);
    }
    if (daily)
      for (const t of daily.targets) {
        const key = nameKey(t);
        let m = this.mentionsByKey.get(key);
        if (!m) this.mentionsByKey.set(key, (m = new Map<string, string>()));
        m.set(record.path, t);
      }
    this.invalidate(record.path, entry);
    return entry;
  }

  private detach(path: string, e: Entry): void {
    this.invalidate(path, e);
    this.entries.delete(path);
    this.byName.delete(e.basename.toLowerCase(), path);
    if (e.person) {
      this.sortedPaths = null;
      for (const a of e.person.aliases) this.byAlias.delete(a.toLowerCase(), path);
    }
    if (e.daily)
      for (const t of e.daily.targets) {
        const key = nameKey(t);
        const m = this.mentionsByKey.get(key);
        if (m && m.delete(path) && m.size === 0) this.mentionsByKey.delete(key);
      }
  }

  /**
   * Drops the cached mentions of every person this note can affect: mentions resolve by name and alias,
   * so only people with one of the note's names, aliases or daily-note link names can change.
   */
  private invalidate(path: string, e: Entry): void {
    if (this.withMentions.size === 0) return;
    this.withMentions.delete(path);
    const keys = [e.basename.toLowerCase()];
    if (e.person) keys.push(...e.person.aliases.map((a) => a.toLowerCase()));
    if (e.daily) for (const t of e.daily.targets) keys.push(nameKey(t));
    for (const key of keys) {
      // The people named so: by file name (byName holds every note; only people are cached) or by alias.
      for (const p of this.byName.get(key)) this.withMentions.delete(p);
      for (const p of this.byAlias.get(key)) this.withMentions.delete(p);
    }
  }

  private bump(change: Omit<IndexChange, 'revision'>): void {
    this.rev++;
    const full: IndexChange = { ...change, revision: this.rev };
    for (const l of this.listeners) l(full);
  }
}

/**
 * How many of `paths` (which hold `self`) are others, and one or two of them by path, with how many more:
 * constant work and output per note.
 */
function others(paths: readonly string[], self: string): { count: number; names: string } {
  const count = paths.length - 1;
  const named: string[] = [];
  for (const path of paths) {
    if (named.length === 2) break;
    if (path !== self) named.push(clip(path));
  }
  const more = count - named.length;
  return { count, names: more > 0 ? `${named.join(', ')} and ${more.toLocaleString('en')} more` : named.join(', ') };
}

function personKeys(p: Person): Set<string> {
  return new Set([p.name.toLowerCase(), ...p.aliases.map((a) => a.toLowerCase())]);
}

function touchesPeople(e: Entry | null | undefined): boolean {
  return !!e && (e.person !== null || (e.daily !== null && e.daily.targets.length > 0));
}

/** Same folder as the linking note first, then the shortest path, then alphabetical. */
function pickClosest(candidates: readonly string[], fromPath: string): string {
  if (candidates.length === 1) return candidates[0]!;
  const folder = folderOf(fromPath);
  return candidates.reduce((best, c) => {
    const bs = folderOf(best) === folder, cs = folderOf(c) === folder;
    if (bs !== cs) return cs ? c : best;
    if (best.length !== c.length) return c.length < best.length ? c : best;
    return c < best ? c : best;
  });
}
