/**
 * The intro panel: pick the person you want to meet; the top three paths, each starting with someone you are
 * in touch with, with every step's last contact; click a path to highlight it, and "Log the ask" on its first
 * person. The box is made once, so typing is never interrupted by a render.
 */
import type { IntroResult } from '../../core/network';
import type { Person } from '../../core/types';
import { lastContactText, type CardContext } from './hover-card';
import { nameBox } from './toolbar';

export interface IntroActions {
  /** A name was typed (and confirmed, or picked from the list). */
  find(query: string): void;
  choose(index: number): void;
  /** Log the ask on `first`, the first person of a path to `target`. */
  ask(first: string, target: string): void;
  close(): void;
}

export class IntroPanel {
  readonly el: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly results: HTMLElement;

  constructor(
    parent: HTMLElement,
    private readonly ctx: CardContext,
    listId: string,
    /** The names list: whether it holds a name, and what it offers for what is typed. */
    names: { offers(name: string): boolean; suggest(typed: string): void },
    private readonly actions: IntroActions,
  ) {
    const { t } = ctx;
    this.el = parent.createDiv({ cls: 'ties-graph-intro is-hidden' });
    const head = this.el.createDiv({ cls: 'ties-graph-intro-head' });
    head.createDiv({ cls: 'ties-graph-intro-title', text: t('graph.intro.title') });
    const close = head.createEl('button', { cls: 'ties-graph-intro-close', text: t('graph.intro.close'), attr: { type: 'button' } });
    close.addEventListener('click', () => actions.close());
    this.input = nameBox(this.el, 'ties-graph-intro-target', t('graph.intro.placeholder'), listId, names, (name) => actions.find(name));
    this.results = this.el.createDiv({ cls: 'ties-graph-intro-results' });
  }

  get open(): boolean {
    return !this.el.hasClass('is-hidden');
  }

  render(open: boolean, intro: IntroResult | null, chosen: number, person: (path: string) => Person | undefined): void {
    this.el.toggleClass('is-hidden', !open);
    const el = this.results;
    el.empty();
    if (!open) return;
    const { t } = this.ctx;
    const typing = this.input.doc.activeElement === this.input;
    const target = intro ? person(intro.target) : undefined;
    if (!typing) this.input.value = target?.name ?? '';
    if (!intro || !target) {
      el.createDiv({ cls: 'ties-graph-intro-hint', text: t('graph.intro.hint') });
      return;
    }
    if (intro.inTouch) {
      el.createDiv({ cls: 'ties-graph-intro-result', text: t('graph.intro.inTouch', { name: target.name }) });
      return;
    }
    if (intro.paths.length === 0) {
      el.createDiv({ cls: 'ties-graph-intro-result', text: t('graph.intro.none', { name: target.name }) });
      return;
    }
    const list = el.createEl('ol', { cls: 'ties-graph-intro-paths' });
    intro.paths.forEach((path, i) => {
      const item = list.createEl('li', { cls: 'ties-graph-intro-path', attr: { 'data-index': String(i) } });
      item.toggleClass('is-chosen', i === chosen);
      const head = item.createDiv({ cls: 'ties-graph-intro-path-head' });
      head.createSpan({ cls: 'ties-graph-intro-path-name', text: `${t('graph.intro.path', { n: i + 1 })} · ${t('graph.intro.steps', { n: path.length - 1 })}` });
      const first = person(path[0]!);
      const ask = head.createEl('button', {
        cls: 'mod-cta ties-graph-intro-ask',
        text: t('graph.intro.ask'),
        attr: { type: 'button', 'aria-label': t('graph.intro.askTooltip', { name: first?.name ?? path[0]! }) },
      });
      ask.addEventListener('click', (evt) => {
        evt.stopPropagation();
        this.actions.ask(path[0]!, intro.target);
      });
      const steps = item.createEl('ol', { cls: 'ties-graph-intro-steps' });
      for (const step of path) {
        const p = person(step);
        const li = steps.createEl('li', { cls: 'ties-graph-intro-step' });
        li.createSpan({ cls: 'ties-graph-intro-step-name', text: p?.name ?? step });
        if (p && step !== intro.target) li.createSpan({ cls: 'ties-graph-intro-step-contact', text: lastContactText(p, this.ctx) });
      }
      item.addEventListener('click', () => this.actions.choose(i));
    });
  }
}
