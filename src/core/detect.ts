/** Which notes are people: `type: person`, a person tag (nested too), or a place under the people folder. */
import { parseDayString } from './dates';
import type { CoreSettings, Day, NoteRecord } from './types';

export function normaliseFolder(folder: string): string {
  return folder.trim().replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
}

export function inFolder(path: string, folder: string): boolean {
  const f = normaliseFolder(folder).toLowerCase();
  return f !== '' && path.toLowerCase().startsWith(f + '/');
}

/** Frontmatter `tags` (and `tag`) as a list of tag names without `#`. */
export function frontmatterTags(fm: Record<string, unknown> | null): string[] {
  if (!fm) return [];
  const out: string[] = [];
  for (const key of Object.keys(fm)) {
    const k = key.toLowerCase();
    if (k !== 'tags' && k !== 'tag') continue;
    const v = fm[key];
    const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,\s]+/) : [];
    for (const t of list) if (typeof t === 'string' && t.trim() !== '') out.push(t.trim().replace(/^#/, ''));
  }
  return out;
}

export function hasPersonTag(tags: readonly string[], personTags: readonly string[]): boolean {
  for (const raw of tags) {
    const t = raw.replace(/^#/, '').toLowerCase();
    for (const p of personTags) {
      const pl = p.replace(/^#/, '').toLowerCase();
      if (t === pl || t.startsWith(pl + '/')) return true;
    }
  }
  return false;
}

function typeIsPerson(fm: Record<string, unknown> | null): boolean {
  if (!fm) return false;
  for (const key of Object.keys(fm)) {
    if (key.toLowerCase() !== 'type') continue;
    const v = fm[key];
    const list = Array.isArray(v) ? v : [v];
    if (list.some((x) => typeof x === 'string' && x.trim().toLowerCase() === 'person')) return true;
  }
  return false;
}

export function isPersonRecord(record: NoteRecord, settings: CoreSettings): boolean {
  return (
    inFolder(record.path, settings.peopleFolder) ||
    hasPersonTag(record.tags, settings.personTags) ||
    typeIsPerson(record.frontmatter) ||
    hasPersonTag(frontmatterTags(record.frontmatter), settings.personTags)
  );
}

/** The day of a daily note, from a basename that is a date (`2026-11-20`). */
export function dailyNoteDay(basename: string): Day | null {
  return basename.length === 10 ? parseDayString(basename) : null;
}
