/**
 * Undo (issue 8 #21): the session's history of writes, the "Undo last change" command and the notice's Undo
 * button on one history, entries that hold several notes and notes created, and notices that replace each
 * other instead of piling up.
 */
import type { TFile } from 'obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NewPersonModal } from '../../src/actions/modals/new-person';
import { localToday } from '../../src/core/dates';
import type TiesPlugin from '../../src/main';
import { HISTORY_SIZE } from '../../src/obsidian/history';
import { lastNotice, notices, undoButton } from './notices';
import { command, openedModals, snapshot, startPlugin, type TestApp } from './shim';

const TODAY = localToday();
const JAN = '---\nlast_contact: 2026-01-05\n---\n# Jan\n\n## Log\n- 2026-01-05 call: budget\n';
const PIET = '---\ncircle: 15\n---\nNo log yet.';
const ANN = '---\ncadence: 30\n---\n';

let plugin: TiesPlugin | null = null;
beforeEach(() => {
  notices.length = 0;
});
afterEach(() => {
  plugin?.unload();
  plugin = null;
  openedModals.length = 0;
  vi.restoreAllMocks();
});

async function started(data: unknown = {}): Promise<{ t: TestApp; p: TiesPlugin }> {
  let t: TestApp;
  ({ t, plugin } = await startPlugin({ 'People/Jan.md': JAN, 'People/Piet.md': PIET, 'People/Ann.md': ANN }, data));
  return { t, p: plugin };
}

function file(t: TestApp, path: string): TFile {
  const f = t.app.vault.getFileByPath(path);
  if (!f) throw new Error(`no file ${path}`);
  return f;
}
const read = (t: TestApp, path: string) => t.app.vault.read(file(t, path));
const undoLast = async (p: TiesPlugin) => {
  command(p, 'undo-last-change').callback!();
  // The command starts the undo; the writer's own call resolves when it is done.
  await vi.waitFor(() => expect(notices.at(-1)?.text).toMatch(/^(Undone|Cannot undo|Nothing to undo|Could not undo)/));
};

describe('Undo last change', () => {
  it('is a command without a default hotkey, in English and Dutch, that says when there is nothing to undo', async () => {
    const { p } = await started();
    const cmd = command(p, 'undo-last-change');
    expect(cmd.name).toBe('Undo last change');
    expect(cmd.hotkeys).toBeUndefined();
    await undoLast(p);
    expect(lastNotice().text).toBe('Nothing to undo in this session.');
    plugin!.unload();
    ({ plugin } = await startPlugin({}, { language: 'nl' }));
    expect(command(plugin, 'undo-last-change').name).toBe('Laatste wijziging ongedaan maken');
  });

  it('undoes the writes of this session newest first, each note back to its exact text', async () => {
    const { t, p } = await started();
    const start = await snapshot(t.app);
    await p.actions.writeLog('People/Jan.md', { day: TODAY, channel: 'phone', text: 'a' });
    const janLogged = await read(t, 'People/Jan.md');
    await p.actions.writeFavour('People/Piet.md', TODAY, 'gave', 'a book');
    await p.actions.snooze('People/Jan.md', TODAY + 7);

    await undoLast(p);
    expect(lastNotice().text).toBe('Undone: Jan is as it was.');
    expect(await read(t, 'People/Jan.md')).toBe(janLogged);
    notices.length = 0;
    await undoLast(p);
    expect(await read(t, 'People/Piet.md')).toBe(PIET);
    notices.length = 0;
    await undoLast(p);
    expect(await snapshot(t.app)).toEqual(start);
    notices.length = 0;
    await undoLast(p);
    expect(lastNotice().text).toBe('Nothing to undo in this session.');
  });

  it('keeps at least the last 10 changes (20), and drops older ones', async () => {
    const { t, p } = await started();
    expect(HISTORY_SIZE).toBeGreaterThanOrEqual(10);
    const texts: string[] = [await read(t, 'People/Ann.md')];
    for (let i = 1; i <= HISTORY_SIZE + 1; i++) {
      await p.actions.writeFollowUp('People/Ann.md', TODAY + i, `item ${i}`);
      texts.push(await read(t, 'People/Ann.md'));
    }
    expect(p.actions.writer.history.list()).toHaveLength(HISTORY_SIZE);
    for (let i = HISTORY_SIZE + 1; i >= 2; i--) {
      notices.length = 0;
      await undoLast(p);
      expect(await read(t, 'People/Ann.md')).toBe(texts[i - 1]);
    }
    notices.length = 0;
    await undoLast(p);
    expect(lastNotice().text).toBe('Nothing to undo in this session.');
    expect(await read(t, 'People/Ann.md')).toBe(texts[1]);
  });

  it('leaves a note that changed since, says so, and moves on to the change before', async () => {
    const { t, p } = await started();
    await p.actions.writeFavour('People/Piet.md', TODAY, 'got', 'advice');
    await p.actions.writeLog('People/Jan.md', { day: TODAY, channel: null, text: 'x' });
    const edited = (await read(t, 'People/Jan.md')) + '\nEdited by hand.\n';
    await t.app.vault.modify(file(t, 'People/Jan.md'), edited);
    await undoLast(p);
    expect(lastNotice().text).toBe('Cannot undo: Jan has changed since.');
    expect(await read(t, 'People/Jan.md')).toBe(edited);
    notices.length = 0;
    await undoLast(p);
    expect(lastNotice().text).toBe('Undone: Piet is as it was.');
    expect(await read(t, 'People/Piet.md')).toBe(PIET);
  });

  it('shares its history with the notice’s Undo button', async () => {
    const { t, p } = await started();
    await p.actions.writeLog('People/Jan.md', { day: TODAY, channel: null, text: 'x' });
    const janNotice = lastNotice();
    await p.actions.writeFavour('People/Piet.md', TODAY, 'gave', 'y');
    const pietNotice = lastNotice();
    // The command takes Piet's change back; Piet's button then has nothing left to undo.
    await undoLast(p);
    expect(await read(t, 'People/Piet.md')).toBe(PIET);
    undoButton(pietNotice).click();
    await vi.waitFor(() => expect(lastNotice().text).toBe('Nothing to undo: this change was undone already, or is older than the last 20 changes.'));
    // Jan's button undoes Jan's change; the command then finds nothing.
    undoButton(janNotice).click();
    await vi.waitFor(() => expect(lastNotice().text).toBe('Undone: Jan is as it was.'));
    expect(await read(t, 'People/Jan.md')).toBe(JAN);
    await undoLast(p);
    expect(lastNotice().text).toBe('Nothing to undo in this session.');
  });

  it('follows a note renamed since the write', async () => {
    const { t, p } = await started();
    await p.actions.writeLog('People/Jan.md', { day: TODAY, channel: null, text: 'x' });
    await t.app.vault.rename(file(t, 'People/Jan.md'), 'Archive/Jan Jansen.md');
    await undoLast(p);
    expect(lastNotice().text).toBe('Undone: Jan Jansen is as it was.');
    expect(await read(t, 'Archive/Jan Jansen.md')).toBe(JAN);
  });
});

describe('one history entry for several notes and notes created', () => {
  /** A change to Jan and Piet and a new note, written by hand and remembered as one action (as an import will). */
  async function multiWrite(t: TestApp, p: TiesPlugin) {
    const created = await t.app.vault.create('People/Kim.md', '---\nrole: CTO\n---\n');
    const jan = await read(t, 'People/Jan.md');
    const piet = await read(t, 'People/Piet.md');
    await t.app.vault.modify(file(t, 'People/Jan.md'), jan + 'met at the fair\n');
    await t.app.vault.modify(file(t, 'People/Piet.md'), piet + '\nmet at the fair\n');
    return p.actions.writer.remember('Imported 3 people.', [
      { path: 'People/Jan.md', before: jan, after: jan + 'met at the fair\n' },
      { path: created.path, before: null, after: '---\nrole: CTO\n---\n' },
      { path: 'People/Piet.md', before: piet, after: piet + '\nmet at the fair\n' },
    ]);
  }

  it('is undone as a whole: changed notes put back, created notes to the trash', async () => {
    const { t, p } = await started();
    const start = await snapshot(t.app);
    await multiWrite(t, p);
    expect(lastNotice().text).toBe('Imported 3 people.Undo');
    expect(undoButton(lastNotice()).getAttribute('aria-label')).toBe('Undo this change to 3 notes');
    await undoLast(p);
    expect(lastNotice().text).toBe('Undone: 2 notes are as they were and Kim is in the trash.');
    expect(t.app.vault.getFileByPath('People/Kim.md')).toBeNull();
    expect(await snapshot(t.app)).toEqual(start);
  });

  it('leaves the notes changed since, and names them', async () => {
    const { t, p } = await started();
    await multiWrite(t, p);
    await t.app.vault.modify(file(t, 'People/Piet.md'), 'rewritten');
    await t.app.vault.modify(file(t, 'People/Kim.md'), 'filled in by hand');
    await undoLast(p);
    expect(lastNotice().text).toBe('Undone: Jan is as it was. Cannot undo: Piet and Kim have changed since.');
    expect(await read(t, 'People/Jan.md')).toBe(JAN);
    expect(await read(t, 'People/Piet.md')).toBe('rewritten');
    expect(await read(t, 'People/Kim.md')).toBe('filled in by hand');
  });

  it('New person goes into the history: Undo moves the new note to the trash, unless it was edited since', async () => {
    const { t, p } = await started();
    const create = async (name: string) => {
      command(p, 'new-person').callback!();
      const modal = openedModals.at(-1) as NewPersonModal;
      modal.nameEl.value = name;
      modal.trySubmit();
      await modal.result;
    };
    await create('Lee');
    expect(lastNotice().text).toBe('Created People/Lee.md.Undo');
    await undoLast(p);
    expect(lastNotice().text).toBe('Undone: Lee is in the trash.');
    expect(t.app.vault.getFileByPath('People/Lee.md')).toBeNull();

    await create('Mo');
    await t.app.vault.modify(file(t, 'People/Mo.md'), 'my own notes');
    undoButton(notices.find((n) => n.text.startsWith('Created People/Mo.md'))!).click();
    await vi.waitFor(() => expect(lastNotice().text).toBe('Cannot undo: Mo has changed since.'));
    expect(await read(t, 'People/Mo.md')).toBe('my own notes');
  });

  it('says which note could not be undone when the vault fails', async () => {
    const { t, p } = await started();
    await p.actions.writeLog('People/Jan.md', { day: TODAY, channel: null, text: 'x' });
    vi.spyOn(t.app.vault, 'process').mockRejectedValueOnce(new Error('EACCES.'));
    await undoLast(p);
    expect(lastNotice().text).toBe('Could not undo Jan: EACCES.');
  });
});

describe('notices', () => {
  it('do not pile up: each new one hides the one before', async () => {
    const { p } = await started();
    for (let i = 0; i < 10; i++) await p.actions.writeFollowUp('People/Ann.md', TODAY + 1 + i, `ask ${i}`);
    await p.actions.snooze('People/Ann.md', TODAY + 3);
    await undoLast(p);
    expect(notices.length).toBeGreaterThanOrEqual(12);
    expect(notices.filter((n) => !n.hidden).map((n) => n.text)).toEqual(['Undone: Ann is as it was.']);
  });
});
