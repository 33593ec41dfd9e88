/**
 * Obsidian's DOM helpers, installed on the browser's own prototypes the way Obsidian installs them:
 * createEl/createDiv/createSpan/createSvg on Node (so on elements and fragments), empty, setText, the class
 * helpers, setAttr, show/hide, find/findAll, on/off (delegated events), the globals createEl, createFragment,
 * activeDocument, activeWindow, sleep, nextFrame, and the small Array/String/Math additions.
 */

type Loose = Record<string, any>;
type Attrs = Record<string, string | number | boolean | null>;

export interface ElementInfo {
  cls?: string | string[];
  text?: string | DocumentFragment;
  attr?: Attrs;
  title?: string;
  parent?: Node;
  value?: string;
  type?: string;
  prepend?: boolean;
  placeholder?: string;
  href?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function classesOf(cls: string | string[] | undefined): string[] {
  if (cls === undefined) return [];
  const list = Array.isArray(cls) ? cls : [cls];
  return list.flatMap((c) => c.split(/\s+/)).filter((c) => c !== '');
}

function setAttr(el: Element, name: string, value: string | number | boolean | null): void {
  if (value === null || value === false) el.removeAttribute(name);
  else el.setAttribute(name, value === true ? '' : String(value));
}

function setText(el: Node, text: string | DocumentFragment): void {
  if (typeof text === 'string') el.textContent = text;
  else {
    el.textContent = '';
    el.appendChild(text);
  }
}

/** Applies a DomElementInfo (or a class string) to a new element and puts it under `parent`. */
function applyInfo(el: Element, info: ElementInfo | string | undefined, parent: Node | null): void {
  const o: ElementInfo = typeof info === 'string' ? { cls: info } : (info ?? {});
  const classes = classesOf(o.cls);
  if (classes.length > 0) el.classList.add(...classes);
  if (o.text !== undefined) setText(el, o.text);
  if (o.attr) for (const [k, v] of Object.entries(o.attr)) setAttr(el, k, v);
  if (o.title !== undefined) el.setAttribute('title', o.title);
  const loose = el as unknown as Loose;
  if (o.value !== undefined && 'value' in loose) loose.value = o.value;
  if (o.type !== undefined) el.setAttribute('type', o.type);
  if (o.placeholder !== undefined) el.setAttribute('placeholder', o.placeholder);
  if (o.href !== undefined) el.setAttribute('href', o.href);
  const target = o.parent ?? parent;
  if (target) {
    if (o.prepend) target.insertBefore(el, target.firstChild);
    else target.appendChild(el);
  }
}

function docOf(node: Node): Document {
  return node.ownerDocument ?? (node as Document);
}

function createElIn(
  doc: Document,
  parent: Node | null,
  tag: string,
  info?: ElementInfo | string,
  callback?: (el: HTMLElement) => void,
): HTMLElement {
  const el = doc.createElement(tag);
  applyInfo(el, info, parent);
  callback?.(el);
  return el;
}

function createSvgIn(
  doc: Document,
  parent: Node | null,
  tag: string,
  info?: ElementInfo | string,
  callback?: (el: SVGElement) => void,
): SVGElement {
  const el = doc.createElementNS(SVG_NS, tag);
  applyInfo(el, info, parent);
  callback?.(el);
  return el;
}

function define(proto: object, name: string, value: unknown): void {
  Object.defineProperty(proto, name, { value, writable: true, configurable: true, enumerable: false });
}

interface Delegated {
  selector: string;
  listener: (ev: Event, target: HTMLElement) => unknown;
  options?: boolean | AddEventListenerOptions;
  callback: (ev: Event) => void;
}

export function installDom(win: Window & typeof globalThis): void {
  const node = win.Node.prototype;
  const element = win.Element.prototype;
  const html = win.HTMLElement.prototype;
  const svg = win.SVGElement.prototype;
  const fragment = win.DocumentFragment.prototype;

  define(node, 'createEl', function (this: Node, tag: string, info?: ElementInfo | string, cb?: (el: HTMLElement) => void) {
    return createElIn(docOf(this), this, tag, info, cb);
  });
  define(node, 'createDiv', function (this: Node, info?: ElementInfo | string, cb?: (el: HTMLElement) => void) {
    return createElIn(docOf(this), this, 'div', info, cb);
  });
  define(node, 'createSpan', function (this: Node, info?: ElementInfo | string, cb?: (el: HTMLElement) => void) {
    return createElIn(docOf(this), this, 'span', info, cb);
  });
  define(node, 'createSvg', function (this: Node, tag: string, info?: ElementInfo | string, cb?: (el: SVGElement) => void) {
    return createSvgIn(docOf(this), this, tag, info, cb);
  });
  define(node, 'empty', function (this: Node) {
    while (this.firstChild) this.removeChild(this.firstChild);
  });
  define(node, 'detach', function (this: Node) {
    this.parentNode?.removeChild(this);
  });
  define(node, 'insertAfter', function (this: Node, child: Node, other: Node | null) {
    this.insertBefore(child, other ? other.nextSibling : this.firstChild);
    return child;
  });
  define(node, 'indexOf', function (this: Node, other: Node) {
    return Array.prototype.indexOf.call(this.childNodes, other);
  });
  define(node, 'setChildrenInPlace', function (this: Node, children: Node[]) {
    const keep = new Set(children);
    for (const c of [...this.childNodes]) if (!keep.has(c)) this.removeChild(c);
    for (const c of children) this.appendChild(c);
  });
  define(node, 'appendText', function (this: Node, text: string) {
    this.appendChild(docOf(this).createTextNode(text));
  });
  define(node, 'instanceOf', function (this: Node, type: new () => unknown) {
    return this.instanceOf(type);
  });
  Object.defineProperty(node, 'doc', { get(this: Node) { return docOf(this); }, configurable: true });
  Object.defineProperty(node, 'win', { get(this: Node) { return docOf(this).defaultView ?? win; }, configurable: true });
  Object.defineProperty(node, 'constructorWin', { get() { return win; }, configurable: true });

  define(element, 'getText', function (this: Element) {
    return this.textContent ?? '';
  });
  define(element, 'setText', function (this: Element, text: string | DocumentFragment) {
    setText(this, text);
  });
  define(element, 'addClass', function (this: Element, ...classes: string[]) {
    const list = classesOf(classes);
    if (list.length > 0) this.classList.add(...list);
  });
  define(element, 'addClasses', function (this: Element, classes: string[]) {
    const list = classesOf(classes);
    if (list.length > 0) this.classList.add(...list);
  });
  define(element, 'removeClass', function (this: Element, ...classes: string[]) {
    const list = classesOf(classes);
    if (list.length > 0) this.classList.remove(...list);
  });
  define(element, 'removeClasses', function (this: Element, classes: string[]) {
    const list = classesOf(classes);
    if (list.length > 0) this.classList.remove(...list);
  });
  define(element, 'toggleClass', function (this: Element, classes: string | string[], value: boolean) {
    for (const c of classesOf(classes)) this.classList.toggle(c, value);
  });
  define(element, 'hasClass', function (this: Element, cls: string) {
    return this.classList.contains(cls);
  });
  define(element, 'setAttr', function (this: Element, name: string, value: string | number | boolean | null) {
    setAttr(this, name, value);
  });
  define(element, 'setAttrs', function (this: Element, attrs: Attrs) {
    for (const [k, v] of Object.entries(attrs)) setAttr(this, k, v);
  });
  define(element, 'getAttr', function (this: Element, name: string) {
    return this.getAttribute(name);
  });
  define(element, 'matchParent', function (this: Element, selector: string, last?: Element) {
    const found = this.closest(selector);
    // `last` bounds the search: a match above it does not count.
    if (found && last && found !== last && found.contains(last)) return null;
    return found;
  });
  define(element, 'getCssPropertyValue', function (this: Element, property: string, pseudo?: string) {
    return win.getComputedStyle(this, pseudo).getPropertyValue(property);
  });
  define(element, 'isActiveElement', function (this: Element) {
    return docOf(this).activeElement === this;
  });
  define(element, 'find', function (this: Element, selector: string) {
    return this.querySelector(selector);
  });
  define(element, 'findAll', function (this: Element, selector: string) {
    return [...this.querySelectorAll(selector)];
  });
  define(element, 'findAllSelf', function (this: Element, selector: string) {
    const out = [...this.querySelectorAll(selector)];
    if (this.matches(selector)) out.unshift(this);
    return out;
  });
  define(fragment, 'find', function (this: DocumentFragment, selector: string) {
    return this.querySelector(selector);
  });
  define(fragment, 'findAll', function (this: DocumentFragment, selector: string) {
    return [...this.querySelectorAll(selector)];
  });

  for (const proto of [html, svg]) {
    define(proto, 'setCssStyles', function (this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
      Object.assign(this.style, styles);
    });
    define(proto, 'setCssProps', function (this: HTMLElement, props: Record<string, string>) {
      for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
    });
  }
  define(html, 'show', function (this: HTMLElement) {
    this.style.removeProperty('display');
  });
  define(html, 'hide', function (this: HTMLElement) {
    this.setCssProps({ display: 'none' });
  });
  define(html, 'toggle', function (this: HTMLElement, show: boolean) {
    if (show) this.style.removeProperty('display');
    else this.setCssProps({ display: 'none' });
  });
  define(html, 'toggleVisibility', function (this: HTMLElement, visible: boolean) {
    this.style.visibility = visible ? '' : 'hidden';
  });
  define(html, 'isShown', function (this: HTMLElement) {
    return this.offsetParent !== null || this.getClientRects().length > 0;
  });
  Object.defineProperty(html, 'innerWidth', { get(this: HTMLElement) { return this.clientWidth; }, configurable: true });
  Object.defineProperty(html, 'innerHeight', { get(this: HTMLElement) { return this.clientHeight; }, configurable: true });
  define(html, 'onClickEvent', function (this: HTMLElement, listener: (ev: MouseEvent) => unknown, options?: boolean | AddEventListenerOptions) {
    this.addEventListener('click', listener as EventListener, options);
    this.addEventListener('auxclick', listener as EventListener, options);
  });
  define(html, 'trigger', function (this: HTMLElement, type: string) {
    this.dispatchEvent(new win.Event(type, { bubbles: true, cancelable: true }));
  });
  define(html, 'onNodeInserted', function (this: HTMLElement, listener: () => unknown, once?: boolean) {
    let stopped = false;
    const check = (): void => {
      if (stopped) return;
      if (this.isConnected) {
        listener();
        if (once) return;
      }
      win.requestAnimationFrame(check);
    };
    win.requestAnimationFrame(check);
    return () => (stopped = true);
  });
  define(html, 'onWindowMigrated', function () {
    return () => undefined;
  });

  const delegatedOn = function (this: Loose & EventTarget, type: string, selector: string, listener: Delegated['listener'], options?: boolean | AddEventListenerOptions) {
    this._EVENTS ??= {};
    const list: Delegated[] = (this._EVENTS[type] ??= []);
    const callback = (ev: Event): void => {
      const target = ev.target as Element | null;
      const match = target && 'closest' in target ? target.closest(selector) : null;
      if (match && (this as unknown as Node).contains(match)) listener.call(this, ev, match as HTMLElement);
    };
    list.push({ selector, listener, options, callback });
    this.addEventListener(type, callback, options);
  };
  const delegatedOff = function (this: Loose & EventTarget, type: string, selector: string, listener: Delegated['listener'], options?: boolean | AddEventListenerOptions) {
    const list: Delegated[] = this._EVENTS?.[type] ?? [];
    const i = list.findIndex((d) => d.selector === selector && d.listener === listener);
    if (i < 0) return;
    this.removeEventListener(type, list[i]!.callback, options);
    list.splice(i, 1);
  };
  define(html, 'on', delegatedOn);
  define(html, 'off', delegatedOff);
  define(win.Document.prototype, 'on', delegatedOn);
  define(win.Document.prototype, 'off', delegatedOff);

  // UIEvent additions.
  Object.defineProperty(win.UIEvent.prototype, 'targetNode', {
    get(this: Event) { return this.target instanceof win.Node ? this.target : null; },
    configurable: true,
  });
  Object.defineProperty(win.UIEvent.prototype, 'win', { get() { return win; }, configurable: true });
  Object.defineProperty(win.UIEvent.prototype, 'doc', { get() { return win.document; }, configurable: true });
  define(win.UIEvent.prototype, 'instanceOf', function (this: Event, type: new (...a: unknown[]) => unknown) {
    return this instanceof type;
  });

  // Globals.
  const g = win as unknown as Loose;
  g.activeWindow = win;
  g.activeDocument = win.document;
  g.createEl = (tag: string, info?: ElementInfo | string, cb?: (el: HTMLElement) => void) => createElIn(win.document, null, tag, info, cb);
  g.createDiv = (info?: ElementInfo | string, cb?: (el: HTMLElement) => void) => createElIn(win.document, null, 'div', info, cb);
  g.createSpan = (info?: ElementInfo | string, cb?: (el: HTMLElement) => void) => createElIn(win.document, null, 'span', info, cb);
  g.createSvg = (tag: string, info?: ElementInfo | string, cb?: (el: SVGElement) => void) => createSvgIn(win.document, null, tag, info, cb);
  g.createFragment = (cb?: (f: DocumentFragment) => void) => {
    const f = win.document.createDocumentFragment();
    cb?.(f);
    return f;
  };
  g.fish = (selector: string) => win.document.querySelector(selector);
  g.fishAll = (selector: string) => [...win.document.querySelectorAll(selector)];
  g.isBoolean = (v: unknown) => typeof v === 'boolean';
  g.sleep = (ms: number) => new Promise<void>((r) => win.setTimeout(r, ms));
  g.nextFrame = () => new Promise<void>((r) => win.requestAnimationFrame(() => r()));
  g.ready = (fn: () => unknown) => {
    if (win.document.readyState === 'loading') win.document.addEventListener('DOMContentLoaded', () => fn());
    else fn();
  };

  // Array, String, Math, Object, Number additions.
  const arr = win.Array.prototype as unknown as Loose;
  define(arr, 'first', function (this: unknown[]) { return this[0]; });
  define(arr, 'last', function (this: unknown[]) { return this[this.length - 1]; });
  define(arr, 'contains', function (this: unknown[], v: unknown) { return this.includes(v); });
  define(arr, 'remove', function (this: unknown[], v: unknown) {
    const i = this.indexOf(v);
    if (i >= 0) this.splice(i, 1);
  });
  define(arr, 'unique', function (this: unknown[]) { return [...new Set(this)]; });
  define(arr, 'shuffle', function (this: unknown[]) {
    for (let i = this.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [this[i], this[j]] = [this[j], this[i]];
    }
    return this;
  });
  define(win.Array, 'combine', (arrays: unknown[][]) => arrays.flat());
  define(win.String.prototype, 'contains', function (this: string, s: string) { return this.includes(s); });
  define(win.String.prototype, 'format', function (this: string, ...args: string[]) {
    return this.replace(/\{(\d+)\}/g, (m, i: string) => args[Number(i)] ?? m);
  });
  define(win.String, 'isString', (v: unknown) => typeof v === 'string');
  define(win.Number, 'isNumber', (v: unknown) => typeof v === 'number');
  define(win.Math, 'clamp', (v: number, min: number, max: number) => Math.min(max, Math.max(min, v)));
  define(win.Math, 'square', (v: number) => v * v);
  define(win.Object, 'isEmpty', (o: Record<string, unknown>) => Object.keys(o).length === 0);
  define(win.Object, 'each', (o: Record<string, unknown>, cb: (v: unknown, k?: string) => boolean | void) => {
    for (const [k, v] of Object.entries(o)) if (cb(v, k) === false) return false;
    return true;
  });
}
