/**
 * Import people… in headless Chromium (browser harness) over the demo vault, the sidebar open: a LinkedIn
 * file of 1,000 new people read into a plan, then Import with every row ticked, then Undo. Times each step,
 * counts the progress bar's updates, and records every main-thread task over 50 ms (PerformanceObserver
 * `longtask`). The harness's own vault and metadata cache (tests/e2e/harness) run on the same thread, so a CPU
 * profile (CDP, sampled every 0.2 ms) splits each busy stretch of the thread into the plugin's JS (main.js)
 * and the rest: "ours" is main.js's time within one stretch. Run by bench/import.ts in a child process (it
 * needs playwright and tsx):
 *
 *     node --import tsx bench/import-browser.ts
 *
 * Prints one JSON line (PluginImportFigures).
 */
import { openHarness } from '../tests/e2e/browser';
import { busyIn, samplesOf, type Profile } from './cpu-profile';
import type { PluginImportFigures } from './import';

const PEOPLE = 1_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function connections(): string {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < PEOPLE; i++)
    lines.push([
      `Imported`, `Person ${i}`, `https://www.linkedin.com/in/imported-${i}`, `imported.${i}@example.org`, `"Company ${i % 80}, Inc."`,
      `Role ${i % 40}`, `${String((i % 28) + 1).padStart(2, '0')} ${MONTHS[i % 12]} ${2012 + (i % 14)}`,
    ].join(','));
  return lines.join('\r\n') + '\r\n';
}

interface PageModal {
  prepared: Promise<void> | null;
  written: Promise<void> | null;
  contentEl: HTMLElement;
  startWrite(): void;
}

const h = await openHarness({ today: null, viewport: { width: 1400, height: 900 } });
try {
  await h.page.waitForTimeout(1000);
  const cdp = await h.page.context().newCDPSession(h.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await h.page.evaluate(() => window.ties.openView('ties-attention'));
  await h.page.waitForTimeout(500);
  await cdp.send('Profiler.start');
  const figures = await h.page.evaluate(async ({ csv, people }): Promise<PluginImportFigures> => {
    const tick = () => new Promise((r) => setTimeout(r, 0));
    /** A pause between the steps, so that no task of one step runs into the next. */
    const between = () => new Promise((r) => setTimeout(r, 100));
    const plugin = window.ties.plugin as unknown as {
      actions: { importer: { openFile(name: string, read: () => Promise<ArrayBuffer>): Promise<string | null>; lastModal: PageModal | null } };
      index: { people(): unknown[] };
    };
    const before = plugin.index.people().length;
    // A few milliseconds in a function of known name, at a known time: where the CPU profile meets performance.now().
    const markerAt = performance.now();
    (function tiesBenchMarker() {
      while (performance.now() - markerAt < 5) { /* busy */ }
    })();
    const longTasks: { start: number; duration: number }[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push({ start: e.startTime, duration: e.duration })));
    observer.observe({ type: 'longtask' });

    await between();
    // 1. The file read into a plan, the modal open.
    const bytes = new TextEncoder().encode(csv).buffer as ArrayBuffer;
    const t0 = performance.now();
    const error = await plugin.actions.importer.openFile('Connections.csv', () => Promise.resolve(bytes));
    if (error !== null) throw new Error(error);
    const modal = plugin.actions.importer.lastModal!;
    await modal.prepared;
    const planned = performance.now() - t0;

    const importPhase = performance.now();
    await between();
    // 2. Import: every row ticked. The progress text changes are counted as the user would see them.
    let progressUpdates = 0;
    const text = () => modal.contentEl.querySelector('.ties-import-progress-text')?.textContent ?? '';
    const seen = new Set<string>();
    const watcher = new MutationObserver(() => {
      const now = text();
      if (!seen.has(now)) {
        seen.add(now);
        progressUpdates++;
      }
    });
    watcher.observe(modal.contentEl, { subtree: true, childList: true, characterData: true });
    const writeStart = performance.now();
    modal.startWrite();
    await modal.written;
    const written = performance.now() - writeStart;
    watcher.disconnect();
    while (plugin.index.people().length < before + people) await tick();
    await window.ties.settled();
    const indexed = performance.now() - writeStart;
    const notice = window.ties.notices.at(-1)!.text;

    const undoPhase = performance.now();
    await between();
    // 3. Undo: every new note to the trash.
    const undoStart = performance.now();
    (document.querySelector('.notice .ties-notice-undo') as HTMLButtonElement).click();
    while (!window.ties.notices.at(-1)!.text.startsWith('Undone')) await tick();
    const undone = performance.now() - undoStart;
    await window.ties.settled();
    await new Promise((r) => setTimeout(r, 200));
    observer.disconnect();

    const phase = (start: number) => (start < importPhase ? 'plan' : start < undoPhase ? 'import' : 'undo');
    return {
      people, planned, written, indexed, undone, progressUpdates, notice, markerAt, oursTotal: 0,
      longTasks: longTasks.map((t) => ({ phase: phase(t.start), start: t.start, duration: t.duration, ours: 0 })),
      after: plugin.index.people().length - before,
    };
  }, { csv: connections(), people: PEOPLE });
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const samples = samplesOf(profile, figures.markerAt);
  for (const task of figures.longTasks) task.ours = busyIn(samples, task.start, task.start + task.duration).ours;
  figures.oursTotal = samples.filter((x) => x.ours).reduce((sum, x) => sum + x.dt, 0);
  console.log(JSON.stringify(figures));
} finally {
  await h.close();
}
