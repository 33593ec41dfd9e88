/**
 * Import people… and Export people as vCard in the plugin, over an in-memory vault: the plan in its modal,
 * the notes created and filled as planned (the rest of a filled note byte-identical), one Undo for the whole
 * import (the notice's button and "Undo last change"), a note changed between plan and import left alone,
 * Stop, the template, Dutch, the vault-file picker, a file that cannot be imported, and the write loop's slices.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ImportPlanModal } from '../../src/actions/import/plan-modal';
import { ImportSourceModal, VaultFileSuggest } from '../../src/actions/import/source-modal';
import { SLICE_NOTES, writeImport } from '../../src/actions/import/write-import';
import { formatDay, localToday } from '../../src/core/dates';
import { fillFrontmatter } from '../../src/core/import/note-text';
import { newPersonNoteText } from '../../src/core/person-note';
import type TiesPlugin from '../../src/main';
import { lastNotice, undoButton } from './notices';
import { command, openedModals, snapshot, type TestApp } from './shim';
import { usePlugin } from './started-plugin';

const FIXTURES = 'tests/fixtures/import';
const TODAY = formatDay(localToday());

/** Anna: a comment, a flow list, CRLF-free text and a body; `role` disagrees with the file (a conflict). */
const ANNA = '---\n# who: finance\nrole: Finance director\ninterests: [chess, "daughter Eva"]\nemail:\n---\nAnna leads finance.\n\n## Log\n- 2026-11-12 call: budget round\n';
const ZOE = '---\nemail: ZOE@celik.example\norganisation: "Acme, Inc."\n---\n## Log\n';

function vault(): Record<string, string> {
  return {
    'People/Anna Jansen.md': ANNA,
    'People/Zoe Celik.md': ZOE,
    'Notes/Nguyễn Văn An.md': 'A note about the company, not a person.\n',
  };
}

const TEMPLATE = { 'Templates/Person.md': '---\ntags: [person]\ncreated: {{date}}\n---\n# {{name}}\n\n## Interactions\n' };

function bytes(name: string): () => Promise<ArrayBuffer> {
  const buf = readFileSync(`${FIXTURES}/${name}`);
  return () => Promise.resolve(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

function text(body: string): () => Promise<ArrayBuffer> {
  return () => Promise.resolve(new TextEncoder().encode(body).buffer);
}

const start = usePlugin();
const started = (files = vault(), data: unknown = {}) => start(files, data);

const read = (t: TestApp, path: string) => t.app.vault.read(t.app.vault.getFileByPath(path)!);

/** Runs Import people… with this file, up to the plan modal with its fills checked. */
async function planOf(p: TiesPlugin, name: string, read: () => Promise<ArrayBuffer>): Promise<ImportPlanModal> {
  command(p, 'import-people').callback!();
  const source = p.actions.importer.lastModal;
  if (!(source instanceof ImportSourceModal)) throw new Error('no file picker');
  source.read(name, read);
  await source.reading;
  const plan = p.actions.importer.lastModal;
  if (!(plan instanceof ImportPlanModal)) throw new Error(`no plan: ${source.contentEl.querySelector('.ties-import-status')?.textContent}`);
  await plan.prepared;
  return plan;
}

async function importIt(plan: ImportPlanModal): Promise<void> {
  plan.contentEl.querySelector<HTMLButtonElement>('.ties-import-submit')!.click();
  await plan.written;
}

const texts = (el: HTMLElement, selector: string) => Array.from(el.querySelectorAll(selector)).map((e) => e.textContent);

describe('Import people…', () => {
  it('shows the plan: counts, ticked new notes and fills, a conflict side by side, a skipped row with its reason', async () => {
    const { p } = await started();
    const plan = await planOf(p, 'Connections.csv', bytes('linkedin-connections.csv'));
    const el = plan.contentEl;
    expect(plan.titleEl.textContent).toBe('Import people');
    expect(el.querySelector('.ties-import-from')?.textContent).toBe('Connections.csv · LinkedIn connections · 6 rows');
    expect(texts(el, '.ties-import-count')).toEqual(['3 new', '2 to fill', '1 conflicts', '1 skipped']);
    expect(texts(el, '[data-kind="create"] .ties-import-name')).toEqual(['Jürgen Groß', 'Nguyễn Văn An 2', 'Jan the boss de Vries']);
    expect(texts(el, '[data-kind="fill"] .ties-import-name')).toEqual(['Zoe Celik', 'Anna Jansen']);
    expect(texts(el, '[data-kind="fill"] .ties-import-detail')).toEqual([
      'adds role, met, linkedin · matched by e-mail',
      'adds organisation, linkedin · matched by name',
    ]);
    // Every new note and fill is ticked; nothing that would overwrite is.
    const boxes = Array.from(el.querySelectorAll<HTMLInputElement>('.ties-import-check'));
    expect(boxes.map((b) => b.checked)).toEqual([true, true, true, true, true]);
    expect(el.querySelector('[data-kind="create"] .ties-import-why')?.textContent).toBe(
      'a note named "Nguyễn Văn An" that is not a person exists; the new note is "Nguyễn Văn An 2", with "Nguyễn Văn An" as an alias',
    );
    const conflict = el.querySelector<HTMLElement>('[data-kind="conflicts"] .ties-import-conflict')!;
    expect(conflict.querySelector('input')).toBeNull();
    expect(texts(conflict, '.ties-import-side-label')).toEqual(['In the note', 'In the file']);
    expect(texts(conflict, '.ties-import-side-value')).toEqual(['Finance director', 'CFO']);
    expect(texts(el, '[data-kind="skipped"] .ties-import-skip')).toEqual(['Row 9the row has no name, only an organisation ("Stealth")']);
    expect(texts(el, '[data-kind="warnings"] .ties-import-skip')).toEqual(['Row 8 · met"31 Feb 2026" is not a date (LinkedIn writes "08 Feb 2026"); it is left out']);
    expect(el.querySelector('.ties-import-submit')?.textContent).toBe('Import 5');
  });

  it('creates and fills the notes as planned, the rest of a filled note byte-identical; one Undo restores the vault exactly', async () => {
    const { t, p } = await started();
    const before = await snapshot(t.app);
    const plan = await planOf(p, 'Connections.csv', bytes('linkedin-connections.csv'));
    await importIt(plan);
    expect(plan.phase).toBe('done');

    const jurgen = await read(t, 'People/Jürgen Groß.md');
    expect(jurgen).toBe(newPersonNoteText(
      { organisation: 'Bosch', role: 'Engineer', met: '2024-03-15', linkedin: 'https://www.linkedin.com/in/juergen-gross' },
      { markAsPerson: false, logHeading: 'Log' },
    ));
    expect(await read(t, 'People/Nguyễn Văn An 2.md')).toContain('aliases:\n  - Nguyễn Văn An\n');
    // Anna: two lines added at the end of her frontmatter, every other byte as it was.
    const anna = await read(t, 'People/Anna Jansen.md');
    expect(anna).toBe(ANNA.replace('email:\n---', 'email:\norganisation: Acme\nlinkedin: "https://nl.linkedin.com/in/anna-jansen/"\n---'));
    expect(anna).toBe((fillFrontmatter(ANNA, { organisation: 'Acme', linkedin: 'https://nl.linkedin.com/in/anna-jansen/' }) as { text: string }).text);
    await p.sync.idle();
    expect(p.index.person('People/Jürgen Groß.md')?.organisation).toBe('Bosch');
    expect(p.index.person('People/Anna Jansen.md')?.role).toBe('Finance director');

    const done = lastNotice();
    expect(done.text).toBe('Import: 3 new, 2 filled.Undo');
    expect(undoButton(done).getAttribute('aria-label')).toBe('Undo this change to 5 notes');
    expect(p.actions.writer.history.list()).toHaveLength(1);
    undoButton(done).click();
    await vi.waitFor(() => expect(lastNotice().text).toBe('Undone: 2 notes are as they were and 3 new notes are in the trash.'));
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('is taken back by "Undo last change" too', async () => {
    const { t, p } = await started();
    const before = await snapshot(t.app);
    await importIt(await planOf(p, 'contacts.vcf', bytes('contacts-30.vcf')));
    expect(await snapshot(t.app)).not.toEqual(before);
    command(p, 'undo-last-change').callback!();
    await vi.waitFor(() => expect(lastNotice().text).toMatch(/^Undone: /));
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('leaves a note that changed between the plan and the import, and says so; Undo then leaves it too', async () => {
    const { t, p } = await started();
    const plan = await planOf(p, 'Connections.csv', bytes('linkedin-connections.csv'));
    const edited = ANNA.replace('Anna leads finance.', 'Anna leads finance and IT.');
    await t.app.vault.modify(t.app.vault.getFileByPath('People/Anna Jansen.md')!, edited);
    await t.app.vault.create('People/Jürgen Groß.md', 'Written by hand meanwhile.\n');
    await importIt(plan);
    expect(await read(t, 'People/Anna Jansen.md')).toBe(edited);
    expect(await read(t, 'People/Jürgen Groß.md')).toBe('Written by hand meanwhile.\n');
    expect(lastNotice().text).toBe('Import: 2 new, 1 filled. Skipped 2, changed since the plan (Jürgen Groß, Anna Jansen).Undo');
    undoButton(lastNotice()).click();
    await vi.waitFor(() => expect(lastNotice().text).toMatch(/^Undone: /));
    expect(await read(t, 'People/Anna Jansen.md')).toBe(edited);
    expect(await read(t, 'People/Jürgen Groß.md')).toBe('Written by hand meanwhile.\n');
  });

  it('shows a fill that the note’s text refuses without a tick, with the reason, and never writes it', async () => {
    const { t, p } = await started();
    command(p, 'import-people').callback!();
    const source = p.actions.importer.lastModal as ImportSourceModal;
    // The plan is made from the index; the note gets a role before its text is checked.
    const planned = await p.actions.importer.plan(new Uint8Array(await bytes('linkedin-connections.csv')()));
    const zoe = ZOE.replace('---\n## Log', 'role: Sales\n---\n## Log');
    await t.app.vault.modify(t.app.vault.getFileByPath('People/Zoe Celik.md')!, zoe);
    source.close();
    const plan = p.actions.importer.showPlan('Connections.csv', planned);
    await plan.prepared;
    const row = plan.contentEl.querySelector<HTMLElement>('[data-kind="fill"] .ties-import-row.is-refused')!;
    expect(row.querySelector('.ties-import-name')?.textContent).toBe('Zoe Celik');
    expect(row.querySelector<HTMLInputElement>('input')!.checked).toBe(false);
    expect(row.querySelector<HTMLInputElement>('input')!.disabled).toBe(true);
    expect(row.querySelector('.mod-warning')?.textContent).toBe('Cannot be filled: "role" holds a value already; an import never overwrites one.');
    expect(plan.contentEl.querySelector('.ties-import-submit')?.textContent).toBe('Import 4');
    await importIt(plan);
    expect(await read(t, 'People/Zoe Celik.md')).toBe(zoe);
    expect(lastNotice().text).toBe('Import: 3 new, 1 filled.Undo');
  });

  it('writes only the ticked notes; "All" clears and ticks a section', async () => {
    const { t, p } = await started();
    const plan = await planOf(p, 'Connections.csv', bytes('linkedin-connections.csv'));
    const el = plan.contentEl;
    const all = el.querySelector<HTMLInputElement>('[data-kind="create"] .ties-import-all-check')!;
    const click = (box: HTMLInputElement) => {
      box.checked = !box.checked;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    };
    click(all);
    expect(Array.from(el.querySelectorAll<HTMLInputElement>('[data-kind="create"] .ties-import-check')).map((b) => b.checked)).toEqual([false, false, false]);
    expect(el.querySelector('.ties-import-submit')?.textContent).toBe('Import 2');
    click(el.querySelector<HTMLInputElement>('[data-key="create:People/Jürgen Groß.md"] input')!);
    expect(all.indeterminate).toBe(true);
    click(el.querySelector<HTMLInputElement>('[data-key="fill:People/Anna Jansen.md"] input')!);
    await importIt(plan);
    expect(t.app.vault.getFileByPath('People/Jürgen Groß.md')).not.toBeNull();
    expect(t.app.vault.getFileByPath('People/Jan the boss de Vries.md')).toBeNull();
    expect(await read(t, 'People/Anna Jansen.md')).toBe(ANNA);
    expect(lastNotice().text).toBe('Import: 1 new, 1 filled.Undo');
  });

  it('Stop ends the import after the current note and keeps what was written, with Undo', async () => {
    const { t, p } = await started();
    const before = await snapshot(t.app);
    const plan = await planOf(p, 'Connections.csv', bytes('linkedin-connections.csv'));
    const create = t.app.vault.create.bind(t.app.vault);
    vi.spyOn(t.app.vault, 'create').mockImplementation(async (path, data) => {
      const file = await create(path, data);
      plan.contentEl.querySelector<HTMLButtonElement>('.ties-import-stop')!.click();
      return file;
    });
    await importIt(plan);
    expect(t.app.vault.getFileByPath('People/Jürgen Groß.md')).not.toBeNull();
    expect(t.app.vault.getFileByPath('People/Nguyễn Văn An 2.md')).toBeNull();
    expect(lastNotice().text).toBe('Import: 1 new, 0 filled. Stopped: 4 not written.Undo');
    undoButton(lastNotice()).click();
    await vi.waitFor(() => expect(lastNotice().text).toBe('Undone: Jürgen Groß is in the trash.'));
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('shows the progress while it writes, and closing the modal then stops as Stop does', async () => {
    const { t, p } = await started();
    const plan = await planOf(p, 'Connections.csv', bytes('linkedin-connections.csv'));
    const create = t.app.vault.create.bind(t.app.vault);
    let seen = '';
    vi.spyOn(t.app.vault, 'create').mockImplementation(async (path, data) => {
      seen = plan.contentEl.querySelector('.ties-import-progress-text')?.textContent ?? '';
      const file = await create(path, data);
      plan.close();
      return file;
    });
    await importIt(plan);
    expect(seen).toBe('Writing 0 of 5…');
    expect(lastNotice().text).toBe('Import: 1 new, 0 filled. Stopped: 4 not written.Undo');
  });

  it('makes new notes from the template note, with the imported fields in its frontmatter', async () => {
    const { t, p } = await started({ ...vault(), ...TEMPLATE }, { templateNote: 'Templates/Person' });
    await importIt(await planOf(p, 'Connections.csv', bytes('linkedin-connections.csv')));
    const jurgen = await read(t, 'People/Jürgen Groß.md');
    expect(jurgen.endsWith('---\n# Jürgen Groß\n\n## Interactions\n')).toBe(true);
    await p.sync.idle();
    const person = p.index.person('People/Jürgen Groß.md')!;
    expect([person.organisation, person.role, person.tags]).toEqual(['Bosch', 'Engineer', ['person']]);
    const fm = t.app.metadataCache.getFileCache(t.app.vault.getFileByPath('People/Jürgen Groß.md')!)?.frontmatter;
    expect(fm?.created).toBe(TODAY);
    expect(fm?.met).toBe('2024-03-15');
    const an = t.app.metadataCache.getFileCache(t.app.vault.getFileByPath('People/Nguyễn Văn An 2.md')!)?.frontmatter;
    expect(an?.aliases).toEqual(['Nguyễn Văn An']);
  });

  it('gives new notes type: person in a vault without a people folder', async () => {
    const { t, p } = await started(vault(), { peopleFolder: '' });
    await importIt(await planOf(p, 'contacts.vcf', bytes('contacts-30.vcf')));
    expect(await read(t, 'Zoë Çelik.md')).toMatch(/^---\ntype: person\n/);
    await p.sync.idle();
    expect(p.index.personAt('Zoë Çelik.md')).toBeDefined();
  });

  it('speaks Dutch: the commands, the plan, its reasons and the notice', async () => {
    const { p } = await started(vault(), { language: 'nl' });
    expect(command(p, 'import-people').name).toBe('Mensen importeren…');
    expect(command(p, 'export-people-vcard').name).toBe('Mensen exporteren als vCard');
    const plan = await planOf(p, 'Connections.csv', bytes('linkedin-connections.csv'));
    const el = plan.contentEl;
    expect(plan.titleEl.textContent).toBe('Mensen importeren');
    expect(el.querySelector('.ties-import-from')?.textContent).toBe('Connections.csv · LinkedIn-connecties · 6 rijen');
    expect(texts(el, '.ties-import-count')).toEqual(['3 nieuw', '2 aan te vullen', '1 conflicten', '1 overgeslagen']);
    expect(texts(el, '[data-kind="skipped"] .ties-import-skip')).toEqual(['Rij 9de rij heeft geen naam, alleen een organisatie ("Stealth")']);
    expect(el.querySelector('[data-kind="create"] .ties-import-why')?.textContent).toBe(
      'er bestaat al een notitie "Nguyễn Văn An" die geen persoon is; de nieuwe notitie heet "Nguyễn Văn An 2", met "Nguyễn Văn An" als alias',
    );
    expect(texts(el, '.ties-import-side-label')).toEqual(['In de notitie', 'In het bestand']);
    expect(el.querySelector('.ties-import-submit')?.textContent).toBe('5 importeren');
    await importIt(plan);
    expect(lastNotice().text).toBe('Import: 3 nieuw, 2 aangevuld.Ongedaan maken');
  });

  it('reads a file of the vault, picked in a fuzzy search over its .csv and .vcf files', async () => {
    const files = { ...vault(), 'Imports/phone.vcf': readFileSync(`${FIXTURES}/contacts-30.vcf`, 'utf8'), 'Imports/notes.txt': 'x' };
    const { p } = await started(files);
    command(p, 'import-people').callback!();
    const source = p.actions.importer.lastModal as ImportSourceModal;
    expect(source.importableFiles().map((f) => f.path)).toEqual(['Imports/phone.vcf']);
    source.contentEl.querySelector<HTMLButtonElement>('.ties-import-from-vault')!.click();
    const suggest = openedModals.at(-1);
    expect(suggest).toBeInstanceOf(VaultFileSuggest);
    (suggest as VaultFileSuggest).onChooseItem((suggest as VaultFileSuggest).getItems()[0]!);
    await source.reading;
    const plan = p.actions.importer.lastModal as ImportPlanModal;
    expect(plan).toBeInstanceOf(ImportPlanModal);
    expect(plan.contentEl.querySelector('.ties-import-from')?.textContent).toBe('phone.vcf · vCard · 3 cards');
  });

  it('says why a file cannot be imported, in the picker, which stays open for another file', async () => {
    const { t, p } = await started();
    const before = await snapshot(t.app);
    command(p, 'import-people').callback!();
    const source = p.actions.importer.lastModal as ImportSourceModal;
    source.read('empty.csv', text(' \n'));
    await source.reading;
    expect(source.contentEl.querySelector('.ties-import-status')?.textContent).toBe('Cannot import empty.csv: the file is empty.');
    expect(p.actions.importer.lastModal).toBe(source);
    source.read('names.csv', text('Name;Phone\nJan;06\n'));
    await source.reading;
    expect(source.contentEl.querySelector('.ties-import-status')?.textContent).toMatch(/^Cannot import names\.csv: not a file Ties can import\. Tried: /);
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('opens no plan when the picker was closed while the file was read', async () => {
    const { p } = await started();
    command(p, 'import-people').callback!();
    const source = p.actions.importer.lastModal as ImportSourceModal;
    source.read('Connections.csv', bytes('linkedin-connections.csv'));
    source.close();
    await source.reading;
    expect(p.actions.importer.lastModal).toBe(source);
    expect(openedModals.some((m) => m instanceof ImportPlanModal)).toBe(false);
  });

  it('the picker speaks Dutch too', async () => {
    const { p } = await started(vault(), { language: 'nl' });
    command(p, 'import-people').callback!();
    const source = p.actions.importer.lastModal as ImportSourceModal;
    expect(source.titleEl.textContent).toBe('Mensen importeren');
    source.read('leeg.csv', text(''));
    await source.reading;
    expect(source.contentEl.querySelector('.ties-import-status')?.textContent).toBe('leeg.csv kan niet worden geïmporteerd: het bestand is leeg.');
  });

  it('an import with nothing to write offers only Close', async () => {
    const { p } = await started();
    await importIt(await planOf(p, 'Connections.csv', bytes('linkedin-connections.csv')));
    const plan = await planOf(p, 'Connections.csv', bytes('linkedin-connections.csv'));
    expect(plan.contentEl.querySelector('.ties-import-submit')).toBeNull();
    expect(texts(plan.contentEl, '.ties-import-count')).toEqual(['0 new', '1 conflicts', '1 skipped', '4 up to date']);
    expect(plan.contentEl.querySelector('.ties-import-cancel')?.textContent).toBe('Close');
  });
});

describe('writing an import', () => {
  it('gives the event loop a turn at least every SLICE_NOTES notes, and reports the progress each time', async () => {
    const { t } = await started();
    const writes = Array.from({ length: 60 }, (_, i) => ({ kind: 'create' as const, path: `People/P${i}.md`, text: `# P${i}\n`, frontmatter: null }));
    const progress: string[] = [];
    let pauses = 0;
    const outcome = await writeImport(t.app, writes, {
      progress: (done, total) => progress.push(`${done}/${total}`),
      stopped: () => false,
      pause: () => {
        pauses++;
        return Promise.resolve();
      },
    });
    expect(SLICE_NOTES).toBe(25);
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(progress).toContain('25/60');
    expect(progress).toContain('50/60');
    expect(progress.at(-1)).toBe('60/60');
    expect(outcome.created).toHaveLength(60);
    expect(outcome.changes.every((c) => c.before === null)).toBe(true);
  });
});
