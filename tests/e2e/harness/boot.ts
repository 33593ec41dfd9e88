/**
 * The harness page's entry. Builds the app frame and an app over the vault the server sends, then loads the
 * bundled main.js exactly as Obsidian loads a community plugin: CommonJS, with `require('obsidian')` answered
 * by the harness's implementation. Exposes `window.ties` for tests and for a person trying the views.
 *
 * Options: the page's query (`?theme=dark&lang=nl`) or `window.TIES_HARNESS` set before the page loads
 * (`{ theme, lang, data }`, `data` being the plugin's stored data.json).
 */
import { App, type Plugin, type PluginManifest } from './app';
import { installDom } from './dom';
import { setIcon, setIconSet } from './icons';
import { obsidianModule, setLanguage } from './obsidian';
import { Modal, notices, openModals, type NoticeRecord } from './ui';
import { Vault } from './vault';
import type { View, WorkspaceLeaf } from './workspace';

type Theme = 'light' | 'dark';

interface HarnessOptions {
  theme?: Theme;
  lang?: string;
  data?: unknown;
}

interface HoverLink {
  linktext: string;
  sourcePath: string;
  source: string;
}

export interface TiesHarness {
  app: App;
  plugin: Plugin & Record<string, any>;
  vault: Vault;
  obsidian: typeof obsidianModule;
  /** Settles when the plugin has loaded and read the vault; rejects when it could not. */
  ready: Promise<void>;
  /** Opens (or reveals) the view in the right sidebar, or in the main area, and returns it once open. */
  openView(type: string, where?: 'right' | 'left' | 'main'): Promise<View>;
  setTheme(theme: Theme): void;
  /** Runs a command by its full id (`ties:check-person-notes`); false when it did not run. */
  runCommand(id: string): boolean;
  openSettings(): void;
  /** Waits until the metadata cache has announced every write so far, and the plugin's index has caught up. */
  settled(): Promise<void>;
  /** The text of a note now (in memory; the files on disk never change). */
  read(path: string): string | undefined;
  notices: NoticeRecord[];
  modals: Modal[];
  hoverLinks: HoverLink[];
  /** Files opened by clicks and commands, in order. */
  opened: string[];
}

declare global {
  interface Window {
    ties: TiesHarness;
    tiesReady: Promise<void>;
    TIES_HARNESS?: HarnessOptions;
  }
}

installDom(window);

function options(): HarnessOptions {
  const params = new URLSearchParams(window.location.search);
  const given = window.TIES_HARNESS ?? {};
  const theme = params.get('theme') ?? given.theme;
  return {
    theme: theme === 'dark' ? 'dark' : 'light',
    lang: params.get('lang') ?? given.lang ?? 'en',
    data: given.data ?? null,
  };
}

function setTheme(theme: Theme): void {
  document.body.toggleClass('theme-dark', theme === 'dark');
  document.body.toggleClass('theme-light', theme !== 'dark');
}

/** Obsidian's frame in small: ribbon, left sidebar, main area, right sidebar, status bar. */
function buildFrame(): { workspaceEl: HTMLElement; rootEl: HTMLElement; leftEl: HTMLElement; rightEl: HTMLElement; ribbonEl: HTMLElement; statusBarEl: HTMLElement } {
  const body = document.body;
  body.addClass('mod-linux', 'is-frameless', 'show-inline-title', 'show-ribbon');
  const container = body.createDiv({ cls: 'app-container' });
  const main = container.createDiv({ cls: 'horizontal-main-container' });
  const workspaceEl = main.createDiv({ cls: 'workspace' });
  const ribbonEl = workspaceEl.createDiv({ cls: 'workspace-ribbon side-dock-ribbon mod-left' });
  const leftEl = workspaceEl.createDiv({ cls: 'workspace-split mod-horizontal mod-sidedock mod-left-split' });
  const rootEl = workspaceEl.createDiv({ cls: 'workspace-split mod-vertical mod-root' });
  const rightEl = workspaceEl.createDiv({ cls: 'workspace-split mod-horizontal mod-sidedock mod-right-split' });
  const statusBarEl = container.createDiv({ cls: 'status-bar' });
  return { workspaceEl, rootEl, leftEl, rightEl, ribbonEl, statusBarEl };
}

/** Controls for a person trying the harness: theme, commands, settings. */
function buildControls(ties: TiesHarness): void {
  const bar = ties.app.statusBarEl.createDiv({ cls: 'status-bar-item harness-controls' });
  const theme = bar.createEl('button', { cls: 'harness-button', text: 'Theme', attr: { 'aria-label': 'Switch light / dark theme' } });
  theme.addEventListener('click', () => ties.setTheme(document.body.hasClass('theme-dark') ? 'light' : 'dark'));
  const select = bar.createEl('select', { cls: 'dropdown harness-commands', attr: { 'aria-label': 'Run a command' } });
  const refresh = (): void => {
    select.empty();
    select.createEl('option', { text: 'Run a command…', value: '' });
    for (const cmd of ties.app.commands.listCommands()) select.createEl('option', { text: cmd.name, value: cmd.id });
  };
  select.addEventListener('focus', refresh);
  select.addEventListener('change', () => {
    if (select.value !== '') ties.runCommand(select.value);
    select.value = '';
  });
  refresh();
  const settings = bar.createEl('button', { cls: 'harness-button', attr: { 'aria-label': 'Open the plugin settings' } });
  setIcon(settings, 'settings');
  settings.addEventListener('click', () => ties.openSettings());
  bar.createSpan({ cls: 'harness-note', text: 'Browser harness · writes stay in this page' });
}

async function fetchText(url: string): Promise<string> {
  // The harness page is not a plugin: it loads its own files from the local server (requestUrl is for plugins).
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return res.text();
}

/** Runs main.js as Obsidian does: a CommonJS module whose `require('obsidian')` is the harness. */
function evaluatePlugin(code: string): new (app: App, manifest: PluginManifest) => Plugin {
  const require = (id: string): unknown => {
    if (id === 'obsidian') return obsidianModule;
    throw new Error(`Cannot find module '${id}' (the browser harness provides only 'obsidian')`);
  };
  (window as unknown as Record<string, unknown>).require = require;
  const module: { exports: Record<string, unknown> } = { exports: {} };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- what Obsidian does with a plugin's main.js: evaluate its text with require/module/exports
  const run = new Function('require', 'module', 'exports', `${code}\n//# sourceURL=main.js`) as (r: typeof require, m: typeof module, e: Record<string, unknown>) => void;
  run(require, module, module.exports);
  const exported = (module.exports.default ?? module.exports) as new (app: App, manifest: PluginManifest) => Plugin;
  if (typeof exported !== 'function') throw new Error('main.js does not export a plugin class');
  return exported;
}

async function boot(): Promise<void> {
  const opts = options();
  setTheme(opts.theme ?? 'light');
  if (opts.lang && opts.lang !== 'en') setLanguage(opts.lang);
  const frame = buildFrame();

  const [vaultJson, manifestText, code, iconsJson] = await Promise.all([
    fetchText('/vault.json'),
    fetchText('/manifest.json'),
    fetchText('/main.js'),
    fetchText('/icons.json'),
  ]);
  setIconSet(JSON.parse(iconsJson) as Parameters<typeof setIconSet>[0]);
  const { name, files, config } = JSON.parse(vaultJson) as { name: string; files: Record<string, string>; config?: Record<string, string> };
  const manifest = JSON.parse(manifestText) as PluginManifest;
  const vault = new Vault(name, files, config ?? {});
  const app = new App(vault, frame);
  const hoverLinks: HoverLink[] = [];
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  app.workspace.on('hover-link', (info: Record<string, unknown>) => {
    hoverLinks.push({ linktext: text(info.linktext), sourcePath: text(info.sourcePath), source: text(info.source) });
  });

  // Keys go to the innermost scope (an open modal's, else the app's), as in Obsidian.
  document.addEventListener('keydown', (evt) => {
    app.lastEvent = evt;
    if (!app.keymap.activeScope().handle(evt)) evt.preventDefault();
  });
  for (const type of ['mousedown', 'click', 'keyup']) document.addEventListener(type, (evt) => (app.lastEvent = evt as UIEvent), true);

  const PluginClass = evaluatePlugin(code);
  const plugin = new PluginClass(app, manifest) as Plugin & Record<string, any>;
  plugin._data = opts.data ?? null;
  app.plugins.plugins[manifest.id] = plugin;
  app.plugins.enabledPlugins.add(manifest.id);

  const harness: TiesHarness = {
    app,
    plugin,
    vault,
    obsidian: obsidianModule,
    ready,
    async openView(type, where = 'right') {
      const ws = app.workspace;
      let leaf: WorkspaceLeaf | undefined = ws.getLeavesOfType(type)[0];
      if (!leaf) {
        leaf = where === 'main' ? ws.getLeaf('tab') : where === 'left' ? ws.getLeftLeaf(false) : ws.getRightLeaf(false);
        await leaf.setViewState({ type, active: true });
      }
      await ws.revealLeaf(leaf);
      if (leaf.view.getViewType() !== type) throw new Error(`no view of type ${type} is registered`);
      return leaf.view;
    },
    setTheme(theme) {
      setTheme(theme);
      app.workspace.trigger('css-change');
    },
    runCommand(id) {
      return app.commands.executeCommandById(id);
    },
    openSettings() {
      app.setting.openTabById(manifest.id);
    },
    async settled() {
      await app.metadataCache.settled();
      const sync = plugin.sync as { idle?: () => Promise<void> } | undefined;
      if (sync?.idle) await sync.idle();
    },
    read(path) {
      return vault.readText(path);
    },
    notices,
    modals: openModals,
    hoverLinks,
    opened: app.workspace.openedFiles,
  };
  window.ties = harness;

  // Load as Obsidian does, waiting for an async onload; then the layout is ready and the cache resolved.
  const onload = plugin.onload.bind(plugin);
  let loading: unknown;
  plugin.onload = () => (loading = onload());
  plugin.load();
  await loading;
  delete (plugin as Record<string, unknown>).onload;
  app.workspace.setLayoutReady();
  app.metadataCache.finishIndexing();
  const sync = plugin.sync as { whenLoaded?: () => Promise<void> } | undefined;
  if (sync?.whenLoaded) await sync.whenLoaded();
  await harness.settled();
  buildControls(harness);
  document.body.addClass('harness-ready');
}

const ready = boot();
ready.catch((error: unknown) => {
  console.error('Ties harness: boot failed', error);
  const el = document.body.createDiv({ cls: 'harness-error' });
  el.setText(`The harness could not start: ${error instanceof Error ? error.message : String(error)}`);
});
// window.ties exists once boot has built the app; `ready` is there from the start for tests to await.
Object.defineProperty(window, 'tiesReady', { value: ready });
