/**
 * Done on a follow-up that is a task: the task's line is ticked in the note that holds it (and only that
 * line), a contact is logged with the person today, both as one change with one Undo; a task that moved
 * or changed is refused and nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDay, localToday } from '../../src/core/dates';
import type TiesPlugin from '../../src/main';
import { lastNotice, notices, undoButton } from './notices';
import { command, snapshot, startPlugin, type TestApp } from './shim';

const today = formatDay(localToday());
const MEETING = '---\nattendees: ["[[Ann]]"]\n---\n# Sync\n\n- [ ] ask [[Kees]] about the plan 📅 2026-11-23\n- [ ] ask [[Kees]] about the plan\n- [ ] book a room\n';
const KEES = '---\ncadence: 7\nlast_contact: 2026-11-01\n---\n## Todo\n- [ ] send the chart [due:: 2026-11-20]\n\n## Log\n- 2026-11-01 coffee\n';

let plugin: TiesPlugin | null = null;
beforeEach(() => {
  notices.length = 0;
});
afterEach(() => {
  plugin?.unload();
  plugin = null;
});

async function started(): Promise<{ t: TestApp; p: TiesPlugin }> {
  let t: TestApp;
  ({ t, plugin } = await startPlugin({
    'People/Kees.md': KEES,
    'People/Ann.md': '---\ncadence: 7\n---\n',
    'Meetings/2026-11-22 Sync.md': MEETING,
  }));
  return { t, p: plugin };
}
const read = (t: TestApp, path: string) => t.app.vault.read(t.app.vault.getFileByPath(path)!);
const followUp = (p: TiesPlugin, text: RegExp) => p.index.person('People/Kees.md')!.followUps.find((f) => text.test(f.raw))!;

describe('Done on a task', () => {
  it('ticks exactly that line with the Tasks done date, logs the contact, and one Undo takes both back', async () => {
    const { t, p } = await started();
    const before = await snapshot(t.app);
    const f = followUp(p, /📅/);
    expect(f.source).toBe('Meetings/2026-11-22 Sync.md');
    // As the sidebar calls it: the person and the follow-up as written, nothing more.
    expect(await p.actions.completeFollowUp('People/Kees.md', f.raw)).toBe(true);
    expect(await read(t, 'Meetings/2026-11-22 Sync.md')).toBe(MEETING.replace('- [ ] ask [[Kees]] about the plan 📅 2026-11-23', `- [x] ask [[Kees]] about the plan 📅 2026-11-23 ✅ ${today}`));
    const kees = await read(t, 'People/Kees.md');
    expect(kees).toContain(`last_contact: ${today}`);
    expect(kees).toContain(`- 2026-11-01 coffee\n- ${today} ask [[Kees]] about the plan\n`);
    expect(notices.filter((n) => !n.hidden)).toHaveLength(1);
    expect(lastNotice().text).toContain('Task ticked and contact with Kees logged.');
    expect(p.actions.writer.history.list()).toHaveLength(1);

    undoButton(lastNotice()).click();
    await vi.waitFor(() => expect(lastNotice().text).toMatch(/^Undone/));
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('ticks an undated task (raise next time) without a done date, and Undo last change takes both back', async () => {
    const { t, p } = await started();
    const before = await snapshot(t.app);
    const f = followUp(p, /plan$/);
    expect(f.day).toBeNull();
    expect(await p.actions.completeFollowUp('People/Kees.md', f.raw, { source: f.source!, line: f.line! })).toBe(true);
    expect(await read(t, 'Meetings/2026-11-22 Sync.md')).toBe(MEETING.replace('- [ ] ask [[Kees]] about the plan\n', '- [x] ask [[Kees]] about the plan\n'));
    command(p, 'undo-last-change').callback!();
    await vi.waitFor(() => expect(lastNotice().text).toMatch(/^Undone/));
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('ticks a task in the person\'s own note and logs there, in one write of that note', async () => {
    const { t, p } = await started();
    const f = followUp(p, /chart/);
    expect(await p.actions.completeFollowUp('People/Kees.md', f.raw)).toBe(true);
    const kees = await read(t, 'People/Kees.md');
    expect(kees).toContain(`- [x] send the chart [due:: 2026-11-20] [completion:: ${today}]\n`);
    expect(kees).toContain(`- ${today} send the chart\n`);
    expect(p.actions.writer.history.list()[0]!.changes.map((c) => c.path)).toEqual(['People/Kees.md']);
  });

  it('refuses when the line no longer holds that task: nothing is written, and the user is told', async () => {
    const { t, p } = await started();
    const f = followUp(p, /📅/);
    const meeting = t.app.vault.getFileByPath('Meetings/2026-11-22 Sync.md')!;
    // Edited in the editor before the index caught up: the task now stands one line lower.
    await t.app.vault.modify(meeting, MEETING.replace('# Sync\n', '# Sync\nAn added line.\n'));
    const before = await snapshot(t.app);
    expect(await p.actions.completeFollowUp('People/Kees.md', f.raw, { source: f.source!, line: f.line! })).toBe(false);
    expect(await snapshot(t.app)).toEqual(before);
    expect(lastNotice().text).toBe('Nothing was changed: the task is no longer on that line of 2026-11-22 Sync. Open the note to tick it yourself.');
    expect(p.actions.writer.history.list()).toHaveLength(0);
  });

  it('puts the first note back when the second write fails', async () => {
    const { t, p } = await started();
    const before = await snapshot(t.app);
    const f = followUp(p, /📅/);
    const pfm = vi.spyOn(t.app.fileManager, 'processFrontMatter').mockRejectedValueOnce(new Error('disk full'));
    expect(await p.actions.completeFollowUp('People/Kees.md', f.raw)).toBe(false);
    expect(pfm).toHaveBeenCalled();
    expect(await snapshot(t.app)).toEqual(before);
    expect(lastNotice().text).toContain('disk full');
    expect(p.actions.writer.history.list()).toHaveLength(0);
  });
});
