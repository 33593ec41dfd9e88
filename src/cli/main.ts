/** The `ties` command: parse, run one command from the table, and turn every outcome into an exit code. */
import { parseCliArgs } from './args';
import { COMMANDS } from './commands';
import { Failure, UsageError, type RunContext } from './command';
import { jsonText, safe } from './escape';
import { COLOUR, PLAIN } from './format';
import { commandHelp, usage } from './help';
import { errorLine, failAndExit, guardOutput, print } from './output';
import { runReadWorkerIfAsked } from './parallel-read';
import { loadVault } from './vault';

declare const TIES_VERSION: string | undefined;

async function run(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv, COMMANDS);
  if (parsed.kind === 'help') return print((parsed.command ? commandHelp(parsed.command) : usage(COMMANDS)) + '\n'), 0;
  if (parsed.kind === 'version') return print(`${typeof TIES_VERSION === 'string' ? TIES_VERSION : 'dev'}\n`), 0;
  const { command, args } = parsed;
  const context: RunContext = {
    args,
    style: process.stdout.isTTY && !process.env.NO_COLOR ? COLOUR : PLAIN,
    load: (options) => loadVault(args, new URL(import.meta.url), options),
    print,
    printJson: (value) => print(jsonText(value) + '\n'),
  };
  return command.run(context);
}

function main(): Promise<void> {
  guardOutput();
  return run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) {
        process.stderr.write(`ties: ${safe(e.message)} (see ties --help)\n`);
        process.exitCode = 2;
      } else failAndExit(e instanceof Failure ? e.message : errorLine(e));
    },
  );
}

// The same bundle runs as the reader threads of a large vault.
if (!runReadWorkerIfAsked()) void main();
