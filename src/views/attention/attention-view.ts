/**
 * (A long file: every click, key, menu and focus move of the list and the call hour is routed here; what
 * they do lives in the panels and actions it calls.)
 * The due-for-attention sidebar (view type `ties-attention`): the header line, the sections with their rows,
 * and the call hour (call-hour-controller.ts). It reads the index and never parses notes; writes go through
 * PersonActions, and come back as ordinary index changes. After a write's modal closes, the focus returns to
 * the list: the same row, or the one now in its place.
 *
 * Live (LiveView): index changes that touch people re-render it 150 ms later, only while it is shown; so do
 * a new day, the language and settings changes. The "N notes have problems" count is worked out after a
 * render, once per index revision, so that a render never waits for the vault's diagnostics.
 */
import { Keymap, requireApiVersion, setIcon, TFolder, type App, type HoverParent, type HoverPopover, type PaneType, type Plugin, type WorkspaceLeaf } from 'obsidian';
import { rank } from '../../core/attention';
import type { AttentionKind } from '../../core/types';
import { LiveView, type RenderCause, type ViewHost } from '../live-view';
import { CallHourController } from './call-hour-controller';
import { Folds, type FoldStore } from './folds';
import { DEFAULT_CALL_HOUR, readCallHourSize } from './header';
import { registerLongPress } from './long-press';
import { buildModel, callHourPicks, nextVisible, type AttentionModel, type AttentionRow } from './model';
import { emptyListState, renderList, type ListOptions, type ListState } from './list';
import { showRowMenu } from './row-menu';
import type { RenderContext } from './rows';
import { renderReviewLine } from './review-line';
import { showSnoozeMenu } from './snooze-menu';

export const VIEW_TYPE_ATTENTION = 'ties-attention';
export const HOVER_SOURCE_ATTENTION = 'ties-attention';
/** Delay between an index change and the render it causes. */
export const RENDER_DELAY_MS = 150;

/** What the sidebar needs besides the shared view host: where its folds are kept. */
export interface AttentionHost extends ViewHost {
  readonly folds: Folds;
}

export class AttentionView extends LiveView implements HoverParent {
  hoverPopover: HoverPopover | null = null;
  protected readonly renderDelay = RENDER_DELAY_MS;
  declare protected readonly host: AttentionHost;
  private model: AttentionModel | null = null;
  private rowsByKey = new Map<string, AttentionRow>();
  private list: ListState = emptyListState();
  /** Rows asked for per section ("Show more"); kept across renders. */
  private readonly shown = new Map<AttentionKind, number>();
  /** The row that has (or last had) keyboard focus, by key. */
  private focusKey: string | null = null;
  private focusIndex = 0;
  /** A write started from the list has finished: the next render puts the focus back on the list. */
  private refocus = false;
  private readonly callHour: CallHourController;
  private callHourSize = DEFAULT_CALL_HOUR;
  private observer: IntersectionObserver | null = null;
  /** Notes with errors, and the index revision they were counted at (-1: not yet). */
  private problems = { count: 0, revision: -1 };
  private problemsTimer: number | null = null;

  constructor(leaf: WorkspaceLeaf, host: AttentionHost) {
    super(leaf, host);
    this.navigation = false;
    this.callHour = new CallHourController(this.contentEl, {
      actions: () => this.host.actions(),
      person: (path) => {
        const person = this.host.index.person(path);
        return person ? { person, items: rank([person], this.host.today(), this.host.settings(), this.host.language()) } : undefined;
      },
      render: () => this.render(),
      snoozeMenu: (path, at, run) => this.snoozeMenu(path, at, run),
      isOpen: () => this.opened,
    });
  }

  override getViewType(): string {
    return VIEW_TYPE_ATTENTION;
  }

  override getDisplayText(): string {
    return this.host.t('attention.title');
  }

  override getIcon(): string {
    return 'users';
  }

  protected async opening(): Promise<void> {
    const el = this.contentEl;
    el.addClass('ties-attention');
    this.registerDomEvent(el, 'click', (evt) => this.onClick(evt));
    this.registerDomEvent(el, 'contextmenu', (evt) => this.onContextMenu(evt));
    this.registerDomEvent(el, 'mouseover', (evt) => this.onHover(evt));
    this.registerDomEvent(el, 'keydown', (evt) => this.onKey(evt));
    this.registerDomEvent(el, 'focusin', (evt) => this.onFocus(evt));
    this.registerDomEvent(el, 'input', (evt) => this.onInput(evt));
    registerLongPress(this, el, '.ties-attention-row', (rowEl, at) => {
      const row = this.rowOf(rowEl);
      if (row) this.rowMenu(row, at);
    });
    this.register(() => this.observer?.disconnect());
    this.register(() => this.cancelProblems());
    await this.host.folds.load();
    this.render();
  }

  protected override closing(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.cancelProblems();
    this.contentEl.empty();
  }

  protected override renamed(oldPath: string, newPath: string): void {
    this.callHour.renamed(oldPath, newPath);
    if (this.focusKey !== null) {
      const row = this.rowsByKey.get(this.focusKey);
      if (row && row.path === oldPath) this.focusKey = row.key.replace(`\u0000${oldPath}`, `\u0000${newPath}`);
    }
  }

  private context(): RenderContext {
    return { t: this.host.t, icon: (el, name) => setIcon(el, name) };
  }

  /** Builds the whole view from the index. Rows whose content did not change keep their elements. */
  protected draw(cause: RenderCause): void {
    const el = this.contentEl;
    const doc = el.doc;
    const active = doc.activeElement instanceof HTMLElement && el.contains(doc.activeElement) ? doc.activeElement : null;
    // After a write from the list, the focus comes back unless the user has moved it elsewhere meanwhile.
    const back = this.refocus && (active !== null || doc.activeElement === null || doc.activeElement === doc.body);
    this.refocus = false;
    const onRow = active?.closest('.ties-attention-row') != null || back;
    const focused = active && !onRow ? { action: active.dataset.action ?? null, kind: active.dataset.kind ?? null } : null;
    const today = this.host.today();
    const language = this.host.language();
    // Rows keep their elements across renders only while the language stays.
    if (cause.language) this.list = emptyListState();
    this.observer?.disconnect();
    this.observer = null;
    const ctx = this.context();

    if (!this.host.loaded()) {
      el.empty();
      el.createDiv({ cls: 'ties-attention-loading', text: this.host.t('attention.loading') });
      this.model = null;
      return;
    }
    if (this.callHour.active) {
      this.callHour.render(ctx, active ? (focused?.action ?? null) : undefined);
      return;
    }

    const model = buildModel(this.host.index.people(), today, this.host.settings(), language);
    this.model = model;

    const list = renderList(el, model, this.list, this.listOptions(), ctx);
    this.list = list.state;
    this.rowsByKey = list.rows;
    renderReviewLine(el, this.host.review?.(), this.host.t);
    this.restoreFocus(onRow, focused);
    this.observeMore();
    this.scheduleProblems();
  }

  private listOptions(): ListOptions {
    const settings = this.host.settings();
    const folder = settings.peopleFolder;
    return {
      shown: this.shown,
      collapsed: this.host.folds.collapsed,
      capacityOpen: this.host.folds.capacityOpen,
      callHourSize: this.callHourSize,
      problems: this.problems.revision === -1 ? 0 : this.problems.count,
      setup: {
        tags: settings.personTags,
        folder,
        folderExists: folder !== '' && this.app.vault.getAbstractFileByPath(folder) instanceof TFolder,
      },
    };
  }

  /**
   * Counts the notes with errors a moment after the render (once per index revision) and renders again
   * when the count changed. The diagnostics walk every person, which a render must not wait for.
   */
  private scheduleProblems(): void {
    if (this.problemsTimer !== null || this.problems.revision === this.host.index.revision) return;
    this.problemsTimer = this.contentEl.win.setTimeout(() => {
      this.problemsTimer = null;
      if (!this.opened) return;
      const revision = this.host.index.revision;
      const paths = new Set<string>();
      for (const d of this.host.index.diagnostics(this.host.today())) if (d.severity === 'error') paths.add(d.path);
      const changed = paths.size !== this.problems.count;
      this.problems = { count: paths.size, revision };
      if (changed) this.render();
    }, RENDER_DELAY_MS);
  }

  private cancelProblems(): void {
    if (this.problemsTimer !== null) this.contentEl.win.clearTimeout(this.problemsTimer);
    this.problemsTimer = null;
  }

  /**
   * Focus after a render: a focused row stays focused (or the row now at its place, when it went); a
   * focused control (the call-hour input, a "Show more" button) is focused again. The focused row is the
   * roving tab stop; without one, the first row.
   */
  private restoreFocus(onRow: boolean, focused: { action: string | null; kind: string | null } | null): void {
    const rows = this.rowElements();
    for (const r of rows) if (r.tabIndex !== -1) r.tabIndex = -1;
    const target = this.currentRow(rows);
    if (target) target.tabIndex = 0;
    if (onRow && target) this.focusRow(target);
    else if (focused?.action) {
      const selector = `[data-action="${focused.action}"]${focused.kind !== null ? `[data-kind="${focused.kind}"]` : ''}`;
      this.contentEl.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  /** The row that has the focus: the one last focused, or the row now at its place, or the first. */
  private currentRow(rows = this.rowElements()): HTMLElement | undefined {
    let target = this.focusKey !== null ? this.list.cache.get(this.focusKey)?.el : undefined;
    if (target && !target.isConnected) target = undefined;
    if (!target && this.focusKey !== null && rows.length > 0) target = rows[Math.min(this.focusIndex, rows.length - 1)];
    return target ?? rows[0];
  }

  private rowElements(): HTMLElement[] {
    return Array.from(this.contentEl.querySelectorAll<HTMLElement>('.ties-attention-row'));
  }

  private focusRow(row: HTMLElement): void {
    for (const r of this.rowElements()) if (r !== row && r.tabIndex !== -1) r.tabIndex = -1;
    row.tabIndex = 0;
    row.focus();
    row.scrollIntoView({ block: 'nearest' });
    this.noteFocus(row);
  }

  private noteFocus(row: HTMLElement): void {
    const key = row.dataset.key ?? null;
    if (key === null) return;
    this.focusKey = key;
    this.focusIndex = Math.max(0, this.rowElements().indexOf(row));
  }

  /** "Show more" loads the next chunk by itself when it scrolls into view (where IntersectionObserver exists). */
  private observeMore(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    const buttons = Array.from(this.contentEl.querySelectorAll<HTMLElement>('.ties-attention-more-button'))
      .filter((b) => b.dataset.kind !== 'dormant' || (this.shown.get('dormant') ?? 0) > 0);
    if (buttons.length === 0) return;
    this.observer = new IntersectionObserver((entries) => {
      const hit = entries.find((e) => e.isIntersecting);
      if (hit) this.showMore(hit.target as HTMLElement);
    }, { root: this.contentEl, rootMargin: '200px' });
    for (const b of buttons) this.observer.observe(b);
  }

  private showMore(button: HTMLElement): void {
    const kind = button.dataset.kind as AttentionKind | undefined;
    const section = this.model?.sections.find((s) => s.kind === kind);
    if (!kind || !section) return;
    const current = this.contentEl.querySelectorAll(`.ties-attention-section[data-kind="${kind}"] .ties-attention-row`).length;
    this.shown.set(kind, nextVisible(section, current));
    this.render();
  }

  private rowOf(el: HTMLElement): AttentionRow | undefined {
    const rowEl = el.closest<HTMLElement>('.ties-attention-row');
    const key = rowEl?.dataset.key;
    return key === undefined ? undefined : this.rowsByKey.get(key);
  }

  private onClick(evt: MouseEvent): void {
    const target = evt.target instanceof Element ? evt.target.closest<HTMLElement>('[data-action]') : null;
    if (!target || !this.contentEl.contains(target)) return;
    const action = target.dataset.action;
    const row = this.rowOf(target);
    if (row) {
      const rowEl = target.closest<HTMLElement>('.ties-attention-row');
      if (rowEl) this.noteFocus(rowEl);
      if (action !== undefined && this.rowAction(row, action, evt.detail === 0 ? target : evt, Keymap.isModEvent(evt))) evt.preventDefault();
      return;
    }
    switch (action) {
      case 'open': {
        evt.preventDefault();
        const path = target.dataset.path;
        if (path !== undefined) void this.app.workspace.openLinkText(path, '', Keymap.isModEvent(evt));
        return;
      }
      case 'open-source': {
        // The call hour's task follow-up: its note, at the task's line.
        evt.preventDefault();
        const path = target.dataset.path;
        const line = Number(target.dataset.line);
        if (path !== undefined && Number.isInteger(line)) void this.app.workspace.openLinkText(path, '', Keymap.isModEvent(evt), { eState: { line } });
        return;
      }
      case 'more':
        this.showMore(target);
        return;
      case 'fewer':
        this.shown.delete(target.dataset.kind as AttentionKind);
        this.render();
        return;
      case 'toggle-section':
        this.host.folds.toggleSection(target.dataset.kind as AttentionKind);
        this.render();
        return;
      case 'jump':
        this.jumpTo(target.dataset.kind as AttentionKind);
        return;
      case 'capacity': {
        // The summary of <details>: the fold is ours, so that a re-render keeps it.
        evt.preventDefault();
        this.host.folds.setCapacityOpen(!this.host.folds.capacityOpen);
        const details = target.closest('details');
        if (details) details.open = this.host.folds.capacityOpen;
        this.list.header = null;
        this.render();
        return;
      }
      case 'call-hour':
        this.startCallHour();
        return;
      case 'import-people':
        this.host.importPeople();
        return;
      case 'new-person':
        this.host.newPerson();
        return;
      case 'open-settings':
        this.host.openSettings();
        return;
      case 'check-notes':
        this.host.checkNotes();
        return;
      default:
        this.callHour.click(action, target, evt);
    }
  }

  /**
   * One action on a row, from a button, a key or the menu; `at` is where a menu opens. Returns false when
   * the action does not apply to the row (Done on a row that is no follow-up, T without a task).
   */
  private rowAction(row: AttentionRow, action: string, at: MouseEvent | HTMLElement, newTab: PaneType | boolean): boolean {
    const actions = this.host.actions();
    const reason = row.item.reason;
    switch (action) {
      case 'open':
        void this.app.workspace.openLinkText(row.path, '', newTab);
        return true;
      case 'open-source':
        if (!row.source) return false;
        void this.app.workspace.openLinkText(row.source.path, '', newTab, { eState: { line: row.source.line } });
        return true;
      case 'log':
        this.runFromList(() => actions.logContact(row.path));
        return true;
      case 'snooze':
        this.snoozeMenu(row.path, at, (work) => this.runFromList(work));
        return true;
      case 'done':
        if (reason.kind !== 'follow-up') return false;
        this.runFromList(() => actions.completeFollowUp(row.path, reason.raw));
        return true;
      case 'favour':
        this.runFromList(() => actions.recordFavour(row.path));
        return true;
      case 'follow-up':
        this.runFromList(() => actions.addFollowUp(row.path));
        return true;
      case 'menu':
        this.rowMenu(row, at);
        return true;
      default:
        return false;
    }
  }

  private rowMenu(row: AttentionRow, at: MouseEvent | HTMLElement | { x: number; y: number }): void {
    let point: MouseEvent | { x: number; y: number };
    if (at instanceof HTMLElement) {
      const rect = at.getBoundingClientRect();
      point = { x: rect.left + 16, y: rect.top + Math.min(rect.height, 24) };
    } else point = at;
    showRowMenu(this.app, this.leaf, row, point, this.host.t, this.host.actions(), {
      run: (work) => this.runFromList(work),
      snooze: () => this.snoozeMenu(row.path, at instanceof MouseEvent || at instanceof HTMLElement ? at : this.rowElement(row) ?? this.contentEl, (work) => this.runFromList(work)),
    });
  }

  private rowElement(row: AttentionRow): HTMLElement | undefined {
    return this.list.cache.get(row.key)?.el;
  }

  private onContextMenu(evt: MouseEvent): void {
    const target = evt.target instanceof HTMLElement ? evt.target : null;
    const row = target ? this.rowOf(target) : undefined;
    if (!row || !target) return;
    evt.preventDefault();
    const rowEl = target.closest<HTMLElement>('.ties-attention-row')!;
    this.noteFocus(rowEl);
    // The context-menu key sends no position: the menu opens at the row.
    this.rowMenu(row, evt.detail === 0 && evt.clientX === 0 && evt.clientY === 0 ? rowEl : evt);
  }

  /** A chip: unfold its section, bring it into view and focus its first row. */
  private jumpTo(kind: AttentionKind): void {
    if (this.host.folds.expand(kind)) this.render();
    const section = this.contentEl.querySelector<HTMLElement>(`.ties-attention-section[data-kind="${kind}"]`);
    if (!section) return;
    section.scrollIntoView({ block: 'start' });
    const first = section.querySelector<HTMLElement>('.ties-attention-row');
    if (first) this.focusRow(first);
  }

  private startCallHour(): void {
    if (!this.model) return;
    const input = this.contentEl.querySelector<HTMLInputElement>('.ties-attention-callhour-size');
    this.callHourSize = readCallHourSize(input?.value ?? String(this.callHourSize));
    this.callHour.start(callHourPicks(this.model, this.callHourSize));
  }

  private snoozeMenu(path: string, at: MouseEvent | HTMLElement, run: (work: () => Promise<boolean>) => void): void {
    showSnoozeMenu(this.host.t, this.host.actions(), this.host.today(), path, at, run);
  }

  /** Starts a write from the list; when its modal closes, the focus goes back to the list. */
  private runFromList(work: () => Promise<unknown>): void {
    work()
      .catch((error: unknown) => console.error('Ties: the action failed', error))
      .finally(() => this.focusBack());
  }

  /** Focuses the list again (the same row, or the one in its place) unless the user is elsewhere now. */
  private focusBack(): void {
    if (!this.opened || this.callHour.active) return;
    const doc = this.contentEl.doc;
    const active = doc.activeElement;
    if (active !== null && active !== doc.body && !this.contentEl.contains(active)) return;
    this.refocus = true;
    const row = this.currentRow();
    if (row) this.focusRow(row);
  }

  private onHover(evt: MouseEvent): void {
    const target = evt.target instanceof Element ? evt.target.closest<HTMLElement>('.ties-attention-name') : null;
    if (!target) return;
    if (evt.relatedTarget instanceof Node && target.contains(evt.relatedTarget)) return;
    const path = this.rowOf(target)?.path ?? target.dataset.path;
    if (path === undefined) return;
    this.app.workspace.trigger('hover-link', {
      event: evt, source: HOVER_SOURCE_ATTENTION, hoverParent: this, targetEl: target, linktext: path, sourcePath: '',
    });
  }

  /** A row focused by a click or a tap becomes the roving tab stop too. */
  private onFocus(evt: FocusEvent): void {
    const row = evt.target instanceof HTMLElement && evt.target.classList.contains('ties-attention-row') ? evt.target : null;
    if (!row) return;
    if (row.tabIndex !== 0) {
      for (const r of this.rowElements()) if (r.tabIndex !== -1) r.tabIndex = -1;
      row.tabIndex = 0;
    }
    this.noteFocus(row);
  }

  private onInput(evt: Event): void {
    if (!(evt.target instanceof HTMLInputElement) || evt.target.dataset.action !== 'call-hour-size') return;
    this.callHourSize = readCallHourSize(evt.target.value);
    const t = this.host.t;
    this.contentEl.querySelector('.ties-attention-callhour-start')?.setAttribute('aria-label', t('attention.callHour.start', { n: this.callHourSize }));
    this.contentEl.querySelector('.ties-attention-callhour-unit')?.setText(t('attention.callHour.people', { n: this.callHourSize }));
  }

  /**
   * Keys (README "Keyboard"): arrows move between rows, Home and End jump; on a row, Enter opens the note
   * (Ctrl/Cmd+Enter in a new tab), L logs, S snoozes, D marks a follow-up done, F records a favour, A adds a
   * follow-up, T opens a task's note at the task, M or the context-menu key (Shift+F10) opens the row's menu.
   */
  private onKey(evt: KeyboardEvent): void {
    if (this.callHour.active || evt.altKey) return;
    const target = evt.target instanceof HTMLElement ? evt.target : null;
    if (!target || target.closest('input, textarea, select, [contenteditable="true"]')) return;
    const rowEl = target.closest<HTMLElement>('.ties-attention-row');
    const rows = this.rowElements();
    if (rows.length === 0) return;
    const at = rowEl ? rows.indexOf(rowEl) : -1;
    const onRow = rowEl !== null && rowEl === target;
    const mod = evt.ctrlKey || evt.metaKey;
    if (!mod) {
      switch (evt.key) {
        case 'ArrowDown':
        case 'ArrowUp': {
          evt.preventDefault();
          const step = evt.key === 'ArrowDown' ? 1 : -1;
          const next = at < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + step));
          this.focusRow(rows[next]!);
          return;
        }
        case 'Home':
        case 'End':
          evt.preventDefault();
          this.focusRow(rows[evt.key === 'Home' ? 0 : rows.length - 1]!);
          return;
      }
    }
    const row = onRow ? this.rowsByKey.get(rowEl.dataset.key ?? '') : undefined;
    if (!row || !rowEl) return;
    const action = rowKeyAction(evt, mod);
    if (action !== null && this.rowAction(row, action, rowEl, Keymap.isModEvent(evt))) evt.preventDefault();
  }
}

/** The row action a key asks for (Enter with Ctrl/Cmd opens in a new tab; other keys only without them). */
function rowKeyAction(evt: KeyboardEvent, mod: boolean): string | null {
  if (evt.key === 'Enter') return 'open';
  if (mod) return null;
  if (evt.key === 'ContextMenu' || (evt.key === 'F10' && evt.shiftKey)) return 'menu';
  switch (evt.key.toLowerCase()) {
    case 'l': return 'log';
    case 's': return 'snooze';
    case 'd': return 'done';
    case 'f': return 'favour';
    case 'a': return 'follow-up';
    case 't': return 'open-source';
    case 'm': return 'menu';
    default: return null;
  }
}

/** Reveals the sidebar, opening it in the right sidebar when no leaf has it yet. */
export async function openAttentionView(app: App): Promise<void> {
  const { workspace } = app;
  let leaf = workspace.getLeavesOfType(VIEW_TYPE_ATTENTION)[0] ?? null;
  if (!leaf) {
    leaf = workspace.getRightLeaf(false);
    if (!leaf) return;
    await leaf.setViewState({ type: VIEW_TYPE_ATTENTION, active: true });
  }
  // revealLeaf also expands a collapsed sidebar; before 1.7.2 it was not awaitable, so older apps activate the leaf.
  if (requireApiVersion('1.7.2')) await workspace.revealLeaf(leaf);
  else workspace.setActiveLeaf(leaf, { focus: true });
}

/** The view, its ribbon icon, its command and its page-preview source; `store` keeps its folds (the plugin's data). */
export function registerAttentionView(plugin: Plugin, viewHost: ViewHost, store: FoldStore): void {
  const host: AttentionHost = { ...viewHost, folds: new Folds(store) };
  plugin.registerView(VIEW_TYPE_ATTENTION, (leaf) => new AttentionView(leaf, host));
  plugin.registerHoverLinkSource(HOVER_SOURCE_ATTENTION, { display: plugin.manifest.name, defaultMod: true });
  const open = () => void openAttentionView(plugin.app);
  plugin.addRibbonIcon('users', host.t('attention.command.open'), open);
  plugin.addCommand({ id: 'open-due-for-attention', name: host.t('attention.command.open'), callback: open });
}
