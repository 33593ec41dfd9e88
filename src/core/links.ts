/** Link text as written in frontmatter or the body, reduced to the note it points at. */

/**
 * `[[People/Jan|Jan]]` → `People/Jan`; `[[Jan#Work]]` → `Jan`; `[Jan](People/Jan.md)` → `People/Jan`;
 * a plain `Jan` → `Jan`. YAML reads an unquoted `[[Jan]]` as a nested list; that counts too.
 * Returns null for something that is not a link or name.
 */
export function linkTarget(value: unknown): string | null {
  if (Array.isArray(value)) return value.length === 1 ? linkTarget(value[0]) : null;
  if (typeof value !== 'string') return null;
  let s = value.trim();
  const start = s.startsWith('[[') ? 2 : s.startsWith('![[') ? 3 : -1;
  if (start > 0 && s.endsWith(']]') && s.indexOf(']', start) === s.length - 2) s = s.slice(start, -2);
  else if (s.startsWith('[')) {
    const md = /^\[[^\]]*\]\(([^)]*)\)$/.exec(s);
    if (md) s = decodeLinkPath(md[1]!);
  }
  return cleanTarget(s);
}

/** The targets of every `[[link]]` in a text (`"[[Ben]], [[Cas]]"` → Ben, Cas), in order. */
export function wikiLinkTargets(text: string): string[] {
  const out: string[] = [];
  for (let open = text.indexOf('[['); open >= 0; ) {
    const close = text.indexOf(']]', open + 2);
    if (close < 0) break;
    // `[[a [[b]]` links to `b`, as in Obsidian: the innermost opening wins.
    const inner = text.lastIndexOf('[[', close - 2);
    const target = cleanTarget(text.slice(Math.max(open, inner) + 2, close));
    if (target !== null) out.push(target);
    open = text.indexOf('[[', close + 2);
  }
  return out;
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
  let end = raw.length;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 124 /* | */ || c === 35 /* # */) {
      end = i;
      break;
    }
  }
  let s = (end < raw.length ? raw.slice(0, end) : raw).trim();
  if (s.includes('\\')) s = s.replace(/\\/g, '/');
  if (s.startsWith('/') || s.startsWith('./')) s = s.replace(/^\.?\//, '');
  if (s.length > 3 && s.charCodeAt(s.length - 3) === 46 /* . */ && s.slice(-3).toLowerCase() === '.md') s = s.slice(0, -3);
  return s.length > 0 ? s : null;
}

/** The key under which a link target is looked up: lower case, no folder. */
export function nameKey(target: string): string {
  const slash = target.lastIndexOf('/');
  return (slash >= 0 ? target.slice(slash + 1) : target).toLowerCase();
}
