/** Writes a synthetic vault to disk: `npx tsx bench/generate-cli.ts DIR --people 10000 --notes 40000`. */
import { resolve } from 'node:path';
import { generateVault, writeVault, type GenerateOptions } from './generate';


function main(argv: string[]): void {
  const usage = 'usage: tsx bench/generate-cli.ts DIR --people N --notes N [--seed N] [--today YYYY-MM-DD] [--daily-days N]';
  let dir: string | null = null;
  const opts: GenerateOptions = { people: 1000, notes: 5000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    const num = (): number => {
      const v = value(), n = Number(v);
      if (!Number.isInteger(n) || n < 0) fail(`${a} expects a whole number, found "${v}"`);
      return n;
    };
    if (a === '--people') opts.people = num();
    else if (a === '--notes') opts.notes = num();
    else if (a === '--seed') opts.seed = num();
    else if (a === '--daily-days') opts.dailyDays = num();
    else if (a === '--today') {
      opts.today = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) fail(`--today expects YYYY-MM-DD, found "${opts.today}"`);
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(`${usage}\n`);
      return;
    } else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else if (dir === null) dir = a;
    else fail(`unexpected argument ${a}`);
  }
  if (dir === null) fail('DIR is missing');
  const t0 = performance.now();
  const files = generateVault(opts);
  const t1 = performance.now();
  writeVault(dir, files);
  const t2 = performance.now();
  process.stdout.write(
    `${files.size} notes (${opts.people} people, ${opts.notes} other) in ${resolve(dir)}: ` +
      `generated in ${Math.round(t1 - t0)} ms, written in ${Math.round(t2 - t1)} ms\n`,
  );

  function fail(message: string): never {
    process.stderr.write(`generate: ${message}\n${usage}\n`);
    process.exit(2);
  }
}

main(process.argv.slice(2));
