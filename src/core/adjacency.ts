/**
 * The undirected, simple view of a network as plain arrays (CSR): what metrics, layout and the graph's model
 * read, and what a Web Worker can receive. Pure; imports nothing.
 */

/** The undirected, simple view of a graph: node i's neighbours are `neighbours[offsets[i] .. offsets[i + 1])`. */
export interface Adjacency {
  /** Node keys (paths) in the graph's order. */
  keys: string[];
  offsets: Int32Array;
  neighbours: Int32Array;
}

/** The adjacency of `keys` and ties given as index pairs (`ends[2k]`, `ends[2k + 1]`), in any direction, repeats allowed. */
export function adjacencyOf(keys: string[], ends: ArrayLike<number>): Adjacency {
  const n = keys.length;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < ends.length; k++) start[ends[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const raw = new Int32Array(ends.length);
  for (let k = 0; k < ends.length; k += 2) {
    const a = ends[k]!, b = ends[k + 1]!;
    raw[fill[a]!++] = b;
    raw[fill[b]!++] = a;
  }

  // Drop parallel edges in place: `seen[j] === i` marks j as already a neighbour of i.
  const offsets = new Int32Array(n + 1);
  const seen = new Int32Array(n).fill(-1);
  let w = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = w;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = raw[k]!;
      if (seen[j] === i) continue;
      seen[j] = i;
      raw[w++] = j;
    }
  }
  offsets[n] = w;
  return { keys, offsets, neighbours: raw.slice(0, w) };
}
