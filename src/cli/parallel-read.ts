/**
 * Reading a large vault on every core: the main thread lists the notes, then it and worker threads each
 * read and parse a share. Reading and YAML are nearly all of `ties review`'s time, and they split
 * cleanly by file.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CoreSettings } from '../core/types';
import { listNotes } from './list-notes';
import { readNotes, withListProblems, type ReadOptions, type VaultRead } from './read-vault';

/** Below this many notes a worker's start-up costs more than it saves. */
const MIN_NOTES_FOR_WORKERS = 4000;

interface Share {
  tiesReadShare: true;
  vaultPath: string;
  files: string[];
  settings: CoreSettings;
  options: ReadOptions;
}

function isShare(data: unknown): data is Share {
  return typeof data === 'object' && data !== null && (data as Share).tiesReadShare === true;
}

/** True in a worker started by readVaultParallel: it reads its share, posts it back, and exits. */
export function runReadWorkerIfAsked(): boolean {
  if (isMainThread || !isShare(workerData)) return false;
  const { vaultPath, files, settings, options } = workerData;
  parentPort!.postMessage(readNotes(vaultPath, files, settings, options));
  return true;
}

/**
 * Reads the vault with `script` (this bundle's own file, which must call runReadWorkerIfAsked first) as
 * the worker; falls back to one thread for small vaults or one core.
 */
export async function readVaultParallel(vaultPath: string, settings: CoreSettings, script: URL, options: ReadOptions = {}): Promise<VaultRead> {
  const threads = Math.min(4, availableParallelism());
  const list = listNotes(vaultPath);
  const { files } = list;
  if (threads < 2 || files.length < MIN_NOTES_FOR_WORKERS) return withListProblems(list, readNotes(vaultPath, files, settings, options));

  // Interleaved shares, so that each thread gets a similar mix of people, daily and other notes.
  const shares: string[][] = Array.from({ length: threads }, () => []);
  files.forEach((f, i) => shares[i % threads]!.push(f));
  const workers = shares.slice(1).map(
    (share) =>
      new Promise<VaultRead>((resolve, reject) => {
        const data: Share = { tiesReadShare: true, vaultPath, files: share, settings, options };
        const worker = new Worker(script, { workerData: data });
        worker.once('message', (read: VaultRead) => resolve(read));
        worker.once('error', reject);
        worker.once('exit', (code) => code !== 0 && reject(new Error(`reader thread stopped with code ${code}`)));
      }),
  );
  const own = readNotes(vaultPath, shares[0]!, settings, options);
  const reads = [own, ...(await Promise.all(workers))];
  const records = reads.flatMap((r) => r.records).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return withListProblems(list, { records, skipped: reads.flatMap((r) => r.skipped) });
}
