/**
 * Text output for a person at a terminal: sections with counts, aligned columns, colour only on a TTY. Every
 * name, path, detail and message from a note passes through `safe` (escape.ts) before it is printed.
 */
import { describeSpan } from '../core/describe';
import { effectiveLastContact } from '../core/contacts';
import { longDate } from '../core/dates';
import type { AttentionItem, AttentionKind, Day, Diagnostic, Person } from '../core/types';
import { safe } from './escape';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
export const COLOUR: Style = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
export const PLAIN: Style = { bold: (s) => s, dim: (s) => s, red: (s) => s, yellow: (s) => s, cyan: (s) => s };

export const SECTION_TITLES: Record<AttentionKind, string> = {
  'follow-up': 'Follow-ups',
  overdue: 'Overdue',
  date: 'Coming up',
  favour: 'Favours owed',
  dormant: 'Dormant ties',
};

/** Display width, counting wide (CJK, emoji) characters as two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, to: number): string {
  return s + ' '.repeat(Math.max(0, to - width(s)));
}

/** 2990 → "2,990". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

function plural(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** Items grouped by kind, in the order given (rank's order keeps the sections in the spec's order). */
export function sections(items: readonly AttentionItem[]): Map<AttentionKind, AttentionItem[]> {
  const out = new Map<AttentionKind, AttentionItem[]>();
  for (const item of items) {
    const list = out.get(item.kind);
    if (list) list.push(item);
    else out.set(item.kind, [item]);
  }
  return out;
}

export interface ReviewText {
  people: number;
  today: Day;
  diagnostics: readonly Diagnostic[];
  /** At most this many items per section. */
  limit: number;
  /** The command that lists the diagnostics, as the user would type it: `ties check ~/Vault`. */
  checkCommand: string;
}

export function formatReview(items: readonly AttentionItem[], o: ReviewText, style: Style): string {
  const lines: string[] = [style.bold(`Ties · review for ${longDate(o.today, 'en', true)} · ${plural(o.people, 'person', 'people')}`)];
  if (items.length === 0) lines.push('', 'Nobody needs attention today.');
  const groups = sections(items);
  const shown = [...groups.values()].flatMap((list) => list.slice(0, o.limit));
  const names = new Map(shown.map((i) => [i, safe(i.name)]));
  const nameWidth = Math.min(32, Math.max(0, ...[...names.values()].map(width)));
  for (const [kind, list] of groups) {
    lines.push('', style.bold(`${SECTION_TITLES[kind]} (${count(list.length)})`));
    for (const item of list.slice(0, o.limit)) lines.push(`  ${style.cyan(pad(names.get(item)!, nameWidth))}  ${safe(item.detail)}`);
    if (list.length > o.limit) lines.push(style.dim(`  and ${count(list.length - o.limit)} more: use --limit`));
  }
  lines.push(...diagnosticsFooter(o.diagnostics, o.checkCommand, style));
  return lines.join('\n') + '\n';
}

function diagnosticsFooter(diagnostics: readonly Diagnostic[], checkCommand: string, style: Style): string[] {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return [];
  const parts = [errors > 0 ? style.red(plural(errors, 'error', 'errors')) : '', warnings > 0 ? style.yellow(plural(warnings, 'warning', 'warnings')) : '']
    .filter(Boolean);
  return ['', style.dim(`${parts.join(' and ')} in the vault: run \`${checkCommand}\` for details.`)];
}

export function formatCheck(diagnostics: readonly Diagnostic[], people: number, style: Style): string {
  if (diagnostics.length === 0) return `No problems found in ${plural(people, 'person note', 'person notes')}.\n`;
  const byPath = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byPath.get(d.path);
    if (list) list.push(d);
    else byPath.set(d.path, [d]);
  }
  const fieldWidth = Math.max(...diagnostics.map((d) => width(safe(d.field))));
  const lines: string[] = [];
  for (const [path, list] of [...byPath].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(style.bold(safe(path)));
    for (const d of list) {
      const sev = d.severity === 'error' ? style.red('error  ') : style.yellow('warning');
      lines.push(`  ${sev}  ${pad(safe(d.field), fieldWidth)}  ${safe(d.message)}`);
    }
    lines.push('');
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const counts = [errors > 0 ? plural(errors, 'error', 'errors') : '', diagnostics.length > errors ? plural(diagnostics.length - errors, 'warning', 'warnings') : '']
    .filter(Boolean)
    .join(' and ');
  lines.push(`${counts} in ${plural(byPath.size, 'note', 'notes')} of ${plural(people, 'person note', 'person notes')}.`);
  return lines.join('\n') + '\n';
}

export interface IntroText {
  target: Person;
  inTouch: boolean;
  paths: readonly string[][];
  /** Paths found in all; more than `paths` holds when a limit cut them. */
  total: number;
  personAt(path: string): Person;
  today: Day;
}

export function formatIntro(o: IntroText, style: Style): string {
  const target = safe(o.target.name);
  if (o.inTouch) return `You are in touch with ${target} yourself: no introduction needed.\n`;
  if (o.total === 0) return `Nobody you are in touch with is connected to ${target}.\n`;
  const lines = [style.bold(`Who can introduce you to ${target} (${count(o.total)})`), ''];
  o.paths.forEach((path, i) => {
    const start = o.personAt(path[0]!);
    const last = effectiveLastContact(start, o.today);
    const when = last === null ? '' : style.dim(` (last contact ${o.today === last ? 'today' : describeSpan(o.today - last, 'en') + ' ago'})`);
    const rest = path.slice(1).map((p) => safe(o.personAt(p).name));
    lines.push(`  ${i + 1}. ${style.cyan(safe(start.name))}${when} → ${rest.join(' → ')}`);
  });
  const more = o.total - o.paths.length;
  if (more > 0) lines.push(style.dim(`  and ${plural(more, 'more path', 'more paths')}: use --limit`));
  return lines.join('\n') + '\n';
}

/** A word as a shell takes it back: `~/My Vault` → `'~/My Vault'`; control characters escaped. */
export function shellWord(s: string): string {
  return safe(/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
}
