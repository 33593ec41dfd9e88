/**
 * A long press on a touch screen: a touch that rests on an element for LONG_PRESS_MS without wandering more
 * than LONG_PRESS_SLOP px calls `press` with the element and the point. The click (and the browser's own
 * context menu) that follow it are swallowed, so the press opens one menu and does nothing else.
 */
import type { Component } from 'obsidian';
import { LONG_PRESS_MS, LONG_PRESS_SLOP } from '../graph/render-contract';

export function registerLongPress(
  owner: Pick<Component, 'registerDomEvent'>, root: HTMLElement, selector: string,
  press: (el: HTMLElement, at: { x: number; y: number }) => void,
): void {
  let timer: number | null = null;
  let start: { x: number; y: number } | null = null;
  let fired = 0;
  const cancel = () => {
    if (timer !== null) root.win.clearTimeout(timer);
    timer = null;
    start = null;
  };
  owner.registerDomEvent(root, 'pointerdown', (e) => {
    cancel();
    if (e.pointerType !== 'touch' || !(e.target instanceof Element)) return;
    const el = e.target.closest<HTMLElement>(selector);
    if (!el || !root.contains(el)) return;
    const at = { x: e.clientX, y: e.clientY };
    start = at;
    timer = root.win.setTimeout(() => {
      timer = null;
      fired = Date.now();
      press(el, at);
    }, LONG_PRESS_MS);
  });
  owner.registerDomEvent(root, 'pointermove', (e) => {
    if (start && Math.abs(e.clientX - start.x) + Math.abs(e.clientY - start.y) > LONG_PRESS_SLOP) cancel();
  });
  owner.registerDomEvent(root, 'pointerup', cancel);
  owner.registerDomEvent(root, 'pointercancel', cancel);
  // What the platform sends after the press: the click, and on Android its own context menu.
  const swallow = (e: Event) => {
    if (Date.now() - fired > 1000) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type === 'click') fired = 0;
  };
  owner.registerDomEvent(root, 'click', swallow, { capture: true });
  owner.registerDomEvent(root, 'contextmenu', swallow, { capture: true });
  owner.registerDomEvent(root.win, 'blur', cancel);
}
