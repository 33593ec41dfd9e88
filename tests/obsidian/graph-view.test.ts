import type { WorkspaceLeaf } from 'obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type TiesPlugin from '../../src/main';
import { GRAPH_REFRESH_MS, openGraphView, SLICE_FROM, VIEW_TYPE_GRAPH, type GraphView } from '../../src/views/graph/graph-view';
import { POSITIONS_KEY } from '../../src/views/graph/positions';
import { Menu } from 'obsidian-test-mocks/obsidian';
import { AskIntroModal } from '../../src/actions/modals/ask-intro';
import { command, type TestApp, startPlugin } from './shim';

function vault(): Record<string, string> {
  return {
    'People/Anna.md': '---\norganisation: Acme\ncircle: 5\nlast_contact: 2026-11-10\nknows: ["[[Ben]]", "[[Cas]]"]\ntags: [client]\n---\nWorks with [[Dirk]].\n',
    'People/Ben.md': '---\norganisation: Acme\ncircle: 15\nknows: ["[[Cas]]"]\n---\n',
    'People/Cas.md': '---\norganisation: Acme\nknows: ["[[Dirk]]"]\n---\n',
    'People/Dirk.md': '---\norganisation: Globex\nknows: ["[[Eva]]"]\nrole: CTO\ninterests: [sailing, chess]\n---\n',
    'People/Eva.md': '---\norganisation: Globex\nknows: ["[[Ghost]]", "[[Eva]]"]\n---\n',
    'People/Old.md': '---\narchived: true\norganisation: Acme\nknows: ["[[Anna]]"]\n---\n',
    'Notes/Project.md': '# Not a person\n',
  };
}

let plugin: TiesPlugin | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 24, 12, 0, 0));
});
afterEach(() => {
  plugin?.unload();
  plugin = null;
  document.body.empty();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function started(files = vault(), data: unknown = {}): Promise<{ t: TestApp; plugin: TiesPlugin }> {
  let t: TestApp;
  ({ t, plugin } = await startPlugin(files, data));
  return { t, plugin };
}

function leaves(t: TestApp): WorkspaceLeaf[] {
  return t.app.workspace.getLeavesOfType(VIEW_TYPE_GRAPH);
}

async function opened(t: TestApp): Promise<GraphView> {
  await openGraphView(t.app);
  const view = leaves(t)[0]!.view as unknown as GraphView;
  await view.whenIdle();
  return view;
}

const names = (view: GraphView) => view.model!.graph.nodes().map((p) => p.slice(7, -3)).sort();
const P = (n: string) => `People/${n}.md`;

describe('the relationship graph view', () => {
  it('opens from its command in the main area, once', async () => {
    const { t, plugin: p } = await started();
    await command(p, 'open-relationship-graph').callback!();
    expect(leaves(t)).toHaveLength(1);
    await command(p, 'open-relationship-graph').callback!();
    expect(leaves(t)).toHaveLength(1);
    const view = leaves(t)[0]!.view as unknown as GraphView;
    expect(view.getViewType()).toBe('ties-graph');
    expect(view.getDisplayText()).toBe('Relationship graph');
    expect((p as unknown as { ribbonActions__: HTMLElement[] }).ribbonActions__.length).toBeGreaterThan(0);
  });

  it('holds the model of the people, with metrics computed off the main thread and cached', async () => {
    const { t } = await started();
    const view = await opened(t);
    expect(names(view)).toEqual(['Anna', 'Ben', 'Cas', 'Dirk', 'Eva']);
    expect(view.model!.counts).toMatchObject({ people: 6, shown: 5, missing: 1, selfLinks: 1 });
    // No worker in happy-dom: the jobs ran in slices, and metrics are in.
    expect(view.where).toBe('slices');
    expect(view.model!.legend.some((e) => e.label.kind === 'community')).toBe(true);
    expect(view.model!.graph.getNodeAttribute(P('Cas'), 'broker')).toBe(1);
    // Groups are named after their best-connected member (most ties, then by name).
    expect(view.contentEl.querySelector('.ties-graph-legend')!.textContent).toContain('Around Anna');
  });

  it('says why it cannot draw in a window without WebGL or a 2D canvas, and does not crash', async () => {
    const { t } = await started();
    const view = await opened(t);
    expect(view.renderer).toBeNull();
    expect(view.problem).toMatch(/WebGL: .+; 2D canvas: .+/);
    const message = view.contentEl.querySelector('.ties-graph-message')!;
    expect(message.hasClass('is-hidden')).toBe(false);
    expect(message.textContent).toContain('The graph cannot be drawn in this window.');
  });

  it('changes the model when filters and toggles change, from the toolbar', async () => {
    const { t } = await started();
    const view = await opened(t);
    const el = view.contentEl;
    const select = (option: string) => el.querySelector<HTMLSelectElement>(`select[data-option="${option}"]`)!;
    const check = (option: string) => el.querySelector<HTMLInputElement>(`input[data-option="${option}"]`)!;
    const change = (control: HTMLElement) => control.dispatchEvent(new Event('change'));

    const org = select('organisation');
    expect([...org.options].map((o) => o.value)).toEqual(['', 'Acme', 'Globex']);
    org.value = 'Globex';
    change(org);
    expect(names(view)).toEqual(['Dirk', 'Eva']);
    org.value = '';
    change(org);

    const circle = select('circle');
    circle.value = '15';
    change(circle);
    expect(names(view)).toEqual(['Anna', 'Ben']);
    circle.value = '';
    change(circle);

    const tag = select('tag');
    expect([...tag.options].map((o) => o.value)).toContain('client');
    tag.value = 'client';
    change(tag);
    expect(names(view)).toEqual(['Anna']);
    tag.value = '';
    change(tag);

    const archived = check('showArchived');
    archived.checked = true;
    change(archived);
    expect(names(view)).toContain('Old');
    expect(view.model!.graph.getNodeAttribute(P('Old'), 'group')).toBe('greyed');

    const sameOrg = check('sameOrganisation');
    sameOrg.checked = true;
    change(sameOrg);
    expect(view.model!.edgeKinds).toContain('organisation');
    expect(view.model!.graph.getEdgeAttribute(view.model!.graph.edge(P('Ben'), P('Old')) ?? view.model!.graph.edge(P('Old'), P('Ben'))!, 'kind')).toBe('organisation');

    const mentions = check('mentions');
    mentions.checked = true;
    change(mentions);
    const anna = view.model!.graph;
    const edge = anna.edge(P('Anna'), P('Dirk')) ?? anna.edge(P('Dirk'), P('Anna'));
    expect(edge && anna.getEdgeAttribute(edge, 'kind')).toBe('mention');

    const colour = select('colourBy');
    colour.value = 'organisation';
    change(colour);
    expect(view.model!.legend.map((e) => e.label)).toContainEqual({ kind: 'organisation', name: 'Acme' });
    // The options are the view's state, so Obsidian restores them.
    expect(view.getState()).toMatchObject({ colourBy: 'organisation', showArchived: true, mentions: true });
  });

  it('follows the active person note in local mode, with its depth', async () => {
    const { t } = await started();
    const view = await opened(t);
    view.setOptions({ local: true, depth: 1 });
    expect(view.model!.message).toBe('no-centre');
    expect(view.contentEl.querySelector('.ties-graph-message')!.textContent).toBe('Open a person note to see the people around them.');

    await t.app.workspace.getLeaf(false).openFile(t.app.vault.getFileByPath('People/Dirk.md')!);
    t.app.workspace.trigger('file-open', t.app.vault.getFileByPath('People/Dirk.md'));
    expect(view.model!.centre).toBe(P('Dirk'));
    expect(names(view)).toEqual(['Cas', 'Dirk', 'Eva']);
    view.setOptions({ depth: 2 });
    expect(names(view)).toEqual(['Anna', 'Ben', 'Cas', 'Dirk', 'Eva']);

    // A note that is not a person keeps the last person.
    await t.app.workspace.getLeaf(false).openFile(t.app.vault.getFileByPath('Notes/Project.md')!);
    t.app.workspace.trigger('file-open', t.app.vault.getFileByPath('Notes/Project.md'));
    expect(view.model!.centre).toBe(P('Dirk'));
    view.setOptions({ local: false });
    expect(view.model!.centre).toBeNull();
  });

  it('searches, finds intro paths, and logs the ask on the first person', async () => {
    const { t, plugin: p } = await started();
    const view = await opened(t);
    expect(view.search('dirk')).toBe(P('Dirk'));
    expect(view.model!.focus).toBe(P('Dirk'));
    expect(view.search('')).toBeNull();
    expect(view.model!.focus).toBeNull();

    const intro = view.introduce('Eva')!;
    expect(intro.paths[0]).toEqual([P('Anna'), P('Cas'), P('Dirk'), P('Eva')]);
    expect(view.model!.graph.getNodeAttribute(P('Dirk'), 'intro')).toBe(2);
    expect(view.model!.graph.getNodeAttribute(P('Ben'), 'dimmed')).toBe(true);
    const panel = view.contentEl.querySelector('.ties-graph-intro')!;
    expect(panel.hasClass('is-hidden')).toBe(false);
    expect([...panel.querySelectorAll('.ties-graph-intro-step-name')].map((e) => e.textContent)).toEqual(['Anna', 'Cas', 'Dirk', 'Eva']);
    expect(panel.querySelector('.ties-graph-intro-step-contact')!.textContent).toBe('Last contact: 2 weeks ago');

    const ask = vi.spyOn(p.actions, 'askForIntroduction').mockResolvedValue(false);
    panel.querySelector<HTMLElement>('.ties-graph-intro-ask')!.click();
    expect(ask).toHaveBeenCalledWith(P('Anna'), P('Eva'));

    // In touch with the target yourself: no paths, and the panel says so.
    view.introduce('Anna');
    expect(panel.textContent).toContain('You are in touch with Anna yourself');
    view.introduce(null);
    expect(view.model!.graph.getNodeAttribute(P('Ben'), 'dimmed')).toBe(false);

    // Picking a name in the panel's box finds the paths at once, and the box stays (typing is not interrupted).
    const input = panel.querySelector<HTMLInputElement>('.ties-graph-intro-target')!;
    input.value = 'Eva';
    input.dispatchEvent(new Event('input'));
    expect(panel.querySelector('.ties-graph-intro-target')).toBe(input);
    expect(panel.querySelectorAll('.ties-graph-intro-path')).toHaveLength(1);
    expect(view.model!.graph.getNodeAttribute(P('Cas'), 'intro')).toBe(2);
    // Close: the highlight goes.
    panel.querySelector<HTMLElement>('.ties-graph-intro-close')!.click();
    expect(panel.hasClass('is-hidden')).toBe(true);
    expect(view.model!.graph.getNodeAttribute(P('Cas'), 'intro')).toBe(0);
  });

  it('Log the ask: the log says whom you asked to meet, and the accepted follow-up comes a week later', async () => {
    const { t, plugin: p } = await started();
    const view = await opened(t);
    view.introduce('Eva');
    const ask = () => view.contentEl.querySelector<HTMLElement>('.ties-graph-intro-ask')!.click();
    const read = (path: string) => t.app.vault.read(t.app.vault.getFileByPath(path)!);

    ask();
    const modal = p.actions.lastModal as AskIntroModal;
    expect(modal).toBeInstanceOf(AskIntroModal);
    expect(modal.textEl.value).toBe('Asked for an introduction to Eva');
    expect(modal.followUpToggle.toggleEl.getAttribute('aria-label')).toBe('Follow up in a week: did Anna introduce me?');
    expect(modal.followUp).toBe(true);
    modal.trySubmit();
    await modal.result;
    const anna = await read('People/Anna.md');
    expect(anna).toContain('- 2026-11-24 Asked for an introduction to Eva');
    expect(anna).toContain('2026-12-01 did Anna introduce me to Eva?');
    await p.sync.idle();
    expect(p.index.person(P('Anna'))!.followUps.map((f) => f.text)).toEqual(['did Anna introduce me to Eva?']);

    // Declined: the log line only.
    ask();
    const second = p.actions.lastModal as AskIntroModal;
    expect(second).not.toBe(modal);
    second.followUpToggle.onClick();
    expect(second.followUp).toBe(false);
    second.textEl.value = 'Asked again';
    second.trySubmit();
    await second.result;
    const after = await read('People/Anna.md');
    expect(after).toContain('- 2026-11-24 Asked again');
    expect(after.match(/did Anna introduce me/g)).toHaveLength(1);
  });

  it('fits after a filter, local mode and the intro panel, zooms to a searched person, and Fit fits again', async () => {
    const { t } = await started();
    const view = await opened(t);
    const renderer = {
      kind: 'canvas', setGraph: vi.fn(), fit: vi.fn(), focus: vi.fn(), refresh: vi.fn(), resize: vi.fn(), setInsets: vi.fn(), setTheme: vi.fn(), kill: vi.fn(),
    };
    view.panels!.stage.renderer = renderer as unknown as NonNullable<GraphView['renderer']>;
    view.setOptions({ organisation: 'Acme' });
    expect(renderer.fit).toHaveBeenLastCalledWith(null);
    // Colours change nobody's place: no fit.
    renderer.fit.mockClear();
    view.setOptions({ colourBy: 'organisation' });
    expect(renderer.fit).not.toHaveBeenCalled();
    view.setOptions({ organisation: null, local: true });
    view.setCentre(P('Dirk'));
    expect(renderer.fit).toHaveBeenLastCalledWith(null);
    view.setOptions({ local: false });
    view.introduce('Eva');
    expect(renderer.fit.mock.lastCall![0]).toEqual(expect.arrayContaining([P('Anna'), P('Cas'), P('Dirk'), P('Eva')]));
    view.search('Dirk');
    expect(renderer.focus).toHaveBeenCalledWith(P('Dirk'));
    renderer.fit.mockClear();
    view.contentEl.querySelector<HTMLElement>('.ties-graph-fit')!.click();
    expect(renderer.fit).toHaveBeenCalledWith(null);
  });

  it('a node’s menu: open in new tab, Log contact, Add follow-up, Who can introduce me to…, then Obsidian’s file menu', async () => {
    const { t, plugin: p } = await started();
    const view = await opened(t);
    const shown: Menu[] = [];
    vi.spyOn(Menu.prototype, 'showAtPosition').mockImplementation(function (this: Menu) {
      shown.push(this);
      return this;
    });
    const fileMenu = vi.fn();
    t.app.workspace.on('file-menu', fileMenu);
    const log = vi.spyOn(p.actions, 'logContact').mockResolvedValue(false);
    const followUp = vi.spyOn(p.actions, 'addFollowUp').mockResolvedValue(false);
    const menuOf = (key: string) => {
      (view as unknown as { menu(k: string, at: { x: number; y: number }, e: null): void }).menu(key, { x: 10, y: 10 }, null);
      return shown.at(-1)!;
    };
    const titles = (m: Menu) => m.menuItems__.map((i) => i.title__);
    const choose = (m: Menu, title: string) => (m.menuItems__.find((i) => i.title__ === title)!.onClick__ as (e: MouseEvent) => void)(new MouseEvent('click'));

    const menu = menuOf(P('Dirk'));
    expect(titles(menu)).toEqual(['Open in new tab', 'Log contact', 'Add follow-up', 'Who can introduce me to Dirk?']);
    expect(fileMenu).toHaveBeenCalledWith(menu, t.app.vault.getFileByPath(P('Dirk')), 'ties-graph', view.leaf);
    choose(menu, 'Log contact');
    expect(log).toHaveBeenCalledWith(P('Dirk'));
    choose(menuOf(P('Dirk')), 'Add follow-up');
    expect(followUp).toHaveBeenCalledWith(P('Dirk'));
    choose(menuOf(P('Eva')), 'Who can introduce me to Eva?');
    expect(view.contentEl.querySelector('.ties-graph-intro')!.hasClass('is-hidden')).toBe(false);
    expect(view.session.intro!.target).toBe(P('Eva'));
  });

  it('opens a network larger than the setting on its groups; a click opens one; Whole graph draws everyone', async () => {
    const files: Record<string, string> = {};
    for (let g = 0; g < 4; g++)
      for (let i = 0; i < 6; i++) {
        const knows = Array.from({ length: 5 - i }, (_, k) => `"[[G${g}M${i + k + 1}]]"`);
        if (i === 0) knows.push(`"[[G${(g + 1) % 4}M1]]"`);
        files[`People/G${g}M${i}.md`] = `---\nknows: [${knows.join(', ')}]\n---\n`;
      }
    const { t } = await started(files, { graphOverviewFrom: 10 });
    const view = await opened(t);
    expect(view.model!.overview).toEqual({ groups: 4, open: [] });
    expect(view.model!.graph.order).toBe(4);
    expect(view.model!.graph.getNodeAttribute('group:0', 'label')).toMatch(/^Around G\dM\d \(6\)$/);
    expect(view.contentEl.querySelector('.ties-graph-status')!.textContent).toContain('4 groups: click one to open it');
    // A click on a bubble opens its group: its six people, in place.
    (view as unknown as { clicked(k: string, e: null): void }).clicked('group:0', null);
    await view.whenIdle();
    expect(view.model!.overview!.open).toEqual([0]);
    expect(view.model!.graph.order).toBe(3 + 6);
    // Whole graph, from the Filters panel.
    const whole = view.contentEl.querySelector<HTMLInputElement>('input[data-option="whole"]')!;
    whole.checked = true;
    whole.dispatchEvent(new Event('change'));
    expect(view.model!.overview).toBeNull();
    expect(view.model!.graph.order).toBe(24);
  });

  it('follows index changes, debounced', async () => {
    const { t, plugin: p } = await started();
    const view = await opened(t);
    await t.app.vault.create('People/Fien.md', '---\nknows: ["[[Anna]]"]\n---\n');
    await p.sync.idle();
    // Debounced: not yet redrawn; whenIdle waits for the redraw GRAPH_REFRESH_MS later.
    expect(names(view)).not.toContain('Fien');
    const before = performance.now();
    await view.whenIdle();
    expect(performance.now() - before).toBeGreaterThanOrEqual(GRAPH_REFRESH_MS - 50);
    expect(names(view)).toContain('Fien');
    expect(view.model!.graph.hasEdge(P('Anna'), P('Fien')) || view.model!.graph.hasEdge(P('Fien'), P('Anna'))).toBe(true);
  });

  it('keeps a renamed person in place, and as the local centre', async () => {
    const { t, plugin: p } = await started();
    const view = await opened(t);
    view.setOptions({ local: true, depth: 1 });
    view.setCentre(P('Dirk'));
    const before = view.model!.graph.getNodeAttributes(P('Dirk'));
    await t.app.vault.rename(t.app.vault.getFileByPath('People/Dirk.md')!, 'People/Dirk Jansen.md');
    await p.sync.idle();
    await view.whenIdle();
    expect(view.model!.centre).toBe(P('Dirk Jansen'));
    // Cas's link to [[Dirk]] now leads nowhere (Obsidian would offer to update it): one more missing link.
    expect(names(view)).toEqual(['Dirk Jansen', 'Eva']);
    expect(view.model!.counts.missing).toBe(2);
    const after = view.model!.graph.getNodeAttributes(P('Dirk Jansen'));
    expect([after.x, after.y]).toEqual([before.x, before.y]);
  });

  it('saves positions in the plugin data, apart from the settings, and reuses them', async () => {
    const { t, plugin: p } = await started();
    const view = await opened(t);
    await new Promise((r) => setTimeout(r, 1100));
    const data = (p as unknown as { data__: Record<string, unknown> }).data__;
    const stored = data[POSITIONS_KEY] as Record<string, [number, number]>;
    expect(Object.keys(stored).sort()).toEqual(['Anna', 'Ben', 'Cas', 'Dirk', 'Eva', 'Old'].map(P));
    const x = view.model!.graph.getNodeAttribute(P('Anna'), 'x');
    expect(stored[P('Anna')]![0]).toBeCloseTo(x, 0);
    // A settings save keeps them.
    await p.saveSettings();
    expect((p as unknown as { data__: Record<string, unknown> }).data__[POSITIONS_KEY]).toEqual(stored);

    // A new plugin over the same data draws everyone where they were, with no layout.
    p.unload();
    plugin = null;
    const again = await started(vault(), { ...(p as unknown as { data__: Record<string, unknown> }).data__ });
    const view2 = await opened(again.t);
    expect(view2.model!.graph.getNodeAttribute(P('Anna'), 'x')).toBe(stored[P('Anna')]![0]);
    expect(view2.model!.graph.getNodeAttribute(P('Eva'), 'y')).toBe(stored[P('Eva')]![1]);
  });

  it('says there is nobody in an empty vault, and draws one person', async () => {
    const { t } = await started({ 'Notes/Project.md': '# x\n' });
    const view = await opened(t);
    expect(view.model!.message).toBe('empty');
    expect(view.contentEl.querySelector('.ties-graph-message')!.textContent).toContain('No person notes yet.');

    plugin!.unload();
    const solo = await started({ 'People/Solo.md': '---\nknows: ["[[Solo]]"]\n---\n' });
    const view2 = await opened(solo.t);
    expect(names(view2)).toEqual(['Solo']);
    expect(view2.contentEl.querySelector('.ties-graph-status')!.textContent).toContain('No ties yet');
  });

  it('speaks Dutch when asked', async () => {
    const { t } = await started(vault(), { language: 'nl' });
    const view = await opened(t);
    expect(view.getDisplayText()).toBe('Relatienetwerk');
    expect(view.contentEl.querySelector('.ties-graph-message')!.textContent).toContain('De graaf kan in dit venster niet worden getekend.');
  });

  it('stops its work and kills the renderer when closed', async () => {
    const { t } = await started();
    const view = await opened(t);
    const kill = vi.fn();
    view.panels!.stage.renderer = { kill } as unknown as NonNullable<GraphView['renderer']>;
    leaves(t)[0]!.detach();
    expect(kill).toHaveBeenCalled();
    expect(view.renderer).toBeNull();
  });

  it('rebuilds a large graph in slices, drawing the old model until the new one is done', async () => {
    const n = SLICE_FROM + 100;
    const files: Record<string, string> = {};
    for (let i = 0; i < n; i++) files[`People/P${i}.md`] = `---\norganisation: Org ${i % 7}\nknows: ["[[P${(i + 1) % n}]]"]\n---\n`;
    // The whole graph, not its groups: this is about slicing.
    const { t, plugin: p } = await started(files, { graphOverviewFrom: 100_000 });
    const view = await opened(t);
    expect(view.model!.graph.order).toBe(n);
    const before = view.model;
    // Every slice takes "20 ms": each ends at its first chance to yield.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 20));
    view.setOptions({ colourBy: 'organisation' });
    expect(view.model).toBe(before);
    // A resize or layout change meanwhile leaves the running build alone.
    view.refresh();
    expect(view.model).toBe(before);
    await view.whenIdle();
    expect(view.model).not.toBe(before);
    expect(view.model!.graph.order).toBe(n);
    expect(view.model!.legend.some((e) => e.label.kind === 'organisation')).toBe(true);

    // A new person: the network is rebuilt in slices too, under the old drawing.
    await t.app.vault.create('People/New.md', '---\nknows: ["[[P0]]"]\n---\n');
    await p.sync.idle();
    view.render();
    expect(view.session.phase).toBe('network');
    view.refresh();
    expect(view.model!.graph.hasNode('People/New.md')).toBe(false);
    await view.whenIdle();
    expect(view.model!.graph.hasNode('People/New.md')).toBe(true);
    expect(view.model!.graph.order).toBe(n + 1);
  });
});
