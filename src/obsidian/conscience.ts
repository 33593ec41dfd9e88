/**
 * The friendly conscience in Obsidian: "Ties · 7 due" in the status bar (desktop; click opens the review),
 * the weekly nudge on the chosen day, and the record of reviewed weeks behind the sidebar's review line. The
 * rules live in core/conscience.ts; this file only listens, shows and stores.
 *
 * Nothing runs while Obsidian is closed: the nudge is checked when the vault has been read and then every
 * few minutes while Obsidian is open (so a vault left open overnight nudges on the new day). No network.
 * The state lives in data.json under `conscience`, beside the settings.
 */
import { Component, Platform } from 'obsidian';
import { rank } from '../core/attention';
import {
  daysSinceReview, dueCount, IGNORED_NUDGES_TO_ASK, ignoredNudges, nudgeDue, readConscience, recordAsked, recordNudge, recordReview,
  streak, suggestedDay, weekdayOf, type ConscienceState, type ReviewSummary, type Weekday,
} from '../core/conscience';
import { weekdayName } from '../core/dates';
import type { Day, Language } from '../core/types';
import type { Translate } from '../i18n/i18n';
import type { PeopleIndex } from '../index/people-index';
import type { TiesSettings } from '../settings/settings';
import type { SettingsChange } from '../settings/settings-change';
import type { TiesNotices } from './notices';
import type { NoteWriter } from './writer';

/** The data.json key of the state. */
export const CONSCIENCE_KEY = 'conscience';
/** How long after an index change the status bar counts again, ms. */
export const STATUS_DELAY_MS = 1000;
/** How often an open Obsidian checks whether today is the review day, ms. */
export const NUDGE_CHECK_MS = 5 * 60_000;

export interface ConscienceHost {
  readonly index: PeopleIndex;
  settings(): TiesSettings;
  t(): Translate;
  language(): Language;
  today(): Day;
  loaded(): boolean;
  whenLoaded(): Promise<void>;
  writer(): NoteWriter;
  /** data.json as loaded, and a write of some of its keys. */
  stored(): Readonly<Record<string, unknown>>;
  save(patch: Record<string, unknown>): Promise<void>;
  saveSettings(): Promise<void>;
  onSettingsChange(listener: (change: SettingsChange) => void): () => void;
  /** A status-bar item (desktop only). */
  addStatusBarItem(): HTMLElement;
  openReview(): Promise<void>;
  startCallHour(): Promise<void>;
}

export class Conscience extends Component {
  private state: ConscienceState;
  private statusEl: HTMLElement | null = null;
  private statusTimer: number | null = null;

  constructor(private readonly host: ConscienceHost) {
    super();
    this.state = readConscience(host.stored()[CONSCIENCE_KEY]);
  }

  override onload(): void {
    const host = this.host;
    this.register(host.writer().onApplied(() => this.reviewed()));
    // Obsidian has no status bar on phones and tablets.
    if (!Platform.isMobile) {
      const el = host.addStatusBarItem();
      el.addClass('ties-status-bar', 'mod-clickable');
      el.setAttribute('role', 'button');
      el.tabIndex = 0;
      this.registerDomEvent(el, 'click', () => void host.openReview());
      this.registerDomEvent(el, 'keydown', (evt) => {
        if (evt.key !== 'Enter' && evt.key !== ' ') return;
        evt.preventDefault();
        void host.openReview();
      });
      this.statusEl = el;
      this.register(host.index.onChange(() => this.statusLater()));
      this.register(() => this.statusTimer !== null && window.clearTimeout(this.statusTimer));
      this.updateStatus();
    }
    this.register(host.onSettingsChange(() => {
      this.updateStatus();
      this.checkNudge();
    }));
    void host.whenLoaded().then(() => {
      this.updateStatus();
      this.checkNudge();
    });
    this.registerInterval(window.setInterval(() => this.checkNudge(), NUDGE_CHECK_MS));
  }

  /** The sidebar's review line. */
  summary(): ReviewSummary {
    const today = this.host.today();
    return { daysSince: daysSinceReview(this.state, today), streak: streak(this.state, today) };
  }

  /** The state now (tests). */
  get current(): Readonly<ConscienceState> {
    return this.state;
  }

  /** How many people are due today, as the sidebar counts them. */
  dueNow(): number {
    const settings = this.host.settings();
    return dueCount(rank(this.host.index.people(), this.host.today(), settings, this.host.language()), settings.dormantPerWeek);
  }

  private reviewed(): void {
    this.state = recordReview(this.state, this.host.today());
    void this.persist();
  }

  private persist(): Promise<void> {
    return this.host.save({ [CONSCIENCE_KEY]: this.state });
  }

  private statusLater(): void {
    if (this.statusTimer !== null) window.clearTimeout(this.statusTimer);
    this.statusTimer = window.setTimeout(() => {
      this.statusTimer = null;
      this.updateStatus();
    }, STATUS_DELAY_MS);
  }

  /** The status bar's count, or nothing while the vault is being read or the setting is off. */
  updateStatus(): void {
    const el = this.statusEl;
    if (!el) return;
    const show = this.host.settings().statusBar && this.host.loaded();
    el.toggleClass('ties-is-hidden', !show);
    if (!show) return;
    const t = this.host.t();
    const n = this.dueNow();
    el.setText(n === 0 ? t('conscience.statusBarNone') : t('conscience.statusBar', { n }));
    el.setAttribute('aria-label', t('conscience.statusBarLabel', { n }));
  }

  /** Shows the weekly nudge when today is the review day and it was not shown this week. Returns whether it showed. */
  checkNudge(): boolean {
    const host = this.host;
    if (!host.loaded()) return false;
    const today = host.today();
    const day = host.settings().reviewDay;
    const reviewDay = day === 0 ? null : day;
    if (!nudgeDue(this.state, today, reviewDay)) return false;
    const ignored = ignoredNudges(this.state, today);
    const ask = reviewDay !== null && ignored >= IGNORED_NUDGES_TO_ASK;
    this.state = recordNudge(this.state, today);
    if (ask) this.state = recordAsked(this.state, today);
    void this.persist();
    this.showNudge(ask ? { day: reviewDay, ignored } : null);
    return true;
  }

  private showNudge(ask: { day: Weekday; ignored: number } | null): void {
    const t = this.host.t();
    const notices: TiesNotices = this.host.writer().notices;
    const n = this.dueNow();
    const fragment = createFragment();
    fragment.createDiv({ cls: 'ties-notice-message', text: n === 0 ? t('conscience.nudgeNone') : n === 1 ? t('conscience.nudgeOne') : t('conscience.nudge', { n }) });
    const buttons = fragment.createDiv({ cls: 'ties-notice-buttons' });
    const button = (parent: HTMLElement, text: string, cls: string, run: () => void) => {
      const b = parent.createEl('button', { cls: `ties-notice-button ${cls}`, text, attr: { type: 'button' } });
      b.addEventListener('click', (evt) => {
        evt.preventDefault();
        notice.hide();
        run();
      });
    };
    button(buttons, t('conscience.openReview'), 'mod-cta ties-nudge-open', () => void this.host.openReview());
    if (n > 0) button(buttons, t('conscience.startCallHour'), 'ties-nudge-call-hour', () => void this.host.startCallHour());
    if (ask !== null) {
      fragment.createDiv({ cls: 'ties-notice-message ties-nudge-ask', text: t('conscience.ignored', { n: ask.ignored }) });
      const row = fragment.createDiv({ cls: 'ties-notice-buttons' });
      const other = suggestedDay(this.state, ask.day);
      const today = this.host.today();
      const otherName = weekdayName(today + other - weekdayOf(today), this.host.language());
      button(row, t('conscience.keep'), 'ties-nudge-keep', () => undefined);
      button(row, t('conscience.moveDay', { day: otherName }), 'ties-nudge-move', () => void this.setDay(other, t('conscience.moved', { day: otherName })));
      button(row, t('conscience.turnOff'), 'ties-nudge-off', () => void this.setDay(0, t('conscience.turnedOff')));
    }
    // Stays until the user answers or dismisses it: once a week, on the day the user chose.
    const notice = notices.show(fragment, 0);
  }

  private async setDay(day: Weekday | 0, message: string): Promise<void> {
    this.host.settings().reviewDay = day;
    await this.host.saveSettings();
    this.host.writer().notices.show(message);
  }
}
