/**
 * Plurals in a string, the way ICU message format writes them: `{n, plural, one {# step} other {# steps}}`.
 * The form is chosen by `Intl.PluralRules` for the language (English and Dutch both have `one` and `other`;
 * `=0`, `=1`… pick an exact number first), `#` is the number, and `{name}` placeholders inside a form are
 * filled afterwards like any other. The scan is linear: one pass, no regular expression.
 */
import type { Language } from '../core/types';

const rules = new Map<Language, Intl.PluralRules>();

/** The plural category of `n` in `lang` ('one', 'other', …). */
export function pluralCategory(lang: Language, n: number): Intl.LDMLPluralRule {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r.select(n);
}

const HEAD = ', plural,';

interface Plural {
  name: string;
  forms: Map<string, string>;
  /** Index just after the closing brace. */
  end: number;
}

const isWord = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';
const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t';

/** Reads `{name, plural, sel {text} …}` starting at the brace at `open`; null when it is something else. */
function readPlural(s: string, open: number): Plural | null {
  let i = open + 1;
  while (i < s.length && isWord(s[i]!)) i++;
  const name = s.slice(open + 1, i);
  if (name === '' || !s.startsWith(HEAD, i)) return null;
  i += HEAD.length;
  const forms = new Map<string, string>();
  for (;;) {
    while (isSpace(s[i])) i++;
    if (s[i] === '}') return forms.has('other') ? { name, forms, end: i + 1 } : null;
    const start = i;
    while (i < s.length && (isWord(s[i]!) || s[i] === '=')) i++;
    const selector = s.slice(start, i);
    while (isSpace(s[i])) i++;
    if (selector === '' || s[i] !== '{') return null;
    // The form's text runs to its matching brace; `{name}` placeholders inside it nest one level or more.
    let depth = 1;
    const textStart = ++i;
    while (i < s.length && depth > 0) {
      if (s[i] === '{') depth++;
      else if (s[i] === '}') depth--;
      i++;
    }
    if (depth > 0) return null;
    forms.set(selector, s.slice(textStart, i - 1));
  }
}

/** `template` with each plural replaced by the form that fits its number in `vars`. */
export function fillPlurals(template: string, lang: Language, vars: Readonly<Record<string, string | number>>): string {
  if (!template.includes(HEAD)) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const plural = readPlural(template, open);
    if (!plural) {
      out += template.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    out += template.slice(i, open);
    const value = vars[plural.name];
    const n = typeof value === 'number' ? value : Number(value);
    const form = Number.isFinite(n)
      ? plural.forms.get(`=${n}`) ?? plural.forms.get(pluralCategory(lang, n)) ?? plural.forms.get('other')!
      : plural.forms.get('other')!;
    out += form.split('#').join(Number.isFinite(n) ? String(n) : String(value));
    i = plural.end;
  }
  return out + template.slice(i);
}

/**
 * Every name a template reads from its vars, sorted: `{name}` placeholders, the numbers plurals are chosen
 * by, and the placeholders inside their forms (for the strings' tests: English and Dutch must read the same).
 */
export function templateNames(template: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const plural = readPlural(template, open);
    if (plural) {
      names.push(plural.name);
      for (const form of plural.forms.values()) names.push(...templateNames(form));
      i = plural.end;
      continue;
    }
    const close = template.indexOf('}', open);
    const name = close < 0 ? '' : template.slice(open + 1, close);
    if (name !== '' && [...name].every(isWord)) names.push(name);
    i = open + 1;
  }
  return names.sort();
}
