/**
 * The browser tier's helper: builds main.js once (in memory, as the production build makes it), serves the
 * harness, launches Debian's headless Chromium through playwright-core and opens the harness page with the
 * plugin loaded over the demo vault.
 *
 *   const harness = useHarness();                 // demo vault, light theme, 2026-11-24 (the demo's "today")
 *   it('…', async () => {
 *     const h = harness();
 *     await h.page.evaluate(() => window.ties.runCommand('ties:check-person-notes'));
 *     await h.screenshot('check-modal', h.page.locator('.modal'));
 *   });
 *
 * Which Chromium: find-chromium.ts decides, once per run (global-setup.ts). There is no silent skip: without a
 * browser every test fails with the one line that says why and which command fixes it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { realProbes } from './chromium-probes';
import { findChromium, type ChromiumChoice } from './find-chromium';
import { buildHarness, buildPlugin, DEMO_VAULT, ROOT, startServer } from './server';

export const SCREENSHOTS = join(ROOT, 'test-results', 'e2e');
/** The demo vault's notes are dated around this day (scripts/start.mjs reviews it on the same day). */
export const DEMO_TODAY = '2026-11-24';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGL through SwiftShader (software), so sigma can draw without a GPU.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface HarnessOptions {
  theme?: 'light' | 'dark';
  /** Obsidian's language (moment's locale): 'en' (default) or 'nl'. */
  lang?: string;
  /** The plugin's stored data (data.json) before it loads. */
  data?: unknown;
  /** A vault folder (default: examples/demo-vault). Its files are read, never written. */
  vault?: string;
  /** The day the page lives on (YYYY-MM-DD, 10:00 in Amsterdam), DEMO_TODAY by default; null for the real clock. */
  today?: string | null;
  viewport?: { width: number; height: number };
}

export interface Harness {
  page: Page;
  url: string;
  /** Console errors and uncaught exceptions in the page so far. */
  errors: string[];
  /** Waits until every write so far reached the metadata cache and the plugin's index. */
  settled(): Promise<void>;
  /** Saves test-results/e2e/NAME.png (of the element, or the whole page) and returns its path. */
  screenshot(name: string, target?: Locator): Promise<string>;
  close(): Promise<void>;
}

let pluginBuild: Promise<string> | null = null;
let harnessBuild: Promise<string> | null = null;

/** main.js, built once per test process. */
export function pluginCode(): Promise<string> {
  pluginBuild ??= buildPlugin();
  return pluginBuild;
}

function harnessCode(): Promise<string> {
  harnessBuild ??= buildHarness();
  return harnessBuild;
}

let choice: Promise<ChromiumChoice> | null = null;

/** The test run's decision (global-setup.ts), or this process's own outside vitest (the graph bench). */
export function chromiumChoice(): Promise<ChromiumChoice> {
  choice ??= Promise.resolve(process.env.VITEST ? inject('tiesChromium') : undefined).then(
    (decided) => decided ?? findChromium(realProbes()),
  );
  return choice;
}

export async function launchChromium(): Promise<Browser> {
  const found = await chromiumChoice();
  if (!found.ok) throw new Error(found.line);
  return chromium.launch({ executablePath: found.path, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** One Chromium per test process, shared by the harnesses open at a time; closed with the last of them. */
let shared: { browser: Promise<Browser>; users: number } | null = null;

async function acquireBrowser(): Promise<{ browser: Browser; release: () => Promise<void> }> {
  shared ??= { browser: launchChromium(), users: 0 };
  const mine = shared;
  mine.users++;
  let browser: Browser;
  try {
    browser = await mine.browser;
  } catch (error) {
    if (shared === mine) shared = null;
    throw error;
  }
  let released = false;
  return {
    browser,
    release: async () => {
      if (released) return;
      released = true;
      if (--mine.users > 0) return;
      if (shared === mine) shared = null;
      await browser.close().catch(() => undefined);
    },
  };
}

export async function openHarness(options: HarnessOptions = {}): Promise<Harness> {
  const [mainJs, harnessJs, { browser, release }] = await Promise.all([pluginCode(), harnessCode(), acquireBrowser()]);
  const server = await startServer({ mainJs, harnessJs, vault: options.vault ?? DEMO_VAULT });
  let context: BrowserContext | null = null;
  const closeAll = async (): Promise<void> => {
    await context?.close().catch(() => undefined);
    await release();
    await server.close();
  };
  try {
    context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      locale: 'en-US',
      timezoneId: 'Europe/Amsterdam',
      colorScheme: options.theme === 'dark' ? 'dark' : 'light',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
    page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));

    const today = options.today === undefined ? DEMO_TODAY : options.today;
    if (today !== null) await page.clock.install({ time: new Date(`${today}T10:00:00+01:00`) });
    await page.addInitScript((o) => {
      (window as unknown as { TIES_HARNESS: unknown }).TIES_HARNESS = o;
      // Code passed to page.evaluate from a script run by tsx carries esbuild's `__name(…)` helper calls.
      (window as unknown as { __name: unknown }).__name = (fn: unknown) => fn;
    }, { theme: options.theme ?? 'light', lang: options.lang ?? 'en', data: options.data ?? null });

    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { tiesReady?: unknown }).tiesReady !== undefined);
    try {
      await page.evaluate(() => window.tiesReady);
    } catch (error) {
      throw new Error(`the harness did not start: ${error instanceof Error ? error.message : String(error)}\n${errors.join('\n')}`);
    }

    return {
      page,
      url: server.url,
      errors,
      settled: () => page.evaluate(() => window.ties.settled()),
      async screenshot(name, target) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        const path = join(SCREENSHOTS, `${name}.png`);
        if (target) await target.screenshot({ path, animations: 'disabled' });
        else await page.screenshot({ path, animations: 'disabled' });
        return path;
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * One harness for the tests of a file (or describe block): opened before them, closed after. The returned
 * function gives it to a test, or throws why it could not open, so each test fails (and counts as failed)
 * with that message rather than being skipped.
 */
export function useHarness(options: HarnessOptions = {}): () => Harness {
  let harness: Harness | undefined;
  let failure: Error | undefined;
  beforeAll(async () => {
    try {
      harness = await openHarness(options);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(JSON.stringify(error));
    }
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (failure) throw failure;
    if (!harness) throw new Error('the harness is not open yet: call harness() inside a test');
    return harness;
  };
}

/** Sets the right sidebar's width, as dragging its edge does. */
export async function sidebarWidth(h: Harness, px: number): Promise<void> {
  await h.page.evaluate((w) => document.body.style.setProperty('--sidebar-width', `${w}px`), px);
}

/** The classes of the elements under `root` matching `selector` that stick out past its right edge. */
export function overflowing(root: Locator, selector: string): Promise<string[]> {
  return root.evaluate((el, sel) => Array.from(el.querySelectorAll<HTMLElement>(sel))
    .filter((e) => e.getBoundingClientRect().right > el.getBoundingClientRect().right + 0.5).map((e) => e.className), selector);
}

/** Makes the page a phone, as Obsidian mobile is: `body.is-mobile`, no ribbon, the right sidebar closed. */
export async function asPhone(h: Harness): Promise<void> {
  await h.page.evaluate(() => {
    document.body.addClass('is-mobile');
    document.querySelector<HTMLElement>('.workspace-ribbon')?.hide();
    (window.ties.app.workspace as unknown as { rightSplit: { collapse(): void } }).rightSplit.collapse();
  });
}
