/**
 * What a user can do to a person from a view or a command. Every write goes through Obsidian's
 * processFrontMatter / Vault.process, changes only what it says, and offers Undo in a notice. Each action
 * resolves to whether it wrote the note: false when the user cancelled its modal, or the write was refused
 * or failed (the notice says why). Flows that count what was written (the call hour) go by it.
 */
import type { Day } from '../core/types';

/** Where a task stands: the note that holds it and its 0-based line. */
export interface TaskPlace {
  source: string;
  line: number;
}

export interface PersonActions {
  /** Opens the Log contact modal (date = today, channel, a line of text) for the person at `path`. */
  logContact(path: string): Promise<boolean>;
  /** Sets `snooze_until`. */
  snooze(path: string, until: Day): Promise<boolean>;
  /** Opens a date picker, then snoozes until the picked day. */
  pickSnoozeDate(path: string): Promise<boolean>;
  /**
   * Removes a follow-up (as written, `raw`) from `follow_ups` and logs it as a contact today. A follow-up
   * that is a task (found by `raw` among the person's follow-ups, or at `at`) is ticked in the note that holds
   * it instead, and the contact logged, as one change with one Undo.
   */
  completeFollowUp(path: string, raw: string, at?: TaskPlace): Promise<boolean>;
  /**
   * Log this meeting for everyone: a modal with the date (`day`, refused after today), a channel and a line
   * of text (starting as `text`), then one log line in each person's note, as one change with one Undo.
   */
  logMeeting(paths: readonly string[], day: Day, text: string): Promise<boolean>;
  /** Opens New person with `name` filled in. */
  newPerson(name: string): Promise<boolean>;
  /** Opens the Record favour modal (gave / got + text). */
  recordFavour(path: string): Promise<boolean>;
  /** Opens the Add follow-up modal (date + text). */
  addFollowUp(path: string): Promise<boolean>;
  /**
   * Log the ask: Log contact with `path` pre-filled "Asked for an introduction to <target>", offering a
   * follow-up a week later ("did <name> introduce me to <target>?"). `target` is the path of the person to meet.
   * Resolves to whether the log line was written.
   */
  askForIntroduction(path: string, target: string): Promise<boolean>;
}
