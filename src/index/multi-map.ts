/**
 * Key → values, where nearly every key has exactly one value (a note's name, a person's alias). A lone
 * value is stored as itself and only a shared key gets an array: at 50,000 notes, 50,000 small Sets
 * would cost more time and memory than the index's real work.
 */
export class MultiMap<V> {
  private readonly map = new Map<string, V | V[]>();

  add(key: string, value: V): void {
    const cur = this.map.get(key);
    if (cur === undefined) this.map.set(key, value);
    else if (Array.isArray(cur)) {
      if (!cur.includes(value)) cur.push(value);
    } else if (cur !== value) this.map.set(key, [cur, value]);
  }

  delete(key: string, value: V): void {
    const cur = this.map.get(key);
    if (cur === undefined) return;
    if (!Array.isArray(cur)) {
      if (cur === value) this.map.delete(key);
      return;
    }
    const rest = cur.filter((v) => v !== value);
    this.map.set(key, rest.length === 1 ? rest[0]! : rest);
  }

  /** The values of `key`; an empty list when none. */
  get(key: string): readonly V[] {
    const cur = this.map.get(key);
    return cur === undefined ? [] : Array.isArray(cur) ? cur : [cur];
  }

  clear(): void {
    this.map.clear();
  }
}
