#!/usr/bin/env node
// The `ties` command line. The bundle is built by `npm ci` (prepare script) or `npm run build:cli`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/ties.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('ties: the command line is not built yet; run `npm run build:cli` first\n');
  process.exit(3);
}
await import(bundle);
