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
  private data: Record<string, unknown> = {};
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: DataFile) {}

  /** Reads data.json once, at start-up. */
  async load(): Promise<Readonly<Record<string, unknown>>> {
    const stored = await this.file.loadData();
    this.data = isRecord(stored) ? { ...stored } : {};
    return this.data;
  }

  /** The data as last loaded or written. */
  loadData(): Promise<unknown> {
    return Promise.resolve(this.data);
  }

  /** Sets the keys in `patch`, keeps the others, and writes after any write still under way. */
  saveData(patch: unknown): Promise<void> {
    this.data = { ...this.data, ...(isRecord(patch) ? patch : {}) };
    const snapshot = this.data;
    this.writing = this.writing.then(() => this.file.saveData(snapshot));
    return this.writing;
  }
}
