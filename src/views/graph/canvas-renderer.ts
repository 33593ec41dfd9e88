/**
 * A Canvas2D renderer of the model: the first drawing of every graph (sigma takes over once the view's work is
 * done), the whole drawing where WebGL is missing, and the pixels the browser tests check. The same picture as
 * sigma (y up, sizes in px growing with the square root of the zoom, labels placed by labels.ts), with panning,
 * wheel zoom, dragging a node, hover, click, and a menu on right-click or a long press.
 */
import { boxOf, fitCamera, scaleFor, toGraph, toScreen, zoomAbout, type Box, type Camera } from './canvas-camera';
import { makePlan, type NodeStyle, type Plan } from './canvas-plan';
import { drawHover, drawLabels, labelFont, type Theme } from './draw';
import { placeLabels, TextWidths, type Disc, type LabelCandidate, type PlacedLabel } from './labels';
import { neighbourhood, type ModelGraph } from './model';
import { LONG_PRESS_MS, LONG_PRESS_SLOP, NO_INSETS, stageSizeFactor, zoomToSizeRatio, type GraphRenderer, type Insets, type Point, type RendererEvents } from './render-contract';

type Press = { x: number; y: number; node: string | null; moved: boolean; camX: number; camY: number; timer: number | null; menu: boolean };

export class CanvasRenderer implements GraphRenderer {
  readonly kind = 'canvas' as const;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private width = 1;
  private height = 1;
  /** Graph point at the centre of the view, and px per graph unit. */
  private camera: Camera = { x: 0, y: 0, scale: 1 };
  private insets: Insets = NO_INSETS;
  /** The camera has not been placed yet: the first frame fits. */
  private unplaced = true;
  /** The nodes the last fit showed, while the user has not moved the camera since: a moving layout stays fitted, as in sigma. */
  private fitted: readonly string[] | null | undefined = undefined;
  private xs = new Float64Array(0);
  private ys = new Float64Array(0);
  private rs = new Float64Array(0);
  private plan: Plan | null = null;
  private hovered: string | null = null;
  private near: Set<string> | null = null;
  private frame: number | null = null;
  private frames: number[] = [];
  private placed: PlacedLabel[] = [];
  private readonly widths = new TextWidths();
  private press: Press | null = null;
  private readonly off: (() => void)[] = [];

  constructor(private readonly container: HTMLElement, private graph: ModelGraph, private readonly events: RendererEvents, private theme: Theme) {
    this.canvas = container.createEl('canvas', { cls: 'ties-graph-canvas2d' });
    const ctx = typeof this.canvas.getContext === 'function' ? this.canvas.getContext('2d') : null;
    if (!ctx) {
      this.canvas.remove();
      throw new Error('no 2D canvas context');
    }
    this.ctx = ctx;
    const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void, opts?: AddEventListenerOptions) => {
      this.canvas.addEventListener(type, fn, opts);
      this.off.push(() => this.canvas.removeEventListener(type, fn, opts));
    };
    on('pointerdown', (e) => this.down(e));
    on('pointermove', (e) => this.move(e));
    on('pointerup', (e) => this.up(e));
    on('pointercancel', () => this.cancelPress());
    on('pointerleave', () => this.setHover(null, null));
    on('contextmenu', (e) => this.contextMenu(e));
    on('wheel', (e) => this.wheel(e), { passive: false });
    this.resize();
    this.setGraph(graph);
  }

  setGraph(graph: ModelGraph): void {
    this.graph = graph;
    this.hovered = null;
    this.near = null;
    this.plan = null;
    if (this.unplaced) this.fit(null);
    this.schedule();
  }

  refresh(): void {
    if (this.fitted !== undefined) this.fit(this.fitted);
    this.schedule();
  }

  fit(keys: readonly string[] | null): void {
    this.fitted = keys;
    const box = this.bbox(keys);
    if (box === null) return;
    // The stage may have changed size this very task (a panel opened): measure it now.
    if (this.container.clientWidth !== this.width || this.container.clientHeight !== this.height) this.resize();
    this.camera = fitCamera(box, this.width, this.height, this.insets, this.wholeScale);
    this.unplaced = false;
    this.schedule();
  }

  private bbox(keys: readonly string[] | null): Box | null {
    const g = this.graph;
    return boxOf(keys === null ? g.mapNodes((_k, a) => a) : keys.filter((k) => g.hasNode(k)).map((k) => g.getNodeAttributes(k)));
  }

  /** The scale at which the whole graph fits the stage: nodes have their own size there, as in sigma. */
  private get wholeScale(): number {
    const box = this.bbox(null);
    return box === null ? 1 : scaleFor(box, this.width, this.height, 1);
  }

  setInsets(insets: Insets): void {
    this.insets = insets;
  }

  focus(key: string): void {
    if (!this.graph.hasNode(key)) return;
    this.fitted = undefined;
    const a = this.graph.getNodeAttributes(key);
    this.camera = { x: a.x, y: a.y, scale: Math.max(this.camera.scale, this.wholeScale * 4) };
    this.unplaced = false;
    this.schedule();
  }

  resize(): void {
    const w = Math.max(1, this.container.clientWidth), h = Math.max(1, this.container.clientHeight);
    const ratio = this.container.win.devicePixelRatio || 1;
    this.width = w;
    this.height = h;
    this.canvas.width = Math.round(w * ratio);
    this.canvas.height = Math.round(h * ratio);
    this.ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.schedule();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.plan = null;
    this.schedule();
  }

  screenPosition(key: string): Point | null {
    if (!this.graph.hasNode(key)) return null;
    const a = this.graph.getNodeAttributes(key);
    return this.toScreen(a.x, a.y);
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
    if (this.frame !== null) this.container.win.cancelAnimationFrame(this.frame);
    this.frame = null;
    this.cancelPress();
    for (const off of this.off) off();
    this.canvas.remove();
  }

  // ---------------------------------------------------------------------------------------- geometry

  /** Node sizes follow the zoom as in sigma (render-contract.ts zoomToSizeRatio; 1 = the whole graph fitted). */
  private sizeRatio(): number {
    return stageSizeFactor(this.width, this.height) / zoomToSizeRatio(this.wholeScale / this.camera.scale);
  }

  private toScreen(x: number, y: number): Point {
    return toScreen(this.camera, this.width, this.height, x, y);
  }

  private toGraph(x: number, y: number): Point {
    return toGraph(this.camera, this.width, this.height, x, y);
  }

  /** The topmost node under a point (px), with a little slack for fingers. */
  private nodeAt(x: number, y: number): string | null {
    const plan = this.plan;
    if (!plan) return null;
    for (let f = plan.fills.length - 1; f >= 0; f--) {
      const list = plan.fills[f]!.nodes;
      for (let k = list.length - 1; k >= 0; k--) {
        const i = list[k]!;
        if ((this.xs[i]! - x) ** 2 + (this.ys[i]! - y) ** 2 <= (this.rs[i]! + 3) ** 2) return plan.nodes[i]!.key;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------- input

  private local(e: MouseEvent): Point {
    const rect = this.canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  private down(e: PointerEvent): void {
    if (e.button !== 0) return;
    const p = this.local(e);
    const node = this.nodeAt(p.x, p.y);
    const press: Press = { x: p.x, y: p.y, node, moved: false, camX: this.camera.x, camY: this.camera.y, timer: null, menu: false };
    if (node !== null && e.pointerType === 'touch')
      press.timer = this.container.win.setTimeout(() => {
        press.timer = null;
        press.menu = true;
        this.events.menu(node, { x: e.clientX, y: e.clientY }, e);
      }, LONG_PRESS_MS);
    this.press = press;
    try {
      this.canvas.setPointerCapture(e.pointerId);
    } catch {
      // Synthetic events have no active pointer to capture.
    }
  }

  private move(e: PointerEvent): void {
    const p = this.local(e);
    const press = this.press;
    if (press) {
      const dx = p.x - press.x, dy = p.y - press.y;
      if (!press.moved && Math.abs(dx) + Math.abs(dy) > LONG_PRESS_SLOP) {
        press.moved = true;
        this.cancelTimer(press);
      }
      if (press.moved && !press.menu) {
        this.fitted = undefined;
        if (press.node !== null) this.dragTo(press.node, p, false);
        else {
          this.camera.x = press.camX - dx / this.camera.scale;
          this.camera.y = press.camY + dy / this.camera.scale;
          this.schedule();
        }
        return;
      }
    }
    this.setHover(this.nodeAt(p.x, p.y), p);
  }

  private up(e: PointerEvent): void {
    const press = this.press;
    this.cancelPress();
    if (!press || press.menu) return;
    if (press.moved && press.node !== null) this.dragTo(press.node, this.local(e), true);
    else if (!press.moved && press.node !== null) this.events.click(press.node, e);
  }

  private dragTo(key: string, p: Point, done: boolean): void {
    if (!this.graph.hasNode(key)) return;
    const at = this.toGraph(p.x, p.y);
    this.graph.mergeNodeAttributes(key, at);
    this.events.drag(key, at, done);
    this.schedule();
  }

  private contextMenu(e: MouseEvent): void {
    // A long press has opened the menu already (phones fire contextmenu after it too).
    if (this.press?.menu) return e.preventDefault();
    const p = this.local(e);
    const node = this.nodeAt(p.x, p.y);
    if (node === null) return;
    e.preventDefault();
    this.events.menu(node, { x: e.clientX, y: e.clientY }, e);
  }

  private cancelTimer(press: Press): void {
    if (press.timer !== null) this.container.win.clearTimeout(press.timer);
    press.timer = null;
  }

  private cancelPress(): void {
    if (this.press) this.cancelTimer(this.press);
    this.press = null;
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    this.fitted = undefined;
    this.camera = zoomAbout(this.camera, this.width, this.height, this.local(e), e.deltaY < 0 ? 1.25 : 0.8);
    this.schedule();
  }

  private setHover(key: string | null, at: Point | null): void {
    if (key === this.hovered) return;
    this.hovered = key;
    this.near = neighbourhood(this.graph, key);
    this.plan = null;
    this.canvas.toggleClass('is-hovering', key !== null);
    this.events.hover(key, key === null ? null : at);
    this.schedule();
  }

  // ---------------------------------------------------------------------------------------- drawing

  private schedule(): void {
    if (this.frame !== null) return;
    this.frame = this.container.win.requestAnimationFrame(() => {
      this.frame = null;
      const start = performance.now();
      this.render();
      this.frames.push(performance.now() - start);
      if (this.frames.length > 120) this.frames.shift();
    });
  }

  /** Draws now (the browser tests read pixels after this). */
  render(): void {
    const { ctx, width, height } = this;
    ctx.clearRect(0, 0, width, height);
    const plan = (this.plan ??= makePlan(this.graph, this.hovered, this.near, this.theme.background));
    const n = plan.nodes.length;
    if (this.xs.length !== n) {
      this.xs = new Float64Array(n);
      this.ys = new Float64Array(n);
      this.rs = new Float64Array(n);
    }
    const { xs, ys, rs } = this;
    const s = this.camera.scale, cx = this.camera.x, cy = this.camera.y, hw = width / 2, hh = height / 2, sr = this.sizeRatio();
    let i = 0;
    this.graph.forEachNode((_key, a) => {
      xs[i] = hw + (a.x - cx) * s;
      ys[i] = hh - (a.y - cy) * s;
      rs[i] = plan.nodes[i]!.size * sr;
      i++;
    });

    // Lines, lowest zIndex first, arrows among the lines of their depth.
    let arrow = 0;
    const arrows = plan.arrows;
    for (const b of plan.lines) {
      while (arrow < arrows.length && arrows[arrow]!.z < b.z) this.arrow(arrows[arrow++]!);
      ctx.strokeStyle = b.color;
      ctx.lineWidth = b.width;
      ctx.beginPath();
      const ends = b.ends;
      for (let e = 0; e < ends.length; e += 2) {
        ctx.moveTo(xs[ends[e]!]!, ys[ends[e]!]!);
        ctx.lineTo(xs[ends[e + 1]!]!, ys[ends[e + 1]!]!);
      }
      ctx.stroke();
    }
    while (arrow < arrows.length) this.arrow(arrows[arrow++]!);

    // Discs: by zIndex, those of one colour in one path.
    for (const f of plan.fills) {
      ctx.fillStyle = f.color;
      ctx.beginPath();
      for (const k of f.nodes) {
        ctx.moveTo(xs[k]! + rs[k]!, ys[k]!);
        ctx.arc(xs[k]!, ys[k]!, rs[k]!, 0, Math.PI * 2);
      }
      ctx.fill();
    }

    // Labels: placed so that none overlaps another or covers a node.
    const discs: Disc[] = [];
    for (let k = 0; k < n; k++) discs.push({ x: xs[k]!, y: ys[k]!, r: rs[k]! });
    const font = labelFont(this.theme);
    const candidates = function* (nodes: NodeStyle[], order: Plan['labelOrder']): Generator<LabelCandidate> {
      for (const { node, forced } of order) {
        const style = nodes[node]!;
        if (style.highlighted || style.label === '') continue;
        yield { disc: node, x: xs[node]!, y: ys[node]!, r: rs[node]!, text: style.label, forced, dimmed: style.dimmed };
      }
    };
    this.placed = placeLabels(discs, candidates(plan.nodes, plan.labelOrder), width, height, this.theme.labelSize, (t) => this.widths.width(ctx, font, t));
    drawLabels(ctx, this.placed, this.theme);
    for (let k = 0; k < n; k++) if (plan.nodes[k]!.highlighted) drawHover(ctx, { x: xs[k]!, y: ys[k]!, size: rs[k]!, label: plan.nodes[k]!.label }, this.theme);
  }

  /** A line that ends in an arrowhead at the edge of the target's disc. */
  private arrow(a: Plan['arrows'][number]): void {
    const { ctx, xs, ys, rs } = this;
    const fx = xs[a.from]!, fy = ys[a.from]!, tx = xs[a.to]!, ty = ys[a.to]!, tr = rs[a.to]!;
    const dx = tx - fx, dy = ty - fy, len = Math.hypot(dx, dy);
    if (len === 0) return;
    const ux = dx / len, uy = dy / len;
    const head = Math.max(6, a.width * 3);
    const endX = tx - ux * (tr + head), endY = ty - uy * (tr + head);
    ctx.strokeStyle = a.color;
    ctx.lineWidth = a.width;
    ctx.beginPath();
    ctx.moveTo(fx, fy);
    ctx.lineTo(endX, endY);
    ctx.stroke();
    ctx.fillStyle = a.color;
    const tipX = tx - ux * tr, tipY = ty - uy * tr;
    ctx.beginPath();
    ctx.moveTo(tipX, tipY);
    ctx.lineTo(endX - uy * head * 0.6, endY + ux * head * 0.6);
    ctx.lineTo(endX + uy * head * 0.6, endY - ux * head * 0.6);
    ctx.closePath();
    ctx.fill();
  }
}
