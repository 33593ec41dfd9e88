/**
 * English and Dutch for every string the plugin shows. Each feature keeps its strings in its own file
 * (`src/i18n/<feature>.ts`, exporting `{ en, nl }` with the same keys) and `strings.ts` merges them.
 * `{name}` placeholders are filled from `vars`; plurals are written `{n, plural, one {# step} other {# steps}}`
 * (plural.ts chooses the form with Intl.PluralRules).
 */
import type { Language } from '../core/types';
import { fillPlurals } from './plural';
import { STRINGS, type StringKey } from './strings';

export type { StringKey };
export type LanguageSetting = 'auto' | Language;

/** The language to show: the setting, or Obsidian's own language when it is 'auto' (Dutch only when Obsidian is Dutch). */
export function resolveLanguage(setting: LanguageSetting, obsidianLanguage: string | null): Language {
  if (setting !== 'auto') return setting;
  return obsidianLanguage !== null && obsidianLanguage.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function translate(lang: Language, key: StringKey, vars?: Record<string, string | number>): string {
  const template = STRINGS[lang][key] ?? STRINGS.en[key];
  if (!vars) return template;
  return fillPlurals(template, lang, vars).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A translator bound to one language: `t('key', { n: 3 })`. */
export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Language): Translate {
  return (key, vars) => translate(lang, key, vars);
}
