/**
 * People in this note (issue 9 #4) in the plugin: the panel follows the active note, shows the people it
 * names as the prep model orders them, re-renders when the index changes; Log this meeting for everyone
 * writes each note and one Undo restores them all byte for byte; Done on a task; Create person; a person
 * note's own card with whom they know and who can introduce you.
 */
import type { TFile, WorkspaceLeaf } from 'obsidian';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { LogMeetingModal } from '../../src/actions/modals/log-meeting';
import type { NewPersonModal } from '../../src/actions/modals/new-person';
import type TiesPlugin from '../../src/main';
import { NOTE_PEOPLE_RENDER_MS, openNotePeopleView, VIEW_TYPE_NOTE_PEOPLE, type NotePeopleView } from '../../src/views/note-people/note-people-view';
import { lastNotice, notices, undoButton } from './notices';
import { command, openedModals, snapshot, startPlugin, type TestApp } from './shim';

const MEETING = 'Meetings/2026-11-20 Sync with Kees.md';
const MEETING_TEXT = '---\nattendees: ["[[Kees]]", "[[Lotte]]", "[[Ann]]"]\n---\n# Sync\n\nWith [[Bo]], [[Kees]] and [[Projects/Plan]].\n\n- [ ] ask [[Kees]] how the exam went 📅 2026-11-22\n- [ ] book a room\n';
const files: Record<string, string> = {
  'People/Kees.md': '---\nrole: Engineer\norganisation: Acme\nchannel: email\nemail: kees@example.org\nphone: "+31 6 1234 5678"\ninterests: [sailing, jazz]\nfavours: ["2026-10-01 got: a reference"]\nbirthday: "1990-11-30"\nintroduced_by: "[[Ann]]"\nmet: 2024-05-02\nlinkedin: https://www.linkedin.com/in/kees\nfollow_ups: ["send the slides"]\ncadence: 30\n---\n## Log\n- 2026-11-02 call: the budget\n',
  'People/Ann.md': '---\nlast_contact: 2026-11-18\nknows: ["[[Kees]]", "[[Dirk]]", "[[Nobody Yet]]"]\n---\n',
  'People/Bo.md': '---\ncadence: 14\n---\n',
  'People/Dirk.md': '---\ncadence: 90\n---\n',
  'Projects/Plan.md': 'A plan, no person.\n',
  'Notes/Plain.md': 'Nothing here.\n',
  'Notes/Next week.md': '---\ndate: 2026-12-01\nattendees: ["[[Bo]]"]\n---\n',
  [MEETING]: MEETING_TEXT,
};

/** The plugin on 24 November 2026, unloaded when the test is done. */
async function started(): Promise<{ t: TestApp; p: TiesPlugin }> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 24, 12, 0, 0));
  notices.length = 0;
  const { t, plugin } = await startPlugin(files);
  onTestFinished(() => {
    plugin.unload();
    document.body.empty();
    openedModals.length = 0;
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  return { t, p: plugin };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const viewOf = (t: TestApp) => (t.app.workspace.getLeavesOfType(VIEW_TYPE_NOTE_PEOPLE)[0] as WorkspaceLeaf).view as unknown as NotePeopleView;
const names = (v: NotePeopleView) => Array.from(v.contentEl.querySelectorAll('.ties-np-name')).map((e) => e.textContent);
const read = (t: TestApp, path: string) => t.app.vault.read(t.app.vault.getAbstractFileByPath(path) as TFile);

/** Opens `path` in the main area as the user would, making it the active note. */
async function openNote(t: TestApp, path: string): Promise<void> {
  const leaf = t.app.workspace.getLeaf(true);
  await leaf.openFile(t.app.vault.getAbstractFileByPath(path) as TFile);
  t.app.workspace.setActiveLeaf(leaf);
}

/** The panel, opened by its command over the note `path`, done drawing. */
async function panelOver(t: TestApp, p: TiesPlugin, path: string): Promise<NotePeopleView> {
  await openNote(t, path);
  command(p, 'open-people-in-this-note').callback!();
  await vi.waitFor(() => expect(t.app.workspace.getLeavesOfType(VIEW_TYPE_NOTE_PEOPLE)).toHaveLength(1));
  const view = viewOf(t);
  await vi.waitFor(() => expect(view.notePath).toBe(path));
  await view.drawn;
  return view;
}

function card(v: NotePeopleView, name: string): HTMLElement {
  const el = Array.from(v.contentEl.querySelectorAll<HTMLElement>('.ties-np-card')).find((c) => c.querySelector('.ties-np-name')?.textContent === name);
  if (!el) throw new Error(`no card for ${name}`);
  return el;
}

describe('People in this note', () => {
  it('is a command without a default hotkey, in English and Dutch, and says what it does with no note open', async () => {
    const { t, p } = await started();
    const cmd = command(p, 'open-people-in-this-note');
    expect(cmd.name).toBe('Open people in this note');
    expect(cmd.hotkeys).toBeUndefined();
    const view = await openNotePeopleView(t.app);
    expect(view).not.toBeNull();
    await view!.drawn;
    expect(view!.contentEl.textContent).toContain('Open a note to see the people it names');
    const { plugin: nl } = await startPlugin({}, { language: 'nl' });
    expect(command(nl, 'open-people-in-this-note').name).toBe('Mensen in deze notitie openen');
    nl.unload();
  });

  it('shows a meeting\'s people as the prep orders them, each card with what to know, and follows the active note', async () => {
    const { t, p } = await started();
    const view = await panelOver(t, p, MEETING);
    // Attendees in their order, then body links; each once; Lotte has no note; a plan is no person.
    expect(names(view)).toEqual(['Kees', 'Ann', 'Bo']);
    expect(view.contentEl.querySelector('.ties-np-meta')!.textContent).toBe('Meeting on 20 Nov · 3 people');
    expect(Array.from(view.contentEl.querySelectorAll('.ties-np-unresolved-name')).map((e) => e.textContent)).toEqual(['Lotte']);

    const kees = card(view, 'Kees');
    expect(kees.querySelector('.ties-np-work')!.textContent).toBe('Engineer · Acme');
    expect(kees.querySelector<HTMLAnchorElement>('.ties-np-mail')!.getAttribute('href')).toBe('mailto:kees@example.org');
    expect(kees.querySelector<HTMLAnchorElement>('.ties-np-phone')!.getAttribute('href')).toBe('tel:+31612345678');
    // The meeting on the 20th is a contact, newer than the log's last line.
    expect(kees.querySelector('.ties-np-contact')!.textContent).toBe('Last contact 4 days ago2 Nov · Phone · the budget');
    const followUps = Array.from(kees.querySelectorAll('.ties-np-follow-up')).map((e) => e.querySelector('.ties-np-follow-up-text')!.textContent + ' | ' + e.querySelector('.ties-np-follow-up-meta')!.textContent);
    expect(followUps).toEqual(['ask Kees how the exam went | Due 22 Nov · in this note', 'send the slides | Raise next time']);
    expect(kees.querySelectorAll('.ties-np-done')).toHaveLength(2);
    expect(kees.querySelector('.ties-np-interests')!.textContent).toBe('Interestssailingjazz');
    expect(kees.querySelector('.ties-np-owed')!.textContent).toBe('You owe them a favour');
    expect(kees.querySelector('.ties-np-birthday')!.textContent).toBe('Birthday 30 Nov, in 6 days, turns 36');
    expect(kees.querySelector('.ties-np-introduced')!.textContent).toBe('Introduced by Ann');
    expect(kees.querySelector('.ties-np-more')!.textContent).toBe('Met 2 May 2024 · LinkedIn');
    expect(kees.querySelector<HTMLAnchorElement>('.ties-np-linkedin')!.getAttribute('href')).toBe('https://www.linkedin.com/in/kees');

    // Another note: a plain one names nobody; then a person note.
    await openNote(t, 'Notes/Plain.md');
    await vi.waitFor(() => expect(view.notePath).toBe('Notes/Plain.md'));
    await view.drawn;
    expect(view.contentEl.querySelector('.ties-np-empty')!.textContent).toBe('Plain names nobody with a person note. Add them as attendees, or link them in the text, like [[Name]].');
    expect(view.contentEl.querySelector('.ties-np-log-all')).toBeNull();
  });

  it('opens a task\'s note at its line from "from …"', async () => {
    const { t, p } = await started();
    const view = await panelOver(t, p, 'People/Kees.md');
    const open = vi.spyOn(t.app.workspace, 'openLinkText');
    const from = card(view, 'Kees').querySelector<HTMLElement>('.ties-np-from')!;
    expect(from.textContent).toBe('from 2026-11-20 Sync with Kees');
    from.click();
    expect(open).toHaveBeenCalledWith(MEETING, '', false, { active: true, eState: { line: 7 } });
  });

  it('re-renders when the note changes while shown', async () => {
    const { t, p } = await started();
    const view = await panelOver(t, p, MEETING);
    await t.app.vault.modify(t.app.vault.getAbstractFileByPath(MEETING) as TFile, MEETING_TEXT.replace('"[[Ann]]"', '"[[Bo]]"').replace('[[Bo]], ', ''));
    await p.sync.idle();
    await pause(NOTE_PEOPLE_RENDER_MS + 50);
    await view.drawn;
    expect(names(view)).toEqual(['Kees', 'Bo']);
  });

  it('logs the meeting for everyone on its day, and one Undo restores every note byte for byte', async () => {
    const { t, p } = await started();
    const view = await panelOver(t, p, MEETING);
    const before = await snapshot(t.app);
    view.contentEl.querySelector<HTMLButtonElement>('.ties-np-log-all')!.click();
    const modal = openedModals.at(-1) as LogMeetingModal;
    expect(modal.dateEl.value).toBe('2026-11-20');
    expect(modal.textEl.value).toBe('[[2026-11-20 Sync with Kees]]');
    modal.channelEl.value = 'in-person';
    modal.trySubmit();
    await modal.result;
    for (const name of ['Kees', 'Ann', 'Bo']) expect(await read(t, `People/${name}.md`)).toContain('- 2026-11-20 in-person: [[2026-11-20 Sync with Kees]]');
    // Ann's last contact was newer (the 18th is older: it moves to the 20th); Kees's log line goes under his log.
    expect(await read(t, 'People/Kees.md')).toContain('## Log\n- 2026-11-02 call: the budget\n- 2026-11-20 in-person: [[2026-11-20 Sync with Kees]]\n');
    expect(await read(t, 'People/Ann.md')).toContain('last_contact: 2026-11-20');
    expect(notices.filter((n) => !n.hidden).map((n) => n.text)).toEqual(['Logged this meeting for 3 people.Undo']);
    expect(p.actions.writer.history.list()).toHaveLength(1);

    undoButton(lastNotice()).click();
    await vi.waitFor(() => expect(lastNotice().text).toMatch(/^Undone/));
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('writes no note of the meeting when one of them cannot be written', async () => {
    const { t, p } = await started();
    await t.app.vault.modify(t.app.vault.getAbstractFileByPath('People/Bo.md') as TFile, '---\ncadence: 14\n---\n## Log\n');
    await p.sync.idle();
    // Bo's frontmatter breaks after the panel listed him: the write is worked out for all three first.
    vi.spyOn(p.actions.writer, 'isBroken').mockImplementation((file) => file.path === 'People/Bo.md');
    const before = await snapshot(t.app);
    expect(await p.actions.writeLogAll(['People/Kees.md', 'People/Ann.md', 'People/Bo.md'], { day: 20_000, channel: null, text: 'x' })).toBeNull();
    expect(await snapshot(t.app)).toEqual(before);
    expect(lastNotice().text).toContain('the frontmatter of Bo cannot be read');
    expect(p.actions.writer.history.list()).toHaveLength(0);
  });

  it('refuses to log a meeting on a day after today', async () => {
    const { t, p } = await started();
    const view = await panelOver(t, p, 'Notes/Next week.md');
    expect(names(view)).toEqual(['Bo']);
    const before = await snapshot(t.app);
    view.contentEl.querySelector<HTMLButtonElement>('.ties-np-log-all')!.click();
    const modal = openedModals.at(-1) as LogMeetingModal;
    expect(modal.dateEl.value).toBe('2026-12-01');
    modal.trySubmit();
    expect(modal.contentEl.querySelector('.ties-form-error')!.textContent).not.toBe('');
    expect(modal.result).toBeNull();
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('Done on a task ticks exactly that line and logs the contact; Undo takes both back', async () => {
    const { t, p } = await started();
    const view = await panelOver(t, p, MEETING);
    const before = await snapshot(t.app);
    card(view, 'Kees').querySelector<HTMLButtonElement>('.ties-np-done')!.click();
    await vi.waitFor(() => expect(lastNotice().text).toContain('Task ticked and contact with Kees logged.'));
    expect(await read(t, MEETING)).toBe(MEETING_TEXT.replace('- [ ] ask [[Kees]] how the exam went 📅 2026-11-22', '- [x] ask [[Kees]] how the exam went 📅 2026-11-22 ✅ 2026-11-24'));
    expect(await read(t, 'People/Kees.md')).toContain('- 2026-11-24 ask [[Kees]] how the exam went\n');
    await p.sync.idle();
    await pause(NOTE_PEOPLE_RENDER_MS + 50);
    await view.drawn;
    expect(Array.from(card(view, 'Kees').querySelectorAll('.ties-np-follow-up-text')).map((e) => e.textContent)).toEqual(['send the slides']);

    command(p, 'undo-last-change').callback!();
    await vi.waitFor(() => expect(lastNotice().text).toMatch(/^Undone/));
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('Create person opens New person with the name filled in, and creates the note', async () => {
    const { t, p } = await started();
    const view = await panelOver(t, p, MEETING);
    view.contentEl.querySelector<HTMLButtonElement>('.ties-np-create')!.click();
    const modal = openedModals.at(-1) as NewPersonModal;
    expect(modal.nameEl.value).toBe('Lotte');
    modal.trySubmit();
    await modal.result;
    expect(t.app.vault.getAbstractFileByPath('People/Lotte.md')).not.toBeNull();
    await p.sync.idle();
    await openNote(t, MEETING);
    view.render();
    await view.drawn;
    expect(names(view)).toEqual(['Kees', 'Lotte', 'Ann', 'Bo']);
  });

  it('for a person note: their card, whom they know, and who can introduce you', async () => {
    const { t, p } = await started();
    const view = await panelOver(t, p, 'People/Dirk.md');
    expect(names(view)).toEqual(['Dirk']);
    expect(view.contentEl.querySelector('.ties-np-log-all')).toBeNull();
    expect(view.contentEl.querySelector('.ties-np-knows')!.textContent).toBe('KnowsNo one listed under knows yet.');
    // Dirk is out of touch; Ann (in touch) knows Dirk.
    await view.introShown;
    expect(Array.from(view.contentEl.querySelectorAll('.ties-np-paths li')).map((e) => e.textContent)).toEqual(['Ann']);

    await openNote(t, 'People/Ann.md');
    await vi.waitFor(() => expect(view.notePath).toBe('People/Ann.md'));
    await view.drawn;
    expect(Array.from(view.contentEl.querySelectorAll('.ties-np-names li')).map((e) => e.textContent)).toEqual(['Kees', 'Dirk', 'Nobody Yet']);
    expect(view.contentEl.querySelector('.ties-np-intro')!.textContent).toContain('You are in touch.');
  });
});
