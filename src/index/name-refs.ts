/**
 * Which notes name someone by which link text: lower-case name (no folder) → note path → the targets as
 * written under that name (usually one; `[[A/Jan]]` and `[[B/Jan]]` in one note are two). The index keeps one
 * for interaction notes and one for tasks, so that a person's contacts and follow-ups are found by their names
 * and aliases alone, without looking at any other note.
 */
import { nameKey } from '../core/links';

export class NameRefs {
  private readonly map = new Map<string, Map<string, string[]>>();

  /** Records that the note at `path` names each of `targets`. */
  add(path: string, targets: readonly string[]): void {
    for (const t of targets) {
      const key = nameKey(t);
      let notes = this.map.get(key);
      if (!notes) this.map.set(key, (notes = new Map<string, string[]>()));
      const written = notes.get(path);
      if (written === undefined) notes.set(path, [t]);
      else if (!written.includes(t)) written.push(t);
    }
  }

  /** Forgets what `add(path, targets)` recorded. */
  delete(path: string, targets: readonly string[]): void {
    for (const t of targets) {
      const key = nameKey(t);
      const notes = this.map.get(key);
      if (notes && notes.delete(path) && notes.size === 0) this.map.delete(key);
    }
  }

  /** The notes that name someone `key`, with the targets as written. */
  notes(key: string): ReadonlyMap<string, readonly string[]> | undefined {
    return this.map.get(key);
  }

  clear(): void {
    this.map.clear();
  }
}
