/**
 * Ties shows one notice at a time: a new one hides the one before, so ten quick actions leave one notice
 * over the view, not a stack of ten.
 */
import { Notice } from 'obsidian';

export class TiesNotices {
  private current: Notice | null = null;

  /** Shows `message` (for `duration` ms, Obsidian's default when left out) in place of the last Ties notice. */
  show(message: string | DocumentFragment, duration?: number): Notice {
    this.current?.hide();
    this.current = new Notice(message, duration);
    return this.current;
  }
}
