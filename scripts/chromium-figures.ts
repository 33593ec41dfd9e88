/**
 * npx tsx scripts/chromium-figures.ts — what the bundled Chromium (@sparticuz/chromium) costs next to Debian's:
 * size on disk, the time to unpack it, and the time from launch to a blank page (median of 5), and whether WebGL
 * runs. Figures for the README; run it when @sparticuz/chromium is upgraded. It unpacks afresh.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/browser';
import { realProbes, UNPACK_ROOT } from '../tests/e2e/chromium-probes';
import { SYSTEM_CHROMIUM } from '../tests/e2e/find-chromium';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const du = (path: string): string => execFileSync('du', ['-sh', path], { encoding: 'utf8' }).split('\t')[0]!;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function startTimes(executablePath: string): Promise<{ ms: number[]; version: string; webgl: string }> {
  const ms: number[] = [];
  let version = '';
  let webgl = '';
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.goto('about:blank');
    ms.push(performance.now() - start);
    version = browser.version();
    webgl = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL';
    });
    await browser.close();
  }
  return { ms, version, webgl };
}

const row = (name: string, r: { ms: number[]; version: string; webgl: string }): string =>
  `${name}: Chromium ${r.version}, launch to a blank page ${Math.round(median(r.ms))} ms median (${r.ms.map(Math.round).join(', ')}); WebGL: ${r.webgl}`;

rmSync(UNPACK_ROOT, { recursive: true, force: true });
const bundled = await realProbes().bundled();
if (!('path' in bundled)) throw new Error(bundled.missing);
console.log(`@sparticuz/chromium: ${du(join(ROOT, 'node_modules/@sparticuz/chromium'))} in node_modules, ${du(UNPACK_ROOT)} unpacked; ${bundled.detail}`);
console.log(row('bundled', await startTimes(bundled.path)));
if (existsSync(SYSTEM_CHROMIUM)) console.log(row('Debian', await startTimes(SYSTEM_CHROMIUM)));
