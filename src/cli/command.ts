/**
 * What a `ties` command is: its line in the help, the operand and options it takes, and `run`. Each command
 * is one small file in `commands/`; the table in `commands/index.ts` lists them, and parsing and help are made
 * from it. Adding a command is a new file and one line in that table.
 */
import type { CoreSettings, Day, Diagnostic, Person } from '../core/types';
import type { PeopleIndex } from '../index/people-index';
import type { Style } from './format';
import type { ReadOptions } from './read-vault';

/** A usage error: one line on stderr, exit 2. Lower-case start, no trailing period. */
export class UsageError extends Error {}

/** Any other failure the command line explains itself: one line on stderr, exit 3. */
export class Failure extends Error {}

/** The options every command knows are in args.ts; a command may take these besides the common ones. */
export type ExtraOption = 'limit' | 'dry-run' | 'vcard' | 'out';

export interface CliArgs {
  /** The vault folder as the user gave it ('.' when not given). */
  vault: string;
  vaultGiven: boolean;
  /** The command's operand (intro's TARGET), or null. */
  operand: string | null;
  today: Day | null;
  json: boolean;
  folder: string | null;
  tags: string[] | null;
  /** `--limit N`, or null when not given (each command has its own default). */
  limit: number | null;
  dailyNotes: boolean;
  /** Open tasks are follow-ups (`--no-tasks` turns them off). */
  tasks: boolean;
  /** import: show the plan, write nothing. */
  dryRun: boolean;
  /** export: the format asked for (vCard 4.0 is the only one). */
  vcard: boolean;
  /** export: the file to write, or null for standard output. */
  out: string | null;
}

/** The vault as read and indexed, with every diagnostic (unreadable files first). */
export interface Vault {
  /** The settings the vault was read with, the vault's daily-notes config included. */
  settings: CoreSettings;
  today: Day;
  index: PeopleIndex;
  people: readonly Person[];
  readonly diagnostics: Diagnostic[];
}

export interface RunContext {
  args: CliArgs;
  /** Colour on a terminal, plain otherwise. */
  style: Style;
  /** Reads and indexes the vault (`peopleOnly`: only who is a person and their frontmatter). */
  load: (options?: ReadOptions) => Promise<Vault>;
  /** Writes to stdout (a closed pipe just ends the output). */
  print: (text: string) => void;
  /** JSON text of a value, with every control character escaped. */
  printJson: (value: unknown) => void;
}

export interface Command {
  name: string;
  /** What follows `ties NAME` in the help: `[VAULT] TARGET`. */
  synopsis: string;
  /** One line for `ties --help`. */
  summary: string;
  /** The operand after VAULT, when there is one: its name and what it is, for "missing TARGET: …". */
  operand: { name: string; what: string } | null;
  /** Options taken besides the common ones, with what they mean for this command. */
  options: Partial<Record<ExtraOption, string>>;
  /** Paragraphs for `ties help NAME`. */
  details: string;
  /** Runs the command; resolves to the exit code. */
  run(ctx: RunContext): Promise<number>;
}
