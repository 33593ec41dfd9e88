/**
 * Workspace, leaves and views. The layout is Obsidian's in small: a left ribbon, the main area (tabs of
 * leaves), and the left and right sidebars (icon tabs). A leaf's view is mounted as Obsidian mounts it:
 * `view.containerEl` is `.workspace-leaf-content` with `.view-header` as children[0] and `.view-content`
 * (ItemView's contentEl) as children[1]. setViewState really opens the view: the registered factory makes
 * it, it is loaded, onOpen runs, then setState.
 */
import { Component, Events } from './events';
import { setIcon } from './icons';
import type { App } from './app';
import { TFile, type TAbstractFile } from './vault';

type Loose = Record<string, any>;

export interface ViewState {
  type: string;
  state?: Record<string, unknown>;
  active?: boolean;
  pinned?: boolean;
  group?: WorkspaceLeaf;
}

export type ViewCreator = (leaf: WorkspaceLeaf) => View;

let leafIds = 0;

export abstract class View extends Component {
  app: App;
  icon = '';
  navigation = false;
  leaf: WorkspaceLeaf;
  containerEl: HTMLElement;
  scope: unknown = null;

  constructor(leaf: WorkspaceLeaf) {
    super();
    this.leaf = leaf;
    this.app = leaf.app;
    this.containerEl = createDiv({ cls: 'workspace-leaf-content' });
  }

  protected async onOpen(): Promise<void> {}
  protected async onClose(): Promise<void> {}
  abstract getViewType(): string;
  abstract getDisplayText(): string;

  getIcon(): string {
    return this.icon;
  }

  getState(): Record<string, unknown> {
    return {};
  }

  async setState(_state: unknown, _result: { history: boolean }): Promise<void> {}

  getEphemeralState(): Record<string, unknown> {
    return {};
  }

  setEphemeralState(_state: unknown): void {}

  onResize(): void {}

  onPaneMenu(_menu: unknown, _source: string): void {}

  /** Harness: load, then onOpen (what Obsidian's leaf does when it opens a view). */
  async open(): Promise<void> {
    this.containerEl.setAttr('data-type', this.getViewType());
    this.load();
    await this.onOpen();
  }

  /** Harness: onClose, then unload. */
  async close(): Promise<void> {
    await this.onClose();
    this.unload();
  }
}

export abstract class ItemView extends View {
  contentEl: HTMLElement;
  headerEl: HTMLElement;
  titleEl: HTMLElement;
  actionsEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.headerEl = this.containerEl.createDiv({ cls: 'view-header' });
    const titleContainer = this.headerEl.createDiv({ cls: 'view-header-title-container' });
    this.titleEl = titleContainer.createDiv({ cls: 'view-header-title' });
    this.actionsEl = this.headerEl.createDiv({ cls: 'view-actions' });
    this.contentEl = this.containerEl.createDiv({ cls: 'view-content' });
  }

  override async open(): Promise<void> {
    this.titleEl.setText(this.getDisplayText());
    await super.open();
    this.titleEl.setText(this.getDisplayText());
  }

  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = createEl('a', { cls: ['clickable-icon', 'view-action'], attr: { 'aria-label': title } });
    this.actionsEl.prepend(el);
    setIcon(el, icon);
    el.addEventListener('click', callback);
    return el;
  }
}

export class EmptyView extends ItemView {
  override getViewType(): string {
    return 'empty';
  }

  override getDisplayText(): string {
    return 'New tab';
  }

  override async onOpen(): Promise<void> {
    await Promise.resolve();
    const empty = this.contentEl.createDiv({ cls: 'empty-state' });
    empty.createDiv({ cls: 'empty-state-title', text: 'No file is open' });
  }
}

export abstract class FileView extends ItemView {
  allowNoFile = false;
  file: TFile | null = null;

  override getDisplayText(): string {
    return this.file?.basename ?? 'No file';
  }

  override getState(): Record<string, unknown> {
    return this.file ? { file: this.file.path } : {};
  }

  override async setState(state: unknown, result: { history: boolean }): Promise<void> {
    const path = (state as Loose | null)?.file;
    if (typeof path === 'string') {
      const file = this.app.vault.getFileByPath(path);
      if (file) {
        this.file = file;
        await this.onLoadFile(file);
        this.titleEl.setText(this.getDisplayText());
        this.leaf.updateHeader();
      }
    }
    await super.setState(state, result);
  }

  async onLoadFile(_file: TFile): Promise<void> {}
  async onUnloadFile(_file: TFile): Promise<void> {}
  onRename(_file: TFile): Promise<void> {
    this.titleEl.setText(this.getDisplayText());
    this.leaf.updateHeader();
    return Promise.resolve();
  }

  canAcceptExtension(extension: string): boolean {
    return extension === 'md';
  }
}

export abstract class EditableFileView extends FileView {}

export abstract class TextFileView extends EditableFileView {
  data = '';
  requestSave = (): void => {
    if (this.file) void this.app.vault.modify(this.file, this.getViewData());
  };

  override async onLoadFile(file: TFile): Promise<void> {
    this.data = await this.app.vault.read(file);
    this.setViewData(this.data, true);
  }

  async save(): Promise<void> {
    if (this.file) await this.app.vault.modify(this.file, this.getViewData());
  }

  abstract getViewData(): string;
  abstract setViewData(data: string, clear: boolean): void;
  abstract clear(): void;
}

interface EditorPosition {
  line: number;
  ch: number;
}

/** The Editor of a MarkdownView over the note's text, without CodeMirror. Edits write the note. */
export class HarnessEditor {
  private cursor: EditorPosition = { line: 0, ch: 0 };
  private anchor: EditorPosition = { line: 0, ch: 0 };

  constructor(private readonly view: MarkdownView) {}

  getValue(): string {
    return this.view.data;
  }

  setValue(text: string): void {
    this.view.setViewData(text, false);
    this.view.requestSave();
  }

  getLine(line: number): string {
    return this.getValue().split('\n')[line] ?? '';
  }

  lineCount(): number {
    return this.getValue().split('\n').length;
  }

  lastLine(): number {
    return this.lineCount() - 1;
  }

  getCursor(which?: 'from' | 'to' | 'head' | 'anchor'): EditorPosition {
    if (which === 'anchor') return { ...this.anchor };
    if (which === 'from') return this.before(this.anchor, this.cursor) ? { ...this.anchor } : { ...this.cursor };
    if (which === 'to') return this.before(this.anchor, this.cursor) ? { ...this.cursor } : { ...this.anchor };
    return { ...this.cursor };
  }

  setCursor(pos: EditorPosition | number, ch?: number): void {
    this.cursor = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : { ...pos };
    this.anchor = { ...this.cursor };
  }

  setSelection(anchor: EditorPosition, head?: EditorPosition): void {
    this.anchor = { ...anchor };
    this.cursor = { ...(head ?? anchor) };
  }

  getSelection(): string {
    return this.getRange(this.getCursor('from'), this.getCursor('to'));
  }

  somethingSelected(): boolean {
    return this.posToOffset(this.anchor) !== this.posToOffset(this.cursor);
  }

  getRange(from: EditorPosition, to: EditorPosition): string {
    return this.getValue().slice(this.posToOffset(from), this.posToOffset(to));
  }

  replaceRange(text: string, from: EditorPosition, to?: EditorPosition): void {
    const value = this.getValue();
    const a = this.posToOffset(from);
    const b = to ? this.posToOffset(to) : a;
    this.setValue(value.slice(0, a) + text + value.slice(b));
  }

  replaceSelection(text: string): void {
    const from = this.getCursor('from');
    this.replaceRange(text, from, this.getCursor('to'));
    this.setCursor(this.offsetToPos(this.posToOffset(from) + text.length));
  }

  posToOffset(pos: EditorPosition): number {
    const lines = this.getValue().split('\n');
    let offset = 0;
    for (let i = 0; i < pos.line && i < lines.length; i++) offset += lines[i]!.length + 1;
    return offset + Math.min(pos.ch, lines[pos.line]?.length ?? 0);
  }

  offsetToPos(offset: number): EditorPosition {
    const before = this.getValue().slice(0, offset).split('\n');
    return { line: before.length - 1, ch: before[before.length - 1]!.length };
  }

  focus(): void {}
  blur(): void {}
  hasFocus(): boolean {
    return false;
  }
  scrollIntoView(): void {}
  refresh(): void {}

  private before(a: EditorPosition, b: EditorPosition): boolean {
    return a.line < b.line || (a.line === b.line && a.ch <= b.ch);
  }
}

/** A note opened in the main area: its text, shown as source, kept in step with the vault. */
export class MarkdownView extends TextFileView {
  editor: HarnessEditor;
  private readonly textEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.editor = new HarnessEditor(this);
    this.contentEl.addClass('markdown-source-view', 'mod-cm6');
    this.textEl = this.contentEl.createEl('pre', { cls: 'harness-note-text' });
  }

  override getViewType(): string {
    return 'markdown';
  }

  override getIcon(): string {
    return 'document';
  }

  getMode(): 'source' | 'preview' {
    return 'source';
  }

  override onload(): void {
    this.registerEvent(
      this.app.vault.on('modify', (file: TAbstractFile) => {
        if (file === this.file) void this.app.vault.read(file as TFile).then((text) => this.setViewData(text, false));
      }),
    );
    this.registerEvent(
      this.app.vault.on('rename', (file: TAbstractFile) => {
        if (file === this.file) void this.onRename(file as TFile);
      }),
    );
  }

  getViewData(): string {
    return this.data;
  }

  setViewData(data: string, _clear: boolean): void {
    this.data = data;
    this.textEl.setText(data);
  }

  clear(): void {
    this.data = '';
    this.textEl.empty();
  }

  showSearch(): void {}
}

/** A group of leaves with a tab header: the main area, or one sidebar. */
export class WorkspaceTabs extends Events {
  children: WorkspaceLeaf[] = [];
  containerEl: HTMLElement;
  headerEl: HTMLElement;
  leavesEl: HTMLElement;
  current: WorkspaceLeaf | null = null;

  constructor(
    parentEl: HTMLElement,
    readonly side: 'root' | 'left' | 'right',
  ) {
    super();
    this.containerEl = parentEl.createDiv({ cls: 'workspace-tabs mod-top' });
    const header = this.containerEl.createDiv({ cls: 'workspace-tab-header-container' });
    this.headerEl = header.createDiv({ cls: 'workspace-tab-header-container-inner' });
    this.leavesEl = this.containerEl.createDiv({ cls: 'workspace-tab-container' });
  }

  add(leaf: WorkspaceLeaf): void {
    this.children.push(leaf);
    leaf.parent = this;
    this.headerEl.appendChild(leaf.tabHeaderEl);
    this.leavesEl.appendChild(leaf.containerEl);
    if (!this.current) this.select(leaf);
    else leaf.containerEl.hide();
  }

  remove(leaf: WorkspaceLeaf): void {
    this.children.remove(leaf);
    leaf.tabHeaderEl.detach();
    leaf.containerEl.detach();
    if (this.current === leaf) {
      this.current = null;
      const next = this.children[this.children.length - 1];
      if (next) this.select(next);
    }
  }

  select(leaf: WorkspaceLeaf): void {
    this.current = leaf;
    for (const l of this.children) {
      l.containerEl.toggle(l === leaf);
      l.tabHeaderEl.toggleClass('is-active', l === leaf);
    }
  }
}

/** A sidebar: collapsed or expanded, with one group of tabs. */
export class WorkspaceSidedock extends Events {
  collapsed: boolean;
  tabs: WorkspaceTabs;

  constructor(
    readonly containerEl: HTMLElement,
    side: 'left' | 'right',
    collapsed: boolean,
  ) {
    super();
    this.tabs = new WorkspaceTabs(containerEl, side);
    this.collapsed = collapsed;
    containerEl.toggleClass('is-collapsed', collapsed);
  }

  expand(): void {
    this.collapsed = false;
    this.containerEl.removeClass('is-collapsed');
  }

  collapse(): void {
    this.collapsed = true;
    this.containerEl.addClass('is-collapsed');
  }

  toggle(): void {
    if (this.collapsed) this.expand();
    else this.collapse();
  }
}

export class WorkspaceLeaf extends Events {
  id = `leaf-${++leafIds}`;
  app: App;
  view: View;
  parent!: WorkspaceTabs;
  containerEl: HTMLElement;
  tabHeaderEl: HTMLElement;
  pinned = false;
  group: string | null = null;
  hoverPopover = null;
  private resizeObserver: ResizeObserver;

  constructor(app: App) {
    super();
    this.app = app;
    this.containerEl = createDiv({ cls: 'workspace-leaf' });
    this.containerEl.setAttr('data-leaf-id', this.id);
    this.tabHeaderEl = createDiv({ cls: 'workspace-tab-header' });
    this.tabHeaderEl.createDiv({ cls: 'workspace-tab-header-inner-icon' });
    this.tabHeaderEl.createDiv({ cls: 'workspace-tab-header-inner-title' });
    this.tabHeaderEl.addEventListener('click', () => {
      this.app.workspace.setActiveLeaf(this, { focus: true });
    });
    this.view = new EmptyView(this);
    void this.mount(this.view);
    this.resizeObserver = new ResizeObserver(() => this.onResize());
    this.resizeObserver.observe(this.containerEl);
  }

  get isDeferred(): boolean {
    return false;
  }

  async loadIfDeferred(): Promise<void> {}

  getRoot(): WorkspaceTabs {
    return this.parent;
  }

  getContainer(): WorkspaceTabs {
    return this.parent;
  }

  getViewState(): ViewState {
    return { type: this.view.getViewType(), state: this.view.getState(), pinned: this.pinned };
  }

  async setViewState(viewState: ViewState, _eState?: unknown): Promise<void> {
    let next = this.view;
    if (viewState.type === 'empty' || next.getViewType() !== viewState.type) {
      const creator = this.app.viewRegistry.getViewCreatorByType(viewState.type);
      next = creator ? creator(this) : new EmptyView(this);
      await this.open(next);
    } else if (next instanceof FileView && next.file) {
      // The same type of view stays, as in Obsidian, and is handed the new state.
      await next.onUnloadFile(next.file);
    }
    if (viewState.state) await next.setState(viewState.state, { history: false });
    if (viewState.pinned !== undefined) this.setPinned(viewState.pinned);
    this.updateHeader();
    if (viewState.active) this.app.workspace.setActiveLeaf(this, { focus: true });
    this.app.workspace.trigger('layout-change');
  }

  async open(view: View): Promise<View> {
    const old = this.view;
    if (old && old !== view) {
      if (old instanceof FileView && old.file) await old.onUnloadFile(old.file);
      await old.close();
      old.containerEl.detach();
    }
    this.view = view;
    await this.mount(view);
    return view;
  }

  async openFile(file: TFile, openState?: { active?: boolean; state?: Record<string, unknown> }): Promise<void> {
    await this.setViewState({ type: 'markdown', state: { ...(openState?.state ?? {}), file: file.path } });
    this.app.workspace.recordOpen(file);
    this.app.workspace.setActiveLeaf(this, { focus: openState?.active !== false });
  }

  detach(): void {
    void this.view.close();
    this.resizeObserver.disconnect();
    this.parent?.remove(this);
    this.app.workspace.leafDetached(this);
    this.app.workspace.trigger('layout-change');
  }

  getDisplayText(): string {
    return this.view.getDisplayText();
  }

  getIcon(): string {
    return this.view.getIcon();
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
    this.trigger('pinned-change', pinned);
  }

  togglePinned(): void {
    this.setPinned(!this.pinned);
  }

  setGroup(group: string): void {
    this.group = group;
    this.trigger('group-change', group);
  }

  setGroupMember(other: WorkspaceLeaf): void {
    this.setGroup(other.group ?? other.id);
  }

  getEphemeralState(): unknown {
    return this.view.getEphemeralState();
  }

  setEphemeralState(state: unknown): void {
    this.view.setEphemeralState(state);
  }

  onResize(): void {
    this.view.onResize();
  }

  /** True when the leaf is the shown tab of an expanded group. */
  isVisible(): boolean {
    return this.containerEl.isConnected && this.containerEl.getClientRects().length > 0;
  }

  /** Harness: redraws the tab header (title in the main area, icon in the sidebars). */
  updateHeader(): void {
    const icon = this.tabHeaderEl.querySelector<HTMLElement>('.workspace-tab-header-inner-icon')!;
    const title = this.tabHeaderEl.querySelector<HTMLElement>('.workspace-tab-header-inner-title')!;
    setIcon(icon, this.view.getIcon() || 'file');
    title.setText(this.view.getDisplayText());
    this.tabHeaderEl.setAttr('aria-label', this.view.getDisplayText());
    this.tabHeaderEl.setAttr('data-type', this.view.getViewType());
  }

  private async mount(view: View): Promise<void> {
    this.containerEl.empty();
    this.containerEl.appendChild(view.containerEl);
    this.updateHeader();
    await view.open();
    this.updateHeader();
  }
}

/** Registered view types: `registerView` puts factories here. */
export class ViewRegistry {
  private readonly creators = new Map<string, ViewCreator>();

  registerView(type: string, creator: ViewCreator): void {
    if (this.creators.has(type)) throw new Error(`Attempting to register an existing view type "${type}"`);
    this.creators.set(type, creator);
  }

  unregisterView(type: string): void {
    this.creators.delete(type);
  }

  getViewCreatorByType(type: string): ViewCreator | undefined {
    if (type === 'markdown') return (leaf) => new MarkdownView(leaf);
    if (type === 'empty') return (leaf) => new EmptyView(leaf);
    return this.creators.get(type);
  }

  isExtensionRegistered(ext: string): boolean {
    return ext === 'md';
  }
}

export class Workspace extends Events {
  layoutReady = false;
  activeLeaf: WorkspaceLeaf | null = null;
  containerEl: HTMLElement;
  rootSplit: WorkspaceTabs;
  leftSplit: WorkspaceSidedock;
  rightSplit: WorkspaceSidedock;
  leftRibbon: { containerEl: HTMLElement };
  rightRibbon: { containerEl: HTMLElement };
  /** Every file opened (openLinkText, openFile), in order: what a click on a name did. */
  readonly openedFiles: string[] = [];
  private readonly layoutCallbacks: (() => unknown)[] = [];
  private lastActiveFile: TFile | null = null;
  private readonly recentLeaves: WorkspaceLeaf[] = [];

  constructor(
    private readonly app: App,
    frame: { workspaceEl: HTMLElement; rootEl: HTMLElement; leftEl: HTMLElement; rightEl: HTMLElement; ribbonEl: HTMLElement },
  ) {
    super();
    this.containerEl = frame.workspaceEl;
    this.rootSplit = new WorkspaceTabs(frame.rootEl, 'root');
    this.leftSplit = new WorkspaceSidedock(frame.leftEl, 'left', true);
    this.rightSplit = new WorkspaceSidedock(frame.rightEl, 'right', false);
    this.leftRibbon = { containerEl: frame.ribbonEl };
    this.rightRibbon = { containerEl: frame.ribbonEl };
  }

  /** Harness: the first leaf of the main area. Called once the app exists. */
  init(): void {
    const leaf = new WorkspaceLeaf(this.app);
    this.rootSplit.add(leaf);
    this.activeLeaf = leaf;
  }

  requestSaveLayout = Object.assign(() => undefined, { cancel: () => undefined, run: () => undefined });

  get activeEditor(): { editor: HarnessEditor; file: TFile | null } | null {
    const view = this.activeLeaf?.view;
    return view instanceof MarkdownView ? { editor: view.editor, file: view.file } : null;
  }

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) callback();
    else this.layoutCallbacks.push(callback);
  }

  /** Harness: what Obsidian does once the layout has loaded. */
  setLayoutReady(): void {
    if (this.layoutReady) return;
    this.layoutReady = true;
    for (const cb of this.layoutCallbacks.splice(0)) {
      try {
        cb();
      } catch (error) {
        console.error(error);
      }
    }
    this.trigger('layout-ready');
  }

  getLeaf(newLeaf?: boolean | 'tab' | 'split' | 'window', _direction?: string): WorkspaceLeaf {
    if (!newLeaf) {
      const current = this.activeLeaf && this.activeLeaf.parent === this.rootSplit && !this.activeLeaf.pinned ? this.activeLeaf : null;
      const leaf = current ?? this.rootSplit.current ?? null;
      if (leaf && !leaf.pinned) return leaf;
    }
    const leaf = new WorkspaceLeaf(this.app);
    this.rootSplit.add(leaf);
    return leaf;
  }

  getUnpinnedLeaf(): WorkspaceLeaf {
    return this.getLeaf(false);
  }

  splitActiveLeaf(): WorkspaceLeaf {
    return this.getLeaf('split');
  }

  createLeafBySplit(): WorkspaceLeaf {
    return this.getLeaf('split');
  }

  createLeafInParent(): WorkspaceLeaf {
    return this.getLeaf('tab');
  }

  getLeftLeaf(_split: boolean): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app);
    this.leftSplit.tabs.add(leaf);
    return leaf;
  }

  getRightLeaf(_split: boolean): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app);
    this.rightSplit.tabs.add(leaf);
    return leaf;
  }

  async ensureSideLeaf(
    type: string,
    side: 'left' | 'right',
    options: { active?: boolean; split?: boolean; reveal?: boolean; state?: Record<string, unknown> } = {},
  ): Promise<WorkspaceLeaf> {
    let leaf = this.getLeavesOfType(type)[0];
    if (!leaf) {
      leaf = side === 'left' ? this.getLeftLeaf(options.split ?? false) : this.getRightLeaf(options.split ?? false);
      await leaf.setViewState({ type, active: options.active, state: options.state });
    }
    if (options.reveal !== false) await this.revealLeaf(leaf);
    return leaf;
  }

  getLeavesOfType(type: string): WorkspaceLeaf[] {
    return this.allLeaves().filter((l) => l.view.getViewType() === type);
  }

  detachLeavesOfType(type: string): void {
    for (const leaf of this.getLeavesOfType(type)) leaf.detach();
  }

  getLeafById(id: string): WorkspaceLeaf | null {
    return this.allLeaves().find((l) => l.id === id) ?? null;
  }

  getGroupLeaves(group: string): WorkspaceLeaf[] {
    return this.allLeaves().filter((l) => l.group === group);
  }

  iterateAllLeaves(cb: (leaf: WorkspaceLeaf) => unknown): void {
    for (const leaf of this.allLeaves()) cb(leaf);
  }

  iterateRootLeaves(cb: (leaf: WorkspaceLeaf) => unknown): void {
    for (const leaf of [...this.rootSplit.children]) cb(leaf);
  }

  getMostRecentLeaf(): WorkspaceLeaf | null {
    return this.recentLeaves.find((l) => l.parent === this.rootSplit) ?? this.rootSplit.current;
  }

  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    await Promise.resolve();
    const tabs = leaf.parent;
    if (!tabs) return;
    tabs.select(leaf);
    if (tabs === this.rightSplit.tabs) this.rightSplit.expand();
    if (tabs === this.leftSplit.tabs) this.leftSplit.expand();
  }

  setActiveLeaf(leaf: WorkspaceLeaf, _params?: unknown, _focus?: boolean): void {
    leaf.parent?.select(leaf);
    if (leaf.parent === this.rightSplit.tabs) this.rightSplit.expand();
    if (leaf.parent === this.leftSplit.tabs) this.leftSplit.expand();
    const changed = this.activeLeaf !== leaf;
    this.activeLeaf = leaf;
    for (const l of this.allLeaves()) l.containerEl.toggleClass('mod-active', l === leaf);
    this.recentLeaves.remove(leaf);
    this.recentLeaves.unshift(leaf);
    const file = leaf.view instanceof FileView ? leaf.view.file : null;
    if (changed) this.trigger('active-leaf-change', leaf);
    if (file && leaf.view instanceof FileView) {
      const fileChanged = file !== this.lastActiveFile;
      this.lastActiveFile = file;
      if (fileChanged || changed) this.trigger('file-open', file);
    }
  }

  getActiveViewOfType<T>(type: abstract new (...args: any[]) => T): T | null {
    const view = this.activeLeaf?.view;
    return view instanceof type ? (view) : null;
  }

  getActiveFile(): TFile | null {
    const view = this.activeLeaf?.view;
    if (view instanceof FileView) return view.file;
    return this.lastActiveFile && this.app.vault.getFileByPath(this.lastActiveFile.path) === this.lastActiveFile ? this.lastActiveFile : null;
  }

  getLastOpenFiles(): string[] {
    return [...new Set([...this.openedFiles].reverse())].slice(0, 10);
  }

  async openLinkText(linktext: string, sourcePath: string, newLeaf?: boolean | 'tab' | 'split' | 'window', openViewState?: { active?: boolean; state?: Record<string, unknown> }): Promise<void> {
    const path = linktext.split('#')[0]!.split('|')[0]!;
    let file = this.app.metadataCache.getFirstLinkpathDest(path, sourcePath);
    // A link to a note that does not exist creates it, as in Obsidian.
    if (!file) file = await this.app.vault.create(path.endsWith('.md') ? path : `${path}.md`, '');
    await this.getLeaf(newLeaf).openFile(file, openViewState);
  }

  /** Harness: bookkeeping when a file was opened. */
  recordOpen(file: TFile): void {
    this.openedFiles.push(file.path);
  }

  /** Harness: a leaf went away. */
  leafDetached(leaf: WorkspaceLeaf): void {
    this.recentLeaves.remove(leaf);
    if (this.activeLeaf === leaf) {
      this.activeLeaf = this.rootSplit.current;
      this.trigger('active-leaf-change', this.activeLeaf);
    }
    if (this.rootSplit.children.length === 0) this.init();
  }

  changeLayout(): Promise<void> {
    return Promise.resolve();
  }

  getLayout(): Record<string, unknown> {
    return {};
  }

  updateOptions(): void {}

  handleLinkContextMenu(): boolean {
    return false;
  }

  private allLeaves(): WorkspaceLeaf[] {
    return [...this.rootSplit.children, ...this.leftSplit.tabs.children, ...this.rightSplit.tabs.children];
  }
}
