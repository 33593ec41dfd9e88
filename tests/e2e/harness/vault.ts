/**
 * An in-memory vault with Obsidian's Vault, MetadataCache and FileManager APIs. Every write stays in the page:
 * the files on disk are never touched.
 *
 * Timing as in Obsidian: a write fires the vault's `modify` (or `create`) at once; the metadata cache reads
 * the note again a little later and then fires `changed`, `resolve` and `resolved`. `settled()` waits for
 * that.
 */
import { Events } from './events';
import { findFrontmatter, parseMetadata, parseYaml, stringifyYaml, type CachedMetadata, type LinkCache } from './metadata';

export function normalizePath(path: string): string {
  let p = path.replace(/[\\/]+/g, '/').replace(/\u00a0|\u202f/g, ' ');
  p = p.replace(/^\/+|\/+$/g, '');
  if (p === '') return '/';
  return p.normalize('NFC');
}

export abstract class TAbstractFile {
  vault!: Vault;
  path = '';
  name = '';
  parent: TFolder | null = null;
}

export class TFile extends TAbstractFile {
  stat = { ctime: 0, mtime: 0, size: 0 };
  basename = '';
  extension = '';
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];
  isRoot(): boolean {
    return this.path === '/';
  }
}

function setPath(file: TAbstractFile, path: string): void {
  file.path = path;
  file.name = path === '/' ? '' : path.slice(path.lastIndexOf('/') + 1);
  if (file instanceof TFile) {
    const dot = file.name.lastIndexOf('.');
    file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
    file.extension = dot > 0 ? file.name.slice(dot + 1) : '';
  }
}

function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '/' : path.slice(0, i);
}

const encoder = new TextEncoder();

export class Vault extends Events {
  // This is Vault#configDir itself (the plugin rule asks plugins to read it from here).
  readonly configDir = '.obsidian';
  readonly adapter: DataAdapter;
  private readonly root: TFolder;
  private readonly byPath = new Map<string, TAbstractFile>();
  private readonly contents = new Map<string, string>();
  private readonly config: Record<string, unknown> = { newFileLocation: 'root', useMarkdownLinks: false, newLinkFormat: 'shortest' };
  /** Every write, in order, for tests: what was written where. */
  readonly writes: { op: string; path: string; oldPath?: string }[] = [];
  metadataCache!: MetadataCache;

  constructor(
    private readonly name: string,
    files: Record<string, string>,
    /** The config folder's files by name (`daily-notes.json`): not notes, read only through the adapter, as in Obsidian. */
    readonly configFiles: Record<string, string> = {},
  ) {
    super();
    this.root = new TFolder();
    this.root.vault = this;
    setPath(this.root, '/');
    this.byPath.set('/', this.root);
    this.adapter = new DataAdapter(this);
    const now = Date.now();
    for (const path of Object.keys(files).sort()) {
      const file = this.addFile(path);
      this.contents.set(path, files[path]!);
      file.stat = { ctime: now, mtime: now, size: encoder.encode(files[path]).length };
    }
  }

  getName(): string {
    return this.name;
  }

  getConfig(key: string): unknown {
    return this.config[key];
  }

  setConfig(key: string, value: unknown): void {
    this.config[key] = value;
  }

  getRoot(): TFolder {
    return this.root;
  }

  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this.byPath.get(normalizePath(path)) ?? null;
  }

  getFileByPath(path: string): TFile | null {
    const f = this.getAbstractFileByPath(path);
    return f instanceof TFile ? f : null;
  }

  getFolderByPath(path: string): TFolder | null {
    const f = this.getAbstractFileByPath(path);
    return f instanceof TFolder ? f : null;
  }

  getAllLoadedFiles(): TAbstractFile[] {
    return [...this.byPath.values()];
  }

  getAllFolders(includeRoot = false): TFolder[] {
    return [...this.byPath.values()].filter((f): f is TFolder => f instanceof TFolder && (includeRoot || f !== this.root));
  }

  getFiles(): TFile[] {
    return [...this.byPath.values()].filter((f): f is TFile => f instanceof TFile);
  }

  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === 'md');
  }

  static recurseChildren(root: TFolder, cb: (file: TAbstractFile) => unknown): void {
    const walk = (f: TAbstractFile): void => {
      cb(f);
      if (f instanceof TFolder) for (const c of [...f.children]) walk(c);
    };
    walk(root);
  }

  getResourcePath(file: TFile): string {
    return 'app://local/' + encodeURI(file.path);
  }

  /** The text of a file, synchronously (harness and tests). */
  readText(path: string): string | undefined {
    return this.contents.get(normalizePath(path));
  }

  async read(file: TFile): Promise<string> {
    await Promise.resolve();
    const text = this.contents.get(file.path);
    if (text === undefined || this.byPath.get(file.path) !== file) throw new Error(`ENOENT: no such file, open '${file.path}'`);
    return text;
  }

  cachedRead(file: TFile): Promise<string> {
    return this.read(file);
  }

  async readBinary(file: TFile): Promise<ArrayBuffer> {
    return encoder.encode(await this.read(file)).buffer;
  }

  async create(path: string, data: string): Promise<TFile> {
    await Promise.resolve();
    const p = normalizePath(path);
    if (this.byPath.has(p)) throw new Error('File already exists.');
    // As Obsidian on disk: the folder must exist (createFolder first).
    if (!(this.byPath.get(parentPath(p)) instanceof TFolder)) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
    const file = this.addFile(p);
    this.contents.set(p, data);
    const now = Date.now();
    file.stat = { ctime: now, mtime: now, size: encoder.encode(data).length };
    this.writes.push({ op: 'create', path: p });
    this.trigger('create', file);
    this.metadataCache.fileChanged(file);
    return file;
  }

  async createFolder(path: string): Promise<TFolder> {
    await Promise.resolve();
    const p = normalizePath(path);
    if (this.byPath.has(p)) throw new Error('Folder already exists.');
    const folder = this.ensureFolder(p);
    return folder;
  }

  async modify(file: TFile, data: string): Promise<void> {
    await Promise.resolve();
    this.write(file, data);
  }

  async append(file: TFile, data: string): Promise<void> {
    const text = await this.read(file);
    this.write(file, text + data);
  }

  async process(file: TFile, fn: (data: string) => string): Promise<string> {
    await Promise.resolve();
    const text = this.contents.get(file.path);
    if (text === undefined) throw new Error(`ENOENT: no such file, open '${file.path}'`);
    const next = fn(text);
    this.write(file, next);
    return next;
  }

  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    await Promise.resolve();
    const to = normalizePath(newPath);
    const from = file.path;
    if (to === from) return;
    if (this.byPath.has(to) && this.byPath.get(to) !== file) throw new Error('Destination file already exists!');
    const moved: [TAbstractFile, string][] = [];
    Vault.recurseChildren(file as TFolder, (f) => moved.push([f, f.path]));
    if (!(file instanceof TFolder)) moved.splice(0, moved.length, [file, from]);
    file.parent?.children.remove(file);
    for (const [f, old] of moved) {
      this.byPath.delete(old);
      const p = to + old.slice(from.length);
      setPath(f, p);
      this.byPath.set(p, f);
      const text = this.contents.get(old);
      if (text !== undefined) {
        this.contents.delete(old);
        this.contents.set(p, text);
      }
    }
    const parent = this.ensureFolder(parentPath(to));
    file.parent = parent;
    parent.children.push(file);
    this.writes.push({ op: 'rename', path: to, oldPath: from });
    this.metadataCache.fileRenamed(moved.map(([f, old]) => [f, old]));
    for (const [f, old] of moved) this.trigger('rename', f, old);
  }

  async delete(file: TAbstractFile): Promise<void> {
    await Promise.resolve();
    const gone: TAbstractFile[] = [];
    if (file instanceof TFolder) Vault.recurseChildren(file, (f) => gone.push(f));
    else gone.push(file);
    file.parent?.children.remove(file);
    // Children first, as Obsidian reports a folder's contents before the folder.
    for (const f of gone.reverse()) {
      this.byPath.delete(f.path);
      this.contents.delete(f.path);
      this.writes.push({ op: 'delete', path: f.path });
      this.trigger('delete', f);
      if (f instanceof TFile) this.metadataCache.fileDeleted(f);
    }
  }

  trash(file: TAbstractFile): Promise<void> {
    return this.delete(file);
  }

  async copy<T extends TAbstractFile>(file: T, newPath: string): Promise<T> {
    if (!(file instanceof TFile)) throw new Error('Copying folders is not supported by the harness');
    return (await this.create(newPath, await this.read(file))) as unknown as T;
  }

  private write(file: TFile, data: string): void {
    if (this.byPath.get(file.path) !== file) throw new Error(`ENOENT: no such file, open '${file.path}'`);
    this.contents.set(file.path, data);
    file.stat = { ...file.stat, mtime: Date.now(), size: encoder.encode(data).length };
    this.writes.push({ op: 'modify', path: file.path });
    this.trigger('modify', file);
    this.metadataCache.fileChanged(file);
  }

  private addFile(path: string): TFile {
    const file = new TFile();
    file.vault = this;
    setPath(file, path);
    const parent = this.ensureFolder(parentPath(path));
    file.parent = parent;
    parent.children.push(file);
    this.byPath.set(path, file);
    return file;
  }

  private ensureFolder(path: string): TFolder {
    const existing = this.byPath.get(path);
    if (existing instanceof TFolder) return existing;
    if (existing) throw new Error(`${path} is a file, not a folder`);
    const folder = new TFolder();
    folder.vault = this;
    setPath(folder, path);
    const parent = this.ensureFolder(parentPath(path));
    folder.parent = parent;
    parent.children.push(folder);
    this.byPath.set(path, folder);
    this.trigger('create', folder);
    return folder;
  }
}

/** The part of DataAdapter a plugin may touch: paths relative to the vault, text only. */
export class DataAdapter {
  constructor(private readonly vault: Vault) {}

  getName(): string {
    return this.vault.getName();
  }

  /** The name of a file in the config folder that `path` names, or null. */
  private configName(path: string): string | null {
    const prefix = `${this.vault.configDir}/`;
    return path.startsWith(prefix) && Object.prototype.hasOwnProperty.call(this.vault.configFiles, path.slice(prefix.length)) ? path.slice(prefix.length) : null;
  }

  async exists(path: string): Promise<boolean> {
    await Promise.resolve();
    return this.configName(path) !== null || this.vault.getAbstractFileByPath(path) !== null;
  }

  async read(path: string): Promise<string> {
    const config = this.configName(path);
    if (config !== null) return this.vault.configFiles[config]!;
    const file = this.vault.getFileByPath(path);
    if (!file) throw new Error(`ENOENT: no such file, open '${path}'`);
    return this.vault.read(file);
  }

  async write(path: string, data: string): Promise<void> {
    const file = this.vault.getFileByPath(path);
    if (file) await this.vault.modify(file, data);
    else await this.vault.create(path, data);
  }

  async list(path: string): Promise<{ files: string[]; folders: string[] }> {
    await Promise.resolve();
    const folder = path === '' || path === '/' ? this.vault.getRoot() : this.vault.getFolderByPath(path);
    if (!folder) throw new Error(`ENOENT: no such folder '${path}'`);
    return {
      files: folder.children.filter((c) => c instanceof TFile).map((c) => c.path),
      folders: folder.children.filter((c) => c instanceof TFolder).map((c) => c.path),
    };
  }

  async stat(path: string): Promise<{ type: 'file' | 'folder'; ctime: number; mtime: number; size: number } | null> {
    await Promise.resolve();
    const f = this.vault.getAbstractFileByPath(path);
    if (!f) return null;
    if (f instanceof TFile) return { type: 'file', ...f.stat };
    return { type: 'folder', ctime: 0, mtime: 0, size: 0 };
  }

  async mkdir(path: string): Promise<void> {
    if (!this.vault.getFolderByPath(path)) await this.vault.createFolder(path);
  }

  async remove(path: string): Promise<void> {
    const f = this.vault.getAbstractFileByPath(path);
    if (f) await this.vault.delete(f);
  }

  async rename(from: string, to: string): Promise<void> {
    const f = this.vault.getAbstractFileByPath(from);
    if (!f) throw new Error(`ENOENT: no such file '${from}'`);
    await this.vault.rename(f, to);
  }

  getResourcePath(path: string): string {
    return 'app://local/' + encodeURI(path);
  }
}

export class MetadataCache extends Events {
  /** Not in obsidian.d.ts, but Obsidian has it: true once every file has been read. */
  resolved = false;
  resolvedLinks: Record<string, Record<string, number>> = {};
  unresolvedLinks: Record<string, Record<string, number>> = {};
  private readonly caches = new Map<string, CachedMetadata>();
  private pending = new Set<TFile>();
  private timer: number | null = null;
  private waiters: (() => void)[] = [];

  constructor(private readonly vault: Vault) {
    super();
    vault.metadataCache = this;
    for (const file of vault.getMarkdownFiles()) this.caches.set(file.path, parseMetadata(vault.readText(file.path)!));
    this.resolveAll();
  }

  getFileCache(file: TFile): CachedMetadata | null {
    return this.caches.get(file.path) ?? null;
  }

  getCache(path: string): CachedMetadata | null {
    return this.caches.get(normalizePath(path)) ?? null;
  }

  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    let lp = linkpath;
    const hash = lp.indexOf('#');
    if (hash >= 0) lp = lp.slice(0, hash);
    lp = normalizePath(lp.trim());
    if (lp === '/' || lp === '') return this.vault.getFileByPath(sourcePath);
    const direct = this.vault.getFileByPath(lp) ?? this.vault.getFileByPath(lp + '.md');
    if (direct) return direct;
    const folder = parentPath(sourcePath);
    if (folder !== '/') {
      const relative = this.vault.getFileByPath(`${folder}/${lp}`) ?? this.vault.getFileByPath(`${folder}/${lp}.md`);
      if (relative) return relative;
    }
    const want = lp.toLowerCase();
    const withMd = want.endsWith('.md') ? want : want + '.md';
    const matches = this.vault
      .getFiles()
      .filter((f) => {
        const p = f.path.toLowerCase();
        return p === withMd || p.endsWith('/' + withMd) || p === want || p.endsWith('/' + want);
      })
      .sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : 1));
    return matches[0] ?? null;
  }

  fileToLinktext(file: TFile, sourcePath: string, omitMdExtension = true): string {
    const name = omitMdExtension && file.extension === 'md' ? file.basename : file.name;
    const dest = this.getFirstLinkpathDest(name, sourcePath);
    if (dest === file) return name;
    return omitMdExtension && file.extension === 'md' ? file.path.slice(0, -3) : file.path;
  }

  /** Resolves once every change so far has been read again and announced. */
  settled(): Promise<void> {
    if (this.pending.size === 0 && this.timer === null) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Layout ready and indexing done: what boot calls once, as Obsidian does when it has read every file. */
  finishIndexing(): void {
    this.resolved = true;
    for (const file of this.vault.getMarkdownFiles()) this.trigger('resolve', file);
    this.trigger('resolved');
  }

  fileChanged(file: TFile): void {
    if (file.extension !== 'md') return;
    this.pending.add(file);
    if (this.timer === null) this.timer = window.setTimeout(() => this.flush(), 5);
  }

  fileRenamed(moved: [TAbstractFile, string][]): void {
    for (const [f, old] of moved) {
      const cache = this.caches.get(old);
      if (cache === undefined) continue;
      this.caches.delete(old);
      if (f instanceof TFile && f.extension === 'md') this.caches.set(f.path, cache);
      else if (f instanceof TFile) this.trigger('deleted', f, cache);
    }
    for (const [f] of moved) if (f instanceof TFile && f.extension === 'md' && !this.caches.has(f.path)) this.fileChanged(f);
    this.resolveAll();
  }

  fileDeleted(file: TFile): void {
    const prev = this.caches.get(file.path) ?? null;
    this.caches.delete(file.path);
    this.pending.delete(file);
    if (prev) this.trigger('deleted', file, prev);
    this.resolveAll();
  }

  private flush(): void {
    this.timer = null;
    const files = [...this.pending];
    this.pending.clear();
    const done: TFile[] = [];
    for (const file of files) {
      const text = this.vault.readText(file.path);
      if (text === undefined || this.vault.getFileByPath(file.path) !== file) continue;
      const cache = parseMetadata(text);
      this.caches.set(file.path, cache);
      this.trigger('changed', file, text, cache);
      done.push(file);
    }
    this.resolveAll();
    for (const file of done) this.trigger('resolve', file);
    if (this.resolved) this.trigger('resolved');
    if (this.pending.size === 0 && this.timer === null) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }
  }

  private resolveAll(): void {
    const resolved: Record<string, Record<string, number>> = {};
    const unresolved: Record<string, Record<string, number>> = {};
    for (const [path, cache] of this.caches) {
      const r: Record<string, number> = {};
      const u: Record<string, number> = {};
      const refs: { link: string }[] = [...(cache.links ?? []), ...(cache.embeds ?? []), ...(cache.frontmatterLinks ?? [])];
      for (const ref of refs) {
        const dest = this.getFirstLinkpathDest(ref.link, path);
        if (dest) r[dest.path] = (r[dest.path] ?? 0) + 1;
        else {
          const name = ref.link.split('#')[0]!;
          if (name !== '') u[name] = (u[name] ?? 0) + 1;
        }
      }
      resolved[path] = r;
      unresolved[path] = u;
    }
    this.resolvedLinks = resolved;
    this.unresolvedLinks = unresolved;
  }
}

export class FileManager {
  constructor(
    private readonly vault: Vault,
    private readonly metadataCache: MetadataCache,
  ) {}

  getNewFileParent(): TFolder {
    return this.vault.getRoot();
  }

  /**
   * Parses the frontmatter, lets `fn` change it, writes it back in key order with the body byte-identical.
   * Throws, writing nothing, when the YAML cannot be read (Obsidian throws a YAMLParseError).
   */
  async processFrontMatter(file: TFile, fn: (frontmatter: any) => void): Promise<void> {
    await this.vault.process(file, (text) => {
      const block = findFrontmatter(text);
      let data: Record<string, unknown> = {};
      if (block) {
        const parsed = parseYaml(block.yaml);
        if (parsed !== null && parsed !== undefined) {
          if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('Frontmatter is not an object');
          data = parsed as Record<string, unknown>;
        }
      }
      fn(data);
      const body = block ? text.slice(block.bodyStart) : text;
      if (Object.keys(data).length === 0) return block ? body : text;
      const eol = block && text.slice(0, text.indexOf('\n')).endsWith('\r') ? '\r\n' : '\n';
      const yaml = stringifyYaml(data).replace(/\n/g, eol);
      return `---${eol}${yaml}---${eol}${body}`;
    });
  }

  /** Renames the file and updates the links that point to it in every other note. */
  async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
    const targets = new Set<TAbstractFile>();
    if (file instanceof TFolder) Vault.recurseChildren(file, (f) => targets.add(f));
    else targets.add(file);
    // Which links point at the moved files, found before the move (afterwards they no longer resolve).
    const edits = new Map<TFile, { ref: LinkCache; target: TFile }[]>();
    for (const source of this.vault.getMarkdownFiles()) {
      const cache = this.metadataCache.getFileCache(source);
      for (const ref of [...(cache?.links ?? []), ...(cache?.embeds ?? [])]) {
        const dest = this.metadataCache.getFirstLinkpathDest(ref.link, source.path);
        if (dest && targets.has(dest) && ref.original.includes('[[')) {
          const list = edits.get(source) ?? [];
          list.push({ ref, target: dest });
          edits.set(source, list);
        }
      }
    }
    const fmEdits: { source: TFile; from: string; target: TFile }[] = [];
    for (const source of this.vault.getMarkdownFiles()) {
      for (const ref of this.metadataCache.getFileCache(source)?.frontmatterLinks ?? []) {
        const dest = this.metadataCache.getFirstLinkpathDest(ref.link, source.path);
        if (dest && targets.has(dest)) fmEdits.push({ source, from: ref.link.split('#')[0]!, target: dest });
      }
    }
    await this.vault.rename(file, newPath);
    const sources = new Set<TFile>([...edits.keys(), ...fmEdits.map((e) => e.source)]);
    for (const source of sources) {
      await this.vault.process(source, (text) => {
        let out = text;
        const list = (edits.get(source) ?? []).sort((a, b) => b.ref.position.start.offset - a.ref.position.start.offset);
        for (const { ref, target } of list) {
          const linktext = this.metadataCache.fileToLinktext(target, source.path);
          const rest = ref.link.includes('#') ? ref.link.slice(ref.link.indexOf('#')) : '';
          const alias = ref.original.includes('|') ? ref.original.slice(ref.original.indexOf('|'), -2) : '';
          const bang = ref.original.startsWith('!') ? '!' : '';
          const replacement = `${bang}[[${linktext}${rest}${alias}]]`;
          out = out.slice(0, ref.position.start.offset) + replacement + out.slice(ref.position.end.offset);
        }
        const block = findFrontmatter(out);
        if (block) {
          let yaml = block.yaml;
          for (const e of fmEdits.filter((x) => x.source === source)) {
            const linktext = this.metadataCache.fileToLinktext(e.target, source.path);
            yaml = yaml.split(`[[${e.from}]]`).join(`[[${linktext}]]`).split(`[[${e.from}|`).join(`[[${linktext}|`).split(`[[${e.from}#`).join(`[[${linktext}#`);
          }
          const start = out.indexOf('\n') + 1;
          out = out.slice(0, start) + yaml + out.slice(start + block.yaml.length);
        }
        return out;
      });
    }
  }

  async trashFile(file: TAbstractFile): Promise<void> {
    await this.vault.delete(file);
  }

  async promptForDeletion(file: TAbstractFile): Promise<boolean> {
    await this.vault.delete(file);
    return true;
  }

  generateMarkdownLink(file: TFile, sourcePath: string, subpath = '', alias = ''): string {
    const linktext = this.metadataCache.fileToLinktext(file, sourcePath);
    return `[[${linktext}${subpath}${alias ? '|' + alias : ''}]]`;
  }

  async getAvailablePathForAttachment(filename: string): Promise<string> {
    await Promise.resolve();
    return filename;
  }
}
