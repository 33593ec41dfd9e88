/** `ties graph`: who knows whom, as JSON nodes and edges with the graph view's metrics. */
import { buildGraph } from '../../core/network';
import type { Command } from '../command';
import { count } from '../format';
import { graphJson } from '../json';

export const graph: Command = {
  name: 'graph',
  synopsis: '[VAULT] --json',
  summary: 'who knows whom: nodes, edges and metrics',
  operand: null,
  options: {},
  details:
    'Nodes are people, edges their knows and introduced_by links, each with the metrics the graph view shows\n' +
    '(degree, community, broker, strength). Without --json it prints only how many there are.',
  async run({ args, load, print, printJson }) {
    const { people, index, today } = await load();
    const g = buildGraph(people, (t, from) => index.resolvePerson(t, from));
    if (args.json) printJson(graphJson(g, today));
    else print(`${count(g.order)} people and ${count(g.size)} relations. Use --json for the graph itself.\n`);
    return 0;
  },
};
