/**
 * The live-view base of every Ties view (the sidebar, the graph, people-in-this-note): a view that follows
 * the index, the calendar day, the language and the settings, and draws only while it is shown.
 *
 * - An index change that touches people (or a full reload) marks the view stale and schedules a render
 *   `renderDelay` ms later; changes in between join that render.
 * - A render happens only while the view is shown. A hidden view renders when it is shown again (resize,
 *   layout change, active leaf change) if anything changed meanwhile: the index, the day (checked every
 *   minute, so a view left open overnight moves to the new day) or the language.
 * - A settings change marks the view stale as well (main.ts re-reads the vault first when the change alters
 *   who is a person or what counts as a contact; that reload arrives as an index change).
 *
 * A subclass draws in `draw()`, and may follow renames (`renamed`) or decide which index changes matter
 * (`indexChanged`). It never imports main.ts: main.ts builds the `ViewHost` and hands it in.
 */
import { ItemView, type WorkspaceLeaf } from 'obsidian';
import type { PersonActions } from '../actions/person-actions';
import type { ReviewSummary } from '../core/conscience';
import type { Day, Language } from '../core/types';
import type { Translate } from '../i18n/i18n';
import type { IndexChange, PeopleIndex } from '../index/people-index';
import type { SettingsChange } from '../settings/settings-change';
import type { TiesSettings } from '../settings/settings';

/** What every Ties view reads from the plugin; main.ts builds one and hands it to each view. */
export interface ViewHost {
  readonly index: PeopleIndex;
  /** The settings now. */
  settings(): TiesSettings;
  t: Translate;
  language(): Language;
  /** True once the index has read every note the first time. */
  loaded(): boolean;
  whenLoaded(): Promise<void>;
  /** The write actions (log contact, snooze, …). */
  actions(): PersonActions;
  /** Today, as the user's calendar shows it. */
  today(): Day;
  /** Import people… (the sidebar offers it while the vault has no person notes). */
  importPeople(): void;
  /** New person (the sidebar's onboarding). */
  newPerson(): void;
  /** Opens Ties' settings tab (the sidebar's onboarding: the people folder). */
  openSettings(): void;
  /** Opens Check person notes (the sidebar's "N notes have problems · Check"). */
  checkNotes(): void;
  /** Subscribes to saved settings changes; returns the function that unsubscribes. */
  onSettingsChange(listener: (change: SettingsChange) => void): () => void;
  /** When the user last reviewed and how many weeks in a row (the sidebar's review line); absent in tests that need none. */
  review?(): ReviewSummary;
}

/** What changed since the last render. */
export interface RenderCause {
  /** The language differs from the last render's (or this is the first render). */
  language: boolean;
}

/** How often a shown view checks whether the day has changed. */
const DAY_CHECK_MS = 60_000;

export abstract class LiveView extends ItemView {
  protected readonly host: ViewHost;
  /** Between onOpen and onClose. */
  protected opened = false;
  /** Delay between an index change and the render it causes, ms. */
  protected abstract readonly renderDelay: number;
  private stale = true;
  private renderedDay: Day = -1;
  private renderedLanguage: Language | null = null;
  private timer: number | null = null;

  constructor(leaf: WorkspaceLeaf, host: ViewHost) {
    super(leaf);
    this.host = host;
  }

  override async onOpen(): Promise<void> {
    if (this.opened) return;
    this.opened = true;
    this.stale = true;
    this.register(this.host.index.onChange((change) => this.indexChanged(change)));
    this.register(this.host.onSettingsChange((change) => this.settingsChanged(change)));
    this.registerEvent(this.app.workspace.on('layout-change', () => this.refresh()));
    this.registerEvent(this.app.workspace.on('active-leaf-change', () => this.refresh()));
    this.registerInterval(window.setInterval(() => this.refresh(), DAY_CHECK_MS));
    this.register(() => this.cancelRender());
    if (!this.host.loaded()) void this.host.whenLoaded().then(() => this.markStale());
    await this.opening();
  }

  override async onClose(): Promise<void> {
    this.opened = false;
    this.cancelRender();
    await this.closing();
  }

  override onResize(): void {
    this.refresh();
  }

  /** Renders now if the view is shown and something changed (the index, the day, the language, settings). */
  refresh(): void {
    if (!this.opened || !this.isVisible()) return;
    if (this.stale || this.renderedDay !== this.host.today() || this.renderedLanguage !== this.host.language()) this.render();
  }

  /** Whether the view is on screen: not in a hidden tab, not in a collapsed sidebar. */
  isVisible(): boolean {
    return this.contentEl.isShown();
  }

  /** Renders now, whatever changed. */
  render(): void {
    if (!this.opened) return;
    this.stale = false;
    this.cancelRender();
    const language = this.host.language();
    const cause: RenderCause = { language: language !== this.renderedLanguage };
    this.renderedDay = this.host.today();
    this.renderedLanguage = language;
    this.draw(cause);
  }

  /** Something the view shows changed: render `renderDelay` ms from now (joined with other changes meanwhile). */
  protected markStale(): void {
    this.stale = true;
    if (this.timer !== null) return;
    this.timer = window.setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, this.renderDelay);
  }

  /** Something the view shows changed: render now if the view is shown (else when it is shown again). */
  protected invalidate(): void {
    this.stale = true;
    this.refresh();
  }

  /** A render could not draw (the view is hidden): draw when the view is shown again. */
  protected deferUntilShown(): void {
    this.stale = true;
  }

  /** A render is waiting for its delay. */
  protected get renderPending(): boolean {
    return this.timer !== null;
  }

  protected cancelRender(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
  }

  /** An index change: renames are followed, and changes that touch people (or reload everything) mark the view stale. */
  protected indexChanged(change: IndexChange): void {
    if (change.type === 'rename' && change.oldPath !== undefined && change.path !== null) this.renamed(change.oldPath, change.path);
    if (change.people || change.type === 'reset') this.markStale();
  }

  protected settingsChanged(_change: SettingsChange): void {
    this.markStale();
  }

  /** A person's note moved: views that hold a path (focus, selection) follow it. */
  protected renamed(_oldPath: string, _newPath: string): void {}

  /** Builds what the view needs once it is open (its elements, listeners); the first render follows from the subclass. */
  protected abstract opening(): Promise<void> | void;

  /** Tears down what `opening` made that `register*` does not cover. */
  protected closing(): Promise<void> | void {}

  /** Draws the view from the index. */
  protected abstract draw(cause: RenderCause): void;
}
