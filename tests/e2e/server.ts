/**
 * Serves the browser harness: the page, its bundle (built from tests/e2e/harness with esbuild at start),
 * the plugin's main.js, styles.css and manifest.json, and a vault's files as JSON. Listens on 127.0.0.1.
 *
 *   npm run preview                      builds main.js, then serves on http://127.0.0.1:5173/
 *   tsx tests/e2e/server.ts --port 5173 [--vault DIR] [--host 0.0.0.0]
 *
 * Preview mode re-reads main.js from disk and rebuilds the harness on every page load, so `npm run dev` in
 * another terminal plus a reload shows a change. Tests use startServer() with main.js built in memory.
 * The vault is read from disk once per page load; writes in the page stay in the page. lucide's icons go as
 * JSON (/icons.json): Obsidian draws lucide icons, and the page parses JSON far faster than a script.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { icons } from 'lucide';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const HARNESS_DIR = join(ROOT, 'tests/e2e/harness');
export const DEMO_VAULT = join(ROOT, 'examples/demo-vault');

/** Files of a vault read as text: notes and other text files; dot-folders (.obsidian, .trash) are not notes. */
const TEXT_FILE = /\.(md|canvas|txt|json|base)$/i;

export function readVaultFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (abs: string, rel: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(join(abs, entry.name), childRel);
      else if (entry.isFile() && TEXT_FILE.test(entry.name)) files[childRel] = readFileSync(join(abs, entry.name), 'utf8');
    }
  };
  walk(dir, '');
  return files;
}

/** The text files of the vault's config folder (`.obsidian/daily-notes.json`, …), by name: the plugin reads them through the adapter. */
export function readConfigFiles(dir: string): Record<string, string> {
  const config = join(dir, '.obsidian');
  const files: Record<string, string> = {};
  if (!existsSync(config)) return files;
  for (const entry of readdirSync(config, { withFileTypes: true }))
    if (entry.isFile() && entry.name.endsWith('.json')) files[entry.name] = readFileSync(join(config, entry.name), 'utf8');
  return files;
}

/**
 * main.js exactly as `node esbuild.config.mjs production` makes it: the project's own build script runs in a
 * scratch folder that links to src/ and node_modules/, so its output lands there and never races another
 * build writing the repository's main.js.
 */
export async function buildPlugin(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ties-e2e-build-'));
  try {
    for (const name of ['src', 'node_modules', 'package.json', 'manifest.json', 'tsconfig.json', 'esbuild.config.mjs'])
      symlinkSync(join(ROOT, name), join(dir, name));
    await new Promise<void>((ok, fail) => {
      execFile(process.execPath, ['esbuild.config.mjs', 'production'], { cwd: dir }, (error, _stdout, stderr) => {
        if (error) fail(new Error(`node esbuild.config.mjs production failed:\n${stderr}`));
        else ok();
      });
    });
    return readFileSync(join(dir, 'main.js'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The harness page's script: tests/e2e/harness/boot.ts and what it imports (yaml, moment). Compact for tests;
 * with `debug`, readable and with a source map (preview).
 */
export async function buildHarness(debug = false): Promise<string> {
  const result = await build({
    entryPoints: [join(HARNESS_DIR, 'boot.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2021',
    logLevel: 'silent',
    sourcemap: debug ? 'inline' : false,
    minifyWhitespace: !debug,
    minifySyntax: !debug,
    write: false,
    outfile: join(ROOT, 'harness.js'),
    absWorkingDir: ROOT,
  });
  return result.outputFiles[0]!.text;
}

export interface ServerOptions {
  /** 0 (default): a port the OS chooses. */
  port?: number;
  host?: string;
  /** The vault folder to serve (default: examples/demo-vault). */
  vault?: string;
  /** main.js text (tests); when absent, main.js is read from the repository root on each request. */
  mainJs?: string;
  /** The harness script, already built (tests build it once per process). */
  harnessJs?: string;
  /** Rebuild the harness on every page load, readable and with a source map (preview). */
  rebuild?: boolean;
}

export interface HarnessServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export async function startServer(options: ServerOptions = {}): Promise<HarnessServer> {
  const vaultDir = resolve(options.vault ?? DEMO_VAULT);
  let harness = options.harnessJs ?? (await buildHarness(options.rebuild));
  const iconsJson = JSON.stringify(icons);

  const send = (res: ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    switch (path) {
      case '/':
      case '/index.html':
        if (options.rebuild) harness = await buildHarness(true);
        return send(res, 200, TYPES['.html']!, readFileSync(join(HARNESS_DIR, 'index.html'), 'utf8'));
      case '/harness.js':
        return send(res, 200, TYPES['.js']!, harness);
      case '/harness/obsidian-vars.css':
      case '/harness/app.css':
        return send(res, 200, TYPES['.css']!, readFileSync(join(HARNESS_DIR, basename(path)), 'utf8'));
      case '/main.js':
        return send(res, 200, TYPES['.js']!, options.mainJs ?? readFileSync(join(ROOT, 'main.js'), 'utf8'));
      case '/styles.css':
        return send(res, 200, TYPES['.css']!, readFileSync(join(ROOT, 'styles.css'), 'utf8'));
      case '/manifest.json':
        return send(res, 200, TYPES['.json']!, readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
      case '/vault.json':
        return send(res, 200, TYPES['.json']!, JSON.stringify({ name: basename(vaultDir), files: readVaultFiles(vaultDir), config: readConfigFiles(vaultDir) }));
      case '/icons.json':
        return send(res, 200, TYPES['.json']!, iconsJson);
      case '/favicon.ico':
        res.writeHead(204);
        res.end();
        return;
      default:
        return send(res, 404, 'text/plain', `not found: ${path}`);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      if (!res.headersSent) send(res, 500, 'text/plain', message);
      else res.end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const port = Number(argValue(args, '--port') ?? '5173');
  const vault = argValue(args, '--vault');
  // 127.0.0.1 unless asked otherwise (--host 0.0.0.0 to reach it from outside a container).
  const host = argValue(args, '--host');
  const server = await startServer({ port, vault, host, rebuild: true });
  console.log(`Ties browser harness: ${server.url}`);
  console.log(`  vault: ${vault ?? 'examples/demo-vault'} (writes stay in the page; reload to start over)`);
  console.log('  ?theme=dark for the dark theme, ?lang=nl for Dutch; Ctrl+C stops the server.');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
