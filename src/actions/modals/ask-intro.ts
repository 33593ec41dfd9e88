/**
 * Log the ask (the graph's intro finder): Log contact with the first person of an intro path, its text filled
 * in ("Asked for an introduction to Eva"), and a follow-up a week later offered ("did Anna introduce me?").
 */
import { Setting, type App, type ToggleComponent } from 'obsidian';
import type { Day } from '../../core/types';
import type { Translate } from '../../i18n/i18n';
import { LogContactModal, type LogContactInput } from './log-contact';

export class AskIntroModal extends LogContactModal {
  /** The offered follow-up is wanted (the toggle, on by default). */
  followUp!: boolean;
  followUpToggle!: ToggleComponent;
  private target!: string;
  private introducer!: string;

  constructor(
    app: App,
    t: Translate,
    name: string,
    channel: string | null,
    today: Day,
    /** The person the introduction is to. */
    target: string,
    onSubmit: (input: LogContactInput, followUp: boolean) => Promise<boolean>,
  ) {
    const self: { modal: AskIntroModal | null } = { modal: null };
    super(app, t, name, channel, today, (input) => onSubmit(input, self.modal?.followUp ?? true));
    self.modal = this;
    this.target = target;
    this.introducer = name;
    this.followUp = true;
  }

  protected override build(el: HTMLElement): void {
    super.build(el);
    this.textEl.value = this.t('graph.ask.text', { target: this.target });
    const label = this.t('graph.ask.followUp', { name: this.introducer });
    new Setting(el).setName(label).addToggle((toggle) => {
      toggle.setValue(this.followUp).onChange((on) => (this.followUp = on));
      this.followUpToggle = toggle;
      toggle.toggleEl.addClass('ties-ask-follow-up');
      toggle.toggleEl.setAttribute('aria-label', label);
    });
  }
}
