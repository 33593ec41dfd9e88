/**
 * "Did you mean …?": the names closest to what a user typed. A name is close when it is within a few typos of
 * the whole query (`Kes Dekker`), or when each word of the query is a word of the name, the start of one, or
 * within a typo of one (`dekker`, `kees dek`). Case, accents and extra spaces do not count. One pass over
 * the names, each compared in time proportional to its length times the few typos allowed: fine for 20,000.
 */

/** Lower case, without accents, words separated by single spaces. */
export function foldName(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[\s_]+/g, ' ').trim();
}

/** Typos allowed for a query of this length: one per four characters, at most three. */
function budgetFor(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length / 4)));
}

/** Rows of the distance table, reused between calls (names are short; they grow when one is not). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance with adjacent swaps (optimal string alignment) when it is at most `max`, else `max + 1`.
 * Only the band of width 2·max+1 around the diagonal is computed.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  const big = max + 1;
  if (rows[0]!.length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j <= max ? j : big;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max), to = Math.min(n, i + max);
    cur.fill(big, 0, n + 1);
    cur[0] = i <= max ? i : big;
    let rowMin = cur[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j - 1]! + cost, prev[j]! + 1, cur[j - 1]! + 1);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        d = Math.min(d, prev2[j - 2]! + 1);
      if (d > big) d = big;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return big;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, big);
}

/** How far `words` (the query's) are from the name's words; Infinity when a word matches none. */
function wordsScore(words: readonly string[], nameWords: readonly string[], max: number): number {
  let total = 0;
  for (const w of words) {
    let best = Infinity;
    for (const nw of nameWords) {
      if (nw === w) best = 0;
      else if (w.length >= 3 && nw.startsWith(w)) best = Math.min(best, 0.5);
      else if (w.length >= 4) {
        const d = boundedDistance(w, nw, 1);
        if (d <= 1) best = Math.min(best, d);
      }
      if (best === 0) break;
    }
    total += best;
    if (total > max) return Infinity;
  }
  return total;
}

/** A name that can be suggested, and the other spellings (aliases) that lead to it. */
export interface Suggestible {
  name: string;
  aliases?: readonly string[];
}

/** Up to `max` names closest to `query`, best first (ties by name); empty when none is close. */
export function closestNames(query: string, candidates: Iterable<Suggestible>, max = 3): string[] {
  const q = foldName(query);
  if (q === '') return [];
  const words = q.split(' ');
  const budget = budgetFor(q.length);
  const score = (spelling: string) => {
    const n = foldName(spelling);
    return n === '' ? Infinity : Math.min(boundedDistance(q, n, budget), wordsScore(words, n.split(' '), budget));
  };
  const scored = new Map<string, number>();
  for (const c of candidates) {
    let best = score(c.name);
    for (const alias of c.aliases ?? []) best = Math.min(best, score(alias));
    if (best > budget) continue;
    const old = scored.get(c.name);
    if (old === undefined || best < old) scored.set(c.name, best);
  }
  return [...scored]
    .sort(([a, sa], [b, sb]) => sa - sb || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, max)
    .map(([name]) => name);
}

/** "A", "A or B", "A, B or C": for "did you mean …?". */
export function orList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
