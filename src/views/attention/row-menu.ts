/**
 * A row's menu (right-click, the context-menu key, M, or a long press on a phone): Log contact, Done (a
 * follow-up), Snooze…, Add follow-up, Record favour, Open in new tab, Open to the right, then Obsidian's own
 * file menu (and other plugins' items) for the person's note, as the graph's node menu does.
 */
import { Menu, TFile, type App, type WorkspaceLeaf } from 'obsidian';
import type { PersonActions } from '../../actions/person-actions';
import type { Translate } from '../../i18n/i18n';
import type { AttentionRow } from './model';
import { ACTION_ICONS } from './rows';

export const ROW_MENU_SOURCE = 'ties-attention';

export interface RowMenuHooks {
  /** Starts a write and puts the focus back on the list when it is done. */
  run(work: () => Promise<boolean>): void;
  /** Shows the snooze menu at the same place. */
  snooze(): void;
}

export function showRowMenu(
  app: App, leaf: WorkspaceLeaf, row: AttentionRow, at: MouseEvent | { x: number; y: number }, t: Translate,
  actions: PersonActions, hooks: RowMenuHooks,
): Menu {
  const { path } = row;
  const menu = new Menu();
  const item = (title: string, icon: string, run: () => void) => menu.addItem((i) => i.setTitle(title).setIcon(icon).onClick(run));
  item(t('attention.action.log'), ACTION_ICONS.log, () => hooks.run(() => actions.logContact(path)));
  const reason = row.item.reason;
  if (reason.kind === 'follow-up') item(t('attention.action.done'), ACTION_ICONS.done, () => hooks.run(() => actions.completeFollowUp(path, reason.raw)));
  item(`${t('attention.action.snooze')}…`, ACTION_ICONS.snooze, () => hooks.snooze());
  item(t('attention.action.followUp'), 'calendar-clock', () => hooks.run(() => actions.addFollowUp(path)));
  item(t('attention.action.favour'), ACTION_ICONS.favour, () => hooks.run(() => actions.recordFavour(path)));
  menu.addSeparator();
  item(t('attention.menu.openTab'), 'file-plus', () => void app.workspace.openLinkText(path, '', 'tab'));
  item(t('attention.menu.openRight'), 'separator-vertical', () => void app.workspace.openLinkText(path, '', 'split'));
  const file = app.vault.getAbstractFileByPath(path);
  if (file instanceof TFile) {
    menu.addSeparator();
    app.workspace.trigger('file-menu', menu, file, ROW_MENU_SOURCE, leaf);
  }
  if (at instanceof MouseEvent) menu.showAtMouseEvent(at);
  else menu.showAtPosition(at);
  return menu;
}
