/**
 * What the graph keeps for as long as the plugin runs, whether a graph view is open or not: the network of the
 * index's current revision, the metrics of the network's structure (so reopening the view, or a change that
 * alters no tie, computes nothing), and the positions (loaded from the plugin's data once, saved after layouts).
 */
import type { PeopleIndex } from '../../index/people-index';
import type { Point } from './layout';
import { networkSteps, type Network } from '../../core/network';
import type { GraphMetrics } from './model';
import { packPositions, readPositions, savePositions } from './positions';
import { runToEnd } from '../../core/steps';

export interface DataStore {
  loadData(): Promise<unknown>;
  saveData(data: unknown): Promise<void>;
}

const SAVE_DELAY_MS = 1000;

export class GraphData {
  private cachedNetwork: { revision: number; network: Network } | null = null;
  private cachedMetrics: { key: string; metrics: GraphMetrics } | null = null;
  private loadedPositions: Map<string, Point> | null = null;
  private loading: Promise<Map<string, Point>> | null = null;
  private saveTimer: number | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly index: PeopleIndex,
    private readonly store: DataStore,
  ) {}

  /** The network of the index as it is now; built at most once per index revision. */
  network(): Network {
    return runToEnd(this.networkSteps());
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

  metrics(key: string): GraphMetrics | null {
    return this.cachedMetrics?.key === key ? this.cachedMetrics.metrics : null;
  }

  setMetrics(key: string, metrics: GraphMetrics): void {
    this.cachedMetrics = { key, metrics };
  }

  /** The saved positions, read from the plugin's data the first time. */
  positions(): Promise<Map<string, Point>> {
    if (this.loadedPositions) return Promise.resolve(this.loadedPositions);
    this.loading ??= this.store.loadData().then(
      (data) => (this.loadedPositions ??= readPositions(data)),
      () => (this.loadedPositions ??= new Map<string, Point>()),
    );
    return this.loading;
  }

  /** Takes these positions and saves them (for the people who exist) a moment later. */
  updatePositions(positions: ReadonlyMap<string, Point>, exists: (path: string) => boolean): void {
    const map = (this.loadedPositions ??= new Map<string, Point>());
    for (const [path, p] of positions) map.set(path, p);
    for (const path of [...map.keys()]) if (!exists(path)) map.delete(path);
    if (this.saveTimer !== null) window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => {
      this.saveTimer = null;
      void this.flush();
    }, SAVE_DELAY_MS);
  }

  /** Saves pending positions now (the plugin unloads). */
  flush(): Promise<void> {
    if (this.saveTimer !== null) window.clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const map = this.loadedPositions;
    if (!map) return this.saving;
    this.saving = this.saving
      .then(() => savePositions(this.store, packPositions(map)))
      .catch((error: unknown) => console.error('Ties: could not save the graph positions', error));
    return this.saving;
  }

  /** Saves now if a save is waiting (the plugin unloads). */
  flushPending(): Promise<void> {
    return this.saveTimer === null ? this.saving : this.flush();
  }
}

/** Same people objects: the structure key covers ties, not what a person's note says. */
function sameRecords(a: Network, b: Network): boolean {
  return a.people.length === b.people.length && a.people.every((p, i) => p === b.people[i]);
}
