/** Snooze: until a picked day, or for a week or a month at one click. */
import type { App } from 'obsidian';
import { formatDay } from '../../core/dates';
import type { Day } from '../../core/types';
import type { Translate } from '../../i18n/i18n';
import { FormModal, type SubmitResult } from './form-modal';

export class SnoozeModal extends FormModal {
  dateEl!: HTMLInputElement;

  constructor(
    app: App,
    t: Translate,
    private readonly name: string,
    private readonly today: Day,
    private readonly onSubmit: (until: Day) => Promise<boolean>,
  ) {
    super(app, t);
  }

  protected heading(): string {
    return this.t('snooze.title', { name: this.name });
  }

  protected build(el: HTMLElement): void {
    const quick = el.createDiv({ cls: 'ties-snooze-quick' });
    const presets: [string, string, number][] = [
      [this.t('snooze.week'), this.t('snooze.weekLabel', { name: this.name }), 7],
      [this.t('snooze.month'), this.t('snooze.monthLabel', { name: this.name }), 30],
    ];
    for (const [text, label, days] of presets) {
      const button = quick.createEl('button', { cls: 'ties-snooze-preset', text, attr: { type: 'button', 'aria-label': label } });
      button.setAttribute('data-days', String(days));
      button.addEventListener('click', () => {
        this.dateEl.value = formatDay(this.today + days);
        this.trySubmit();
      });
    }
    this.dateEl = this.dateField(el, this.t('snooze.date'), this.t('snooze.dateDesc', { name: this.name }), this.today + 7, 'ties-snooze-date');
    this.focusEl = this.dateEl;
  }

  protected submitButton(): { text: string; label: string } {
    return { text: this.t('snooze.submit'), label: this.t('snooze.submitLabel', { name: this.name }) };
  }

  protected submit(): SubmitResult {
    const day = FormModal.dayOf(this.dateEl);
    if (day === null) return this.t('form.badDate');
    if (day <= this.today) return this.t('snooze.past');
    return () => this.onSubmit(day);
  }
}
