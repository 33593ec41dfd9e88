/**
 * The contract between the graph view and its renderers (the Canvas2D one, sigma, and the one that moves from
 * the first to the second): what a renderer does, and what it tells the view. The renderers import this file
 * and nothing of each other; renderer.ts picks one.
 */
import type { Theme } from './draw';
import type { PlacedLabel } from './labels';
import type { ModelGraph } from './model';

export interface Point {
  x: number;
  y: number;
}

export interface RendererEvents {
  /** The pointer entered a node (with its position in the container, px) or left it (null). */
  hover(key: string | null, at: Point | null): void;
  click(key: string, event: MouseEvent | TouchEvent | null): void;
  /** A right-click, or a long press on a touch screen, on a node: its menu, at this point of the page (px). */
  menu(key: string, at: Point, event: MouseEvent | TouchEvent | null): void;
  /** A node was dragged to `at` (graph coordinates); `done` once the pointer lets go. */
  drag(key: string, at: Point, done: boolean): void;
  /** sigma cannot start here after all (no WebGL): the Canvas2D renderer keeps drawing, and this says why. */
  fallback(reason: string): void;
  /** Settles when the view's work is done for now (metrics in, layout still): the time to start sigma. */
  settled(): Promise<void>;
}

/** Space at the stage's edges that panels cover (px): a fit keeps the graph out of it. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: Insets = Object.freeze({ top: 0, right: 0, bottom: 0, left: 0 });

export interface GraphRenderer {
  readonly kind: 'webgl' | 'canvas';
  /** Draws another model graph (the camera stays where it is; the view asks for a fit when it wants one). */
  setGraph(graph: ModelGraph): void;
  /** Positions or attributes of the current graph changed in place. */
  refresh(): void;
  /** Moves the camera so that these nodes (every node when null) fill the stage outside the insets. */
  fit(keys: readonly string[] | null, animate?: boolean): void;
  setInsets(insets: Insets): void;
  /** Moves the camera to a node, zoomed in. */
  focus(key: string): void;
  resize(): void;
  setTheme(theme: Theme): void;
  /** Where a node is drawn, in px from the container's top left; null when it is not drawn. */
  screenPosition(key: string): Point | null;
  /** The labels of the last frame. */
  labels(): readonly PlacedLabel[];
  /** JS time of the last 120 frames, ms (for the benchmarks); `clear` starts a new series. */
  frameTimes(clear?: boolean): number[];
  kill(): void;
}

/** How long a touch must rest on a node to open its menu, ms, and how far it may wander meanwhile, px. */
export const LONG_PRESS_MS = 500;
export const LONG_PRESS_SLOP = 8;

/**
 * How node sizes follow the zoom, in both renderers: `ratio` is the camera's (1 = the whole graph fitted, 0.1 =
 * zoomed in ten times); a node grows with the fourth root of the zoom (×1.8 at ten times), so that people stay
 * apart when a group or a neighbourhood is zoomed into.
 */
export function zoomToSizeRatio(ratio: number): number {
  return Math.pow(Math.max(ratio, 1e-4), 0.25);
}

/**
 * Nodes are drawn smaller on a small stage (a phone, a narrow pane): the same graph fitted into a third of the
 * width would otherwise leave no room between nodes for their labels. 1 from 800 px, down to 0.6.
 */
export function stageSizeFactor(width: number, height: number): number {
  return Math.min(1, Math.max(0.6, Math.sqrt(Math.min(width, height) / 800)));
}
