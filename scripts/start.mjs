// npm start: build the plugin and the CLI, install the plugin into the demo vault, print the demo's review.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const vault = 'examples/demo-vault';
// The demo vault's dates are written around this day; reviewing it on another day would age every tie.
const DEMO_TODAY = '2026-11-24';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run(process.execPath, ['esbuild.config.mjs', 'production']);
run(process.execPath, ['esbuild.config.mjs', 'cli']);

const pluginDir = join(vault, '.obsidian', 'plugins', 'ties');
mkdirSync(pluginDir, { recursive: true });
for (const file of ['main.js', 'manifest.json', 'styles.css']) copyFileSync(file, join(pluginDir, file));

const enabledFile = join(vault, '.obsidian', 'community-plugins.json');
const enabled = existsSync(enabledFile) ? JSON.parse(readFileSync(enabledFile, 'utf8')) : [];
if (!enabled.includes('ties')) writeFileSync(enabledFile, JSON.stringify([...enabled, 'ties'], null, 2) + '\n');

console.log(`\nTies is installed in ${vault}: open that folder as a vault in Obsidian to try the plugin.`);
console.log(`The demo vault's review, as of ${DEMO_TODAY} (its notes are dated around that day):\n`);
run(process.execPath, ['dist/ties.mjs', 'review', vault, '--today', DEMO_TODAY]);
