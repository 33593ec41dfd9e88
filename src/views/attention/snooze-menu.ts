/** The snooze menu of the sidebar's rows and the call hour's card: a week, a month, or a picked day. */
import { Menu } from 'obsidian';
import type { PersonActions } from '../../actions/person-actions';
import type { Day } from '../../core/types';
import type { Translate } from '../../i18n/i18n';

/**
 * Shows the menu for the person at `path`, under an element (keyboard) or at the mouse. `run` gets the
 * chosen write, which resolves to whether it wrote, and starts it.
 */
export function showSnoozeMenu(
  t: Translate, actions: PersonActions, today: Day, path: string, at: MouseEvent | HTMLElement,
  run: (work: () => Promise<boolean>) => void,
): void {
  const menu = new Menu();
  menu.addItem((item) => item.setTitle(t('attention.snooze.week')).setIcon('calendar-plus').onClick(() => run(() => actions.snooze(path, today + 7))));
  menu.addItem((item) => item.setTitle(t('attention.snooze.month')).setIcon('calendar-range').onClick(() => run(() => actions.snooze(path, today + 30))));
  menu.addItem((item) => item.setTitle(t('attention.snooze.pick')).setIcon('calendar-days').onClick(() => run(() => actions.pickSnoozeDate(path))));
  if (at instanceof HTMLElement) {
    const rect = at.getBoundingClientRect();
    menu.showAtPosition({ x: rect.left, y: rect.bottom }, at.doc);
  } else {
    menu.showAtMouseEvent(at);
  }
}
