/**
 * The bundled main.js in headless Chromium, over the demo vault: it loads without errors, indexes the demo's
 * people, shows "Check person notes", and follows a note edited through the vault.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHarness, useHarness } from './browser';
import { DEMO_VAULT } from './server';

const harness = useHarness();

describe('main.js in Chromium over the demo vault', () => {
  it('loads with no console errors and indexes the 43 people', async () => {
    const h = harness();
    expect(h.errors).toEqual([]);
    const loaded = await h.page.evaluate(() => ({
      people: window.ties.plugin.index.people().length as number,
      loaded: window.ties.plugin.sync.loaded as boolean,
      resolved: (window.ties.app.metadataCache as unknown as { resolved: boolean }).resolved,
      commands: window.ties.app.commands.listCommands().map((c) => c.id),
    }));
    expect(loaded.people).toBe(43);
    expect(loaded.loaded).toBe(true);
    expect(loaded.resolved).toBe(true);
    expect(loaded.commands).toContain('ties:check-person-notes');
  });

  it('"Check person notes" lists the demo’s 2 warnings, in light and dark', async () => {
    const h = harness();
    const ran = await h.page.evaluate(() => window.ties.app.commands.executeCommandById('ties:check-person-notes'));
    expect(ran).toBe(true);
    const modal = h.page.locator('.modal-container .modal');
    await modal.waitFor();
    expect(await modal.locator('.modal-title').textContent()).toBe('Check person notes');
    expect(await modal.locator('.ties-check-summary').textContent()).toBe('2 warnings in 2 notes');
    expect(await modal.locator('.ties-check-note-link').allTextContents()).toEqual(['Chen Wei', 'Wouter de Graaf']);
    expect(await modal.locator('.ties-check-row.ties-check-warning').count()).toBe(2);
    // The icons are real SVGs (lucide, as in Obsidian), sized by the theme's variables.
    const icon = await modal.locator('.ties-check-icon svg').first().boundingBox();
    expect(icon?.width).toBeGreaterThan(10);

    await h.screenshot('check-modal-light', modal);
    await h.page.evaluate(() => window.ties.setTheme('dark'));
    const dark = await modal.evaluate((el) => ({
      background: getComputedStyle(el).backgroundColor,
      text: getComputedStyle(el.querySelector('.ties-check-summary')!).color,
    }));
    expect(dark.background).toBe('rgb(30, 30, 30)');
    expect(dark.text).toBe('rgb(218, 218, 218)');
    await h.screenshot('check-modal-dark', modal);
    await h.page.evaluate(() => window.ties.setTheme('light'));

    // A click on a note's name closes the modal and opens the note.
    await modal.locator('.ties-check-note-link', { hasText: 'Chen Wei' }).click();
    await expect.poll(() => h.page.evaluate(() => window.ties.opened.at(-1))).toBe('People/Chen Wei.md');
    expect(await h.page.locator('.modal-container').count()).toBe(0);
    expect(await h.page.evaluate(() => window.ties.app.workspace.getActiveFile()?.path)).toBe('People/Chen Wei.md');
  });

  it('follows a note edited through app.vault.modify (metadataCache "changed")', async () => {
    const h = harness();
    // "linkedin" is kept as written, with a warning (one of the demo's two).
    const before = await h.page.evaluate(() => window.ties.plugin.index.person('People/Chen Wei.md').channel as string | null);
    expect(before).toBe('linkedin');

    const changed = await h.page.evaluate(async () => {
      const { app, plugin } = window.ties;
      const file = app.vault.getFileByPath('People/Chen Wei.md')!;
      const seen: string[] = [];
      const ref = app.metadataCache.on('changed', (f: { path: string }) => seen.push(f.path));
      const text = await app.vault.read(file);
      await app.vault.modify(file, text.replace('channel: linkedin', 'channel: email'));
      await window.ties.settled();
      app.metadataCache.offref(ref);
      return {
        seen,
        channel: plugin.index.person('People/Chen Wei.md').channel as string | null,
        // Today as an epoch day, as the check modal asks for it.
        diagnostics: (plugin.index.diagnostics(Math.floor(Date.UTC(2026, 10, 24) / 86_400_000)) as { path: string }[]).map((d) => d.path),
        cachedChannel: app.metadataCache.getCache('People/Chen Wei.md')?.frontmatter?.channel as string,
      };
    });
    expect(changed.seen).toEqual(['People/Chen Wei.md']);
    expect(changed.cachedChannel).toBe('email');
    expect(changed.channel).toBe('email');
    expect(changed.diagnostics).not.toContain('People/Chen Wei.md');

    // The note on disk is untouched: writes stay in the page.
    expect(readFileSync(join(DEMO_VAULT, 'People/Chen Wei.md'), 'utf8')).toContain('channel: linkedin');
    expect(h.errors).toEqual([]);
  });

  it('writes frontmatter as Obsidian does: keys in order, the body byte-identical', async () => {
    const h = harness();
    const result = await h.page.evaluate(async () => {
      const { app } = window.ties;
      const file = app.vault.getFileByPath('People/Wouter de Graaf.md')!;
      const before = await app.vault.read(file);
      await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
        fm.snooze_until = '2026-12-01';
      });
      await window.ties.settled();
      return { before, after: await app.vault.read(file), fm: app.metadataCache.getFileCache(file)?.frontmatter };
    });
    const body = (text: string) => text.slice(text.indexOf('\n---', 3) + 4);
    expect(body(result.after)).toBe(body(result.before));
    expect(result.after).toMatch(/\nsnooze_until: 2026-12-01\n---\n/);
    expect(result.fm?.snooze_until).toBe('2026-12-01');
    const keys = (text: string) => [...text.slice(0, text.indexOf('\n---', 3)).matchAll(/^([a-z_]+):/gm)].map((m) => m[1]);
    expect(keys(result.after)).toEqual([...keys(result.before), 'snooze_until']);
  });
});

describe('main.js in Chromium with Obsidian in Dutch', () => {
  it('follows Obsidian’s language (moment’s locale) when the setting is auto', async () => {
    const nl = await openHarness({ lang: 'nl' });
    try {
      const name = await nl.page.evaluate(() => window.ties.app.commands.findCommand('ties:check-person-notes')?.name);
      expect(name).toBe('Ties: Persoonsnotities controleren');
      await nl.page.evaluate(() => window.ties.runCommand('ties:check-person-notes'));
      expect(await nl.page.locator('.modal .ties-check-summary').textContent()).toBe('2 waarschuwingen in 2 notities');
      expect(nl.errors).toEqual([]);
    } finally {
      await nl.close();
    }
  });
});
