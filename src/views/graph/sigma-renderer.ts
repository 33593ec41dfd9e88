/**
 * The WebGL renderer: sigma v3 over the model graph, with hover highlighting through reducers and labels and
 * hover boxes in the theme's colours. Loaded on demand (renderer.ts), only where WebGL works.
 */
import Sigma from 'sigma';
import { drawHover, drawLabel, FADE_EDGE, FADE_NODE, LabelSpace, type Theme } from './draw';
import { fade, neighbourhood, type ModelEdge, type ModelGraph, type ModelNode } from './model';
import { labelDensity, labelThreshold, type GraphRenderer, type RendererEvents } from './render-contract';

export class SigmaRenderer implements GraphRenderer {
  readonly kind = 'webgl' as const;
  private readonly sigma: Sigma<ModelNode, ModelEdge>;
  private hovered: string | null = null;
  private near: Set<string> | null = null;
  private frames: number[] = [];
  private frameStart = 0;
  private readonly labels = new LabelSpace();

  constructor(container: HTMLElement, private graph: ModelGraph, private readonly events: RendererEvents, private theme: Theme) {
    this.sigma = new Sigma<ModelNode, ModelEdge>(graph, container, {
      allowInvalidContainer: true,
      zIndex: true,
      renderEdgeLabels: false,
      labelFont: theme.font,
      labelSize: theme.labelSize,
      labelColor: { color: theme.text },
      labelDensity: labelDensity(graph),
      labelRenderedSizeThreshold: labelThreshold(graph),
      minEdgeThickness: 1,
      stagePadding: 40,
      defaultDrawNodeLabel: (ctx, data) => drawLabel(ctx, data, this.theme, this.labels),
      defaultDrawNodeHover: (ctx, data) => drawHover(ctx, data, this.theme),
      nodeReducer: (node, data) => {
        if (this.near === null) return data;
        if (node === this.hovered) return { ...data, highlighted: true, zIndex: 3 };
        if (this.near.has(node)) return { ...data, forceLabel: true, zIndex: 2 };
        return { ...data, color: fade(data.color, FADE_NODE, this.theme.background), label: null, forceLabel: false, zIndex: 0 };
      },
      edgeReducer: (edge, data) => {
        if (this.near === null) return data;
        const [s, t] = this.graph.extremities(edge);
        return s === this.hovered || t === this.hovered ? { ...data, zIndex: 3 } : { ...data, color: fade(data.color, FADE_EDGE, this.theme.background), zIndex: 0 };
      },
    });
    this.sigma.on('enterNode', ({ node, event }) => {
      this.hover(node);
      this.events.hover(node, { x: event.x, y: event.y });
    });
    this.sigma.on('leaveNode', () => {
      this.hover(null);
      this.events.hover(null, null);
    });
    this.sigma.on('clickNode', ({ node, event }) => this.events.click(node, event.original));
    this.sigma.on('beforeRender', () => {
      this.frameStart = performance.now();
      this.labels.clear();
    });
    this.sigma.on('afterRender', () => {
      this.frames.push(performance.now() - this.frameStart);
      if (this.frames.length > 120) this.frames.shift();
    });
  }

  private hover(path: string | null): void {
    this.hovered = path;
    this.near = neighbourhood(this.graph, path);
    this.sigma.refresh({ skipIndexation: true });
  }

  setGraph(graph: ModelGraph): void {
    this.graph = graph;
    this.hovered = null;
    this.near = null;
    this.sigma.setSetting('labelRenderedSizeThreshold', labelThreshold(graph));
    this.sigma.setSetting('labelDensity', labelDensity(graph));
    this.sigma.setGraph(graph);
  }

  refresh(): void {
    // The graph's attribute events have scheduled a refresh already; this joins it (one pass per frame).
    this.sigma.scheduleRefresh();
  }

  focus(path: string): void {
    const d = this.sigma.getNodeDisplayData(path);
    if (!d) return;
    void this.sigma.getCamera().animate({ x: d.x, y: d.y, ratio: 0.4 }, { duration: 400 });
  }

  resize(): void {
    this.sigma.resize();
    this.sigma.refresh();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.sigma.setSetting('labelColor', { color: theme.text });
    this.sigma.setSetting('labelFont', theme.font);
  }

  screenPosition(path: string): { x: number; y: number } | null {
    if (!this.graph.hasNode(path)) return null;
    const { x, y } = this.graph.getNodeAttributes(path);
    return this.sigma.graphToViewport({ x, y });
  }

  frameTimes(clear = false): number[] {
    const out = [...this.frames];
    if (clear) this.frames = [];
    return out;
  }

  kill(): void {
    this.sigma.kill();
  }
}
