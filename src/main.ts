/** The Ties plugin: lifecycle and wiring only. It builds what the views and actions need and hands it in. */
import { moment, Plugin } from 'obsidian';
import type { TiesActions } from './actions/actions';
import { registerPersonActions } from './actions/commands';
import type { ActionsContext } from './actions/context';
import { localToday } from './core/dates';
import type { Language } from './core/types';
import { resolveLanguage, translator, type Translate } from './i18n/i18n';
import { PeopleIndex } from './index/people-index';
import type { DailyNoteConfigRead } from './core/daily-notes';
import { CheckModal } from './obsidian/check-modal';
import { Conscience } from './obsidian/conscience';
import { DailyNotesConfig } from './obsidian/daily-notes-config';
import { IndexSync } from './obsidian/index-sync';
import { PluginData } from './settings/plugin-data';
import { mergeSettings, storedSettings, type TiesSettings } from './settings/settings';
import { SettingsEvents, settingsChange, settingsSnapshot } from './settings/settings-change';
import { TiesSettingTab, type SettingsHost } from './settings/settings-tab';
import { openAttentionView, registerAttentionView, VIEW_TYPE_ATTENTION } from './views/attention/attention-view';
import { registerGraphView } from './views/graph/graph-view';
import type { ViewHost } from './views/live-view';
import { registerNotePeopleView } from './views/note-people/note-people-view';

/** The parts of Obsidian's App that the typings leave out and Ties uses: its commands and settings window. */
interface AppInternals {
  commands?: { executeCommandById(id: string): boolean };
  setting?: { open(): void; openTabById(id: string): void };
}

export default class TiesPlugin extends Plugin implements ActionsContext, SettingsHost {
  settings!: TiesSettings;
  index!: PeopleIndex;
  sync!: IndexSync;
  /** The vault's daily-notes folder and format, followed. */
  dailyNotes!: DailyNotesConfig;
  /** The write actions (log contact, snooze, …) the views and commands use. */
  actions!: TiesActions;

  /** data.json: the settings and, beside them, the graph's positions. */
  store!: PluginData;
  /** Saved settings changes, for the views. */
  readonly settingsEvents = new SettingsEvents();
  /** The friendly conscience: status bar, weekly nudge, reviewed weeks. */
  conscience!: Conscience;
  /** The settings as last saved: a save compares with them to know what changed. */
  private saved!: TiesSettings;

  override async onload(): Promise<void> {
    this.store = new PluginData(this);
    this.settings = mergeSettings(await this.store.load());
    this.saved = settingsSnapshot(this.settings);
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
      callback: () => this.checkNotes(),
    });
    this.actions = registerPersonActions(this);
    this.addSettingTab(new TiesSettingTab(this.app, this));
    this.conscience = this.addChild(new Conscience({
      index: this.index, settings: () => this.settings, t: () => this.t, language: () => this.language(), today: () => localToday(),
      loaded: () => this.sync.loaded, whenLoaded: () => this.sync.whenLoaded(), writer: () => this.actions.writer,
      stored: () => this.store.data, save: (patch) => this.store.saveData(patch), saveSettings: () => this.saveSettings(),
      onSettingsChange: (listener) => this.settingsEvents.on(listener), addStatusBarItem: () => this.addStatusBarItem(),
      openReview: () => openAttentionView(this.app), startCallHour: () => this.startCallHour(),
    }));
    const host = this.viewHost();
    registerAttentionView(this, host, this.store);
    registerGraphView(this, host, this.store);
    registerNotePeopleView(this, host);
  }

  private checkNotes(): void {
    new CheckModal(this.app, this.index, !this.sync.loaded, this.t).open();
  }

  /** Runs one of Ties' own commands by its id (Obsidian's command registry is not in the typings). */
  private runOwnCommand(id: string): void {
    (this.app as unknown as AppInternals).commands?.executeCommandById(`${this.manifest.id}:${id}`);
  }

  private openSettingsTab(): void {
    const setting = (this.app as unknown as AppInternals).setting;
    setting?.open();
    setting?.openTabById(this.manifest.id);
  }

  private useDailyNotes(read: DailyNoteConfigRead): void {
    this.settings.dailyNoteConfig = read.config;
    this.index.setVaultDiagnostics(read.diagnostics);
  }

  /** Resolves once the vault has been read. */
  whenLoaded(): Promise<void> {
    return this.sync.whenLoaded();
  }

  /** The language the UI speaks: the setting, or Obsidian's own (moment's locale follows it). */
  language(): Language {
    return resolveLanguage(this.settings.language, moment.locale());
  }

  get t(): Translate {
    return translator(this.language());
  }

  /**
   * Saves the settings (the graph's positions stored beside them stay). A change to who is a person or what
   * counts as a contact reads the vault again; then the views hear of the change and render.
   */
  async saveSettings(): Promise<void> {
    await this.store.saveData(storedSettings(this.settings));
    const change = settingsChange(this.saved, this.settings);
    this.saved = settingsSnapshot(this.settings);
    if (change.keys.length === 0) return;
    if (change.reindex) await this.sync.reload();
    this.settingsEvents.emit(change);
  }

  /** Opens the sidebar and starts a call hour there, as its Call hour button does (the weekly nudge offers it). */
  private async startCallHour(): Promise<void> {
    await openAttentionView(this.app);
    await this.whenLoaded();
    const leaf = this.app.workspace.getLeavesOfType(VIEW_TYPE_ATTENTION)[0];
    leaf?.view.containerEl.querySelector<HTMLElement>('[data-action="call-hour"]')?.click();
  }

  /** What every view reads from the plugin. */
  private viewHost(): ViewHost {
    return {
      index: this.index,
      settings: () => this.settings,
      t: (key, vars) => this.t(key, vars),
      language: () => this.language(),
      loaded: () => this.sync.loaded,
      whenLoaded: () => this.sync.whenLoaded(),
      actions: () => this.actions,
      today: () => localToday(),
      importPeople: () => void this.actions.importer.start(),
      newPerson: () => this.runOwnCommand('new-person'),
      openSettings: () => this.openSettingsTab(),
      checkNotes: () => this.checkNotes(),
      onSettingsChange: (listener) => this.settingsEvents.on(listener),
      review: () => this.conscience.summary(),
    };
  }
}
