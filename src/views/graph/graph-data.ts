/**
 * What the graph keeps for as long as the plugin runs, whether a graph view is open or not: the network of the
 * index's current revision, the metrics of the network's structure (so reopening the view, or a change that
 * alters no tie, computes nothing), the groups overview's layout of that structure, and the positions (the one
 * owner, positions.ts).
 */
import { networkSteps, type Network } from '../../core/network';
import { runToEnd } from '../../core/steps';
import type { PeopleIndex } from '../../index/people-index';
import type { Point } from './layout';
import type { GraphMetrics } from './model';
import { Positions } from './positions';
import { windowScheduler, type Scheduler } from './schedule';

export interface DataStore {
  loadData(): Promise<unknown>;
  saveData(data: unknown): Promise<void>;
}

/** The groups overview's places, for one network structure: group centres, and open groups' members around them. */
export interface GroupLayout {
  key: string;
  centres: Map<number, Point>;
  offsets: Map<string, Point>;
  /** Groups whose members have been placed (laid out, or placed and waiting for their layout). */
  placed: Set<number>;
}

export class GraphData {
  readonly positions: Positions;
  private cachedNetwork: { revision: number; network: Network } | null = null;
  private communities: { key: string; value: ReadonlyMap<string, number> } | null = null;
  private brokers: { key: string; value: ReadonlyMap<string, number> } | null = null;
  private layout: GroupLayout | null = null;

  constructor(
    private readonly index: PeopleIndex,
    store: DataStore,
    scheduler: Scheduler = windowScheduler,
  ) {
    this.positions = new Positions(store, (fn, ms) => scheduler.later(fn, ms));
  }

  /** The network of the index as it is now; built at most once per index revision. */
  network(): Network {
    return runToEnd(this.networkSteps());
  }

  /** The network built last, if it is of the index's current revision. */
  currentNetwork(): Network | null {
    return this.cachedNetwork?.revision === this.index.revision ? this.cachedNetwork.network : null;
  }

  /**
   * The same in steps (nothing to do when it is built already). A network whose index changed while it was being
   * built is not kept: `network()` builds the current one.
   */
  *networkSteps(): Generator<void, Network, void> {
    const revision = this.index.revision;
    if (this.cachedNetwork?.revision === revision) return this.cachedNetwork.network;
    const previous = this.cachedNetwork?.network;
    let network = yield* networkSteps(this.index.people(), (t, from) => this.index.resolvePerson(t, from));
    if (this.index.revision !== revision) return this.network();
    // Same structure: keep the old object, so that what hangs off it stays valid.
    if (previous && previous.key === network.key && sameRecords(previous, network)) network = previous;
    this.cachedNetwork = { revision, network };
    return network;
  }

  /** The metrics known for a network structure: null before its communities are in; brokers may follow later. */
  metrics(key: string): GraphMetrics | null {
    if (this.communities?.key !== key) return null;
    return { community: this.communities.value, broker: this.brokers?.key === key ? this.brokers.value : null };
  }

  setCommunities(key: string, community: ReadonlyMap<string, number>): void {
    this.communities = { key, value: community };
  }

  setBrokers(key: string, broker: ReadonlyMap<string, number>): void {
    this.brokers = { key, value: broker };
  }

  /** The groups overview's layout of this structure (a new, empty one for a new structure). */
  groupLayout(key: string): GroupLayout {
    if (this.layout?.key !== key) this.layout = { key, centres: new Map(), offsets: new Map(), placed: new Set() };
    return this.layout;
  }

  /** Saves waiting positions now (the plugin unloads). */
  flushPending(): Promise<void> {
    return this.positions.flush();
  }
}

/** Same people objects: the structure key covers ties, not what a person's note says. */
function sameRecords(a: Network, b: Network): boolean {
  return a.people.length === b.people.length && a.people.every((p, i) => p === b.people[i]);
}
