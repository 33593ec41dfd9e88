/** How a link picks one of several notes with its name, as Obsidian does. */

/** A path as links compare it: without `.md`, in lower case. */
export function pathKey(path: string): string {
  return path.replace(/\.md$/i, '').toLowerCase();
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(0, slash) : '';
}

/** Same folder as the linking note first, then the shortest path, then alphabetical. */
export function pickClosest(candidates: readonly string[], fromPath: string): string {
  if (candidates.length === 1) return candidates[0]!;
  const folder = folderOf(fromPath);
  return candidates.reduce((best, c) => {
    const bs = folderOf(best) === folder, cs = folderOf(c) === folder;
    if (bs !== cs) return cs ? c : best;
    if (best.length !== c.length) return c.length < best.length ? c : best;
    return c < best ? c : best;
  });
}
