/** `ties intro`: who can introduce you to a person, as paths through the people you know. */
import { buildGraph, introPaths } from '../../core/network';
import { closestNames, orList } from '../../core/suggest';
import { UsageError, type Command } from '../command';
import { formatIntro } from '../format';

/** Paths shown when --limit is not given, in text and JSON alike. */
export const DEFAULT_INTRO_LIMIT = 10;

export const intro: Command = {
  name: 'intro',
  synopsis: '[VAULT] TARGET',
  summary: 'who can introduce you to TARGET',
  operand: { name: 'TARGET', what: 'the person you want to be introduced to' },
  options: { limit: `at most N paths (default: ${DEFAULT_INTRO_LIMIT}), and how many more there are` },
  details:
    'TARGET is a name, an alias or a path. Each path starts at someone you are in touch with and follows\n' +
    'knows and introduced_by links to TARGET; shortest first. --json adds "more", the paths --limit left out.',
  async run({ args, load, print, printJson, style }) {
    const { index, people, today, settings } = await load();
    const query = args.operand!;
    const target = index.findPerson(query);
    if (target === null) {
      const close = closestNames(query, people);
      const hint = close.length > 0 ? `; did you mean ${orList(close)}?` : '';
      throw new UsageError(`no person named "${query}" in ${args.vault}${hint}`);
    }
    const g = buildGraph(people, (t, from) => index.resolvePerson(t, from));
    const result = introPaths(g, target, today, settings, args.limit ?? DEFAULT_INTRO_LIMIT);
    if (args.json) {
      const { total, ...shown } = result;
      printJson({ ...shown, more: total - result.paths.length });
    } else {
      const personAt = (p: string) => g.getNodeAttributes(p).person;
      print(formatIntro({ ...result, target: index.person(target)!, personAt, today }, style));
    }
    return 0;
  },
};
