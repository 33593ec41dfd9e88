/**
 * The contract between the graph view and its renderers (the Canvas2D one, sigma, and the one that moves from
 * the first to the second): what a renderer does, and what it tells the view. The renderers import this file
 * and nothing of each other; renderer.ts picks one.
 */
import type { Theme } from './draw';
import type { ModelGraph } from './model';

export interface RendererEvents {
  /** The pointer entered a node (with its position in the container, px) or left it (null). */
  hover(path: string | null, at: { x: number; y: number } | null): void;
  click(path: string, event: MouseEvent | TouchEvent | null): void;
  /** sigma cannot start here after all (no WebGL): the Canvas2D renderer keeps drawing, and this says why. */
  fallback(reason: string): void;
  /** Settles when the view's work is done for now (metrics in, layout still): the time to start sigma. */
  settled(): Promise<void>;
}

export interface GraphRenderer {
  readonly kind: 'webgl' | 'canvas';
  /** Draws another model graph. */
  setGraph(graph: ModelGraph): void;
  /** Positions or attributes of the current graph changed in place. */
  refresh(): void;
  /** Moves the camera to a person. */
  focus(path: string): void;
  resize(): void;
  setTheme(theme: Theme): void;
  /** Where a node is drawn, in px from the container's top left; null when it is not drawn. */
  screenPosition(path: string): { x: number; y: number } | null;
  /** JS time of the last 120 frames, ms (for the benchmarks); `clear` starts a new series. */
  frameTimes(clear?: boolean): number[];
  kill(): void;
}

/** Every label of a small graph; only those of nodes drawn at 9 px or more in a large one. */
export function labelThreshold(graph: ModelGraph): number {
  return graph.order <= 150 ? 0 : 9;
}

/** sigma's labels per grid cell: many in a small graph (LabelSpace keeps them apart), fewer in a large one. */
export function labelDensity(graph: ModelGraph): number {
  return graph.order <= 150 ? 3 : 1;
}
