/**
 * The part of the graph's model that stays the same while only the overview's open groups change: who is shown,
 * who is greyed, the colours and the legend's counts, and, in the groups overview, each group's members and the
 * ties between groups with every group closed. The session keeps the base of its last model (`ModelCache`), so
 * that opening a group handles that group's people and their ties, not every person and tie of the network
 * (model.ts). Pure.
 */
import { isDormant } from '../../core/attention';
import { pairCode, type IntroResult, type Network } from '../../core/network';
import { colourGroups, communityLeads, type ColourGroups } from './colour-groups';
import type { CoreSettings, Day } from '../../core/types';
import type { Point } from './layout';
import type { GraphOptions } from './options';
import type { OverviewInput } from './overview';
import { select, type Selection } from './selection';

export interface GraphMetrics {
  /** Louvain community by path, 0 for the largest. */
  community: ReadonlyMap<string, number>;
  /** Betweenness by path, 0..1; null until computed (it takes longer than the communities). */
  broker: ReadonlyMap<string, number> | null;
}

export interface ModelInput {
  network: Network;
  today: Day;
  settings: CoreSettings;
  options: GraphOptions;
  metrics: GraphMetrics | null;
  positions: ReadonlyMap<string, Point>;
  /** Local mode's person (the active note), or null. */
  centre?: string | null;
  /** The person searched for. */
  focus?: string | null;
  intro?: IntroResult | null;
  /** Which intro path is chosen (index into intro.paths). */
  chosenPath?: number;
  /** A person's tags without '#' (the core keeps none). */
  tagsOf?: (path: string) => readonly string[];
  /** The people a person's note links to in its body, as paths. */
  mentionsOf?: (path: string) => Iterable<string>;
  /** The background drawn on (faded colours are mixed with it); white by default. */
  background?: string;
  /** The groups overview of a large network; absent: every shown person is drawn. */
  overview?: OverviewInput | null;
}

/** People and ties handled between two yields (a few milliseconds of work). */
export const NODES_PER_STEP = 250;
export const TIES_PER_STEP = 1000;

/** What the overview's base knows about its groups, with every group closed. */
export interface OverviewBase {
  groupOf: Int32Array;
  /** Each group's shown members, in the network's order. */
  members: Map<number, number[]>;
  /** Each group's bubble (its shown members, the legend key it is coloured by), by group id. */
  bubbles: Map<number, { members: number; colourKey: string | null }>;
  /** The best-connected member of each community (its bubble's name). */
  leads: Map<number, number>;
  /** Endpoint codes run to this (see model.ts: a drawn person is its index, a closed group n + its id + 1). */
  total: number;
  /** Ties between two closed groups, by the pair code of their endpoints. */
  closedTies: Map<number, number>;
  /** The ties (index into network.ties) with a shown person of this group at one end and one at the other. */
  touching: Map<number, number[]>;
}

export interface ModelBase {
  /** What the base was made from: a model of other input needs a new one. */
  readonly of: BaseKey;
  sel: Selection;
  /** 1: archived, 2: dormant, per person. */
  greyed: Uint8Array;
  colours: ColourGroups;
  legendCount: Map<string, number>;
  /** The groups overview, when the model draws it. */
  overview: OverviewBase | null;
}

/** A slot the session keeps its last base in (modelSteps reads and refills it). */
export interface ModelCache {
  base: ModelBase | null;
}

/** A person's tags are part of the network's people: a new tag is a new network. */
interface BaseKey {
  network: unknown;
  intro: unknown;
  community: unknown;
  groups: unknown;
  /** The plain values: options, settings, day, background, centre, focus, chosen path, overview threshold. */
  values: string;
}

function keyOf(input: ModelInput): BaseKey {
  const ov = input.overview;
  return {
    network: input.network,
    intro: input.intro ?? null,
    community: input.metrics?.community ?? null,
    groups: ov?.groups ?? null,
    values: JSON.stringify([input.options, input.settings, input.today, input.background ?? null, input.centre ?? null, input.focus ?? null, input.chosenPath ?? 0, ov ? ov.from : null]),
  };
}

function sameKey(a: BaseKey, b: BaseKey): boolean {
  return a.network === b.network && a.intro === b.intro && a.community === b.community && a.groups === b.groups && a.values === b.values;
}

/** The base for `input`: the cached one when it was made from the same input, else a new one (in steps). */
export function* baseFor(input: ModelInput, cache: ModelCache | undefined): Generator<void, ModelBase, void> {
  const key = keyOf(input);
  if (cache?.base && sameKey(cache.base.of, key)) return cache.base;
  const base = yield* baseSteps(input, key);
  if (cache) cache.base = base;
  return base;
}

function* baseSteps(input: ModelInput, key: BaseKey): Generator<void, ModelBase, void> {
  const { network, today, settings, options, metrics } = input;
  const persons = network.people, n = persons.length;
  const sel = select({ ...input, pair: (i, j) => pairCode(i, j, n) });
  const { shown } = sel;
  const greyed = new Uint8Array(n);
  for (let k = 0; k < shown.length; k++) {
    if (k % (4 * NODES_PER_STEP) === 4 * NODES_PER_STEP - 1) yield;
    const i = shown[k]!;
    greyed[i] = (persons[i]!.archived ? 1 : 0) | (isDormant(persons[i]!, today, settings) ? 2 : 0);
  }
  const colours = colourGroups({ network, colourBy: options.colourBy, shown, grey: (i) => greyed[i]! > 0, community: metrics?.community ?? null, background: input.background ?? '#ffffff' });
  yield;
  const legendCount = new Map<string, number>();
  for (const i of shown) {
    const k = colours.keyOf(i);
    legendCount.set(k, (legendCount.get(k) ?? 0) + 1);
  }
  // The groups overview: for a large network, outside local mode, unless the whole graph is asked for.
  const ov = input.overview;
  const grouped = ov != null && ov.groups !== null && !options.local && !options.whole && shown.length > ov.from;
  const overview = grouped ? yield* overviewSteps(input, sel, colours, ov.groups!) : null;
  return { of: key, sel, greyed, colours, legendCount, overview };
}

function* overviewSteps(input: ModelInput, sel: Selection, colours: ColourGroups, groupOf: Int32Array): Generator<void, OverviewBase, void> {
  const { network } = input;
  const n = network.people.length;
  const { shown, isShown } = sel;
  const members = new Map<number, number[]>();
  const bubbles = new Map<number, { members: number; colourKey: string | null }>();
  let widest = 0;
  for (let k = 0; k < shown.length; k++) {
    if (k % (4 * NODES_PER_STEP) === 4 * NODES_PER_STEP - 1) yield;
    const i = shown[k]!, g = groupOf[i]!, key = colours.keyOf(i);
    widest = Math.max(widest, g);
    const b = bubbles.get(g);
    if (b) {
      b.members++;
      members.get(g)!.push(i);
      if (b.colourKey === null && key !== 'greyed') b.colourKey = key;
    } else {
      bubbles.set(g, { members: 1, colourKey: key === 'greyed' ? null : key });
      members.set(g, [i]);
    }
  }
  const leads = input.metrics ? communityLeads(network, input.metrics.community) : new Map<number, number>();
  yield;
  const total = n + widest + 2;
  const closedTies = new Map<number, number>();
  const touching = new Map<number, number[]>();
  const touch = (g: number, k: number) => {
    const list = touching.get(g);
    if (list) list.push(k);
    else touching.set(g, [k]);
  };
  const { ends, introduced } = network.ties;
  for (let k = 0; k < introduced.length; k++) {
    if (k % (4 * TIES_PER_STEP) === 4 * TIES_PER_STEP - 1) yield;
    const a = ends[2 * k]!, b = ends[2 * k + 1]!;
    if (!isShown[a] || !isShown[b]) continue;
    const ga = groupOf[a]!, gb = groupOf[b]!;
    touch(ga, k);
    if (ga === gb) continue;
    touch(gb, k);
    const code = pairCode(n + ga + 1, n + gb + 1, total);
    closedTies.set(code, (closedTies.get(code) ?? 0) + 1);
  }
  return { groupOf, members, bubbles, leads, total, closedTies, touching };
}
