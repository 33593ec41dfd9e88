/**
 * Long (about 400 lines): the notes, names, references and the cache of derived people change together in
 * every update; split apart, each half would need the other's invariants.
 * PeopleIndex: every note's name, every person, and what other notes say about them, kept up to date one note
 * at a time: (v1.1) interaction notes (daily notes, date-prefixed and daily-notes-format notes, meetings) give
 * contacts, and open tasks that link a person give follow-ups. Each is found through the person's names and
 * aliases (NameRefs), so a change touches only the people a note names before and after it. A person with
 * those filled in is derived lazily and cached until a change may alter it.
 */
import { readInteraction, type Interaction } from '../core/interaction';
import { nameKey } from '../core/links';
import { parsePerson } from '../core/person';
import { openTasks, type NoteTask } from '../core/tasks';
import type { CoreSettings, Day, Diagnostic, FollowUp, NoteRecord, Person } from '../core/types';
import { indexDiagnostics, type NoteReport } from './index-diagnostics';
import { MultiMap } from './multi-map';
import { NameRefs } from './name-refs';
import { pathKey, pickClosest } from './closest';

export interface IndexChange {
  revision: number;
  type: 'update' | 'remove' | 'rename' | 'reset';
  path: string | null;
  oldPath?: string;
  /** Whether the people or their contacts may have changed (a person, an interaction note or a task was touched). */
  people: boolean;
}

/** Hooks for tests and benchmarks. */
export interface IndexHooks {
  /** Called each time a person's contacts and follow-ups are worked out (not when a cached one is reused). */
  derived?(path: string): void;
}

interface Entry {
  basename: string;
  person: Person | null;
  /** Set when the note (not a person) is an interaction note. */
  interaction: Interaction | null;
  /** Open tasks that link someone (any note, people's too). */
  tasks: readonly NoteTask[];
  /** Problems of a note that is no person, as a meeting note. */
  problems: readonly Diagnostic[];
  /** Why the note's file could not be read (NoteRecord.unreadable); such a note is a name only. */
  unreadable: string | undefined;
}

const NONE: readonly never[] = Object.freeze([]);

/** Every name a note's tasks link, each once as written. */
function taskTargets(tasks: readonly NoteTask[]): string[] {
  const out: string[] = [];
  for (const t of tasks) for (const target of t.targets) if (!out.includes(target)) out.push(target);
  return out;
}

/** Whether a note that is no person has anything to report (its problems, attendees to check, task problems). */
function reports(e: Entry): boolean {
  return e.person === null && (e.problems.length > 0 || (e.interaction?.attendees.length ?? 0) > 0 || e.tasks.some((t) => t.problems.length > 0));
}

export class PeopleIndex {
  private settings: CoreSettings;
  private readonly entries = new Map<string, Entry>();
  /** Lower-case basename → paths of every note with it. */
  private readonly byName = new MultiMap<string>();
  /** Lower-case alias → person paths. */
  private readonly byAlias = new MultiMap<string>();
  /** Who interaction notes name: their contacts. */
  private readonly contactRefs = new NameRefs();
  /** Who open tasks link: their follow-ups. */
  private readonly taskRefs = new NameRefs();
  /** Notes that are not people and have something to report in diagnostics. */
  private readonly reporting = new Set<string>();
  private vaultProblems: readonly Diagnostic[] = NONE;
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private rev = 0;
  /** People with contacts and follow-ups filled in; an entry is dropped when a change may alter it. */
  private readonly derived = new Map<string, Person>();
  /** Person paths in order; null when a person came or went. */
  private sortedPaths: string[] | null = null;
  private cachedPeople: { rev: number; people: Person[] } | null = null;

  constructor(
    settings: CoreSettings,
    private readonly hooks: IndexHooks = {},
  ) {
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
    this.contactRefs.clear();
    this.taskRefs.clear();
    this.reporting.clear();
    this.derived.clear();
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

  /**
   * Problems of the vault that belong to no note (the daily-notes settings, say), listed with every other
   * diagnostic; the adapter that read them sets them.
   */
  setVaultDiagnostics(diagnostics: readonly Diagnostic[]): void {
    this.vaultProblems = diagnostics.length > 0 ? [...diagnostics] : NONE;
    this.bump({ type: 'reset', path: null, people: false });
  }

  /** The person at `path` as parsed (without what other notes say), or undefined. */
  personAt(path: string): Person | undefined {
    return this.entries.get(path)?.person ?? undefined;
  }

  /** Every person, with contacts and follow-ups from other notes filled in, sorted by path. Cached per revision. */
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

  /** The person `path` with contacts and follow-ups from other notes, or undefined. */
  person(path: string): Person | undefined {
    const cached = this.derived.get(path);
    if (cached) return cached;
    const person = this.entries.get(path)?.person;
    if (!person) return undefined;
    this.hooks.derived?.(path);
    const mentions = this.settings.dailyNotes ? this.mentionDays(path, person) : NONE;
    const linked = this.settings.tasks ? this.linkedFollowUps(path, person) : NONE;
    let full = person;
    if (mentions.length > 0 || linked.length > 0) {
      full = { ...person };
      if (mentions.length > 0) full.mentions = mentions;
      if (linked.length > 0) full.followUps = [...person.followUps, ...linked];
    }
    this.derived.set(path, full);
    return full;
  }

  /** Whether the note at `path` (not a person) is an interaction note, and on which day. */
  interactionDay(path: string): Day | null {
    return this.entries.get(path)?.interaction?.day ?? null;
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
   * Diagnostics of every person (reading problems, links to no note, dates after `today`, shared names and
   * aliases), then of the notes that are not people but matter to them (meetings, tasks), then the vault's.
   */
  diagnostics(today: Day): Diagnostic[] {
    const namesakes = new Map<string, readonly string[]>();
    const aliasHolders = new Map<string, readonly string[]>();
    const out = indexDiagnostics({
      people: () => this.people(),
      resolve: (t, from) => this.resolve(t, from),
      resolvePerson: (t, from) => this.resolvePerson(t, from),
      unreadable: (path) => this.entries.get(path)?.unreadable,
      namesakes: (key) => this.peopleUnder(namesakes, key, this.byName),
      aliasHolders: (key) => this.peopleUnder(aliasHolders, key, this.byAlias),
      noteReports: () => this.noteReports(),
    }, today);
    return this.vaultProblems.length > 0 ? [...this.vaultProblems, ...out] : out;
  }

  private *noteReports(): Iterable<NoteReport> {
    for (const path of [...this.reporting].sort()) {
      const e = this.entries.get(path)!;
      yield { path, diagnostics: e.problems, attendees: e.interaction?.attendees ?? NONE, tasks: e.tasks };
    }
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

  /** Days of interaction notes whose names resolve to this person, oldest first, one per note. */
  private mentionDays(path: string, person: Person): Day[] {
    const days: Day[] = [];
    const counted = new Set<string>();
    for (const key of personKeys(person)) {
      const pairs = this.contactRefs.pairs(key);
      for (let i = 0; i < pairs.length; i += 2) {
        const notePath = pairs[i]!;
        if (counted.has(notePath) || this.resolvePerson(pairs[i + 1]!, notePath) !== path) continue;
        const day = this.entries.get(notePath)?.interaction?.day;
        if (day === undefined) continue;
        counted.add(notePath);
        days.push(day);
      }
    }
    return days.sort((a, b) => a - b);
  }

  /**
   * Open tasks in other notes (or in this note's log) that link this person, as follow-ups: by note path, then
   * line, whatever order the notes came in.
   */
  private linkedFollowUps(path: string, person: Person): FollowUp[] {
    const out: FollowUp[] = [];
    const seen = new Set<NoteTask>();
    let ownLines: Set<number> | null = null;
    for (const own of person.followUps) if (own.source === path) (ownLines ??= new Set()).add(own.line!);
    for (const key of personKeys(person)) {
      const pairs = this.taskRefs.pairs(key);
      for (let i = 0; i < pairs.length; i += 2) {
        const notePath = pairs[i]!, target = pairs[i + 1]!;
        if (this.resolvePerson(target, notePath) !== path) continue;
        for (const task of this.entries.get(notePath)?.tasks ?? NONE) {
          if (!task.targets.includes(target) || seen.has(task) || (notePath === path && ownLines?.has(task.line))) continue;
          seen.add(task);
          out.push({ day: task.day, text: task.text, raw: task.raw, source: notePath, line: task.line });
        }
      }
    }
    return out.length < 2 ? out : out.sort((a, b) => (a.source! < b.source! ? -1 : a.source! > b.source! ? 1 : a.line! - b.line!));
  }

  private insert(record: NoteRecord): Entry {
    const unreadable = record.unreadable;
    const settings = this.settings;
    const person = unreadable === undefined ? parsePerson(record, settings) : null;
    let interaction: Interaction | null = null;
    let problems: readonly Diagnostic[] = NONE;
    if (person === null && unreadable === undefined && settings.dailyNotes) {
      const read = readInteraction(record, settings);
      interaction = read.interaction;
      if (read.diagnostics.length > 0) problems = read.diagnostics;
    }
    let tasks: readonly NoteTask[] = NONE;
    if (unreadable === undefined && settings.tasks && record.links.length > 0) {
      const linked = openTasks(record, null, true);
      if (linked.length > 0) tasks = linked;
    }
    const entry: Entry = { basename: record.basename, person, interaction, tasks, problems, unreadable };
    this.entries.set(record.path, entry);
    this.byName.add(record.basename.toLowerCase(), record.path);
    if (person) {
      this.sortedPaths = null;
      for (const a of person.aliases) this.byAlias.add(a.toLowerCase(), record.path);
    }
    if (interaction) this.contactRefs.add(record.path, interaction.targets);
    if (tasks.length > 0) this.taskRefs.add(record.path, taskTargets(tasks));
    if (reports(entry)) this.reporting.add(record.path);
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
    if (e.interaction) this.contactRefs.delete(path, e.interaction.targets);
    if (e.tasks.length > 0) this.taskRefs.delete(path, taskTargets(e.tasks));
    this.reporting.delete(path);
  }

  /**
   * Drops the cached derivation of every person this note can affect: contacts and follow-ups resolve by name
   * and alias, so only people with one of the note's names, aliases, or the names it links can change.
   */
  private invalidate(path: string, e: Entry): void {
    if (this.derived.size === 0) return;
    this.derived.delete(path);
    const keys = [e.basename.toLowerCase()];
    if (e.person) keys.push(...e.person.aliases.map((a) => a.toLowerCase()));
    if (e.interaction) for (const t of e.interaction.targets) keys.push(nameKey(t));
    for (const task of e.tasks) for (const t of task.targets) keys.push(nameKey(t));
    for (const key of keys) {
      // The people named so: by file name (byName holds every note; only people are cached) or by alias.
      for (const p of this.byName.get(key)) this.derived.delete(p);
      for (const p of this.byAlias.get(key)) this.derived.delete(p);
    }
  }

  private bump(change: Omit<IndexChange, 'revision'>): void {
    this.rev++;
    const full: IndexChange = { ...change, revision: this.rev };
    for (const l of this.listeners) l(full);
  }
}

/** A person's names as links look them up (lower case), each once. */
function personKeys(p: Person): string[] {
  const keys = [p.name.toLowerCase()];
  for (const a of p.aliases) {
    const k = a.toLowerCase();
    if (!keys.includes(k)) keys.push(k);
  }
  return keys;
}

function touchesPeople(e: Entry | null | undefined): boolean {
  return !!e && (e.person !== null || (e.interaction !== null && e.interaction.targets.length > 0) || e.tasks.length > 0);
}
