/** Text output for a person at a terminal: sections with counts, aligned columns, colour only on a TTY. */
import { describeSpan } from '../core/describe';
import { effectiveLastContact } from '../core/contacts';
import { longDate } from '../core/dates';
import type { AttentionItem, AttentionKind, Day, Diagnostic, Person } from '../core/types';

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

export function formatReview(items: readonly AttentionItem[], people: number, today: Day, diagnostics: readonly Diagnostic[], style: Style): string {
  const lines: string[] = [style.bold(`Ties · review for ${longDate(today, 'en', true)} · ${people} ${people === 1 ? 'person' : 'people'}`)];
  if (items.length === 0) lines.push('', 'Nobody needs attention today.');
  const nameWidth = Math.min(32, Math.max(0, ...items.map((i) => width(i.name))));
  let kind: AttentionKind | null = null;
  for (const item of items) {
    if (item.kind !== kind) {
      kind = item.kind;
      const count = items.filter((i) => i.kind === kind).length;
      lines.push('', style.bold(`${SECTION_TITLES[kind]} (${count})`));
    }
    lines.push(`  ${style.cyan(pad(item.name, nameWidth))}  ${item.detail}`);
  }
  lines.push(...diagnosticsFooter(diagnostics, style));
  return lines.join('\n') + '\n';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function diagnosticsFooter(diagnostics: readonly Diagnostic[], style: Style): string[] {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return [];
  const parts = [errors > 0 ? style.red(plural(errors, 'error', 'errors')) : '', warnings > 0 ? style.yellow(plural(warnings, 'warning', 'warnings')) : '']
    .filter(Boolean);
  return ['', style.dim(`${parts.join(' and ')} in person notes: run \`ties check\` for details.`)];
}

export function formatCheck(diagnostics: readonly Diagnostic[], people: number, style: Style): string {
  if (diagnostics.length === 0) return `No problems found in ${plural(people, 'person note', 'person notes')}.\n`;
  const byPath = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byPath.set(d.path, [...(byPath.get(d.path) ?? []), d]);
  const fieldWidth = Math.max(...diagnostics.map((d) => width(d.field)));
  const lines: string[] = [];
  for (const [path, list] of [...byPath].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(style.bold(path));
    for (const d of list) {
      const sev = d.severity === 'error' ? style.red('error  ') : style.yellow('warning');
      lines.push(`  ${sev}  ${pad(d.field, fieldWidth)}  ${d.message}`);
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

export function formatIntro(target: Person, paths: readonly string[][], inTouch: boolean, personAt: (path: string) => Person, today: Day, style: Style): string {
  if (inTouch) return `You are in touch with ${target.name} yourself: no introduction needed.\n`;
  if (paths.length === 0) return `Nobody you are in touch with is connected to ${target.name}.\n`;
  const lines = [style.bold(`Who can introduce you to ${target.name} (${paths.length})`), ''];
  paths.forEach((path, i) => {
    const start = personAt(path[0]!);
    const last = effectiveLastContact(start, today);
    const when = last === null ? '' : style.dim(` (last contact ${today === last ? 'today' : describeSpan(today - last, 'en') + ' ago'})`);
    const rest = path.slice(1).map((p) => personAt(p).name);
    lines.push(`  ${i + 1}. ${style.cyan(start.name)}${when} → ${rest.join(' → ')}`);
  });
  return lines.join('\n') + '\n';
}
