/**
 * The sidebar as a user lives with it (issue 12, points 1–4 and 6; issue 9 point 5): the header line and its
 * chips, folds remembered, onboarding and the problems line, the row menu, keys, focus after a modal, and
 * what to raise next time and where a task lives.
 */
import { Menu } from 'obsidian-test-mocks/obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type TiesPlugin from '../../src/main';
import type { ImportSourceModal } from '../../src/actions/import/source-modal';
import { CheckModal } from '../../src/obsidian/check-modal';
import { openAttentionView, RENDER_DELAY_MS, VIEW_TYPE_ATTENTION, type AttentionView } from '../../src/views/attention/attention-view';
import { FOLDS_KEY } from '../../src/views/attention/folds';
import { createApp, finishIndexing, loadPlugin, openedModals, startPlugin, type TestApp } from './shim';

function vault(): Record<string, string> {
  return {
    'People/Fay.md': '---\nfollow_ups: ["2026-11-20 how the exam went", "her new job at [[Acme]]"]\ninterests: [chess, sailing]\n---\n',
    'People/Otto.md': '---\ncadence: 1 month\nlast_contact: 2026-10-01\n---\n',
    'People/Fred.md': '---\nfavours: ["2026-01-01 got: an intro"]\n---\n',
    'Meetings/2026-11-20 Sync with Kees.md': '# Sync\n\nNotes.\n\n- [ ] send [[Otto]] the chart 📅 2026-11-21\n',
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

async function started(files = vault(), data: unknown = {}): Promise<{ t: TestApp; p: TiesPlugin; view: AttentionView; el: HTMLElement }> {
  const { t, plugin: p } = await startPlugin(files, data);
  plugin = p;
  await openAttentionView(t.app);
  const view = t.app.workspace.getLeavesOfType(VIEW_TYPE_ATTENTION)[0]!.view as unknown as AttentionView;
  return { t, p, view, el: view.contentEl };
}

const settled = async (p: TiesPlugin) => {
  await p.sync.idle();
  await new Promise((r) => setTimeout(r, RENDER_DELAY_MS * 2 + 30));
};
const texts = (el: ParentNode, selector: string) => Array.from(el.querySelectorAll(selector)).map((e) => e.textContent);
const row = (el: HTMLElement, name: string, kind?: string) =>
  Array.from(el.querySelectorAll<HTMLElement>(`.ties-attention-row${kind ? `[data-kind="${kind}"]` : ''}`))
    .find((r) => r.querySelector('.ties-attention-name')?.textContent === name)!;
const section = (el: HTMLElement, kind: string) => el.querySelector<HTMLElement>(`.ties-attention-section[data-kind="${kind}"]`)!;
const key = (target: HTMLElement, k: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));

function spyMenus() {
  const shown: Menu[] = [];
  for (const method of ['showAtMouseEvent', 'showAtPosition'] as const)
    vi.spyOn(Menu.prototype, method).mockImplementation(function (this: Menu) {
      shown.push(this);
      return this;
    });
  return {
    shown,
    titles: () => shown.at(-1)!.menuItems__.map((i) => i.title__),
    choose(title: string) {
      const item = shown.at(-1)!.menuItems__.find((i) => i.title__ === title);
      if (!item) throw new Error(`no menu item ${title}`);
      (item.onClick__ as (evt: MouseEvent) => void)(new MouseEvent('click'));
    },
  };
}

describe('the header line (issue 12, point 1)', () => {
  it('has a chip per non-empty section that jumps to it, unfolding it and focusing its first row', async () => {
    const { el } = await started();
    const chips = Array.from(el.querySelectorAll<HTMLButtonElement>('button.ties-attention-count'));
    expect(chips.map((c) => c.dataset.kind)).toEqual(['follow-up', 'overdue', 'favour']);
    expect(chips[1]!.getAttribute('aria-label')).toBe('Go to Overdue (1)');
    // Fold Overdue, then its chip opens it again.
    section(el, 'overdue').querySelector<HTMLElement>('.ties-attention-section-heading')!.click();
    expect(section(el, 'overdue').querySelector('.ties-attention-row')).toBeNull();
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    chips[1]!.click();
    expect(section(el, 'overdue').querySelector('.ties-attention-row')).not.toBeNull();
    expect(scrolled.mock.contexts[0]).toBe(section(el, 'overdue'));
    expect(document.activeElement).toBe(row(el, 'Otto', 'overdue'));
  });

  it('folds capacity into one line with at most one warning; it opens to the meters, remembered', async () => {
    const files: Record<string, string> = {};
    // 20 people in the circle of 5: the 5 and the 15 are both over; the line names the 5 only.
    for (let i = 0; i < 20; i++) files[`People/Inner ${i}.md`] = '---\ncircle: 5\nlast_contact: 2026-11-23\n---\n';
    const { el, p } = await started(files);
    const summary = el.querySelector<HTMLElement>('.ties-attention-capacity-summary')!;
    expect(summary.textContent).toBe('Capacity20/5 · 20/15 · 20/50 · 20/150circle of 5 over by 15');
    expect(el.querySelectorAll('.ties-attention-capacity-flag')).toHaveLength(1);
    expect(el.querySelector<HTMLDetailsElement>('details.ties-attention-capacity')!.open).toBe(false);
    expect(texts(el, '.ties-attention-capacity-warning')).toEqual([
      'Your circle of 5 holds 20 people with a cadence. Keeping up with more than about 5 is hard: consider moving a few to a wider circle.',
    ]);
    summary.click();
    expect(el.querySelector<HTMLDetailsElement>('details.ties-attention-capacity')!.open).toBe(true);
    expect(texts(el, '.ties-attention-layer-value')).toEqual(['20 / 5', '20 / 15', '20 / 50', '20 / 150']);
    await p.store.saveData({});
    expect(((await p.store.loadData()) as Record<string, unknown>)[FOLDS_KEY]).toEqual({ collapsed: [], capacityOpen: true });
  });

  it('labels the call hour’s size, in the right plural', async () => {
    const { el } = await started();
    const input = el.querySelector<HTMLInputElement>('.ties-attention-callhour-size')!;
    expect(input.closest('label')!.textContent).toBe('Call hourpeople');
    expect(input.getAttribute('aria-label')).toBe('Number of people in the call hour');
    input.value = '1';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(el.querySelector('.ties-attention-callhour-unit')!.textContent).toBe('person');
    expect(el.querySelector('.ties-attention-callhour-start')!.getAttribute('aria-label')).toBe('Start a call hour with the first person');
  });

  it('folds a section from its heading, and a new session starts with it folded', async () => {
    const { el, p } = await started();
    const heading = section(el, 'follow-up').querySelector<HTMLElement>('.ties-attention-section-heading')!;
    expect(heading.getAttribute('aria-expanded')).toBe('true');
    heading.click();
    expect(section(el, 'follow-up').classList.contains('is-collapsed')).toBe(true);
    expect(section(el, 'follow-up').querySelector('.ties-attention-row')).toBeNull();
    expect(section(el, 'follow-up').querySelector('.ties-attention-section-heading')!.getAttribute('aria-expanded')).toBe('false');
    const stored = (await p.store.loadData()) as Record<string, unknown>;
    expect(stored[FOLDS_KEY]).toEqual({ collapsed: ['follow-up'], capacityOpen: false });
    plugin!.unload();
    plugin = null;
    document.body.empty();

    const again = await started(vault(), stored);
    expect(section(again.el, 'follow-up').querySelector('.ties-attention-row')).toBeNull();
    expect(section(again.el, 'overdue').querySelector('.ties-attention-row')).not.toBeNull();
  });
});

describe('onboarding and problems (issue 12, point 2)', () => {
  it('with no person notes says how a note becomes a person, with New person, Import people… and the folder setting', async () => {
    const { t, el } = await started({ 'Notes/Project.md': '# Not a person\n' });
    expect(el.querySelector('.ties-attention-empty-title')!.textContent).toBe('No person notes yet');
    expect(el.textContent).not.toContain('Nobody needs attention today');
    expect(el.querySelector('.ties-attention-onboarding-how')!.textContent).toContain('#person');
    expect(el.querySelector('.ties-attention-onboarding-folder')!.textContent).toBe('The people folder "People" does not exist yet: New person creates it.');
    expect(el.querySelector('.ties-attention-header')).toBeNull();

    const run = vi.fn(() => true);
    const setting = { open: vi.fn(), openTabById: vi.fn() };
    Object.assign(t.app, { commands: { executeCommandById: run }, setting });
    const importer = vi.spyOn(plugin!.actions.importer, 'start').mockReturnValue(null as unknown as ImportSourceModal);
    const click = (action: string) => el.querySelector<HTMLElement>(`[data-action="${action}"]`)!.click();
    click('new-person');
    expect(run).toHaveBeenCalledWith('ties:new-person');
    click('import-people');
    expect(importer).toHaveBeenCalled();
    click('open-settings');
    expect(setting.open).toHaveBeenCalled();
    expect(setting.openTabById).toHaveBeenCalledWith('ties');
  });

  it('with a people folder that exists but holds nobody yet, says so', async () => {
    const { el } = await started({ 'People/photo.png': 'x', 'Notes/x.md': '' });
    expect(el.querySelector('.ties-attention-empty-title')!.textContent).toBe('No person notes yet');
    expect(el.querySelector('.ties-attention-onboarding-folder')!.textContent).toBe('People folder: People');
  });

  it('"Nobody needs attention today" only with people and nothing due', async () => {
    const { el } = await started({ 'People/Calm.md': '---\ncadence: 1 month\nlast_contact: 2026-11-20\n---\n' });
    expect(el.querySelector('.ties-attention-empty-title')!.textContent).toBe('Nobody needs attention today.');
    expect(el.querySelector('.ties-attention-onboarding')).toBeNull();
  });

  it('says how many notes have problems, in one line whose Check opens the check modal', async () => {
    const files = { ...vault(), 'People/Broken.md': '---\ncadence: often\nbirthday: someday\n---\n', 'People/Odd.md': '---\ncircle: 7\n---\n' };
    const { p, el } = await started(files);
    expect(el.querySelector('.ties-attention-problems')).toBeNull(); // counted after the render, not during it
    await settled(p);
    expect(el.querySelector('.ties-attention-problems-text')!.textContent).toBe('2 notes have problems');
    openedModals.length = 0;
    el.querySelector<HTMLElement>('[data-action="check-notes"]')!.click();
    expect(openedModals.at(-1)).toBeInstanceOf(CheckModal);
    // Fixed: the line goes.
    await p.app.vault.modify(p.app.vault.getFileByPath('People/Broken.md')!, '---\ncadence: 1 month\n---\n');
    await p.app.vault.modify(p.app.vault.getFileByPath('People/Odd.md')!, '---\ncircle: 5\n---\n');
    await settled(p);
    await settled(p);
    expect(el.querySelector('.ties-attention-problems')).toBeNull();
  });

  it('says it in Dutch with the right plural', async () => {
    const t = createApp({ 'People/Broken.md': '---\ncadence: often\n---\n' });
    plugin = await loadPlugin(t, { language: 'nl' });
    finishIndexing(t);
    await plugin.sync.whenLoaded();
    await openAttentionView(t.app);
    const el = (t.app.workspace.getLeavesOfType(VIEW_TYPE_ATTENTION)[0]!.view as unknown as AttentionView).contentEl;
    await settled(plugin);
    expect(el.querySelector('.ties-attention-problems-text')!.textContent).toBe('1 notitie heeft problemen');
  });
});

describe('the row menu, keys and focus (issue 12, points 3 and 4)', () => {
  it('right-click: Log contact, Done, Snooze…, Add follow-up, Record favour, Open in new tab / to the right, then Obsidian’s file menu', async () => {
    const { t, p, view, el } = await started();
    const menus = spyMenus();
    const fileMenu = vi.fn();
    t.app.workspace.on('file-menu', fileMenu);
    const done = vi.spyOn(p.actions, 'completeFollowUp').mockResolvedValue(false);
    const followUp = vi.spyOn(p.actions, 'addFollowUp').mockResolvedValue(false);
    const favour = vi.spyOn(p.actions, 'recordFavour').mockResolvedValue(false);
    const openLink = vi.spyOn(t.app.workspace, 'openLinkText').mockResolvedValue();

    const fay = row(el, 'Fay', 'follow-up');
    fay.querySelector('.ties-attention-reason')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 5, clientY: 5 }));
    expect(menus.titles()).toEqual(['Log contact', 'Done', 'Snooze…', 'Add follow-up', 'Record favour', 'Open in new tab', 'Open to the right']);
    expect(fileMenu).toHaveBeenCalledWith(menus.shown.at(-1), t.app.vault.getFileByPath('People/Fay.md'), 'ties-attention', view.leaf);
    menus.choose('Done');
    expect(done).toHaveBeenCalledWith('People/Fay.md', '2026-11-20 how the exam went');
    fay.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 5, clientY: 5 }));
    menus.choose('Add follow-up');
    expect(followUp).toHaveBeenCalledWith('People/Fay.md');
    fay.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 5, clientY: 5 }));
    menus.choose('Record favour');
    expect(favour).toHaveBeenCalledWith('People/Fay.md');
    fay.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 5, clientY: 5 }));
    menus.choose('Open to the right');
    expect(openLink).toHaveBeenLastCalledWith('People/Fay.md', '', 'split');
    fay.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 5, clientY: 5 }));
    menus.choose('Open in new tab');
    expect(openLink).toHaveBeenLastCalledWith('People/Fay.md', '', 'tab');
    // No Done where there is no follow-up.
    row(el, 'Otto', 'overdue').dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 5, clientY: 5 }));
    expect(menus.titles()).not.toContain('Done');
    // Snooze… opens the snooze menu.
    menus.choose('Snooze…');
    expect(menus.titles()).toEqual(['1 week', '1 month', 'Pick a date…']);
  });

  it('a long press on a touch screen opens the same menu', async () => {
    const { el } = await started();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const menus = spyMenus();
    const otto = row(el, 'Otto', 'overdue');
    otto.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch', clientX: 20, clientY: 20 }));
    vi.advanceTimersByTime(600);
    expect(menus.titles()[0]).toBe('Log contact');
    // A touch that moves is a scroll, not a press.
    otto.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch', clientX: 20, clientY: 20 }));
    otto.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerType: 'touch', clientX: 20, clientY: 60 }));
    vi.advanceTimersByTime(600);
    expect(menus.shown).toHaveLength(1);
  });

  it('every row action has a key: D done, F favour, A add follow-up, M and the context-menu key the menu, T the task', async () => {
    const { t, p, el } = await started();
    const menus = spyMenus();
    const done = vi.spyOn(p.actions, 'completeFollowUp').mockResolvedValue(false);
    const favour = vi.spyOn(p.actions, 'recordFavour').mockResolvedValue(false);
    const followUp = vi.spyOn(p.actions, 'addFollowUp').mockResolvedValue(false);
    const openLink = vi.spyOn(t.app.workspace, 'openLinkText').mockResolvedValue();
    const fay = row(el, 'Fay', 'follow-up');
    fay.focus();
    key(fay, 'd');
    expect(done).toHaveBeenCalledWith('People/Fay.md', '2026-11-20 how the exam went');
    key(fay, 'F');
    expect(favour).toHaveBeenCalledWith('People/Fay.md');
    key(fay, 'a');
    expect(followUp).toHaveBeenCalledWith('People/Fay.md');
    key(fay, 'm');
    expect(menus.shown).toHaveLength(1);
    key(fay, 'F10', { shiftKey: true });
    key(fay, 'ContextMenu');
    expect(menus.shown).toHaveLength(3);
    // D on a row that is no follow-up does nothing; Ctrl+Enter opens in a new tab.
    const otto = row(el, 'Otto', 'overdue');
    otto.focus();
    key(otto, 'd');
    expect(done).toHaveBeenCalledTimes(1);
    key(otto, 'Enter', { ctrlKey: true });
    expect(openLink.mock.lastCall!.slice(0, 2)).toEqual(['People/Otto.md', '']);
    expect(openLink.mock.lastCall![2]).toBeTruthy();
    // T on a task's follow-up opens its note at the task.
    const task = Array.from(el.querySelectorAll<HTMLElement>('.ties-attention-row')).find((r) => r.querySelector('.ties-attention-source'))!;
    task.focus();
    key(task, 't');
    expect(openLink).toHaveBeenLastCalledWith('Meetings/2026-11-20 Sync with Kees.md', '', false, { eState: { line: 4 } });
  });

  it('puts the focus back on the same row after a modal is closed', async () => {
    const { p, el } = await started();
    const otto = row(el, 'Otto', 'overdue');
    otto.focus();
    key(otto, 'l');
    const modal = p.actions.lastModal!;
    (document.activeElement as HTMLElement | null)?.blur();
    modal.close();
    await vi.waitFor(() => expect(document.activeElement).toBe(row(el, 'Otto', 'overdue')));
  });

  it('a Tab reaches the header, then the list at one row (a roving tab stop), then nothing else inside it', async () => {
    const { el } = await started();
    const stops = Array.from(el.querySelectorAll<HTMLElement>('button, a[href], input, [tabindex]'))
      .filter((e) => e.tabIndex >= 0 && !e.closest('.ties-attention-actions'));
    const rowStops = stops.filter((e) => e.classList.contains('ties-attention-row'));
    expect(rowStops).toHaveLength(1);
    // Row buttons and links are reached by their keys, not by Tab.
    for (const b of Array.from(el.querySelectorAll<HTMLElement>('.ties-attention-row a, .ties-attention-row button'))) expect(b.tabIndex).toBe(-1);
    expect(stops.indexOf(el.querySelector<HTMLElement>('.ties-attention-callhour-start')!)).toBeLessThan(stops.indexOf(rowStops[0]!));
  });
});

describe('raise next time and task follow-ups on a row (issue 9, point 5)', () => {
  it('shows what to raise, whole items, and where a task lives; a click opens the note at the task', async () => {
    const { t, el } = await started();
    const fay = row(el, 'Fay', 'follow-up');
    expect(fay.querySelector('.ties-attention-raise')!.textContent).toBe('Raise: her new job at Acme');
    const task = section(el, 'follow-up').querySelector<HTMLElement>('.ties-attention-row:has(.ties-attention-source)')
      ?? Array.from(el.querySelectorAll<HTMLElement>('.ties-attention-row')).find((r) => r.querySelector('.ties-attention-source'))!;
    expect(task.dataset.path).toBe('People/Otto.md');
    expect(task.querySelector('.ties-attention-reason')!.textContent).toBe('send Otto the chart · due 3 days ago');
    const source = task.querySelector<HTMLElement>('.ties-attention-source')!;
    expect(source.textContent).toBe('from 2026-11-20 Sync with Kees');
    const openLink = vi.spyOn(t.app.workspace, 'openLinkText').mockResolvedValue();
    source.click();
    expect(openLink).toHaveBeenCalledWith('Meetings/2026-11-20 Sync with Kees.md', '', false, { eState: { line: 4 } });
  });

  it('Done on a task follow-up calls the follow-up Done action the row always called', async () => {
    const { p, el } = await started();
    const done = vi.spyOn(p.actions, 'completeFollowUp').mockResolvedValue(false);
    const task = Array.from(el.querySelectorAll<HTMLElement>('.ties-attention-row')).find((r) => r.querySelector('.ties-attention-source'))!;
    task.querySelector<HTMLElement>('[data-action="done"]')!.click();
    expect(done).toHaveBeenCalledWith('People/Otto.md', expect.stringContaining('the chart'));
  });

  it('the call-hour card shows what to raise next time and where a task lives', async () => {
    const { t, el } = await started();
    el.querySelector<HTMLElement>('[data-action="call-hour"]')!.click();
    // Fay first (her follow-up is oldest), then Otto with his task.
    expect(texts(el, '.ties-callhour-raise li')).toEqual(['her new job at Acme']);
    el.querySelector<HTMLElement>('[data-action="call-skip"]')!.click();
    const source = el.querySelector<HTMLElement>('.ties-callhour .ties-attention-source')!;
    expect(source.textContent).toBe('from 2026-11-20 Sync with Kees');
    const openLink = vi.spyOn(t.app.workspace, 'openLinkText').mockResolvedValue();
    source.click();
    expect(openLink).toHaveBeenCalledWith('Meetings/2026-11-20 Sync with Kees.md', '', false, { eState: { line: 4 } });
  });
});
