/**
 * The WebGL renderer: sigma v3 over the model graph, with hover highlighting through reducers, labels placed
 * by labels.ts (drawn on sigma's label layer after each frame, instead of sigma's own grid, so they never
 * overlap each other or cover a node), hover boxes in the theme's colours, dragging a node, and a menu on
 * right-click or a long press. Loaded on demand (renderer.ts), only where WebGL works.
 */
import Sigma from 'sigma';
import { fade } from './colours';
import { drawHover, drawLabels, FADE_EDGE, FADE_NODE, labelFont, type Theme } from './draw';
import { labelOrder, placeLabels, TextWidths, type Disc, type LabelCandidate, type PlacedLabel } from './labels';
import { neighbourhood, type ModelEdge, type ModelGraph, type ModelNode } from './model';
import { LONG_PRESS_MS, LONG_PRESS_SLOP, NO_INSETS, stageSizeFactor, zoomToSizeRatio, type GraphRenderer, type Insets, type Point, type RendererEvents } from './render-contract';

const PADDING = 40;

export class SigmaRenderer implements GraphRenderer {
  readonly kind = 'webgl' as const;
  private readonly sigma: Sigma<ModelNode, ModelEdge>;
  private hovered: string | null = null;
  private near: Set<string> | null = null;
  private frames: number[] = [];
  private frameStart = 0;
  private insets: Insets = NO_INSETS;
  /** Node sizes on this stage (render-contract.ts stageSizeFactor). */
  private stageFactor = 1;
  private order: { key: string; forced: boolean }[] | null = null;
  private placed: PlacedLabel[] = [];
  private readonly widths = new TextWidths();
  private press: { key: string; at: Point; moved: boolean; timer: number | null; menu: boolean } | null = null;
  private swallowClick = false;
  /** sigma has processed the graph as it is now at this stage size (setGraph does, in the same task). */
  private processed = false;

  constructor(private readonly container: HTMLElement, private graph: ModelGraph, private readonly events: RendererEvents, private theme: Theme) {
    this.sigma = new Sigma<ModelNode, ModelEdge>(graph, container, {
      allowInvalidContainer: true,
      zIndex: true,
      renderEdgeLabels: false,
      // Labels are placed and drawn after each frame (drawLabelLayer).
      renderLabels: false,
      labelFont: theme.font,
      labelSize: theme.labelSize,
      labelColor: { color: theme.text },
      minEdgeThickness: 1,
      zoomToSizeRatioFunction: (ratio) => zoomToSizeRatio(ratio) / this.stageFactor,
      stagePadding: PADDING,
      defaultDrawNodeHover: (ctx, data) => drawHover(ctx, data, this.theme),
      nodeReducer: (node, data) => {
        if (this.near === null) return data;
        if (node === this.hovered) return { ...data, highlighted: true, zIndex: 3 };
        if (this.near.has(node)) return { ...data, zIndex: 2 };
        return { ...data, color: fade(data.color, FADE_NODE, this.theme.background), zIndex: 0 };
      },
      edgeReducer: (edge, data) => {
        if (this.near === null) return data;
        const [s, t] = this.graph.extremities(edge);
        return s === this.hovered || t === this.hovered ? { ...data, zIndex: 3 } : { ...data, color: fade(data.color, FADE_EDGE, this.theme.background), zIndex: 0 };
      },
    });
    const s = this.sigma;
    this.measureStage();
    s.scheduleRefresh();
    s.on('enterNode', ({ node, event }) => {
      if (this.press?.moved) return;
      this.hover(node);
      this.events.hover(node, { x: event.x, y: event.y });
    });
    s.on('leaveNode', () => {
      if (this.press?.moved) return;
      this.hover(null);
      this.events.hover(null, null);
    });
    s.on('clickNode', ({ node, event }) => {
      // The click that ends a drag or a long press is not a click on the node.
      if (this.swallowClick) return;
      this.events.click(node, event.original);
    });
    s.on('rightClickNode', ({ node, event }) => {
      event.original.preventDefault();
      // A long press has opened the menu already (phones fire contextmenu after it too).
      if (this.press?.menu || this.swallowClick) return;
      const original = event.original;
      const at = 'clientX' in original ? { x: original.clientX, y: original.clientY } : this.pagePoint(event);
      this.events.menu(node, at, original);
    });
    s.on('downNode', ({ node, event }) => {
      const press = { key: node, at: { x: event.x, y: event.y }, moved: false, timer: null as number | null, menu: false };
      if (typeof TouchEvent !== 'undefined' && event.original instanceof TouchEvent)
        press.timer = this.container.win.setTimeout(() => {
          press.timer = null;
          press.menu = true;
          this.events.menu(node, this.pagePoint(event), event.original);
        }, LONG_PRESS_MS);
      this.press = press;
    });
    s.on('moveBody', (payload) => {
      const { event } = payload;
      const press = this.press;
      if (!press || press.menu) return;
      if (!press.moved && Math.abs(event.x - press.at.x) + Math.abs(event.y - press.at.y) <= LONG_PRESS_SLOP) return;
      press.moved = true;
      this.stopTimer();
      // A node is dragged: the camera stays.
      payload.preventSigmaDefault();
      const at = s.viewportToGraph(event);
      this.graph.mergeNodeAttributes(press.key, at);
      this.processed = false;
      this.events.drag(press.key, at, false);
    });
    const release = () => {
      const press = this.press;
      this.stopTimer();
      this.press = null;
      if (press?.moved || press?.menu) {
        this.swallowClick = true;
        this.container.win.setTimeout(() => (this.swallowClick = false), 0);
      }
      if (press?.moved && this.graph.hasNode(press.key)) {
        const a = this.graph.getNodeAttributes(press.key);
        this.events.drag(press.key, { x: a.x, y: a.y }, true);
      }
    };
    s.on('upNode', release);
    s.on('upStage', release);
    s.on('beforeRender', () => (this.frameStart = performance.now()));
    s.on('afterRender', () => {
      this.drawLabelLayer();
      this.frames.push(performance.now() - this.frameStart);
      if (this.frames.length > 120) this.frames.shift();
    });
  }

  private pagePoint(event: { x: number; y: number }): Point {
    const rect = this.container.getBoundingClientRect();
    return { x: rect.left + event.x, y: rect.top + event.y };
  }

  private stopTimer(): void {
    if (this.press?.timer != null) this.container.win.clearTimeout(this.press.timer);
    if (this.press) this.press.timer = null;
  }

  private hover(key: string | null): void {
    this.hovered = key;
    this.near = neighbourhood(this.graph, key);
    this.order = null;
    this.sigma.refresh({ skipIndexation: true });
  }

  /** Labels for this frame: in order of importance, none over another or over a node. */
  private drawLabelLayer(): void {
    const canvas = this.sigma.getCanvases().labels;
    const ctx = canvas?.getContext('2d');
    if (!ctx) return;
    const { width, height } = this.sigma.getDimensions();
    const graph = this.graph;
    const s = this.sigma;
    const discs: Disc[] = [];
    const discOf = new Map<string, number>();
    const ratio = s.getCamera().getState().ratio;
    graph.forEachNode((key, a) => {
      const p = s.graphToViewport(a);
      const d = s.getNodeDisplayData(key);
      discOf.set(key, discs.length);
      discs.push({ x: p.x, y: p.y, r: s.scaleSize(d?.size ?? a.size, ratio) });
    });
    const order = (this.order ??= labelOrder(graph, this.hovered, this.near));
    const candidates = function* (): Generator<LabelCandidate> {
      for (const { key, forced } of order) {
        const a = graph.getNodeAttributes(key);
        if (a.highlighted || key === undefined || !a.label) continue;
        const disc = discOf.get(key)!;
        yield { disc, ...discs[disc]!, text: a.label, forced, dimmed: a.dimmed };
      }
    };
    const font = labelFont(this.theme);
    this.placed = placeLabels(discs, candidates(), width, height, this.theme.labelSize, (t) => this.widths.width(ctx, font, t));
    drawLabels(ctx, this.placed, this.theme);
  }

  setGraph(graph: ModelGraph): void {
    this.graph = graph;
    this.hovered = null;
    this.near = null;
    this.order = null;
    this.sigma.setGraph(graph);
    this.processed = true;
  }

  refresh(): void {
    this.processed = false;
    this.order = null;
    // The graph's attribute events have scheduled a refresh already; this joins it (one pass per frame).
    this.sigma.scheduleRefresh();
  }

  fit(keys: readonly string[] | null, animate = true): void {
    const s = this.sigma;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity, biggest = 0;
    const take = (a: { x: number; y: number; size: number }) => {
      minX = Math.min(minX, a.x); maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y);
      biggest = Math.max(biggest, a.size);
    };
    if (keys === null) this.graph.forEachNode((_k, a) => take(a));
    else for (const k of keys) if (this.graph.hasNode(k)) take(this.graph.getNodeAttributes(k));
    if (!Number.isFinite(minX)) return;
    // The stage may have changed size this very task (a panel opened): measure it now. A graph just set is
    // processed already (setGraph draws at once): a second full pass would double the cost of opening a group.
    const { width: w0, height: h0 } = s.getDimensions();
    s.resize();
    this.measureStage();
    const resized = s.getDimensions().width !== w0 || s.getDimensions().height !== h0;
    if (resized || !this.processed) s.refresh();
    this.processed = false;
    const { width, height } = s.getDimensions();
    const { top, right, bottom, left } = this.insets;
    // Camera states are in sigma's framed coordinates: measure the box's size on screen at ratio 1, then scale.
    const centre = s.viewportToFramedGraph(s.graphToViewport({ x: (minX + maxX) / 2, y: (minY + maxY) / 2 }));
    const probe = { x: centre.x, y: centre.y, ratio: 1, angle: 0 };
    const a = s.graphToViewport({ x: minX, y: minY }, { cameraState: probe });
    const b = s.graphToViewport({ x: maxX, y: maxY }, { cameraState: probe });
    // Room for the nodes at the edge themselves: they grow as the camera zooms in.
    const pad = PADDING + 1.5 * biggest;
    const freeW = Math.max(40, width - left - right - 2 * pad), freeH = Math.max(40, height - top - bottom - 2 * pad);
    const ratio = Math.min(2, Math.max(0.1, Math.abs(b.x - a.x) / freeW, Math.abs(b.y - a.y) / freeH));
    // The box's middle shows in the middle of the free area: the camera centres on the point that, seen from
    // the box's middle, lies as far the other way.
    const target = { x: centre.x, y: centre.y, ratio, angle: 0 };
    const want = { x: left + (width - left - right) / 2, y: top + (height - top - bottom) / 2 };
    const there = s.viewportToFramedGraph({ x: width - want.x, y: height - want.y }, { cameraState: target });
    const state = { x: there.x, y: there.y, ratio, angle: 0 };
    if (animate) void s.getCamera().animate(state, { duration: 300 });
    else s.getCamera().setState(state);
  }

  setInsets(insets: Insets): void {
    this.insets = insets;
  }

  focus(key: string): void {
    const d = this.sigma.getNodeDisplayData(key);
    if (!d) return;
    void this.sigma.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(0.4, this.sigma.getCamera().getState().ratio) }, { duration: 400 });
  }

  resize(): void {
    this.sigma.resize();
    this.measureStage();
    this.sigma.refresh();
  }

  private measureStage(): void {
    const { width, height } = this.sigma.getDimensions();
    this.stageFactor = stageSizeFactor(width, height);
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.sigma.setSetting('labelColor', { color: theme.text });
    this.sigma.setSetting('labelFont', theme.font);
  }

  screenPosition(key: string): Point | null {
    if (!this.graph.hasNode(key)) return null;
    const { x, y } = this.graph.getNodeAttributes(key);
    return this.sigma.graphToViewport({ x, y });
  }

  labels(): readonly PlacedLabel[] {
    return this.placed;
  }

  frameTimes(clear = false): number[] {
    const out = [...this.frames];
    if (clear) this.frames = [];
    return out;
  }

  kill(): void {
    this.stopTimer();
    this.sigma.kill();
  }
}
