/** New person: asks the name; the command creates the note. */
import type { App } from 'obsidian';
import { FORBIDDEN_NAME_CHARS, MAX_NAME_LENGTH, noteNameProblem } from '../../core/note-names';
import type { Translate } from '../../i18n/i18n';
import { FormModal, type SubmitResult } from './form-modal';

/** The error for a name that cannot be a note's name, in the user's language, or null when it can. */
export function nameProblem(name: string, t: Translate): string | null {
  const problem = noteNameProblem(name);
  if (problem === null) return null;
  switch (problem.kind) {
    case 'empty':
      return t('newPerson.empty');
    case 'control':
      return t('newPerson.control');
    case 'leading-dot':
      return t('newPerson.leadingDot');
    case 'char':
      return t('newPerson.badChar', { char: problem.char, chars: FORBIDDEN_NAME_CHARS.split('').join(' ') });
    case 'trailing':
      return t('newPerson.trailing');
    case 'reserved':
      return t('newPerson.reserved', { name });
    case 'too-long':
      return t('newPerson.tooLong', { max: MAX_NAME_LENGTH, length: problem.length });
  }
}

export class NewPersonModal extends FormModal {
  nameEl!: HTMLInputElement;

  constructor(
    app: App,
    t: Translate,
    private readonly onSubmit: (name: string) => Promise<boolean>,
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
