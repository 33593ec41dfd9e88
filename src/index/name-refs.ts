/**
 * Which notes name someone by which link text: lower-case name (no folder) → pairs of (note path, target as
 * written). The index keeps one for interaction notes and one for tasks, so that a person's contacts and
 * follow-ups are found by their names and aliases alone, without looking at any other note. Pairs sit in one
 * flat array per name: tens of thousands of names, most named by a few notes, would cost far more as Maps.
 */
import { nameKey } from '../core/links';

const NO_PAIRS: readonly string[] = Object.freeze([]);

export class NameRefs {
  private readonly map = new Map<string, string[]>();

  /** Records that the note at `path` names each of `targets` (each once). */
  add(path: string, targets: readonly string[]): void {
    for (const t of targets) {
      const key = nameKey(t);
      const pairs = this.map.get(key);
      if (pairs === undefined) this.map.set(key, [path, t]);
      else pairs.push(path, t);
    }
  }

  /** Forgets what `add(path, targets)` recorded. */
  delete(path: string, targets: readonly string[]): void {
    for (const t of targets) {
      const key = nameKey(t);
      const pairs = this.map.get(key);
      if (pairs === undefined) continue;
      for (let i = 0; i < pairs.length; i += 2) {
        if (pairs[i] !== path || pairs[i + 1] !== t) continue;
        pairs.splice(i, 2);
        break;
      }
      if (pairs.length === 0) this.map.delete(key);
    }
  }

  /** The (note path, target) pairs of the notes that name someone `key`, flat: path, target, path, target… */
  pairs(key: string): readonly string[] {
    return this.map.get(key) ?? NO_PAIRS;
  }

  clear(): void {
    this.map.clear();
  }
}
