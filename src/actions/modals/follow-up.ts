/** Add follow-up: what to ask or do, and from which day on. */
import type { App } from 'obsidian';
import type { Day } from '../../core/types';
import type { Translate } from '../../i18n/i18n';
import { FormModal, type SubmitResult } from './form-modal';

/** A new follow-up is due a week from today unless the user picks another day. */
export const FOLLOW_UP_DAYS = 7;

export class FollowUpModal extends FormModal {
  dateEl!: HTMLInputElement;
  textEl!: HTMLInputElement;

  constructor(
    app: App,
    t: Translate,
    private readonly name: string,
    private readonly today: Day,
    private readonly onSubmit: (day: Day, text: string) => Promise<boolean>,
  ) {
    super(app, t);
  }

  protected heading(): string {
    return this.t('followUp.title', { name: this.name });
  }

  protected build(el: HTMLElement): void {
    this.textEl = this.textField(el, this.t('followUp.text'), this.t('followUp.textPlaceholder'), 'ties-follow-up-text');
    this.dateEl = this.dateField(el, this.t('followUp.date'), this.t('followUp.dateDesc'), this.today + FOLLOW_UP_DAYS, 'ties-follow-up-date');
    this.focusEl = this.textEl;
  }

  protected submitButton(): { text: string; label: string } {
    return { text: this.t('followUp.submit'), label: this.t('followUp.submitLabel', { name: this.name }) };
  }

  protected submit(): SubmitResult {
    const text = this.textEl.value.trim();
    if (text === '') return this.t('form.required');
    const day = FormModal.dayOf(this.dateEl);
    if (day === null) return this.t('form.badDate');
    return () => this.onSubmit(day, text);
  }
}
