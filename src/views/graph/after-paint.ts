/**
 * Work that can wait until the graph is on screen: `fn` runs in a task after the next frame (a timeout set from
 * an animation frame, which runs just before the paint). Returns the function that stops it.
 */
export function afterPaint(fn: () => void): () => void {
  let timer: number | null = null;
  const frame = window.requestAnimationFrame(() => (timer = window.setTimeout(fn, 0)));
  return () => {
    window.cancelAnimationFrame(frame);
    if (timer !== null) window.clearTimeout(timer);
  };
}
