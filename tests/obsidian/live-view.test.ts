/**
 * The live-view base every Ties view stands on (src/views/live-view.ts), through the two views that use it:
 * a settings change re-renders them, and only a change to who is a person or what counts as a contact reads
 * the vault again; a new day and a new language re-render a view that is shown.
 */
import type { WorkspaceLeaf } from 'obsidian';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type TiesPlugin from '../../src/main';
import { openAttentionView, RENDER_DELAY_MS, VIEW_TYPE_ATTENTION, type AttentionView } from '../../src/views/attention/attention-view';
import { openGraphView, VIEW_TYPE_GRAPH, type GraphView } from '../../src/views/graph/graph-view';
import { type TestApp, startPlugin } from './shim';

const files = {
  'People/Ada.md': '---\nbirthday: "--12-10"\nknows: ["[[Bo]]"]\n---\n',
  'People/Bo.md': '---\nlast_contact: 2026-03-01\n---\n',
  'Contacts/Cy.md': '---\ncadence: weekly\n---\n',
};

/** The plugin over `files` on 24 November 2026, unloaded when the test is done. */
async function started(): Promise<{ t: TestApp; p: TiesPlugin }> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 24, 12, 0, 0));
  const { t, plugin } = await startPlugin(files);
  onTestFinished(() => {
    plugin.unload();
    document.body.empty();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  return { t, p: plugin };
}

const viewOf = <V>(t: TestApp, type: string) => (t.app.workspace.getLeavesOfType(type)[0] as WorkspaceLeaf).view as unknown as V;
const sectionNames = (el: HTMLElement, kind: string) =>
  Array.from(el.querySelectorAll(`.ties-attention-section[data-kind="${kind}"] .ties-attention-name`)).map((e) => e.textContent);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The sidebar and the graph, both open and done drawing. */
async function bothOpen(t: TestApp): Promise<{ sidebar: AttentionView; graph: GraphView }> {
  await openAttentionView(t.app);
  await openGraphView(t.app);
  const graph = viewOf<GraphView>(t, VIEW_TYPE_GRAPH);
  await graph.whenIdle();
  return { sidebar: viewOf<AttentionView>(t, VIEW_TYPE_ATTENTION), graph };
}

describe('the live views', () => {
  it('re-render on a view setting without reading the vault again', async () => {
    const { t, p } = await started();
    const { sidebar, graph } = await bothOpen(t);
    expect(sectionNames(sidebar.contentEl, 'date')).toEqual([]);
    expect(sectionNames(sidebar.contentEl, 'dormant')).toEqual([]);
    expect(graph.model!.graph.getNodeAttribute('People/Bo.md', 'dormant')).toBe(false);
    const reload = vi.spyOn(p.sync, 'reload');
    const revision = p.index.revision;

    // Birthdays three weeks ahead, and silence of 200 days is dormant: both views show it, the index stays.
    p.settings.horizonDays = 21;
    p.settings.dormantDays = 200;
    await p.saveSettings();
    await pause(RENDER_DELAY_MS + 50);
    await graph.whenIdle();
    expect(reload).not.toHaveBeenCalled();
    expect(p.index.revision).toBe(revision);
    expect(sectionNames(sidebar.contentEl, 'date')).toEqual(['Ada']);
    expect(sectionNames(sidebar.contentEl, 'dormant')).toEqual(['Bo']);
    expect(graph.model!.graph.getNodeAttribute('People/Bo.md', 'dormant')).toBe(true);
  });

  it('read the vault again when the people folder changes, and then render', async () => {
    const { t, p } = await started();
    await openAttentionView(t.app);
    const sidebar = viewOf<AttentionView>(t, VIEW_TYPE_ATTENTION);
    expect(sectionNames(sidebar.contentEl, 'overdue')).toEqual([]);
    const reload = vi.spyOn(p.sync, 'reload');
    p.settings.peopleFolder = 'Contacts';
    await p.saveSettings();
    expect(reload).toHaveBeenCalledTimes(1);
    await pause(RENDER_DELAY_MS + 50);
    expect(p.index.people().map((x) => x.name)).toEqual(['Cy']);
    expect(sectionNames(sidebar.contentEl, 'overdue')).toEqual(['Cy']);
    // Saving again without a change does nothing.
    await p.saveSettings();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('speak the new language once it is saved, without reading the vault again', async () => {
    const { t, p } = await started();
    const { sidebar, graph } = await bothOpen(t);
    const reload = vi.spyOn(p.sync, 'reload');
    p.settings.language = 'nl';
    await p.saveSettings();
    await pause(RENDER_DELAY_MS + 50);
    await graph.whenIdle();
    expect(reload).not.toHaveBeenCalled();
    expect(sidebar.contentEl.querySelector('.ties-attention-callhour-title')!.textContent).toBe('Beluur');
    expect(graph.contentEl.querySelector('.ties-graph-search')!.getAttribute('placeholder')).toBe('Zoek een persoon…');
  });

  it('move to a new day while shown, at the next check', async () => {
    const { t } = await started();
    await openAttentionView(t.app);
    const sidebar = viewOf<AttentionView>(t, VIEW_TYPE_ATTENTION);
    expect(sectionNames(sidebar.contentEl, 'date')).toEqual([]);
    // Three days later Ada's birthday (10 December) is within the week: the next check renders it.
    vi.setSystemTime(new Date(2026, 11, 4, 9, 0, 0));
    sidebar.refresh();
    expect(sectionNames(sidebar.contentEl, 'date')).toEqual(['Ada']);
  });
});
