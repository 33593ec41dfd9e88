/**
 * Import people… and Export people as vCard in the plugin. The flow of an import: pick a file (on the device
 * or in the vault), read it with the import core into a plan against the index, show the plan for review
 * (plan-modal.ts), check each note to fill against its current text, write the ticked notes in slices
 * (write-import.ts), then one notice with the counts and Undo, the whole import one entry of the session's
 * undo history. New notes get the layout of New person, or the user's template with the fields put in.
 */
import { TFile, type App, type TAbstractFile } from 'obsidian';
import { formatDay, localToday } from '../../core/dates';
import { normaliseFolder } from '../../core/detect';
import { decodeImportBytes } from '../../core/import/decode';
import { fillFrontmatter } from '../../core/import/note-text';
import { parseImportFile } from '../../core/import/parse';
import { planImport } from '../../core/import/plan';
import { reason } from '../../core/import/reasons';
import { ImportError, type ImportPlan } from '../../core/import/types';
import { exportVCards } from '../../core/import/vcard-write';
import { fillTemplate, newPersonNoteText } from '../../core/person-note';
import type { Translate } from '../../i18n/i18n';
import type { PeopleIndex } from '../../index/people-index';
import type { NoteWriter } from '../../obsidian/writer';
import type { TiesSettings } from '../../settings/settings';
import { templateFile } from '../note-files';
import { ImportPlanModal } from './plan-modal';
import { basenameOf, reasonLine, refuseFill, type PlanModel, type WriteRow } from './plan-model';
import { ImportSourceModal } from './source-modal';
import { putImportedFields } from './template-fields';
import { nextTask, writeImport, type ImportOutcome, type ImportWrite } from './write-import';

/** What the import needs from the plugin. */
export interface ImportHost {
  readonly app: App;
  readonly index: PeopleIndex;
  settings(): TiesSettings;
  t(): Translate;
  readonly writer: NoteWriter;
  /** Resolves once the index has read the vault the first time. */
  whenLoaded(): Promise<void>;
}

/** "Jan, Piet, Ann, …" */
function someNames(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).map(basenameOf).join(', ');
  return paths.length > 3 ? `${shown}, …` : shown;
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().replace(/\.+$/, '');
}

/** The file explorer core plugin, when it is on: it can show a file in the file list. Not part of the public API. */
interface FileExplorer {
  revealInFolder(file: TAbstractFile): void;
}
function fileExplorer(app: App): FileExplorer | null {
  const internal = (app as unknown as { internalPlugins?: { getEnabledPluginById?: (id: string) => unknown } }).internalPlugins;
  const plugin = internal?.getEnabledPluginById?.('file-explorer') as Partial<FileExplorer> | null | undefined;
  return plugin && typeof plugin.revealInFolder === 'function' ? (plugin as FileExplorer) : null;
}

export class Importer {
  /** The modal shown last (tests and callers wait on it). */
  lastModal: ImportSourceModal | ImportPlanModal | null = null;

  constructor(private readonly host: ImportHost) {}

  /** Import people…: opens the file picker. */
  start(): ImportSourceModal {
    const modal = new ImportSourceModal(this.host.app, this.host.t(), (name, read, wanted) => this.openFile(name, read, wanted));
    this.lastModal = modal;
    modal.open();
    return modal;
  }

  /** Reads a picked file into a plan and shows it; resolves to an error to show in the picker, or null when the plan is open. */
  async openFile(name: string, read: () => Promise<ArrayBuffer>, wanted: () => boolean = () => true): Promise<string | null> {
    const t = this.host.t();
    let plan: ImportPlan;
    try {
      plan = await this.plan(new Uint8Array(await read()));
    } catch (error) {
      if (error instanceof ImportError) return t('import.source.refused', { file: name, reason: reasonLine(t, error.reason) });
      return t('import.source.readFailed', { file: name, error: errorText(error) });
    }
    // The picker was closed meanwhile: the user has moved on.
    if (wanted()) this.showPlan(name, plan);
    return null;
  }

  /**
   * The plan of a file's bytes against the vault as the index has it now. Reading the file and planning are
   * separate tasks (and the modal a third), so that a file of a thousand people keeps each under 100 ms.
   */
  async plan(bytes: Uint8Array): Promise<ImportPlan> {
    await this.host.whenLoaded();
    const decoded = decodeImportBytes(bytes);
    const parsed = parseImportFile(decoded.text);
    if (decoded.warning !== null) parsed.warnings.unshift(decoded.warning);
    await nextTask();
    const { index } = this.host;
    const plan = planImport(parsed, { people: index.people(), notePaths: index.paths(), peopleFolder: normaliseFolder(this.host.settings().peopleFolder) });
    await nextTask();
    return plan;
  }

  showPlan(fileName: string, plan: ImportPlan): ImportPlanModal {
    /** The text each fill was checked against, and the note's text after it. */
    const fills = new Map<string, { before: string; after: string }>();
    const modal = new ImportPlanModal(this.host.app, this.host.t(), fileName, plan, {
      prepare: (model) => this.prepareFills(model, fills),
      write: async (rows, progress, stopped) => {
        let writes: ImportWrite[];
        try {
          writes = await this.writesFor(rows, fills);
        } catch (error) {
          // The template could not be read: nothing was written.
          this.host.writer.notices.show(`${this.host.t()('import.done.nothing')} ${errorText(error)}.`);
          return;
        }
        this.finish(await writeImport(this.host.app, writes, { progress, stopped }));
      },
    });
    this.lastModal = modal;
    modal.open();
    return modal;
  }

  /**
   * Reads each note to fill and works out its filled text now, so that the plan shows a note that cannot be
   * filled as planned (a key holds a value after all, the frontmatter is never closed) and the write can check
   * that the note is still as it was. Yields between notes, so that a large plan keeps the modal responsive.
   */
  private async prepareFills(model: PlanModel, fills: Map<string, { before: string; after: string }>): Promise<void> {
    const { vault } = this.host.app;
    let sliceStart = performance.now();
    for (const row of model.fill) {
      const file = vault.getAbstractFileByPath(row.path);
      if (!(file instanceof TFile)) {
        refuseFill(model, row.path, [reason('fill-note-gone')]);
        continue;
      }
      const before = await vault.read(file);
      const result = fillFrontmatter(before, row.fields);
      if (result.ok) fills.set(row.path, { before, after: result.text });
      else refuseFill(model, row.path, result.reasons);
      if (performance.now() - sliceStart > 12) {
        await nextTask();
        sliceStart = performance.now();
      }
    }
  }

  /** The writes of the ticked rows: new notes in the layout or from the template, fills as prepared. */
  private async writesFor(rows: readonly WriteRow[], fills: Map<string, { before: string; after: string }>): Promise<ImportWrite[]> {
    const settings = this.host.settings();
    const markAsPerson = normaliseFolder(settings.peopleFolder) === '';
    const logHeading = settings.logHeadings[0] ?? 'Log';
    const template = rows.some((r) => r.kind === 'create') ? await this.templateText(settings) : null;
    const today = formatDay(localToday());
    const writes: ImportWrite[] = [];
    for (const row of rows) {
      if (row.kind === 'fill') {
        const fill = fills.get(row.path);
        if (fill) writes.push({ kind: 'fill', path: row.path, ...fill });
        continue;
      }
      const values = { ...row.fields, aliases: row.aliases };
      if (template === null) writes.push({ kind: 'create', path: row.path, text: newPersonNoteText(values, { markAsPerson, logHeading }), frontmatter: null });
      else
        writes.push({
          kind: 'create', path: row.path, text: fillTemplate(template, row.name, today),
          frontmatter: (fm) => putImportedFields(fm, values, markAsPerson),
        });
    }
    return writes;
  }

  /** The template note's text, or null for the layout (with a notice when the settings name a note that is not there). */
  private async templateText(settings: TiesSettings): Promise<string | null> {
    const setting = settings.templateNote.trim();
    if (setting === '') return null;
    const file = templateFile(this.host.app, setting);
    if (file) return this.host.app.vault.read(file);
    this.host.writer.notices.show(this.host.t()('newPerson.noTemplate', { path: settings.templateNote }));
    return null;
  }

  /** One notice with the counts; Undo for everything written, as one entry of the history. */
  private finish(outcome: ImportOutcome): void {
    const t = this.host.t();
    const parts = [t('import.done', { created: outcome.created.length, filled: outcome.filled.length })];
    if (outcome.notWritten > 0) parts.push(t('import.done.stopped', { n: outcome.notWritten }));
    if (outcome.changed.length > 0) parts.push(t('import.done.changed', { n: outcome.changed.length, names: someNames(outcome.changed) }));
    if (outcome.failed.length > 0)
      parts.push(t('import.done.failed', { n: outcome.failed.length, names: someNames(outcome.failed.map((f) => f.path)), error: outcome.failed[0]!.error }));
    if (outcome.changes.length > 0) this.host.writer.remember(parts.join(' '), outcome.changes);
    else this.host.writer.notices.show([t('import.done.nothing'), ...parts.slice(1)].join(' '));
  }

  /**
   * Export people as vCard: every person who is not archived, into `Ties export YYYY-MM-DD.vcf` at the top of
   * the vault (mobile apps cannot download files), ` 2`, ` 3`… for another export that day. Resolves to the
   * file written, or null.
   */
  async exportVCard(): Promise<TFile | null> {
    const { app, writer } = this.host;
    const t = this.host.t();
    await this.host.whenLoaded();
    const { text, count } = exportVCards(this.host.index.people());
    if (count === 0) {
      writer.notices.show(t('export.none'));
      return null;
    }
    const taken = new Set(app.vault.getFiles().map((f) => f.path.toLowerCase()));
    const day = formatDay(localToday());
    let path = `Ties export ${day}.vcf`;
    for (let n = 2; taken.has(path.toLowerCase()); n++) path = `Ties export ${day} ${n}.vcf`;
    let file: TFile;
    try {
      file = await app.vault.create(path, text);
    } catch (error) {
      writer.notices.show(t('export.failed', { path, error: errorText(error) }));
      return null;
    }
    const fragment = createFragment();
    fragment.createSpan({ cls: 'ties-notice-message', text: count === 1 ? t('export.doneOne', { path }) : t('export.done', { n: count, path }) });
    const explorer = fileExplorer(app);
    if (explorer) {
      const button = fragment.createEl('button', { cls: 'ties-notice-button', text: t('export.reveal'), attr: { type: 'button', 'aria-label': t('export.revealLabel', { path }) } });
      button.addEventListener('click', (evt) => {
        evt.preventDefault();
        explorer.revealInFolder(file);
      });
    }
    writer.notices.show(fragment, 10_000);
    return file;
  }
}
