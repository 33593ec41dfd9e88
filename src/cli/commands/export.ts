/** `ties export --vcard`: every person who is not archived, as vCard 4.0. */
import { UsageError, type Command } from '../command';
import { runExport } from '../export-command';

export const exportPeople: Command = {
  name: 'export',
  synopsis: '[VAULT] --vcard',
  summary: 'every person who is not archived, as vCard 4.0',
  operand: null,
  options: { vcard: 'write vCard 4.0 (the only format, and required)', out: 'write to FILE (default: standard output)' },
  details: 'Each card carries FN, N, ORG with the department, TITLE, EMAIL, TEL, BDAY, URL (linkedin), CATEGORIES\n(tags) and NOTE (interests).',
  async run({ args, load, print }) {
    if (!args.vcard) throw new UsageError('export needs --vcard (vCard 4.0 is the format it writes)');
    const { people } = await load();
    return runExport({ people, outFile: args.out, out: print, err: (t) => process.stderr.write(t) });
  },
};
