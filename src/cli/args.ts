/**
 * Command-line arguments: `ties COMMAND [VAULT] [OPERAND] [options]`, `ties help [COMMAND]`. Every mistake is
 * a UsageError in one style: what is wrong, lower-case, no trailing period (main adds "see ties --help").
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dayFromParts } from '../core/dates';
import { closestNames, orList } from '../core/suggest';
import type { Day } from '../core/types';
import { UsageError, type CliArgs, type Command, type ExtraOption } from './command';

interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** The value's placeholder in the help. */
  value?: string;
  /** The help line; for an extra option, each command says it. */
  help: string;
}

/** Every option. The common ones apply to every command; the extra ones only where a command lists them. */
export const OPTIONS: Record<string, OptionSpec> = {
  today: { type: 'string', value: 'YYYY-MM-DD', help: 'the day to look at (default: today)' },
  json: { type: 'boolean', help: 'print JSON instead of text' },
  folder: { type: 'string', value: 'FOLDER', help: 'people folder (default: People; "" for none)' },
  tag: { type: 'string', multiple: true, value: 'TAG', help: 'person tag, repeatable (default: person, people)' },
  'no-daily-notes': { type: 'boolean', help: 'do not count daily-note mentions as contacts' },
  limit: { type: 'string', value: 'N', help: '' },
  'dry-run': { type: 'boolean', help: '' },
  vcard: { type: 'boolean', help: '' },
  out: { type: 'string', value: 'FILE', help: '' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  version: { type: 'boolean', short: 'v', help: 'show the version' },
};

const EXTRA: readonly string[] = ['limit', 'dry-run', 'vcard', 'out'] satisfies ExtraOption[];

/** Earliest and latest year Ties reads (format v1.1). */
const FIRST_YEAR = 1900, LAST_YEAR = 2200;

export type Parsed =
  | { kind: 'help'; command: Command | null }
  | { kind: 'version' }
  | { kind: 'run'; command: Command; args: CliArgs };

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function didYouMean(word: string, known: readonly string[]): string {
  const close = closestNames(word, known.map((name) => ({ name })));
  return close.length > 0 ? `; did you mean ${orList(close)}?` : '';
}

function findCommand(name: string, commands: readonly Command[]): Command {
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  throw new UsageError(`unknown command "${name}"${didYouMean(name, [...commands.map((c) => c.name), 'help'])}`);
}

interface Given {
  values: Map<string, string | boolean | string[]>;
  /** How each option was written (`--limit`, `-h`), for messages. */
  written: Map<string, string>;
  positionals: string[];
}

/** The options and positionals, each option checked against OPTIONS. */
function scan(argv: string[]): Given {
  const options = Object.fromEntries(
    Object.entries(OPTIONS).map(([k, o]) => [k, { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) }]),
  );
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const given: Given = { values: new Map(), written: new Map(), positionals: [] };
  for (const t of tokens) {
    if (t.kind === 'positional') given.positionals.push(t.value);
    if (t.kind !== 'option') continue;
    const spec = OPTIONS[t.name];
    if (spec === undefined) {
      const long = Object.keys(OPTIONS).map((k) => `--${k}`);
      throw new UsageError(`unknown option ${t.rawName}${t.rawName.startsWith('--') ? didYouMean(t.rawName, long) : ''}`);
    }
    given.written.set(t.name, t.rawName);
    if (spec.type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(`${t.rawName} takes no value`);
      given.values.set(t.name, true);
      continue;
    }
    // `--today --json`: the next word is an option, not the value.
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-') && t.value.length > 1))
      throw new UsageError(`${t.rawName} needs a value`);
    const old = given.values.get(t.name);
    given.values.set(t.name, spec.multiple ? [...(Array.isArray(old) ? old : []), t.value] : t.value);
  }
  return given;
}

function parseToday(value: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const year = m ? Number(m[1]) : NaN;
  if (m !== null && (year < FIRST_YEAR || year > LAST_YEAR))
    throw new UsageError(`--today expects a year from ${FIRST_YEAR} to ${LAST_YEAR}, got "${value}"`);
  const day = m ? dayFromParts(year, Number(m[2]), Number(m[3])) : null;
  if (day === null) throw new UsageError(`--today expects a date as YYYY-MM-DD, got "${value}"`);
  return day;
}

function parseLimit(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--limit expects a whole number of 1 or more, got "${value}"`);
  return n;
}

/** Parses `argv` (without `node ties`). `isDir` tells a vault folder from an operand. */
export function parseCliArgs(argv: string[], commands: readonly Command[], isDir: (path: string) => boolean = isDirectory): Parsed {
  const { values, written, positionals } = scan(argv);
  const [name, ...rest] = positionals;

  if (name === 'help') {
    if (rest.length > 1) throw new UsageError(`too many arguments after help: ${rest.join(' ')}`);
    return { kind: 'help', command: rest[0] === undefined ? null : findCommand(rest[0], commands) };
  }
  if (values.get('help')) return { kind: 'help', command: name === undefined ? null : findCommand(name, commands) };
  if (values.get('version')) return { kind: 'version' };
  if (name === undefined) throw new UsageError(`missing command: ${orList([...commands.map((c) => c.name), 'help'])}`);
  const command = findCommand(name, commands);

  for (const [option, raw] of written)
    if (EXTRA.includes(option) && !(option in command.options)) throw new UsageError(`${command.name} does not take ${raw}`);

  let vault = '.';
  let operand: string | null = null;
  const operandSpec = command.operand;
  if (operandSpec === null) {
    if (rest.length > 1) throw new UsageError(`too many arguments: ${rest.join(' ')}`);
    if (rest.length === 1) vault = rest[0]!;
  } else {
    const missing = (after: string) => `missing ${operandSpec.name} ${after}: ${operandSpec.what}`;
    if (rest.length === 0) throw new UsageError(missing(`for ${command.name}`));
    if (rest.length > 2) throw new UsageError(`too many arguments: ${rest.join(' ')} (a name with spaces needs quotes)`);
    if (rest.length === 2) [vault, operand] = rest as [string, string];
    // One word that is a folder is the vault: `ties intro MyVault` has no target yet.
    else if (isDir(rest[0]!)) throw new UsageError(missing(`after the vault folder ${rest[0]}`));
    else operand = rest[0]!;
  }
  if (!isDir(vault)) {
    const split = operand !== null && rest.length === 2 && !/[/\\]/.test(vault);
    const hint = split ? ` (a name with spaces needs quotes: "${rest.join(' ')}")` : '';
    throw new UsageError(`no such vault folder: ${vault}${hint}`);
  }

  const str = (key: string) => values.get(key) as string | undefined;
  const today = str('today');
  const limit = str('limit');
  return {
    kind: 'run',
    command,
    args: {
      vault,
      vaultGiven: rest.length > (operandSpec ? 1 : 0),
      operand,
      today: today === undefined ? null : parseToday(today),
      json: values.get('json') === true,
      folder: str('folder') ?? null,
      tags: (values.get('tag') as string[] | undefined) ?? null,
      limit: limit === undefined ? null : parseLimit(limit),
      dailyNotes: values.get('no-daily-notes') !== true,
      dryRun: values.get('dry-run') === true,
      vcard: values.get('vcard') === true,
      out: str('out') ?? null,
    },
  };
}
