/**
 * The call hour (the seeds' quarterly "beluur"): N people from the top of the list, one at a time, each
 * logged, skipped or snoozed, and a summary at the end. This is the session's state; the panel renders it.
 *
 * It counts what was written, never what was clicked: a write for the current person runs through
 * `attempt`, the card waits while it runs (its modal open, the note being written), and only a write that
 * happened counts and moves on. A cancelled modal, or a write that was refused or failed, leaves the same
 * person on the card, counted as nothing. Done on a follow-up logs a contact and stays on the person (there
 * may be more to tick off); Skip, then called Next, moves on.
 */
import { formatDay } from '../../core/dates';
import { logParts } from '../../core/person';
import type { Person } from '../../core/types';

export type CallOutcome = 'logged' | 'skipped' | 'snoozed';

/** A write for the current person: Log contact, Snooze, or Done on one of their follow-ups. */
export type CallWrite = 'log' | 'snooze' | 'done';

export interface CallPick {
  path: string;
  name: string;
  /** The reasons the person was listed for when the call hour started. */
  reasons: string[];
}

/** What was written for one person during the call hour. */
export interface Visit {
  logged: boolean;
  snoozed: boolean;
  /** The follow-ups ticked off (their texts), in order. */
  done: string[];
}

export class CallHourSession {
  private readonly picks: CallPick[];
  /** One per person reached so far, the current one included once something was written for them. */
  private readonly visits: Visit[] = [];
  private at = 0;
  private waiting = false;

  constructor(picks: readonly CallPick[]) {
    this.picks = picks.map((p) => ({ ...p, reasons: [...p.reasons] }));
  }

  get size(): number {
    return this.picks.length;
  }

  /** 0-based position of the current person; equals `size` when done. */
  get position(): number {
    return this.at;
  }

  get done(): boolean {
    return this.at >= this.picks.length;
  }

  get current(): CallPick | null {
    return this.done ? null : this.picks[this.at]!;
  }

  /** True while a write for the current person is under way: the card waits, its buttons do nothing. */
  get busy(): boolean {
    return this.waiting;
  }

  /** What was written for the current person so far. */
  get visit(): Readonly<Visit> {
    return this.visits[this.at] ?? { logged: false, snoozed: false, done: [] };
  }

  /**
   * Runs `work`, a write for the current person that resolves to whether it wrote. When it wrote, the
   * person counts as logged (`log`, `done`) or snoozed, and Log and Snooze move on to the next person.
   * When it did not, nothing changes. Resolves to whether it wrote; a second write while one runs is not
   * started (false).
   */
  async attempt(kind: CallWrite, work: () => Promise<boolean>, followUp = ''): Promise<boolean> {
    const pick = this.current;
    if (this.waiting || pick === null) return false;
    this.waiting = true;
    let wrote: boolean;
    try {
      wrote = await work();
    } finally {
      this.waiting = false;
    }
    if (!wrote || this.current !== pick) return wrote;
    const visit = (this.visits[this.at] ??= { logged: false, snoozed: false, done: [] });
    if (kind === 'snooze') visit.snoozed = true;
    else visit.logged = true;
    if (kind === 'done') visit.done.push(followUp);
    else this.at++;
    return true;
  }

  /** Moves on to the next person: Skip, or Next after a Done. */
  next(): void {
    if (this.waiting || this.done) return;
    this.visits[this.at] ??= { logged: false, snoozed: false, done: [] };
    this.at++;
  }

  /** Ends early: the current person counts when something was written for them; those not reached count as nothing. */
  end(): void {
    if (this.waiting) return;
    if (this.visits[this.at] !== undefined) this.at++;
    this.picks.length = Math.min(this.picks.length, this.at);
  }

  summary(): Record<CallOutcome, number> {
    const out: Record<CallOutcome, number> = { logged: 0, skipped: 0, snoozed: 0 };
    for (const v of this.visits.slice(0, this.at)) {
      if (v.logged) out.logged++;
      if (v.snoozed) out.snoozed++;
      if (!v.logged && !v.snoozed) out.skipped++;
    }
    return out;
  }

  /** A note moved: the session follows it. */
  renamed(oldPath: string, newPath: string, newName: string): void {
    for (const p of this.picks)
      if (p.path === oldPath) {
        p.path = newPath;
        p.name = newName;
      }
  }
}

/** The last `n` log lines, newest first, as "2026-11-10 call: budget". */
export function lastLogLines(p: Pick<Person, 'log'>, n = 3): string[] {
  return [...p.log]
    .sort((a, b) => b.day - a.day || b.line - a.line)
    .slice(0, n)
    .map((e) => {
      const { channel, text } = logParts(e.raw);
      return `${formatDay(e.day)} ${channel ? `${channel}: ` : ''}${text}`.trimEnd();
    });
}

/** "Acme · Sales · account manager": organisation, department and role, those that are set. */
export function workLine(p: Pick<Person, 'organisation' | 'department' | 'role'>): string {
  return [p.organisation, p.department, p.role].filter((s): s is string => s !== null && s.trim() !== '').join(' · ');
}
