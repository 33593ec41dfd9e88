/**
 * (A long file until the sidebar's rework: rows, keyboard, focus and the call hour are routed here.)
 * The due-for-attention sidebar (view type `ties-attention`): the weekly review header, the sections with
 * their rows, and the call hour (call-hour-controller.ts). It reads the index and never parses notes; writes
 * go through PersonActions, and come back as ordinary index changes.
 *
 * Live (LiveView): index changes that touch people re-render it 150 ms later, only while it is shown; so do
 * a new day, the language and settings changes.
 */
import { Keymap, requireApiVersion, setIcon, type App, type HoverParent, type HoverPopover, type Plugin, type WorkspaceLeaf } from 'obsidian';
import { rank } from '../../core/attention';
import type { AttentionKind } from '../../core/types';
import { LiveView, type RenderCause, type ViewHost } from '../live-view';
import { CallHourController } from './call-hour-controller';
import { DEFAULT_CALL_HOUR, readCallHourSize } from './header';
import { buildModel, callHourPicks, nextVisible, type AttentionModel, type AttentionRow } from './model';
import { emptyListState, renderList, type ListState } from './list';
import type { RenderContext } from './rows';
import { renderReviewLine } from './review-line';
import { showSnoozeMenu } from './snooze-menu';

export const VIEW_TYPE_ATTENTION = 'ties-attention';
export const HOVER_SOURCE_ATTENTION = 'ties-attention';
/** Delay between an index change and the render it causes. */
export const RENDER_DELAY_MS = 150;

export class AttentionView extends LiveView implements HoverParent {
  hoverPopover: HoverPopover | null = null;
  protected readonly renderDelay = RENDER_DELAY_MS;
  private model: AttentionModel | null = null;
  private rowsByKey = new Map<string, AttentionRow>();
  private list: ListState = emptyListState();
  /** Rows asked for per section ("Show more"); kept across renders. */
  private readonly shown = new Map<AttentionKind, number>();
  /** The row that has (or last had) keyboard focus, by key. */
  private focusKey: string | null = null;
  private focusIndex = 0;
  private readonly callHour: CallHourController;
  private callHourSize = DEFAULT_CALL_HOUR;
  private observer: IntersectionObserver | null = null;

  constructor(leaf: WorkspaceLeaf, host: ViewHost) {
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

  protected opening(): void {
    const el = this.contentEl;
    el.addClass('ties-attention');
    this.registerDomEvent(el, 'click', (evt) => this.onClick(evt));
    this.registerDomEvent(el, 'mouseover', (evt) => this.onHover(evt));
    this.registerDomEvent(el, 'keydown', (evt) => this.onKey(evt));
    this.registerDomEvent(el, 'focusin', (evt) => this.onFocus(evt));
    this.registerDomEvent(el, 'input', (evt) => this.onInput(evt));
    this.register(() => this.observer?.disconnect());
    this.render();
  }

  protected override closing(): void {
    this.observer?.disconnect();
    this.observer = null;
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
    const active = el.doc.activeElement instanceof HTMLElement && el.contains(el.doc.activeElement) ? el.doc.activeElement : null;
    const onRow = active?.closest('.ties-attention-row') != null;
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

    const list = renderList(el, model, this.list, this.shown, this.callHourSize, ctx);
    this.list = list.state;
    this.rowsByKey = list.rows;
    renderReviewLine(el, this.host.review?.(), this.host.t);
    this.restoreFocus(onRow, focused);
    this.observeMore();
  }

  /**
   * Focus after a render: a focused row stays focused (or the row now at its place, when it went); a
   * focused control (the call-hour input, a "Show more" button) is focused again. The focused row is the
   * roving tab stop; without one, the first row.
   */
  private restoreFocus(onRow: boolean, focused: { action: string | null; kind: string | null } | null): void {
    const rows = this.rowElements();
    for (const r of rows) if (r.tabIndex !== -1) r.tabIndex = -1;
    let target = this.focusKey !== null ? this.list.cache.get(this.focusKey)?.el : undefined;
    if (!target && this.focusKey !== null && rows.length > 0) target = rows[Math.min(this.focusIndex, rows.length - 1)];
    target ??= rows[0];
    if (target) target.tabIndex = 0;
    if (onRow && target) this.focusRow(target);
    else if (focused?.action) {
      const selector = `[data-action="${focused.action}"]${focused.kind !== null ? `[data-kind="${focused.kind}"]` : ''}`;
      this.contentEl.querySelector<HTMLElement>(selector)?.focus();
    }
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
    const actions = this.host.actions();
    switch (action) {
      case 'open': {
        evt.preventDefault();
        const path = row?.path ?? target.dataset.path;
        if (path !== undefined) void this.app.workspace.openLinkText(path, '', Keymap.isModEvent(evt));
        return;
      }
      case 'log':
        if (row) this.run(actions.logContact(row.path));
        return;
      case 'snooze':
        if (row) this.snoozeMenu(row.path, evt.detail === 0 ? target : evt, (work) => this.run(work()));
        return;
      case 'done':
        if (row && row.item.reason.kind === 'follow-up') this.run(actions.completeFollowUp(row.path, row.item.reason.raw));
        return;
      case 'favour':
        if (row) this.run(actions.recordFavour(row.path));
        return;
      case 'more':
        this.showMore(target);
        return;
      case 'fewer':
        this.shown.delete(target.dataset.kind as AttentionKind);
        this.render();
        return;
      case 'call-hour':
        this.startCallHour();
        return;
      case 'import-people':
        this.host.importPeople();
        return;
      default:
        this.callHour.click(action, target, evt);
    }
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

  private run(work: Promise<unknown>): void {
    work.catch((error: unknown) => console.error('Ties: the action failed', error));
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
    this.contentEl.querySelector('.ties-attention-callhour-start')
      ?.setAttribute('aria-label', this.host.t('attention.callHour.start', { n: this.callHourSize }));
  }

  /** Arrow keys move between rows, Home and End jump, Enter opens, `l` logs, `s` snoozes. */
  private onKey(evt: KeyboardEvent): void {
    if (this.callHour.active || evt.ctrlKey || evt.metaKey || evt.altKey) return;
    const target = evt.target instanceof HTMLElement ? evt.target : null;
    if (!target || target.closest('input, textarea, select, [contenteditable="true"]')) return;
    const rowEl = target.closest<HTMLElement>('.ties-attention-row');
    const rows = this.rowElements();
    if (rows.length === 0) return;
    const at = rowEl ? rows.indexOf(rowEl) : -1;
    const onRow = rowEl !== null && rowEl === target;
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
    const row = onRow ? this.rowsByKey.get(rowEl.dataset.key ?? '') : undefined;
    if (!row || !rowEl) return;
    switch (evt.key) {
      case 'Enter':
        evt.preventDefault();
        void this.app.workspace.openLinkText(row.path, '', Keymap.isModEvent(evt));
        return;
      case 'l':
      case 'L':
        evt.preventDefault();
        this.run(this.host.actions().logContact(row.path));
        return;
      case 's':
      case 'S':
        evt.preventDefault();
        this.snoozeMenu(row.path, rowEl, (work) => this.run(work()));
        return;
    }
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

/** The view, its ribbon icon, its command and its page-preview source. */
export function registerAttentionView(plugin: Plugin, host: ViewHost): void {
  plugin.registerView(VIEW_TYPE_ATTENTION, (leaf) => new AttentionView(leaf, host));
  plugin.registerHoverLinkSource(HOVER_SOURCE_ATTENTION, { display: plugin.manifest.name, defaultMod: true });
  const open = () => void openAttentionView(plugin.app);
  plugin.addRibbonIcon('users', host.t('attention.command.open'), open);
  plugin.addCommand({ id: 'open-due-for-attention', name: host.t('attention.command.open'), callback: open });
}
