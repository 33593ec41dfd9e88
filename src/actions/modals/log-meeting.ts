/**
 * Log this meeting for everyone: Log contact's fields (date, channel, a line of text) for all the people a
 * note names at once. The date is the meeting's day (else today); a day after today is refused, as in Log
 * contact.
 */
import type { App } from 'obsidian';
import { formatDay } from '../../core/dates';
import type { Day } from '../../core/types';
import type { Translate } from '../../i18n/i18n';
import { LogContactModal, type LogContactInput } from './log-contact';

export class LogMeetingModal extends LogContactModal {
  constructor(
    app: App,
    t: Translate,
    private readonly names: readonly string[],
    private readonly day: Day,
    today: Day,
    /** The line of text the field starts with (a link back to the meeting note). */
    private readonly text: string,
    onSubmit: (input: LogContactInput) => Promise<boolean>,
  ) {
    super(app, t, '', null, today, onSubmit);
  }

  protected override heading(): string {
    return this.t('notePeople.logAllTitle');
  }

  protected override build(el: HTMLElement): void {
    el.createEl('p', { cls: 'ties-log-meeting-names', text: this.t('notePeople.logAllDesc', { names: this.names.join(', ') }) });
    super.build(el);
    this.dateEl.value = formatDay(this.day);
    this.textEl.value = this.text;
  }

  protected override submitButton(): { text: string; label: string } {
    return { text: this.t('notePeople.logAllSubmit'), label: this.t('notePeople.logAllLabel', { date: this.dateEl.value, n: this.names.length }) };
  }
}
