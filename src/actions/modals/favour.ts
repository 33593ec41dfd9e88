/** Record favour: who did whom a favour (gave / got), what, and when. */
import { Setting, type App } from 'obsidian';
import type { FavourKind } from '../../core/edits';
import type { Day } from '../../core/types';
import type { Translate } from '../../i18n/i18n';
import { FormModal, type SubmitResult } from './form-modal';

export interface FavourInput {
  day: Day;
  kind: FavourKind;
  text: string;
}

export class FavourModal extends FormModal {
  kind: FavourKind = 'gave';
  dateEl!: HTMLInputElement;
  textEl!: HTMLInputElement;
  private readonly kindButtons = new Map<FavourKind, HTMLButtonElement>();

  constructor(
    app: App,
    t: Translate,
    private readonly name: string,
    private readonly today: Day,
    private readonly onSubmit: (input: FavourInput) => Promise<boolean>,
  ) {
    super(app, t);
  }

  protected heading(): string {
    return this.t('favour.title', { name: this.name });
  }

  protected build(el: HTMLElement): void {
    const setting = new Setting(el).setName(this.t('favour.kind'));
    const group = setting.controlEl.createDiv({ cls: 'ties-favour-kind', attr: { role: 'group', 'aria-label': this.t('favour.kind') } });
    const kinds: [FavourKind, string, string][] = [
      ['gave', this.t('favour.gave'), this.t('favour.gaveLabel', { name: this.name })],
      ['got', this.t('favour.got'), this.t('favour.gotLabel', { name: this.name })],
    ];
    for (const [kind, text, label] of kinds) {
      const button = group.createEl('button', { cls: `ties-favour-${kind}`, text, attr: { type: 'button', 'aria-label': label } });
      button.addEventListener('click', () => this.setKind(kind));
      this.kindButtons.set(kind, button);
    }
    this.setKind(this.kind);
    this.textEl = this.textField(el, this.t('favour.text'), this.t('favour.textPlaceholder'), 'ties-favour-text');
    this.dateEl = this.dateField(el, this.t('form.date'), '', this.today, 'ties-favour-date');
    this.focusEl = this.textEl;
  }

  /** Selects gave or got: the selected button is the highlighted one and says it is pressed. */
  setKind(kind: FavourKind): void {
    this.kind = kind;
    for (const [k, button] of this.kindButtons) {
      button.toggleClass('mod-cta', k === kind);
      button.setAttribute('aria-pressed', String(k === kind));
    }
  }

  protected submitButton(): { text: string; label: string } {
    return { text: this.t('favour.submit'), label: this.t('favour.submitLabel', { name: this.name }) };
  }

  protected submit(): SubmitResult {
    const text = this.textEl.value.trim();
    if (text === '') return this.t('form.required');
    const day = FormModal.dayOf(this.dateEl);
    if (day === null) return this.t('form.badDate');
    const input: FavourInput = { day, kind: this.kind, text };
    return () => this.onSubmit(input);
  }
}
