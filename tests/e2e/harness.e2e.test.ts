/**
 * The harness's own promises, which the views' browser tests rely on: views open for real in leaves, the
 * DOM helpers behave as Obsidian's, notices and settings render, and vault writes follow Obsidian's order of
 * events. Driven through `window.ties.obsidian`, the module main.js receives.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './browser';

const harness = useHarness();

describe('the browser harness', () => {
  it('opens a registered ItemView in the right sidebar with contentEl as containerEl.children[1]', async () => {
    const h = harness();
    const result = await h.page.evaluate(async () => {
      const { obsidian, app, plugin } = window.ties;
      const events: string[] = [];
      class Probe extends obsidian.ItemView {
        getViewType(): string {
          return 'harness-probe';
        }
        getDisplayText(): string {
          return 'Probe';
        }
        override getIcon(): string {
          return 'users';
        }
        override async onOpen(): Promise<void> {
          await Promise.resolve();
          events.push('open');
          this.contentEl.createDiv({ cls: 'probe', text: 'hello' }, (el) => el.createSpan({ text: '!' }));
        }
        override async onClose(): Promise<void> {
          await Promise.resolve();
          events.push('close');
        }
      }
      plugin.registerView('harness-probe', (leaf) => new Probe(leaf));
      const view = (await window.ties.openView('harness-probe')) as InstanceType<typeof Probe>;
      const leaf = app.workspace.getLeavesOfType('harness-probe')[0]!;
      const box = view.contentEl.getBoundingClientRect();
      const sameContent = view.containerEl.children[1] === view.contentEl;
      const inSidebar = !!view.containerEl.closest('.mod-right-split');
      const text = view.contentEl.querySelector('.probe')?.textContent;
      const tabIcon = !!leaf.tabHeaderEl.querySelector('svg.lucide-users');
      leaf.detach();
      await new Promise((r) => setTimeout(r, 0));
      return { events, sameContent, inSidebar, text, width: box.width, tabIcon, after: app.workspace.getLeavesOfType('harness-probe').length };
    });
    expect(result).toMatchObject({ events: ['open', 'close'], sameContent: true, inSidebar: true, text: 'hello!', tabIcon: true, after: 0 });
    expect(result.width).toBeGreaterThan(250);
  });

  it('has Obsidian’s DOM helpers on the prototypes', async () => {
    const h = harness();
    const result = await h.page.evaluate(() => {
      const frag = createFragment((f) => f.createEl('b', { text: 'bold', cls: ['a', 'b'], attr: { 'data-x': 1, hidden: false } }));
      const div = createDiv({ cls: 'x y' });
      div.createSpan({ text: 'one' });
      div.createEl('a', { href: '#', text: 'two', prepend: true });
      const svg = div.createSvg('svg', { attr: { width: 10 } });
      div.addClass('z');
      div.toggleClass('y', false);
      div.setAttr('aria-label', 'label');
      const html = div.outerHTML;
      div.empty();
      return { frag: (frag.firstChild as HTMLElement).outerHTML, html, svgNs: svg.namespaceURI, empty: div.childNodes.length, active: activeDocument === document };
    });
    expect(result.frag).toBe('<b class="a b" data-x="1">bold</b>');
    expect(result.html).toBe('<div class="x z" aria-label="label"><a href="#">two</a><span>one</span><svg width="10"></svg></div>');
    expect(result.svgNs).toBe('http://www.w3.org/2000/svg');
    expect(result.empty).toBe(0);
    expect(result.active).toBe(true);
  });

  it('shows notices with buttons, and renders settings', async () => {
    const h = harness();
    const result = await h.page.evaluate(() => {
      const { obsidian, app } = window.ties;
      let undone = 0;
      const frag = createFragment((f) => {
        f.createSpan({ text: 'Logged a contact. ' });
        f.createEl('button', { text: 'Undo' }).addEventListener('click', () => undone++);
      });
      const notice = new obsidian.Notice(frag, 0);
      const shown = notice.noticeEl.isConnected && notice.messageEl.textContent;
      notice.noticeEl.querySelector('button')!.click();

      const el = createDiv();
      let toggled: boolean | null = null;
      new obsidian.Setting(el)
        .setName('Dormant after')
        .setDesc('days')
        .addToggle((t) => t.setValue(false).onChange((v) => (toggled = v)))
        .addDropdown((d) => d.addOptions({ en: 'English', nl: 'Nederlands' }).setValue('nl'));
      (el.querySelector('.checkbox-container') as HTMLElement).click();
      return {
        shown,
        undone,
        hidden: !notice.noticeEl.isConnected,
        logged: window.ties.notices.at(-1)?.text,
        name: el.querySelector('.setting-item-name')?.textContent,
        toggled,
        dropdown: (el.querySelector('select') as HTMLSelectElement).value,
        appHasModals: app.keymap.activeScope() === app.scope,
      };
    });
    expect(result).toEqual({
      shown: 'Logged a contact. Undo',
      undone: 1,
      hidden: true,
      logged: 'Logged a contact. Undo',
      name: 'Dormant after',
      toggled: true,
      dropdown: 'nl',
      appHasModals: true,
    });
  });

  it('reports vault events in Obsidian’s order, renames with link updates, and refuses broken YAML', async () => {
    const h = harness();
    const result = await h.page.evaluate(async () => {
      const { app } = window.ties;
      const log: string[] = [];
      const refs = [
        app.vault.on('create', (f) => log.push(`create ${f.path}`)),
        app.vault.on('modify', (f) => log.push(`modify ${f.path}`)),
        app.vault.on('rename', (f, old: string) => log.push(`rename ${old} -> ${f.path}`)),
        app.vault.on('delete', (f) => log.push(`delete ${f.path}`)),
        app.metadataCache.on('changed', (f) => log.push(`changed ${f.path}`)),
      ];
      let missingFolder = '';
      await app.vault.create('Nowhere/Note.md', '').catch((e: Error) => (missingFolder = e.message));
      const file = await app.vault.create('People/Zoë Test.md', '---\ncadence: 2w\n---\nHello\n');
      await window.ties.settled();
      await app.vault.create('Inbox/Mentions.md', 'Met [[Zoë Test]] and [[Zoë Test|her]].\n');
      await window.ties.settled();
      await app.fileManager.renameFile(file, 'People/Zoe Test.md');
      await window.ties.settled();
      const mentions = await app.vault.read(app.vault.getFileByPath('Inbox/Mentions.md')!);
      const broken = await app.vault.create('People/Broken.md', '---\ncadence: [2w\n---\nBody\n');
      await window.ties.settled();
      let error = '';
      try {
        await app.fileManager.processFrontMatter(broken, (fm: Record<string, unknown>) => (fm.x = 1));
      } catch (e) {
        error = e instanceof Error ? e.name : String(e);
      }
      const brokenCache = app.metadataCache.getFileCache(broken);
      await app.vault.delete(app.vault.getFileByPath('Inbox/Mentions.md')!);
      for (const ref of refs) app.metadataCache.offref(ref);
      return {
        log,
        missingFolder,
        mentions,
        error,
        brokenText: await app.vault.read(broken),
        brokenCache: { frontmatter: brokenCache?.frontmatter, hasPosition: !!brokenCache?.frontmatterPosition },
        indexed: window.ties.plugin.index.person('People/Zoe Test.md') !== null,
      };
    });
    expect(result.log).toEqual([
      'create People/Zoë Test.md',
      'changed People/Zoë Test.md',
      'create Inbox/Mentions.md',
      'changed Inbox/Mentions.md',
      'rename People/Zoë Test.md -> People/Zoe Test.md',
      'modify Inbox/Mentions.md',
      'changed Inbox/Mentions.md',
      'create People/Broken.md',
      'changed People/Broken.md',
      'delete Inbox/Mentions.md',
    ]);
    expect(result.missingFolder).toMatch(/^ENOENT/);
    expect(result.mentions).toBe('Met [[Zoe Test]] and [[Zoe Test|her]].\n');
    expect(result.error).toBe('YAMLParseError');
    expect(result.brokenText).toBe('---\ncadence: [2w\n---\nBody\n');
    expect(result.brokenCache).toEqual({ frontmatter: undefined, hasPosition: true });
    expect(result.indexed).toBe(true);
  });

  it('opens notes from links in the main area and tells who listens', async () => {
    const h = harness();
    const result = await h.page.evaluate(async () => {
      const { app } = window.ties;
      const seen: string[] = [];
      const a = app.workspace.on('file-open', (f: { path: string } | null) => seen.push(`file-open ${f?.path}`));
      const b = app.workspace.on('active-leaf-change', (leaf: { view: { getViewType(): string } } | null) =>
        seen.push(`active-leaf-change ${leaf?.view.getViewType()}`),
      );
      await app.workspace.openLinkText('Anouk Hendriks', '', false);
      app.workspace.offref(a);
      app.workspace.offref(b);
      const view = app.workspace.getActiveViewOfType(window.ties.obsidian.MarkdownView);
      return { seen, opened: window.ties.opened.at(-1), file: view?.file?.path, text: view?.editor.getValue().slice(0, 3) };
    });
    expect(result.seen).toEqual(['file-open People/Anouk Hendriks.md']);
    expect(result).toMatchObject({ opened: 'People/Anouk Hendriks.md', file: 'People/Anouk Hendriks.md', text: '---' });
    expect(h.errors).toEqual([]);
  });
});
