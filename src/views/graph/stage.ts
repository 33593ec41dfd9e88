/**
 * The stage: where the graph is drawn, and what it says when it cannot draw. It makes the renderer (renderer.ts:
 * Canvas2D at once, sigma when the view's work is done), hands it each new model, and shows a message instead
 * of a blank pane when there is nothing to draw or no renderer works here.
 */
import type { Theme } from './draw';
import type { GraphModel } from './model';
import type { GraphRenderer, Insets, RendererEvents } from './render-contract';
import { createRenderer, type RendererChoice } from './renderer';

export class Stage {
  readonly el: HTMLElement;
  readonly canvasHost: HTMLElement;
  private readonly messageEl: HTMLElement;
  readonly statusEl: HTMLElement;
  renderer: GraphRenderer | null = null;
  /** Why the graph is not drawn, or drawn the simple way; null when all is well. */
  problem: string | null = null;
  /** A renderer is being made. */
  creating = false;
  /** Neither renderer works here; not tried again until the stage is reset. */
  private failed = false;
  /** Bumped when the renderer is dropped: a renderer made for an older stage is killed when it arrives. */
  private epoch = 0;
  private insets: Insets | null = null;

  constructor(
    parent: HTMLElement,
    private readonly events: RendererEvents,
    private readonly choice: () => RendererChoice,
    private readonly cannotDraw: (reason: string) => string,
    /** A renderer is ready (or failed): the view refreshes its status. */
    private readonly ready: () => void,
  ) {
    this.el = parent.createDiv({ cls: 'ties-graph-stage' });
    this.canvasHost = this.el.createDiv({ cls: 'ties-graph-canvas' });
    this.messageEl = this.el.createDiv({ cls: 'ties-graph-message is-hidden' });
    this.statusEl = this.el.createDiv({ cls: 'ties-graph-status' });
  }

  /** Draws `model` (making the renderer the first time); `message` shows over the stage instead, when set. */
  show(model: GraphModel, message: string | null, theme: Theme, fit: (renderer: GraphRenderer) => void): void {
    this.message(message);
    if (this.renderer !== null) {
      this.renderer.setGraph(model.graph);
      fit(this.renderer);
      return;
    }
    if (message !== null || this.creating) return;
    if (this.failed) {
      this.message(this.cannotDraw(this.problem ?? ''));
      return;
    }
    const epoch = this.epoch;
    this.creating = true;
    const events: RendererEvents = {
      ...this.events,
      fallback: (reason) => {
        if (epoch !== this.epoch) return;
        this.problem = reason;
        this.events.fallback(reason);
      },
    };
    void createRenderer(this.canvasHost, model.graph, events, theme, this.choice()).then((outcome) => {
      this.creating = false;
      if (epoch !== this.epoch) {
        outcome.renderer?.kill();
        this.ready();
        return;
      }
      if (outcome.renderer === null) {
        this.failed = true;
        this.problem = outcome.reason;
        this.message(this.cannotDraw(outcome.reason));
      } else {
        this.renderer = outcome.renderer;
        this.problem = outcome.fallbackReason;
        if (this.insets) this.renderer.setInsets(this.insets);
      }
      this.ready();
    });
  }

  setInsets(insets: Insets): void {
    this.insets = insets;
    this.renderer?.setInsets(insets);
  }

  message(text: string | null): void {
    this.messageEl.setText(text ?? '');
    this.messageEl.toggleClass('is-hidden', text === null);
    this.canvasHost.toggleClass('is-hidden', text !== null);
  }

  status(text: string): void {
    this.statusEl.setText(text);
  }

  /** Drops the renderer (the renderer choice changed, or the view closes); the next `show` makes another. */
  reset(): void {
    this.epoch++;
    this.renderer?.kill();
    this.renderer = null;
    this.creating = false;
    this.failed = false;
  }
}
