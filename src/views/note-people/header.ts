/**
 * The top of People in this note: the note's name, the meeting's day and how many people it names, Log this
 * meeting for everyone, and the names that have no note yet, each with Create person.
 */
import type { NotePeopleModel } from './model';
import { shortDate, type CardHost } from './person-card';

export interface HeaderHost extends CardHost {
  logForEveryone(button: HTMLButtonElement): void;
  createPerson(name: string): void;
}

export function renderHeader(parent: HTMLElement, model: NotePeopleModel, host: HeaderHost): void {
  const { t } = host;
  const { prep } = model;
  const head = parent.createDiv({ cls: 'ties-np-header' });
  head.createDiv({ cls: 'ties-np-note', text: model.name });
  if (model.self !== null) return;
  const facts: string[] = [];
  if (prep.day !== null) facts.push(t('notePeople.meetingOn', { date: shortDate(prep.day, host.language(), host.today()) }));
  const n = prep.people.length;
  if (n > 0) facts.push(n === 1 ? t('notePeople.countOne') : t('notePeople.count', { n }));
  if (facts.length > 0) head.createDiv({ cls: 'ties-np-meta', text: facts.join(' · ') });
  if (n > 0) {
    const log = head.createEl('button', {
      cls: 'mod-cta ties-np-log-all',
      text: t('notePeople.logAll'),
      attr: { type: 'button', 'aria-label': t('notePeople.logAllLabel', { date: shortDate(prep.day ?? host.today(), host.language(), host.today()), n }) },
    });
    log.addEventListener('click', () => host.logForEveryone(log));
  }

  if (prep.unresolved.length > 0) {
    const box = parent.createDiv({ cls: 'ties-np-unresolved' });
    box.createDiv({ cls: 'ties-np-section-title', text: t('notePeople.unresolved') });
    const list = box.createEl('ul');
    for (const name of prep.unresolved) {
      const item = list.createEl('li');
      item.createSpan({ cls: 'ties-np-unresolved-name', text: name });
      const create = item.createEl('button', { cls: 'ties-np-create', text: t('notePeople.create'), attr: { type: 'button', 'aria-label': t('notePeople.createLabel', { name }) } });
      create.addEventListener('click', () => host.createPerson(name));
    }
  }
}
