/**
 * People in this note (view type `ties-note-people`): a thin shell that follows the active note, reads it in
 * full, builds the view model (model.ts, over the core's prep) and draws the header, one card per person and,
 * for a person note, whom they know and who can introduce you (header.ts, person-card.ts, self-panel.ts).
 * Writes go through PersonActions and come back as index changes.
 *
 * Live (LiveView): re-renders 150 ms after an index change that touches people or the followed note, only
 * while shown; a new day, the language and settings changes too.
 */
import { Keymap, requireApiVersion, TFile, type App, type HoverParent, type HoverPopover, type Plugin, type WorkspaceLeaf } from 'obsidian';
import { buildNetwork, type Network } from '../../core/network';
import type { FollowUp } from '../../core/types';
import type { IndexChange } from '../../index/people-index';
import { openAtLine } from '../../obsidian/open-at-line';
import { fullRecord } from '../../obsidian/records';
import { LiveView, type ViewHost } from '../live-view';
import { renderHeader, type HeaderHost } from './header';
import { buildModel, type NotePeopleModel } from './model';
import { renderCard } from './person-card';
import { fillIntro, renderSelf } from './self-panel';

export const VIEW_TYPE_NOTE_PEOPLE = 'ties-note-people';
export const HOVER_SOURCE_NOTE_PEOPLE = 'ties-note-people';
/** Delay between an index change and the render it causes. */
export const NOTE_PEOPLE_RENDER_MS = 150;

export class NotePeopleView extends LiveView implements HoverParent {
  hoverPopover: HoverPopover | null = null;
  protected readonly renderDelay = NOTE_PEOPLE_RENDER_MS;
  /** The note the panel follows, or null when no note is open. */
  notePath: string | null = null;
  /** What the panel shows now (null: an empty state). */
  model: NotePeopleModel | null = null;
  /** Settles once the last render has drawn (it reads the note first). */
  drawn: Promise<void> = Promise.resolve();
  /** Settles once the intro paths of the person note shown are drawn. */
  introShown: Promise<void> = Promise.resolve();
  private drawToken = 0;
  private network: { revision: number; network: Network } | null = null;
  private readonly cards: HeaderHost;

  constructor(leaf: WorkspaceLeaf, host: ViewHost) {
    super(leaf, host);
    this.navigation = false;
    this.cards = {
      t: (key, vars) => this.host.t(key, vars),
      notePath: () => this.notePath ?? '',
      language: () => this.host.language(),
      today: () => this.host.today(),
      resolve: (target, from) => this.host.index.resolvePerson(target, from),
      linkTo: (el, path) => this.linkTo(el, path),
      linkToLine: (el, source, line) => {
        el.addEventListener('click', (evt) => {
          evt.preventDefault();
          void openAtLine(this.app, source, line, Keymap.isModEvent(evt));
        });
      },
      done: (person, f, button) => this.done(person, f, button),
      addFollowUp: (person) => void this.host.actions().addFollowUp(person),
      logForEveryone: () => this.logForEveryone(),
      createPerson: (name) => void this.host.actions().newPerson(name),
    };
  }

  override getViewType(): string {
    return VIEW_TYPE_NOTE_PEOPLE;
  }

  override getDisplayText(): string {
    return this.host.t('notePeople.title');
  }

  override getIcon(): string {
    return 'contact';
  }

  protected opening(): void {
    this.contentEl.addClass('ties-note-people');
    this.registerEvent(this.app.workspace.on('file-open', (file) => this.follow(file)));
    // The active note changed (a sidebar view becoming active is no note: the panel keeps its note).
    this.registerEvent(this.app.workspace.on('active-leaf-change', () => {
      const file = this.app.workspace.getActiveFile();
      if (file !== null) this.follow(file);
    }));
    this.notePath = this.app.workspace.getActiveFile()?.path ?? this.notePath;
    this.invalidate();
  }

  /** Follows `file` (null: no note open). */
  follow(file: TFile | null): void {
    const path = file?.path ?? null;
    if (path === this.notePath) return;
    this.notePath = path;
    this.invalidate();
  }

  protected override indexChanged(change: IndexChange): void {
    super.indexChanged(change);
    if (this.notePath !== null && (change.path === this.notePath || change.oldPath === this.notePath)) this.markStale();
  }

  protected override renamed(oldPath: string, newPath: string): void {
    if (this.notePath === oldPath) this.notePath = newPath;
  }

  protected draw(): void {
    const token = ++this.drawToken;
    const file = this.notePath === null ? null : this.app.vault.getAbstractFileByPath(this.notePath);
    if (!this.host.loaded()) return this.message(this.host.t('notePeople.loading'));
    if (!(file instanceof TFile) || file.extension !== 'md') return this.message(this.host.t('notePeople.empty'));
    this.drawn = this.app.vault.cachedRead(file).then(
      (text) => {
        if (token !== this.drawToken || !this.opened) return;
        const record = fullRecord(file, this.app.metadataCache.getFileCache(file), text);
        this.show(this.buildModel(record));
      },
      (error: unknown) => {
        console.error('Ties: could not read the note for People in this note', error);
        if (token === this.drawToken) this.message(this.host.t('notePeople.empty'));
      },
    );
  }

  /** The model of a note's record now (the bench times this and `show`). */
  buildModel(record: ReturnType<typeof fullRecord>): NotePeopleModel {
    const index = this.host.index;
    return buildModel(record, {
      person: (path) => index.person(path),
      resolve: (target, from) => index.resolve(target, from),
      resolvePerson: (target, from) => index.resolvePerson(target, from),
      network: () => this.currentNetwork(),
    }, this.host.today(), this.host.settings());
  }

  /** Draws `model`, keeping the scroll position (a re-render after Done should not jump). */
  show(model: NotePeopleModel): void {
    const el = this.contentEl;
    const scroll = el.scrollTop;
    this.model = model;
    el.empty();
    renderHeader(el, model, this.cards);
    const { people, unresolved } = model.prep;
    if (people.length === 0 && unresolved.length === 0) el.createDiv({ cls: 'ties-np-empty', text: this.host.t('notePeople.nobody', { note: model.name }) });
    const list = el.createDiv({ cls: 'ties-np-cards' });
    for (const entry of people) renderCard(list, entry, this.cards);
    if (model.self !== null) {
      const self = model.self;
      const intro = renderSelf(el, self, this.cards);
      // The card first; who can introduce you once it is on screen (the first walk builds the network).
      if (!self.inTouch) this.introShown = new Promise((resolve) => window.setTimeout(() => {
        if (this.model === model) fillIntro(intro, self, this.cards);
        resolve();
      }, 0));
    }
    el.scrollTop = scroll;
  }

  private message(text: string): void {
    this.model = null;
    this.contentEl.empty();
    this.contentEl.createDiv({ cls: 'ties-np-empty', text });
  }

  private currentNetwork(): Network {
    const index = this.host.index;
    if (this.network?.revision !== index.revision) {
      this.network = { revision: index.revision, network: buildNetwork(index.people(), (t, from) => index.resolvePerson(t, from)) };
    }
    return this.network.network;
  }

  private linkTo(el: HTMLElement, path: string): void {
    el.addEventListener('click', (evt) => {
      evt.preventDefault();
      void this.app.workspace.openLinkText(path, '', Keymap.isModEvent(evt));
    });
    el.addEventListener('mouseover', (evt) => {
      this.app.workspace.trigger('hover-link', {
        event: evt, source: HOVER_SOURCE_NOTE_PEOPLE, hoverParent: this, targetEl: el, linktext: path, sourcePath: '',
      });
    });
  }

  private done(person: string, f: FollowUp, button: HTMLButtonElement): void {
    button.disabled = true;
    const at = f.source !== undefined && f.line !== undefined ? { source: f.source, line: f.line } : undefined;
    void this.host.actions().completeFollowUp(person, f.raw, at).then((wrote) => {
      if (!wrote) button.disabled = false;
    });
  }

  /** Log this meeting for everyone: the meeting's day (else today), a link back to the note as its text. */
  private logForEveryone(): void {
    const model = this.model;
    const file = model === null ? null : this.app.vault.getAbstractFileByPath(model.path);
    if (model === null || !(file instanceof TFile)) return;
    const link = `[[${this.app.metadataCache.fileToLinktext(file, '', true)}]]`;
    void this.host.actions().logMeeting(model.prep.people.map((p) => p.path), model.prep.day ?? this.host.today(), link);
  }
}

/** Opens the panel in the right sidebar (or shows it where it is), following the note that was active. */
export async function openNotePeopleView(app: App): Promise<NotePeopleView | null> {
  const { workspace } = app;
  const active = workspace.getActiveFile();
  let leaf = workspace.getLeavesOfType(VIEW_TYPE_NOTE_PEOPLE)[0] ?? null;
  if (!leaf) {
    leaf = workspace.getRightLeaf(false);
    if (!leaf) return null;
    await leaf.setViewState({ type: VIEW_TYPE_NOTE_PEOPLE, active: true });
  }
  if (requireApiVersion('1.7.2')) await workspace.revealLeaf(leaf);
  else workspace.setActiveLeaf(leaf, { focus: true });
  const view = leaf.view instanceof NotePeopleView ? leaf.view : null;
  if (view !== null && active !== null) view.follow(active);
  return view;
}

/** The view, its command (no default hotkey) and its page-preview source. */
export function registerNotePeopleView(plugin: Plugin, host: ViewHost): void {
  plugin.registerView(VIEW_TYPE_NOTE_PEOPLE, (leaf) => new NotePeopleView(leaf, host));
  plugin.registerHoverLinkSource(HOVER_SOURCE_NOTE_PEOPLE, { display: host.t('notePeople.title'), defaultMod: true });
  plugin.addCommand({ id: 'open-people-in-this-note', name: host.t('notePeople.command'), callback: () => void openNotePeopleView(plugin.app) });
}
