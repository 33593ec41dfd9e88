/**
 * Runs the graph view's jobs (jobs.ts) off the UI thread: in a Web Worker made from the bundled worker source
 * (a Blob URL: main.js is a single file), or, where workers are unavailable or fail, in time slices of a few
 * milliseconds on the main thread. Either way no step blocks the UI for long, and every job can be cancelled.
 */
import { runInSlices, windowScheduler, type Scheduler } from './schedule';
import { startJob, type BrokersResult, type CommunitiesResult, type Job, type JobResult, type LayoutResult } from './jobs';
import { WORKER_SOURCE } from './worker-source';

/** Longest stretch of work per slice on the main thread. */
const SLICE_MS = 8;

export type Where = 'worker' | 'slices';

export interface JobHandle<R> {
  promise: Promise<R>;
  cancel(): void;
}

export interface RunOptions {
  /** Positions of a layout while it moves (x, y per node). */
  onSnapshot?: (positions: Float32Array) => void;
  /** Where the job ended up running (a worker may fail and hand over to slices). */
  onWhere?: (where: Where) => void;
}

type Reply = { id: number; result?: JobResult; snapshot?: Float32Array; progress?: number; error?: string };

/** Thrown into a cancelled job's promise. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export class JobRunner {
  private readonly live = new Set<() => void>();
  private workersBroken = false;
  private nextId = 1;

  /** `source`: the worker's code (null: always slices); `scheduler`: the clock of the slices. */
  constructor(
    private readonly source: string | null = WORKER_SOURCE,
    private readonly scheduler: Scheduler = windowScheduler,
  ) {}

  /** Whether jobs go to a worker (as far as is known before one fails). */
  get where(): Where {
    return this.canUseWorkers() ? 'worker' : 'slices';
  }

  run(job: Job & { type: 'communities' }, opts?: RunOptions): JobHandle<CommunitiesResult>;
  run(job: Job & { type: 'brokers' }, opts?: RunOptions): JobHandle<BrokersResult>;
  run(job: Job & { type: 'layout' }, opts?: RunOptions): JobHandle<LayoutResult>;
  run(job: Job, opts: RunOptions = {}): JobHandle<JobResult> {
    let cancel: () => void = () => undefined;
    const promise = new Promise<JobResult>((resolve, reject) => {
      const fail = (e: unknown) => reject(e instanceof Error ? e : new Error(String(e)));
      const done = (fn: () => void) => {
        this.live.delete(cancelIt);
        fn();
      };
      let stop: () => void = () => undefined;
      const cancelIt = () => {
        stop();
        done(() => reject(new Cancelled()));
      };
      this.live.add(cancelIt);
      cancel = cancelIt;

      const sliced = () => {
        opts.onWhere?.('slices');
        stop = this.slices(job, opts, (r) => done(() => resolve(r)), (e) => done(() => fail(e)));
      };
      if (!this.canUseWorkers()) {
        sliced();
        return;
      }
      const worker = this.spawn();
      if (worker === null) {
        sliced();
        return;
      }
      opts.onWhere?.('worker');
      const id = this.nextId++;
      stop = () => worker.terminate();
      worker.addEventListener('message', (event: MessageEvent<Reply>) => {
        const data = event.data;
        if (data.id !== id) return;
        if (data.snapshot) opts.onSnapshot?.(data.snapshot);
        if (data.result) {
          worker.terminate();
          done(() => resolve(data.result!));
        } else if (data.error !== undefined) {
          worker.terminate();
          done(() => reject(new Error(data.error)));
        }
      });
      worker.addEventListener('error', (event) => {
        // The worker could not start (a content security policy, say) or crashed: run here instead.
        event.preventDefault();
        worker.terminate();
        this.workersBroken = true;
        sliced();
      });
      // Copied, not transferred: if the worker fails, the slices still have the job.
      worker.postMessage({ id, job });
    });
    return { promise, cancel: () => cancel() };
  }

  /** Cancels every running job (the view closes). */
  dispose(): void {
    for (const cancel of [...this.live]) cancel();
  }

  private canUseWorkers(): boolean {
    return this.source !== null && !this.workersBroken && typeof Worker !== 'undefined' && typeof Blob !== 'undefined' && typeof URL.createObjectURL === 'function';
  }

  private spawn(): Worker | null {
    let url: string | null = null;
    try {
      url = URL.createObjectURL(new Blob([this.source!], { type: 'text/javascript' }));
      return new Worker(url);
    } catch {
      this.workersBroken = true;
      return null;
    } finally {
      // The worker has read its script's address; it is loaded whatever happens to the URL now.
      if (url !== null) {
        const u = url;
        this.scheduler.later(() => URL.revokeObjectURL(u), 10_000);
      }
    }
  }

  /** Runs the job in slices of SLICE_MS, from the next task on; returns the function that stops it. */
  private slices(job: Job, opts: RunOptions, resolve: (r: JobResult) => void, reject: (e: unknown) => void): () => void {
    const { steps, snapshot, snapshotMs } = startJob(job);
    const clock = this.scheduler;
    let lastSnapshot = clock.now();
    const between = () => {
      if (snapshot && opts.onSnapshot && clock.now() - lastSnapshot >= snapshotMs) {
        lastSnapshot = clock.now();
        opts.onSnapshot(snapshot());
      }
    };
    let stop: () => void = () => undefined;
    const cancelStart = clock.later(() => (stop = runInSlices(steps, SLICE_MS, resolve, reject, between, clock)), 0);
    return () => {
      cancelStart();
      stop();
    };
  }
}
