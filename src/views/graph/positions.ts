/**
 * The graph's positions in the plugin's data (data.json), under their own key next to the settings: they are
 * not settings (mergeSettings ignores the key); PluginData keeps them when the settings are saved.
 * Rounded to one decimal and kept only for people who exist, so the file stays small. `Positions` owns them.
 */
import type { Point } from './layout';

export const POSITIONS_KEY = 'graphPositions';

/** What is stored: path → [x, y]. */
export type StoredPositions = Record<string, [number, number]>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The positions in stored plugin data (any shape); junk entries are skipped. */
export function readPositions(data: unknown): Map<string, Point> {
  const out = new Map<string, Point>();
  const stored = isRecord(data) ? data[POSITIONS_KEY] : null;
  if (!isRecord(stored)) return out;
  for (const [path, v] of Object.entries(stored)) {
    if (!Array.isArray(v) || v.length !== 2) continue;
    const [x, y] = v as unknown[];
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) out.set(path, { x, y });
  }
  return out;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Positions as stored: rounded to 0.1, only for `keep` paths, in path order. */
export function packPositions(positions: ReadonlyMap<string, Point>, keep: (path: string) => boolean = () => true): StoredPositions {
  const out: StoredPositions = {};
  for (const path of [...positions.keys()].sort()) {
    if (!keep(path)) continue;
    const p = positions.get(path)!;
    out[path] = [round(p.x), round(p.y)];
  }
  return out;
}

/** Writes positions into the plugin data; the store keeps everything else in it. */
export function savePositions(store: { saveData(data: unknown): Promise<void> }, positions: StoredPositions): Promise<void> {
  return store.saveData({ [POSITIONS_KEY]: positions });
}

const SAVE_DELAY_MS = 1000;

/**
 * The one owner of the whole graph's positions: loaded from the plugin's data once, placed for new people,
 * moved by the layout or by a drag, followed through renames, and saved (for the people who exist) a moment
 * after they change. Every view and the session read and change positions here, and nowhere else.
 */
export class Positions {
  private map: Map<string, Point> | null = null;
  private loading: Promise<void> | null = null;
  /** Stops the timer of a waiting save; null when no save waits. */
  private pending: (() => void) | null = null;
  private saving: Promise<void> = Promise.resolve();
  private keep: (path: string) => boolean = () => true;

  constructor(
    private readonly store: { loadData(): Promise<unknown>; saveData(data: unknown): Promise<void> },
    private readonly later: (fn: () => void, ms: number) => () => void,
  ) {}

  /** Reads the saved positions the first time. */
  load(): Promise<void> {
    if (this.map) return Promise.resolve();
    this.loading ??= this.store.loadData().then(
      (data) => void (this.map ??= readPositions(data)),
      () => void (this.map ??= new Map<string, Point>()),
    );
    return this.loading;
  }

  /** Every position now (empty before `load`). */
  get all(): ReadonlyMap<string, Point> {
    return (this.map ??= new Map<string, Point>());
  }

  get(path: string): Point | undefined {
    return this.map?.get(path);
  }

  /** Sets positions (the layout's, a placement's, a drag's) and saves them shortly, for the people `keep` allows. */
  set(entries: Iterable<[string, Point]>, keep?: (path: string) => boolean): void {
    const map = (this.map ??= new Map<string, Point>());
    for (const [path, p] of entries) map.set(path, p);
    if (keep) this.keep = keep;
    this.saveSoon();
  }

  /** A renamed person keeps their place. */
  rename(oldPath: string, newPath: string): void {
    const p = this.map?.get(oldPath);
    if (!p || !this.map) return;
    this.map.delete(oldPath);
    this.map.set(newPath, p);
    this.saveSoon();
  }

  /** Saves now if a save is waiting (the plugin unloads). */
  flush(): Promise<void> {
    if (this.pending === null) return this.saving;
    this.pending();
    this.pending = null;
    const map = this.map;
    if (!map) return this.saving;
    const stored = packPositions(map, this.keep);
    this.saving = this.saving
      .then(() => savePositions(this.store, stored))
      .catch((error: unknown) => console.error('Ties: could not save the graph positions', error));
    return this.saving;
  }

  private saveSoon(): void {
    this.pending?.();
    this.pending = this.later(() => void this.flush(), SAVE_DELAY_MS);
  }
}
