/**
 * The one layout of a new person note, for New person, the plugin's import and `ties import`: frontmatter
 * with `type: person` when the vault has no people folder, then only the keys that have a value, in the
 * format's order; a blank line; the log heading. A note with nothing to say has no frontmatter at all (the
 * Properties editor adds keys as the user needs them: fifteen empty keys said nothing and hid the few that
 * mattered). A user's template note replaces the layout; `fillTemplate` fills its placeholders.
 */
import type { ContactFields } from './import/types';
import { yamlKeyLines } from './import/yaml-text';

/** Every key the layout can write, in order: Obsidian's `aliases` and `tags`, the format's keys, then `met` and `linkedin` (v1.1). */
export const LAYOUT_KEYS: readonly string[] = [
  'aliases', 'tags', 'circle', 'cadence', 'last_contact', 'interests', 'favours', 'follow_ups', 'birthday', 'knows', 'introduced_by',
  'organisation', 'department', 'role', 'channel', 'email', 'phone', 'met', 'linkedin',
];

/** The values a new note starts with: what an import brings, or what New person asked (name aside). */
export type NewNoteValues = ContactFields & {
  aliases?: string[];
  /** `5`, `15`, `50` or `150`, as typed in New person. */
  circle?: string;
  /** A duration as the format reads it (`2w`, `monthly`). */
  cadence?: string;
};

export interface NewNoteOptions {
  /** `type: person` first, for a vault without a people folder (the folder cannot say so). */
  markAsPerson: boolean;
  /** The log heading the note ends with (`Log`). */
  logHeading: string;
}

/** The text of a new person note in the layout. */
export function newPersonNoteText(values: NewNoteValues, options: NewNoteOptions): string {
  const keys: string[] = [];
  if (options.markAsPerson) keys.push('type: person');
  const all = values as Partial<Record<string, string | string[]>>;
  for (const key of LAYOUT_KEYS) {
    const value = all[key];
    if (value !== undefined && value.length > 0) keys.push(...yamlKeyLines(key, value));
  }
  const lines = keys.length > 0 ? ['---', ...keys, '---', ''] : [];
  lines.push(`## ${options.logHeading}`, '');
  return lines.join('\n');
}

/** A template's text with `{{name}}` (or `{{title}}`) and `{{date}}` filled in. */
export function fillTemplate(text: string, name: string, date: string): string {
  return text.replace(/\{\{\s*(name|title|date)\s*\}\}/gi, (_whole, key: string) => (key.toLowerCase() === 'date' ? date : name));
}
