/** Obsidian's Events and Component, as the plugin sees them. */

export interface EventRef {
  e: Events;
  name: string;
  fn: (...data: any[]) => unknown;
  ctx?: unknown;
}

export class Events {
  private _events: Record<string, EventRef[]> = {};

  on(name: string, fn: (...data: any[]) => unknown, ctx?: unknown): EventRef {
    const ref: EventRef = { e: this, name, fn, ctx };
    (this._events[name] ??= []).push(ref);
    return ref;
  }

  off(name: string, fn: (...data: any[]) => unknown): void {
    const list = this._events[name];
    if (!list) return;
    this._events[name] = list.filter((r) => r.fn !== fn);
  }

  offref(ref: EventRef): void {
    const list = this._events[ref.name];
    if (!list) return;
    this._events[ref.name] = list.filter((r) => r !== ref);
  }

  trigger(name: string, ...data: unknown[]): void {
    // A copy: handlers may unregister themselves (or others) while the event runs.
    for (const ref of [...(this._events[name] ?? [])]) this.tryTrigger(ref, data);
  }

  tryTrigger(ref: EventRef, args: unknown[]): void {
    try {
      ref.fn.apply(ref.ctx, args);
    } catch (error) {
      // Obsidian logs a handler's error and goes on with the next handler.
      console.error(error);
    }
  }
}

export class Component {
  _loaded = false;
  _children: Component[] = [];
  _events: (() => void)[] = [];

  load(): void {
    if (this._loaded) return;
    this._loaded = true;
    const result: unknown = this.onload();
    if (result instanceof Promise) result.catch((e: unknown) => console.error(e));
    for (const child of [...this._children]) child.load();
  }

  onload(): void | Promise<void> {}

  unload(): void {
    if (!this._loaded) return;
    this._loaded = false;
    while (this._children.length > 0) this._children.pop()!.unload();
    const cleanups = this._events;
    this._events = [];
    for (const fn of cleanups) {
      try {
        fn();
      } catch (error) {
        console.error(error);
      }
    }
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(component: T): T {
    this._children.push(component);
    if (this._loaded) component.load();
    return component;
  }

  removeChild<T extends Component>(component: T): T {
    const i = this._children.indexOf(component);
    if (i >= 0) {
      this._children.splice(i, 1);
      component.unload();
    }
    return component;
  }

  register(cb: () => unknown): void {
    this._events.push(() => void cb());
  }

  registerEvent(ref: EventRef): void {
    this.register(() => ref.e.offref(ref));
  }

  registerDomEvent(el: EventTarget, type: string, callback: EventListener, options?: boolean | AddEventListenerOptions): void {
    el.addEventListener(type, callback, options);
    this.register(() => el.removeEventListener(type, callback, options));
  }

  registerInterval(id: number): number {
    this.register(() => window.clearInterval(id));
    return id;
  }
}
