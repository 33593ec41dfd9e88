/**
/**
 * The commands of the write actions: New person, Log contact / Snooze / Add favour / Add follow-up for the
 * person in the active note, and Undo last change. `registerPersonActions` is all main.ts calls.
 */
import { normalizePath, TFile, TFolder, type App, type Plugin } from 'obsidian';
import { formatDay, localToday } from '../core/dates';
import { normaliseFolder } from '../core/detect';
import type { NoteWriter } from '../obsidian/writer';
import { createPersonActions, type TiesActions } from './actions';
import type { ActionsContext } from './context';
import { nameProblem, NewPersonModal } from './modals/new-person';

/** The format's keys, in the order a new person note lists them. */
export const SKELETON_KEYS = [
  'circle', 'cadence', 'last_contact', 'interests', 'favours', 'follow_ups', 'birthday', 'knows', 'introduced_by',
  'organisation', 'department', 'role', 'channel', 'email', 'phone',
] as const;

const LIST_KEYS = new Set<string>(['interests', 'favours', 'follow_ups', 'knows']);

/**
 * The text of a new person note: every key of the format, empty, and a log heading. `markAsPerson` adds
 * `type: person`, for a vault without a people folder (where the folder cannot say so).
 */
export function personSkeleton(logHeading: string, markAsPerson: boolean): string {
  const lines = ['---'];
  if (markAsPerson) lines.push('type: person');
  for (const key of SKELETON_KEYS) lines.push(LIST_KEYS.has(key) ? `${key}: []` : `${key}:`);
  lines.push('---', '', `## ${logHeading}`, '');
  return lines.join('\n');
}

/** A template's text with `{{name}}` (or `{{title}}`) and `{{date}}` filled in. */
export function fillTemplate(text: string, name: string, date: string): string {
  return text.replace(/\{\{\s*(name|title|date)\s*\}\}/gi, (_whole, key: string) => (key.toLowerCase() === 'date' ? date : name));
}

/** A note at `path` already, in any letter case (file systems on macOS and Windows ignore case). */
function existingNote(app: App, path: string): TFile | null {
  const exact = app.vault.getAbstractFileByPath(path);
  if (exact instanceof TFile) return exact;
  const slash = path.lastIndexOf('/');
  const parent = slash < 0 ? app.vault.getRoot() : app.vault.getAbstractFileByPath(path.slice(0, slash));
  if (!(parent instanceof TFolder)) return null;
  const lower = path.toLowerCase();
  for (const child of parent.children) if (child instanceof TFile && child.path.toLowerCase() === lower) return child;
  return null;
}

/** The template note the settings name, by path (with or without `.md`) or as a link would find it. */
function templateFile(app: App, setting: string): TFile | null {
  const path = normalizePath(setting);
  for (const candidate of [path, `${path}.md`]) {
    const file = app.vault.getAbstractFileByPath(candidate);
    if (file instanceof TFile) return file;
  }
  return app.metadataCache.getFirstLinkpathDest(path.replace(/\.md$/i, ''), '');
}

/**
 * Creates `<people folder>/<name>.md` from the template note or the skeleton and opens it. When a note of
 * that name exists, opens it instead. Resolves to the note and whether it was created now, or null when the
 * name cannot be used or the note could not be created.
 */
export async function createPerson(plugin: ActionsContext, writer: NoteWriter, rawName: string): Promise<{ file: TFile; created: boolean } | null> {
  const { app, settings } = plugin;
  const t = plugin.t;
  const notices = writer.notices;
  const name = rawName.trim();
  const problem = nameProblem(name, t);
  if (problem !== null) {
    notices.show(problem);
    return null;
  }
  const folder = normaliseFolder(settings.peopleFolder);
  const path = normalizePath(folder === '' ? `${name}.md` : `${folder}/${name}.md`);

  const existing = existingNote(app, path);
  if (existing) {
    notices.show(t('newPerson.exists', { name: existing.basename }));
    await app.workspace.getLeaf(false).openFile(existing);
    return { file: existing, created: false };
  }

  let text = personSkeleton(settings.logHeadings[0] ?? 'Log', folder === '');
  if (settings.templateNote.trim() !== '') {
    const template = templateFile(app, settings.templateNote.trim());
    if (template) text = fillTemplate(await app.vault.read(template), name, formatDay(localToday()));
    else notices.show(t('newPerson.noTemplate', { path: settings.templateNote }));
  }

  try {
    const folderPath = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (folderPath !== '' && !(app.vault.getAbstractFileByPath(folderPath) instanceof TFolder)) await app.vault.createFolder(folderPath);
    const file = await app.vault.create(path, text);
    // In the history as a note created: Undo moves it to the trash while it is still as created.
    writer.remember(t('newPerson.created', { path }), [{ path: file.path, before: null, after: text }]);
    await app.workspace.getLeaf(false).openFile(file);
    return { file, created: true };
  } catch (error) {
    notices.show(t('newPerson.failed', { path, error: error instanceof Error ? error.message : String(error) }));
    return null;
  }
}

/** The path of the active note when it is a person in the index, else null. */
export function activePersonPath(plugin: ActionsContext): string | null {
  const file = plugin.app.workspace.getActiveFile();
  return file && plugin.index.personAt(file.path) ? file.path : null;
}

/** Registers the commands; returns the actions for the views. */
export function registerPersonActions(plugin: Plugin & ActionsContext): TiesActions {
  const actions = createPersonActions(plugin);
  const t = plugin.t;

  plugin.addCommand({
    id: 'new-person',
    name: t('commands.newPerson'),
    callback: () => new NewPersonModal(plugin.app, plugin.t, async (name) => (await createPerson(plugin, actions.writer, name))?.created === true).open(),
  });
  plugin.addCommand({
    id: 'undo-last-change',
    name: t('commands.undoLast'),
    callback: () => void actions.writer.undoLast(),
  });

  const forActivePerson = (id: string, name: string, run: (path: string) => Promise<boolean>) =>
    plugin.addCommand({
      id,
      name,
      checkCallback: (checking) => {
        const path = activePersonPath(plugin);
        if (path === null) return false;
        if (!checking) void run(path);
        return true;
      },
    });
  forActivePerson('log-contact', t('commands.logContact'), (path) => actions.logContact(path));
  forActivePerson('snooze', t('commands.snooze'), (path) => actions.pickSnoozeDate(path));
  forActivePerson('add-favour', t('commands.addFavour'), (path) => actions.recordFavour(path));
  forActivePerson('add-follow-up', t('commands.addFollowUp'), (path) => actions.addFollowUp(path));

  return actions;
}
