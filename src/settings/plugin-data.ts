/**
 * The plugin's data.json, held in memory and written through one queue. Settings and the graph's positions
 * both live in it; each writer changes only its own keys, so neither can overwrite the other's newer value.
 */
export interface DataFile {
  loadData(): Promise<unknown>;
  saveData(data: unknown): Promise<void>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class PluginData implements DataFile {
  private current: Record<string, unknown> = {};
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: DataFile) {}

  /** Reads data.json once, at start-up. */
  async load(): Promise<Readonly<Record<string, unknown>>> {
    const stored = await this.file.loadData();
    this.current = isRecord(stored) ? { ...stored } : {};
    return this.current;
  }

  /** The data as last loaded or written, now. */
  get data(): Readonly<Record<string, unknown>> {
    return this.current;
  }

  /** The data as last loaded or written. */
  loadData(): Promise<unknown> {
    return Promise.resolve(this.current);
  }

  /** Sets the keys in `patch`, keeps the others, and writes after any write still under way. */
  saveData(patch: unknown): Promise<void> {
    this.current = { ...this.current, ...(isRecord(patch) ? patch : {}) };
    const snapshot = this.current;
    this.writing = this.writing.then(() => this.file.saveData(snapshot));
    return this.writing;
  }
}
