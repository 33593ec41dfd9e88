/** The Ties plugin: lifecycle and wiring only. */
import { Plugin } from 'obsidian';
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
      name: 'Check person notes',
      callback: () => new CheckModal(this.app, this.index, !this.sync.loaded).open(),
    });
  }
}
