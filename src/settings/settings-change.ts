/**
 * What a saved settings change means. Settings that only change what the views show (the language, the
 * birthday horizon, when a tie counts as dormant or in touch, the graph's options) re-render the views; every
 * other setting may change who is a person or what counts as a contact (the people folder and tags, the log
 * headings, interaction notes and tasks, the cadence a circle implies), so the vault is read again. A setting added later
 * re-reads the vault unless it is listed here: slower at worst, never a stale answer.
 */
import type { TiesSettings } from './settings';

/** Settings that change what the views show, not what the index holds. */
export const VIEW_SETTINGS: ReadonlySet<keyof TiesSettings> = new Set<keyof TiesSettings>([
  'version', 'language', 'horizonDays', 'dormantDays', 'inTouchDays', 'dormantPerWeek', 'templateNote', 'graphOverviewFrom',
  'reviewDay', 'statusBar',
]);

export interface SettingsChange {
  /** The settings whose saved value changed. */
  keys: (keyof TiesSettings)[];
  /** True when the vault must be read again (a setting the index depends on changed). */
  reindex: boolean;
}

/** The change from `before` to `after` (values compared as JSON: lists and the circle cadences by content). */
export function settingsChange(before: Readonly<TiesSettings>, after: Readonly<TiesSettings>): SettingsChange {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof TiesSettings)[]);
  const changed = [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { keys: changed, reindex: changed.some((k) => !VIEW_SETTINGS.has(k)) };
}

/** A deep copy of the settings, to compare the next save with. */
export function settingsSnapshot(settings: Readonly<TiesSettings>): TiesSettings {
  return JSON.parse(JSON.stringify(settings)) as TiesSettings;
}

/** Listeners of saved settings changes. */
export class SettingsEvents {
  private readonly listeners = new Set<(change: SettingsChange) => void>();

  /** Subscribes; returns the function that unsubscribes. */
  on(listener: (change: SettingsChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: SettingsChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
