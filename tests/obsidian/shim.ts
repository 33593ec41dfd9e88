/**
 * The one place where obsidian-test-mocks (3.11.0) is bent to behave like Obsidian where Ties depends on it,
 * plus helpers to load the plugin over an in-memory vault.
 *
 * Gaps filled:
 * - Broken YAML: the mock's parser throws (and so does creating the file); Obsidian indexes the note
 *   without `frontmatter`, keeping `frontmatterPosition`. Emulated by parsing with the YAML blanked out.
 * - Comments: Obsidian's index holds no links, embeds, tags, headings or list items inside `%% … %%` or
 *   `<!-- … -->` (over lines too; one left open runs to the end); the mock reads them. They are dropped.
 * - List items: the mock gives every item the previous item as parent (its columns are all 0) and ends
 *   each item on its first line; Obsidian nests by indentation and spans an item's continuation lines (the
 *   lines below it up to a blank line, and indented lines after one). Recomputed from the text.
 * - Dates: the mock parses YAML with the `yaml` package (YAML 1.2 core schema), which keeps an unquoted
 *   `2026-11-20` as text, as Obsidian does; nothing to bend.
 * - Rename / delete: the mock keeps the metadata under the old path; Obsidian moves / drops it.
 * - `resolved`: the mock never fires it and has no `resolved` flag; `finishIndexing` does both.
 * - `Modal.open` closes the modal again on the next tick; here it stays open until `close()`, and every
 *   opened modal is recorded in `openedModals`.
 * - `Plugin.load` drops the promise of an async `onload`; `loadPlugin` waits for it.
 * - Views: `setViewState` does not open views; here it creates the view the plugin registered for the
 *   type, attaches it to the document, loads it and awaits `onOpen`; `detach` closes it. happy-dom has no
 *   layout, so `offsetParent` (what Obsidian's `isShown` reads) is emulated: null when the element is not in
 *   the document or it or an ancestor is `display: none` (`el.hide()`).
 */
import type { App as AppOriginal, Command, PluginManifest, TAbstractFile } from 'obsidian';
import { App, getFrontMatterInfo, MetadataCache, Modal, Plugin, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import manifestJson from '../../manifest.json';
import TiesPlugin from '../../src/main';

type Loose = Record<string, any>;

// --- parsing: broken YAML, comments, list items -------------------------------------------------------------
const mcProto = MetadataCache.prototype as unknown as Loose;
const parseFileMetadata = mcProto.parseFileMetadata as (this: Loose, file: Loose) => void;

/** The mock's parse, with broken YAML read as Obsidian reads it (no frontmatter, its position kept). */
function parseAsObsidian(this: Loose, file: Loose): void {
  try {
    parseFileMetadata.call(this, file);
    return;
  } catch (error) {
    const vault = this.app__.vault as Loose;
    const content = vault.readSync__(file) as string;
    const info = getFrontMatterInfo(content);
    if (!info.exists) throw error;
    const blanked = content.slice(0, info.from) + content.slice(info.from, info.to).replace(/[^\r\n]/g, ' ') + content.slice(info.to);
    vault.readSync__ = () => blanked;
    try {
      parseFileMetadata.call(this, file);
    } finally {
      delete vault.readSync__;
    }
    const cache = (this.cache__ as Map<string, Loose>).get(file.path as string)!;
    delete cache.frontmatter;
    delete cache.frontmatterLinks;
  }
}

mcProto.parseFileMetadata = function (this: Loose, file: Loose): void {
  const caches = this.cache__ as Map<string, Loose>;
  const before = caches.get(file.path as string);
  // The mock announces its cache at once; hold that back until the cache looks like Obsidian's.
  this.trigger = () => undefined;
  try {
    parseAsObsidian.call(this, file);
  } finally {
    delete this.trigger;
  }
  const cache = caches.get(file.path as string);
  if (!cache || cache === before) return;
  const content = (this.app__.vault as Loose).readSync__(file) as string;
  bendLikeObsidian(cache, content);
  this.trigger('changed', file, content, cache);
};

/** Offsets [from, to) of the comments in a note, outside fenced and inline code, as Obsidian hides them. */
function commentRanges(content: string): [number, number][] {
  const code: [number, number][] = [];
  for (const m of content.matchAll(/^(`{3,}|~{3,}).*\n[\s\S]*?^\1[ \t]*$/gm)) code.push([m.index, m.index + m[0].length]);
  for (const m of content.matchAll(/`[^`\n]+`/g)) code.push([m.index, m.index + m[0].length]);
  const inCode = (at: number) => code.some(([a, b]) => at >= a && at < b);
  const ranges: [number, number][] = [];
  for (const m of content.matchAll(/%%|<!--/g)) {
    const at = m.index;
    if ((ranges.length > 0 && at < ranges[ranges.length - 1]![1]) || inCode(at)) continue;
    const closer = m[0] === '%%' ? '%%' : '-->';
    const close = content.indexOf(closer, at + m[0].length);
    ranges.push([at, close < 0 ? content.length : close + closer.length]);
  }
  return ranges;
}

function bendLikeObsidian(cache: Loose, content: string): void {
  const ranges = commentRanges(content);
  const visible = (entry: Loose) => {
    const at = (entry.position as Loose).start.offset as number;
    return !ranges.some(([a, b]) => at >= a && at < b);
  };
  for (const key of ['links', 'embeds', 'tags', 'headings', 'listItems']) {
    if (!Array.isArray(cache[key])) continue;
    cache[key] = (cache[key] as Loose[]).filter(visible);
    if ((cache[key] as Loose[]).length === 0) delete cache[key];
  }
  if (Array.isArray(cache.listItems)) nestListItems(cache.listItems as Loose[], content.split('\n'));
}

/** Parents by indentation and item ends over continuation lines, as Obsidian gives them. */
function nestListItems(items: Loose[], lines: string[]): void {
  const indentOf = (line: string) => line.replace(/\r$/, '').length - line.replace(/\r$/, '').trimStart().length;
  const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';
  const starts = new Set(items.map((it) => (it.position as Loose).start.line as number));
  const stack: { indent: number; line: number }[] = [];
  let listStart = -1;
  let previousEnd = -2;
  for (const item of items) {
    const line = (item.position as Loose).start.line as number;
    const indent = indentOf(lines[line]!);
    if (line > previousEnd + 1 && lines.slice(previousEnd + 1, line).some((l) => !isBlank(l) && indentOf(l) === 0)) stack.length = 0;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    if (stack.length === 0 && (listStart < 0 || line > previousEnd + 1)) listStart = line;
    item.parent = stack.length > 0 ? stack[stack.length - 1]!.line : -listStart;
    stack.push({ indent, line });
    let end = line;
    for (let j = line + 1; j < lines.length && !starts.has(j) && !/^\s{0,3}#{1,6}\s/.test(lines[j]!); j++) {
      if (isBlank(lines[j])) continue;
      if (isBlank(lines[j - 1]) && indentOf(lines[j]!) <= indent) break;
      end = j;
    }
    (item.position as Loose).end = { line: end, col: lines[end]!.replace(/\r$/, '').length, offset: 0 };
    previousEnd = end;
  }
}

// --- modals stay open ---------------------------------------------------------------------------------------
export const openedModals: unknown[] = [];
(Modal.prototype as unknown as Loose).open = function (this: Modal): void {
  openedModals.push(this);
  void this.onOpen();
};

// --- views --------------------------------------------------------------------------------------------------
const viewCreators = new Map<string, (leaf: unknown) => Loose>();
const pluginProto = Plugin.prototype as unknown as Loose;
const registerView = pluginProto.registerView as (this: Loose, type: string, creator: (leaf: unknown) => Loose) => void;
pluginProto.registerView = function (this: Loose, type: string, creator: (leaf: unknown) => Loose): void {
  registerView.call(this, type, creator);
  viewCreators.set(type, creator);
  this.register(() => {
    if (viewCreators.get(type) === creator) viewCreators.delete(type);
  });
};

function closeView(leaf: Loose): void {
  const view = leaf.view as Loose | null;
  if (!view) return;
  leaf.view = null;
  void view.onClose();
  view.unload();
  (view.containerEl as HTMLElement).remove();
}

const leafProto = WorkspaceLeaf.prototype as unknown as Loose;
const setViewState = leafProto.setViewState as (this: Loose, state: Loose, eState?: Loose) => Promise<void>;
leafProto.setViewState = async function (this: Loose, state: Loose, eState?: Loose): Promise<void> {
  await setViewState.call(this, state, eState);
  const creator = viewCreators.get(state.type as string);
  if (!creator || (this.view as Loose | null)?.getViewType() === state.type) return;
  closeView(this);
  const view = creator(this);
  this.view = view;
  document.body.appendChild(view.containerEl as HTMLElement);
  view.load();
  await view.onOpen();
};
const detachLeaf = leafProto.detach as (this: Loose) => void;
leafProto.detach = function (this: Loose): void {
  closeView(this);
  detachLeaf.call(this);
};

if (!('offsetParent' in HTMLElement.prototype))
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement): Element | null {
      if (!this.isConnected || this.style.display === 'none') return null;
      for (let el = this.parentElement; el; el = el.parentElement) if (el.style.display === 'none') return null;
      return this.parentElement;
    },
  });

// --- apps ---------------------------------------------------------------------------------------------------
export interface TestApp {
  mock: App;
  app: AppOriginal;
}

/** An app over these files (path → content), with the metadata cache following renames and deletes. */
export function createApp(files: Record<string, string>): TestApp {
  const mock = App.createConfigured__({ files });
  const app = mock.asOriginalType__();
  const cache = (app.metadataCache as unknown as Loose).cache__ as Map<string, unknown>;
  // Registered before any plugin's handlers, so the cache has moved when theirs run.
  app.vault.on('rename', (file: TAbstractFile, oldPath: string) => {
    for (const [path, value] of [...cache]) {
      if (path !== oldPath && !path.startsWith(oldPath + '/')) continue;
      cache.delete(path);
      cache.set(file.path + path.slice(oldPath.length), value);
    }
  });
  app.vault.on('delete', (file: TAbstractFile) => {
    for (const path of [...cache.keys()]) if (path === file.path || path.startsWith(file.path + '/')) cache.delete(path);
  });
  return { mock, app };
}

/** Layout ready and every file resolved, as when Obsidian has finished starting. */
export function finishIndexing(t: TestApp): void {
  (t.app.metadataCache as unknown as Loose).resolved = true;
  t.mock.workspace.setLayoutReady__();
  t.app.metadataCache.trigger('resolved');
}

export const manifest = manifestJson as PluginManifest;

/** Constructs and loads the plugin (awaiting its async onload). Call finishIndexing before or after. */
export async function loadPlugin(t: TestApp, data: unknown = {}): Promise<TiesPlugin> {
  const plugin = new TiesPlugin(t.app, manifest);
  const loose = plugin as unknown as Loose;
  loose.data__ = data;
  const onload = plugin.onload.bind(plugin);
  let loading: Promise<void> = Promise.resolve();
  loose.onload = () => (loading = onload());
  plugin.load();
  await loading;
  return plugin;
}

/** An app over these files with the plugin loaded and its index done reading them. */
export async function startPlugin(files: Record<string, string>, data: unknown = {}): Promise<{ t: TestApp; plugin: TiesPlugin }> {
  const t = createApp(files);
  const plugin = await loadPlugin(t, data);
  finishIndexing(t);
  await plugin.sync.whenLoaded();
  await plugin.sync.idle();
  return { t, plugin };
}

/** The command the plugin registered under `id` (without the plugin id). */
export function command(plugin: TiesPlugin, id: string): Command {
  const found = ((plugin as unknown as Loose).commands__ as Map<string, Command>).get(id);
  if (!found) throw new Error(`no command ${id}`);
  return found;
}

/** Every file's content, to check that nothing was written. */
export async function snapshot(app: AppOriginal): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of app.vault.getFiles()) out.set(f.path, await app.vault.read(f));
  return out;
}
