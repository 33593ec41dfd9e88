/** New person: asks the name; the command creates the note. */
import type { App } from 'obsidian';
import type { Translate } from '../../i18n/i18n';
import { FormModal, type SubmitResult } from './form-modal';

/** Characters a note name cannot hold on every platform Obsidian runs on. */
export const FORBIDDEN_NAME_CHARS = /[/\\:*?"<>|]/;

/** The error for a name that cannot be a note's name, or null when it can. */
export function nameProblem(name: string, t: Translate): string | null {
  if (name.trim() === '') return t('newPerson.empty');
  if (FORBIDDEN_NAME_CHARS.test(name)) return t('newPerson.badChars');
  return null;
}

export class NewPersonModal extends FormModal {
  nameEl!: HTMLInputElement;

  constructor(
    app: App,
    t: Translate,
    private readonly onSubmit: (name: string) => Promise<unknown>,
  ) {
    super(app, t);
  }

  protected heading(): string {
    return this.t('newPerson.title');
  }

  protected build(el: HTMLElement): void {
    this.nameEl = this.textField(el, this.t('newPerson.name'), this.t('newPerson.namePlaceholder'), 'ties-new-person-name', this.t('newPerson.nameDesc'));
    this.focusEl = this.nameEl;
  }

  protected submitButton(): { text: string; label: string } {
    return { text: this.t('newPerson.submit'), label: this.t('newPerson.submitLabel') };
  }

  protected submit(): SubmitResult {
    const name = this.nameEl.value.trim();
    const problem = nameProblem(name, this.t);
    if (problem !== null) return problem;
    return () => this.onSubmit(name);
  }
}
