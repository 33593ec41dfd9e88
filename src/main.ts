/** The Ties plugin: lifecycle and wiring only. */
import { moment, Plugin } from 'obsidian';
import type { TiesActions } from './actions/actions';
import { registerPersonActions } from './actions/commands';
import type { Language } from './core/types';
import { resolveLanguage, translator, type Translate } from './i18n/i18n';
import { PeopleIndex } from './index/people-index';
import type { DailyNoteConfigRead } from './core/daily-notes';
import { CheckModal } from './obsidian/check-modal';
import { DailyNotesConfig } from './obsidian/daily-notes-config';
import { IndexSync } from './obsidian/index-sync';
import { PluginData } from './settings/plugin-data';
import { mergeSettings, storedSettings, type TiesSettings } from './settings/settings';
import { registerAttentionView } from './views/attention/attention-view';
import { registerGraphView } from './views/graph/graph-view';

export default class TiesPlugin extends Plugin {
  settings!: TiesSettings;
  index!: PeopleIndex;
  sync!: IndexSync;
  /** The vault's daily-notes folder and format, followed. */
  dailyNotes!: DailyNotesConfig;
  /** The write actions (log contact, snooze, …) the views and commands use. */
  actions!: TiesActions;

  /** data.json: the settings and, beside them, the graph's positions. */
  store!: PluginData;

  override async onload(): Promise<void> {
    this.store = new PluginData(this);
    this.settings = mergeSettings(await this.store.load());
    this.index = new PeopleIndex(this.settings);
    this.sync = this.addChild(new IndexSync(this.app, this.index, () => this.settings));
    // The vault's daily-notes folder and format: read before the first load, followed after it.
    this.dailyNotes = this.addChild(new DailyNotesConfig(this.app, (read) => {
      this.useDailyNotes(read);
      void this.sync.reload();
    }));
    this.useDailyNotes(await this.dailyNotes.read());

    this.addCommand({
      id: 'check-person-notes',
      name: this.t('check.command'),
      callback: () => new CheckModal(this.app, this.index, !this.sync.loaded, this.t).open(),
    });
    this.actions = registerPersonActions(this);
    registerAttentionView(this, () => this.actions);
    registerGraphView(this, () => this.actions);
  }

  private useDailyNotes(read: DailyNoteConfigRead): void {
    this.settings.dailyNoteConfig = read.config;
    this.index.setVaultDiagnostics(read.diagnostics);
  }

  /** The language the UI speaks: the setting, or Obsidian's own (moment's locale follows it). */
  language(): Language {
    return resolveLanguage(this.settings.language, moment.locale());
  }

  get t(): Translate {
    return translator(this.language());
  }

  /** Saves the settings (the graph's positions stored beside them stay) and reads the vault again with them. */
  async saveSettings(): Promise<void> {
    await this.store.saveData(storedSettings(this.settings));
    await this.sync.reload();
  }
}
