/**
 * npm run check:min-app-version [-- --all] — is manifest.json's minAppVersion honest? Lists every Obsidian API the bundle
 * uses with the version its @since names (newest first), the guarded ones apart, and exits 1 when
 * minAppVersion is below an unguarded use or versions.json disagrees with it. (How: scripts/min-app-version.ts.)
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { findApiUses, judge } from './min-app-version';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What esbuild bundles: the plugin, and the graph worker it carries as a string. */
const ENTRIES = ['src/main.ts', 'src/views/graph/worker.ts'].map((f) => join(ROOT, f));

const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (path) => ts.sys.readFile(path));
const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
const program = ts.createProgram(ENTRIES, options);
const src = join(ROOT, 'src') + '/';
const uses = findApiUses(program, (f) => f.startsWith(src), (f) => relative(ROOT, f));

const read = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const manifest = read('manifest.json') as { version: string; minAppVersion: string };
const versions = read('versions.json') as Record<string, string>;
const obsidian = read('node_modules/obsidian/package.json') as { version: string };

console.log(`minAppVersion check against obsidian.d.ts ${obsidian.version} (sources: what src/main.ts and the graph worker import)`);
const verdict = judge(uses, manifest, versions, process.argv.includes('--all'));
for (const line of verdict.lines) console.log(line);
process.exit(verdict.ok ? 0 : 1);
