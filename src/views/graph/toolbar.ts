/**
 * The graph's toolbar, one row at any width: find a person, Filters (with how many are on), Local, Who can
 * introduce me?, and Fit. Everything else lives in the Filters panel.
 */
import { setIcon } from 'obsidian';
import type { Translate } from '../../i18n/i18n';

/** Names the list offers at most. */
const SUGGESTIONS = 30;

export interface ToolbarActions {
  /** A name was typed and confirmed, or picked from the list ('' clears the search). */
  search(query: string): void;
  filters(): void;
  local(): void;
  intro(): void;
  fit(): void;
}

export class Toolbar {
  readonly el: HTMLElement;
  readonly search: HTMLInputElement;
  /** The names the search box (and the intro panel's box) offer. */
  readonly people: HTMLDataListElement;
  private readonly filtersButton: HTMLButtonElement;
  private readonly localButton: HTMLButtonElement;
  private readonly introButton: HTMLButtonElement;
  private names = new Set<string>();
  /** Every name, sorted: the list offers the few that match what is typed. */
  private sorted: string[] = [];

  constructor(parent: HTMLElement, private readonly t: Translate, listId: string, actions: ToolbarActions) {
    this.el = parent.createDiv({ cls: 'ties-graph-toolbar' });
    this.people = parent.createEl('datalist', { attr: { id: listId } });
    // An emptied box clears the search.
    this.search = nameBox(this.el, 'ties-graph-search', t('graph.search.placeholder'), listId, this, (name) => actions.search(name), true);
    const button = (cls: string, icon: string, label: string, run: () => void) => {
      const b = this.el.createEl('button', { cls: `clickable-icon ties-graph-button ${cls}`, attr: { type: 'button', 'aria-label': label } });
      setIcon(b, icon);
      b.addEventListener('click', run);
      return b;
    };
    this.filtersButton = button('ties-graph-filters-open', 'sliders-horizontal', t('graph.toolbar.filters'), () => actions.filters());
    this.filtersButton.createSpan({ cls: 'ties-graph-badge' });
    this.localButton = button('ties-graph-local', 'locate', t('graph.toolbar.local'), () => actions.local());
    this.introButton = button('ties-graph-intro-open', 'route', t('graph.intro.open'), () => actions.intro());
    button('ties-graph-fit', 'maximize', t('graph.toolbar.fit'), () => actions.fit());
  }

  /** Pressed states and the number of filters on. */
  sync(state: { filters: number; filtersOpen: boolean; local: boolean; intro: boolean }): void {
    const badge = this.filtersButton.querySelector('.ties-graph-badge');
    badge?.setText(state.filters > 0 ? String(state.filters) : '');
    this.filtersButton.setAttribute('aria-label', state.filters > 0 ? this.t('graph.toolbar.filtersActive', { n: state.filters }) : this.t('graph.toolbar.filters'));
    this.filtersButton.toggleClass('is-active', state.filtersOpen);
    this.filtersButton.setAttribute('aria-expanded', String(state.filtersOpen));
    this.localButton.toggleClass('is-active', state.local);
    this.localButton.setAttribute('aria-pressed', String(state.local));
    this.introButton.toggleClass('is-active', state.intro);
    this.introButton.setAttribute('aria-pressed', String(state.intro));
  }

  /** The names that can be offered while typing. */
  setNames(names: readonly string[]): void {
    this.names = new Set(names);
    this.sorted = [...this.names].sort((a, b) => a.localeCompare(b));
  }

  /**
   * The list offers the names that start with what is typed, then those that contain it, at most SUGGESTIONS
   * (a list of 10,000 names would cost a long task to build and help nobody).
   */
  suggest(typed: string): void {
    const q = typed.trim().toLowerCase();
    this.people.empty();
    if (q === '') return;
    const starts: string[] = [], contains: string[] = [];
    for (const name of this.sorted) {
      const at = name.toLowerCase().indexOf(q);
      if (at === 0) starts.push(name);
      else if (at > 0 && contains.length < SUGGESTIONS) contains.push(name);
      if (starts.length >= SUGGESTIONS) break;
    }
    for (const name of [...starts, ...contains].slice(0, SUGGESTIONS)) this.people.createEl('option', { value: name });
  }

  /** Whether `name` is exactly a name the list offers. */
  offers(name: string): boolean {
    return this.names.has(name);
  }
}

/**
 * A box to type a person's name in, offering the names of `names`' list as one types: a name picked from the
 * list needs no Enter; `found` gets what was typed and confirmed (or emptied, when `empty` says so).
 */
export function nameBox(
  parent: HTMLElement,
  cls: string,
  placeholder: string,
  listId: string,
  names: Pick<Toolbar, 'offers' | 'suggest'>,
  found: (name: string) => void,
  empty = false,
): HTMLInputElement {
  const input = parent.createEl('input', { cls, type: 'search', attr: { placeholder, 'aria-label': placeholder, list: listId } });
  input.addEventListener('change', () => found(input.value));
  input.addEventListener('input', () => {
    names.suggest(input.value);
    if ((empty && input.value === '') || names.offers(input.value)) found(input.value);
  });
  return input;
}
