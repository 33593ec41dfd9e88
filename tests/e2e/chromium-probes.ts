/**
 * The real probes behind findChromium (find-chromium.ts): the file system, the user, the Chromium that
 * @sparticuz/chromium ships (brotli-packed; unpacked once into node_modules/.cache/ties-chromium/VERSION, which
 * `npm ci` wipes with the rest of node_modules) and apt-get.
 */
import { execFile, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import type { BundledResult, ChromiumProbes } from './find-chromium';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGE = join(ROOT, 'node_modules/@sparticuz/chromium');
export const UNPACK_ROOT = join(ROOT, 'node_modules/.cache/ties-chromium');

export function realProbes(): ChromiumProbes {
  return {
    env: process.env,
    exists: existsSync,
    isRoot: () => process.getuid?.() === 0,
    bundled: bundledChromium,
    aptInstall,
  };
}

async function bundledChromium(): Promise<BundledResult> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { missing: `@sparticuz/chromium ships Chromium for Linux x64 only, not ${process.platform} ${process.arch}` };
  }
  const manifest = join(PACKAGE, 'package.json');
  if (!existsSync(manifest)) return { missing: '@sparticuz/chromium is not installed (npm ci installs it)' };
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const dir = join(UNPACK_ROOT, version);
  const exe = join(dir, 'chromium');
  let detail = `unpacked before in ${relative(ROOT, dir)}`;
  if (!existsSync(exe)) {
    const start = performance.now();
    try {
      await unpack(join(PACKAGE, 'bin'), dir);
    } catch (error) {
      return { missing: `@sparticuz/chromium could not be unpacked: ${oneLine(error)}` };
    }
    detail = `unpacked now in ${((performance.now() - start) / 1000).toFixed(1)} s to ${relative(ROOT, dir)}`;
  }
  const started = await run(exe, ['--version'], 30_000);
  if (started.error !== null) return { missing: `the Chromium from @sparticuz/chromium does not start: ${started.error}` };
  const browserVersion = /\d+(?:\.\d+)+/.exec(started.stdout)?.[0] ?? version;
  return { path: exe, version: browserVersion, detail };
}

/**
 * The browser and SwiftShader (WebGL without a GPU; its libraries must sit beside the binary). Unpacked into a
 * folder of its own and renamed into place, so an interrupted run never leaves half a browser behind.
 */
async function unpack(bin: string, dir: string): Promise<void> {
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(partial, 'chromium'), { mode: 0o755 }));
    const tar = spawn('tar', ['-x', '--no-same-owner', '-C', partial], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    tar.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve, reject) => {
      tar.on('error', reject);
      tar.on('close', resolve);
    });
    await pipeline(createReadStream(join(bin, 'swiftshader.tar.br')), createBrotliDecompress(), tar.stdin);
    const code = await exited;
    if (code !== 0) throw new Error(`tar exited with ${code}: ${stderr.trim()}`);
    if (existsSync(dir)) rmSync(partial, { recursive: true, force: true }); // another process was quicker
    else renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

async function aptInstall(): Promise<string | null> {
  console.log("browser tier: installing Debian's chromium with apt-get (as root; a minute or two)…");
  const result = await run(
    'sh',
    ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'],
    15 * 60_000,
  );
  return result.error;
}

function run(file: string, args: string[], timeout: number): Promise<{ stdout: string; error: string | null }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const lastLine = stderr.trim().split('\n').at(-1) ?? '';
      resolve({ stdout, error: error ? lastLine || oneLine(error) : null });
    });
  });
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
