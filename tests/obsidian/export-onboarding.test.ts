/**
 * Export people as vCard (a file in the vault, a second one the same day, the notice's Show button, nobody to
 * export) and the sidebar's empty state, which offers Import people… while the vault has no person notes.
 */
import type { TFile } from 'obsidian';
import { describe, expect, it, vi } from 'vitest';
import { ImportSourceModal } from '../../src/actions/import/source-modal';
import { formatDay, localToday } from '../../src/core/dates';
import { VIEW_TYPE_ATTENTION } from '../../src/views/attention/attention-view';
import { lastNotice, undoButton } from './notices';
import { command, type TestApp } from './shim';
import { usePlugin } from './started-plugin';

const TODAY = formatDay(localToday());

function vault(): Record<string, string> {
  return {
    'People/Anna Jansen.md': '---\nrole: Finance director\n---\n',
    'People/Zoe Celik.md': '---\nemail: ZOE@celik.example\n---\n',
  };
}

const start = usePlugin();
const started = (files = vault(), data: unknown = {}) => start(files, data);

const read = (t: TestApp, path: string) => t.app.vault.read(t.app.vault.getFileByPath(path)!);

describe('Export people as vCard', () => {
  it('writes Ties export YYYY-MM-DD.vcf into the vault, " 2" the second time, and says where, with a button to show it', async () => {
    const { t, p } = await started();
    const revealed: TFile[] = [];
    (t.app as unknown as Record<string, unknown>).internalPlugins = {
      getEnabledPluginById: (id: string) => (id === 'file-explorer' ? { revealInFolder: (f: TFile) => revealed.push(f) } : null),
    };
    command(p, 'export-people-vcard').callback!();
    await vi.waitFor(() => expect(lastNotice().text).toMatch(/^Exported/));
    const path = `Ties export ${TODAY}.vcf`;
    expect(lastNotice().text).toBe(`Exported 2 people to "${path}".Show`);
    const vcf = await read(t, path);
    expect(vcf.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(vcf).toContain('FN:Anna Jansen\r\n');
    undoButton(lastNotice()).click();
    expect(revealed.map((f) => f.path)).toEqual([path]);

    const second = await p.actions.importer.exportVCard();
    expect(second?.path).toBe(`Ties export ${TODAY} 2.vcf`);
  });

  it('says when there is nobody to export, and writes nothing', async () => {
    const { t, p } = await started({ 'Notes/a.md': 'x' }, { language: 'nl' });
    expect(await p.actions.importer.exportVCard()).toBeNull();
    expect(lastNotice().text).toBe('Er zijn geen mensen om te exporteren.');
    expect(t.app.vault.getFiles().map((f) => f.path)).toEqual(['Notes/a.md']);
  });
});

describe('the sidebar without person notes', () => {
  it('offers Import people…, which opens the file picker; with people it does not', async () => {
    const { t, p } = await started({ 'Notes/a.md': 'x' });
    const leaf = t.app.workspace.getRightLeaf(false)!;
    await leaf.setViewState({ type: VIEW_TYPE_ATTENTION });
    const el = (leaf.view as unknown as { contentEl: HTMLElement }).contentEl;
    const button = el.querySelector<HTMLButtonElement>('.ties-attention-import')!;
    expect(button.textContent).toBe('Import people…');
    button.click();
    expect(p.actions.importer.lastModal).toBeInstanceOf(ImportSourceModal);
    p.unload();
    const other = await started();
    const leaf2 = other.t.app.workspace.getRightLeaf(false)!;
    await leaf2.setViewState({ type: VIEW_TYPE_ATTENTION });
    expect((leaf2.view as unknown as { contentEl: HTMLElement }).contentEl.querySelector('.ties-attention-import')).toBeNull();
  });
});
