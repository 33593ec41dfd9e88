/**
 * Which notes name someone by which link text: lower-case name (no folder) → pairs of (note path, target as
 * written). The index keeps one for interaction notes and one for tasks, so that a person's contacts and
 * follow-ups are found by their names and aliases alone, without looking at any other note. Pairs sit in one
 * flat array per name: tens of thousands of names, most named by a few notes, would cost far more as Maps.
 */
import { nameKey } from '../core/links';

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

  /** Calls `each(notePath, target)` for every note that names someone `key`. */
  forEach(key: string, each: (notePath: string, target: string) => void): void {
    const pairs = this.map.get(key);
    if (pairs === undefined) return;
    for (let i = 0; i < pairs.length; i += 2) each(pairs[i]!, pairs[i + 1]!);
  }

  clear(): void {
    this.map.clear();
  }
}
