/** Command-line arguments: `ties COMMAND [VAULT] [TARGET] [flags]`. Usage errors throw UsageError (exit 2). */
import { parseArgs } from 'node:util';
import { parseDayString } from '../core/dates';
import type { Day } from '../core/types';

export class UsageError extends Error {}

export const COMMANDS = ['review', 'check', 'graph', 'intro', 'import', 'export'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs {
  command: Command | 'help' | 'version';
  vault: string;
  target: string | null;
  today: Day | null;
  json: boolean;
  folder: string | null;
  tags: string[] | null;
  limit: number;
  dailyNotes: boolean;
  /** import: the file to read. */
  file: string | null;
  dryRun: boolean;
  /** export: the format (vCard is the only one) and the file to write (null: standard output). */
  vcard: boolean;
  out: string | null;
}

export const USAGE = `Usage: ties <command> [VAULT] [options]

Commands:
  review [VAULT]          who needs attention today, and why
  check  [VAULT]          problems in person notes (exit 1 when there are errors)
  graph  [VAULT] --json   who knows whom: nodes, edges and metrics
  intro  [VAULT] TARGET   who can introduce you to TARGET
  import [VAULT] FILE     people from LinkedIn, Google Contacts or vCard
  export [VAULT] --vcard  every person who is not archived, as vCard 4.0

Options:
  --today YYYY-MM-DD      the day to review (default: today)
  --json                  print JSON instead of text
  --folder FOLDER         people folder (default: People; "" for none)
  --tag TAG               person tag, repeatable (default: person, people)
  --limit N               intro: at most N paths
  --no-daily-notes        do not count daily-note mentions as contacts
  --dry-run               import: show the plan, write nothing
  --out FILE              export: write to FILE (default: standard output)
  -h, --help              show this help
  -v, --version           show the version

VAULT defaults to the current folder.`;

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        today: { type: 'string' },
        json: { type: 'boolean' },
        folder: { type: 'string' },
        tag: { type: 'string', multiple: true },
        limit: { type: 'string' },
        'no-daily-notes': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        vcard: { type: 'boolean' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  const base = {
    vault: '.', target: null, today: null, json: values.json ?? false, folder: values.folder ?? null,
    tags: values.tag ?? null, limit: Infinity, dailyNotes: !values['no-daily-notes'],
    file: null, dryRun: values['dry-run'] ?? false, vcard: values.vcard ?? false, out: values.out ?? null,
  };
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command: review, check, graph, intro, import or export');
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}"`);

  let today: Day | null = null;
  if (values.today !== undefined) {
    today = /^\d{4}-\d{2}-\d{2}$/.test(values.today) ? parseDayString(values.today) : null;
    if (today === null) throw new UsageError(`--today expects a date as YYYY-MM-DD, got "${values.today}"`);
  }
  let limit = Infinity;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit expects a positive whole number, got "${values.limit}"`);
  }

  let vault = '.';
  let target: string | null = null;
  let file: string | null = null;
  if (command === 'import') {
    if (rest.length === 0) throw new UsageError('import needs a FILE: a LinkedIn Connections.csv, a Google Contacts CSV or a vCard file');
    if (rest.length > 2) throw new UsageError(`too many arguments: ${rest.join(' ')}`);
    if (rest.length === 2) [vault, file] = rest as [string, string];
    else file = rest[0]!;
  } else if (command === 'intro') {
    if (rest.length === 0) throw new UsageError('intro needs a TARGET: the person to be introduced to');
    if (rest.length > 2) throw new UsageError(`too many arguments: ${rest.join(' ')}`);
    if (rest.length === 2) [vault, target] = rest as [string, string];
    else target = rest[0]!;
  } else {
    if (rest.length > 1) throw new UsageError(`too many arguments: ${rest.join(' ')}`);
    vault = rest[0] ?? '.';
  }
  if (command === 'export' && !base.vcard) throw new UsageError('export needs --vcard (vCard 4.0 is the format it writes)');
  return { ...base, command: command as Command, vault, target, file, today, limit };
}
