/**
 * New person: asks the name, and optionally the organisation and a circle or cadence (so the person shows
 * up in the review); the command creates the note.
 */
import { Setting, type App } from 'obsidian';
import { parseDuration } from '../../core/dates';
import { FORBIDDEN_NAME_CHARS, MAX_NAME_LENGTH, noteNameProblem } from '../../core/note-names';
import { CIRCLES, type Circle } from '../../core/types';
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

/** What New person asks; the optional fields are '' when left empty. */
export interface NewPersonInput {
  name: string;
  organisation: string;
  /** '5', '15', '50', '150' or ''. */
  circle: string;
  /** A cadence as typed (`2w`), or ''. */
  cadence: string;
}

export class NewPersonModal extends FormModal {
  nameEl!: HTMLInputElement;
  organisationEl!: HTMLInputElement;
  circleEl!: HTMLSelectElement;
  cadenceEl!: HTMLInputElement;

  constructor(
    app: App,
    t: Translate,
    /** The cadence each circle implies (the settings), for the circle's choices. */
    private readonly circleCadence: Readonly<Record<Circle, number>>,
    private readonly onSubmit: (input: NewPersonInput) => Promise<boolean>,
  ) {
    super(app, t);
  }

  protected heading(): string {
    return this.t('newPerson.title');
  }

  protected build(el: HTMLElement): void {
    const t = this.t;
    this.nameEl = this.textField(el, t('newPerson.name'), t('newPerson.namePlaceholder'), 'ties-new-person-name', t('newPerson.nameDesc'));
    this.organisationEl = this.textField(el, t('newPerson.organisation'), t('newPerson.organisationPlaceholder'), 'ties-new-person-organisation');
    new Setting(el)
      .setName(t('newPerson.circle'))
      .setDesc(t('newPerson.circleDesc'))
      .addDropdown((dropdown) => {
        dropdown.addOption('', t('newPerson.circleNone'));
        for (const circle of CIRCLES) dropdown.addOption(String(circle), t('newPerson.circleOption', { circle, days: this.circleCadence[circle] }));
        this.circleEl = dropdown.selectEl;
        this.circleEl.value = '';
        this.circleEl.addClass('ties-new-person-circle');
        this.circleEl.setAttribute('aria-label', t('newPerson.circle'));
      });
    this.cadenceEl = this.textField(el, t('newPerson.cadence'), t('newPerson.cadencePlaceholder'), 'ties-new-person-cadence', t('newPerson.cadenceDesc'));
    this.focusEl = this.nameEl;
  }

  protected submitButton(): { text: string; label: string } {
    return { text: this.t('newPerson.submit'), label: this.t('newPerson.submitLabel') };
  }

  protected submit(): SubmitResult {
    const name = this.nameEl.value.trim();
    const problem = nameProblem(name, this.t);
    if (problem !== null) return problem;
    const cadence = this.cadenceEl.value.trim();
    if (cadence !== '' && parseDuration(cadence) === null) return this.t('newPerson.badCadence', { value: cadence });
    const circle = this.circleEl.value;
    const input: NewPersonInput = { name, organisation: this.organisationEl.value.trim(), circle, cadence };
    return () => this.onSubmit(input);
  }
}
