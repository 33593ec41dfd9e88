/** Link text as written in frontmatter or the body, reduced to the note it points at. */

/**
 * `[[People/Jan|Jan]]` → `People/Jan`; `[[Jan#Work]]` → `Jan`; `[Jan](People/Jan.md)` → `People/Jan`;
 * a plain `Jan` → `Jan`. YAML reads an unquoted `[[Jan]]` as a nested list; that counts too.
 * Returns null for something that is not a link or name.
 */
export function linkTarget(value: unknown): string | null {
  if (Array.isArray(value)) return value.length === 1 ? linkTarget(Array.isArray(value[0]) ? value[0] : value[0]) : null;
  if (typeof value !== 'string') return null;
  let s = value.trim();
  const wiki = /^!?\[\[([^\]]*)\]\]$/.exec(s);
  if (wiki) s = wiki[1]!;
  else {
    const md = /^\[[^\]]*\]\(([^)]*)\)$/.exec(s);
    if (md) s = decodeLinkPath(md[1]!);
  }
  return cleanTarget(s);
}

function decodeLinkPath(s: string): string {
  try {
    return decodeURIComponent(s.replace(/^<|>$/g, ''));
  } catch {
    return s;
  }
}

/** Drops `|alias`, `#heading`, `^block` and a `.md` ending. */
export function cleanTarget(raw: string): string | null {
  let s = raw;
  const bar = s.indexOf('|');
  if (bar >= 0) s = s.slice(0, bar);
  const hash = s.indexOf('#');
  if (hash >= 0) s = s.slice(0, hash);
  s = s.trim().replace(/\\/g, '/').replace(/^\.?\//, '');
  if (s.toLowerCase().endsWith('.md')) s = s.slice(0, -3);
  return s.length > 0 ? s : null;
}

/** The key under which a link target is looked up: lower case, no folder. */
export function nameKey(target: string): string {
  const slash = target.lastIndexOf('/');
  return (slash >= 0 ? target.slice(slash + 1) : target).toLowerCase();
}
