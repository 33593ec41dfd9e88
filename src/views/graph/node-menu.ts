/**
 * The menu of a node (right-click, or a long press on a phone): for a person, open in a new tab, Log contact,
 * Add follow-up, Who can introduce me to them, then Obsidian's own file menu (and other plugins' items) for
 * their note; for a group of the overview, open or close it.
 */
import { Menu, TFile, type App, type WorkspaceLeaf } from 'obsidian';
import type { PersonActions } from '../../actions/person-actions';
import type { Translate } from '../../i18n/i18n';
import type { ModelNode } from './model';

export interface NodeMenuActions {
  introduce(path: string): void;
  toggleGroup(group: number): void;
}

export function showNodeMenu(
  app: App,
  leaf: WorkspaceLeaf,
  node: ModelNode,
  /** The open group of the overview this person is drawn in, if any. */
  openGroup: number | null,
  at: { x: number; y: number },
  event: MouseEvent | TouchEvent | null,
  t: Translate,
  actions: PersonActions,
  view: NodeMenuActions,
): Menu {
  const menu = new Menu();
  if (node.kind === 'group') {
    menu.addItem((item) => item.setTitle(t('graph.menu.openGroup')).setIcon('circle-dot').onClick(() => view.toggleGroup(node.community!)));
  } else {
    const path = node.path;
    menu.addItem((item) => item.setTitle(t('graph.menu.openTab')).setIcon('file-plus').onClick(() => void app.workspace.openLinkText(path, '', 'tab')));
    menu.addItem((item) => item.setTitle(t('graph.menu.log')).setIcon('message-square-plus').onClick(() => void actions.logContact(path)));
    menu.addItem((item) => item.setTitle(t('graph.menu.followUp')).setIcon('calendar-clock').onClick(() => void actions.addFollowUp(path)));
    menu.addItem((item) => item.setTitle(t('graph.menu.introduce', { name: node.label })).setIcon('route').onClick(() => view.introduce(path)));
    if (openGroup !== null) menu.addItem((item) => item.setTitle(t('graph.menu.closeGroup')).setIcon('circle-dot').onClick(() => view.toggleGroup(openGroup)));
    const file = app.vault.getAbstractFileByPath(path);
    if (file instanceof TFile) {
      menu.addSeparator();
      app.workspace.trigger('file-menu', menu, file, 'ties-graph', leaf);
    }
  }
  if (event instanceof MouseEvent) menu.showAtMouseEvent(event);
  else menu.showAtPosition(at);
  return menu;
}
