/**
 * The one layout of a new person note, for New person, the plugin's import and `ties import`: frontmatter
 * with `type: person` when the vault has no people folder, every key of the skeleton (empty, or with the
 * value the import brings), the keys only an import fills (`aliases`, `tags`, `met`, `linkedin`) when they
 * have a value; a blank line; the log heading. A user's template note replaces the layout (templates.ts in
 * the plugin); `fillTemplate` fills its placeholders.
 */
import type { ContactFields } from './import/types';
import { yamlKeyLines } from './import/yaml-text';

/** The format's keys a new note lists even when they are empty, in order: the skeleton the user fills in. */
export const SKELETON_KEYS = [
  'circle', 'cadence', 'last_contact', 'interests', 'favours', 'follow_ups', 'birthday', 'knows', 'introduced_by',
  'organisation', 'department', 'role', 'channel', 'email', 'phone',
] as const;

const LIST_KEYS = new Set<string>(['interests', 'favours', 'follow_ups', 'knows']);
const SKELETON = new Set<string>(SKELETON_KEYS);

/** Every key of the layout, in order: Obsidian's `aliases` and `tags`, the skeleton, then `met` and `linkedin` (v1.1). */
export const LAYOUT_KEYS: readonly string[] = ['aliases', 'tags', ...SKELETON_KEYS, 'met', 'linkedin'];

/** The values a new note starts with: what an import brings (nothing, for New person). */
export type NewNoteValues = ContactFields & { aliases?: string[] };

export interface NewNoteOptions {
  /** `type: person` first, for a vault without a people folder (the folder cannot say so). */
  markAsPerson: boolean;
  /** The log heading the note ends with (`Log`). */
  logHeading: string;
}

/** The text of a new person note in the layout. */
export function newPersonNoteText(values: NewNoteValues, options: NewNoteOptions): string {
  const lines = ['---'];
  if (options.markAsPerson) lines.push('type: person');
  const all = values as Partial<Record<string, string | string[]>>;
  for (const key of LAYOUT_KEYS) {
    const value = all[key];
    if (value !== undefined && value.length > 0) lines.push(...yamlKeyLines(key, value));
    else if (SKELETON.has(key)) lines.push(LIST_KEYS.has(key) ? `${key}: []` : `${key}:`);
  }
  lines.push('---', '', `## ${options.logHeading}`, '');
  return lines.join('\n');
}

/** A template's text with `{{name}}` (or `{{title}}`) and `{{date}}` filled in. */
export function fillTemplate(text: string, name: string, date: string): string {
  return text.replace(/\{\{\s*(name|title|date)\s*\}\}/gi, (_whole, key: string) => (key.toLowerCase() === 'date' ? date : name));
}
