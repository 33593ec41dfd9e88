/** Parsing `ties …`: the command table, operands, options, and one style for every usage error. */
import { describe, expect, it } from 'vitest';
import { parseCliArgs, type Parsed } from '../../src/cli/args';
import { UsageError } from '../../src/cli/command';
import { COMMANDS } from '../../src/cli/commands';
import { day } from '../builders';

/** Folders that exist in these tests: the current one and two vaults. */
const isDir = (p: string) => ['.', 'Vault', 'My Vault'].includes(p);
const parse = (...argv: string[]) => parseCliArgs(argv, COMMANDS, isDir);
const run = (...argv: string[]) => {
  const p = parse(...argv);
  if (p.kind !== 'run') throw new Error(`not a run: ${p.kind}`);
  return p;
};
const usageError = (...argv: string[]): string => {
  try {
    parse(...argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
};

describe('every usage error has one style: lower-case start, no trailing period, one line', () => {
  const cases: [string[], RegExp][] = [
    [[], /^missing command: review, check, graph, intro, import, export or help$/],
    [['frobnicate'], /^unknown command "frobnicate"$/],
    [['reveiw'], /^unknown command "reveiw"; did you mean review\?$/],
    [['review', '--bogus'], /^unknown option --bogus$/],
    [['review', '--jsno'], /^unknown option --jsno; did you mean --json\?$/],
    [['review', '-x'], /^unknown option -x$/],
    [['review', '--json=yes'], /^--json takes no value$/],
    [['review', '--today'], /^--today needs a value$/],
    [['review', '--today', '--json'], /^--today needs a value$/],
    [['review', '--today', 'tomorrow'], /^--today expects a date as YYYY-MM-DD, got "tomorrow"$/],
    [['review', '--today', '2026-02-30'], /^--today expects a date as YYYY-MM-DD, got "2026-02-30"$/],
    [['review', '--today', '9999-12-31'], /^--today expects a year from 1900 to 2200, got "9999-12-31"$/],
    [['review', '--today', '1899-12-31'], /^--today expects a year from 1900 to 2200/],
    [['review', '--today', '0000-01-01'], /^--today expects a year from 1900 to 2200/],
    [['review', '--limit', '0'], /^--limit expects a whole number of 1 or more, got "0"$/],
    [['review', '--limit', '2.5'], /^--limit expects a whole number/],
    [['review', '--limit', '1e3'], /^--limit expects a whole number/],
    [['check', '--limit', '3'], /^check does not take --limit$/],
    [['graph', '--limit', '3'], /^graph does not take --limit$/],
    [['review', 'Vault', 'extra'], /^too many arguments: Vault extra$/],
    [['review', 'no/such/vault'], /^no such vault folder: no\/such\/vault$/],
    [['intro'], /^missing TARGET for intro: the person you want to be introduced to$/],
    [['intro', 'Vault'], /^missing TARGET after the vault folder Vault: the person you want to be introduced to$/],
    [['intro', 'Kees', 'Dekker'], /^no such vault folder: Kees \(a name with spaces needs quotes: "Kees Dekker"\)$/],
    [['intro', 'Vault', 'Kees', 'Dekker'], /^too many arguments: Vault Kees Dekker \(a name with spaces needs quotes\)$/],
    [['help', 'frobnicate'], /^unknown command "frobnicate"$/],
    [['help', 'review', 'check'], /^too many arguments after help: review check$/],
  ];
  it.each(cases)('%j', (argv, message) => {
    const m = usageError(...argv);
    expect(m).toMatch(message);
    expect(m).toMatch(/^[a-z-]/);
    expect(m).not.toMatch(/\.$/);
    expect(m).not.toContain('\n');
  });
});

describe('operands and the vault', () => {
  it('takes the vault from the first word and the target from the second', () => {
    const p = run('intro', 'My Vault', 'Kees Dekker');
    expect(p.command.name).toBe('intro');
    expect(p.args).toMatchObject({ vault: 'My Vault', vaultGiven: true, operand: 'Kees Dekker' });
  });

  it('takes one word that is not a folder as the target, in the current folder', () => {
    expect(run('intro', 'Kees').args).toMatchObject({ vault: '.', vaultGiven: false, operand: 'Kees' });
  });

  it('knows whether the vault was given, for the hint that names it', () => {
    expect(run('review').args.vaultGiven).toBe(false);
    expect(run('review', '.').args.vaultGiven).toBe(true);
    expect(run('check', 'Vault').args).toMatchObject({ vault: 'Vault', vaultGiven: true, operand: null });
  });
});

describe('options', () => {
  it('reads every option, in any order', () => {
    const p = run('review', '--json', 'Vault', '--today', '2026-11-24', '--folder', '', '--tag', 'a', '--tag=b', '--limit', '5', '--no-daily-notes');
    expect(p.args).toEqual({
      vault: 'Vault', vaultGiven: true, operand: null, today: day('2026-11-24'), json: true, folder: '', tags: ['a', 'b'], limit: 5, dailyNotes: false,
      dryRun: false, vcard: false, out: null,
    });
  });

  it('accepts --today from 1900 to 2200', () => {
    expect(run('review', '--today', '1900-01-01').args.today).toBe(day('1900-01-01'));
    expect(run('review', '--today', '2200-12-31').args.today).toBe(day('2200-12-31'));
  });

  it('leaves --limit to each command when it is not given', () => {
    expect(run('intro', 'Kees').args.limit).toBeNull();
    expect(run('intro', 'Kees', '--limit', '3').args.limit).toBe(3);
  });
});

describe('help and version', () => {
  const help = (...argv: string[]) => {
    const p: Parsed = parse(...argv);
    return p.kind === 'help' ? (p.command?.name ?? 'all') : p.kind;
  };

  it('gives the whole help or one command’s', () => {
    expect(help('help')).toBe('all');
    expect(help('--help')).toBe('all');
    expect(help('-h')).toBe('all');
    expect(help('help', 'intro')).toBe('intro');
    expect(help('intro', '--help')).toBe('intro');
    expect(help('--help', 'check')).toBe('check');
    expect(help('-v')).toBe('version');
  });
});
