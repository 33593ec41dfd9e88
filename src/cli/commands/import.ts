/** `ties import`: people from a LinkedIn, Google Contacts or vCard file, planned and then written. */
import type { Command } from '../command';
import { runImport } from '../import-command';

export const importPeople: Command = {
  name: 'import',
  synopsis: '[VAULT] FILE',
  summary: 'people from LinkedIn, Google Contacts or vCard',
  operand: { name: 'FILE', what: 'a LinkedIn Connections.csv, a Google Contacts CSV or a vCard file' },
  options: { 'dry-run': 'show the plan, write nothing' },
  details:
    'The format is recognised from the content. Each row matches a person by LinkedIn URL, e-mail, then name\n' +
    'or alias; a match only fills empty fields, a different value is a conflict and is never written. New\n' +
    'people go into the people folder. last_contact, cadence and circle are never imported.',
  async run({ args, load, print, style }) {
    // Matching and filling read only frontmatter: the people-only read skips bodies, meetings and tasks.
    const { people, index, settings } = await load({ peopleOnly: true });
    return runImport({
      vault: args.vault, file: args.operand!, dryRun: args.dryRun, json: args.json, people, notePaths: index.paths(),
      settings, style, out: print, err: (t) => process.stderr.write(t),
    });
  },
};
