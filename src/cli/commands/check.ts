/** `ties check`: every problem in the vault's person notes and files; exit 1 when one is an error. */
import type { Command } from '../command';
import { formatCheck } from '../format';

export const check: Command = {
  name: 'check',
  synopsis: '[VAULT]',
  summary: 'problems in person notes (exit 1 when there are errors)',
  operand: null,
  options: {},
  details:
    'Lists each problem with the note, the field and what was expected: broken YAML, values that cannot be\n' +
    'understood, links to no note, notes and folders that cannot be read, symbolic links not followed.\n' +
    'Exits 1 when there is an error, 0 when there are only warnings or nothing.',
  async run({ args, load, print, printJson, style }) {
    const { people, diagnostics } = await load();
    if (args.json) printJson({ people: people.length, diagnostics });
    else print(formatCheck(diagnostics, people.length, style));
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  },
};
