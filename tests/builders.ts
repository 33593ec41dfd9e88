/** Test data: NoteRecords and people built directly, the way both adapters would produce them. */
import { parseDayString } from '../src/core/dates';
import { parsePerson } from '../src/core/person';
import { DEFAULT_CORE_SETTINGS, type CoreSettings, type Day, type ListItem, type NoteLink, type NoteRecord, type Person } from '../src/core/types';

export const settings: CoreSettings = { ...DEFAULT_CORE_SETTINGS, circleCadence: { ...DEFAULT_CORE_SETTINGS.circleCadence } };

export function day(s: string): Day {
  const d = parseDayString(s);
  if (d === null) throw new Error(`bad test date ${s}`);
  return d;
}

export interface RecordOptions {
  tags?: string[];
  links?: NoteLink[];
  log?: string[];
  logHeading?: string;
  listItems?: ListItem[];
  frontmatterError?: string;
}

/** A note at `path` with this frontmatter (null for none). */
export function record(path: string, frontmatter: Record<string, unknown> | null, opts: RecordOptions = {}): NoteRecord {
  const basename = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');
  const listItems = opts.listItems ?? (opts.log ?? []).map((text, i) => ({ line: 10 + i, text, heading: opts.logHeading ?? 'Log', task: null }));
  return {
    path, basename, frontmatter, tags: opts.tags ?? [], links: opts.links ?? [], listItems,
    ...(opts.frontmatterError ? { frontmatterError: opts.frontmatterError } : {}),
  };
}

/** A person note in People/ with this frontmatter. */
export function personRecord(name: string, frontmatter: Record<string, unknown> = {}, opts: RecordOptions = {}): NoteRecord {
  return record(`People/${name}.md`, frontmatter, opts);
}

export function person(name: string, frontmatter: Record<string, unknown> = {}, opts: RecordOptions = {}, s: CoreSettings = settings): Person {
  const p = parsePerson(personRecord(name, frontmatter, opts), s);
  if (!p) throw new Error('not a person');
  return p;
}

/** A daily note on `date` linking to these names; `tasks` lists names linked only inside unchecked tasks. */
export function dailyNote(date: string, names: string[], tasks: string[] = [], folder = 'Daily'): NoteRecord {
  const links: NoteLink[] = [
    ...names.map((target, i) => ({ target, line: i, task: null })),
    ...tasks.map((target, i) => ({ target, line: 100 + i, task: ' ' })),
  ];
  return record(`${folder}/${date}.md`, null, { links });
}
