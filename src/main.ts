/** The Ties plugin: lifecycle and wiring only. */
import { moment, Plugin } from 'obsidian';
import type { Language } from './core/types';
import { resolveLanguage, translator, type Translate } from './i18n/i18n';
import { PeopleIndex } from './index/people-index';
import { CheckModal } from './obsidian/check-modal';
import { IndexSync } from './obsidian/index-sync';
import { mergeSettings, type TiesSettings } from './settings/settings';

export default class TiesPlugin extends Plugin {
  settings!: TiesSettings;
  index!: PeopleIndex;
  sync!: IndexSync;

  override async onload(): Promise<void> {
    this.settings = mergeSettings(await this.loadData());
    this.index = new PeopleIndex(this.settings);
    this.sync = this.addChild(new IndexSync(this.app, this.index, () => this.settings));

    this.addCommand({
      id: 'check-person-notes',
      name: this.t('check.command'),
      callback: () => new CheckModal(this.app, this.index, !this.sync.loaded).open(),
    });
  }

  /** The language the UI speaks: the setting, or Obsidian's own (moment's locale follows it). */
  language(): Language {
    return resolveLanguage(this.settings.language, moment.locale());
  }

  get t(): Translate {
    return translator(this.language());
  }

  /** Saves the settings and reads the vault again with them. */
  async saveSettings(): Promise<void> {
    await this.saveData(this.settings);
    await this.sync.reload();
  }
}
