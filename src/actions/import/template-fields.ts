/**
 * An imported person's fields put into the frontmatter of a note made from the user's template (run inside
 * processFrontMatter, on the object Obsidian parsed). The template's spelling of a key is kept (`company:`
 * takes `organisation`); a list (`tags`, `aliases`, `interests`, `knows`) keeps the template's entries and
 * gains the file's; a text field takes the file's value, which is about this person where the template's can
 * only be a default. In a vault without a people folder the note gets `type: person` when the template does
 * not make it a person already. New person puts its organisation, circle (a number) and cadence the same way.
 */
import { canonicalField } from '../../core/fields';
import type { NewNoteValues } from '../../core/person-note';

const LISTS = new Set(['aliases', 'tags', 'interests', 'knows']);

function fieldOf(key: string): string | null {
  const k = key.trim().toLowerCase();
  if (k === 'tags' || k === 'tag') return 'tags';
  if (k === 'type') return 'type';
  return canonicalField(key);
}

/** A frontmatter value as a list of texts: a list's scalar entries, or a comma-separated string. */
function entries(value: unknown): string[] {
  const scalar = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  if (Array.isArray(value)) return value.filter(scalar).map(String);
  if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  return scalar(value) ? [String(value)] : [];
}

function isPersonMarked(fm: Record<string, unknown>): boolean {
  for (const key of Object.keys(fm)) {
    const field = fieldOf(key);
    if (field === 'type' && entries(fm[key]).some((v) => v.toLowerCase() === 'person')) return true;
    if (field === 'tags' && entries(fm[key]).some((v) => /^#?(person|people)(\/|$)/i.test(v))) return true;
  }
  return false;
}

export function putImportedFields(fm: Record<string, unknown>, values: NewNoteValues, markAsPerson: boolean): void {
  const keyOf = new Map<string, string>();
  for (const key of Object.keys(fm)) {
    const field = fieldOf(key);
    if (field !== null && !keyOf.has(field)) keyOf.set(field, key);
  }
  for (const [field, value] of Object.entries(values) as [string, string | string[] | undefined][]) {
    if (value === undefined || value.length === 0) continue;
    const key = keyOf.get(field) ?? field;
    if (LISTS.has(field)) {
      const have = entries(fm[key]);
      const seen = new Set(have.map((v) => v.toLowerCase()));
      fm[key] = [...have, ...entries(value).filter((v) => !seen.has(v.toLowerCase()))];
    } else fm[key] = field === 'circle' && typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : value;
  }
  if (markAsPerson && !isPersonMarked(fm) && !keyOf.has('type')) fm.type = 'person';
}
