/** `ties export [VAULT] --vcard [--out FILE]`: every person who is not archived, as vCard 4.0. */
import { existsSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { exportVCards } from '../core/import/vcard-write';
import type { Person } from '../core/types';

export interface ExportContext {
  people: readonly Person[];
  /** The file to write, or null for standard output. */
  outFile: string | null;
  out: (text: string) => void;
  err: (text: string) => void;
}

export function runExport(ctx: ExportContext): number {
  const { text, count } = exportVCards(ctx.people);
  if (ctx.outFile === null) {
    ctx.out(text);
    return 0;
  }
  // Written whole or not at all: a temporary file beside the target, then moved into place.
  const temp = join(dirname(ctx.outFile), `.${basename(ctx.outFile)}.ties-export-${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, ctx.outFile);
  } catch (e) {
    ctx.err(`ties: could not write ${ctx.outFile}: ${(e as Error).message}\n`);
    return 3;
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
  ctx.out(`Exported ${count} ${count === 1 ? 'person' : 'people'} to ${ctx.outFile}.\n`);
  return 0;
}
