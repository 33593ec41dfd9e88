/** Reading the vault for a command: notes from disk, the index over them, and every diagnostic. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAILY_NOTES_FILE, readDailyNoteConfig, type DailyNoteConfigRead } from '../core/daily-notes';
import { localToday } from '../core/dates';
import { normaliseFolder } from '../core/detect';
import { DEFAULT_CORE_SETTINGS, type CoreSettings, type Diagnostic } from '../core/types';
import { PeopleIndex } from '../index/people-index';
import { Failure, type CliArgs, type Vault } from './command';
import { fsReason } from './fs-reason';
import type { SkippedFile } from './list-notes';
import { readVaultParallel } from './parallel-read';
import type { ReadOptions } from './read-vault';

export function settingsFrom(args: CliArgs): CoreSettings {
  return {
    ...DEFAULT_CORE_SETTINGS,
    peopleFolder: args.folder === null ? DEFAULT_CORE_SETTINGS.peopleFolder : normaliseFolder(args.folder),
    personTags: args.tags ?? [...DEFAULT_CORE_SETTINGS.personTags],
    dailyNotes: args.dailyNotes,
    tasks: args.tasks,
  };
}

/**
 * Obsidian's config folder. The command line cannot ask Obsidian whether a vault moved it elsewhere (a rare
 * setting); it reads Obsidian's default.
 */
const CONFIG_DIR = '.obsidian';

/** The vault's daily-notes folder and format, from the file the Daily notes core plugin writes. */
export function readVaultDailyNotes(vault: string): DailyNoteConfigRead {
  const shown = `${CONFIG_DIR}/${DAILY_NOTES_FILE}`;
  let text: string | null = null;
  try {
    text = readFileSync(join(vault, CONFIG_DIR, DAILY_NOTES_FILE), 'utf8');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR')
      return { config: null, diagnostics: [{ path: shown, severity: 'warning', field: 'file', message: `the Daily notes settings cannot be read (${fsReason(e)}); daily notes are recognised by their names only` }] };
  }
  return readDailyNoteConfig(text, shown);
}

function diagnosticOf(s: SkippedFile): Diagnostic {
  return { path: s.path, severity: s.severity, field: s.field, message: s.message };
}

/** Reads `args.vault` with `script` (this bundle) as the reader threads' code. */
export async function loadVault(args: CliArgs, script: URL, options: ReadOptions = {}): Promise<Vault> {
  const daily = readVaultDailyNotes(args.vault);
  const settings: CoreSettings = { ...settingsFrom(args), dailyNoteConfig: daily.config };
  const today = args.today ?? localToday();
  let read;
  try {
    read = await readVaultParallel(args.vault, settings, script, options);
  } catch (e) {
    // The vault folder itself (checked to exist) cannot be listed: nothing to show.
    if (typeof (e as { code?: unknown }).code === 'string' && (e as { syscall?: unknown }).syscall !== undefined)
      throw new Failure(`cannot read the vault folder ${args.vault} (${fsReason(e)})`);
    throw e;
  }
  const index = new PeopleIndex(settings);
  index.rebuild(read.records);
  index.setVaultDiagnostics(daily.diagnostics);
  const unread = read.skipped.map(diagnosticOf).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let diagnostics: Diagnostic[] | null = null;
  // Worked out when a command asks (checking every link costs time `ties import` does not need).
  return {
    settings, today, index, people: index.people(),
    get diagnostics() {
      return (diagnostics ??= [...unread, ...index.diagnostics(today)]);
    },
  };
}
