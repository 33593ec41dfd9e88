/**
 * The relationship graph in headless Chromium over the demo vault: sigma draws it with WebGL (SwiftShader), the
 * Canvas2D renderer draws the same model for pixel checks, metrics and layout run in the bundled Web Worker, a
 * click on a node opens its note, and the intro finder highlights a path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './browser';

let h: Harness;

/** The open graph view, as the page sees it. */
interface PageView {
  model: { graph: { order: number; size: number; hasNode(p: string): boolean; getNodeAttributes(p: string): Record<string, unknown> }; legend: unknown[] };
  renderer: { kind: string; screenPosition(p: string): { x: number; y: number } | null; frameTimes(): number[]; render?(): void } | null;
  problem: string | null;
  where: string;
  whenIdle(): Promise<void>;
  introduce(name: string | null): { paths: string[][] } | null;
  setOptions(o: Record<string, unknown>): void;
  setState(s: unknown, r: unknown): Promise<void>;
  search(q: string): string | null;
  contentEl: HTMLElement;
}

declare global {
  interface Window {
    graphView: PageView;
  }
}

async function openGraph(renderer: 'auto' | 'canvas' = 'auto'): Promise<void> {
  await h.page.evaluate(async (choice) => {
    const view = (await window.ties.openView('ties-graph', 'main')) as unknown as PageView;
    if (choice === 'canvas') await view.setState({ renderer: 'canvas' }, {});
    await view.whenIdle();
    // sigma takes over from the Canvas2D renderer once the view's work is done (or says why it cannot).
    while (choice === 'auto' && view.renderer?.kind !== 'webgl' && view.problem === null) await new Promise((r) => setTimeout(r, 10));
    window.graphView = view;
  }, renderer);
  // Let the layout's last positions and a frame or two reach the screen.
  await h.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

beforeAll(async () => {
  h = await openHarness({ viewport: { width: 1400, height: 900 } });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the relationship graph in Chromium', () => {
  it('draws the demo vault with sigma (WebGL), with metrics and layout in a worker', async () => {
    await openGraph();
    const state = await h.page.evaluate(() => {
      const v = window.graphView;
      return {
        kind: v.renderer?.kind,
        problem: v.problem,
        where: v.where,
        nodes: v.model.graph.order,
        edges: v.model.graph.size,
        legend: v.model.legend.length,
        canvases: v.contentEl.querySelectorAll('canvas').length,
        status: v.contentEl.querySelector('.ties-graph-status')?.textContent,
      };
    });
    expect(state.kind).toBe('webgl');
    expect(state.problem).toBeNull();
    expect(state.where).toBe('worker');
    expect(state.nodes).toBeGreaterThan(30);
    expect(state.edges).toBeGreaterThan(20);
    expect(state.legend).toBeGreaterThan(2);
    expect(state.canvases).toBeGreaterThan(1);
    expect(h.errors).toEqual([]);
    await h.screenshot('graph-webgl', h.page.locator('.ties-graph'));

    // A dark theme: the model mixes faded colours with the new background.
    const colours = await h.page.evaluate(async () => {
      const grey = () => window.graphView.model.graph.getNodeAttributes('People/Maarten Kuipers.md').color as string;
      const light = grey();
      window.ties.setTheme('dark');
      await new Promise((r) => setTimeout(r, 50));
      return { light, dark: grey() };
    });
    expect(colours.light).not.toBe(colours.dark);
    await h.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await h.screenshot('graph-webgl-dark', h.page.locator('.ties-graph'));
    await h.page.evaluate(() => window.ties.setTheme('light'));
  });

  it('a click on a node opens its note', async () => {
    const target = 'People/Bas Willems.md';
    const at = await h.page.evaluate((p) => {
      const pos = window.graphView.renderer!.screenPosition(p)!;
      const rect = window.graphView.contentEl.querySelector('.ties-graph-canvas')!.getBoundingClientRect();
      return { x: rect.left + pos.x, y: rect.top + pos.y };
    }, target);
    await h.page.mouse.move(at.x, at.y);
    // Hover shows the card with the person's details.
    const card = h.page.locator('.ties-graph-card');
    await expect.poll(() => card.evaluate((el) => !el.hasClass('is-hidden'))).toBe(true);
    expect(await card.locator('.ties-graph-card-name').textContent()).toBe('Bas Willems');
    await h.page.mouse.click(at.x, at.y);
    await expect.poll(() => h.page.evaluate(() => window.ties.opened.at(-1))).toBe(target);
  });

  it('right-click on a person opens their menu, with Obsidian\'s file menu after it', async () => {
    await openGraph();
    const target = 'People/Bas Willems.md';
    const fileMenu = await h.page.evaluate(() => {
      const seen: string[] = [];
      window.ties.app.workspace.on('file-menu', (_menu: unknown, file: { path: string }, source: string) => void seen.push(`${source}:${file.path}`));
      (window as unknown as { fileMenus: string[] }).fileMenus = seen;
    });
    void fileMenu;
    const at = await h.page.evaluate((p) => {
      const pos = window.graphView.renderer!.screenPosition(p)!;
      const rect = window.graphView.contentEl.querySelector('.ties-graph-canvas')!.getBoundingClientRect();
      return { x: rect.left + pos.x, y: rect.top + pos.y };
    }, target);
    await h.page.mouse.click(at.x, at.y, { button: 'right' });
    const menu = h.page.locator('body > .menu');
    await menu.waitFor();
    expect(await menu.locator('.menu-item-title').allTextContents()).toEqual([
      'Open in new tab', 'Log contact', 'Add follow-up', 'Who can introduce me to Bas Willems?',
    ]);
    expect(await h.page.evaluate(() => (window as unknown as { fileMenus: string[] }).fileMenus)).toEqual([`ties-graph:${target}`]);
    await h.screenshot('graph-menu', h.page.locator('.ties-graph'));
    // "Who can introduce me to…" opens the intro panel on them.
    await menu.locator('.menu-item', { hasText: 'Who can introduce me to' }).click();
    await expect.poll(() => h.page.locator('.ties-graph-intro').isVisible()).toBe(true);
    expect(await h.page.locator('.ties-graph-intro-target').inputValue()).toBe('Bas Willems');
    await h.page.evaluate(() => window.graphView.introduce(null));
    expect(h.errors).toEqual([]);
  });

  it('a dragged person stays where they were dropped, and the camera does not pan', async () => {
    await openGraph();
    // A fit glides the camera for a moment; on a busy machine it may still be gliding. Start from a still camera.
    await h.page.evaluate(async () => {
      const at = () => JSON.stringify(window.graphView.renderer!.screenPosition('People/Kees Dekker.md'));
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      for (let i = 0, last = at(); i < 200; i++, last = at()) {
        await frame();
        if (at() === last) return;
      }
    });
    const target = 'People/Bas Willems.md';
    const before = await h.page.evaluate((p) => {
      const pos = window.graphView.renderer!.screenPosition(p)!;
      const rect = window.graphView.contentEl.querySelector('.ties-graph-canvas')!.getBoundingClientRect();
      const other = window.graphView.renderer!.screenPosition('People/Kees Dekker.md')!;
      return { x: rect.left + pos.x, y: rect.top + pos.y, other };
    }, target);
    await h.page.mouse.move(before.x, before.y);
    await h.page.mouse.down();
    for (let i = 1; i <= 10; i++) await h.page.mouse.move(before.x + i * 6, before.y + i * 4);
    await h.page.mouse.up();
    await h.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await h.page.evaluate((p) => {
      const v = window.graphView as unknown as PageView & { session: { moved: unknown }; host: unknown };
      const pos = v.renderer!.screenPosition(p)!;
      const rect = v.contentEl.querySelector('.ties-graph-canvas')!.getBoundingClientRect();
      const saved = (window.ties.app.workspace.getLeavesOfType('ties-graph')[0]!.view as unknown as { host: { data: { positions: { get(p: string): { x: number; y: number } } } } }).host.data.positions.get(p);
      const node = v.model.graph.getNodeAttributes(p) as { x: number; y: number };
      return { x: rect.left + pos.x, y: rect.top + pos.y, other: v.renderer!.screenPosition('People/Kees Dekker.md')!, saved, node };
    }, target);
    expect(Math.hypot(after.x - (before.x + 60), after.y - (before.y + 40))).toBeLessThan(4);
    // Someone else did not move: the camera stayed.
    expect(Math.hypot(after.other.x - before.other.x, after.other.y - before.other.y)).toBeLessThan(1);
    expect(after.saved).toEqual({ x: after.node.x, y: after.node.y });
  });

  /** Every node drawn is on the stage. */
  const allInside = () =>
    h.page.evaluate(() => {
      const v = window.graphView;
      const rect = v.contentEl.querySelector('.ties-graph-canvas')!.getBoundingClientRect();
      const graph = v.model.graph as unknown as { nodes(): string[] };
      return graph.nodes().every((k) => {
        const p = v.renderer!.screenPosition(k)!;
        return p.x > 0 && p.y > 0 && p.x < rect.width && p.y < rect.height;
      });
    });

  it('Filters open in a panel; a filter fits the graph to who is left; Fit fits again', async () => {
    await openGraph();
    await h.page.locator('.ties-graph-filters-open').click();
    const panel = h.page.locator('.ties-graph-filters');
    expect(await panel.isVisible()).toBe(true);
    await h.screenshot('graph-filters', h.page.locator('.ties-graph'));
    await panel.locator('select[data-option="circle"]').selectOption('15');
    await h.page.evaluate(() => window.graphView.whenIdle());
    await h.page.waitForTimeout(400);
    expect(await allInside()).toBe(true);
    expect(await h.page.locator('.ties-graph-filters-open .ties-graph-badge').textContent()).toBe('1');
    // The panel stands beside the graph: nobody is under it. Its button closes it.
    const beside = await h.page.evaluate(() => {
      const v = window.graphView;
      const canvas = v.contentEl.querySelector('.ties-graph-canvas')!.getBoundingClientRect();
      return v.contentEl.querySelector('.ties-graph-filters')!.getBoundingClientRect().left >= canvas.right - 1;
    });
    expect(beside).toBe(true);
    await h.page.locator('.ties-graph-filters-open').click();
    expect(await panel.isVisible()).toBe(false);
    await h.page.evaluate(() => window.graphView.setOptions({ circle: null }));
    await h.page.evaluate(() => window.graphView.whenIdle());
    // Zoomed in on one person, Fit shows everyone again.
    await h.page.evaluate(() => (window.graphView.renderer as unknown as { focus(k: string): void }).focus('People/Bas Willems.md'));
    await h.page.waitForTimeout(600);
    expect(await allInside()).toBe(false);
    await h.page.locator('.ties-graph-fit').click();
    await h.page.waitForTimeout(600);
    expect(await allInside()).toBe(true);
    expect(h.errors).toEqual([]);
  });

  it('the intro panel highlights a path', async () => {
    // The harness opens a clicked note in the active leaf (Obsidian skips a leaf whose view is not navigable).
    await openGraph();
    const intro = await h.page.evaluate(() => window.graphView.introduce('Yara Bos'));
    expect(intro!.paths.length).toBeGreaterThan(0);
    const first = intro!.paths[0]!;
    const marks = await h.page.evaluate((path) => path.map((p) => window.graphView.model.graph.getNodeAttributes(p).intro), first);
    expect(marks.every((m) => m === 2)).toBe(true);
    const panel = h.page.locator('.ties-graph-intro');
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.locator('.ties-graph-intro-path').count()).toBe(intro!.paths.length);
    expect(await panel.locator('.ties-graph-intro-ask').first().textContent()).toBe('Log the ask');
    await h.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await h.screenshot('graph-intro', h.page.locator('.ties-graph'));
    await h.page.evaluate(() => window.graphView.introduce(null));
  });

  it('the Canvas2D renderer draws the same graph: pixels where the nodes are', async () => {
    await openGraph('canvas');
    const check = await h.page.evaluate(() => {
      const v = window.graphView;
      const canvas = v.contentEl.querySelector<HTMLCanvasElement>('canvas.ties-graph-canvas2d')!;
      (v.renderer as unknown as { render(): void }).render();
      const ctx = canvas.getContext('2d')!;
      const ratio = canvas.width / canvas.clientWidth;
      let painted = 0, total = 0;
      const graph = v.model.graph as unknown as { forEachNode(fn: (p: string) => void): void };
      graph.forEachNode((p) => {
        const pos = v.renderer!.screenPosition(p)!;
        const px = ctx.getImageData(Math.round(pos.x * ratio), Math.round(pos.y * ratio), 1, 1).data;
        total++;
        if (px[3]! > 0) painted++;
      });
      // And a corner far from any node is empty.
      const corner = ctx.getImageData(2, 2, 1, 1).data;
      return { kind: v.renderer?.kind, painted, total, corner: corner[3] };
    });
    expect(check.kind).toBe('canvas');
    expect(check.painted).toBe(check.total);
    expect(check.corner).toBe(0);
    await h.screenshot('graph-canvas', h.page.locator('.ties-graph'));
    await h.page.evaluate(() => window.graphView.setState({}, {}));
  });

  it('without WebGL, draws with the Canvas2D renderer and says why in the status line', async () => {
    await h.page.evaluate(async () => {
      window.ties.app.workspace.getLeavesOfType('ties-graph').forEach((leaf) => leaf.detach());
      const original = HTMLCanvasElement.prototype.getContext;
      // A window whose WebGL contexts cannot be made (a blocklisted GPU, say).
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return type.startsWith('webgl') ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
      (window as unknown as { restoreContext(): void }).restoreContext = () => (HTMLCanvasElement.prototype.getContext = original);
    });
    try {
      await openGraph();
      const state = await h.page.evaluate(() => ({
        kind: window.graphView.renderer?.kind,
        problem: window.graphView.problem,
        status: window.graphView.contentEl.querySelector('.ties-graph-status')!.textContent,
        canvases: window.graphView.contentEl.querySelectorAll('canvas.ties-graph-canvas2d').length,
      }));
      expect(state).toMatchObject({ kind: 'canvas', problem: 'no WebGL context', canvases: 1 });
      expect(state.status).toContain('no WebGL context');
    } finally {
      await h.page.evaluate(() => {
        (window as unknown as { restoreContext(): void }).restoreContext();
        window.ties.app.workspace.getLeavesOfType('ties-graph').forEach((leaf) => leaf.detach());
      });
    }
  });
});
