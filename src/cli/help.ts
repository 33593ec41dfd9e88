/** `ties --help` and `ties help COMMAND`, made from the command table and the option table. */
import { OPTIONS } from './args';
import type { Command } from './command';

const COMMON = ['today', 'json', 'folder', 'tag', 'no-daily-notes'];

function flag(name: string): string {
  const o = OPTIONS[name]!;
  return `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
}

const line = (left: string, help: string) => `  ${left.padEnd(22)}  ${help}`;
const optionLine = (name: string, help: string) => line(flag(name), help);

function table(rows: [string, string][]): string[] {
  const w = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(w)}  ${b}`);
}

export function usage(commands: readonly Command[]): string {
  const extras = new Map<string, string[]>();
  for (const c of commands) for (const [o, help] of Object.entries(c.options)) extras.set(o, [...(extras.get(o) ?? []), `${c.name}: ${help}`]);
  return [
    'Usage: ties <command> [VAULT] [options]',
    '',
    'Commands:',
    ...table([...commands.map((c): [string, string] => [`${c.name.padEnd(6)} ${c.synopsis}`, c.summary]), ['help   [COMMAND]', 'this help, or more about one command']]),
    '',
    'Options:',
    ...COMMON.map((o) => optionLine(o, OPTIONS[o]!.help)),
    ...[...extras].flatMap(([o, lines]) => lines.map((l, i) => line(i === 0 ? flag(o) : '', l))),
    optionLine('help', OPTIONS.help!.help),
    optionLine('version', OPTIONS.version!.help),
    '',
    'VAULT defaults to the current folder. Exit codes: 0 done, 1 check found errors, 2 a usage error,',
    '3 any other failure (one line on stderr). Run `ties help COMMAND` for more about one command.',
  ].join('\n');
}

export function commandHelp(c: Command): string {
  return [
    `Usage: ties ${c.name} ${c.synopsis} [options]`,
    '',
    c.summary[0]!.toUpperCase() + c.summary.slice(1) + '.',
    c.details,
    '',
    'Options:',
    ...Object.entries(c.options).map(([o, help]) => optionLine(o, help)),
    ...COMMON.map((o) => optionLine(o, OPTIONS[o]!.help)),
    '',
    'VAULT defaults to the current folder. See `ties --help` for every command.',
  ].join('\n');
}
