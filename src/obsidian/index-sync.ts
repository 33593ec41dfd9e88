/**
 * Keeps a PeopleIndex in step with the vault. One full load once the metadata cache has resolved, then one
 * note at a time: `changed` (the cache of a note was refreshed), `rename` and `delete`. New notes arrive as
 * `changed` too, so `create` is not followed.
 *
 * Work on one path runs in order (each task waits for the previous one on that path), and every event
 * bumps the path's version: a read that finishes after a newer event on its path is dropped, so a stale
 * read never overwrites a newer one. A full rebuild (start-up, settings change) is a barrier that later
 * tasks wait for, and tasks that were already under way when it started are dropped: it reads every note.
 */
import { Component, TFile, TFolder, type App, type TAbstractFile } from 'obsidian';
import type { CoreSettings, NoteRecord } from '../core/types';
import type { PeopleIndex } from '../index/people-index';
import { appSource, buildRecord, type RecordSource } from './records';

/** How many notes are read at once during a full load. */
const BATCH = 64;

function isMarkdown(file: TAbstractFile): file is TFile {
  return file instanceof TFile && file.extension === 'md';
}

function isMarkdownPath(path: string): boolean {
  return path.toLowerCase().endsWith('.md');
}

/** MetadataCache has a `resolved` flag that obsidian.d.ts does not declare; null when it is absent. */
function cacheResolved(app: App): boolean | null {
  const cache = app.metadataCache as unknown as Record<string, unknown>;
  if (!('resolved' in cache)) return null;
  const value = cache.resolved;
  return typeof value === 'boolean' ? value : null;
}

export class IndexSync extends Component {
  private readonly source: RecordSource;
  /** Paths of every note in the index, to follow a deleted or renamed folder. */
  private readonly known = new Set<string>();
  private readonly versions = new Map<string, number>();
  private readonly queues = new Map<string, Promise<void>>();
  private barrier: Promise<void> = Promise.resolve();
  private epoch = 0;
  private active = false;
  private started = false;
  private loadedOnce = false;
  private firstLoad: Promise<void>;
  private resolveFirstLoad: () => void = () => undefined;

  constructor(
    private readonly app: App,
    private readonly index: PeopleIndex,
    private readonly settings: () => CoreSettings,
  ) {
    super();
    this.source = appSource(app);
    this.firstLoad = new Promise<void>((resolve) => (this.resolveFirstLoad = resolve));
  }

  /** True once every note has been read the first time. */
  get loaded(): boolean {
    return this.loadedOnce;
  }

  /** Settles when the first full load is done. */
  whenLoaded(): Promise<void> {
    return this.firstLoad;
  }

  /** Settles when every task queued so far, and any it led to, is done (tests, and callers that wrote a note). */
  async idle(): Promise<void> {
    for (;;) {
      const barrier = this.barrier;
      await barrier;
      await Promise.all([...this.queues.values()]);
      if (barrier === this.barrier && this.queues.size === 0) return;
    }
  }

  override onload(): void {
    this.active = true;
    this.app.workspace.onLayoutReady(() => this.start());
  }

  override onunload(): void {
    this.active = false;
    this.epoch++;
  }

  /** Reads every note again, e.g. after a settings change. */
  reload(): Promise<void> {
    if (!this.started || !this.active) return this.barrier;
    const epoch = ++this.epoch;
    const previous = this.barrier;
    this.barrier = previous
      .then(() => this.loadAll(epoch))
      .catch((error: unknown) => console.error('Ties: could not read the vault', error));
    return this.barrier;
  }

  private start(): void {
    if (!this.active || this.started) return;
    this.started = true;
    const { metadataCache, vault } = this.app;
    this.registerEvent(metadataCache.on('changed', (file) => this.changed(file)));
    this.registerEvent(vault.on('rename', (file, oldPath) => this.renamed(file, oldPath)));
    this.registerEvent(vault.on('delete', (file) => this.deleted(file)));

    const resolved = cacheResolved(this.app);
    if (resolved === true) {
      void this.reload();
      return;
    }
    // Not resolved yet: load when it is. When the flag is unknown, load now as well (a partial index beats
    // none) and again once everything has resolved.
    if (resolved === null) void this.reload();
    const ref = metadataCache.on('resolved', () => {
      metadataCache.offref(ref);
      void this.reload();
    });
    this.registerEvent(ref);
  }

  private async loadAll(epoch: number): Promise<void> {
    if (epoch !== this.epoch || !this.active) return;
    const settings = this.settings();
    const files = this.app.vault.getMarkdownFiles();
    const records: NoteRecord[] = [];
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = await Promise.all(files.slice(i, i + BATCH).map((f) => this.read(f, settings)));
      if (epoch !== this.epoch || !this.active) return;
      for (const r of batch) if (r) records.push(r);
    }
    this.known.clear();
    for (const r of records) this.known.add(r.path);
    this.index.rebuild(records, settings);
    if (!this.loadedOnce) {
      this.loadedOnce = true;
      this.resolveFirstLoad();
    }
  }

  private async read(file: TFile, settings: CoreSettings): Promise<NoteRecord | null> {
    try {
      return await buildRecord(this.source, file, settings);
    } catch {
      // Deleted or moved while it was read; its own event brings the index up to date.
      return null;
    }
  }

  private bump(path: string): number {
    const v = (this.versions.get(path) ?? 0) + 1;
    this.versions.set(path, v);
    return v;
  }

  private current(path: string, version: number): boolean {
    return this.versions.get(path) === version;
  }

  /** Runs `work` after the barrier and after earlier work on these paths. */
  private enqueue(paths: string[], work: (epoch: number) => Promise<void> | void): void {
    const before: Promise<void>[] = [this.barrier];
    for (const p of paths) {
      const queued = this.queues.get(p);
      if (queued) before.push(queued);
    }
    const task: Promise<void> = Promise.all(before)
      .then(async () => {
        if (!this.active) return;
        await work(this.epoch);
      })
      .catch((error: unknown) => console.error('Ties: could not update the index', error))
      .finally(() => {
        for (const p of paths) if (this.queues.get(p) === task) this.queues.delete(p);
        for (const p of paths) if (!this.queues.has(p)) this.versions.delete(p);
      });
    for (const p of paths) this.queues.set(p, task);
  }

  /** Before the first full load is asked for, events need no work: that load reads every note. */
  private waiting(): boolean {
    return this.epoch === 0;
  }

  private changed(file: TFile): void {
    if (this.waiting() || !isMarkdown(file)) return;
    const path = file.path;
    const version = this.bump(path);
    this.enqueue([path], async (epoch) => {
      if (!this.current(path, version)) return;
      const record = await this.read(file, this.settings());
      // Dropped when a newer event came for this path, or a rebuild started meanwhile.
      if (!record || record.path !== path || !this.current(path, version) || epoch !== this.epoch) return;
      this.index.set(record);
      this.known.add(path);
    });
  }

  private renamed(file: TAbstractFile, oldPath: string): void {
    if (this.waiting()) return;
    if (file instanceof TFolder) {
      // Obsidian also reports each note in the folder; following them here too is harmless.
      const prefix = oldPath + '/';
      for (const child of this.descendants(file)) this.renamed(child, prefix + child.path.slice(file.path.length + 1));
      return;
    }
    if (!(file instanceof TFile)) return;
    const path = file.path;
    const wasNote = isMarkdownPath(oldPath);
    if (!isMarkdown(file)) {
      if (wasNote) this.removePath(oldPath);
      return;
    }
    const oldVersion = this.bump(oldPath);
    const newVersion = this.bump(path);
    this.enqueue([oldPath, path], async (epoch) => {
      const record = this.current(path, newVersion) ? await this.read(file, this.settings()) : null;
      if (epoch !== this.epoch) return;
      const oldCurrent = this.current(oldPath, oldVersion);
      if (record && record.path === path && this.current(path, newVersion)) {
        if (oldCurrent) this.index.rename(oldPath, record);
        else this.index.set(record);
        this.known.add(path);
      } else if (oldCurrent) {
        // The note moved on again, or went: a newer task brings its new path; the old one goes now.
        this.index.remove(oldPath);
      }
      if (oldCurrent) this.known.delete(oldPath);
    });
  }

  private deleted(file: TAbstractFile): void {
    if (this.waiting()) return;
    if (file instanceof TFolder || !(file instanceof TFile)) {
      // A folder: every note that was under it. Obsidian may report those one by one as well.
      const prefix = file.path + '/';
      for (const path of [...this.known]) if (path.startsWith(prefix)) this.removePath(path);
      return;
    }
    if (isMarkdownPath(file.path)) this.removePath(file.path);
  }

  private removePath(path: string): void {
    const version = this.bump(path);
    this.enqueue([path], () => {
      if (!this.current(path, version)) return;
      this.index.remove(path);
      this.known.delete(path);
    });
  }

  private descendants(folder: TFolder): TAbstractFile[] {
    const out: TAbstractFile[] = [];
    const walk = (f: TFolder) => {
      for (const child of f.children) {
        if (child instanceof TFolder) walk(child);
        else out.push(child);
      }
    };
    walk(folder);
    return out;
  }
}
