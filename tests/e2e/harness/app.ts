/** App, Plugin and the app's command registry and settings window. */
import { Component } from './events';
import { setIcon } from './icons';
import { Keymap, Modal, Scope, setTooltip, type SettingTab } from './ui';
import { FileManager, MetadataCache, Vault } from './vault';
import { MarkdownView, ViewRegistry, Workspace, type ViewCreator } from './workspace';

export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
  description: string;
  author: string;
  [key: string]: unknown;
}

export interface Command {
  id: string;
  name: string;
  icon?: string;
  hotkeys?: unknown[];
  callback?: () => unknown;
  checkCallback?: (checking: boolean) => boolean | void;
  editorCallback?: (editor: unknown, ctx: unknown) => unknown;
  editorCheckCallback?: (checking: boolean, editor: unknown, ctx: unknown) => boolean | void;
}

/** `app.commands` (not in obsidian.d.ts, but what the command palette and hotkeys run). */
export class Commands {
  readonly commands: Record<string, Command> = {};

  constructor(private readonly app: App) {}

  addCommand(command: Command): void {
    this.commands[command.id] = command;
  }

  removeCommand(id: string): void {
    delete this.commands[id];
  }

  listCommands(): Command[] {
    return Object.values(this.commands);
  }

  findCommand(id: string): Command | undefined {
    return this.commands[id];
  }

  /** True when the command ran (as Obsidian: a checkCallback that says "not now" makes it false). */
  executeCommandById(id: string): boolean {
    const cmd = this.commands[id];
    if (!cmd) return false;
    return this.executeCommand(cmd);
  }

  executeCommand(cmd: Command): boolean {
    const view = this.app.workspace.getActiveViewOfType(MarkdownView);
    if (cmd.editorCheckCallback && view) {
      if (!cmd.editorCheckCallback(true, view.editor, view)) return false;
      cmd.editorCheckCallback(false, view.editor, view);
      return true;
    }
    if (cmd.editorCallback) {
      if (!view) return false;
      void cmd.editorCallback(view.editor, view);
      return true;
    }
    if (cmd.checkCallback) {
      if (!cmd.checkCallback(true)) return false;
      cmd.checkCallback(false);
      return true;
    }
    if (cmd.callback) {
      void cmd.callback();
      return true;
    }
    return false;
  }
}

/** The settings window: one tab per plugin that added one. */
export class AppSetting {
  readonly pluginTabs: SettingTab[] = [];
  private modal: Modal | null = null;
  activeTab: SettingTab | null = null;

  constructor(private readonly app: App) {}

  addSettingTab(tab: SettingTab): void {
    this.pluginTabs.push(tab);
  }

  removeSettingTab(tab: SettingTab): void {
    this.pluginTabs.remove(tab);
  }

  open(): void {
    const tab = this.pluginTabs[0];
    if (tab) this.openTab(tab);
  }

  openTabById(id: string): void {
    const tab = this.pluginTabs.find((t) => (t as unknown as { plugin?: { manifest?: { id?: string } } }).plugin?.manifest?.id === id);
    if (tab) this.openTab(tab);
  }

  close(): void {
    this.modal?.close();
  }

  private openTab(tab: SettingTab): void {
    this.close();
    const modal = new Modal(this.app);
    modal.modalEl.addClass('mod-settings');
    modal.titleEl.setText('Settings');
    modal.contentEl.addClass('vertical-tab-content-container');
    modal.contentEl.appendChild(tab.containerEl);
    modal.onOpen = () => {
      tab.containerEl.empty();
      tab.display();
    };
    modal.onClose = () => {
      tab.hide();
      tab.containerEl.detach();
      if (this.modal === modal) this.modal = null;
      this.activeTab = null;
    };
    this.modal = modal;
    this.activeTab = tab;
    modal.open();
  }
}

export class App {
  vault: Vault;
  metadataCache: MetadataCache;
  fileManager: FileManager;
  workspace: Workspace;
  scope = new Scope();
  keymap = new Keymap(this.scope);
  commands = new Commands(this);
  setting = new AppSetting(this);
  viewRegistry = new ViewRegistry();
  lastEvent: UIEvent | null = null;
  plugins: { plugins: Record<string, Plugin>; enabledPlugins: Set<string>; getPlugin(id: string): Plugin | null } = {
    plugins: {},
    enabledPlugins: new Set(),
    getPlugin(id: string) {
      return this.plugins[id] ?? null;
    },
  };
  internalPlugins = { plugins: {} as Record<string, unknown>, getPluginById: (_id: string) => null, getEnabledPluginById: (_id: string) => null };
  hoverLinkSources: Record<string, unknown> = {};
  readonly ribbonEl: HTMLElement;
  readonly statusBarEl: HTMLElement;

  constructor(vault: Vault, frame: ConstructorParameters<typeof Workspace>[1] & { statusBarEl: HTMLElement }) {
    this.vault = vault;
    this.metadataCache = new MetadataCache(vault);
    this.fileManager = new FileManager(vault, this.metadataCache);
    this.workspace = new Workspace(this, frame);
    this.ribbonEl = frame.ribbonEl;
    this.statusBarEl = frame.statusBarEl;
    this.workspace.init();
  }

  isDarkMode(): boolean {
    return activeDocument.body.hasClass('theme-dark');
  }

  loadLocalStorage(key: string): unknown {
    const raw = window.localStorage.getItem(`${this.vault.getName()}-${key}`);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  }

  saveLocalStorage(key: string, data: unknown): void {
    const k = `${this.vault.getName()}-${key}`;
    if (data === null || data === undefined) window.localStorage.removeItem(k);
    else window.localStorage.setItem(k, JSON.stringify(data));
  }
}

export abstract class Plugin extends Component {
  app: App;
  manifest: PluginManifest;
  /** Harness: what loadData returns and saveData stored (a JSON copy, as if written to data.json). */
  _data: unknown = null;
  _saves = 0;

  constructor(app: App, manifest: PluginManifest) {
    super();
    this.app = app;
    this.manifest = manifest;
  }

  async loadData(): Promise<any> {
    await Promise.resolve();
    return this._data === null ? null : JSON.parse(JSON.stringify(this._data));
  }

  async saveData(data: unknown): Promise<void> {
    await Promise.resolve();
    this._data = JSON.parse(JSON.stringify(data ?? null));
    this._saves++;
  }

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.app.ribbonEl.createDiv({ cls: 'clickable-icon side-dock-ribbon-action' });
    setIcon(el, icon);
    setTooltip(el, title, { placement: 'right' });
    el.addEventListener('click', (evt) => void callback(evt));
    this.register(() => el.detach());
    return el;
  }

  addStatusBarItem(): HTMLElement {
    const el = this.app.statusBarEl.createDiv({ cls: 'status-bar-item plugin-' + this.manifest.id });
    this.register(() => el.detach());
    return el;
  }

  /** As Obsidian: the id and the name get the plugin's prefix, on the object the plugin passed. */
  addCommand(command: Command): Command {
    command.id = `${this.manifest.id}:${command.id}`;
    command.name = `${this.manifest.name}: ${command.name}`;
    this.app.commands.addCommand(command);
    this.register(() => this.app.commands.removeCommand(command.id));
    return command;
  }

  removeCommand(id: string): void {
    this.app.commands.removeCommand(`${this.manifest.id}:${id}`);
  }

  addSettingTab(tab: SettingTab): void {
    this.app.setting.addSettingTab(tab);
    this.register(() => this.app.setting.removeSettingTab(tab));
  }

  registerView(type: string, creator: ViewCreator): void {
    this.app.viewRegistry.registerView(type, creator);
    this.register(() => {
      // As in Obsidian: the plugin's views close, their leaves stay (empty) in the layout.
      for (const leaf of this.app.workspace.getLeavesOfType(type)) void leaf.setViewState({ type: 'empty' });
      this.app.viewRegistry.unregisterView(type);
    });
  }

  registerHoverLinkSource(id: string, info: unknown): void {
    this.app.hoverLinkSources[id] = info;
    this.register(() => delete this.app.hoverLinkSources[id]);
  }

  registerExtensions(_extensions: string[], _viewType: string): void {}

  registerMarkdownPostProcessor<T>(postProcessor: T): T {
    return postProcessor;
  }

  registerMarkdownCodeBlockProcessor(_language: string, handler: unknown): unknown {
    return handler;
  }

  registerEditorExtension(_extension: unknown): void {}

  registerObsidianProtocolHandler(_action: string, _handler: unknown): void {}

  registerEditorSuggest(_suggest: unknown): void {}

  registerBasesView(): boolean {
    return false;
  }

  registerCliHandler(): void {}

  onUserEnable(): void {}
}
