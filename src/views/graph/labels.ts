/**
 * Which labels the graph draws, and where, for both renderers: labels never overlap each other and never cover
 * a node. Candidates come in order of importance (the hovered person and their neighbours, the person searched
 * for, the intro path, local mode's centre; then brokers; then size), so when space is short the important
 * ones win; zooming in makes room for more. Each label tries the right of its node, then the left, below and
 * above. Forced labels (the highlighted people) may cover a node when nothing else fits, never another label.
 */
import type { ModelGraph, ModelNode } from './model';

/** A node on screen, in px. */
export interface Disc {
  x: number;
  y: number;
  r: number;
}

export interface LabelCandidate extends Disc {
  /** Index into the discs (its own disc is not an obstacle). */
  disc: number;
  text: string;
  forced: boolean;
  dimmed: boolean;
}

export interface PlacedLabel {
  text: string;
  /** Left end of the text's baseline. */
  x: number;
  y: number;
  /** The box it takes (px), for tests. */
  box: { x1: number; y1: number; x2: number; y2: number };
  dimmed: boolean;
  forced: boolean;
}

/** Grid cell size for the overlap tests, px. */
const CELL = 48;
/** Candidates looked at per frame at most, and labels drawn at most: a frame stays cheap on any graph. */
const MAX_TRIED = 1500;
const MAX_PLACED = 300;
/** Candidates in a row that find no room before the rest are left out (the graph is full at this zoom). */
const MAX_MISSES = 150;
/**
 * A node drawn smaller than this (px) gets no label unless it is forced: in a small graph every node may have
 * one; in a large one only the larger nodes at first, and more as zooming in draws them larger.
 */
export function minLabelRadius(nodes: number): number {
  return nodes <= 150 ? 2.5 : 5;
}

/** Text widths, measured once per text and font. */
export class TextWidths {
  private readonly widths = new Map<string, number>();
  private font = '';

  width(ctx: CanvasRenderingContext2D, font: string, text: string): number {
    if (font !== this.font) {
      this.widths.clear();
      this.font = font;
    }
    let w = this.widths.get(text);
    if (w === undefined) {
      ctx.font = font;
      w = ctx.measureText(text).width;
      this.widths.set(text, w);
    }
    return w;
  }
}

/** A uniform grid over the viewport holding rectangles (labels) and discs (nodes). */
class Grid {
  private readonly cells = new Map<number, number[]>();
  private readonly cols: number;

  constructor(width: number) {
    this.cols = Math.max(1, Math.ceil(width / CELL) + 2);
  }

  private key(cx: number, cy: number): number {
    return (cy + 1) * this.cols + (cx + 1);
  }

  add(id: number, x1: number, y1: number, x2: number, y2: number): void {
    for (let cy = Math.floor(y1 / CELL); cy <= Math.floor(y2 / CELL); cy++)
      for (let cx = Math.floor(x1 / CELL); cx <= Math.floor(x2 / CELL); cx++) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(id);
        else this.cells.set(k, [id]);
      }
  }

  /** Calls `hit` for every id in the cells the rectangle touches, until it returns true. */
  some(x1: number, y1: number, x2: number, y2: number, hit: (id: number) => boolean): boolean {
    for (let cy = Math.floor(y1 / CELL); cy <= Math.floor(y2 / CELL); cy++)
      for (let cx = Math.floor(x1 / CELL); cx <= Math.floor(x2 / CELL); cx++) {
        const list = this.cells.get(this.key(cx, cy));
        if (list) for (const id of list) if (hit(id)) return true;
      }
    return false;
  }
}

function discHitsBox(d: Disc, x1: number, y1: number, x2: number, y2: number): boolean {
  const nx = Math.max(x1, Math.min(d.x, x2)), ny = Math.max(y1, Math.min(d.y, y2));
  return (d.x - nx) ** 2 + (d.y - ny) ** 2 < d.r * d.r;
}

/**
 * Places labels for `candidates` (most important first) among `discs` (every node drawn, px) in a viewport of
 * `width` × `height`. `textWidth` measures a label; `size` is the font size in px.
 */
export function placeLabels(
  discs: readonly Disc[],
  candidates: Iterable<LabelCandidate>,
  width: number,
  height: number,
  size: number,
  textWidth: (text: string) => number,
  minRadius = minLabelRadius(discs.length),
): PlacedLabel[] {
  const nodes = new Grid(width);
  discs.forEach((d, i) => {
    if (d.x + d.r < 0 || d.y + d.r < 0 || d.x - d.r > width || d.y - d.r > height) return;
    nodes.add(i, d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r);
  });
  const labels = new Grid(width);
  const boxes: number[] = [];
  const out: PlacedLabel[] = [];
  const ascent = size * 0.78, descent = size * 0.28, gap = 3;
  /** Where a label of width `w` may go, as its baseline's start: right, left, below, above, the four corners. */
  const spot = (c: LabelCandidate, w: number, k: number): [number, number] => {
    const d = c.r * 0.75 + gap;
    switch (k) {
      case 0: return [c.x + c.r + gap, c.y + size / 3];
      case 1: return [c.x - c.r - gap - w, c.y + size / 3];
      case 2: return [c.x - w / 2, c.y + c.r + gap + ascent];
      case 3: return [c.x - w / 2, c.y - c.r - gap - descent];
      case 4: return [c.x + d, c.y - d - descent];
      case 5: return [c.x + d, c.y + d + ascent];
      case 6: return [c.x - d - w, c.y - d - descent];
      default: return [c.x - d - w, c.y + d + ascent];
    }
  };
  const fits = (c: LabelCandidate, w: number, x: number, y: number, overNodes: boolean) => {
    const x1 = x - 1, y1 = y - ascent, x2 = x + w + 1, y2 = y + descent;
    if (x1 < 0 || y1 < 0 || x2 > width || y2 > height) return false;
    const overLabel = labels.some(x1, y1, x2, y2, (id) => x1 < boxes[4 * id + 2]! && x2 > boxes[4 * id]! && y1 < boxes[4 * id + 3]! && y2 > boxes[4 * id + 1]!);
    if (overLabel) return false;
    return overNodes || !nodes.some(x1, y1, x2, y2, (id) => id !== c.disc && discHitsBox(discs[id]!, x1, y1, x2, y2));
  };
  const find = (c: LabelCandidate, w: number, overNodes: boolean): [number, number] | undefined => {
    for (let k = 0; k < 8; k++) {
      const [x, y] = spot(c, w, k);
      if (fits(c, w, x, y, overNodes)) return [x, y];
    }
    return undefined;
  };
  let tried = 0, misses = 0;
  for (const c of candidates) {
    if (out.length >= MAX_PLACED || ((++tried > MAX_TRIED || misses > MAX_MISSES) && !c.forced)) break;
    if (!c.forced && c.r < minRadius) continue;
    if (c.x < -c.r || c.y < -c.r || c.x > width + c.r || c.y > height + c.r) continue;
    // A cheap, short guess of the width first: in a dense graph most labels find no room even at that width,
    // and are not measured at all (measuring 2,000 names cost the first frame tens of milliseconds).
    if (!c.forced && find(c, c.text.length * size * 0.45, false) === undefined) {
      misses++;
      continue;
    }
    const w = textWidth(c.text);
    const at = find(c, w, false) ?? (c.forced ? find(c, w, true) : undefined);
    if (!at) {
      misses++;
      continue;
    }
    misses = 0;
    const [x, y] = at;
    const id = boxes.length / 4;
    boxes.push(x - 1, y - ascent, x + w + 1, y + descent);
    labels.add(id, x - 1, y - ascent, x + w + 1, y + descent);
    out.push({ text: c.text, x, y, box: { x1: x - 1, y1: y - ascent, x2: x + w + 1, y2: y + descent }, dimmed: c.dimmed, forced: c.forced });
  }
  return out;
}

/** The importance of a node's label: 0 the hovered node … 4 a forced label; 5 for the rest. */
function rankOf(a: ModelNode, key: string, hovered: string | null): number {
  if (key === hovered) return 0;
  if (a.highlighted) return 1;
  if (a.intro === 2) return 2;
  if (a.intro === 1) return 3;
  return a.forceLabel ? 4 : 5;
}

/**
 * Node keys in label order: hovered, highlighted, intro paths, forced; then brokers, larger nodes, fuller
 * groups. `near` (a hovered node's neighbourhood) limits labels to it while hovering.
 */
export function labelOrder(graph: ModelGraph, hovered: string | null, near: ReadonlySet<string> | null): { key: string; forced: boolean }[] {
  const out: { key: string; rank: number; a: ModelNode }[] = [];
  graph.forEachNode((key, a) => {
    if (near && !near.has(key)) return;
    const rank = near ? (key === hovered ? 0 : 4) : rankOf(a, key, hovered);
    out.push({ key, rank, a });
  });
  out.sort((x, y) => x.rank - y.rank || y.a.broker - x.a.broker || y.a.size - x.a.size || y.a.members - x.a.members || (x.key < y.key ? -1 : 1));
  return out.map((e) => ({ key: e.key, forced: e.rank < 5 }));
}
