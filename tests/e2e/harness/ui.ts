/**
 * Obsidian's UI pieces a plugin builds with: Modal, Notice, Setting and its components, setting tabs, Menu,
 * SuggestModal / FuzzySuggestModal / AbstractInputSuggest, tooltips, Scope and Keymap. The DOM uses
 * Obsidian's class names, so styles.css and the theme variables apply as in the app.
 */
import { Component } from './events';
import { setIcon } from './icons';
import type { App } from './app';

type Loose = Record<string, any>;

// --- keys ---------------------------------------------------------------------------------------------------
export type Modifier = 'Mod' | 'Ctrl' | 'Meta' | 'Shift' | 'Alt';
interface KeyHandler {
  scope: Scope;
  modifiers: string;
  key: string | null;
  func: (evt: KeyboardEvent, ctx: { modifiers: string; key: string; vkey: string }) => unknown;
}

function modifiersOf(evt: KeyboardEvent | MouseEvent): string {
  const out: string[] = [];
  if (evt.ctrlKey || evt.metaKey) out.push('Mod');
  if (evt.shiftKey) out.push('Shift');
  if (evt.altKey) out.push('Alt');
  return out.join(',');
}

export class Scope {
  handlers: KeyHandler[] = [];

  constructor(public parent?: Scope) {}

  register(modifiers: Modifier[] | null, key: string | null, func: KeyHandler['func']): KeyHandler {
    const mods = (modifiers ?? []).map((m) => (m === 'Ctrl' || m === 'Meta' ? 'Mod' : m)).sort().join(',');
    const handler: KeyHandler = { scope: this, modifiers: mods, key, func };
    this.handlers.push(handler);
    return handler;
  }

  unregister(handler: KeyHandler): void {
    this.handlers.remove(handler);
  }

  /** Harness: runs the handlers for a key press; false when one asked to stop the default. */
  handle(evt: KeyboardEvent): boolean {
    const mods = modifiersOf(evt).split(',').filter((m) => m !== '').sort().join(',');
    for (const h of [...this.handlers].reverse()) {
      if (h.key !== null && h.key.toLowerCase() !== evt.key.toLowerCase()) continue;
      if (h.key !== null && h.modifiers !== mods) continue;
      const result = h.func(evt, { modifiers: mods, key: evt.key, vkey: evt.key });
      if (result === false) return false;
    }
    return this.parent ? this.parent.handle(evt) : true;
  }
}

export class Keymap {
  private readonly scopes: Scope[] = [];

  constructor(private readonly root: Scope) {}

  pushScope(scope: Scope): void {
    this.scopes.push(scope);
  }

  popScope(scope: Scope): void {
    this.scopes.remove(scope);
  }

  /** Harness: the scope that receives key presses now. */
  activeScope(): Scope {
    return this.scopes[this.scopes.length - 1] ?? this.root;
  }

  static isModEvent(evt?: UserEvent | null): boolean | 'tab' | 'split' | 'window' {
    if (!evt || !('ctrlKey' in evt)) return false;
    const e = evt as MouseEvent;
    if ((e.ctrlKey || e.metaKey) && e.altKey && e.shiftKey) return 'window';
    if ((e.ctrlKey || e.metaKey) && e.altKey) return 'split';
    if (e.ctrlKey || e.metaKey || e.button === 1) return 'tab';
    return false;
  }

  static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: Modifier): boolean {
    const e = evt as MouseEvent;
    if (modifier === 'Mod') return e.ctrlKey || e.metaKey;
    if (modifier === 'Ctrl') return e.ctrlKey;
    if (modifier === 'Meta') return e.metaKey;
    if (modifier === 'Shift') return e.shiftKey;
    return e.altKey;
  }
}
type UserEvent = MouseEvent | KeyboardEvent | TouchEvent | PointerEvent;

// --- tooltips -----------------------------------------------------------------------------------------------
let tooltipEl: HTMLElement | null = null;

export function displayTooltip(target: HTMLElement, text: string | DocumentFragment, options?: { placement?: string }): void {
  hideTooltip();
  tooltipEl = activeDocument.body.createDiv({ cls: 'tooltip' });
  tooltipEl.setText(text);
  const r = target.getBoundingClientRect();
  const placement = options?.placement ?? 'bottom';
  const t = tooltipEl.getBoundingClientRect();
  let top = r.bottom + 6;
  let left = r.left + r.width / 2 - t.width / 2;
  if (placement === 'top') top = r.top - t.height - 6;
  if (placement === 'left') {
    top = r.top + r.height / 2 - t.height / 2;
    left = r.left - t.width - 6;
  }
  if (placement === 'right') {
    top = r.top + r.height / 2 - t.height / 2;
    left = r.right + 6;
  }
  tooltipEl.setCssStyles({ top: `${Math.max(0, top)}px`, left: `${Math.max(0, left)}px` });
}

function hideTooltip(): void {
  tooltipEl?.detach();
  tooltipEl = null;
}

export function setTooltip(el: HTMLElement, tooltip: string, options?: { placement?: string; delay?: number }): void {
  if (tooltip === '') el.removeAttribute('aria-label');
  else el.setAttr('aria-label', tooltip);
  if (options?.placement) el.setAttr('data-tooltip-position', options.placement);
  const loose = el as unknown as Loose;
  if (loose.__tiesTooltip) return;
  loose.__tiesTooltip = true;
  el.addEventListener('mouseenter', () => {
    const label = el.getAttribute('aria-label');
    if (label) displayTooltip(el, label, { placement: el.getAttribute('data-tooltip-position') ?? 'bottom' });
  });
  el.addEventListener('mouseleave', hideTooltip);
  el.addEventListener('click', hideTooltip);
}

// --- Modal --------------------------------------------------------------------------------------------------
/** Every modal open now, oldest first. */
export const openModals: Modal[] = [];

export class Modal {
  app: App;
  scope: Scope;
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  headerEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  shouldRestoreSelection = true;
  private closeCallback: (() => unknown) | null = null;
  private isOpen = false;

  constructor(app: App) {
    this.app = app;
    this.scope = new Scope(app.scope);
    this.scope.register([], 'Escape', () => {
      this.close();
      return false;
    });
    this.containerEl = createDiv({ cls: 'modal-container mod-dim' });
    const bg = this.containerEl.createDiv({ cls: 'modal-bg' });
    bg.addEventListener('click', () => this.close());
    this.modalEl = this.containerEl.createDiv({ cls: 'modal' });
    const close = this.modalEl.createDiv({ cls: 'modal-close-button', attr: { 'aria-label': 'Close' } });
    setIcon(close, 'x');
    close.addEventListener('click', () => this.close());
    this.headerEl = this.modalEl.createDiv({ cls: 'modal-header' });
    this.titleEl = this.headerEl.createDiv({ cls: 'modal-title' });
    this.contentEl = this.modalEl.createDiv({ cls: 'modal-content' });
  }

  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    activeDocument.body.appendChild(this.containerEl);
    openModals.push(this);
    this.app.keymap.pushScope(this.scope);
    const result: unknown = this.onOpen();
    if (result instanceof Promise) result.catch((e: unknown) => console.error(e));
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.containerEl.detach();
    openModals.remove(this);
    this.app.keymap.popScope(this.scope);
    this.onClose();
    this.closeCallback?.();
  }

  onOpen(): Promise<void> | void {}

  onClose(): void {}

  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }

  setContent(content: string | DocumentFragment): this {
    this.contentEl.setText(content);
    return this;
  }

  setCloseCallback(callback: () => unknown): this {
    this.closeCallback = callback;
    return this;
  }
}

// --- Notice -------------------------------------------------------------------------------------------------
export interface NoticeRecord {
  text: string;
  notice: Notice;
}
/** Every notice shown since the page loaded, oldest first. */
export const notices: NoticeRecord[] = [];

function noticeContainer(): HTMLElement {
  const doc = activeDocument;
  return doc.body.querySelector<HTMLElement>(':scope > .notice-container') ?? doc.body.createDiv({ cls: 'notice-container' });
}

export class Notice {
  containerEl: HTMLElement;
  noticeEl: HTMLElement;
  messageEl: HTMLElement;
  private timer: number | null = null;

  constructor(message: string | DocumentFragment, duration?: number) {
    this.containerEl = noticeContainer();
    this.noticeEl = this.containerEl.createDiv({ cls: 'notice' });
    this.messageEl = this.noticeEl.createDiv({ cls: 'notice-message' });
    this.setMessage(message);
    notices.push({ text: this.messageEl.textContent ?? '', notice: this });
    // A click anywhere on the notice hides it (a button inside runs its own handler first).
    this.noticeEl.addEventListener('click', () => this.hide());
    const ms = duration ?? 5000;
    if (ms > 0) this.timer = window.setTimeout(() => this.hide(), ms);
  }

  setMessage(message: string | DocumentFragment): this {
    this.messageEl.setText(message);
    const record = notices.find((n) => n.notice === this);
    if (record) record.text = this.messageEl.textContent ?? '';
    return this;
  }

  hide(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    this.noticeEl.detach();
  }
}

// --- setting components -------------------------------------------------------------------------------------
export abstract class BaseComponent {
  disabled = false;

  then(cb: (component: this) => unknown): this {
    cb(this);
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
}

export abstract class ValueComponent<T> extends BaseComponent {
  abstract getValue(): T;
  abstract setValue(value: T): this;

  registerOptionListener(listeners: Record<string, (value?: T) => T>, key: string): this {
    listeners[key] = (value?: T) => {
      if (value !== undefined) this.setValue(value);
      return this.getValue();
    };
    return this;
  }
}

export class ButtonComponent extends BaseComponent {
  buttonEl: HTMLButtonElement;

  constructor(containerEl: HTMLElement) {
    super();
    this.buttonEl = containerEl.createEl('button');
  }

  override setDisabled(disabled: boolean): this {
    super.setDisabled(disabled);
    this.buttonEl.disabled = disabled;
    this.buttonEl.toggleClass('mod-disabled', disabled);
    return this;
  }

  setCta(): this {
    this.buttonEl.addClass('mod-cta');
    return this;
  }

  removeCta(): this {
    this.buttonEl.removeClass('mod-cta');
    return this;
  }

  setWarning(): this {
    this.buttonEl.addClass('mod-warning');
    return this;
  }

  setTooltip(tooltip: string, options?: { placement?: string }): this {
    setTooltip(this.buttonEl, tooltip, options);
    return this;
  }

  setButtonText(name: string): this {
    this.buttonEl.setText(name);
    return this;
  }

  setIcon(icon: string): this {
    setIcon(this.buttonEl, icon);
    return this;
  }

  setClass(cls: string): this {
    this.buttonEl.addClass(cls);
    return this;
  }

  onClick(callback: (evt: MouseEvent) => unknown): this {
    this.buttonEl.addEventListener('click', (evt) => void callback(evt));
    return this;
  }
}

export class ExtraButtonComponent extends BaseComponent {
  extraSettingsEl: HTMLElement;

  constructor(containerEl: HTMLElement) {
    super();
    this.extraSettingsEl = containerEl.createDiv({ cls: 'clickable-icon extra-setting-button' });
  }

  override setDisabled(disabled: boolean): this {
    super.setDisabled(disabled);
    this.extraSettingsEl.toggleClass('is-disabled', disabled);
    return this;
  }

  setTooltip(tooltip: string, options?: { placement?: string }): this {
    setTooltip(this.extraSettingsEl, tooltip, options);
    return this;
  }

  setIcon(icon: string): this {
    setIcon(this.extraSettingsEl, icon);
    return this;
  }

  onClick(callback: () => unknown): this {
    this.extraSettingsEl.addEventListener('click', () => {
      if (!this.disabled) void callback();
    });
    return this;
  }
}

export class ToggleComponent extends ValueComponent<boolean> {
  toggleEl: HTMLElement;
  private readonly inputEl: HTMLInputElement;
  private value = false;
  private changeCallback: ((value: boolean) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = containerEl.createDiv({ cls: 'checkbox-container' });
    this.inputEl = this.toggleEl.createEl('input', { type: 'checkbox', attr: { tabindex: 0 } });
    this.toggleEl.addEventListener('click', (evt) => {
      evt.preventDefault();
      this.onClick();
    });
  }

  override setDisabled(disabled: boolean): this {
    super.setDisabled(disabled);
    this.inputEl.disabled = disabled;
    this.toggleEl.toggleClass('is-disabled', disabled);
    return this;
  }

  getValue(): boolean {
    return this.value;
  }

  setValue(on: boolean): this {
    const changed = on !== this.value;
    this.value = on;
    this.inputEl.checked = on;
    this.toggleEl.toggleClass('is-enabled', on);
    if (changed) void this.changeCallback?.(on);
    return this;
  }

  setTooltip(tooltip: string, options?: { placement?: string }): this {
    setTooltip(this.toggleEl, tooltip, options);
    return this;
  }

  onClick(): void {
    if (!this.disabled) this.setValue(!this.value);
  }

  onChange(callback: (value: boolean) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class AbstractTextComponent<T extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
  private changeCallback: ((value: string) => unknown) | null = null;

  constructor(public inputEl: T) {
    super();
    inputEl.addEventListener('input', () => this.onChanged());
  }

  override setDisabled(disabled: boolean): this {
    super.setDisabled(disabled);
    this.inputEl.disabled = disabled;
    return this;
  }

  getValue(): string {
    return this.inputEl.value;
  }

  setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }

  setPlaceholder(placeholder: string): this {
    this.inputEl.placeholder = placeholder;
    return this;
  }

  onChanged(): void {
    void this.changeCallback?.(this.getValue());
  }

  onChange(callback: (value: string) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl('input', { type: 'text', attr: { spellcheck: 'false' } }));
  }
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl('textarea'));
  }
}

export class SearchComponent extends AbstractTextComponent<HTMLInputElement> {
  clearButtonEl: HTMLElement;
  containerEl: HTMLElement;

  constructor(containerEl: HTMLElement) {
    const wrap = containerEl.createDiv({ cls: 'search-input-container' });
    super(wrap.createEl('input', { type: 'search', attr: { enterkeyhint: 'search', spellcheck: 'false' } }));
    this.containerEl = wrap;
    this.clearButtonEl = wrap.createDiv({ cls: 'search-input-clear-button', attr: { 'aria-label': 'Clear search' } });
    this.clearButtonEl.addEventListener('click', () => {
      this.setValue('');
      this.onChanged();
      this.inputEl.focus();
    });
  }

  setClass(cls: string): this {
    this.containerEl.addClass(cls);
    return this;
  }
}

export class MomentFormatComponent extends TextComponent {
  sampleEl: HTMLElement | null = null;
  defaultFormat = '';

  setDefaultFormat(format: string): this {
    this.defaultFormat = format;
    this.setPlaceholder(format);
    return this;
  }

  setSampleEl(el: HTMLElement): this {
    this.sampleEl = el;
    return this;
  }
}

export class DropdownComponent extends ValueComponent<string> {
  selectEl: HTMLSelectElement;
  private changeCallback: ((value: string) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = containerEl.createEl('select', { cls: 'dropdown' });
    this.selectEl.addEventListener('change', () => void this.changeCallback?.(this.getValue()));
  }

  override setDisabled(disabled: boolean): this {
    super.setDisabled(disabled);
    this.selectEl.disabled = disabled;
    return this;
  }

  addOption(value: string, display: string): this {
    this.selectEl.createEl('option', { value, text: display });
    return this;
  }

  addOptions(options: Record<string, string>): this {
    for (const [value, display] of Object.entries(options)) this.addOption(value, display);
    return this;
  }

  getValue(): string {
    return this.selectEl.value;
  }

  setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }

  onChange(callback: (value: string) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class SliderComponent extends ValueComponent<number> {
  sliderEl: HTMLInputElement;
  private changeCallback: ((value: number) => unknown) | null = null;
  private instant = false;

  constructor(containerEl: HTMLElement) {
    super();
    this.sliderEl = containerEl.createEl('input', { type: 'range', cls: 'slider' });
    this.sliderEl.addEventListener('input', () => {
      if (this.instant) void this.changeCallback?.(this.getValue());
      this.sliderEl.setAttr('aria-label', String(this.getValue()));
    });
    this.sliderEl.addEventListener('change', () => {
      if (!this.instant) void this.changeCallback?.(this.getValue());
    });
  }

  override setDisabled(disabled: boolean): this {
    super.setDisabled(disabled);
    this.sliderEl.disabled = disabled;
    return this;
  }

  setInstant(instant: boolean): this {
    this.instant = instant;
    return this;
  }

  setLimits(min: number | null, max: number | null, step: number | 'any'): this {
    if (min !== null) this.sliderEl.min = String(min);
    if (max !== null) this.sliderEl.max = String(max);
    this.sliderEl.step = String(step);
    return this;
  }

  getValuePretty(): string {
    return String(this.getValue());
  }

  setDynamicTooltip(): this {
    setTooltip(this.sliderEl, this.getValuePretty());
    return this;
  }

  showTooltip(): void {
    displayTooltip(this.sliderEl, this.getValuePretty());
  }

  getValue(): number {
    return Number(this.sliderEl.value);
  }

  setValue(value: number): this {
    this.sliderEl.value = String(value);
    this.sliderEl.setAttr('aria-label', String(value));
    return this;
  }

  onChange(callback: (value: number) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class ColorComponent extends ValueComponent<string> {
  colorPickerEl: HTMLInputElement;
  private changeCallback: ((value: string) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.colorPickerEl = containerEl.createEl('input', { type: 'color' });
    this.colorPickerEl.addEventListener('change', () => void this.changeCallback?.(this.getValue()));
  }

  getValue(): string {
    return this.colorPickerEl.value;
  }

  setValue(value: string): this {
    this.colorPickerEl.value = value;
    return this;
  }

  onChange(callback: (value: string) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class ProgressBarComponent extends ValueComponent<number> {
  progressBar: HTMLElement;
  private lineEl: HTMLElement;
  private value = 0;

  constructor(containerEl: HTMLElement) {
    super();
    this.progressBar = containerEl.createDiv({ cls: 'setting-progress-bar' });
    this.lineEl = this.progressBar.createDiv({ cls: 'setting-progress-bar-inner' });
  }

  getValue(): number {
    return this.value;
  }

  setValue(value: number): this {
    this.value = value;
    this.lineEl.setCssStyles({ width: `${value}%` });
    return this;
  }
}

// --- Setting ------------------------------------------------------------------------------------------------
export class Setting {
  settingEl: HTMLElement;
  infoEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  components: BaseComponent[] = [];

  constructor(containerEl: HTMLElement) {
    this.settingEl = containerEl.createDiv({ cls: 'setting-item' });
    this.infoEl = this.settingEl.createDiv({ cls: 'setting-item-info' });
    this.nameEl = this.infoEl.createDiv({ cls: 'setting-item-name' });
    this.descEl = this.infoEl.createDiv({ cls: 'setting-item-description' });
    this.controlEl = this.settingEl.createDiv({ cls: 'setting-item-control' });
  }

  setName(name: string | DocumentFragment): this {
    this.nameEl.setText(name);
    return this;
  }

  setDesc(desc: string | DocumentFragment): this {
    this.descEl.setText(desc);
    return this;
  }

  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }

  setTooltip(tooltip: string, options?: { placement?: string }): this {
    setTooltip(this.nameEl, tooltip, options);
    return this;
  }

  setHeading(): this {
    this.settingEl.addClass('setting-item-heading');
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.settingEl.toggleClass('is-disabled', disabled);
    for (const c of this.components) c.setDisabled(disabled);
    return this;
  }

  private add<T extends BaseComponent>(component: T, cb: (c: T) => unknown): this {
    this.components.push(component);
    cb(component);
    return this;
  }

  addButton(cb: (c: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb);
  }

  addExtraButton(cb: (c: ExtraButtonComponent) => unknown): this {
    return this.add(new ExtraButtonComponent(this.controlEl), cb);
  }

  addToggle(cb: (c: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(this.controlEl), cb);
  }

  addText(cb: (c: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb);
  }

  addSearch(cb: (c: SearchComponent) => unknown): this {
    return this.add(new SearchComponent(this.controlEl), cb);
  }

  addTextArea(cb: (c: TextAreaComponent) => unknown): this {
    return this.add(new TextAreaComponent(this.controlEl), cb);
  }

  addMomentFormat(cb: (c: MomentFormatComponent) => unknown): this {
    return this.add(new MomentFormatComponent(this.controlEl), cb);
  }

  addDropdown(cb: (c: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb);
  }

  addColorPicker(cb: (c: ColorComponent) => unknown): this {
    return this.add(new ColorComponent(this.controlEl), cb);
  }

  addProgressBar(cb: (c: ProgressBarComponent) => unknown): this {
    return this.add(new ProgressBarComponent(this.controlEl), cb);
  }

  addSlider(cb: (c: SliderComponent) => unknown): this {
    return this.add(new SliderComponent(this.controlEl), cb);
  }

  addComponent<T extends BaseComponent>(cb: (el: HTMLElement) => T): this {
    this.components.push(cb(this.controlEl));
    return this;
  }

  then(cb: (setting: this) => unknown): this {
    cb(this);
    return this;
  }

  clear(): this {
    this.controlEl.empty();
    this.components = [];
    return this;
  }
}

export class SettingGroup {
  private readonly groupEl: HTMLElement;
  private readonly headerEl: HTMLElement;
  private readonly itemsEl: HTMLElement;

  constructor(containerEl: HTMLElement) {
    this.groupEl = containerEl.createDiv({ cls: 'setting-group' });
    this.headerEl = this.groupEl.createDiv({ cls: 'setting-item setting-item-heading' });
    this.headerEl.hide();
    this.itemsEl = this.groupEl.createDiv({ cls: 'setting-items' });
  }

  setHeading(text: string | DocumentFragment): this {
    this.headerEl.empty();
    this.headerEl.createDiv({ cls: 'setting-item-name', text });
    this.headerEl.show();
    return this;
  }

  addClass(cls: string): this {
    this.groupEl.addClass(cls);
    return this;
  }

  addSetting(cb: (setting: Setting) => void): this {
    cb(new Setting(this.itemsEl));
    return this;
  }

  addSearch(cb: (component: SearchComponent) => unknown): this {
    cb(new SearchComponent(this.headerEl));
    return this;
  }

  addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
    cb(new ExtraButtonComponent(this.headerEl));
    return this;
  }
}

export abstract class SettingTab {
  icon = 'settings';
  app: App;
  containerEl: HTMLElement;

  constructor(app: App) {
    this.app = app;
    this.containerEl = createDiv({ cls: 'vertical-tab-content' });
  }

  abstract display(): void;

  hide(): void {
    this.containerEl.empty();
  }
}

export abstract class PluginSettingTab extends SettingTab {
  plugin: unknown;

  constructor(app: App, plugin: unknown) {
    super(app);
    this.plugin = plugin;
  }
}

// --- Menu ---------------------------------------------------------------------------------------------------
export class MenuItem {
  dom: HTMLElement;
  iconEl: HTMLElement;
  titleEl: HTMLElement;
  callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
  disabled = false;
  section = '';

  constructor(private readonly menu: Menu) {
    this.dom = createDiv({ cls: 'menu-item tappable' });
    this.iconEl = this.dom.createDiv({ cls: 'menu-item-icon' });
    this.titleEl = this.dom.createDiv({ cls: 'menu-item-title' });
    this.dom.addEventListener('click', (evt) => {
      if (this.disabled) return;
      this.menu.hide();
      void this.callback?.(evt);
    });
  }

  setTitle(title: string | DocumentFragment): this {
    this.titleEl.setText(title);
    return this;
  }

  setIcon(icon: string | null): this {
    if (icon) setIcon(this.iconEl, icon);
    else this.iconEl.empty();
    return this;
  }

  setChecked(checked: boolean | null): this {
    this.dom.toggleClass('mod-checked', checked === true);
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    this.dom.toggleClass('is-disabled', disabled);
    return this;
  }

  setWarning(warning: boolean): this {
    this.dom.toggleClass('is-warning', warning);
    return this;
  }

  setIsLabel(isLabel: boolean): this {
    this.dom.toggleClass('is-label', isLabel);
    return this;
  }

  setSection(section: string): this {
    this.section = section;
    return this;
  }

  onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.callback = callback;
    return this;
  }
}

export class Menu extends Component {
  dom: HTMLElement;
  items: (MenuItem | 'separator')[] = [];
  private hideCallbacks: (() => unknown)[] = [];
  private outside: ((evt: MouseEvent) => void) | null = null;
  private pendingEvent: MouseEvent | null = null;

  constructor() {
    super();
    this.dom = createDiv({ cls: 'menu' });
  }

  setNoIcon(): this {
    this.dom.addClass('mod-no-icon');
    return this;
  }

  setUseNativeMenu(_native: boolean): this {
    return this;
  }

  addItem(cb: (item: MenuItem) => unknown): this {
    const item = new MenuItem(this);
    this.items.push(item);
    this.dom.appendChild(item.dom);
    cb(item);
    return this;
  }

  addSeparator(): this {
    this.items.push('separator');
    this.dom.createDiv({ cls: 'menu-separator' });
    return this;
  }

  showAtMouseEvent(evt: MouseEvent): this {
    return this.showAtPosition({ x: evt.clientX, y: evt.clientY });
  }

  showAtPosition(position: { x: number; y: number }, doc?: Document): this {
    const d = doc ?? activeDocument;
    for (const m of [...d.body.querySelectorAll(':scope > .menu')]) m.remove();
    d.body.appendChild(this.dom);
    this.dom.setCssStyles({ left: `${position.x}px`, top: `${position.y}px` });
    this.load();
    this.outside = (e: MouseEvent) => {
      if (!this.dom.contains(e.target as Node)) this.hide();
    };
    window.setTimeout(() => {
      if (this.outside) d.addEventListener('mousedown', this.outside, true);
    }, 0);
    return this;
  }

  hide(): this {
    if (this.outside) activeDocument.removeEventListener('mousedown', this.outside, true);
    this.outside = null;
    if (!this.dom.isConnected) return this;
    this.dom.detach();
    this.unload();
    for (const cb of this.hideCallbacks) cb();
    return this;
  }

  close(): void {
    this.hide();
  }

  onHide(callback: () => unknown): void {
    this.hideCallbacks.push(callback);
  }

  static forEvent(evt: MouseEvent): Menu {
    const menu = new Menu();
    menu.pendingEvent = evt;
    window.setTimeout(() => {
      if (menu.pendingEvent && !menu.dom.isConnected) menu.showAtMouseEvent(menu.pendingEvent);
    }, 0);
    return menu;
  }
}

// --- suggestions --------------------------------------------------------------------------------------------
export interface SearchResult {
  score: number;
  matches: [number, number][];
}
export interface FuzzyMatch<T> {
  item: T;
  match: SearchResult;
}

/** Letters of the query in order (fuzzy), scored higher for contiguous and early matches. */
export function prepareFuzzySearch(query: string): (text: string) => SearchResult | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  return (text: string) => {
    if (q === '') return { score: 0, matches: [] };
    const t = text.toLowerCase();
    const matches: [number, number][] = [];
    let from = 0;
    let score = 0;
    for (const ch of q) {
      const i = t.indexOf(ch, from);
      if (i < 0) return null;
      const last = matches[matches.length - 1];
      if (last && last[1] === i) last[1] = i + 1;
      else matches.push([i, i + 1]);
      score -= i - from;
      from = i + 1;
    }
    return { score: score - matches.length, matches };
  };
}

/** Every word of the query somewhere in the text. */
export function prepareSimpleSearch(query: string): (text: string) => SearchResult | null {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return (text: string) => {
    const t = text.toLowerCase();
    const matches: [number, number][] = [];
    for (const w of words) {
      const i = t.indexOf(w);
      if (i < 0) return null;
      matches.push([i, i + w.length]);
    }
    return { score: -matches.length, matches };
  };
}

export function renderMatches(el: HTMLElement | DocumentFragment, text: string, matches: [number, number][] | null, offset = 0): void {
  let at = 0;
  for (const [a, b] of matches ?? []) {
    const start = a + offset;
    const end = b + offset;
    if (start > at) el.appendText(text.slice(at, start));
    el.createSpan({ cls: 'suggestion-highlight', text: text.slice(start, end) });
    at = end;
  }
  if (at < text.length) el.appendText(text.slice(at));
}

export function renderResults(el: HTMLElement, text: string, result: SearchResult, offset?: number): void {
  renderMatches(el, text, result.matches, offset);
}

export function sortSearchResults(results: { match: SearchResult }[]): void {
  results.sort((a, b) => b.match.score - a.match.score);
}

/** The list under a prompt or an input: items, the selected one, arrow keys and Enter. */
class SuggestionList<T> {
  values: T[] = [];
  selected = 0;
  readonly els: HTMLElement[] = [];

  constructor(
    readonly containerEl: HTMLElement,
    private readonly render: (value: T, el: HTMLElement) => void,
    private readonly choose: (value: T, evt: MouseEvent | KeyboardEvent) => void,
  ) {}

  set(values: T[]): void {
    this.values = values;
    this.containerEl.empty();
    this.els.length = 0;
    values.forEach((v, i) => {
      const el = this.containerEl.createDiv({ cls: 'suggestion-item' });
      this.render(v, el);
      el.addEventListener('mousemove', () => this.select(i));
      el.addEventListener('click', (evt) => this.choose(v, evt));
      this.els.push(el);
    });
    this.select(0);
  }

  select(i: number): void {
    if (this.values.length === 0) return;
    this.selected = (i + this.values.length) % this.values.length;
    this.els.forEach((el, j) => el.toggleClass('is-selected', j === this.selected));
  }

  key(evt: KeyboardEvent): boolean {
    if (evt.key === 'ArrowDown') this.select(this.selected + 1);
    else if (evt.key === 'ArrowUp') this.select(this.selected - 1);
    else if (evt.key === 'Enter' && this.values.length > 0) this.choose(this.values[this.selected]!, evt);
    else return false;
    evt.preventDefault();
    return true;
  }
}

export abstract class SuggestModal<T> extends Modal {
  limit = 100;
  emptyStateText = 'No results found.';
  inputEl: HTMLInputElement;
  resultContainerEl: HTMLElement;
  private readonly list: SuggestionList<T>;
  private readonly instructionsEl: HTMLElement;

  constructor(app: App) {
    super(app);
    this.modalEl.addClass('prompt');
    this.headerEl.detach();
    this.contentEl.detach();
    const inputContainer = this.modalEl.createDiv({ cls: 'prompt-input-container' });
    this.inputEl = inputContainer.createEl('input', { cls: 'prompt-input', attr: { enterkeyhint: 'done', spellcheck: 'false' } });
    this.resultContainerEl = this.modalEl.createDiv({ cls: 'prompt-results' });
    this.instructionsEl = this.modalEl.createDiv({ cls: 'prompt-instructions' });
    this.list = new SuggestionList<T>(
      this.resultContainerEl,
      (v, el) => this.renderSuggestion(v, el),
      (v, evt) => {
        this.close();
        void this.onChooseSuggestion(v, evt);
      },
    );
    this.inputEl.addEventListener('input', () => void this.update());
    this.inputEl.addEventListener('keydown', (evt) => this.list.key(evt));
  }

  override open(): void {
    super.open();
    void this.update();
    this.inputEl.focus();
  }

  setPlaceholder(placeholder: string): void {
    this.inputEl.placeholder = placeholder;
  }

  setInstructions(instructions: { command: string; purpose: string }[]): void {
    this.instructionsEl.empty();
    for (const i of instructions) {
      const el = this.instructionsEl.createDiv({ cls: 'prompt-instruction' });
      el.createSpan({ cls: 'prompt-instruction-command', text: i.command });
      el.createSpan({ text: i.purpose });
    }
  }

  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.close();
    void this.onChooseSuggestion(value, evt);
  }

  selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
    const v = this.list.values[this.list.selected];
    if (v !== undefined) this.selectSuggestion(v, evt);
  }

  private async update(): Promise<void> {
    const values = (await this.getSuggestions(this.inputEl.value)).slice(0, this.limit);
    this.list.set(values);
    if (values.length === 0) this.onNoSuggestion();
  }

  onNoSuggestion(): void {
    this.resultContainerEl.empty();
    this.resultContainerEl.createDiv({ cls: 'suggestion-empty', text: this.emptyStateText });
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): unknown;
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
  getSuggestions(query: string): FuzzyMatch<T>[] {
    const search = prepareFuzzySearch(query);
    const out: FuzzyMatch<T>[] = [];
    for (const item of this.getItems()) {
      const match = search(this.getItemText(item));
      if (match) out.push({ item, match });
    }
    if (query !== '') sortSearchResults(out);
    return out;
  }

  renderSuggestion(value: FuzzyMatch<T>, el: HTMLElement): void {
    renderResults(el, this.getItemText(value.item), value.match);
  }

  onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    this.onChooseItem(item.item, evt);
  }

  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class PopoverSuggest<T> {
  app: App;
  scope: Scope;
  suggestEl: HTMLElement;
  protected readonly list: SuggestionList<T>;

  constructor(app: App) {
    this.app = app;
    this.scope = new Scope(app.scope);
    this.suggestEl = createDiv({ cls: 'suggestion-container' });
    const inner = this.suggestEl.createDiv({ cls: 'suggestion' });
    this.list = new SuggestionList<T>(
      inner,
      (v, el) => this.renderSuggestion(v, el),
      (v, evt) => this.selectSuggestion(v, evt),
    );
  }

  open(): void {
    if (!this.suggestEl.isConnected) activeDocument.body.appendChild(this.suggestEl);
  }

  close(): void {
    this.suggestEl.detach();
  }

  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class AbstractInputSuggest<T> extends PopoverSuggest<T> {
  limit = 100;
  private selectCallback: ((value: T, evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

  constructor(
    app: App,
    private readonly textInputEl: HTMLInputElement | HTMLDivElement,
  ) {
    super(app);
    textInputEl.addEventListener('input', () => void this.update());
    textInputEl.addEventListener('focus', () => void this.update());
    textInputEl.addEventListener('blur', () => window.setTimeout(() => this.close(), 150));
    textInputEl.addEventListener('keydown', (evt) => {
      if (this.suggestEl.isConnected) this.list.key(evt as KeyboardEvent);
      if ((evt as KeyboardEvent).key === 'Escape') this.close();
    });
  }

  setValue(value: string): void {
    if (this.textInputEl instanceof HTMLInputElement) this.textInputEl.value = value;
    else this.textInputEl.setText(value);
  }

  getValue(): string {
    return this.textInputEl instanceof HTMLInputElement ? this.textInputEl.value : (this.textInputEl.textContent ?? '');
  }

  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    void this.selectCallback?.(value, evt);
    this.close();
  }

  onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.selectCallback = callback;
    return this;
  }

  private async update(): Promise<void> {
    const values = (await this.getSuggestions(this.getValue())).slice(0, this.limit);
    if (values.length === 0) {
      this.close();
      return;
    }
    this.list.set(values);
    this.open();
    const r = this.textInputEl.getBoundingClientRect();
    this.suggestEl.setCssStyles({ left: `${r.left}px`, top: `${r.bottom + 4}px`, minWidth: `${r.width}px` });
  }

  protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
}
