/** Log contact: a date (today), a channel (the person's own), a line of text. */
import { Setting, type App } from 'obsidian';
import { CHANNELS, type Day } from '../../core/types';
import type { StringKey, Translate } from '../../i18n/i18n';
import { FormModal, type SubmitResult } from './form-modal';

export interface LogContactInput {
  day: Day;
  /** A channel word, or null for none. */
  channel: string | null;
  text: string;
}

export class LogContactModal extends FormModal {
  dateEl!: HTMLInputElement;
  channelEl!: HTMLSelectElement;
  textEl!: HTMLInputElement;

  constructor(
    app: App,
    t: Translate,
    private readonly name: string,
    /** The person's preferred channel (selected at first), or null. */
    private readonly channel: string | null,
    private readonly today: Day,
    private readonly onSubmit: (input: LogContactInput) => Promise<boolean>,
  ) {
    super(app, t);
  }

  protected heading(): string {
    return this.t('log.title', { name: this.name });
  }

  protected build(el: HTMLElement): void {
    this.dateEl = this.dateField(el, this.t('form.date'), this.t('log.dateDesc'), this.today, 'ties-log-date');
    this.dateEl.max = this.dateEl.value;
    new Setting(el).setName(this.t('log.channel')).addDropdown((dropdown) => {
      dropdown.addOption('', this.t('log.noChannel'));
      for (const c of CHANNELS) dropdown.addOption(c, this.t(`channel.${c}` as StringKey));
      if (this.channel !== null && !(CHANNELS as readonly string[]).includes(this.channel))
        dropdown.addOption(this.channel, this.channel);
      this.channelEl = dropdown.selectEl;
      this.channelEl.value = this.channel ?? '';
      this.channelEl.addClass('ties-log-channel');
      this.channelEl.setAttribute('aria-label', this.t('log.channel'));
    });
    this.textEl = this.textField(el, this.t('log.text'), this.t('log.textPlaceholder'), 'ties-log-text');
    this.focusEl = this.textEl;
  }

  protected submitButton(): { text: string; label: string } {
    return { text: this.t('log.submit'), label: this.t('log.submitLabel', { name: this.name }) };
  }

  protected submit(): SubmitResult {
    const day = FormModal.dayOf(this.dateEl);
    if (day === null) return this.t('form.badDate');
    if (day > this.today) return this.t('log.future');
    const channel = this.channelEl.value.trim();
    const input: LogContactInput = { day, channel: channel === '' ? null : channel, text: this.textEl.value.trim() };
    return () => this.onSubmit(input);
  }
}
