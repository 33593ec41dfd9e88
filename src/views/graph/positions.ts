/**
 * The graph's positions in the plugin's data (data.json), under their own key next to the settings: they are
 * not settings (mergeSettings ignores the key); PluginData keeps them when the settings are saved.
 * Rounded to one decimal and kept only for people who exist, so the file stays small.
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
