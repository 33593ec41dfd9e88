/**
 * The writer is all or nothing (issue 8 #12): each step of a write is made to fail in turn — the body edit,
 * processFrontMatter, Vault.process — and the note must be byte for byte what it was, with a notice saying
 * what happened. The log edit is made to throw through the module, as a very long log once made it throw.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDay, localToday } from '../../src/core/dates';
import type TiesPlugin from '../../src/main';
import { lastNotice, notices } from './notices';
import { snapshot, startPlugin, type TestApp } from './shim';

const fail = vi.hoisted(() => ({ append: null as null | ((text: string) => boolean) }));
vi.mock('../../src/core/edits', async (importOriginal) => {
  const edits = await importOriginal<typeof import('../../src/core/edits')>();
  return {
    ...edits,
    appendLogItem: (text: string, headings: readonly string[], line: string) => {
      if (fail.append?.(text)) throw new RangeError('Maximum call stack size exceeded');
      return edits.appendLogItem(text, headings, line);
    },
  };
});

const TODAY = localToday();
const today = formatDay(TODAY);
const JAN = '---\nlast_contact: 2026-01-05\ncadence: 2w\nfollow_ups:\n  - 2026-01-10 ask how the exam went\n---\n# Jan\n\n## Log\n- 2026-01-05 call: budget\n\nAfter the log.\n';

let plugin: TiesPlugin | null = null;
beforeEach(() => {
  notices.length = 0;
  fail.append = null;
});
afterEach(() => {
  plugin?.unload();
  plugin = null;
  vi.restoreAllMocks();
});

async function started(): Promise<{ t: TestApp; p: TiesPlugin }> {
  let t: TestApp;
  ({ t, plugin } = await startPlugin({ 'People/Jan.md': JAN, 'People/Piet.md': '---\ncircle: 15\n---\nNo log yet.' }));
  return { t, p: plugin };
}

const jan = (t: TestApp) => t.app.vault.getFileByPath('People/Jan.md')!;
const log = (p: TiesPlugin) => p.actions.writeLog('People/Jan.md', { day: TODAY, channel: 'phone', text: 'budget again' });

describe('a write is all or nothing', () => {
  it('writes nothing when the body edit throws on the current text', async () => {
    const { t, p } = await started();
    const before = await snapshot(t.app);
    const writes = [vi.spyOn(t.app.fileManager, 'processFrontMatter'), vi.spyOn(t.app.vault, 'process'), vi.spyOn(t.app.vault, 'modify')];
    fail.append = () => true;
    expect(await log(p)).toBeNull();
    for (const w of writes) expect(w).not.toHaveBeenCalled();
    expect(await snapshot(t.app)).toEqual(before);
    expect(lastNotice().text).toBe('Could not change Jan: Maximum call stack size exceeded. Nothing was changed.');
    expect(typeof lastNotice().message).toBe('string');
  });

  it('writes nothing when processFrontMatter fails before writing', async () => {
    const { t, p } = await started();
    vi.spyOn(t.app.fileManager, 'processFrontMatter').mockRejectedValueOnce(new Error('EACCES: permission denied.'));
    const process = vi.spyOn(t.app.vault, 'process');
    expect(await log(p)).toBeNull();
    expect(await t.app.vault.read(jan(t))).toBe(JAN);
    expect(process).not.toHaveBeenCalled();
    expect(lastNotice().text).toBe('Could not change Jan: EACCES: permission denied. Nothing was changed.');
  });

  it('puts the note back when processFrontMatter wrote and then failed', async () => {
    const { t, p } = await started();
    const fm = t.app.fileManager;
    const original = fm.processFrontMatter.bind(fm);
    vi.spyOn(fm, 'processFrontMatter').mockImplementationOnce(async (file, fn) => {
      await original(file, fn);
      throw new Error('the disk went away');
    });
    expect(await log(p)).toBeNull();
    expect(await t.app.vault.read(jan(t))).toBe(JAN);
    expect(lastNotice().text).toBe('Could not change Jan: the disk went away. Ties put Jan back as it was.');
  });

  it('puts the note back when Vault.process fails after the frontmatter was written', async () => {
    const { t, p } = await started();
    const process = vi.spyOn(t.app.vault, 'process').mockRejectedValueOnce(new Error('EIO'));
    expect(await log(p)).toBeNull();
    expect(process).toHaveBeenCalledTimes(2);
    expect(await t.app.vault.read(jan(t))).toBe(JAN);
    expect(lastNotice().text).toBe('Could not change Jan: EIO. Ties put Jan back as it was.');
    // The index ends up reading the note as it was.
    await p.sync.idle();
    expect(p.index.person('People/Jan.md')!.log).toHaveLength(1);
  });

  it('puts the note back when the body edit throws only on the text after the frontmatter edit', async () => {
    const { t, p } = await started();
    fail.append = (text) => text !== JAN;
    expect(await log(p)).toBeNull();
    expect(await t.app.vault.read(jan(t))).toBe(JAN);
    expect(lastNotice().text).toContain('Ties put Jan back as it was.');
  });

  it('keeps a refusal’s own words when the note turns out to differ from the cache', async () => {
    const { t, p } = await started();
    // The cache still lists the follow-up; the text no longer does (an edit the cache has not seen yet).
    const edited = JAN.replace('  - 2026-01-10 ask how the exam went\n', '');
    const read = t.app.vault.read.bind(t.app.vault);
    await t.app.vault.modify(jan(t), edited);
    vi.spyOn(t.app.metadataCache, 'getFileCache').mockReturnValue({ frontmatter: { follow_ups: ['2026-01-10 ask how the exam went'] } });
    await p.actions.completeFollowUp('People/Jan.md', '2026-01-10 ask how the exam went');
    expect(await read(jan(t))).toBe(edited);
    expect(lastNotice().text).toBe('Nothing was changed: this follow-up is no longer in Jan.');
  });

  it('says so when putting the note back fails too', async () => {
    const { t, p } = await started();
    vi.spyOn(t.app.vault, 'process').mockRejectedValue(new Error('read-only file system'));
    expect(await log(p)).toBeNull();
    expect(lastNotice().text).toBe(
      'Could not change Jan: read-only file system. Putting Jan back failed too (read-only file system); ' +
        'Obsidian\'s File recovery core plugin keeps its earlier versions.',
    );
  });

  it('writes the whole change when every step works', async () => {
    const { t, p } = await started();
    const result = await log(p);
    expect(result?.before).toBe(JAN);
    const text = await t.app.vault.read(jan(t));
    expect(result?.after).toBe(text);
    expect(text).toContain(`last_contact: ${today}`);
    expect(text).toContain(`- 2026-01-05 call: budget\n- ${today} phone: budget again\n\nAfter the log.\n`);
  });
});
