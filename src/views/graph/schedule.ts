/**
 * Main-thread scheduling for the graph: work that waits until the graph is on screen, and stepwise work
 * (generators) cut into time slices, each a task of its own, so that no step holds the UI for long. Behind a
 * `Scheduler`, so that the graph session runs in node tests on a clock of their own.
 */

export interface Scheduler {
  /** Runs `fn` in a task `ms` from now; returns the function that stops it. */
  later(fn: () => void, ms: number): () => void;
  /** Runs `fn` in a task after the next frame is painted; returns the function that stops it. */
  afterPaint(fn: () => void): () => void;
  now(): number;
}

/** The window's timers and frames: a timeout set from an animation frame runs just after the paint. */
export const windowScheduler: Scheduler = {
  later(fn, ms) {
    const timer = window.setTimeout(fn, ms);
    return () => window.clearTimeout(timer);
  },
  afterPaint(fn) {
    let timer: number | null = null;
    const frame = window.requestAnimationFrame(() => (timer = window.setTimeout(fn, 0)));
    return () => {
      window.cancelAnimationFrame(frame);
      if (timer !== null) window.clearTimeout(timer);
    };
  },
  now: () => performance.now(),
};

/** Runs `fn` in a task after the next frame (see Scheduler.afterPaint). */
export function afterPaint(fn: () => void): () => void {
  return windowScheduler.afterPaint(fn);
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
  scheduler: Scheduler = windowScheduler,
): () => void {
  let stop: (() => void) | null = null;
  let busy = 0;
  const slice = () => {
    stop = null;
    const start = scheduler.now();
    try {
      for (;;) {
        const r = steps.next();
        if (r.done) {
          busy += scheduler.now() - start;
          done(r.value, busy);
          return;
        }
        if (scheduler.now() >= start + sliceMs) break;
      }
    } catch (error) {
      fail(error);
      return;
    }
    busy += scheduler.now() - start;
    between?.();
    stop = scheduler.later(slice, 0);
  };
  slice();
  return () => stop?.();
}
