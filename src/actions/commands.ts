/**
/**
 * The commands of the write actions: New person, Import people…, Export people as vCard, Log contact / Snooze / Add favour / Add follow-up for the
 * person in the active note, and Undo last change. `registerPersonActions` is all main.ts calls.
 */
import { normalizePath, TFile, TFolder, type Plugin } from 'obsidian';
import { formatDay, localToday } from '../core/dates';
import { normaliseFolder } from '../core/detect';
import { fillTemplate, newPersonNoteText, type NewNoteValues } from '../core/person-note';
import type { NoteWriter } from '../obsidian/writer';
import { createPersonActions, type TiesActions } from './actions';
import type { ActionsContext } from './context';
import { putImportedFields } from './import/template-fields';
import { trash } from './import/write-import';
import { nameProblem, NewPersonModal, type NewPersonInput } from './modals/new-person';
import { existingNote, templateFile } from './note-files';

/** The keys New person writes: only the fields the user filled in. */
function givenValues(input: Partial<NewPersonInput>): NewNoteValues {
  const values: NewNoteValues = {};
  const organisation = input.organisation?.trim() ?? '';
  if (organisation !== '') values.organisation = organisation;
  if (input.circle) values.circle = input.circle;
  const cadence = input.cadence?.trim() ?? '';
  if (cadence !== '') values.cadence = cadence;
  return values;
}

/**
 * Creates `<people folder>/<name>.md` and opens it: in the layout with only the given fields, or from the
 * template note with the name filled in and the given fields set in its frontmatter. When a note of that
 * name exists, opens it instead (and writes nothing). Resolves to the note and whether it was created now,
 * or null when the name cannot be used or the note could not be created (then no note is left behind).
 */
export async function createPerson(
  plugin: ActionsContext, writer: NoteWriter, rawName: string, fields: Partial<NewPersonInput> = {},
): Promise<{ file: TFile; created: boolean } | null> {
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

  const values = givenValues(fields);
  const markAsPerson = folder === '';
  let text = newPersonNoteText(values, { logHeading: settings.logHeadings[0] ?? 'Log', markAsPerson });
  let fromTemplate = false;
  if (settings.templateNote.trim() !== '') {
    const template = templateFile(app, settings.templateNote.trim());
    if (template) {
      text = fillTemplate(await app.vault.read(template), name, formatDay(localToday()));
      fromTemplate = true;
    } else notices.show(t('newPerson.noTemplate', { path: settings.templateNote }));
  }

  let created: TFile | null = null;
  try {
    const folderPath = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (folderPath !== '' && !(app.vault.getAbstractFileByPath(folderPath) instanceof TFolder)) await app.vault.createFolder(folderPath);
    const file = await app.vault.create(path, text);
    created = file;
    // A template keeps its own layout: the given fields go into its frontmatter, nothing else changes.
    if (fromTemplate && (Object.keys(values).length > 0 || markAsPerson)) {
      await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => putImportedFields(fm, values, markAsPerson));
      text = await app.vault.read(file);
    }
    created = null;
    // In the history as a note created: Undo moves it to the trash while it is still as created.
    writer.remember(t('newPerson.created', { path }), [{ path: file.path, before: null, after: text }]);
    await app.workspace.getLeaf(false).openFile(file);
    return { file, created: true };
  } catch (error) {
    // All or nothing: a note made from the template whose fields could not be put in goes again.
    if (created) await trash(app, created);
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
  /** New person, with a name filled in when one is given (People in this note's Create person). */
  const newPerson = (name = ''): Promise<boolean> => {
    const modal = new NewPersonModal(plugin.app, plugin.t, plugin.settings.circleCadence, async (input) =>
      (await createPerson(plugin, actions.writer, input.name, input))?.created === true);
    modal.open();
    if (name !== '') modal.nameEl.value = name;
    return modal.outcome;
  };
  const actions = createPersonActions(plugin, newPerson);
  const t = plugin.t;

  plugin.addCommand({
    id: 'new-person',
    name: t('commands.newPerson'),
    callback: () => void newPerson(),
  });
  plugin.addCommand({
    id: 'import-people',
    name: t('import.command'),
    callback: () => void actions.importer.start(),
  });
  plugin.addCommand({
    id: 'export-people-vcard',
    name: t('export.command'),
    callback: () => void actions.importer.exportVCard(),
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
