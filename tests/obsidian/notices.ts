/**
 * Notices as the plugin shows them. The mock's Notice copies a DocumentFragment message (cloneNode), which
 * drops the Undo button's click listener; Obsidian appends the fragment itself. Importing this module
 * records every notice with the fragment it was given, so a test clicks the button Obsidian would show, and
 * whether it was hidden since.
 */
import { Notice } from 'obsidian-test-mocks/obsidian';

type Loose = Record<string, any>;

export interface Shown {
  text: string;
  message: string | DocumentFragment;
  notice: Loose;
  hidden: boolean;
}

export const notices: Shown[] = [];

const proto = Notice.prototype as unknown as Loose;
proto.constructor__ = function (this: Loose, message: string | DocumentFragment): void {
  notices.push({ text: typeof message === 'string' ? message : (message.textContent ?? ''), message, notice: this, hidden: false });
};
proto.hide = function (this: Loose): void {
  for (const n of notices) if (n.notice === this) n.hidden = true;
};

export function lastNotice(): Shown {
  const n = notices.at(-1);
  if (!n) throw new Error('no notice');
  return n;
}

export function undoButton(n: Shown): HTMLButtonElement {
  if (typeof n.message === 'string') throw new Error(`notice without Undo: ${n.text}`);
  const button = n.message.querySelector<HTMLButtonElement>('button');
  if (!button) throw new Error('no Undo button');
  return button;
}
