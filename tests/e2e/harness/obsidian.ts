/**
 * The `obsidian` module as main.js sees it through `require('obsidian')` in the harness page: the classes and
 * functions of the public API that Ties uses or may use, implemented for a browser without Electron.
 */
// The harness is what provides obsidian's `moment` (the plugin rule asks plugins to take it from obsidian).
import moment from 'moment';
import 'moment/locale/nl';
import { App, Plugin } from './app';
import { Component, Events } from './events';
import { addIcon, getIcon, getIconIds, removeIcon, setIcon } from './icons';
import { getFrontMatterInfo, parseYaml, stringifyYaml, type CachedMetadata } from './metadata';
import {
  AbstractInputSuggest,
  AbstractTextComponent,
  BaseComponent,
  ButtonComponent,
  ColorComponent,
  displayTooltip,
  DropdownComponent,
  ExtraButtonComponent,
  FuzzySuggestModal,
  Keymap,
  Menu,
  MenuItem,
  Modal,
  MomentFormatComponent,
  Notice,
  PluginSettingTab,
  PopoverSuggest,
  prepareFuzzySearch,
  prepareSimpleSearch,
  ProgressBarComponent,
  renderMatches,
  renderResults,
  Scope,
  SearchComponent,
  Setting,
  SettingGroup,
  SettingTab,
  setTooltip,
  SliderComponent,
  sortSearchResults,
  SuggestModal,
  TextAreaComponent,
  TextComponent,
  ToggleComponent,
  ValueComponent,
} from './ui';
import { DataAdapter, FileManager, MetadataCache, normalizePath, TAbstractFile, TFile, TFolder, Vault } from './vault';
import {
  EditableFileView,
  FileView,
  ItemView,
  MarkdownView,
  TextFileView,
  View,
  Workspace,
  WorkspaceLeaf,
  WorkspaceSidedock,
  WorkspaceTabs,
} from './workspace';

// moment/locale/nl switches the global locale when it loads; Obsidian starts in English.
moment.locale('en');

export const apiVersion = '1.12.3';

/** Obsidian's language ('en', 'nl', …): the harness sets it from the page's `?lang=`. */
let language = 'en';
export function getLanguage(): string {
  return language;
}
export function setLanguage(lang: string): void {
  language = lang;
  moment.locale(lang);
}

export function requireApiVersion(version: string): boolean {
  const a = apiVersion.split('.').map(Number);
  const b = version.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export interface Debouncer<T extends unknown[], V> {
  (...args: T): Debouncer<T, V>;
  cancel(): Debouncer<T, V>;
  run(): V | void;
}

/** Obsidian's debounce: calls `cb` with the latest arguments `timeout` ms after the first (or, with resetTimer, the last) call. */
export function debounce<T extends unknown[], V>(cb: (...args: T) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
  let timer: number | null = null;
  let args: T | null = null;
  const fire = (): V | void => {
    timer = null;
    if (args === null) return;
    const a = args;
    args = null;
    return cb(...a);
  };
  const debounced = ((...a: T) => {
    args = a;
    if (timer !== null && resetTimer) {
      window.clearTimeout(timer);
      timer = null;
    }
    if (timer === null) timer = window.setTimeout(fire, timeout);
    return debounced;
  }) as Debouncer<T, V>;
  debounced.cancel = () => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    args = null;
    return debounced;
  };
  debounced.run = () => {
    if (timer === null) return;
    window.clearTimeout(timer);
    return fire();
  };
  return debounced;
}

export const Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false,
  resourcePathPrefix: 'app://local/',
};

export function getLinkpath(linktext: string): string {
  const i = linktext.search(/[#^]/);
  return i < 0 ? linktext : linktext.slice(0, i);
}

export function parseLinktext(linktext: string): { path: string; subpath: string } {
  const i = linktext.search(/[#^]/);
  return i < 0 ? { path: linktext, subpath: '' } : { path: linktext.slice(0, i), subpath: linktext.slice(i) };
}

export function stripHeading(heading: string): string {
  return heading.replace(/[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function stripHeadingForLink(heading: string): string {
  return heading.replace(/[#|^:%[\]\\]/g, ' ').replace(/\s+/g, ' ').trim();
}

function stringList(value: unknown, split: RegExp): string[] | null {
  if (value === null || value === undefined) return null;
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(split) : [value];
  const out = list.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map((v) => String(v).trim()).filter((v) => v !== '');
  return out.length > 0 ? out : null;
}

export function parseFrontMatterEntry(frontmatter: Record<string, unknown> | null | undefined, key: string | RegExp): unknown {
  if (!frontmatter) return null;
  for (const [k, v] of Object.entries(frontmatter)) if (typeof key === 'string' ? k === key : key.test(k)) return v;
  return null;
}

export function parseFrontMatterStringArray(frontmatter: Record<string, unknown> | null | undefined, key: string | RegExp): string[] | null {
  return stringList(parseFrontMatterEntry(frontmatter, key), /,/);
}

export function parseFrontMatterAliases(frontmatter: Record<string, unknown> | null | undefined): string[] | null {
  return parseFrontMatterStringArray(frontmatter, /^alias(es)?$/i);
}

export function parseFrontMatterTags(frontmatter: Record<string, unknown> | null | undefined): string[] | null {
  const tags = stringList(parseFrontMatterEntry(frontmatter, /^tags?$/i), /[,\s]+/);
  return tags ? tags.map((t) => (t.startsWith('#') ? t : '#' + t)) : null;
}

export function getAllTags(cache: CachedMetadata): string[] | null {
  const out = [...(parseFrontMatterTags(cache.frontmatter) ?? []), ...(cache.tags ?? []).map((t) => t.tag)];
  return out.length > 0 ? out : null;
}

export function iterateRefs(refs: { link: string }[], cb: (ref: { link: string }) => boolean | void): boolean {
  for (const ref of refs) if (cb(ref)) return true;
  return false;
}

export function iterateCacheRefs(cache: CachedMetadata, cb: (ref: { link: string }) => boolean | void): boolean {
  return iterateRefs([...(cache.links ?? []), ...(cache.embeds ?? []), ...(cache.frontmatterLinks ?? [])], cb);
}

export function resolveSubpath(): null {
  return null;
}

/** HTML → nodes, without scripts, event attributes or javascript: links. */
export function sanitizeHTMLToDom(html: string): DocumentFragment {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of [...doc.body.querySelectorAll('script, style, iframe, object, embed')]) el.remove();
  for (const el of [...doc.body.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  }
  const frag = activeDocument.createDocumentFragment();
  for (const child of [...doc.body.childNodes]) frag.appendChild(activeDocument.importNode(child, true));
  return frag;
}

export function htmlToMarkdown(html: string | HTMLElement | Document | DocumentFragment): string {
  if (typeof html === 'string') return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return html.textContent ?? '';
}

export function arrayBufferToBase64(buffer: ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(buffer)) s += String.fromCharCode(b);
  return btoa(s);
}

export function base64ToArrayBuffer(base64: string): ArrayBuffer {
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out.buffer;
}

export function arrayBufferToHex(data: ArrayBuffer): string {
  return [...new Uint8Array(data)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function hexToArrayBuffer(hex: string): ArrayBuffer {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out.buffer;
}

export async function getBlobArrayBuffer(blob: Blob): Promise<ArrayBuffer> {
  return blob.arrayBuffer();
}

/** The harness has no network: requests fail, as Obsidian's would offline. */
export async function requestUrl(request: string | { url: string }): Promise<never> {
  await Promise.resolve();
  throw new Error(`requestUrl is not available in the browser harness (${typeof request === 'string' ? request : request.url})`);
}

export async function request(req: string | { url: string }): Promise<never> {
  return requestUrl(req);
}

export class MarkdownRenderChild extends Component {
  constructor(public containerEl: HTMLElement) {
    super();
  }
}

/** Markdown as plain paragraphs with internal links: enough to read, not Obsidian's renderer. */
export class MarkdownRenderer extends MarkdownRenderChild {
  static async render(_app: App, markdown: string, el: HTMLElement, _sourcePath: string, _component: Component): Promise<void> {
    await Promise.resolve();
    for (const para of markdown.split(/\n{2,}/)) {
      const p = el.createEl('p');
      const parts = para.split(/(\[\[[^\]]+\]\])/);
      for (const part of parts) {
        const m = /^\[\[([^\]|]+)(?:\|([^\]]+))?\]\]$/.exec(part);
        if (m) p.createEl('a', { cls: 'internal-link', text: m[2] ?? m[1]!, attr: { 'data-href': m[1]!, href: m[1]! } });
        else if (part !== '') p.appendText(part);
      }
    }
  }

  static renderMarkdown(markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
    return MarkdownRenderer.render(null as unknown as App, markdown, el, sourcePath, component);
  }
}

export class HoverPopover extends Component {
  hoverEl: HTMLElement;
  state = 0;

  constructor(_parent: unknown, targetEl: HTMLElement | null, _waitTime?: number) {
    super();
    this.hoverEl = createDiv({ cls: 'popover hover-popover' });
    void targetEl;
  }
}

export const obsidianModule = {
  // lifecycle and events
  Component,
  Events,
  Plugin,
  App,
  // files
  TAbstractFile,
  TFile,
  TFolder,
  Vault,
  DataAdapter,
  MetadataCache,
  FileManager,
  // workspace
  Workspace,
  WorkspaceLeaf,
  WorkspaceTabs,
  WorkspaceSidedock,
  View,
  ItemView,
  FileView,
  EditableFileView,
  TextFileView,
  MarkdownView,
  MarkdownRenderer,
  MarkdownRenderChild,
  HoverPopover,
  // UI
  Modal,
  Notice,
  Menu,
  MenuItem,
  Setting,
  SettingGroup,
  SettingTab,
  PluginSettingTab,
  BaseComponent,
  ValueComponent,
  AbstractTextComponent,
  ButtonComponent,
  ExtraButtonComponent,
  ToggleComponent,
  TextComponent,
  TextAreaComponent,
  SearchComponent,
  MomentFormatComponent,
  DropdownComponent,
  SliderComponent,
  ColorComponent,
  ProgressBarComponent,
  SuggestModal,
  FuzzySuggestModal,
  PopoverSuggest,
  AbstractInputSuggest,
  Scope,
  Keymap,
  // functions
  setIcon,
  getIcon,
  addIcon,
  removeIcon,
  getIconIds,
  setTooltip,
  displayTooltip,
  debounce,
  normalizePath,
  moment,
  Platform,
  apiVersion,
  requireApiVersion,
  getLanguage,
  parseYaml,
  stringifyYaml,
  getFrontMatterInfo,
  parseFrontMatterAliases,
  parseFrontMatterTags,
  parseFrontMatterEntry,
  parseFrontMatterStringArray,
  getAllTags,
  getLinkpath,
  parseLinktext,
  stripHeading,
  stripHeadingForLink,
  iterateRefs,
  iterateCacheRefs,
  resolveSubpath,
  prepareFuzzySearch,
  prepareSimpleSearch,
  renderMatches,
  renderResults,
  sortSearchResults,
  sanitizeHTMLToDom,
  htmlToMarkdown,
  arrayBufferToBase64,
  base64ToArrayBuffer,
  arrayBufferToHex,
  hexToArrayBuffer,
  getBlobArrayBuffer,
  request,
  requestUrl,
};
