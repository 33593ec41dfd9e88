/**
 * A Canvas2D renderer of the model, for windows without WebGL (and for pixel checks in the browser tests):
 * the same picture as sigma (y up, sizes in px growing with the square root of the zoom, labels that do not
 * overlap), with panning, wheel zoom, hover and click.
 */
import { drawHover, drawLabel, FADE_EDGE, FADE_NODE, LabelSpace, type Theme } from './draw';
import { fade, neighbourhood, type ModelGraph } from './model';
import { labelThreshold, type GraphRenderer, type RendererEvents } from './render-contract';

const PADDING = 40;

interface Drawn {
  path: string;
  x: number;
  y: number;
  r: number;
  color: string;
  label: string;
  forceLabel: boolean;
  highlighted: boolean;
  dimmed: boolean;
  zIndex: number;
}

/** A node's look (Drawn without the place on screen), by the node's index in the graph's order. */
type NodeStyle = Omit<Drawn, 'x' | 'y' | 'r'> & { size: number };

/** Lines of one colour and width at one depth, as node indices: one path and one stroke for all of them. */
interface Batch {
  z: number;
  color: string;
  width: number;
  ends: number[];
}

interface Plan {
  nodes: NodeStyle[];
  /** Node indices, lowest zIndex first (stable), and each node's place in that order. */
  order: number[];
  position: Int32Array;
  /** Discs of one colour at one depth, in drawing order. */
  fills: { color: string; nodes: number[] }[];
  /** Who gets a label first: forced labels, then the biggest nodes. */
  labelOrder: number[];
  lines: Batch[];
  /** introduced_by edges, each with its arrowhead, lowest zIndex first. */
  arrows: { z: number; from: number; to: number; color: string; width: number }[];
}

export class CanvasRenderer implements GraphRenderer {
  readonly kind = 'canvas' as const;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private width = 1;
  private height = 1;
  /** Graph point at the centre of the view, and the zoom (1 = fitted). */
  private camera = { x: 0, y: 0, zoom: 1 };
  private fit = { cx: 0, cy: 0, scale: 1 };
  private drawn: Drawn[] = [];
  /** How nodes and edges look, until the graph, the hovered person or the theme changes; positions are read per frame. */
  private plan: Plan | null = null;
  private hovered: string | null = null;
  private near: Set<string> | null = null;
  private frame: number | null = null;
  private frames: number[] = [];
  private drag: { x: number; y: number; moved: boolean; camX: number; camY: number } | null = null;
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
    on('pointerleave', () => this.setHover(null, null));
    on('wheel', (e) => this.wheel(e), { passive: false });
    this.resize();
    this.setGraph(graph);
  }

  setGraph(graph: ModelGraph): void {
    this.graph = graph;
    this.hovered = null;
    this.near = null;
    this.plan = null;
    this.camera = { x: 0, y: 0, zoom: 1 };
    this.refit();
    this.camera.x = this.fit.cx;
    this.camera.y = this.fit.cy;
    this.schedule();
  }

  refresh(): void {
    // Positions moved (a layout running): keep the picture fitted, as sigma does.
    const centred = this.camera.x === this.fit.cx && this.camera.y === this.fit.cy;
    this.refit();
    if (centred) {
      this.camera.x = this.fit.cx;
      this.camera.y = this.fit.cy;
    }
    this.schedule();
  }

  focus(path: string): void {
    if (!this.graph.hasNode(path)) return;
    const a = this.graph.getNodeAttributes(path);
    this.camera = { x: a.x, y: a.y, zoom: 2.5 };
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
    this.refit();
    this.schedule();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.plan = null;
    this.schedule();
  }

  screenPosition(path: string): { x: number; y: number } | null {
    if (!this.graph.hasNode(path)) return null;
    const a = this.graph.getNodeAttributes(path);
    return this.toScreen(a.x, a.y);
  }

  frameTimes(clear = false): number[] {
    const out = [...this.frames];
    if (clear) this.frames = [];
    return out;
  }

  kill(): void {
    if (this.frame !== null) this.container.win.cancelAnimationFrame(this.frame);
    this.frame = null;
    for (const off of this.off) off();
    this.canvas.remove();
  }

  // ---------------------------------------------------------------------------------------- geometry

  private refit(): void {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    this.graph.forEachNode((_n, a) => {
      minX = Math.min(minX, a.x); maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y);
    });
    if (!Number.isFinite(minX)) {
      this.fit = { cx: 0, cy: 0, scale: 1 };
      return;
    }
    const w = Math.max(1, this.width - 2 * PADDING), h = Math.max(1, this.height - 2 * PADDING);
    const bw = maxX - minX, bh = maxY - minY;
    const scale = bw === 0 && bh === 0 ? 1 : Math.min(bw > 0 ? w / bw : Infinity, bh > 0 ? h / bh : Infinity);
    this.fit = { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, scale };
  }

  private toScreen(x: number, y: number): { x: number; y: number } {
    const s = this.fit.scale * this.camera.zoom;
    return { x: this.width / 2 + (x - this.camera.x) * s, y: this.height / 2 - (y - this.camera.y) * s };
  }

  private nodeAt(x: number, y: number): string | null {
    for (let i = this.drawn.length - 1; i >= 0; i--) {
      const d = this.drawn[i]!;
      if ((d.x - x) ** 2 + (d.y - y) ** 2 <= (d.r + 2) ** 2) return d.path;
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------- input

  private local(e: MouseEvent): { x: number; y: number } {
    const rect = this.canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  private down(e: PointerEvent): void {
    const p = this.local(e);
    this.drag = { x: p.x, y: p.y, moved: false, camX: this.camera.x, camY: this.camera.y };
    try {
      this.canvas.setPointerCapture(e.pointerId);
    } catch {
      // Synthetic events have no active pointer to capture.
    }
  }

  private move(e: PointerEvent): void {
    const p = this.local(e);
    if (this.drag) {
      const dx = p.x - this.drag.x, dy = p.y - this.drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) this.drag.moved = true;
      if (this.drag.moved) {
        const s = this.fit.scale * this.camera.zoom;
        this.camera.x = this.drag.camX - dx / s;
        this.camera.y = this.drag.camY + dy / s;
        this.schedule();
        return;
      }
    }
    this.setHover(this.nodeAt(p.x, p.y), p);
  }

  private up(e: PointerEvent): void {
    const drag = this.drag;
    this.drag = null;
    if (drag && !drag.moved) {
      const p = this.local(e);
      const node = this.nodeAt(p.x, p.y);
      if (node !== null) this.events.click(node, e);
    }
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    const p = this.local(e);
    const s = this.fit.scale * this.camera.zoom;
    // The graph point under the pointer stays under it.
    const gx = this.camera.x + (p.x - this.width / 2) / s, gy = this.camera.y - (p.y - this.height / 2) / s;
    const zoom = Math.min(40, Math.max(0.2, this.camera.zoom * (e.deltaY < 0 ? 1.25 : 0.8)));
    const s2 = this.fit.scale * zoom;
    this.camera = { zoom, x: gx - (p.x - this.width / 2) / s2, y: gy + (p.y - this.height / 2) / s2 };
    this.schedule();
  }

  private setHover(path: string | null, at: { x: number; y: number } | null): void {
    if (path === this.hovered) return;
    this.hovered = path;
    this.near = neighbourhood(this.graph, path);
    this.plan = null;
    this.canvas.toggleClass('is-hovering', path !== null);
    this.events.hover(path, path === null ? null : at);
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
    const plan = (this.plan ??= this.makePlan());
    const sizeRatio = Math.sqrt(this.camera.zoom);
    const n = plan.nodes.length;
    const xs = new Float64Array(n), ys = new Float64Array(n);
    let next = 0;
    this.graph.forEachNode((_path, a) => {
      const p = this.toScreen(a.x, a.y);
      xs[next] = p.x;
      ys[next++] = p.y;
    });
    const drawn: Drawn[] = plan.order.map((k) => {
      const s = plan.nodes[k]!;
      return { path: s.path, x: xs[k]!, y: ys[k]!, r: s.size * sizeRatio, color: s.color, label: s.label, forceLabel: s.forceLabel, highlighted: s.highlighted, dimmed: s.dimmed, zIndex: s.zIndex };
    });
    this.drawn = drawn;
    const at = (k: number): Drawn => drawn[plan.position[k]!]!;

    // Edges, lowest zIndex first, arrows among the lines of their depth.
    let arrow = 0;
    const arrows = plan.arrows;
    for (const b of plan.lines) {
      while (arrow < arrows.length && arrows[arrow]!.z < b.z) this.arrowOf(arrows[arrow++]!, at);
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
    while (arrow < arrows.length) this.arrowOf(arrows[arrow++]!, at);

    // Nodes: by zIndex, those of one colour in one path.
    for (const f of plan.fills) {
      ctx.fillStyle = f.color;
      ctx.beginPath();
      for (const k of f.nodes) {
        const d = at(k);
        ctx.moveTo(d.x + d.r, d.y);
        ctx.arc(d.x, d.y, d.r, 0, Math.PI * 2);
      }
      ctx.fill();
    }

    // Labels: forced ones, then the biggest nodes, none over another.
    const threshold = labelThreshold(this.graph);
    const space = new LabelSpace();
    for (const k of plan.labelOrder) {
      const d = at(k);
      if (d.highlighted || !d.label || (!d.forceLabel && d.r < threshold)) continue;
      if (d.x < -50 || d.y < -20 || d.x > width + 50 || d.y > height + 20) continue;
      drawLabel(ctx, { x: d.x, y: d.y, size: d.r, label: d.label, forceLabel: d.forceLabel, dimmed: d.dimmed }, this.theme, space);
    }
    for (const d of drawn) if (d.highlighted) drawHover(ctx, { x: d.x, y: d.y, size: d.r, label: d.label }, this.theme);
  }

  /** The look of every node and edge, with the hovered person's neighbourhood in front and the rest faded. */
  private makePlan(): Plan {
    const { near, hovered } = this;
    const background = this.theme.background;
    const nodes: NodeStyle[] = [];
    const index = new Map<string, number>();
    const fadedNode = new Map<string, string>();
    this.graph.forEachNode((path, a) => {
      let color = a.color, zIndex = a.zIndex, label = a.label, forceLabel = a.forceLabel, highlighted = a.highlighted;
      if (near && path === hovered) {
        highlighted = true;
        zIndex = 3;
      } else if (near?.has(path)) {
        forceLabel = true;
        zIndex = 2;
      } else if (near) {
        let faded = fadedNode.get(color);
        if (faded === undefined) fadedNode.set(color, (faded = fade(color, FADE_NODE, background)));
        color = faded;
        label = '';
        forceLabel = false;
        zIndex = 0;
      }
      index.set(path, nodes.length);
      nodes.push({ path, size: a.size, color, label, forceLabel, highlighted, dimmed: a.dimmed, zIndex });
    });
    const order = nodes.map((_s, k) => k).sort((a, b) => nodes[a]!.zIndex - nodes[b]!.zIndex || a - b);
    const position = new Int32Array(nodes.length);
    order.forEach((k, at) => (position[k] = at));
    const fills: Plan['fills'] = [];
    for (let at = 0; at < order.length; ) {
      const z = nodes[order[at]!]!.zIndex;
      const byColour = new Map<string, number[]>();
      for (; at < order.length && nodes[order[at]!]!.zIndex === z; at++) {
        const k = order[at]!, list = byColour.get(nodes[k]!.color);
        if (list) list.push(k);
        else byColour.set(nodes[k]!.color, [k]);
      }
      for (const [color, list] of byColour) fills.push({ color, nodes: list });
    }
    const labelOrder = [...order].sort((a, b) => Number(nodes[b]!.forceLabel) - Number(nodes[a]!.forceLabel) || nodes[b]!.size - nodes[a]!.size);

    const fadedEdge = new Map<string, string>();
    // Batches by depth, colour and width; a colour string is one object however many edges share it.
    const batches = new Map<number, Map<string, Batch>>();
    const arrows: Plan['arrows'] = [];
    this.graph.forEachEdge((_e, a, s, t) => {
      const from = index.get(s)!, to = index.get(t)!;
      let color = a.color, z = a.zIndex;
      if (near && (s === hovered || t === hovered)) z = 3;
      else if (near) {
        let faded = fadedEdge.get(color);
        if (faded === undefined) fadedEdge.set(color, (faded = fade(color, FADE_EDGE, background)));
        color = faded;
        z = 0;
      }
      const width = Math.max(0.6, Math.round(a.size * 2) / 2);
      if (a.type === 'arrow') {
        arrows.push({ z, from, to, color, width });
        return;
      }
      const depth = z * 1000 + width * 2;
      let byColour = batches.get(depth);
      if (!byColour) batches.set(depth, (byColour = new Map<string, Batch>()));
      let batch = byColour.get(color);
      if (!batch) byColour.set(color, (batch = { z, color, width, ends: [] }));
      batch.ends.push(from, to);
    });
    const lines = [...batches.values()].flatMap((m) => [...m.values()]).sort((a, b) => a.z - b.z);
    arrows.sort((a, b) => a.z - b.z);
    return { nodes, order, position, fills, labelOrder, lines, arrows };
  }

  private arrowOf(a: Plan['arrows'][number], at: (k: number) => Drawn): void {
    this.arrow(at(a.from), at(a.to), a.color, a.width);
  }

  /** A line that ends in an arrowhead at the edge of the target's disc. */
  private arrow(from: Drawn, to: Drawn, color: string, width: number): void {
    const { ctx } = this;
    const dx = to.x - from.x, dy = to.y - from.y, len = Math.hypot(dx, dy);
    if (len === 0) return;
    const ux = dx / len, uy = dy / len;
    const head = Math.max(6, width * 3);
    const endX = to.x - ux * (to.r + head), endY = to.y - uy * (to.r + head);
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(endX, endY);
    ctx.stroke();
    ctx.fillStyle = color;
    const tipX = to.x - ux * to.r, tipY = to.y - uy * to.r;
    ctx.beginPath();
    ctx.moveTo(tipX, tipY);
    ctx.lineTo(endX - uy * head * 0.6, endY + ux * head * 0.6);
    ctx.lineTo(endX + uy * head * 0.6, endY - ux * head * 0.6);
    ctx.closePath();
    ctx.fill();
  }
}
