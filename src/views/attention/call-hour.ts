/**
 * The call hour (the seeds' quarterly "beluur"): N people from the top of the list, one at a time, each
 * logged, skipped or snoozed, and a summary at the end. This is the session's state; the panel renders it.
 */
import { formatDay } from '../../core/dates';
import { logParts } from '../../core/person';
import type { Person } from '../../core/types';

export type CallOutcome = 'logged' | 'skipped' | 'snoozed';

export interface CallPick {
  path: string;
  name: string;
  /** The reasons the person was listed for when the call hour started. */
  reasons: string[];
}

export class CallHourSession {
  private readonly picks: CallPick[];
  private readonly outcomes: CallOutcome[] = [];

  constructor(picks: readonly CallPick[]) {
    this.picks = picks.map((p) => ({ ...p, reasons: [...p.reasons] }));
  }

  get size(): number {
    return this.picks.length;
  }

  /** 0-based position of the current person; equals `size` when done. */
  get position(): number {
    return this.outcomes.length;
  }

  get done(): boolean {
    return this.outcomes.length >= this.picks.length;
  }

  get current(): CallPick | null {
    return this.done ? null : this.picks[this.outcomes.length]!;
  }

  /** Records what happened with the current person and moves on. */
  record(outcome: CallOutcome): void {
    if (!this.done) this.outcomes.push(outcome);
  }

  /** Ends early: the people not reached yet count as nothing. */
  end(): void {
    this.picks.length = this.outcomes.length;
  }

  summary(): Record<CallOutcome, number> {
    const out: Record<CallOutcome, number> = { logged: 0, skipped: 0, snoozed: 0 };
    for (const o of this.outcomes) out[o]++;
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

  /** Every pick still to come, including the current one. */
  remaining(): readonly CallPick[] {
    return this.picks.slice(this.outcomes.length);
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
