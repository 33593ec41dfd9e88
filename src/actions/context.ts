/**
 * What the write actions and the person commands read from the plugin. main.ts hands the plugin in as this
 * (actions never import main.ts): the app, the index, the settings now, the UI's language, and a place to
 * register events for as long as the plugin runs.
 */
import type { App, EventRef } from 'obsidian';
import type { Language } from '../core/types';
import type { Translate } from '../i18n/i18n';
import type { PeopleIndex } from '../index/people-index';
import type { TiesSettings } from '../settings/settings';

export interface ActionsContext {
  readonly app: App;
  readonly index: PeopleIndex;
  /** The settings now (the settings tab changes them in place). */
  readonly settings: TiesSettings;
  /** A translator in the UI's language now. */
  readonly t: Translate;
  language(): Language;
  /** Resolves once the vault has been read (an import plans against the whole index). */
  whenLoaded(): Promise<void>;
  /** Keeps an event subscription until the plugin unloads (the undo history follows renamed notes). */
  registerEvent(ref: EventRef): void;
}
