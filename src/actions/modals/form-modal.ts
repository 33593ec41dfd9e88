/**
 * A small form in a modal: fields in Obsidian's setting rows, an error line, Cancel and a submit button.
 * Enter submits (except on a button, which clicks itself), Escape cancels, the main text field has focus.
 * Values are read from the DOM elements themselves, and buttons are plain buttons with aria-labels.
 */
import { Modal, Setting, type App } from 'obsidian';
import { formatDay, parseDayString } from '../../core/dates';
import type { Day } from '../../core/types';
import type { Translate } from '../../i18n/i18n';

/**
 * What a submit does: an error to show, or the work to run once the modal has closed, which resolves to
 * whether it wrote anything.
 */
export type SubmitResult = string | (() => Promise<boolean>);

export abstract class FormModal extends Modal {
  /** Settles when the work of the last submit is done (callers and tests wait on it). */
  result: Promise<void> | null = null;
  /**
   * Resolves once the modal is done with: true when the submitted work wrote something; false when the
   * modal was closed without submitting (Cancel, Escape) or the work wrote nothing. Flows that count what
   * was written (the call hour) wait on it.
   */
  readonly outcome: Promise<boolean>;
  private settle: (written: boolean) => void = () => undefined;
  private submitted = false;
  protected readonly t: Translate;
  /** The field that gets focus when the modal opens. */
  protected focusEl: HTMLElement | null = null;
  private errorEl: HTMLElement | null = null;
  private closed = false;

  constructor(app: App, t: Translate) {
    super(app);
    this.t = t;
    this.outcome = new Promise((resolve) => (this.settle = resolve));
  }

  protected abstract heading(): string;
  /** Builds the fields into `el`. */
  protected abstract build(el: HTMLElement): void;
  /** Validates the fields: an error message, or the work to do. */
  protected abstract submit(): SubmitResult;
  /** The submit button's text and aria-label. */
  protected abstract submitButton(): { text: string; label: string };

  override onOpen(): void {
    this.closed = false;
    const el = this.contentEl;
    el.empty();
    el.addClass('ties-form');
    this.titleEl.setText(this.heading());
    this.build(el);
    this.errorEl = el.createDiv({ cls: 'ties-form-error mod-warning', attr: { role: 'alert', 'aria-live': 'polite' } });

    const buttons = el.createDiv({ cls: 'modal-button-container ties-form-buttons' });
    const cancel = buttons.createEl('button', {
      cls: 'ties-form-cancel',
      text: this.t('form.cancel'),
      attr: { type: 'button', 'aria-label': this.t('form.cancelLabel') },
    });
    cancel.addEventListener('click', () => this.close());
    const { text, label } = this.submitButton();
    const submit = buttons.createEl('button', { cls: 'mod-cta ties-form-submit', text, attr: { type: 'button', 'aria-label': label } });
    submit.addEventListener('click', () => this.trySubmit());

    el.addEventListener('keydown', (evt) => this.onKey(evt));
    this.focusEl?.focus();
  }

  override onClose(): void {
    this.closed = true;
    this.contentEl.empty();
    if (!this.submitted) this.settle(false);
  }

  /** Closes once; a second close (Escape handled by Obsidian as well as here) does nothing. */
  override close(): void {
    if (this.closed) return;
    super.close();
    this.closed = true;
  }

  /** Validates and, when the fields are fine, closes and runs the work. */
  trySubmit(): void {
    if (this.closed) return;
    const outcome = this.submit();
    if (typeof outcome === 'string') {
      this.showError(outcome);
      return;
    }
    this.submitted = true;
    this.close();
    this.result = outcome().then(
      (written) => this.settle(written),
      (error: unknown) => {
        console.error('Ties: the action failed', error);
        this.settle(false);
      },
    );
  }

  protected showError(message: string): void {
    this.errorEl?.setText(message);
  }

  private onKey(evt: KeyboardEvent): void {
    if (evt.isComposing) return;
    const target = evt.target as HTMLElement | null;
    if (evt.key === 'Enter' && target?.tagName !== 'BUTTON' && target?.tagName !== 'TEXTAREA') {
      evt.preventDefault();
      this.trySubmit();
    } else if (evt.key === 'Escape') {
      evt.preventDefault();
      this.close();
    }
  }

  // --- fields ---------------------------------------------------------------------------------------------

  /** A date field (the platform's date picker) holding `value`. */
  protected dateField(el: HTMLElement, name: string, desc: string, value: Day, cls: string): HTMLInputElement {
    let input!: HTMLInputElement;
    const setting = new Setting(el).setName(name);
    if (desc !== '') setting.setDesc(desc);
    setting.addText((text) => {
      input = text.inputEl;
      input.type = 'date';
      input.value = formatDay(value);
      input.addClass(cls);
      input.setAttribute('aria-label', name);
    });
    return input;
  }

  /** A one-line text field. */
  protected textField(el: HTMLElement, name: string, placeholder: string, cls: string, desc = ''): HTMLInputElement {
    let input!: HTMLInputElement;
    const setting = new Setting(el).setName(name);
    if (desc !== '') setting.setDesc(desc);
    setting.addText((text) => {
      input = text.inputEl;
      input.type = 'text';
      input.placeholder = placeholder;
      input.addClass(cls);
      input.setAttribute('aria-label', name);
    });
    return input;
  }

  /** The day in a date field, or null when it holds none. */
  protected static dayOf(input: HTMLInputElement): Day | null {
    return parseDayString(input.value.trim());
  }
}
