/** `ties review`: who needs attention on a day, by section, with the vault's problems counted. */
import { rank } from '../../core/attention';
import { formatDay } from '../../core/dates';
import type { Command } from '../command';
import { formatReview, sections, shellWord } from '../format';
import { itemJson } from '../json';

export const review: Command = {
  name: 'review',
  synopsis: '[VAULT]',
  summary: 'who needs attention today, and why',
  operand: null,
  options: { limit: 'at most N people per section (default: all), and how many more there are' },
  details:
    'Lists the attention items of the day in sections: follow-ups, overdue, coming up, favours owed, dormant\n' +
    'ties. --json prints them as the format describes, with "more" counting the items --limit left out.',
  async run({ args, load, print, printJson, style }) {
    const { people, diagnostics, today, settings } = await load();
    const items = rank(people, today, settings);
    const limit = args.limit ?? Infinity;
    if (args.json) {
      const shown = [];
      const more: Record<string, number> = {};
      for (const [kind, list] of sections(items)) {
        shown.push(...list.slice(0, limit));
        if (list.length > limit) more[kind] = list.length - limit;
      }
      printJson({ today: formatDay(today), people: people.length, items: shown.map(itemJson), more, diagnostics });
    } else {
      const checkCommand = args.vaultGiven ? `ties check ${shellWord(args.vault)}` : 'ties check';
      print(formatReview(items, { people: people.length, today, diagnostics, limit, checkCommand }, style));
    }
    return 0;
  },
};
