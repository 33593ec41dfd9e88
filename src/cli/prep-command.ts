/**
 * `ties prep NOTE`: finds the note (a path in the vault, with or without `.md`, or a note's name), reads it in
 * full, and prints the prep of the people it names. An unknown NOTE is a usage error with the closest names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepNote } from '../core/prep';
import { closestNames, orList } from '../core/suggest';
import type { PeopleIndex } from '../index/people-index';
import { Failure, UsageError, type RunContext } from './command';
import { fsReason } from './fs-reason';
import { formatPrep, prepJson } from './prep-format';
import { recordFromBytes } from './read-vault';

/** The vault path of the note the user named, or null. */
export function findNote(query: string, index: PeopleIndex): string | null {
  const q = query.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (index.has(q)) return q;
  if (index.has(`${q}.md`)) return `${q}.md`;
  return index.resolve(q.replace(/\.md$/i, ''), '');
}

export async function runPrep({ args, load, print, printJson, style }: RunContext): Promise<number> {
  const { index, today, settings } = await load();
  const query = args.operand!;
  const path = findNote(query, index);
  if (path === null) {
    const names = [...index.paths()].map((p) => ({ name: p.slice(p.lastIndexOf('/') + 1).replace(/\.md$/i, '') }));
    const close = closestNames(query, names);
    throw new UsageError(`no note named "${query}" in ${args.vault}${close.length > 0 ? `; did you mean ${orList(close)}?` : ''}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(args.vault, path));
  } catch (e) {
    throw new Failure(`cannot read ${path} (${fsReason(e)})`);
  }
  const prep = prepNote(recordFromBytes(path, bytes, settings, { full: true }), index, today, settings);
  if (args.json) printJson(prepJson(prep));
  else print(formatPrep(prep, today, style));
  return 0;
}
