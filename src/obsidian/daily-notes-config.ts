/**
 * The vault's daily-notes folder and format, for the plugin: `daily-notes.json` in the vault's config folder
 * (`Vault#configDir`), read through the vault adapter as the command line reads the file, so both give the
 * same answer; when there is no such file, the Daily notes core plugin's options, if Obsidian has them.
 * Obsidian announces no change to its config files, so the file is looked at again every few seconds (one
 * small read), and a change is passed on: the vault is then read again with the new config.
 */
import { Component, normalizePath, type App } from 'obsidian';
import { DAILY_NOTES_FILE, readDailyNoteConfig, type DailyNoteConfigRead } from '../core/daily-notes';

/** How often the config file is looked at again, in milliseconds. */
export const DAILY_NOTES_CHECK_MS = 5_000;

/** The Daily notes core plugin's options (an API Obsidian does not declare): folder and format as text, or null. */
function corePluginOptions(app: App): string | null {
  const internal = (app as unknown as { internalPlugins?: { getEnabledPluginById?: (id: string) => unknown } }).internalPlugins;
  const plugin = internal?.getEnabledPluginById?.('daily-notes') as { options?: unknown } | null | undefined;
  const options = plugin?.options;
  if (typeof options !== 'object' || options === null) return null;
  const { folder, format } = options as Record<string, unknown>;
  return JSON.stringify({ folder: typeof folder === 'string' ? folder : '', format: typeof format === 'string' ? format : '' });
}

export class DailyNotesConfig extends Component {
  /** The text last read (null: no file and no options), or undefined before the first read. */
  private text: string | null | undefined = undefined;

  constructor(
    private readonly app: App,
    private readonly changed: (read: DailyNoteConfigRead) => void,
  ) {
    super();
  }

  get path(): string {
    return normalizePath(`${this.app.vault.configDir}/${DAILY_NOTES_FILE}`);
  }

  /** Reads the config now (at start-up, before the vault is indexed). */
  async read(): Promise<DailyNoteConfigRead> {
    this.text = await this.readText();
    return readDailyNoteConfig(this.text, this.path);
  }

  override onload(): void {
    this.registerInterval(window.setInterval(() => void this.check(), DAILY_NOTES_CHECK_MS));
  }

  /** Reads the config again and tells when it changed (the interval calls it; tests may too). */
  async check(): Promise<boolean> {
    const text = await this.readText();
    if (text === this.text) return false;
    this.text = text;
    this.changed(readDailyNoteConfig(text, this.path));
    return true;
  }

  private async readText(): Promise<string | null> {
    const adapter = this.app.vault.adapter;
    try {
      if (await adapter.exists(this.path)) return await adapter.read(this.path);
    } catch {
      // Unreadable now (being synced, say): the options, or nothing, until the next look.
    }
    return corePluginOptions(this.app);
  }
}
