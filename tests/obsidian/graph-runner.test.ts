/**
 * The graph view's job runner (src/views/graph/runner.ts): jobs run in a Web Worker, or in time slices on the
 * main thread when workers are unavailable or fail to start; every job can be cancelled.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adjacencyOf } from '../../src/core/adjacency';
import { brokersSteps, communitiesSteps, layoutSteps, type BrokersJob, type CommunitiesJob } from '../../src/views/graph/jobs';
import { layoutJob, placeNodes } from '../../src/views/graph/layout';
import { Cancelled, JobRunner, type Where } from '../../src/views/graph/runner';
import { runToEnd } from '../../src/core/steps';

/** Two rings of six joined by one tie. */
function graph() {
  const keys = Array.from({ length: 12 }, (_, i) => `P${i}.md`);
  const ends: number[] = [];
  for (let i = 0; i < 6; i++) ends.push(i, (i + 1) % 6, 6 + i, 6 + ((i + 1) % 6));
  ends.push(0, 6);
  return adjacencyOf(keys, ends);
}

function arrays() {
  const adj = graph();
  return { n: adj.keys.length, offsets: adj.offsets, neighbours: adj.neighbours };
}
const communitiesJob = (): CommunitiesJob => ({ type: 'communities', ...arrays() });
const brokersJob = (): BrokersJob => ({ type: 'brokers', ...arrays() });


/** A Worker that cannot start: it reports an error as a blocked worker script does. */
class BrokenWorker extends EventTarget {
  terminated = false;
  constructor(_url: string) {
    super();
    setTimeout(() => this.dispatchEvent(new Event('error', { cancelable: true })), 0);
  }
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the graph job runner', () => {
  it('runs a job in time slices without a worker, with the same result', async () => {
    const runner = new JobRunner(null);
    expect(runner.where).toBe('slices');
    const where: Where[] = [];
    const result = await runner.run(brokersJob(), { onWhere: (w) => where.push(w) }).promise;
    expect(where).toEqual(['slices']);
    expect([...result.broker]).toEqual([...runToEnd(brokersSteps(brokersJob())).broker]);
    // The bridge ends are the brokers.
    expect(result.broker[0]).toBe(Math.max(...result.broker));
    const groups = await runner.run(communitiesJob()).promise;
    expect([...groups.community]).toEqual([...runToEnd(communitiesSteps(communitiesJob())).community]);
    expect(new Set(groups.community).size).toBe(2);
  });

  it('falls back to slices when the worker cannot start, and stays there', async () => {
    vi.stubGlobal('Worker', BrokenWorker);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:ties-test');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const runner = new JobRunner('/* worker source */');
    expect(runner.where).toBe('worker');
    const where: Where[] = [];
    const result = await runner.run(communitiesJob(), { onWhere: (w) => where.push(w) }).promise;
    expect(where).toEqual(['worker', 'slices']);
    expect(result.community).toHaveLength(12);
    expect(runner.where).toBe('slices');
  });

  it('cancels a job: its promise rejects and it sends no more positions', async () => {
    const adj = graph();
    const job = layoutJob(adj, placeNodes(adj, new Map()), 2000)!;
    const runner = new JobRunner(null);
    const snapshots = vi.fn();
    const handle = runner.run(job, { onSnapshot: snapshots });
    handle.cancel();
    await expect(handle.promise).rejects.toBeInstanceOf(Cancelled);
    const seen = snapshots.mock.calls.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(snapshots.mock.calls.length).toBe(seen);
    // The same job run to the end settles.
    expect(runToEnd(layoutSteps(job)).positions).toHaveLength(24);
  });

  it('cancels every running job when disposed', async () => {
    const runner = new JobRunner(null);
    const a = runner.run(brokersJob()).promise;
    const b = runner.run(communitiesJob()).promise;
    runner.dispose();
    await expect(a).rejects.toBeInstanceOf(Cancelled);
    await expect(b).rejects.toBeInstanceOf(Cancelled);
  });
});
