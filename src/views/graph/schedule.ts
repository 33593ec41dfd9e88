/**
 * Main-thread scheduling for the graph view: work that waits until the graph is on screen, and stepwise work
 * (generators) cut into time slices, each a task of its own, so that no step holds the UI for long.
 */

/**
 * Runs `fn` in a task after the next frame (a timeout set from an animation frame, which runs just before the
 * paint). Returns the function that stops it.
 */
export function afterPaint(fn: () => void): () => void {
  let timer: number | null = null;
  const frame = window.requestAnimationFrame(() => (timer = window.setTimeout(fn, 0)));
  return () => {
    window.cancelAnimationFrame(frame);
    if (timer !== null) window.clearTimeout(timer);
  };
}

/**
 * Runs `steps` to the end in slices of at most `sliceMs` of work (Infinity: all at once), the first one now.
 * `done` gets the result and the main thread's time it took; `between` runs after every slice but the last.
 * Returns the function that stops it.
 */
export function runInSlices<T>(
  steps: Generator<unknown, T, void>,
  sliceMs: number,
  done: (value: T, busy: number) => void,
  fail: (error: unknown) => void,
  between?: () => void,
): () => void {
  let timer: number | null = null;
  let busy = 0;
  const slice = () => {
    timer = null;
    const start = performance.now();
    try {
      for (;;) {
        const r = steps.next();
        if (r.done) {
          busy += performance.now() - start;
          done(r.value, busy);
          return;
        }
        if (performance.now() >= start + sliceMs) break;
      }
    } catch (error) {
      fail(error);
      return;
    }
    busy += performance.now() - start;
    between?.();
    timer = window.setTimeout(slice, 0);
  };
  slice();
  return () => {
    if (timer !== null) window.clearTimeout(timer);
  };
}
