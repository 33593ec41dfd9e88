/**
 * The plan of an import, for review before anything is written: where it comes from, the counts, then the
 * sections (plan-rows.ts) in a list that scrolls inside the modal while the buttons stay in view. New notes
 * and fills are ticked; conflicts are shown, never written. Import writes the ticked notes with a progress
 * bar; Stop (or closing the modal) stops after the current note, and what was written stays, with Undo.
 *
 * Phases: `preparing` (the notes to fill are read and checked; Import waits), `ready`, `writing`, `done`.
 */
import { Modal, type App } from 'obsidian';
import type { ImportPlan } from '../../core/import/types';
import type { Translate } from '../../i18n/i18n';
import { planModel, selectedRows, setAll, setSelected, type PlanModel, type WriteKind, type WriteRow } from './plan-model';
import { renderConflicts, renderSkipped, renderWarnings, renderWriteSection, updateAllBox } from './plan-rows';

export interface PlanWork {
  /** Reads and checks the notes to fill, marking those that cannot be filled as planned. */
  prepare(model: PlanModel): Promise<void>;
  /** Writes the rows; resolves once they are written and the notice is shown. */
  write(rows: WriteRow[], progress: (done: number, total: number) => void, stopped: () => boolean): Promise<void>;
}

export type PlanPhase = 'preparing' | 'ready' | 'writing' | 'done';

export class ImportPlanModal extends Modal {
  readonly model: PlanModel;
  phase: PlanPhase = 'preparing';
  /** Settles once the notes to fill are checked (tests wait on it). */
  prepared: Promise<void> | null = null;
  /** Settles once the import has written and said so. */
  written: Promise<void> | null = null;
  private stopRequested = false;
  private closed = false;
  private listEl: HTMLElement | null = null;
  private submitEl: HTMLButtonElement | null = null;
  private cancelEl: HTMLButtonElement | null = null;
  private stopEl: HTMLButtonElement | null = null;
  private progressEl: HTMLElement | null = null;
  private barEl: HTMLProgressElement | null = null;
  private progressTextEl: HTMLElement | null = null;

  constructor(
    app: App,
    private readonly t: Translate,
    private readonly fileName: string,
    plan: ImportPlan,
    private readonly work: PlanWork,
  ) {
    super(app);
    this.model = planModel(plan);
  }

  private get writable(): boolean {
    return this.model.create.length + this.model.fill.length > 0;
  }

  override onOpen(): void {
    const t = this.t;
    this.closed = false;
    this.modalEl.addClass('ties-import-modal');
    this.titleEl.setText(t('import.plan.title'));
    const el = this.contentEl;
    el.empty();
    el.addClass('ties-import-plan');
    this.renderSummary(el);

    this.listEl = el.createDiv({ cls: 'ties-import-list' });
    this.renderList();
    this.listEl.addEventListener('change', (evt) => this.onTick(evt));

    const footer = el.createDiv({ cls: 'ties-import-footer' });
    this.progressEl = footer.createDiv({ cls: 'ties-import-progress' });
    this.progressEl.hide();
    this.barEl = this.progressEl.createEl('progress', { cls: 'ties-import-progress-bar' });
    this.progressTextEl = this.progressEl.createDiv({ cls: 'ties-import-progress-text', attr: { role: 'status', 'aria-live': 'polite' } });
    const buttons = footer.createDiv({ cls: 'modal-button-container ties-import-buttons' });
    this.cancelEl = buttons.createEl('button', {
      cls: 'ties-import-cancel', text: this.writable ? t('form.cancel') : t('import.close'), attr: { type: 'button', 'aria-label': t('form.cancelLabel') },
    });
    this.cancelEl.addEventListener('click', () => this.close());
    this.stopEl = buttons.createEl('button', { cls: 'ties-import-stop', text: t('import.stop'), attr: { type: 'button', 'aria-label': t('import.stopLabel') } });
    this.stopEl.hide();
    this.stopEl.addEventListener('click', () => this.requestStop());
    if (this.writable) {
      this.submitEl = buttons.createEl('button', { cls: 'mod-cta ties-import-submit', attr: { type: 'button' } });
      this.submitEl.addEventListener('click', () => this.startWrite());
    }
    this.updateSubmit();

    this.phase = 'preparing';
    this.prepared = (this.model.fill.length > 0 ? this.work.prepare(this.model) : Promise.resolve()).then(
      () => this.ready(),
      (error: unknown) => {
        console.error('Ties: checking the notes to fill failed', error);
        for (const row of this.model.fill) setSelected(this.model, row, false);
        this.ready();
      },
    );
  }

  override onClose(): void {
    this.closed = true;
    // Closing while writing is a Stop: the note being written is finished, the rest is left.
    if (this.phase === 'writing') this.stopRequested = true;
    this.contentEl.empty();
  }

  private renderSummary(el: HTMLElement): void {
    const t = this.t;
    const plan = this.model.plan;
    const summary = el.createDiv({ cls: 'ties-import-summary' });
    const format = t(`import.format.${plan.format}`);
    const cards = plan.format === 'vcard';
    const from = plan.rows === 1
      ? t(cards ? 'import.plan.fromCard' : 'import.plan.fromRow', { file: this.fileName, format })
      : t(cards ? 'import.plan.fromCards' : 'import.plan.fromRows', { file: this.fileName, format, n: plan.rows });
    summary.createDiv({ cls: 'ties-import-from', text: from });
    const counts = summary.createDiv({ cls: 'ties-import-counts' });
    const all: [string, number, 'import.count.create' | 'import.count.fill' | 'import.count.conflicts' | 'import.count.skipped' | 'import.count.unchanged'][] = [
      ['create', plan.create.length, 'import.count.create'],
      ['fill', plan.update.length, 'import.count.fill'],
      ['conflicts', plan.conflicts.length, 'import.count.conflicts'],
      ['skipped', plan.skipped.length, 'import.count.skipped'],
      ['unchanged', plan.unchanged.length, 'import.count.unchanged'],
    ];
    for (const [kind, n, key] of all) {
      if (n === 0 && kind !== 'create') continue;
      const chip = counts.createSpan({ cls: `ties-import-count is-${kind}`, attr: { 'data-kind': kind } });
      chip.createSpan({ cls: 'ties-import-count-n', text: String(n) });
      chip.appendText(` ${t(key)}`);
    }
  }

  private renderList(): void {
    const list = this.listEl!;
    list.empty();
    const t = this.t;
    const plan = this.model.plan;
    if (!this.writable && plan.conflicts.length === 0) list.createDiv({ cls: 'ties-import-nothing', text: t('import.plan.nothing') });
    for (const kind of ['create', 'fill'] as const)
      if (this.model[kind].length > 0) renderWriteSection(list, this.model, kind, t, this.phase === 'preparing');
    renderConflicts(list, plan, t);
    renderSkipped(list, plan, t);
    renderWarnings(list, plan, t);
  }

  private ready(): void {
    if (this.closed || this.phase !== 'preparing') return;
    this.phase = 'ready';
    // The fills as checked: a note that cannot be filled shows why, without a tick.
    const old = this.listEl?.querySelector<HTMLElement>('.ties-import-section[data-kind="fill"]');
    if (old) {
      const fresh = renderWriteSection(createDiv(), this.model, 'fill', this.t, false);
      old.replaceWith(fresh);
    }
    this.updateSubmit();
  }

  private section(kind: WriteKind): HTMLElement | null {
    return this.listEl?.querySelector<HTMLElement>(`.ties-import-section[data-kind="${kind}"]`) ?? null;
  }

  private onTick(evt: Event): void {
    const box = evt.target;
    if (!(box instanceof HTMLInputElement) || this.phase === 'writing') return;
    const all = box.dataset.all as WriteKind | undefined;
    if (all !== undefined) {
      setAll(this.model, all, box.checked);
      for (const b of Array.from(this.section(all)?.querySelectorAll<HTMLInputElement>('.ties-import-check') ?? [])) b.checked = this.model.selected.has(b.dataset.key ?? '');
    } else {
      const key = box.dataset.key;
      const row = key === undefined ? undefined : this.model.byKey.get(key);
      if (!row) return;
      setSelected(this.model, row, box.checked);
      box.checked = this.model.selected.has(row.key);
    }
    for (const kind of ['create', 'fill'] as const) {
      const section = this.section(kind);
      if (section) updateAllBox(section, this.model, kind);
    }
    this.updateSubmit();
  }

  private updateSubmit(): void {
    if (!this.submitEl) return;
    const n = this.model.selected.size;
    this.submitEl.setText(this.t('import.submit', { n }));
    this.submitEl.setAttribute('aria-label', this.t('import.submitLabel', { n }));
    this.submitEl.disabled = n === 0 || this.phase !== 'ready';
  }

  /** Import: writes the ticked notes, with the progress bar and Stop in place of the buttons. */
  startWrite(): void {
    if (this.phase !== 'ready' || this.model.selected.size === 0) return;
    this.phase = 'writing';
    const rows = selectedRows(this.model);
    this.listEl?.addClass('is-writing');
    for (const box of Array.from(this.listEl?.querySelectorAll<HTMLInputElement>('input') ?? [])) box.disabled = true;
    this.submitEl?.hide();
    this.cancelEl?.hide();
    this.stopEl?.show();
    this.progressEl?.show();
    this.progress(0, rows.length);
    this.written = this.work.write(rows, (done, total) => this.progress(done, total), () => this.stopRequested).then(
      () => this.done(),
      (error: unknown) => {
        console.error('Ties: the import failed', error);
        this.done();
      },
    );
  }

  private progress(done: number, total: number): void {
    if (this.barEl) {
      this.barEl.max = total;
      this.barEl.value = done;
    }
    if (!this.stopRequested) this.progressTextEl?.setText(this.t('import.progress', { done, total }));
  }

  requestStop(): void {
    if (this.phase !== 'writing') return;
    this.stopRequested = true;
    if (this.stopEl) this.stopEl.disabled = true;
    this.progressTextEl?.setText(this.t('import.stopping'));
  }

  private done(): void {
    this.phase = 'done';
    this.close();
  }
}
