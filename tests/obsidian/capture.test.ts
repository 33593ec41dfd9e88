/**
 * The plugin reads format v1.1's capture as the command line does: the vault's daily-notes config through the
 * vault adapter (followed when it changes), meeting notes, and tasks as follow-ups in the index the sidebar
 * reads, kept up to date as notes change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rank } from '../../src/core/attention';
import { formatDay, parseDayString } from '../../src/core/dates';
import type TiesPlugin from '../../src/main';
import { startPlugin, type TestApp } from './shim';

const T = parseDayString('2026-11-24')!;

function vault(): Record<string, string> {
  return {
    '.obsidian/daily-notes.json': '{"folder":"Journal","format":"YYYY/MM/DD"}',
    'People/Kees.md': '---\ncadence: 7\n---\n## Todo\n- [ ] send the chart 📅 2026-11-20\n',
    'People/Ann.md': '---\ncadence: 7\n---\n',
    'Journal/2026/11/21.md': 'Coffee with [[Kees]].\n',
    'Meetings/2026-11-22 Sync.md': '---\nattendees: ["[[Ann]]"]\n---\n- [ ] ask [[Kees]] about the plan ⏳ 2026-11-23\n',
  };
}

let plugin: TiesPlugin | null = null;
afterEach(() => {
  plugin?.unload();
  plugin = null;
});

async function started(): Promise<{ t: TestApp; plugin: TiesPlugin }> {
  let t: TestApp;
  ({ t, plugin } = await startPlugin(vault()));
  return { t, plugin };
}

const mentions = (p: TiesPlugin, path: string) => p.index.person(path)!.mentions.map(formatDay);

describe('the plugin reads interaction notes and tasks', () => {
  it('gives the sidebar meeting contacts and task follow-ups, with where the task lives', async () => {
    const { plugin: p } = await started();
    expect(mentions(p, 'People/Kees.md')).toEqual(['2026-11-21']);
    expect(mentions(p, 'People/Ann.md')).toEqual(['2026-11-22']);
    const items = rank(p.index.people(), T, p.settings).filter((i) => i.kind === 'follow-up');
    expect(items.map((i) => [i.path, i.reason])).toEqual([
      ['People/Kees.md', { kind: 'follow-up', day: parseDayString('2026-11-20'), text: 'send the chart', raw: 'send the chart 📅 2026-11-20', source: 'People/Kees.md', line: 4 }],
      ['People/Kees.md', { kind: 'follow-up', day: parseDayString('2026-11-23'), text: 'ask [[Kees]] about the plan', raw: 'ask [[Kees]] about the plan ⏳ 2026-11-23', source: 'Meetings/2026-11-22 Sync.md', line: 3 }],
    ]);
  });

  it('follows a task ticked in its note, and an attendee edited', async () => {
    const { t, plugin: p } = await started();
    const meeting = t.app.vault.getFileByPath('Meetings/2026-11-22 Sync.md')!;
    await t.app.vault.modify(meeting, '---\nattendees: ["[[Kees]]"]\n---\n- [x] ask [[Kees]] about the plan ⏳ 2026-11-23\n');
    await p.sync.idle();
    expect(p.index.person('People/Kees.md')!.followUps.map((f) => f.text)).toEqual(['send the chart']);
    expect(mentions(p, 'People/Kees.md')).toEqual(['2026-11-21', '2026-11-22']);
    expect(mentions(p, 'People/Ann.md')).toEqual([]);
  });

  it('follows the daily-notes config: a change reads the vault again with it, and a broken one is a warning', async () => {
    const { t, plugin: p } = await started();
    const config = p.dailyNotes;
    await t.app.vault.adapter.write('.obsidian/daily-notes.json', '{"folder":"Elsewhere","format":"YYYY/MM/DD"}');
    expect(await config.check()).toBe(true);
    await p.sync.idle();
    expect(p.settings.dailyNoteConfig).toEqual({ folder: 'Elsewhere', format: 'YYYY/MM/DD' });
    expect(mentions(p, 'People/Kees.md')).toEqual([]);
    expect(await config.check()).toBe(false);

    await t.app.vault.adapter.write('.obsidian/daily-notes.json', '{"folder":"Journal","format":"YYYY/MM/DD ddd"}');
    await config.check();
    await p.sync.idle();
    expect(p.settings.dailyNoteConfig).toBeNull();
    expect(p.index.diagnostics(T)).toEqual([
      { path: '.obsidian/daily-notes.json', severity: 'warning', field: 'format', message: expect.stringContaining('"ddd", which Ties does not read') },
    ]);

    await t.app.vault.adapter.write('.obsidian/daily-notes.json', '{"folder":"Journal","format":"YYYY/MM/DD"}');
    await config.check();
    await p.sync.idle();
    expect(mentions(p, 'People/Kees.md')).toEqual(['2026-11-21']);
    expect(p.index.diagnostics(T)).toEqual([]);
    // The vault's config is never stored with the settings.
    await p.saveSettings();
    expect((p as unknown as { data__: Record<string, unknown> }).data__).not.toHaveProperty('dailyNoteConfig');
  });
});
