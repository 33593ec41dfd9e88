import { afterEach, describe, expect, it } from 'vitest';
import type TiesPlugin from '../../src/main';
import { CheckModal, groupByNote, summaryText } from '../../src/obsidian/check-modal';
import { command, createApp, finishIndexing, loadPlugin, openedModals, type TestApp } from './shim';

let plugin: TiesPlugin | null = null;
afterEach(() => {
  plugin?.unload();
  plugin = null;
  openedModals.length = 0;
});

async function open(files: Record<string, string>, ready = true): Promise<{ t: TestApp; modal: CheckModal }> {
  const t = createApp(files);
  plugin = await loadPlugin(t);
  if (ready) {
    finishIndexing(t);
    await plugin.sync.whenLoaded();
  }
  const cmd = command(plugin, 'check-person-notes');
  expect(cmd.name).toBe('Check person notes');
  expect(cmd.hotkeys).toBeUndefined();
  cmd.callback!();
  const modal = openedModals.at(-1);
  expect(modal).toBeInstanceOf(CheckModal);
  return { t, modal: modal as CheckModal };
}

const texts = (root: HTMLElement, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent);

describe('check person notes', () => {
  it('lists a broken note’s diagnostics, grouped by note, and opens the note on click', async () => {
    const { t, modal } = await open({
      'People/Broken.md': '---\nlast_contact: [2026-11-01\n---\nSome text.\n',
      'People/Odd.md': '---\ncadence: often\nchannel: pigeon\n---\n',
      'People/Fine.md': '---\ncadence: 2w\n---\n',
      'Notes/Not a person.md': '---\ncadence: often\n---\n',
    });
    const el = modal.contentEl;
    expect(modal.titleEl.textContent).toBe('Check person notes');
    expect(el.querySelector('.ties-check-summary')!.textContent).toBe('2 errors and 1 warning in 2 notes');
    expect(texts(el, '.ties-check-note-link')).toEqual(['Broken', 'Odd']);
    expect(texts(el, '.ties-check-note-path')).toEqual(['People/Broken.md', 'People/Odd.md']);

    const rows = [...el.querySelectorAll('.ties-check-row')].map((row) => [
      row.querySelector('.ties-check-label')!.textContent,
      row.querySelector('.ties-check-field')!.textContent,
      row.querySelector('.ties-check-message')!.textContent,
    ]);
    expect(rows[0]).toEqual(['Error', 'frontmatter', 'broken YAML: Obsidian could not read the frontmatter']);
    expect(rows[1]![0]).toBe('Error');
    expect(rows[1]![1]).toBe('cadence');
    expect(rows[2]!.slice(0, 2)).toEqual(['Warning', 'channel']);
    expect(el.querySelector('.ties-check-row.ties-check-error .ties-check-icon')).not.toBeNull();

    const link = el.querySelector<HTMLElement>('.ties-check-note-link')!;
    link.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(t.app.workspace.getActiveFile()?.path).toBe('People/Broken.md');
    // The modal closed and let go of its content.
    expect(el.childElementCount).toBe(0);
  });

  it('gives each of 1,500 notes with one name one short warning: the text grows with the notes, not their square', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) files[`People/F${String(i).padStart(4, '0')}/Jan.md`] = '';
    const { modal } = await open(files);
    const notes = modal.contentEl.querySelectorAll('.ties-check-note');
    expect(notes.length).toBe(1500);
    const first = notes[0]!.textContent;
    expect(first).toContain('1,499 other person notes have the same name');
    // One or two of the others are named, never all of them.
    expect(first.length).toBeLessThan(400);
    expect(modal.contentEl.textContent.length).toBeLessThan(1500 * 400);
  });

  it('says so when there is nothing to fix', async () => {
    const { modal } = await open({ 'People/A.md': '---\ncadence: 2w\n---\n', 'People/B.md': '' });
    expect(modal.contentEl.querySelector('.ties-check-summary.ties-check-empty')!.textContent).toBe(
      'No problems found in 2 person notes',
    );
    expect(modal.contentEl.querySelector('.ties-check-note')).toBeNull();
  });

  it('says that the notes are still being read before the first load', async () => {
    const { modal } = await open({ 'People/A.md': '' }, false);
    expect(modal.contentEl.textContent).toContain('still reading your notes');
  });

  it('words the summary', () => {
    const d = (path: string, severity: 'error' | 'warning') => ({ path, severity, field: 'x', message: 'm' });
    expect(summaryText([], 1)).toBe('No problems found in 1 person note');
    expect(summaryText([], 0)).toBe('No problems found in 0 person notes');
    expect(summaryText([d('a', 'error')], 3)).toBe('1 error in 1 note');
    expect(summaryText([d('a', 'warning'), d('b', 'warning')], 3)).toBe('2 warnings in 2 notes');
    expect(summaryText([d('a', 'error'), d('a', 'error'), d('b', 'warning')], 3)).toBe('2 errors and 1 warning in 2 notes');
    const groups = groupByNote([d('b', 'warning'), d('a', 'warning'), d('b', 'error')]);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('b')!.map((x) => x.severity)).toEqual(['error', 'warning']);
  });
});
