/**
 * The graph view in headless Chromium (browser harness) over a vault folder: how long it takes to open and how
 * much JS each frame costs. Run by bench/graph.ts in a child process (it needs playwright and tsx):
 *
 *     node --import tsx bench/graph-browser.ts bench/out/graph-2k
 *
 * Prints one JSON line (BrowserFigures).
 */
import { openHarness } from '../tests/e2e/browser';
import type { BrowserFigures } from './graph';

interface PageView {
  renderer: { kind: string; frameTimes(clear?: boolean): number[] } | null;
  where: string;
  whenIdle(): Promise<void>;
  contentEl: HTMLElement;
}

const vault = process.argv[2];
if (!vault) throw new Error('usage: graph-browser.ts VAULT');
const h = await openHarness({ vault, today: null, viewport: { width: 1400, height: 900 } });
try {
  const open = () =>
    h.page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const start = performance.now();
      const view = (await window.ties.openView('ties-graph', 'main')) as unknown as PageView;
      while (!view.renderer || view.renderer.frameTimes().length === 0) await frame();
      const opened = performance.now() - start;
      await view.whenIdle();
      await frame();
      return { opened, idle: performance.now() - start, frames: view.renderer.frameTimes(), renderer: view.renderer.kind, where: view.where };
    });
  const cold = await open();

  // Pan: drag across the canvas and read the frames drawn meanwhile.
  const box = (await h.page.locator('.ties-graph-canvas').boundingBox())!;
  const view = () => window.ties.app.workspace.getLeavesOfType('ties-graph')[0]!.view as unknown as PageView;
  await h.page.evaluate((get) => void (new Function(`return (${get})`)() as typeof view)().renderer!.frameTimes(true), view.toString());
  await h.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await h.page.mouse.down();
  for (let i = 0; i < 40; i++) await h.page.mouse.move(box.x + box.width / 2 + i * 5, box.y + box.height / 2 + i * 3);
  await h.page.mouse.up();
  const pan = await h.page.evaluate((n) => (window.ties.app.workspace.getLeavesOfType('ties-graph')[0]!.view as unknown as PageView).renderer!.frameTimes().slice(-Math.max(1, Math.min(120, 120 - n))), before);

  await h.page.evaluate(() => window.ties.app.workspace.getLeavesOfType('ties-graph')[0]!.detach());
  const warm = await open();
  const figures: BrowserFigures = {
    openCold: cold.opened,
    openWarm: warm.opened,
    idleCold: cold.idle,
    framesLayout: cold.frames,
    framesPan: pan,
    renderer: cold.renderer,
    where: cold.where,
  };
  console.log(JSON.stringify(figures));
} finally {
  await h.close();
}
