import type { WorkspaceLeaf } from 'obsidian';
import { Menu, Plugin } from 'obsidian-test-mocks/obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDayString } from '../../src/core/dates';
import type TiesPlugin from '../../src/main';
import { FIRST_CHUNK, CHUNK } from '../../src/views/attention/model';
import { openAttentionView, RENDER_DELAY_MS, VIEW_TYPE_ATTENTION, type AttentionView } from '../../src/views/attention/attention-view';
import { LogContactModal } from '../../src/actions/modals/log-contact';
import { command, createApp, finishIndexing, loadPlugin, openedModals, type TestApp, startPlugin } from './shim';

const TODAY = parseDayString('2026-11-24')!;
const EVIL = '<img src=x onerror="alert(1)">';

function vault(): Record<string, string> {
  return {
    'People/Fay.md': '---\nfollow_ups: ["2026-11-20 how the exam went"]\ninterests: [chess, "Emma (daughter)", sailing, jazz]\n---\n',
    'People/Otto.md': '---\ncadence: 1 month\nlast_contact: 2026-10-01\nchannel: email\nemail: otto@example.org\norganisation: Acme\nrole: CFO\n---\n## Log\n- 2026-10-01 call: budget\n',
    'People/Dina.md': '---\nbirthday: "--11-26"\nphone: "+31 6 1234 5678"\n---\n',
    'People/Fred.md': '---\nfavours: ["2026-01-01 got: an intro", "2026-02-01 got: a reference"]\n---\n',
    'People/Doris.md': '---\nlast_contact: 2024-01-15\n---\n## Log\n- 2023-05-01 call: x\n- 2023-06-01 call: y\n',
    [`People/${EVIL}.md`]: '---\ncircle: 5\nlast_contact: 2026-01-01\ninterests: ["<script>x()</script>"]\nfollow_ups: ["2026-11-01 <b>bold</b> question"]\n---\n',
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

async function started(files = vault()): Promise<{ t: TestApp; plugin: TiesPlugin }> {
  let t: TestApp;
  ({ t, plugin } = await startPlugin(files));
  return { t, plugin };
}

function leaves(t: TestApp): WorkspaceLeaf[] {
  return t.app.workspace.getLeavesOfType(VIEW_TYPE_ATTENTION);
}

async function opened(t: TestApp): Promise<{ view: AttentionView; el: HTMLElement }> {
  await openAttentionView(t.app);
  const view = leaves(t)[0]!.view as unknown as AttentionView;
  return { view, el: view.contentEl };
}

/** Waits until the debounced render after an index change has run. */
async function settled(p: TiesPlugin): Promise<void> {
  await p.sync.idle();
  await new Promise((r) => setTimeout(r, RENDER_DELAY_MS + 30));
}

const texts = (el: HTMLElement, selector: string) => Array.from(el.querySelectorAll(selector)).map((e) => e.textContent);
const row = (el: HTMLElement, name: string) =>
  Array.from(el.querySelectorAll<HTMLElement>('.ties-attention-row')).find((r) => r.querySelector('.ties-attention-name')?.textContent === name)!;
const section = (el: HTMLElement, kind: string) => el.querySelector<HTMLElement>(`.ties-attention-section[data-kind="${kind}"]`)!;
const button = (r: HTMLElement, action: string) => r.querySelector<HTMLElement>(`[data-action="${action}"]`)!;
const key = (target: HTMLElement, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

/** The menu the view showed last, and a way to click one of its items by title. */
function spyMenus() {
  const shown: Menu[] = [];
  vi.spyOn(Menu.prototype, 'showAtMouseEvent').mockImplementation(function (this: Menu) {
    shown.push(this);
    return this;
  });
  vi.spyOn(Menu.prototype, 'showAtPosition').mockImplementation(function (this: Menu) {
    shown.push(this);
    return this;
  });
  return {
    shown,
    choose(title: string) {
      const menu = shown[shown.length - 1]!;
      const item = menu.menuItems__.find((i) => i.title__ === title);
      if (!item) throw new Error(`no menu item ${title}`);
      (item.onClick__ as (evt: MouseEvent) => void)(new MouseEvent('click'));
    },
  };
}

describe('the due-for-attention sidebar', () => {
  it('opens from the command in one leaf, and reveals that leaf on every later open', async () => {
    const ribbon = vi.spyOn(Plugin.prototype, 'addRibbonIcon');
    const { t, plugin: p } = await started();
    const open = command(p, 'open-due-for-attention');
    expect(open.name).toBe('Open due for attention');
    expect(open.hotkeys).toBeUndefined();
    open.callback!();
    await vi.waitFor(() => expect(leaves(t)[0]?.view).toBeTruthy());
    const first = leaves(t)[0]!;
    open.callback!();
    await openAttentionView(t.app);
    await openAttentionView(t.app);
    expect(leaves(t)).toHaveLength(1);
    expect(leaves(t)[0]).toBe(first);
    expect(t.mock.workspace.activeLeaf).toBe(first);
    expect(first.view.getDisplayText()).toBe('Due for attention');
    const ours = ribbon.mock.calls.filter(([, title]) => title === 'Open due for attention');
    expect(ours.map(([icon]) => icon)).toEqual(['users']);
    first.detach();
    expect(leaves(t)).toHaveLength(0);
    ours[0]![2](new MouseEvent('click'));
    await vi.waitFor(() => expect(leaves(t)[0]?.view).toBeTruthy());
    expect((p as unknown as { hoverLinkSources__: Map<string, unknown> }).hoverLinkSources__.get('ties-attention')).toEqual({ display: 'Ties', defaultMod: true });
  });

  it('shows the sections in order with counts, and the weekly review header', async () => {
    const { t } = await started();
    const { el } = await opened(t);
    expect(Array.from(el.querySelectorAll<HTMLElement>('.ties-attention-section')).map((s) => s.dataset.kind))
      .toEqual(['follow-up', 'overdue', 'date', 'favour', 'dormant']);
    expect(texts(el, '.ties-attention-section-title')).toEqual(['Follow-ups', 'Overdue', 'Coming up', 'Favours owed', 'Dormant ties']);
    expect(texts(el, '.ties-attention-section-count')).toEqual(['2', '2', '1', '1', '1']);
    expect(texts(el, '.ties-attention-count-value')).toEqual(['2', '2', '1', '1', '1']);
    expect(texts(section(el, 'overdue'), '.ties-attention-name')).toEqual([EVIL, 'Otto']);
    // Capacity: the evil one is in the 5 (circle 5), Otto's monthly cadence puts him in the 15.
    expect(texts(el, '.ties-attention-layer-value')).toEqual(['1 / 5', '2 / 15', '2 / 50', '2 / 150']);
    expect(el.querySelector('.ties-attention-capacity-warning')).toBeNull();
    expect(el.querySelector<HTMLInputElement>('.ties-attention-callhour-size')!.value).toBe('5');
  });

  it('shows a row’s reason, interests and channel link; every button has an aria-label', async () => {
    const { t } = await started();
    const { el } = await opened(t);
    const fay = row(el, 'Fay');
    expect(fay.querySelector('.ties-attention-reason')!.textContent).toBe('how the exam went · due 4 days ago');
    // Interests whole, each its own element (a line breaks between them, never inside a cut word).
    expect(fay.querySelector('.ties-attention-interests')!.textContent).toBe('chess · Emma (daughter) · sailing · jazz');
    // Whole items, each ending in the separator but the last, so that a wrapped line never starts with one.
    expect(texts(fay, '.ties-attention-interests .ties-attention-item')).toEqual(['chess ·', 'Emma (daughter) ·', 'sailing ·', 'jazz']);
    expect(fay.querySelector('.ties-attention-channel')!.getAttribute('aria-label')).toBe('No preferred channel');
    expect(Array.from(fay.querySelectorAll<HTMLElement>('.ties-attention-action')).map((b) => b.dataset.action)).toEqual(['done', 'log', 'snooze']);

    const otto = row(el, 'Otto');
    const mail = otto.querySelector<HTMLAnchorElement>('a.ties-attention-channel')!;
    expect(mail.getAttribute('href')).toBe('mailto:otto@example.org');
    expect(mail.getAttribute('aria-label')).toBe('Email Otto (otto@example.org)');
    expect(otto.querySelector('[data-action="done"]')).toBeNull();
    expect(row(el, 'Dina').querySelector('a.ties-attention-channel')!.getAttribute('href')).toBe('tel:+31612345678');
    // Each button says its key (issue 12: every row action has one).
    expect(button(row(el, 'Fred'), 'favour').getAttribute('aria-label')).toBe('Record favour: Fred (F)');
    expect(button(fay, 'done').getAttribute('aria-keyshortcuts')).toBe('D');

    for (const b of Array.from(el.querySelectorAll('button'))) expect(b.getAttribute('aria-label') ?? b.textContent).toBeTruthy();
    for (const b of Array.from(el.querySelectorAll('.ties-attention-action'))) expect(b.getAttribute('aria-label')).toMatch(/: /);
  });

  it('renders HTML in a name, an interest or a reason as text', async () => {
    const { t } = await started();
    const { el } = await opened(t);
    const evil = Array.from(el.querySelectorAll<HTMLElement>('.ties-attention-row')).filter((r) => r.dataset.path === `People/${EVIL}.md`);
    expect(evil.length).toBe(2);
    for (const r of evil) expect(r.querySelector('.ties-attention-name')!.textContent).toBe(EVIL);
    expect(evil[0]!.querySelector('.ties-attention-reason')!.textContent).toBe('<b>bold</b> question · due 3 weeks ago');
    expect(evil[0]!.querySelector('.ties-attention-interests')!.textContent).toBe('<script>x()</script>');
    expect(el.querySelector('img, script, b')).toBeNull();
    expect(document.querySelector('img, script')).toBeNull();
  });

  it('calls the actions: log contact, snooze (week, month, pick a date), done, record favour', async () => {
    const { t, plugin: p } = await started();
    const { el } = await opened(t);
    const log = vi.spyOn(p.actions, 'logContact').mockResolvedValue(true);
    const snooze = vi.spyOn(p.actions, 'snooze').mockResolvedValue(true);
    const pick = vi.spyOn(p.actions, 'pickSnoozeDate').mockResolvedValue(false);
    const favour = vi.spyOn(p.actions, 'recordFavour').mockResolvedValue(false);
    const menus = spyMenus();

    button(row(el, 'Otto'), 'log').click();
    expect(log).toHaveBeenCalledWith('People/Otto.md');

    button(row(el, 'Otto'), 'snooze').dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
    expect(menus.shown[0]!.menuItems__.map((i) => i.title__)).toEqual(['1 week', '1 month', 'Pick a date…']);
    menus.choose('1 week');
    expect(snooze).toHaveBeenLastCalledWith('People/Otto.md', TODAY + 7);
    button(row(el, 'Otto'), 'snooze').click();
    menus.choose('1 month');
    expect(snooze).toHaveBeenLastCalledWith('People/Otto.md', TODAY + 30);
    button(row(el, 'Otto'), 'snooze').click();
    menus.choose('Pick a date…');
    expect(pick).toHaveBeenCalledWith('People/Otto.md');

    button(row(el, 'Fred'), 'favour').click();
    expect(favour).toHaveBeenCalledWith('People/Fred.md');
  });

  it('Done on a follow-up removes it and logs it; the row goes away', async () => {
    const { t, plugin: p } = await started();
    const { el } = await opened(t);
    button(row(el, 'Fay'), 'done').click();
    await vi.waitFor(async () => expect(await t.app.vault.read(t.app.vault.getFileByPath('People/Fay.md')!)).toContain('2026-11-24'));
    const text = await t.app.vault.read(t.app.vault.getFileByPath('People/Fay.md')!);
    expect(text).not.toContain('how the exam went"');
    expect(text).toMatch(/## Log\n- 2026-11-24 how the exam went/);
    await settled(p);
    expect(texts(section(el, 'follow-up'), '.ties-attention-name')).toEqual([EVIL]);
    expect(section(el, 'follow-up').querySelector('.ties-attention-section-count')!.textContent).toBe('1');
  });

  it('Log contact opens the log modal of the actions', async () => {
    const { t, plugin: p } = await started();
    const { el } = await opened(t);
    button(row(el, 'Otto'), 'log').click();
    expect(p.actions.lastModal).not.toBeNull();
  });

  it('opens the note on a click on the name, and asks for a page preview on hover', async () => {
    const { t } = await started();
    const { view, el } = await opened(t);
    const openLink = vi.spyOn(t.app.workspace, 'openLinkText');
    const hover = vi.fn();
    // 'hover-link' is an event Obsidian's page preview listens to; obsidian.d.ts does not list it for `on`.
    (t.app.workspace as unknown as { on(name: string, cb: (...args: unknown[]) => unknown): unknown }).on('hover-link', hover);
    const name = row(el, 'Otto').querySelector<HTMLElement>('.ties-attention-name')!;
    name.click();
    expect(openLink).toHaveBeenCalledWith('People/Otto.md', '', false);
    name.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(hover).toHaveBeenCalledTimes(1);
    expect(hover.mock.calls[0]![0]).toMatchObject({ source: 'ties-attention', hoverParent: view, targetEl: name, linktext: 'People/Otto.md' });
  });

  it('re-renders after a note change, within the debounce', async () => {
    const { t, plugin: p } = await started();
    const { el } = await opened(t);
    const untouched = row(el, 'Fred');
    const favourSection = section(el, 'favour');
    await t.app.vault.modify(t.app.vault.getFileByPath('People/Otto.md')!, '---\ncadence: 1 week\nlast_contact: 2026-11-01\ninterests: [golf]\n---\n');
    await settled(p);
    const otto = row(el, 'Otto');
    expect(otto.querySelector('.ties-attention-reason')!.textContent).toBe('23 days since last contact · every week');
    expect(otto.querySelector('.ties-attention-interests')!.textContent).toBe('golf');
    // A row whose content did not change keeps its element.
    expect(row(el, 'Fred')).toBe(untouched);
    expect(section(el, 'favour')).toBe(favourSection);
    // A new person appears.
    await t.app.vault.create('People/Nina.md', '---\ncircle: 15\n---\n');
    await settled(p);
    expect(texts(section(el, 'overdue'), '.ties-attention-name')).toContain('Nina');
  });

  it('renders only when shown: a hidden view catches up when it is shown again', async () => {
    const { t, plugin: p } = await started();
    const { view, el } = await opened(t);
    view.containerEl.hide();
    await t.app.vault.modify(t.app.vault.getFileByPath('People/Fred.md')!, '---\nfavours: ["2026-01-01 got: an intro"]\n---\n');
    await settled(p);
    expect(row(el, 'Fred').querySelector('.ties-attention-reason')!.textContent).toBe('you owe 2 favours');
    const render = vi.spyOn(view, 'render');
    view.containerEl.show();
    view.onResize();
    expect(render).toHaveBeenCalledTimes(1);
    expect(row(el, 'Fred').querySelector('.ties-attention-reason')!.textContent).toBe('you owe a favour');
    // Nothing changed since: shown again, it does not render again.
    t.app.workspace.trigger('layout-change');
    view.onResize();
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('follows a renamed note and drops a deleted one, without errors', async () => {
    const { t, plugin: p } = await started();
    const { el } = await opened(t);
    const errors = vi.spyOn(console, 'error');
    await t.app.vault.rename(t.app.vault.getFileByPath('People/Otto.md')!, 'People/Otto Lang.md');
    await settled(p);
    expect(texts(section(el, 'overdue'), '.ties-attention-name')).toEqual([EVIL, 'Otto Lang']);
    expect(row(el, 'Otto Lang').dataset.path).toBe('People/Otto Lang.md');
    await t.app.vault.delete(t.app.vault.getFileByPath('People/Fred.md')!);
    await settled(p);
    expect(el.querySelector('.ties-attention-section[data-kind="favour"]')).toBeNull();
    // A chip per section that has rows: Favours owed has none now.
    expect(texts(el, '.ties-attention-count-value')).toEqual(['2', '2', '1', '1']);
    expect(errors).not.toHaveBeenCalled();
  });

  it('moves with the arrow keys; Enter opens, l logs, s snoozes', async () => {
    const { t, plugin: p } = await started();
    const { el } = await opened(t);
    const rows = Array.from(el.querySelectorAll<HTMLElement>('.ties-attention-row'));
    expect(rows.map((r) => r.tabIndex)).toEqual([0, ...rows.slice(1).map(() => -1)]);
    rows[0]!.focus();
    key(rows[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(rows[1]);
    key(rows[1]!, 'ArrowDown');
    key(rows[2]!, 'ArrowUp');
    expect(document.activeElement).toBe(rows[1]);
    expect(rows[1]!.tabIndex).toBe(0);
    expect(rows[0]!.tabIndex).toBe(-1);
    key(rows[1]!, 'End');
    expect(document.activeElement).toBe(rows[rows.length - 1]);
    key(rows[rows.length - 1]!, 'ArrowDown');
    expect(document.activeElement).toBe(rows[rows.length - 1]);
    key(rows[rows.length - 1]!, 'Home');
    expect(document.activeElement).toBe(rows[0]);

    const otto = row(el, 'Otto');
    otto.focus();
    const openLink = vi.spyOn(t.app.workspace, 'openLinkText').mockResolvedValue();
    const log = vi.spyOn(p.actions, 'logContact').mockResolvedValue(true);
    const snooze = vi.spyOn(p.actions, 'snooze').mockResolvedValue(true);
    const menus = spyMenus();
    key(otto, 'Enter');
    expect(openLink).toHaveBeenCalledWith('People/Otto.md', '', false);
    key(otto, 'l');
    expect(log).toHaveBeenCalledWith('People/Otto.md');
    key(otto, 's');
    menus.choose('1 week');
    expect(snooze).toHaveBeenCalledWith('People/Otto.md', TODAY + 7);
    // Typing in the call-hour input is not a shortcut.
    const input = el.querySelector<HTMLInputElement>('.ties-attention-callhour-size')!;
    key(input, 'l');
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('keeps the focused row focused across a re-render, and the next row when it goes', async () => {
    const { t, plugin: p } = await started();
    const { el } = await opened(t);
    row(el, 'Otto').focus();
    await t.app.vault.modify(t.app.vault.getFileByPath('People/Fred.md')!, '---\nfavours: ["2026-01-01 got: an intro", "2026-01-02 got: x", "2026-01-03 got: y"]\n---\n');
    await settled(p);
    expect(document.activeElement).toBe(row(el, 'Otto'));
    await t.app.vault.modify(t.app.vault.getFileByPath('People/Otto.md')!, '---\ncadence: 1 month\nlast_contact: 2026-11-20\n---\n');
    await settled(p);
    expect(row(el, 'Otto')).toBeUndefined();
    expect((document.activeElement as HTMLElement).classList.contains('ties-attention-row')).toBe(true);
  });

  it('runs a call hour: N people one at a time, Log / Skip / Snooze, and a summary', async () => {
    const { t, plugin: p } = await started();
    const { el } = await opened(t);
    const log = vi.spyOn(p.actions, 'logContact').mockResolvedValue(true);
    const snooze = vi.spyOn(p.actions, 'snooze').mockResolvedValue(true);
    const menus = spyMenus();
    const input = el.querySelector<HTMLInputElement>('.ties-attention-callhour-size')!;
    input.value = '4';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    el.querySelector<HTMLElement>('[data-action="call-hour"]')!.click();

    const name = () => el.querySelector('.ties-callhour-person .ties-attention-name')!.textContent;
    expect(el.querySelector('.ties-callhour-progress')!.textContent).toBe('1 of 4');
    // Follow-ups first: the evil one (oldest follow-up), then Fay.
    expect(name()).toBe(EVIL);
    expect(texts(el, '.ties-callhour-reason-text')).toEqual(['follow up: <b>bold</b> question · due 3 weeks ago', '327 days since last contact · every week']);
    el.querySelector<HTMLElement>('[data-action="call-skip"]')!.click();

    expect(name()).toBe('Fay');
    expect(el.querySelector('.ties-callhour-interests .ties-callhour-text')!.textContent).toBe('chess · Emma (daughter) · sailing · jazz');
    expect(el.querySelector('.ties-callhour-none')!.textContent).toBe('No contacts logged yet');
    el.querySelector<HTMLElement>('[data-action="call-log"]')!.click();
    expect(log).toHaveBeenLastCalledWith('People/Fay.md');

    await vi.waitFor(() => expect(el.querySelector('.ties-callhour-progress')!.textContent).toBe('3 of 4'));
    expect(name()).toBe('Otto');
    expect(texts(el, '.ties-callhour-log li')).toEqual(['2026-10-01 phone: budget']);
    expect(el.querySelector('.ties-callhour-work')!.textContent).toBe('Acme · CFO');
    expect(el.querySelector('.ties-callhour-person a.ties-attention-channel')!.getAttribute('href')).toBe('mailto:otto@example.org');
    el.querySelector<HTMLElement>('[data-action="call-snooze"]')!.click();
    menus.choose('1 month');
    expect(snooze).toHaveBeenLastCalledWith('People/Otto.md', TODAY + 30);

    await vi.waitFor(() => expect(name()).toBe('Dina'));
    el.querySelector<HTMLElement>('[data-action="call-log"]')!.click();
    await vi.waitFor(() => expect(el.querySelector('.ties-callhour-summary')!.textContent).toBe('Logged 2, skipped 1, snoozed 1'));
    el.querySelector<HTMLElement>('[data-action="call-back"]')!.click();
    expect(el.querySelector('.ties-callhour')).toBeNull();
    expect(el.querySelectorAll('.ties-attention-section').length).toBe(5);
    // The size stays for the next call hour.
    expect(el.querySelector<HTMLInputElement>('.ties-attention-callhour-size')!.value).toBe('4');
  });

  it('call hour: moves on and counts only after the write, and Cancel returns to the same person (issue 8 #19)', async () => {
    const { t, plugin: p } = await started();
    const { el } = await opened(t);
    const menus = spyMenus();
    const read = (path: string) => t.app.vault.read(t.app.vault.getFileByPath(path)!);
    const name = () => el.querySelector('.ties-callhour-person .ties-attention-name')!.textContent;
    const click = (action: string) => el.querySelector<HTMLElement>(`[data-action="${action}"]`)!.click();
    el.querySelector<HTMLElement>('[data-action="call-hour"]')!.click();
    expect(name()).toBe(EVIL);
    click('call-skip');
    expect(name()).toBe('Fay');

    // Log opens the modal; the card stays on Fay and waits.
    click('call-log');
    const modal = openedModals.at(-1) as LogContactModal;
    expect(modal).toBeInstanceOf(LogContactModal);
    expect(name()).toBe('Fay');
    expect(el.querySelector('.ties-callhour-progress')!.textContent).toBe('2 of 5');
    const disabled = () => Array.from(el.querySelectorAll<HTMLButtonElement>('.ties-callhour button:not(.ties-callhour-back)')).filter((b) => b.disabled).length;
    expect(disabled()).toBe(el.querySelectorAll('.ties-callhour button').length);
    expect(el.querySelector('.ties-callhour-waiting')!.textContent).toBe('Waiting for the change to Fay…');
    // Cancel: still Fay, nothing counted, the buttons work again, focus back on Log.
    modal.contentEl.querySelector<HTMLButtonElement>('.ties-form-cancel')!.click();
    await vi.waitFor(() => expect(el.querySelector('.ties-callhour-waiting')).toBeNull());
    expect(name()).toBe('Fay');
    expect(disabled()).toBe(0);
    expect(document.activeElement?.getAttribute('data-action')).toBe('call-log');
    expect(await read('People/Fay.md')).toBe(vault()['People/Fay.md']);

    // Log again, and submit: the note is written, then the card moves on.
    click('call-log');
    const second = openedModals.at(-1) as LogContactModal;
    second.textEl.value = 'talked about the exam';
    second.trySubmit();
    await vi.waitFor(() => expect(name()).toBe('Otto'));
    expect(await read('People/Fay.md')).toContain('- 2026-11-24 talked about the exam');

    // A snooze that is refused (Otto's frontmatter turned into a plain text meanwhile) does not count.
    const otto = t.app.vault.getFileByPath('People/Otto.md')!;
    const ottoText = await read('People/Otto.md');
    await t.app.vault.modify(otto, '---\njust text\n---\n');
    click('call-snooze');
    menus.choose('1 week');
    await vi.waitFor(() => expect(el.querySelector('.ties-callhour-waiting')).toBeNull());
    expect(name()).toBe('Otto');
    await t.app.vault.modify(otto, ottoText);
    await settled(p);
    click('call-snooze');
    menus.choose('1 week');
    await vi.waitFor(() => expect(name()).toBe('Dina'));
    expect(await read('People/Otto.md')).toContain('snooze_until: 2026-12-01');

    click('call-end');
    expect(el.querySelector('.ties-callhour-summary')!.textContent).toBe('Logged 1, skipped 1, snoozed 1');
  });

  it('call hour: Done for each due follow-up ticks it off through the sidebar’s action, and stays on the person', async () => {
    const files = vault();
    files['People/Fay.md'] = '---\nfollow_ups: ["2026-11-20 how the exam went", "2026-11-22 send the photos", "2026-12-20 later"]\n---\n';
    const { t, plugin: p } = await started(files);
    const { el } = await opened(t);
    const complete = vi.spyOn(p.actions, 'completeFollowUp');
    const name = () => el.querySelector('.ties-callhour-person .ties-attention-name')!.textContent;
    const input = el.querySelector<HTMLInputElement>('.ties-attention-callhour-size')!;
    input.value = '2';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    el.querySelector<HTMLElement>('[data-action="call-hour"]')!.click();
    el.querySelector<HTMLElement>('[data-action="call-skip"]')!.click();
    expect(name()).toBe('Fay');
    const dones = () => Array.from(el.querySelectorAll<HTMLButtonElement>('.ties-callhour-done'));
    // Two follow-ups are due; the one in December is not.
    expect(dones().map((b) => b.getAttribute('aria-label'))).toEqual(['Done: how the exam went (Fay)', 'Done: send the photos (Fay)']);
    expect(dones().map((b) => b.textContent)).toEqual(['Done', 'Done']);

    dones()[1]!.click();
    expect(complete).toHaveBeenCalledWith('People/Fay.md', '2026-11-22 send the photos');
    await vi.waitFor(() => expect(texts(el, '.ties-callhour-ticked')).toEqual(['Done: send the photos']));
    const text = await t.app.vault.read(t.app.vault.getFileByPath('People/Fay.md')!);
    expect(text).not.toContain('send the photos"');
    expect(text).toContain('- 2026-11-24 send the photos');
    await settled(p);
    expect(name()).toBe('Fay');
    expect(dones().map((b) => b.getAttribute('aria-label'))).toEqual(['Done: how the exam went (Fay)']);
    expect(el.querySelector('[data-action="call-skip"]')!.textContent).toBe('Next');
    el.querySelector<HTMLElement>('[data-action="call-skip"]')!.click();
    expect(el.querySelector('.ties-callhour-summary')!.textContent).toBe('Logged 1, skipped 1, snoozed 0');
  });

  it('ends a call hour early, and follows a note renamed during it', async () => {
    const { t, plugin: p } = await started();
    const { el } = await opened(t);
    el.querySelector<HTMLElement>('[data-action="call-hour"]')!.click();
    el.querySelector<HTMLElement>('[data-action="call-skip"]')!.click();
    await t.app.vault.rename(t.app.vault.getFileByPath('People/Fay.md')!, 'People/Fay Bakker.md');
    await settled(p);
    expect(el.querySelector('.ties-callhour-person .ties-attention-name')!.textContent).toBe('Fay Bakker');
    expect(el.querySelector<HTMLElement>('.ties-callhour-person')!.dataset.path).toBe('People/Fay Bakker.md');
    el.querySelector<HTMLElement>('[data-action="call-end"]')!.click();
    expect(el.querySelector('.ties-callhour-summary')!.textContent).toBe('Logged 0, skipped 1, snoozed 0');
  });

  it('shows an empty state when nobody needs attention, and a loading state before the first load', async () => {
    const { t } = await started({ 'People/Calm.md': '---\ncadence: 1 month\nlast_contact: 2026-11-20\n---\n' });
    const { el } = await opened(t);
    expect(el.querySelector('.ties-attention-empty-title')!.textContent).toBe('Nobody needs attention today.');
    expect(el.querySelector('.ties-attention-section')).toBeNull();

    const t2 = createApp(vault());
    (t2.app.metadataCache as unknown as Record<string, unknown>).resolved = false;
    const p2 = await loadPlugin(t2);
    try {
      t2.mock.workspace.setLayoutReady__();
      const { el: el2 } = await opened(t2);
      expect(el2.querySelector('.ties-attention-loading')!.textContent).toBe('Reading your notes…');
      finishIndexing(t2);
      await p2.sync.whenLoaded();
      await settled(p2);
      expect(el2.querySelector('.ties-attention-loading')).toBeNull();
      expect(el2.querySelectorAll('.ties-attention-section').length).toBe(5);
    } finally {
      p2.unload();
    }
  });

  it('warns gently when a circle is over capacity', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 7; i++) files[`People/Inner ${i}.md`] = '---\ncircle: 5\nlast_contact: 2026-11-23\n---\n';
    const { t } = await started(files);
    const { el } = await opened(t);
    expect(el.querySelector('.ties-attention-layer[data-circle="5"]')!.classList.contains('is-over')).toBe(true);
    expect(texts(el, '.ties-attention-capacity-warning')).toEqual([
      'Your circle of 5 holds 7 people with a cadence. Keeping up with more than about 5 is hard: consider moving a few to a wider circle.',
    ]);
  });

  it('renders long sections lazily: a first chunk, then more on request', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`People/P${String(i).padStart(3, '0')}.md`] = '---\ncadence: 7\nlast_contact: 2026-01-01\n---\n';
    for (let i = 0; i < 10; i++) files[`People/D${i}.md`] = '---\nlast_contact: 2024-01-01\n---\n';
    const { t } = await started(files);
    const { el } = await opened(t);
    const overdue = () => section(el, 'overdue');
    expect(overdue().querySelectorAll('.ties-attention-row').length).toBe(FIRST_CHUNK);
    expect(overdue().querySelector('.ties-attention-section-count')!.textContent).toBe('150');
    const more = overdue().querySelector<HTMLElement>('[data-action="more"]')!;
    expect(more.textContent).toBe(`Show ${CHUNK} more`);
    more.click();
    expect(overdue().querySelectorAll('.ties-attention-row').length).toBe(FIRST_CHUNK + CHUNK);
    let clicks = 1;
    for (; overdue().querySelector('[data-action="more"]'); clicks++) overdue().querySelector<HTMLElement>('[data-action="more"]')!.click();
    expect(clicks).toBe(1 + Math.ceil((150 - FIRST_CHUNK - CHUNK) / CHUNK));
    expect(overdue().querySelectorAll('.ties-attention-row').length).toBe(150);
    expect(overdue().querySelector('[data-action="more"]')).toBeNull();

    // Dormant ties: this week's three, the rest behind "Show all", and back.
    const dormant = () => section(el, 'dormant');
    expect(dormant().querySelectorAll('.ties-attention-row').length).toBe(3);
    expect(dormant().querySelector('.ties-attention-section-count')!.textContent).toBe('3 of 10');
    const all = dormant().querySelector<HTMLElement>('[data-action="more"]')!;
    expect(all.textContent).toBe('Show all (7 more)');
    all.click();
    expect(dormant().querySelectorAll('.ties-attention-row').length).toBe(10);
    dormant().querySelector<HTMLElement>('[data-action="fewer"]')!.click();
    expect(dormant().querySelectorAll('.ties-attention-row').length).toBe(3);
  });

  it('loads the next chunk by itself when "Show more" scrolls into view (IntersectionObserver)', async () => {
    const observers: { callback: IntersectionObserverCallback; targets: Element[] }[] = [];
    vi.stubGlobal('IntersectionObserver', class {
      private readonly entry: { callback: IntersectionObserverCallback; targets: Element[] };
      constructor(callback: IntersectionObserverCallback) {
        this.entry = { callback, targets: [] };
        observers.push(this.entry);
      }
      observe(target: Element) {
        this.entry.targets.push(target);
      }
      disconnect() {
        this.entry.targets.length = 0;
      }
    });
    try {
      const files: Record<string, string> = {};
      for (let i = 0; i < 100; i++) files[`People/P${String(i).padStart(3, '0')}.md`] = '---\ncadence: 7\nlast_contact: 2026-01-01\n---\n';
      for (let i = 0; i < 10; i++) files[`People/D${i}.md`] = '---\nlast_contact: 2024-01-01\n---\n';
      const { t } = await started(files);
      const { el } = await opened(t);
      const live = () => observers.filter((o) => o.targets.length > 0);
      // The sentinel is the overdue section's "Show more"; "Show all" on dormant ties waits for a click.
      expect(live().length).toBe(1);
      expect(live()[0]!.targets.map((b) => (b as HTMLElement).dataset.kind)).toEqual(['overdue']);
      const scrolledTo = (o: { callback: IntersectionObserverCallback; targets: Element[] }) =>
        o.callback([{ isIntersecting: true, target: o.targets[0]! } as unknown as IntersectionObserverEntry], {} as IntersectionObserver);
      scrolledTo(live()[0]!);
      expect(section(el, 'overdue').querySelectorAll('.ties-attention-row').length).toBe(FIRST_CHUNK + CHUNK);
      while (live().length > 0) scrolledTo(live()[0]!);
      expect(section(el, 'overdue').querySelectorAll('.ties-attention-row').length).toBe(100);
      // Everything shown: nothing left to observe (dormant ties' "Show all" waits for a click).
      expect(section(el, 'overdue').querySelector('[data-action="more"]')).toBeNull();
      expect(section(el, 'dormant').querySelector('[data-action="more"]')).not.toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('speaks Dutch when set to', async () => {
    const t = createApp(vault());
    plugin = await loadPlugin(t, { language: 'nl' });
    finishIndexing(t);
    await plugin.sync.whenLoaded();
    const { el } = await opened(t);
    expect(texts(el, '.ties-attention-section-title')).toEqual(['Opvolgingen', 'Achterstallig', 'Binnenkort', 'Openstaande gunsten', 'Slapende contacten']);
    expect(button(row(el, 'Otto'), 'log').getAttribute('aria-label')).toBe('Contact vastleggen: Otto (L)');
    expect(row(el, 'Fred').querySelector('.ties-attention-reason')!.textContent).toBe('je bent 2 gunsten schuldig');
    expect(row(el, 'Fay').querySelector('.ties-attention-reason')!.textContent).toBe('how the exam went · 4 dagen over tijd');
    expect(el.querySelector('.ties-attention-callhour-unit')!.textContent).toBe('mensen');
    expect(el.querySelector('.ties-attention-callhour-start')!.getAttribute('aria-label')).toBe('Een beluur beginnen met de eerste 5 mensen');
    expect(command(plugin, 'open-due-for-attention').name).toBe('Aandacht nodig openen');
  });

  it('stops listening once its leaf is closed; unloading the plugin leaves the leaf alone', async () => {
    const { t, plugin: p } = await started();
    const { view } = await opened(t);
    const render = vi.spyOn(view, 'render');
    leaves(t)[0]!.detach();
    p.index.set({ path: 'People/X.md', basename: 'X', frontmatter: { circle: 5 }, tags: [], links: [], listItems: [] });
    await new Promise((r) => setTimeout(r, RENDER_DELAY_MS + 30));
    expect(render).not.toHaveBeenCalled();

    await opened(t);
    p.unload();
    plugin = null;
    expect(leaves(t)).toHaveLength(1);
  });
});
