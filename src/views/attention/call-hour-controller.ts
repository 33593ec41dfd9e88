/**
 * The call hour inside the due-for-attention sidebar: it owns the session (call-hour.ts), renders its card
 * (call-hour-panel.ts) in place of the list while it runs, and does what the card's buttons ask. Writes go
 * through the person actions, and the card moves on only once one has written (`CallHourSession.attempt`);
 * focus stays on the card, back on the button that started a write the user cancelled.
 */
import type { PersonActions } from '../../actions/person-actions';
import type { AttentionItem, Person } from '../../core/types';
import { CallHourSession, type CallPick, type CallWrite } from './call-hour';
import { renderCallHour } from './call-hour-panel';
import type { RenderContext } from './rows';

/** What the call hour needs from the view. */
export interface CallHourHost {
  actions(): PersonActions;
  /** The person at `path` as the index has them now, with their attention items today. */
  person(path: string): { person: Person; items: AttentionItem[] } | undefined;
  /** Renders the view again: the card while the call hour runs, else the list. */
  render(): void;
  /** Shows the snooze menu for `path` at `at`; `run` starts the write the user chose. */
  snoozeMenu(path: string, at: MouseEvent | HTMLElement, run: (work: () => Promise<boolean>) => void): void;
  /** False once the view has closed. */
  isOpen(): boolean;
}

export class CallHourController {
  private session: CallHourSession | null = null;
  /** The current person's attention items as rendered (Done buttons point into it). */
  private items: readonly AttentionItem[] = [];

  constructor(
    private readonly el: HTMLElement,
    private readonly host: CallHourHost,
  ) {}

  /** True while the call hour (or its summary) is shown instead of the list. */
  get active(): boolean {
    return this.session !== null;
  }

  start(picks: readonly CallPick[]): void {
    this.session = new CallHourSession(picks);
    this.host.render();
    this.focus(null);
  }

  /** A note moved: the session follows it. */
  renamed(oldPath: string, newPath: string): void {
    const name = newPath.slice(newPath.lastIndexOf('/') + 1).replace(/\.md$/i, '');
    this.session?.renamed(oldPath, newPath, name);
  }

  /** Renders the card into the view's element; `refocus` (when not undefined) is the action to focus again. */
  render(ctx: RenderContext, refocus: string | null | undefined): void {
    const session = this.session;
    if (!session) return;
    const pick = session.current;
    const found = pick ? this.host.person(pick.path) : undefined;
    this.items = found?.items ?? [];
    this.el.empty();
    renderCallHour(this.el, session, found?.person, found?.items, ctx);
    if (refocus !== undefined) this.focus(refocus);
  }

  /** Does what a card button (`data-action="call-…"`) asks. */
  click(action: string | undefined, target: HTMLElement, evt: MouseEvent): void {
    const session = this.session;
    if (action === 'call-back') {
      this.session = null;
      this.host.render();
      return;
    }
    if (!session || session.busy) return;
    const pick = session.current;
    const actions = this.host.actions();
    switch (action) {
      case 'call-log':
        if (pick) this.write(session, 'log', () => actions.logContact(pick.path));
        return;
      case 'call-done': {
        const item = this.items[Number(target.dataset.index)];
        if (pick && item?.reason.kind === 'follow-up' && item.path === pick.path) {
          const { raw, text } = item.reason;
          this.write(session, 'done', () => actions.completeFollowUp(pick.path, raw), text);
        }
        return;
      }
      case 'call-skip':
        session.next();
        this.host.render();
        this.focus(null);
        return;
      case 'call-snooze':
        if (pick) this.host.snoozeMenu(pick.path, evt.detail === 0 ? target : evt, (work) => this.write(session, 'snooze', work));
        return;
      case 'call-end':
        session.end();
        this.host.render();
        this.focus(null);
        return;
    }
  }

  /**
   * Runs a write for the current person: the card waits while it runs, and shows the next person only once
   * the write happened (a cancelled modal leaves the same person, with focus back on the button that
   * started it).
   */
  private write(session: CallHourSession, kind: CallWrite, work: () => Promise<boolean>, followUp = ''): void {
    const action = kind === 'log' ? 'call-log' : kind === 'snooze' ? 'call-snooze' : null;
    const running = session.attempt(kind, work, followUp);
    this.host.render();
    const settled = (wrote: boolean) => {
      if (this.session !== session || !this.host.isOpen()) return;
      const doc = this.el.doc;
      const focusHere = doc.activeElement === doc.body || this.el.contains(doc.activeElement);
      this.host.render();
      if (focusHere) this.focus(wrote ? null : action);
    };
    running.then(settled, (error: unknown) => {
      console.error('Ties: the action failed', error);
      settled(false);
    });
  }

  /** Focuses the card's `action` button when it is there and enabled, else its first enabled button. */
  private focus(action: string | null): void {
    const again = action !== null ? this.el.querySelector<HTMLElement>(`[data-action="${action}"]:not([disabled])`) : null;
    (again ?? this.el.querySelector<HTMLElement>('.ties-callhour-buttons button:not([disabled]), .ties-callhour-back, .ties-callhour-end'))?.focus();
  }
}
