/** `ties import` output: the plan as text for a person at a terminal, and as the format's `import` JSON. */
import { FORMAT_NAMES } from '../core/import/parse';
import type { ContactFields, ImportPlan } from '../core/import/types';
import type { Style } from './format';

/** Control characters (escape sequences, carriage returns) and bidi controls from a file never reach the terminal. */
export function printable(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const control = c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x2028 || c === 0x2029;
    out += control ? `\\u{${c.toString(16)}}` : ch;
  }
  return out;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function rowsText(rows: readonly number[], format: ImportPlan['format']): string {
  const word = format === 'vcard' ? 'card' : 'row';
  return rows.length === 1 ? `${word} ${rows[0]}` : `${word}s ${rows.join(', ')}`;
}

function fieldsText(fields: ContactFields): string {
  return Object.keys(fields).join(', ');
}

export function formatPlan(plan: ImportPlan, file: string, style: Style): string {
  const p = plan;
  const lines: string[] = [
    style.bold(`Ties · import of ${printable(file)} (${FORMAT_NAMES[p.format]}) · ${plural(p.rows, p.format === 'vcard' ? 'card' : 'row', p.format === 'vcard' ? 'cards' : 'rows')}`),
    `  ${p.create.length} new · ${p.update.length} to fill · ${plural(p.conflicts.length, 'conflict', 'conflicts')} · ${p.skipped.length} skipped · ${p.unchanged.length} already up to date`,
  ];
  if (p.create.length > 0) {
    lines.push('', style.bold(`New notes (${p.create.length})`));
    for (const c of p.create) {
      lines.push(`  ${style.cyan(printable(c.path))}  ${style.dim(fieldsText(c.fields) || 'name only')}`);
      for (const why of c.why) lines.push(`    ${style.dim(printable(why))}`);
    }
  }
  if (p.update.length > 0) {
    lines.push('', style.bold(`Empty fields to fill (${p.update.length})`));
    for (const u of p.update)
      lines.push(`  ${style.cyan(printable(u.path))}  ${fieldsText(u.fields)}  ${style.dim(`(matched by ${u.matchedBy === 'email' ? 'e-mail' : u.matchedBy === 'linkedin' ? 'LinkedIn URL' : 'name'}, ${rowsText(u.rows, p.format)})`)}`);
  }
  if (p.conflicts.length > 0) {
    lines.push('', style.bold(`Conflicts, not written (${p.conflicts.length})`));
    for (const c of p.conflicts)
      lines.push(`  ${style.yellow(printable(c.path))}  ${c.field}: the note has "${printable(c.note)}", the file "${printable(c.file)}" ${style.dim(`(${rowsText(c.rows, p.format)})`)}`);
  }
  if (p.skipped.length > 0) {
    lines.push('', style.bold(`Skipped (${p.skipped.length})`));
    for (const s of p.skipped) lines.push(`  ${rowsText([s.row], p.format)}: ${printable(s.why)}`);
  }
  if (p.warnings.length > 0) {
    lines.push('', style.bold(`Left out or changed (${p.warnings.length})`));
    for (const w of p.warnings) {
      const where = [w.row === null ? 'file' : rowsText([w.row], p.format), w.field].filter((x) => x !== null).join(', ');
      lines.push(`  ${where}: ${printable(w.message)}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The format's `import` shape, and what was written (`null` for a dry run). */
export function planJson(plan: ImportPlan, written: { created: string[]; updated: string[] } | null): Record<string, unknown> {
  return {
    format: plan.format,
    rows: plan.rows,
    create: plan.create.map((c) => ({ path: c.path, name: c.name, fields: c.aliases.length > 0 ? { aliases: c.aliases, ...c.fields } : c.fields, rows: c.rows, why: c.why })),
    update: plan.update.map((u) => ({ path: u.path, fields: u.fields, rows: u.rows, matchedBy: u.matchedBy })),
    conflicts: plan.conflicts,
    skipped: plan.skipped,
    unchanged: plan.unchanged,
    warnings: plan.warnings,
    dryRun: written === null,
    written,
  };
}
