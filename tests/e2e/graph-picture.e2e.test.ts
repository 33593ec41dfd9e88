/**
 * What the relationship graph looks like, in Chromium at a phone's 390 px (body.is-mobile), a 450 px pane and
 * 1280 px, light and dark: the full graph, local mode, the intro panel and the groups overview of 3,000 people.
 * Each screenshot is checked for what a reader would notice: labels that overlap or sit on a node, a legend
 * over the person the view is about, a toolbar that wraps. Screenshots go to test-results/e2e/graph-*.png.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVault, writeVault } from '../../bench/generate';
import { openHarness, type Harness } from './browser';
import { ROOT } from './server';

interface PageView {
  model: {
    graph: { order: number; hasNode(k: string): boolean; nodes(): string[]; getNodeAttributes(k: string): Record<string, unknown> };
    overview: { groups: number; open: number[] } | null;
    message: string | null;
  } | null;
  renderer: {
    kind: string;
    screenPosition(k: string): { x: number; y: number } | null;
    labels(): { text: string; box: { x1: number; y1: number; x2: number; y2: number }; forced: boolean }[];
  } | null;
  problem: string | null;
  whenIdle(): Promise<void>;
  introduce(name: string | null): { paths: string[][] } | null;
  setOptions(o: Record<string, unknown>): void;
  setCentre(path: string | null): void;
  toggleGroup(g: number): void;
  contentEl: HTMLElement;
}

declare global {
  interface Window {
    pictureView: PageView;
  }
}

const VAULT_3K = join(ROOT, 'test-results', 'vault-3k');

function vault3k(): string {
  if (!existsSync(join(VAULT_3K, '.complete'))) {
    writeVault(VAULT_3K, generateVault({ people: 3000, notes: 100, seed: 7 }));
    writeFileSync(join(VAULT_3K, '.complete'), '');
  }
  return VAULT_3K;
}

const SIZES = [
  { name: '390', width: 390, height: 780, mobile: true },
  { name: '450', width: 450, height: 800, mobile: false },
  { name: '1280', width: 1280, height: 800, mobile: false },
] as const;

/** A harness whose main area is `width` px wide: right sidebar folded; on a phone no ribbon, body.is-mobile. */
async function harness(size: (typeof SIZES)[number], theme: 'light' | 'dark', vault?: string): Promise<Harness> {
  const h = await openHarness({ theme, vault, viewport: { width: size.width + (size.mobile ? 0 : 45), height: size.height } });
  await h.page.evaluate((mobile) => {
    const ws = window.ties.app.workspace as unknown as { rightSplit: { collapse(): void } };
    ws.rightSplit.collapse();
    if (mobile) {
      document.body.addClass('is-mobile');
      document.querySelector<HTMLElement>('.workspace-ribbon')?.hide();
    }
  }, size.mobile);
  return h;
}

/** Opens the graph in the main area and waits until sigma draws (or the canvas stays, saying why). */
async function openGraph(h: Harness): Promise<void> {
  await h.page.evaluate(async () => {
    const view = (await window.ties.openView('ties-graph', 'main')) as unknown as PageView;
    await view.whenIdle();
    while (view.renderer?.kind !== 'webgl' && view.problem === null) await new Promise((r) => setTimeout(r, 10));
    window.pictureView = view;
  });
  await settle(h);
}

/** Lets the camera's animation and a few frames finish. */
async function settle(h: Harness): Promise<void> {
  await h.page.evaluate(async () => {
    await window.pictureView.whenIdle();
    await new Promise((r) => setTimeout(r, 450));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** What a reader would notice: overlapping labels, labels over other nodes, nodes under the legend. */
async function check(h: Harness, keep: string[] = []) {
  return h.page.evaluate((keep) => {
    const v = window.pictureView;
    const labels = v.renderer!.labels();
    const overlaps: string[] = [];
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!.box, b = labels[j]!.box;
        if (a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1) overlaps.push(`${labels[i]!.text} / ${labels[j]!.text}`);
      }
    const covering: string[] = [];
    const graph = v.model!.graph;
    const centres = graph.nodes().map((k) => ({ k, p: v.renderer!.screenPosition(k) }));
    for (const l of labels) {
      if (l.forced) continue;
      for (const { k, p } of centres)
        if (p && graph.getNodeAttributes(k).label !== l.text && p.x > l.box.x1 && p.x < l.box.x2 && p.y > l.box.y1 && p.y < l.box.y2) covering.push(`${l.text} over ${String(graph.getNodeAttributes(k).label)}`);
    }
    const canvas = v.contentEl.querySelector('.ties-graph-canvas')!.getBoundingClientRect();
    const legend = v.contentEl.querySelector('.ties-graph-legend')!.getBoundingClientRect();
    const underLegend: string[] = [];
    const outside: string[] = [];
    for (const k of keep) {
      const p = v.renderer!.screenPosition(k);
      if (!p) continue;
      const x = canvas.left + p.x, y = canvas.top + p.y;
      if (x > legend.left && x < legend.right && y > legend.top && y < legend.bottom) underLegend.push(k);
      if (p.x < 0 || p.y < 0 || p.x > canvas.width || p.y > canvas.height) outside.push(k);
    }
    const toolbar = [...v.contentEl.querySelectorAll<HTMLElement>('.ties-graph-toolbar > *')].filter((e) => e.offsetParent !== null);
    const rows = new Set(toolbar.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)));
    return { labels: labels.length, overlaps, covering, underLegend, outside, toolbarRows: rows.size };
  }, keep);
}

for (const theme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    describe(`the graph at ${size.name} px, ${theme}`, () => {
      let h: Harness;
      beforeAll(async () => {
        h = await harness(size, theme);
      }, 120_000);
      afterAll(async () => {
        await h?.close();
      });

      it('draws the full graph with readable labels and a one-row toolbar', async () => {
        await openGraph(h);
        const seen = await check(h);
        await h.screenshot(`graph-${size.name}-${theme}`, h.page.locator('.ties-graph'));
        expect(seen.toolbarRows).toBe(1);
        expect(seen.labels).toBeGreaterThan(size.width < 500 ? 3 : 10);
        expect(seen.overlaps).toEqual([]);
        expect(seen.covering).toEqual([]);
        expect(h.errors).toEqual([]);
      });

      it('shows local mode around the active person, fitted, clear of the legend', async () => {
        await h.page.evaluate(async () => {
          const v = window.pictureView;
          v.setCentre('People/Kees Dekker.md');
          v.setOptions({ local: true, depth: 1 });
        });
        await settle(h);
        const seen = await check(h, ['People/Kees Dekker.md']);
        await h.screenshot(`graph-local-${size.name}-${theme}`, h.page.locator('.ties-graph'));
        expect(seen.underLegend).toEqual([]);
        expect(seen.outside).toEqual([]);
        expect(seen.overlaps).toEqual([]);
        await h.page.evaluate(() => window.pictureView.setOptions({ local: false }));
      });

      it('shows the intro panel with its path fitted, clear of the legend', async () => {
        const path = await h.page.evaluate(() => window.pictureView.introduce('Yara Bos')!.paths[0]!);
        await settle(h);
        const seen = await check(h, path);
        await h.screenshot(`graph-intro-${size.name}-${theme}`, h.page.locator('.ties-graph'));
        expect(seen.underLegend).toEqual([]);
        expect(seen.outside).toEqual([]);
        expect(seen.overlaps).toEqual([]);
        await h.page.evaluate(() => window.pictureView.introduce(null));
      });
    });
  }
}

describe('the groups overview of 3,000 people', () => {
  for (const theme of ['light', 'dark'] as const)
    for (const size of SIZES) {
      it(`opens on the groups at ${size.name} px, ${theme}, and a group opens in place`, async () => {
        const h = await harness(size, theme, vault3k());
        try {
          await openGraph(h);
          const overview = await h.page.evaluate(() => ({ ...window.pictureView.model!.overview!, order: window.pictureView.model!.graph.order }));
          expect(overview.groups).toBeGreaterThan(5);
          expect(overview.order).toBe(overview.groups);
          const seen = await check(h);
          await h.screenshot(`graph-overview-${size.name}-${theme}`, h.page.locator('.ties-graph'));
          expect(seen.overlaps).toEqual([]);
          expect(seen.covering).toEqual([]);
          expect(seen.toolbarRows).toBe(1);
          // The largest group opens in place: its people, the other groups still bubbles.
          await h.page.evaluate(() => window.pictureView.toggleGroup(0));
          await settle(h);
          const opened = await h.page.evaluate(() => {
            const m = window.pictureView.model!;
            return { open: m.overview!.open, people: m.graph.nodes().filter((k) => m.graph.getNodeAttributes(k).kind === 'person').length };
          });
          expect(opened.open).toEqual([0]);
          expect(opened.people).toBeGreaterThan(1);
          if (size.name === '1280') await h.screenshot(`graph-overview-open-${theme}`, h.page.locator('.ties-graph'));
          expect((await check(h)).overlaps).toEqual([]);
          expect(h.errors).toEqual([]);
        } finally {
          await h.close();
        }
      });
    }
});
