/**
 * The settings tab: every setting of TiesSettings, each with a short description, in the plugin's language.
 * A change applies to `plugin.settings` at once; saving (which reads the vault again) waits until typing
 * pauses, and happens at the latest when the tab closes. A value Ties cannot use (−5, 0 where 0 makes no
 * sense, an empty number, no log heading) is never applied: the line under the setting says what is wrong
 * and which value Ties keeps. The people folder and the template note suggest the vault's folders and notes.
 */
import { normalizePath, PluginSettingTab, Setting, TFolder, type App, type Plugin } from 'obsidian';
import { templateFile } from '../actions/note-files';
import { WEEKDAYS, type Weekday } from '../core/conscience';
import { dayFromParts, weekdayName } from '../core/dates';
import { normaliseFolder } from '../core/detect';
import { CIRCLES, type Language } from '../core/types';
import type { Translate } from '../i18n/i18n';
import { attachPathSuggest, folderPaths, notePaths } from './path-suggest';
import type { TiesSettings } from './settings';

/** What the tab needs from the plugin: the settings it edits in place, and a save that applies them. */
export interface SettingsHost {
  readonly settings: TiesSettings;
  readonly t: Translate;
  /** The UI's language now (weekday names). */
  language(): Language;
  /** Saves the settings; re-reads the vault or re-renders the views as the change needs. */
  saveSettings(): Promise<void>;
}

/** How long typing must pause before a change is saved, in milliseconds. */
export const SAVE_DELAY_MS = 600;

/** A comma-separated list: trimmed, without leading `strip`, empty ones dropped, each once. */
export function splitList(value: string, strip: RegExp): string[] {
  const out: string[] = [];
  for (const part of value.split(',')) {
    const s = part.trim().replace(strip, '').trim();
    if (s !== '' && !out.includes(s)) out.push(s);
  }
  return out;
}

/** A whole number ≥ min typed by the user, or null. */
export function wholeNumber(value: string, min: number): number | null {
  const t = value.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= MAX_SETTING_NUMBER ? n : null;
}

/** Dutch weekday names are lower case; a dropdown starts each with a capital. */
function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}

/** The largest number a days or count setting takes. */
export const MAX_SETTING_NUMBER = 100_000;

/**
 * What is wrong with a number typed into a setting, in the user's language, or null when it is a whole
 * number from `min` to MAX_SETTING_NUMBER. `kept` is the value Ties keeps meanwhile (the last good one).
 */
export function numberProblem(value: string, min: number, kept: number, t: Translate): string | null {
  const v = value.trim();
  if (v === '') return t('settings.invalidEmpty', { value: kept });
  if (/^\d+$/.test(v) && Number(v) > MAX_SETTING_NUMBER) return t('settings.invalidTooLarge', { max: MAX_SETTING_NUMBER, value: kept });
  return wholeNumber(v, min) === null ? t('settings.invalidWhole', { min, value: kept }) : null;
}

/** A folder or note path as typed: '' stays '' (normalizePath would make it '/'). */
function userPath(value: string): string {
  const t = value.trim();
  return t === '' ? '' : normaliseFolder(normalizePath(t));
}

// Obsidian 1.13's declarative settings (getSettingDefinitions, which also feeds the settings search) are not
// adopted yet: Ties builds against the 1.12 typings and supports apps from 1.4.4, so display() would stay as
// the renderer for every app before 1.13, and neither test tier has a 1.13 renderer to check a second one
// against (README, "Design choices"). display() renders every setting; numbers and headings are checked as typed.
export class TiesSettingTab extends PluginSettingTab {
  private timer: number | null = null;

  constructor(
    app: App,
    private readonly plugin: Plugin & SettingsHost,
  ) {
    super(app, plugin);
  }

  override display(): void {
    const { containerEl } = this;
    const t = this.plugin.t;
    const s = this.plugin.settings;
    containerEl.empty();
    containerEl.addClass('ties-settings');

    const app = this.app;
    this.text(t('settings.peopleFolder'), t('settings.peopleFolderDesc'), 'peopleFolder', s.peopleFolder, 'People', (v) => {
      s.peopleFolder = userPath(v);
      return null;
    }, {
      paths: () => folderPaths(app),
      hint: () => (s.peopleFolder === '' || app.vault.getAbstractFileByPath(s.peopleFolder) instanceof TFolder ? '' : t('settings.folderMissing', { path: s.peopleFolder })),
    });
    this.text(t('settings.personTags'), t('settings.personTagsDesc'), 'personTags', s.personTags.join(', '), 'person, people', (v) => {
      s.personTags = splitList(v, /^#+/);
      return null;
    });
    this.text(t('settings.logHeadings'), t('settings.logHeadingsDesc'), 'logHeadings', s.logHeadings.join(', '), 'Log, Interactions', (v) => {
      const headings = splitList(v, /^#+\s*/);
      if (headings.length === 0) return t('settings.invalidHeadings', { value: s.logHeadings.join(', ') });
      s.logHeadings = headings;
      return null;
    });

    new Setting(containerEl)
      .setName(t('settings.dailyNotes'))
      .setDesc(t('settings.dailyNotesDesc'))
      .addToggle((toggle) => {
        toggle.setValue(s.dailyNotes).onChange((value) => {
          s.dailyNotes = value;
          void this.saveNow();
        });
        toggle.toggleEl.setAttribute('data-setting', 'dailyNotes');
        toggle.toggleEl.setAttribute('aria-label', t('settings.dailyNotes'));
      });

    new Setting(containerEl)
      .setName(t('settings.tasks'))
      .setDesc(t('settings.tasksDesc'))
      .addToggle((toggle) => {
        toggle.setValue(s.tasks).onChange((value) => {
          s.tasks = value;
          void this.saveNow();
        });
        toggle.toggleEl.setAttribute('data-setting', 'tasks');
        toggle.toggleEl.setAttribute('aria-label', t('settings.tasks'));
      });

    this.days(t('settings.horizonDays'), t('settings.horizonDaysDesc'), 'horizonDays', s.horizonDays, 0, (n) => (s.horizonDays = n));
    this.days(t('settings.dormantDays'), t('settings.dormantDaysDesc'), 'dormantDays', s.dormantDays, 1, (n) => (s.dormantDays = n));
    this.days(t('settings.inTouchDays'), t('settings.inTouchDaysDesc'), 'inTouchDays', s.inTouchDays, 1, (n) => (s.inTouchDays = n));
    this.days(t('graph.settings.overviewFrom'), t('graph.settings.overviewFromDesc'), 'graphOverviewFrom', s.graphOverviewFrom, 10, (n) => (s.graphOverviewFrom = n));
    this.days(t('settings.dormantPerWeek'), t('settings.dormantPerWeekDesc'), 'dormantPerWeek', s.dormantPerWeek, 0, (n) => (s.dormantPerWeek = n));

    this.text(t('settings.templateNote'), t('settings.templateNoteDesc'), 'templateNote', s.templateNote, 'Templates/Person', (v) => {
      s.templateNote = v.trim() === '' ? '' : normalizePath(v.trim());
      return null;
    }, {
      paths: () => notePaths(app),
      hint: () => (s.templateNote === '' || templateFile(app, s.templateNote) ? '' : t('settings.templateMissing', { path: s.templateNote })),
    });

    new Setting(containerEl)
      .setName(t('settings.language'))
      .setDesc(t('settings.languageDesc'))
      .addDropdown((dropdown) => {
        dropdown.addOption('auto', t('settings.languageAuto'));
        dropdown.addOption('en', 'English');
        dropdown.addOption('nl', 'Nederlands');
        const select = dropdown.selectEl;
        select.value = s.language;
        select.setAttribute('data-setting', 'language');
        select.setAttribute('aria-label', t('settings.language'));
        select.addEventListener('change', () => {
          const value = select.value;
          if (value !== 'auto' && value !== 'en' && value !== 'nl') return;
          s.language = value;
          void this.saveNow();
          // Show the tab in the language just chosen.
          this.display();
        });
      });

    this.weeklyReview();

    new Setting(containerEl).setName(t('settings.meetingHeading')).setHeading();
    // An empty list is allowed: it turns that part of the meeting rule off.
    this.text(t('settings.dateKeys'), t('settings.dateKeysDesc'), 'dateKeys', s.dateKeys.join(', '), 'date', (v) => {
      s.dateKeys = splitList(v, /^$/);
      return null;
    });
    this.text(t('settings.attendeeKeys'), t('settings.attendeeKeysDesc'), 'attendeeKeys', s.attendeeKeys.join(', '), 'attendees, participants, people, with', (v) => {
      s.attendeeKeys = splitList(v, /^$/);
      return null;
    });
    this.text(t('settings.meetingTypes'), t('settings.meetingTypesDesc'), 'meetingTypes', s.meetingTypes.join(', '), 'meeting', (v) => {
      s.meetingTypes = splitList(v, /^#+/);
      return null;
    });

    new Setting(containerEl).setName(t('settings.cadenceHeading')).setHeading();
    for (const circle of CIRCLES)
      this.days(
        t('settings.circle', { circle }),
        t('settings.cadenceDesc', { circle }),
        `circleCadence.${circle}`,
        s.circleCadence[circle],
        1,
        (n) => (s.circleCadence[circle] = n),
      );
  }

  /** The weekly reminder's day (off by default) and the status bar's count. */
  private weeklyReview(): void {
    const t = this.plugin.t;
    const s = this.plugin.settings;
    new Setting(this.containerEl).setName(t('settings.reviewHeading')).setHeading();
    new Setting(this.containerEl)
      .setName(t('settings.reviewDay'))
      .setDesc(t('settings.reviewDayDesc'))
      .addDropdown((dropdown) => {
        dropdown.addOption('0', t('settings.reviewDayOff'));
        // Monday 2026-11-23 and the six days after it, named in the plugin's language.
        const monday = dayFromParts(2026, 11, 23)!;
        for (const day of WEEKDAYS) dropdown.addOption(String(day), capitalise(weekdayName(monday + day - 1, this.plugin.language())));
        const select = dropdown.selectEl;
        select.value = String(s.reviewDay);
        select.setAttribute('data-setting', 'reviewDay');
        select.setAttribute('aria-label', t('settings.reviewDay'));
        select.addEventListener('change', () => {
          const day = Number(select.value);
          if (!Number.isInteger(day) || day < 0 || day > 7) return;
          s.reviewDay = day as Weekday | 0;
          void this.saveNow();
        });
      });
    new Setting(this.containerEl)
      .setName(t('settings.statusBar'))
      .setDesc(t('settings.statusBarDesc'))
      .addToggle((toggle) => {
        toggle.setValue(s.statusBar).onChange((value) => {
          s.statusBar = value;
          void this.saveNow();
        });
        toggle.toggleEl.setAttribute('data-setting', 'statusBar');
        toggle.toggleEl.setAttribute('aria-label', t('settings.statusBar'));
      });
  }

  override hide(): void {
    void this.flush();
    super.hide();
  }

  /** Saves now when a save is waiting (the tab closes, tests). */
  async flush(): Promise<void> {
    if (this.timer === null) return;
    window.clearTimeout(this.timer);
    this.timer = null;
    await this.plugin.saveSettings();
  }

  private async saveNow(): Promise<void> {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    await this.plugin.saveSettings();
  }

  private saveLater(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.timer = null;
      void this.plugin.saveSettings();
    }, SAVE_DELAY_MS);
  }

  /**
   * A text setting. `apply` returns what is wrong with a value it cannot use (then the setting keeps its last
   * good value and the field says why), or null. `more` adds a suggester of paths and a hint (a folder or
   * note that does not exist yet), both shown as the user types.
   */
  private text(
    name: string, desc: string, key: keyof TiesSettings, value: string, placeholder: string, apply: (v: string) => string | null,
    more?: { paths: () => string[]; hint: () => string },
  ): void {
    const setting = new Setting(this.containerEl).setName(name).setDesc(desc);
    const error = this.messageLine(setting, key);
    const hint = more ? setting.infoEl.createDiv({ cls: 'ties-setting-hint', attr: { 'aria-live': 'polite' } }) : null;
    setting.addText((text) => {
      const input = text.inputEl;
      input.value = value;
      input.placeholder = placeholder;
      input.setAttribute('data-setting', key);
      input.setAttribute('aria-label', name);
      input.setAttribute('aria-describedby', error.id);
      const changed = () => {
        const problem = apply(input.value);
        this.showProblem(input, error, problem);
        if (hint && more) hint.setText(more.hint());
        if (problem === null) this.saveLater();
      };
      input.addEventListener('input', changed);
      if (more) attachPathSuggest(this.app, input, more.paths, () => changed());
    });
    if (hint && more) hint.setText(more.hint());
  }

  /** The line under a setting's description that says what is wrong with the value typed. */
  private messageLine(setting: Setting, key: string): HTMLElement {
    return setting.infoEl.createDiv({ cls: 'ties-setting-error', attr: { id: `ties-setting-error-${key.replace(/\W/g, '-')}`, role: 'alert' } });
  }

  private showProblem(input: HTMLInputElement, error: HTMLElement, problem: string | null): void {
    input.toggleClass('is-invalid', problem !== null);
    input.setAttribute('aria-invalid', String(problem !== null));
    error.setText(problem ?? '');
  }

  /** A whole number of days (or a count) of at least `min`. */
  private days(name: string, desc: string, key: string, value: number, min: number, apply: (n: number) => void): void {
    const t = this.plugin.t;
    const setting = new Setting(this.containerEl).setName(name).setDesc(desc);
    const error = this.messageLine(setting, key);
    let kept = value;
    setting.addText((text) => {
      const input = text.inputEl;
      input.type = 'number';
      input.min = String(min);
      input.max = String(MAX_SETTING_NUMBER);
      input.step = '1';
      input.value = String(value);
      input.setAttribute('data-setting', key);
      input.setAttribute('aria-label', name);
      input.setAttribute('aria-describedby', error.id);
      input.addEventListener('input', () => {
        const problem = numberProblem(input.value, min, kept, t);
        this.showProblem(input, error, problem);
        if (problem !== null) return;
        kept = wholeNumber(input.value, min)!;
        apply(kept);
        this.saveLater();
      });
    });
  }
}
