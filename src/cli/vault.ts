/** Reading the vault for a command: notes from disk, the index over them, and every diagnostic. */
import { localToday } from '../core/dates';
import { normaliseFolder } from '../core/detect';
import { DEFAULT_CORE_SETTINGS, type CoreSettings, type Diagnostic } from '../core/types';
import { PeopleIndex } from '../index/people-index';
import { Failure, type CliArgs, type Vault } from './command';
import { fsReason } from './fs-reason';
import type { SkippedFile } from './list-notes';
import { readVaultParallel } from './parallel-read';

export function settingsFrom(args: CliArgs): CoreSettings {
  return {
    ...DEFAULT_CORE_SETTINGS,
    peopleFolder: args.folder === null ? DEFAULT_CORE_SETTINGS.peopleFolder : normaliseFolder(args.folder),
    personTags: args.tags ?? [...DEFAULT_CORE_SETTINGS.personTags],
    dailyNotes: args.dailyNotes,
  };
}

function diagnosticOf(s: SkippedFile): Diagnostic {
  return { path: s.path, severity: s.severity, field: s.field, message: s.message };
}

/** Reads `args.vault` with `script` (this bundle) as the reader threads' code. */
export async function loadVault(args: CliArgs, script: URL): Promise<Vault> {
  const settings = settingsFrom(args);
  const today = args.today ?? localToday();
  let read;
  try {
    read = await readVaultParallel(args.vault, settings, script);
  } catch (e) {
    // The vault folder itself (checked to exist) cannot be listed: nothing to show.
    if (typeof (e as { code?: unknown }).code === 'string' && (e as { syscall?: unknown }).syscall !== undefined)
      throw new Failure(`cannot read the vault folder ${args.vault} (${fsReason(e)})`);
    throw e;
  }
  const index = new PeopleIndex(settings);
  index.rebuild(read.records);
  const unread = read.skipped.map(diagnosticOf).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { settings, today, index, people: index.people(), diagnostics: [...unread, ...index.diagnostics(today)] };
}
