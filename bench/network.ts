/**
 * Network-metric figures: brokers (sampled and exact betweenness) and Louvain communities at thousands of
 * people. Prints figures; asserts nothing.
 *
 *     node --import tsx -e "import('./bench/network.ts').then((m) => m.networkFigures())"
 *
 * Two graphs: `clusteredGraph` (groups joined by a few connectors, degrees heavy-tailed, as people networks
 * are) and the people of a vault from `generateVault` (knows links 80% within the organisation, 20% to anyone,
 * so it is barely clustered and its top brokers are nearly tied: the hard case for sampling).
 */
import Graph from 'graphology';
import { parseDayString } from '../src/core/dates';
import type { Adjacency } from '../src/core/adjacency';
import { adjacency, brokerSteps, communityIds, type BetweennessOptions } from '../src/core/metrics';
import { buildGraph, type PeopleGraph } from '../src/core/network';
import { DEFAULT_CORE_SETTINGS, type Person } from '../src/core/types';
import { recordFromText } from '../src/cli/read-vault';
import { PeopleIndex } from '../src/index/people-index';
import { generateVault } from './generate';
import { line, median, ms, time } from './measure';
import { seededRandom as random } from '../src/core/random';
import { runToEnd } from '../src/core/steps';

const TODAY = '2026-11-24';
const today = parseDayString(TODAY)!;

function blankPerson(path: string, name: string, lastContact: number | null): Person {
  return {
    path, name, aliases: [], lastContact, cadence: null, cadenceFromCircle: false, circle: null, interests: [], favours: [],
    followUps: [], birthday: null, knows: [], introducedBy: null, organisation: null, organisationIsLink: false,
    department: null, role: null, influence: [], channel: null, email: null, phone: null, snoozeUntil: null, met: null, linkedin: null,
    archived: false, tags: [], bodyLinks: [], log: [], mentions: [], diagnostics: [],
  };
}

/**
 * A people graph of `people` people and about `edges` knows edges: groups of 5–150 people, 92% of edges inside a
 * group, the rest between groups. Each person has a Pareto weight (heavy-tailed degrees); edge ends are drawn
 * by weight, and ends of edges between groups by weight cubed, so a few well-connected people do the bridging.
 */
export function clusteredGraph(people: number, edges: number, seed = 1): PeopleGraph {
  const rand = random(seed);
  const graph: PeopleGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  const group: number[] = [];
  const groupStart: number[] = [];
  while (group.length < people) {
    const g = groupStart.length;
    groupStart.push(group.length);
    const size = Math.min(people - group.length, 5 + Math.floor(rand() * rand() * 146));
    for (let i = 0; i < size; i++) group.push(g);
  }
  groupStart.push(people);
  const weight = Array.from({ length: people }, () => (1 - rand()) ** -0.6);
  const path = (i: number) => `People/P${i}.md`;
  for (let i = 0; i < people; i++) {
    const last = rand() < 0.7 ? today - Math.floor(rand() * 900) : null;
    graph.addNode(path(i), { name: `P${i}`, person: blankPerson(path(i), `P${i}`, last) });
  }

  // Cumulative weights, over everyone and per group, to draw ends by weight with a binary search.
  const cumulative = (w: (i: number) => number) => {
    const c = new Float64Array(people + 1);
    for (let i = 0; i < people; i++) c[i + 1] = c[i]! + w(i);
    return c;
  };
  const within = cumulative((i) => weight[i]!);
  const across = cumulative((i) => weight[i]! ** 3);
  const draw = (c: Float64Array, lo: number, hi: number) => {
    const x = c[lo]! + rand() * (c[hi]! - c[lo]!);
    let a = lo, b = hi - 1;
    while (a < b) {
      const m = (a + b) >> 1;
      if (c[m + 1]! <= x) a = m + 1;
      else b = m;
    }
    return a;
  };

  for (let tries = 0; graph.size < edges && tries < edges * 4; tries++) {
    let a: number, b: number;
    if (rand() < 0.92) {
      a = Math.floor(rand() * people);
      const g = group[a]!;
      b = draw(within, groupStart[g]!, groupStart[g + 1]!);
    } else {
      a = draw(across, 0, people);
      b = draw(across, 0, people);
    }
    if (a !== b && !graph.hasUndirectedEdge(path(a), path(b))) graph.addUndirectedEdge(path(a), path(b), { kind: 'knows' });
  }
  return graph;
}

/** The people graph of a synthetic vault (bench/generate.ts), read the way the command line reads it. */
function vaultGraph(people: number): PeopleGraph {
  const settings = { ...DEFAULT_CORE_SETTINGS };
  const files = generateVault({ people, notes: people, seed: 7, today: TODAY });
  const index = new PeopleIndex(settings);
  index.rebuild([...files].filter(([path]) => path.endsWith('.md')).map(([path, text]) => recordFromText(path, text, settings)));
  return buildGraph(index.people(), (t, from) => index.resolvePerson(t, from));
}

function brokers(adj: Adjacency, opts: BetweennessOptions): Float64Array {
  return runToEnd(brokerSteps(adj, opts));
}

function top10(score: Float64Array): Set<number> {
  return new Set([...score.keys()].sort((a, b) => score[b]! - score[a]! || a - b).slice(0, 10));
}

function brokerFigures(name: string, graph: PeopleGraph): void {
  console.log(`\nBrokers, ${graph.order} people / ${graph.size} edges, ${name}`);
  const adj = adjacency(graph);
  let sampled: Float64Array = new Float64Array(0);
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(time(() => (sampled = brokers(adj, {}))));
  line('  sampled, 1000 pivots (median of 3)', ms(median(runs)), '≤ 1000 ms');
  let exact: Float64Array = new Float64Array(0);
  line('  exact', ms(time(() => (exact = brokers(adj, { exactUpTo: Infinity })))), '');
  const want = top10(exact);
  const overlap = (score: Float64Array) => [...top10(score)].filter((i) => want.has(i)).length;
  const seeds = [overlap(sampled), ...[2, 3, 4, 5].map((seed) => overlap(brokers(adj, { seed })))];
  line('  of the exact top 10 in the sampled (seeds 1–5)', seeds.join(' '), '≥ 8');
}

export function networkFigures(): void {
  console.log('\nCommunities (Louvain on the undirected view, clustered graphs)');
  for (const [people, edges] of [[2_000, 10_000], [5_000, 25_000]] as const) {
    const adj = adjacency(clusteredGraph(people, edges, 7));
    communityIds(adj);
    const runs: number[] = [];
    let count = 0;
    for (let i = 0; i < 5; i++) runs.push(time(() => (count = Math.max(...communityIds(adj)) + 1)));
    line(`  ${people} people, ${count} communities (median of 5)`, ms(median(runs)), '');
  }
  brokerFigures('clustered', clusteredGraph(5_000, 25_000, 7));
  brokerFigures('a generated vault (barely clustered)', vaultGraph(5_000));
}
