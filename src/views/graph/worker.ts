/**
 * The graph view's Web Worker: runs one job (metrics or layout, see jobs.ts) to the end and posts the result.
 * A layout posts its positions every few hundred ms while it moves, so the view can draw it settling. Bundled on its own
 * into a string (worker-source.ts); the view terminates the worker when the job is done or no longer wanted.
 */
import { startJob, transferables, type Job } from './jobs';

/** The part of DedicatedWorkerGlobalScope this file uses (the DOM lib types `self` as a Window). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<{ id: number; job: Job }>) => void): void;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { id, job } = event.data;
  try {
    const { steps, snapshot, snapshotMs } = startJob(job);
    let last = performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done) {
        scope.postMessage({ id, result: r.value }, transferables(r.value));
        return;
      }
      const now = performance.now();
      if (now - last >= snapshotMs) {
        last = now;
        if (snapshot) {
          const positions = snapshot();
          scope.postMessage({ id, snapshot: positions }, [positions.buffer]);
        } else scope.postMessage({ id, progress: r.value });
      }
    }
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
