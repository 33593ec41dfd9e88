/**
 * The Canvas2D renderer's camera: the graph point at the middle of the stage and px per graph unit, with y up
 * (as sigma draws). Fitting a box of nodes, zooming about a point, and turning points from one side to the other.
 */
import type { Insets, Point } from './render-contract';

export interface Camera {
  x: number;
  y: number;
  /** px per graph unit. */
  scale: number;
}

export interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  /** The largest node's size: room is kept for it at the edges. */
  biggest: number;
}

/** Space kept free around a fitted box, px. */
const PADDING = 40;

/** The box around these nodes; null for none. */
export function boxOf(nodes: Iterable<Point & { size: number }>): Box | null {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity, biggest = 0;
  for (const p of nodes) {
    minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
    biggest = Math.max(biggest, p.size);
  }
  return Number.isFinite(minX) ? { minX, maxX, minY, maxY, biggest } : null;
}

/** px per graph unit that fits the box into a `width` × `height` area (with padding); `point` for a box of one point. */
export function scaleFor(box: Box, width: number, height: number, point: number): number {
  // Room for the nodes at the edge themselves: they grow as the camera zooms in.
  const pad = PADDING + 1.5 * box.biggest;
  const w = Math.max(1, width - 2 * pad), h = Math.max(1, height - 2 * pad);
  const bw = box.maxX - box.minX, bh = box.maxY - box.minY;
  if (bw === 0 && bh === 0) return point;
  return Math.min(bw > 0 ? w / bw : Infinity, bh > 0 ? h / bh : Infinity);
}

/** The camera that shows the box in the middle of the stage's free area (outside `insets`). */
export function fitCamera(box: Box, width: number, height: number, insets: Insets, point: number): Camera {
  const { top, right, bottom, left } = insets;
  const scale = scaleFor(box, width - left - right, height - top - bottom, point);
  const dx = (left - right) / 2, dy = (top - bottom) / 2;
  return { scale, x: (box.minX + box.maxX) / 2 - dx / scale, y: (box.minY + box.maxY) / 2 + dy / scale };
}

export function toScreen(c: Camera, width: number, height: number, x: number, y: number): Point {
  return { x: width / 2 + (x - c.x) * c.scale, y: height / 2 - (y - c.y) * c.scale };
}

export function toGraph(c: Camera, width: number, height: number, x: number, y: number): Point {
  return { x: c.x + (x - width / 2) / c.scale, y: c.y - (y - height / 2) / c.scale };
}

/** Zoomed by `factor` about a point of the stage (px): the graph point under it stays under it. */
export function zoomAbout(c: Camera, width: number, height: number, p: Point, factor: number): Camera {
  const g = toGraph(c, width, height, p.x, p.y);
  const scale = Math.min(400, Math.max(0.001, c.scale * factor));
  return { scale, x: g.x - (p.x - width / 2) / scale, y: g.y + (p.y - height / 2) / scale };
}
