/**
 * The write actions on a person: each one a pure edit (core/edits) applied by the writer, which refuses a
 * note whose frontmatter cannot be read and offers Undo afterwards. The modals only collect the input.
 */
import { effectiveLastContact } from '../core/contacts';
import { localToday, longDate } from '../core/dates';
import {
  addFavour, addFollowUp, appendLogItem, completeTask, logItemText, removeFollowUp, setLastContact, setSnoozeUntil,
} from '../core/edits';
import { parseFollowUp } from '../core/person';
import { readTask } from '../core/tasks';
import type { Day } from '../core/types';
import type { HistoryEntry } from '../obsidian/history';
import { EditRefused, NoteWriter, type WriteResult } from '../obsidian/writer';
import type { ActionsContext } from './context';
import { Importer } from './import/importer';
import { AskIntroModal } from './modals/ask-intro';
import { FavourModal } from './modals/favour';
import { FOLLOW_UP_DAYS, FollowUpModal } from './modals/follow-up';
import type { FormModal } from './modals/form-modal';
import { LogContactModal, type LogContactInput } from './modals/log-contact';
import { LogMeetingModal } from './modals/log-meeting';
import { SnoozeModal } from './modals/snooze';
import type { PersonActions, TaskPlace } from './person-actions';

/** PersonActions, plus the writes behind the modals for callers that already have the input. */
export interface TiesActions extends PersonActions {
  readonly writer: NoteWriter;
  /** Appends a log item and moves `last_contact` forward to its day, or to the newer contact Ties knows of. */
  writeLog(path: string, input: LogContactInput): Promise<WriteResult | null>;
  writeFavour(path: string, day: Day, kind: 'gave' | 'got', text: string): Promise<WriteResult | null>;
  writeFollowUp(path: string, day: Day, text: string): Promise<WriteResult | null>;
  /** Log this meeting for everyone, without the modal: one log line per person, one Undo for all. */
  writeLogAll(paths: readonly string[], input: LogContactInput): Promise<HistoryEntry | null>;
  /** The modal opened last (tests and callers wait on its `result`). */
  readonly lastModal: FormModal | null;
  /** Import people… and Export people as vCard. */
  readonly importer: Importer;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

/**
 * `newPerson` opens New person with a name filled in (commands.ts owns that flow; it hands it in, as it
 * imports this file).
 */
export function createPersonActions(plugin: ActionsContext, newPerson: (name: string) => Promise<boolean>): TiesActions {
  const writer = new NoteWriter(plugin.app, plugin.index, () => plugin.t);
  // Undo follows a note that moved since it was written.
  plugin.registerEvent(plugin.app.vault.on('rename', (file, oldPath) => writer.history.renamed(oldPath, file.path)));
  let lastModal: FormModal | null = null;
  const importer = new Importer({
    app: plugin.app, index: plugin.index, settings: () => plugin.settings, t: () => plugin.t, writer,
    whenLoaded: () => plugin.whenLoaded(),
  });

  const person = (path: string) => plugin.index.person(path);
  const nameOf = (path: string) => person(path)?.name ?? basename(path);
  /** Opens a modal; resolves once it is done with, to whether its work wrote the note. */
  const open = (modal: FormModal): Promise<boolean> => {
    lastModal = modal;
    modal.open();
    return modal.outcome;
  };
  const wrote = (result: Promise<WriteResult | null>): Promise<boolean> => result.then((r) => r !== null);

  /**
   * The day `last_contact` gets after logging a contact on `day`: never older than what Ties already knows
   * (the effective last contact: a newer log item or interaction-note mention), so a backdated contact does
   * not make the person look longer out of touch.
   */
  const lastContactAfter = (path: string, day: Day): Day => {
    const p = person(path);
    const known = p ? effectiveLastContact(p, localToday()) : null;
    return known !== null && known > day ? known : day;
  };

  const writeLog = (path: string, input: LogContactInput) => {
    const last = lastContactAfter(path, input.day);
    return writer.apply(path, {
      frontmatter: (fm) => void setLastContact(fm, last),
      body: (text) => appendLogItem(text, plugin.settings.logHeadings, logItemText(input.day, input.channel, input.text)),
      done: plugin.t('actions.logged', { name: nameOf(path) }),
    });
  };

  const writeFavour = (path: string, day: Day, kind: 'gave' | 'got', text: string) =>
    writer.apply(path, {
      frontmatter: (fm) => addFavour(fm, day, kind, text),
      done: plugin.t('actions.favourRecorded', { name: nameOf(path) }),
    });

  const writeFollowUp = (path: string, day: Day, text: string) =>
    writer.apply(path, {
      frontmatter: (fm) => addFollowUp(fm, day, text),
      done: plugin.t('actions.followUpAdded', { name: nameOf(path) }),
    });

  /** Where the task behind the follow-up `raw` of a person stands, when that follow-up is a task. */
  const taskPlace = (path: string, raw: string): TaskPlace | null => {
    const f = person(path)?.followUps.find((x) => x.raw === raw);
    return f?.source !== undefined && f.line !== undefined ? { source: f.source, line: f.line } : null;
  };

  /**
   * Done on a task: ticks exactly its line in the note that holds it (core's completeTask) and logs a contact
   * with the person today, as one action with one Undo. When the line no longer holds that open task, nothing
   * is written and the notice says so.
   */
  const completeTaskFollowUp = async (path: string, raw: string, at: TaskPlace): Promise<boolean> => {
    const today = localToday();
    const name = nameOf(path);
    const what = readTask(raw).text;
    const tick = (text: string): string => {
      const ticked = completeTask(text, at.line, raw, today);
      if (ticked === null) throw new EditRefused(plugin.t('notePeople.taskGone', { note: basename(at.source) }));
      return ticked;
    };
    const log = (text: string) => appendLogItem(text, plugin.settings.logHeadings, logItemText(today, null, what));
    const done = plugin.t('notePeople.taskDone', { name });
    const lastContact = (fm: Record<string, unknown>) => void setLastContact(fm, lastContactAfter(path, today));
    const edits = at.source === path
      ? [{ path, edit: { frontmatter: lastContact, body: (text: string) => log(tick(text)), done } }]
      : [{ path: at.source, edit: { body: tick, done } }, { path, edit: { frontmatter: lastContact, body: log, done } }];
    return (await writer.applyAll(edits, done)) !== null;
  };

  /** One log line (and `last_contact`) in each person's note, as one change: one notice, one Undo. */
  const writeLogAll = (paths: readonly string[], input: LogContactInput) => {
    const line = logItemText(input.day, input.channel, input.text);
    const edits = paths.map((path) => ({
      path,
      edit: {
        frontmatter: (fm: Record<string, unknown>) => void setLastContact(fm, lastContactAfter(path, input.day)),
        body: (text: string) => appendLogItem(text, plugin.settings.logHeadings, line),
        done: '',
      },
    }));
    const done = paths.length === 1 ? plugin.t('notePeople.logAllDoneOne', { name: nameOf(paths[0]!) }) : plugin.t('notePeople.logAllDone', { n: paths.length });
    return writer.applyAll(edits, done);
  };

  const snooze = (path: string, until: Day): Promise<boolean> =>
    wrote(writer.apply(path, {
      frontmatter: (fm) => setSnoozeUntil(fm, until),
      done: plugin.t('actions.snoozed', { name: nameOf(path), date: longDate(until, plugin.language(), true) }),
    }));

  return {
    writer,
    writeLog,
    writeFavour,
    writeFollowUp,
    writeLogAll,
    importer,
    get lastModal() {
      return lastModal;
    },

    logContact(path: string): Promise<boolean> {
      const p = person(path);
      return open(new LogContactModal(plugin.app, plugin.t, nameOf(path), p?.channel ?? null, localToday(), (input) => wrote(writeLog(path, input))));
    },

    snooze,

    pickSnoozeDate(path: string): Promise<boolean> {
      return open(new SnoozeModal(plugin.app, plugin.t, nameOf(path), localToday(), (until) => snooze(path, until)));
    },

    completeFollowUp(path: string, raw: string, at?: TaskPlace): Promise<boolean> {
      const task = at ?? taskPlace(path, raw);
      if (task !== null) return completeTaskFollowUp(path, raw, task);
      const today = localToday();
      const name = nameOf(path);
      const what = parseFollowUp(raw)?.text ?? raw;
      return wrote(writer.apply(path, {
        frontmatter: (fm) => {
          if (!removeFollowUp(fm, raw)) throw new EditRefused(plugin.t('write.followUpGone', { name }));
          setLastContact(fm, today);
        },
        body: (text) => appendLogItem(text, plugin.settings.logHeadings, logItemText(today, null, what)),
        done: plugin.t('actions.followUpDone', { name }),
      }));
    },

    logMeeting(paths: readonly string[], day: Day, text: string): Promise<boolean> {
      const names = paths.map(nameOf);
      return open(new LogMeetingModal(plugin.app, plugin.t, names, day, localToday(), text, async (input) => (await writeLogAll(paths, input)) !== null));
    },

    newPerson(name: string): Promise<boolean> {
      return newPerson(name);
    },

    recordFavour(path: string): Promise<boolean> {
      return open(new FavourModal(plugin.app, plugin.t, nameOf(path), localToday(), (input) => wrote(writeFavour(path, input.day, input.kind, input.text))));
    },

    addFollowUp(path: string): Promise<boolean> {
      return open(new FollowUpModal(plugin.app, plugin.t, nameOf(path), localToday(), (day, text) => wrote(writeFollowUp(path, day, text))));
    },

    askForIntroduction(path: string, target: string): Promise<boolean> {
      const name = nameOf(path), targetName = nameOf(target);
      return open(new AskIntroModal(plugin.app, plugin.t, name, person(path)?.channel ?? null, localToday(), targetName, async (input, followUp) => {
        const logged = await writeLog(path, input);
        if (logged && followUp) await writeFollowUp(path, input.day + FOLLOW_UP_DAYS, plugin.t('graph.ask.followUpText', { name, target: targetName }));
        return logged !== null;
      }));
    },
  };
}
