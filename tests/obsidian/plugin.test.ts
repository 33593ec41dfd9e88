import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDayString } from '../../src/core/dates';
import { DEFAULT_CORE_SETTINGS } from '../../src/core/types';
import { PeopleIndex } from '../../src/index/people-index';
import type TiesPlugin from '../../src/main';
import { appSource, buildRecord } from '../../src/obsidian/records';
import { createApp, finishIndexing, loadPlugin, snapshot, type TestApp, startPlugin } from './shim';
import { logParts } from '../../src/core/person';

const day = (s: string) => parseDayString(s)!;

function vault(): Record<string, string> {
  return {
    'People/Jan.md': '---\ncadence: 2w\nlast_contact: 2026-11-01\n---\n## Log\n- 2026-11-10 call: budget\n',
    'People/Piet.md': '---\ncircle: 15\nknows: ["[[Jan]]"]\n---\nWorks with [[Jan]].\n',
    'Notes/Ann.md': '---\ntype: person\naliases: [Annie]\n---\n',
    'Notes/Kim.md': 'A colleague. #person/work\n',
    'Notes/Project.md': '---\nstatus: active\n---\n- [[Jan]] leads it\n',
    'Daily/2026-11-20.md': '- coffee with [[Jan]]\n- [ ] call [[Piet]]\n- lunch with [[Annie]]\n',
    'Daily/2026-11-21.md': '- [ ] ask [[Jan]] about the deck\n',
    'attachments/photo.png': 'not markdown',
  };
}

let plugin: TiesPlugin | null = null;
afterEach(() => {
  plugin?.unload();
  plugin = null;
});

async function started(files = vault()): Promise<{ t: TestApp; plugin: TiesPlugin }> {
  let t: TestApp;
  ({ t, plugin } = await startPlugin(files));
  return { t, plugin };
}

/** The index as a full rebuild from the vault's current state gives it. */
async function rebuilt(t: TestApp): Promise<PeopleIndex> {
  const settings = { ...DEFAULT_CORE_SETTINGS };
  const index = new PeopleIndex(settings);
  const source = appSource(t.app);
  index.rebuild(await Promise.all(t.app.vault.getMarkdownFiles().map((f) => buildRecord(source, f, settings))), settings);
  return index;
}

function names(p: TiesPlugin): string[] {
  return p.index.people().map((x) => x.path);
}

describe('the plugin over an in-memory vault', () => {
  it('builds the index once the metadata cache has resolved', async () => {
    const { plugin: p } = await started();
    expect(names(p)).toEqual(['Notes/Ann.md', 'Notes/Kim.md', 'People/Jan.md', 'People/Piet.md']);
    const jan = p.index.person('People/Jan.md')!;
    expect(jan.cadence).toBe(14);
    expect(jan.log.map((l) => l.day)).toEqual([day('2026-11-10')]);
    // A daily-note mention counts; a link only inside an unchecked task does not.
    expect(jan.mentions).toEqual([day('2026-11-20')]);
    expect(p.index.person('People/Piet.md')!.mentions).toEqual([]);
    // Through an alias too.
    expect(p.index.person('Notes/Ann.md')!.mentions).toEqual([day('2026-11-20')]);
  });

  it('waits for the cache to resolve before the first load, and loads in one rebuild', async () => {
    const t = createApp(vault());
    (t.app.metadataCache as unknown as Record<string, unknown>).resolved = false;
    plugin = await loadPlugin(t);
    const changes: string[] = [];
    plugin.index.onChange((c) => changes.push(c.type));
    t.mock.workspace.setLayoutReady__();
    await Promise.resolve();
    expect(plugin.sync.loaded).toBe(false);
    // Changes before the first load need no work of their own: the load reads every note.
    await t.app.vault.modify(t.app.vault.getFileByPath('People/Jan.md')!, '---\ncadence: 3w\n---\n');
    await plugin.sync.idle();
    expect(plugin.index.people()).toEqual([]);
    (t.app.metadataCache as unknown as Record<string, unknown>).resolved = true;
    t.app.metadataCache.trigger('resolved');
    await plugin.sync.whenLoaded();
    expect(changes).toEqual(['reset']);
    expect(plugin.index.size.people).toBe(4);
    expect(plugin.index.person('People/Jan.md')!.cadence).toBe(21);
    // Later `resolved` events (Obsidian fires one after every change) do not rebuild again.
    t.app.metadataCache.trigger('resolved');
    await plugin.sync.idle();
    expect(changes).toEqual(['reset']);
  });

  it('loads at once when it cannot tell whether the cache has resolved, and again when it has', async () => {
    const t = createApp(vault());
    plugin = await loadPlugin(t);
    const changes: string[] = [];
    plugin.index.onChange((c) => changes.push(c.type));
    t.mock.workspace.setLayoutReady__();
    await plugin.sync.whenLoaded();
    expect(plugin.index.size.people).toBe(4);
    t.app.metadataCache.trigger('resolved');
    t.app.metadataCache.trigger('resolved');
    await plugin.sync.idle();
    expect(changes).toEqual(['reset', 'reset']);
  });

  it('applies the stored settings', async () => {
    const t = createApp(vault());
    plugin = await loadPlugin(t, { peopleFolder: 'Notes', personTags: [] });
    finishIndexing(t);
    await plugin.sync.whenLoaded();
    expect(names(plugin)).toEqual(['Notes/Ann.md', 'Notes/Kim.md', 'Notes/Project.md']);
  });

  it('follows a change to one person, one note at a time', async () => {
    const { t, plugin: p } = await started();
    const changes: { type: string; path: string | null }[] = [];
    p.index.onChange((c) => changes.push({ type: c.type, path: c.path }));
    const piet = t.app.vault.getFileByPath('People/Piet.md')!;
    await t.app.vault.modify(piet, '---\ncircle: 5\n---\n## Log\n- 2026-11-19 video: roadmap\n');
    await p.sync.idle();
    expect(changes).toEqual([{ type: 'update', path: 'People/Piet.md' }]);
    const updated = p.index.person('People/Piet.md')!;
    expect(updated.circle).toBe(5);
    expect(updated.log.map((l) => logParts(l.raw).channel)).toEqual(['video']);
    expect(p.index.people()).toEqual((await rebuilt(t)).people());
  });

  it('follows a daily note that starts and stops mentioning someone', async () => {
    const { t, plugin: p } = await started();
    const daily = t.app.vault.getFileByPath('Daily/2026-11-21.md')!;
    await t.app.vault.modify(daily, '- [x] asked [[Jan]] about the deck\n');
    await p.sync.idle();
    expect(p.index.person('People/Jan.md')!.mentions).toEqual([day('2026-11-20'), day('2026-11-21')]);
    await t.app.vault.modify(daily, 'nothing\n');
    await p.sync.idle();
    expect(p.index.person('People/Jan.md')!.mentions).toEqual([day('2026-11-20')]);
  });

  it('follows a note that becomes a person and one that stops being one', async () => {
    const { t, plugin: p } = await started();
    await t.app.vault.modify(t.app.vault.getFileByPath('Notes/Project.md')!, '---\ntags: [people]\n---\n');
    await t.app.vault.modify(t.app.vault.getFileByPath('Notes/Kim.md')!, 'Not a person any more.\n');
    await t.app.vault.create('People/New.md', '# New\n');
    await p.sync.idle();
    expect(names(p)).toEqual(['Notes/Ann.md', 'Notes/Project.md', 'People/Jan.md', 'People/New.md', 'People/Piet.md']);
    expect(p.index.people()).toEqual((await rebuilt(t)).people());
  });

  it('follows a rename, and links by the new name', async () => {
    const { t, plugin: p } = await started();
    await t.app.vault.rename(t.app.vault.getFileByPath('People/Jan.md')!, 'People/Jan de Vries.md');
    await p.sync.idle();
    expect(names(p)).toEqual(['Notes/Ann.md', 'Notes/Kim.md', 'People/Jan de Vries.md', 'People/Piet.md']);
    expect(p.index.person('People/Jan de Vries.md')!.cadence).toBe(14);
    // The daily note still says [[Jan]], which now names no note.
    expect(p.index.person('People/Jan de Vries.md')!.mentions).toEqual([]);
    expect(p.index.diagnostics(day('2026-11-22'))).toContainEqual(
      expect.objectContaining({ path: 'People/Piet.md', field: 'knows' }),
    );
    // Moving a person out of the people folder makes it no person.
    await t.app.vault.rename(t.app.vault.getFileByPath('People/Piet.md')!, 'Archive/Piet.md');
    await p.sync.idle();
    expect(names(p)).toEqual(['Notes/Ann.md', 'Notes/Kim.md', 'People/Jan de Vries.md']);
    expect(p.index.people()).toEqual((await rebuilt(t)).people());
  });

  it('follows a renamed folder', async () => {
    const { t, plugin: p } = await started();
    await t.app.vault.rename(t.app.vault.getFolderByPath('Notes')!, 'Contacts');
    await p.sync.idle();
    expect(names(p)).toEqual(['Contacts/Ann.md', 'Contacts/Kim.md', 'People/Jan.md', 'People/Piet.md']);
    expect(p.index.has('Notes/Project.md')).toBe(false);
    expect(p.index.has('Contacts/Project.md')).toBe(true);
    expect(p.index.people()).toEqual((await rebuilt(t)).people());
  });

  it('follows deletes of notes and folders', async () => {
    const { t, plugin: p } = await started();
    await t.app.vault.delete(t.app.vault.getFileByPath('Daily/2026-11-20.md')!);
    await p.sync.idle();
    expect(p.index.person('People/Jan.md')!.mentions).toEqual([]);
    await t.app.vault.delete(t.app.vault.getFileByPath('People/Piet.md')!);
    await t.app.vault.delete(t.app.vault.getFolderByPath('Notes')!, true);
    await p.sync.idle();
    expect(names(p)).toEqual(['People/Jan.md']);
    expect(p.index.size.notes).toBe(2);
    // Deleting something that is not a note changes nothing.
    const rev = p.index.revision;
    await t.app.vault.delete(t.app.vault.getFileByPath('attachments/photo.png')!);
    await p.sync.idle();
    expect(p.index.revision).toBe(rev);
  });

  it('never lets a stale read overwrite a newer one', async () => {
    const { t, plugin: p } = await started();
    const jan = t.app.vault.getFileByPath('People/Jan.md')!;
    const cachedRead = t.app.vault.cachedRead.bind(t.app.vault);
    let first = true;
    // The first read is slow and returns what the file held before the second change.
    vi.spyOn(t.app.vault, 'cachedRead').mockImplementation(async (file) => {
      const text = await cachedRead(file);
      if (file.path === 'People/Jan.md' && first) {
        first = false;
        await new Promise((r) => setTimeout(r, 20));
      }
      return text;
    });
    await t.app.vault.modify(jan, '---\ncadence: 1w\n---\n');
    await t.app.vault.modify(jan, '---\ncadence: 3w\n---\n');
    await p.sync.idle();
    await new Promise((r) => setTimeout(r, 40));
    expect(p.index.person('People/Jan.md')!.cadence).toBe(21);
  });

  it('rebuilds on reload, with the current settings', async () => {
    const { t, plugin: p } = await started();
    p.settings.peopleFolder = '';
    await p.sync.reload();
    expect(names(p)).toEqual(['Notes/Ann.md', 'Notes/Kim.md']);
    expect(t.app.vault.getMarkdownFiles().length).toBe(7);
  });

  it('stops following the vault once unloaded', async () => {
    const { t, plugin: p } = await started();
    const rev = p.index.revision;
    p.unload();
    plugin = null;
    await t.app.vault.modify(t.app.vault.getFileByPath('People/Jan.md')!, '---\ncadence: 1w\n---\n');
    await t.app.vault.delete(t.app.vault.getFileByPath('People/Piet.md')!);
    await p.sync.idle();
    expect(p.index.revision).toBe(rev);
  });

  it('never writes to the vault while loading and following it', async () => {
    const t = createApp(vault());
    const before = await snapshot(t.app);
    const writes = [
      vi.spyOn(t.app.vault, 'modify'),
      vi.spyOn(t.app.vault, 'process'),
      vi.spyOn(t.app.vault, 'create'),
      vi.spyOn(t.app.vault.adapter, 'write'),
      vi.spyOn(t.app.fileManager, 'processFrontMatter'),
    ];
    plugin = await loadPlugin(t);
    finishIndexing(t);
    await plugin.sync.whenLoaded();
    await plugin.sync.reload();
    await plugin.sync.idle();
    for (const w of writes) expect(w).not.toHaveBeenCalled();
    expect(await snapshot(t.app)).toEqual(before);
  });
});
