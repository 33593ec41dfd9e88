/**
 * The index's diagnostics: each person's own, links to no note, dates after today, shared names and aliases,
 * and (v1.1) the problems of notes that are not people but matter to them: meeting notes (a `date` that is no
 * date, attendees that are no list, an attendee linking a note that is not a person) and tasks that are
 * follow-ups (two due dates, a date that names no day). Those are listed under the note's own path.
 */
import { futureDiagnostics } from '../core/contacts';
import { shownName } from '../core/interaction';
import { clip, quote } from '../core/quote';
import type { NoteTask } from '../core/tasks';
import type { Day, Diagnostic, Person } from '../core/types';

/** What a note that is not a person has to say: its own problems, its attendees and its tasks. */
export interface NoteReport {
  path: string;
  diagnostics: readonly Diagnostic[];
  /** Attendee entries, when it is an interaction note. */
  attendees: readonly string[];
  tasks: readonly NoteTask[];
}

export interface DiagnosticsSource {
  people(): readonly Person[];
  resolve(target: string, fromPath: string): string | null;
  resolvePerson(target: string, fromPath: string): string | null;
  /** Why the note at `path` could not be read, when it could not. */
  unreadable(path: string): string | undefined;
  /** Paths of every person with this lower-case name, sorted. */
  namesakes(key: string): readonly string[];
  /** Paths of every person with this lower-case alias, sorted. */
  aliasHolders(key: string): readonly string[];
  /** Notes that are not people and have something to report, sorted by path. */
  noteReports(): Iterable<NoteReport>;
}

export function indexDiagnostics(src: DiagnosticsSource, today: Day): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of src.people()) {
    out.push(...p.diagnostics, ...linkDiagnostics(src, p), ...futureDiagnostics(p, today));
    const twins = src.namesakes(p.name.toLowerCase());
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
      const holders = src.aliasHolders(key);
      if (holders.length < 2) continue;
      const { count, names } = others(holders, p.path);
      const whom = count === 1 ? 'another person' : `${count.toLocaleString('en')} other people`;
      out.push({
        path: p.path, severity: 'warning', field: 'aliases',
        message: `${whom} also ${count === 1 ? 'has' : 'have'} the alias ${quote(alias)} (${names}); links by that alias may reach the wrong one`,
      });
    }
  }
  for (const note of src.noteReports()) out.push(...noteDiagnostics(src, note));
  return out;
}

function noteDiagnostics(src: DiagnosticsSource, note: NoteReport): Diagnostic[] {
  const out: Diagnostic[] = [...note.diagnostics];
  const warn = (field: string, message: string) => out.push({ path: note.path, severity: 'warning', field, message });
  const said = new Set<string>();
  for (const a of note.attendees) {
    if (said.has(a.toLowerCase()) || src.resolvePerson(a, note.path) !== null) continue;
    const target = src.resolve(a, note.path);
    if (target === null || target === note.path) continue;
    said.add(a.toLowerCase());
    const why = src.unreadable(target);
    warn('attendees', why === undefined
      ? `${shownName(a)} is not a person note; it does not count as a contact`
      : `${shownName(a)} is a note that could not be read (${clip(target)}); it does not count as a contact`);
  }
  for (const task of note.tasks) {
    if (task.problems.length === 0 || !task.targets.some((t) => src.resolvePerson(t, note.path) !== null)) continue;
    for (const problem of task.problems) warn('tasks', `task on line ${task.line + 1}: ${problem}`);
  }
  return out;
}

function linkDiagnostics(src: DiagnosticsSource, p: Person): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (field: string, target: string) => {
    const path = src.resolvePerson(target, p.path);
    const note = path ?? src.resolve(target, p.path);
    let message: string | null = null;
    if (note === null) message = `links to [[${clip(target)}]], but no note has that name`;
    else if (note === p.path) message = `links to this note itself`;
    else if (path === null && src.unreadable(note) !== undefined) message = `links to [[${clip(target)}]], a note that could not be read (${note})`;
    else if (path === null) message = `links to [[${clip(target)}]], which is not a person note`;
    if (message) out.push({ path: p.path, severity: 'warning', field, message });
  };
  for (const k of p.knows) check('knows', k);
  if (p.introducedBy !== null) check('introduced_by', p.introducedBy);
  return out;
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
