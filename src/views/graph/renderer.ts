/**
 * Drawing the model: sigma v3 (WebGL) when the window can, else the Canvas2D renderer; when neither works,
 * `createRenderer` says why, and the view shows that instead of a blank pane. Both renderers highlight a hovered
 * person's neighbours, report hovers and clicks, and can centre on a person.
 */
import { afterPaint } from './schedule';
import { CanvasRenderer } from './canvas-renderer';
import type { Theme } from './draw';
import type { ModelGraph } from './model';
import type { PlacedLabel } from './labels';
import type { GraphRenderer, Insets, Point, RendererEvents } from './render-contract';

export type { GraphRenderer, RendererEvents } from './render-contract';

export type RendererChoice = 'auto' | 'canvas';

export type RendererOutcome = { renderer: GraphRenderer; fallbackReason: string | null } | { renderer: null; reason: string };

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Null when this window gives a WebGL context (tried on a canvas made in `container`), else why not. */
export function webglUnavailable(container: HTMLElement): string | null {
  let canvas: HTMLCanvasElement | null = null;
  try {
    canvas = container.createEl('canvas');
    if (typeof canvas.getContext !== 'function') return 'canvas elements cannot draw here';
    if (typeof WebGL2RenderingContext === 'undefined') return 'no WebGL 2';
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    // A probe: give the context back (browsers keep only a few alive).
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl ? null : 'no WebGL context';
  } catch (e) {
    return errorText(e);
  } finally {
    canvas?.remove();
  }
}


/**
 * Draws with the Canvas2D renderer at once, and moves to sigma when the view's work is done (`settled`: metrics
 * in, layout still). Asking for a WebGL context and starting sigma (compiling its WebGL programs) take a moment —
 * seconds on a software GPU —, and sigma re-indexes every node and edge for each step of a moving layout, where
 * the canvas renderer only redraws. The move keeps the graph, theme and focused person. Without WebGL the
 * Canvas2D renderer stays, and `events.fallback` says why.
 */
class UpgradingRenderer implements GraphRenderer {
  private inner: GraphRenderer;
  private graph: ModelGraph;
  private theme: Theme;
  private focused: string | null = null;
  /** The last fit asked for (undefined: none), so that sigma starts where the canvas was. */
  private fitted: readonly string[] | null | undefined = undefined;
  private insets: Insets | null = null;
  private killed = false;
  private readonly stopUpgrade: () => void;

  constructor(
    private readonly container: HTMLElement,
    first: GraphRenderer,
    graph: ModelGraph,
    private readonly events: RendererEvents,
    theme: Theme,
  ) {
    this.inner = first;
    this.graph = graph;
    this.theme = theme;
    let stopPaint: (() => void) | null = null;
    void events.settled().then(() => {
      if (!this.killed) stopPaint = afterPaint(() => void this.upgrade());
    });
    this.stopUpgrade = () => stopPaint?.();
  }

  get kind(): 'webgl' | 'canvas' {
    return this.inner.kind;
  }

  private async upgrade(): Promise<void> {
    if (this.killed) return;
    const reason = webglUnavailable(this.container);
    if (reason !== null) {
      this.events.fallback(reason);
      return;
    }
    try {
      const { SigmaRenderer } = await import('./sigma-renderer');
      if (this.killed) return;
      const sigma = new SigmaRenderer(this.container, this.graph, this.events, this.theme);
      this.inner.kill();
      this.inner = sigma;
      if (this.insets) sigma.setInsets(this.insets);
      if (this.focused !== null && this.graph.hasNode(this.focused)) sigma.focus(this.focused);
      else if (this.fitted !== undefined) sigma.fit(this.fitted, false);
    } catch (e) {
      // sigma could not start after all: the canvas renderer goes on drawing.
      this.events.fallback(errorText(e));
    }
  }

  setGraph(graph: ModelGraph): void {
    this.graph = graph;
    this.inner.setGraph(graph);
  }

  refresh(): void {
    this.inner.refresh();
  }

  focus(key: string): void {
    this.focused = key;
    this.fitted = undefined;
    this.inner.focus(key);
  }

  fit(keys: readonly string[] | null, animate?: boolean): void {
    this.fitted = keys;
    this.focused = null;
    this.inner.fit(keys, animate);
  }

  setInsets(insets: Insets): void {
    this.insets = insets;
    this.inner.setInsets(insets);
  }

  labels(): readonly PlacedLabel[] {
    return this.inner.labels();
  }

  resize(): void {
    this.inner.resize();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.inner.setTheme(theme);
  }

  screenPosition(key: string): Point | null {
    return this.inner.screenPosition(key);
  }

  frameTimes(clear?: boolean): number[] {
    return this.inner.frameTimes(clear);
  }

  kill(): void {
    this.killed = true;
    this.stopUpgrade();
    this.inner.kill();
  }
}

/**
 * The Canvas2D renderer, moving to sigma once the view's work is done when `choice` allows (see
 * UpgradingRenderer); else the reasons neither could draw. `fallbackReason` says why sigma is not used when that is
 * known now (the canvas renderer was asked for). sigma is loaded only when WebGL works: it reads WebGL constants as
 * it loads, which throws in a window without WebGL 2.
 */
export function createRenderer(container: HTMLElement, graph: ModelGraph, events: RendererEvents, theme: Theme, choice: RendererChoice = 'auto'): Promise<RendererOutcome> {
  try {
    const canvas = new CanvasRenderer(container, graph, events, theme);
    if (choice === 'auto') return Promise.resolve({ renderer: new UpgradingRenderer(container, canvas, graph, events, theme), fallbackReason: null });
    return Promise.resolve({ renderer: canvas, fallbackReason: 'the canvas renderer was asked for' });
  } catch (e) {
    container.empty();
    const webglReason = choice === 'canvas' ? 'the canvas renderer was asked for' : webglUnavailable(container);
    return Promise.resolve({ renderer: null, reason: `WebGL: ${webglReason ?? 'not tried'}; 2D canvas: ${errorText(e)}` });
  }
}
