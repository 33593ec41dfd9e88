/**
 * The write actions over an in-memory vault: each command and action writes the note, a notice offers
 * Undo, broken frontmatter is refused, New person creates notes, and the settings tab edits the settings.
 */
import type { Command, TFile } from 'obsidian';
import { parseYaml, ToggleComponent } from 'obsidian-test-mocks/obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TiesActions } from '../../src/actions/actions';
import { fillTemplate, newPersonNoteText } from '../../src/core/person-note';
import { FavourModal } from '../../src/actions/modals/favour';
import { FollowUpModal } from '../../src/actions/modals/follow-up';
import type { FormModal } from '../../src/actions/modals/form-modal';
import { LogContactModal } from '../../src/actions/modals/log-contact';
import { NewPersonModal } from '../../src/actions/modals/new-person';
import { SnoozeModal } from '../../src/actions/modals/snooze';
import { formatDay, localToday } from '../../src/core/dates';
import { translate, translator } from '../../src/i18n/i18n';
import { CheckModal, summaryText } from '../../src/obsidian/check-modal';
import type TiesPlugin from '../../src/main';
import { TiesSettingTab } from '../../src/settings/settings-tab';
import { lastNotice, notices, undoButton } from './notices';
import { command, openedModals, snapshot, type TestApp, startPlugin } from './shim';
import { logParts } from '../../src/core/person';

type Loose = Record<string, any>;

// --- toggles: the mock does not wire a click on the toggle to its onClick ------------------------------------
const toggles: Loose[] = [];
(ToggleComponent.prototype as unknown as Loose).constructor3__ = function (this: Loose): void {
  toggles.push(this);
};

// --- the vault ------------------------------------------------------------------------------------------------
const TODAY = localToday();
const today = formatDay(TODAY);

const JAN = '---\nchannel: email\nlastContact: 2026-01-05\ncadence: 2w\nfollowUps:\n  - 2026-01-10 ask how the exam went\n  - 2026-02-01 send the deck\n---\n# Jan\n\n## Log\n- 2026-01-05 call: budget\n\nAfter the log.\n';
const PIET = '---\nfavors: ["2026-01-01 got: a reference"]\ncircle: 15\n---\nNo log yet.';

function vault(): Record<string, string> {
  return {
    'People/Jan.md': JAN,
    'People/Piet.md': PIET,
    'People/Broken.md': '---\nlast_contact: [2026-11-01\n---\n## Log\n- 2026-01-01 a\n',
    'Notes/Project.md': '---\nstatus: active\n---\nNot a person.\n',
    'Templates/Person.md': '---\ntags: [person]\nsince: "{{date}}"\n---\n# {{name}}\n\n## Interactions\n',
  };
}

let plugin: TiesPlugin | null = null;
beforeEach(() => {
  notices.length = 0;
  toggles.length = 0;
});
afterEach(() => {
  plugin?.unload();
  plugin = null;
  openedModals.length = 0;
  vi.restoreAllMocks();
});

async function started(files = vault(), data: unknown = {}): Promise<{ t: TestApp; p: TiesPlugin; actions: TiesActions }> {
  let t: TestApp;
  ({ t, plugin } = await startPlugin(files, data));
  return { t, p: plugin, actions: plugin.actions };
}

function file(t: TestApp, path: string): TFile {
  const f = t.app.vault.getFileByPath(path);
  if (!f) throw new Error(`no file ${path}`);
  return f;
}

const read = (t: TestApp, path: string) => t.app.vault.read(file(t, path));

/** The note's frontmatter (parsed, so the mock's YAML formatting does not matter) and its body. */
async function parts(t: TestApp, path: string): Promise<{ fm: Record<string, unknown>; body: string }> {
  const text = await read(t, path);
  const m = /^---\r?\n([\s\S]*?)\r?\n?---\r?\n?/.exec(text);
  if (!m) return { fm: {}, body: text };
  return { fm: (parseYaml(m[1]!) ?? {}) as Record<string, unknown>, body: text.slice(m[0].length) };
}

async function activate(t: TestApp, path: string): Promise<void> {
  await t.app.workspace.getLeaf(false).openFile(file(t, path));
}

function lastModal<T>(type: abstract new (...args: any[]) => T): T {
  const modal = openedModals.at(-1);
  expect(modal).toBeInstanceOf(type);
  return modal as T;
}

function key(el: HTMLElement, k: string): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
}

async function submitted(modal: FormModal): Promise<void> {
  expect(modal.result).not.toBeNull();
  await modal.result;
}

function available(cmd: Command): boolean {
  return cmd.checkCallback!(true) === true;
}

describe('commands for the person in the active note', () => {
  it('are available only when the active note is a person, and have no default hotkeys', async () => {
    const { t, p } = await started();
    const ids = ['log-contact', 'snooze', 'add-favour', 'add-follow-up'];
    for (const id of ids) {
      expect(command(p, id).hotkeys).toBeUndefined();
      expect(available(command(p, id))).toBe(false);
    }
    await activate(t, 'Notes/Project.md');
    for (const id of ids) expect(available(command(p, id))).toBe(false);
    await activate(t, 'People/Jan.md');
    for (const id of ids) expect(available(command(p, id))).toBe(true);
    expect(command(p, 'new-person').name).toBe('New person');
    expect(command(p, 'log-contact').name).toBe('Log contact');
  });

  it('Log contact: date today, the person’s channel, focus on the text; Enter writes the log and last_contact', async () => {
    const { t, p } = await started();
    await activate(t, 'People/Jan.md');
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    command(p, 'log-contact').checkCallback!(false);
    const modal = lastModal(LogContactModal);
    expect(modal.titleEl.textContent).toBe('Log contact with Jan');
    expect(modal.dateEl.value).toBe(today);
    expect(modal.channelEl.value).toBe('email');
    expect(focus.mock.contexts).toContain(modal.textEl);
    for (const b of modal.contentEl.querySelectorAll('button')) expect(b.getAttribute('aria-label')).toBeTruthy();

    modal.channelEl.value = 'phone';
    modal.textEl.value = '  talked about the new role ';
    key(modal.textEl, 'Enter');
    await submitted(modal);

    const { fm, body } = await parts(t, 'People/Jan.md');
    expect(fm.lastContact).toBe(today);
    expect(fm.last_contact).toBeUndefined();
    expect(fm.channel).toBe('email');
    expect(fm.followUps).toEqual(['2026-01-10 ask how the exam went', '2026-02-01 send the deck']);
    expect(body).toBe(`# Jan\n\n## Log\n- 2026-01-05 call: budget\n- ${today} phone: talked about the new role\n\nAfter the log.\n`);
    expect(lastNotice().text).toContain('Logged a contact with Jan.');
    // The index follows the write.
    await p.sync.idle();
    expect(p.index.person('People/Jan.md')!.log.at(-1)).toMatchObject({ day: TODAY });
    expect(logParts(p.index.person('People/Jan.md')!.log.at(-1)!.raw).channel).toBe('phone');
  });

  it('Log contact creates the Log heading when the note has none, and refuses a day after today', async () => {
    const { t, actions } = await started();
    actions.logContact('People/Piet.md');
    const modal = lastModal(LogContactModal);
    expect(modal.channelEl.value).toBe('');
    modal.dateEl.value = formatDay(TODAY + 1);
    key(modal.textEl, 'Enter');
    expect(modal.result).toBeNull();
    expect(modal.contentEl.querySelector('.ties-form-error')!.textContent).toContain('after today');
    modal.dateEl.value = formatDay(TODAY - 3);
    modal.contentEl.querySelector<HTMLButtonElement>('.ties-form-submit')!.click();
    await submitted(modal);
    const { fm, body } = await parts(t, 'People/Piet.md');
    expect(fm.last_contact).toBe(formatDay(TODAY - 3));
    expect(fm.favors).toEqual(['2026-01-01 got: a reference']);
    expect(body).toBe(`No log yet.\n\n## Log\n- ${formatDay(TODAY - 3)}\n`);
  });

  it('Log contact with an empty "What about" writes the day and the channel, with no dangling colon', async () => {
    const { t, actions } = await started();
    void actions.logContact('People/Jan.md');
    const modal = lastModal(LogContactModal);
    modal.channelEl.value = 'phone';
    key(modal.textEl, 'Enter');
    await submitted(modal);
    expect((await parts(t, 'People/Jan.md')).body).toBe(`# Jan\n\n## Log\n- 2026-01-05 call: budget\n- ${today} phone\n\nAfter the log.\n`);
  });

  it('a backdated contact never makes last_contact older than the last contact Ties knows of', async () => {
    const d = (n: number) => formatDay(TODAY - n);
    const { t, actions } = await started({
      // A newer log item than last_contact.
      'People/Ada.md': `---\nlast_contact: ${d(60)}\n---\n## Log\n- ${d(10)} call: plan\n- ${d(60)} a\n`,
      // A newer interaction-note mention, and no last_contact at all.
      'People/Bo.md': '---\ncadence: 2w\n---\n',
      [`Daily/${d(5)}.md`]: '- coffee with [[Bo]]\n',
      // A mention after today is not a contact yet.
      'People/Cy.md': `---\nlast_contact: ${d(90)}\n---\n`,
      [`Daily/${formatDay(TODAY + 3)}.md`]: '- lunch with [[Cy]]\n',
    });
    await actions.writeLog('People/Ada.md', { day: TODAY - 30, channel: null, text: 'older news' });
    expect((await parts(t, 'People/Ada.md')).fm.last_contact).toBe(d(10));
    expect((await parts(t, 'People/Ada.md')).body).toContain(`- ${d(30)} older news`);
    await actions.writeLog('People/Bo.md', { day: TODAY - 20, channel: 'phone', text: '' });
    expect((await parts(t, 'People/Bo.md')).fm.last_contact).toBe(d(5));
    await actions.writeLog('People/Cy.md', { day: TODAY - 40, channel: null, text: 'x' });
    expect((await parts(t, 'People/Cy.md')).fm.last_contact).toBe(d(40));
    // A contact newer than all of them moves it forward as before.
    await actions.writeLog('People/Ada.md', { day: TODAY - 1, channel: null, text: 'y' });
    expect((await parts(t, 'People/Ada.md')).fm.last_contact).toBe(d(1));
  });

  it('Escape cancels without writing', async () => {
    const { t, p } = await started();
    const before = await snapshot(t.app);
    await activate(t, 'People/Jan.md');
    command(p, 'log-contact').checkCallback!(false);
    const modal = lastModal(LogContactModal);
    modal.textEl.value = 'never mind';
    key(modal.textEl, 'Escape');
    expect(modal.contentEl.childElementCount).toBe(0);
    expect(modal.result).toBeNull();
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('Snooze: a week at one click, or a picked day after today', async () => {
    const { t, p } = await started();
    await activate(t, 'People/Jan.md');
    command(p, 'snooze').checkCallback!(false);
    let modal = lastModal(SnoozeModal);
    modal.contentEl.querySelector<HTMLButtonElement>('.ties-snooze-preset[data-days="7"]')!.click();
    await submitted(modal);
    expect((await parts(t, 'People/Jan.md')).fm.snooze_until).toBe(formatDay(TODAY + 7));

    command(p, 'snooze').checkCallback!(false);
    modal = lastModal(SnoozeModal);
    modal.dateEl.value = today;
    key(modal.dateEl, 'Enter');
    expect(modal.contentEl.querySelector('.ties-form-error')!.textContent).toBe('Pick a day after today.');
    modal.dateEl.value = formatDay(TODAY + 40);
    key(modal.dateEl, 'Enter');
    await submitted(modal);
    const { fm, body } = await parts(t, 'People/Jan.md');
    expect(fm.snooze_until).toBe(formatDay(TODAY + 40));
    expect(body).toBe(JAN.slice(JAN.indexOf('---\n# Jan') + 4));
  });

  it('Add favour: gave or got, into the note’s own favors key', async () => {
    const { t, p } = await started();
    await activate(t, 'People/Piet.md');
    command(p, 'add-favour').checkCallback!(false);
    const modal = lastModal(FavourModal);
    const got = modal.contentEl.querySelector<HTMLButtonElement>('.ties-favour-got')!;
    got.click();
    expect(got.getAttribute('aria-pressed')).toBe('true');
    expect(got.getAttribute('aria-label')).toBe('Piet did you a favour');
    key(modal.textEl, 'Enter');
    expect(modal.contentEl.querySelector('.ties-form-error')!.textContent).toBe('Write a few words first.');
    modal.textEl.value = 'an intro to Ana';
    key(modal.textEl, 'Enter');
    await submitted(modal);
    const { fm, body } = await parts(t, 'People/Piet.md');
    expect(fm.favors).toEqual(['2026-01-01 got: a reference', `${today} got: an intro to Ana`]);
    expect(fm.favours).toBeUndefined();
    expect(fm.circle).toBe(15);
    expect(body).toBe('No log yet.');
  });

  it('Add follow-up: a day (a week ahead unless picked) and a text', async () => {
    const { t, p } = await started();
    await activate(t, 'People/Jan.md');
    command(p, 'add-follow-up').checkCallback!(false);
    const modal = lastModal(FollowUpModal);
    expect(modal.dateEl.value).toBe(formatDay(TODAY + 7));
    modal.textEl.value = 'ask about the move';
    key(modal.textEl, 'Enter');
    await submitted(modal);
    expect((await parts(t, 'People/Jan.md')).fm.followUps).toEqual([
      '2026-01-10 ask how the exam went', '2026-02-01 send the deck', `${formatDay(TODAY + 7)} ask about the move`,
    ]);
  });
});

describe('actions', () => {
  it('completeFollowUp removes the follow-up, logs it today and sets last_contact', async () => {
    const { t, actions } = await started();
    await actions.completeFollowUp('People/Jan.md', '2026-01-10 ask how the exam went');
    const { fm, body } = await parts(t, 'People/Jan.md');
    expect(fm.followUps).toEqual(['2026-02-01 send the deck']);
    expect(fm.lastContact).toBe(today);
    expect(body).toBe(`# Jan\n\n## Log\n- 2026-01-05 call: budget\n- ${today} ask how the exam went\n\nAfter the log.\n`);
    expect(lastNotice().text).toContain('Follow-up done and logged for Jan.');
  });

  it('completeFollowUp changes nothing when the follow-up is gone', async () => {
    const { t, actions } = await started();
    const before = await snapshot(t.app);
    await actions.completeFollowUp('People/Jan.md', '2026-03-03 something else');
    expect(await snapshot(t.app)).toEqual(before);
    expect(lastNotice().text).toBe('Nothing was changed: this follow-up is no longer in Jan.');
  });

  it('snooze writes snooze_until and nothing else', async () => {
    const { t, actions } = await started();
    await actions.snooze('People/Piet.md', TODAY + 30);
    const { fm, body } = await parts(t, 'People/Piet.md');
    expect(fm).toEqual({ favors: ['2026-01-01 got: a reference'], circle: 15, snooze_until: formatDay(TODAY + 30) });
    expect(body).toBe('No log yet.');
  });

  it('does not write when there is nothing to change', async () => {
    const { t, actions } = await started();
    await actions.snooze('People/Piet.md', TODAY + 30);
    const pfm = vi.spyOn(t.app.fileManager, 'processFrontMatter');
    const written = await read(t, 'People/Piet.md');
    await actions.snooze('People/Piet.md', TODAY + 30);
    expect(pfm).not.toHaveBeenCalled();
    expect(await read(t, 'People/Piet.md')).toBe(written);
    expect(lastNotice().text).toBe('Nothing to change in Piet.');
  });

  it('refuses a note whose frontmatter is broken, with a notice, and changes nothing', async () => {
    const { t, actions } = await started();
    const before = await snapshot(t.app);
    const writes = [
      vi.spyOn(t.app.fileManager, 'processFrontMatter'),
      vi.spyOn(t.app.vault, 'process'),
      vi.spyOn(t.app.vault, 'modify'),
    ];
    await actions.snooze('People/Broken.md', TODAY + 7);
    expect(lastNotice().text).toContain('the frontmatter of Broken cannot be read');
    await actions.writeLog('People/Broken.md', { day: TODAY, channel: null, text: 'x' });
    await actions.writeFavour('People/Broken.md', TODAY, 'gave', 'x');
    await actions.writeFollowUp('People/Broken.md', TODAY, 'x');
    await actions.completeFollowUp('People/Broken.md', '2026-01-01 x');
    expect(notices.filter((n) => n.text.includes('cannot be read'))).toHaveLength(5);
    for (const w of writes) expect(w).not.toHaveBeenCalled();
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('refuses frontmatter that is not a set of keys, read from the note itself, whatever the cache reports', async () => {
    const files: Record<string, string> = {
      'People/Text.md': '---\njust text\n---\n## Log\n- 2026-01-01 a\n',
      'People/Quoted.md': '---\n"just: text"\n---\nBody.\n',
      'People/List.md': '---\n- a\n- b\n---\nBody.\n',
      'People/Open.md': '---\nlast_contact: 2026-01-01\n\n## Log\n- 2026-01-01 a\n',
    };
    const { t, p, actions } = await started(files);
    const before = await snapshot(t.app);
    // Obsidian's cache may call any of these a set of keys (the mock reports `{}` for a scalar): the text decides.
    const getFileCache = t.app.metadataCache.getFileCache.bind(t.app.metadataCache);
    vi.spyOn(t.app.metadataCache, 'getFileCache').mockImplementation((f) => {
      const cache = getFileCache(f);
      return cache ? { ...cache, frontmatter: {} } : cache;
    });
    const personAt = p.index.personAt.bind(p.index);
    vi.spyOn(p.index, 'personAt').mockImplementation((path) => {
      const person = personAt(path);
      return person ? { ...person, diagnostics: [] } : person;
    });
    const writes = [vi.spyOn(t.app.fileManager, 'processFrontMatter'), vi.spyOn(t.app.vault, 'process'), vi.spyOn(t.app.vault, 'modify')];
    for (const path of Object.keys(files)) {
      const name = path.slice(7, -3);
      await actions.writeLog(path, { day: TODAY, channel: 'phone', text: 'x' });
      expect(lastNotice().text).toContain(`Nothing was changed: the frontmatter of ${name}`);
      await actions.snooze(path, TODAY + 7);
      await actions.writeFavour(path, TODAY, 'got', 'x');
    }
    expect(notices.map((n) => n.text).filter((n) => n.includes('is not a set of keys (line 2 holds'))).toHaveLength(3 * 3);
    expect(notices.map((n) => n.text).filter((n) => n.includes('no line closes it'))).toHaveLength(3);
    for (const w of writes) expect(w).not.toHaveBeenCalled();
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('refuses when the metadata cache has a frontmatter position but no frontmatter, before the index knows', async () => {
    const { t, p, actions } = await started();
    const jan = file(t, 'People/Jan.md');
    const cache = t.app.metadataCache.getFileCache(jan)!;
    vi.spyOn(t.app.metadataCache, 'getFileCache').mockReturnValue({ ...cache, frontmatter: undefined });
    expect(p.index.personAt('People/Jan.md')!.diagnostics).toEqual([]);
    await actions.snooze('People/Jan.md', TODAY + 7);
    expect(await read(t, 'People/Jan.md')).toBe(JAN);
    expect(lastNotice().text).toContain('cannot be read');
  });

  it('Undo restores the previous text exactly', async () => {
    const { t, actions } = await started();
    await actions.writeLog('People/Jan.md', { day: TODAY, channel: 'video', text: 'roadmap' });
    expect(await read(t, 'People/Jan.md')).not.toBe(JAN);
    const shown = lastNotice();
    expect(shown.text).toContain('Logged a contact with Jan.');
    const undo = undoButton(shown);
    expect(undo.textContent).toBe('Undo');
    expect(undo.getAttribute('aria-label')).toBe('Undo this change to Jan');
    undo.click();
    await vi.waitFor(() => expect(lastNotice().text).toBe('Undone: Jan is as it was.'));
    expect(await read(t, 'People/Jan.md')).toBe(JAN);
    // A second click does nothing more.
    undo.click();
    expect(notices.filter((n) => n.text.startsWith('Undone'))).toHaveLength(1);
  });

  it('Undo of a CRLF note gives back its CRLF bytes', async () => {
    const crlf = '---\r\nlast_contact: 2026-01-01\r\n---\r\n## Log\r\n- 2026-01-01 a\r\n';
    const { t, actions } = await started({ 'People/Win.md': crlf });
    await actions.writeLog('People/Win.md', { day: TODAY, channel: null, text: 'b' });
    expect((await parts(t, 'People/Win.md')).body).toBe(`## Log\r\n- 2026-01-01 a\r\n- ${today} b\r\n`);
    undoButton(lastNotice()).click();
    await vi.waitFor(() => expect(lastNotice().text).toContain('Undone'));
    expect(await read(t, 'People/Win.md')).toBe(crlf);
  });

  it('refuses to undo once the note has changed since, and leaves it as it is', async () => {
    const { t, actions } = await started();
    await actions.writeFavour('People/Piet.md', TODAY, 'gave', 'a book');
    const shown = lastNotice();
    const changed = (await read(t, 'People/Piet.md')) + '\nEdited by hand.';
    await t.app.vault.modify(file(t, 'People/Piet.md'), changed);
    undoButton(shown).click();
    await vi.waitFor(() => expect(lastNotice().text).toBe('Cannot undo: Piet has changed since.'));
    expect(await read(t, 'People/Piet.md')).toBe(changed);
  });

  it('refuses to undo once the note is gone', async () => {
    const { t, actions } = await started();
    await actions.writeFollowUp('People/Piet.md', TODAY + 3, 'call back');
    const shown = lastNotice();
    await t.app.vault.delete(file(t, 'People/Piet.md'));
    undoButton(shown).click();
    await vi.waitFor(() => expect(lastNotice().text).toBe('Cannot undo: Piet has changed since.'));
  });
});

describe('New person', () => {
  async function create(p: TiesPlugin, name: string, more: { organisation?: string; circle?: string; cadence?: string } = {}): Promise<NewPersonModal> {
    command(p, 'new-person').callback!();
    const modal = lastModal(NewPersonModal);
    modal.nameEl.value = name;
    modal.organisationEl.value = more.organisation ?? '';
    modal.circleEl.value = more.circle ?? '';
    modal.cadenceEl.value = more.cadence ?? '';
    key(modal.nameEl, 'Enter');
    return modal;
  }

  it('creates the note in the people folder with only the log heading when only a name is given, and opens it', async () => {
    const { t, p } = await started();
    const modal = await create(p, '  Ann Smith ');
    await submitted(modal);
    expect(await modal.outcome).toBe(true);
    const text = await read(t, 'People/Ann Smith.md');
    expect(text).toBe('## Log\n');
    expect(text).toBe(newPersonNoteText({}, { logHeading: 'Log', markAsPerson: false }));
    expect(t.app.workspace.getActiveFile()?.path).toBe('People/Ann Smith.md');
    await p.sync.idle();
    const ann = p.index.person('People/Ann Smith.md')!;
    expect(ann.diagnostics).toEqual([]);
    expect(ann.interests).toEqual([]);
  });

  it('writes the organisation, circle and cadence given, and no other key; the person is then in the review', async () => {
    const { t, p } = await started();
    const modal = await create(p, 'Bo', { organisation: ' Acme ', circle: '15', cadence: '' });
    // The circle's choices say what each circle means, from the settings.
    expect([...modal.circleEl.options].map((o) => o.text)).toEqual(['None yet', '5: every 7 days', '15: every 30 days', '50: every 90 days', '150: every 365 days']);
    await submitted(modal);
    expect(await read(t, 'People/Bo.md')).toBe('---\ncircle: 15\norganisation: Acme\n---\n\n## Log\n');
    await submitted(await create(p, 'Cas', { cadence: '2w' }));
    expect(await read(t, 'People/Cas.md')).toBe('---\ncadence: "2w"\n---\n\n## Log\n');
    await p.sync.idle();
    expect(p.index.person('People/Bo.md')!.circle).toBe(15);
    expect(p.index.person('People/Cas.md')!.cadence).toBe(14);
    const { rank } = await import('../../src/core/attention');
    const due = rank(p.index.people(), TODAY, p.settings, 'en').map((i) => `${i.name}:${i.reason.kind}`);
    expect(due).toEqual(expect.arrayContaining(['Bo:overdue', 'Cas:overdue']));
  });

  it('refuses a cadence it cannot read, saying so, and writes nothing', async () => {
    const { t, p } = await started();
    const before = await snapshot(t.app);
    const modal = await create(p, 'Bo', { cadence: 'often' });
    expect(modal.result).toBeNull();
    expect(modal.contentEl.querySelector('.ties-form-error')!.textContent).toContain('cannot read “often” as a cadence');
    modal.close();
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('puts the given fields into a template’s frontmatter and leaves the rest of the template as it was', async () => {
    const { t, p } = await started(vault(), { templateNote: 'Templates/Person' });
    await submitted(await create(p, 'Ann', { organisation: 'Acme', circle: '50' }));
    const { fm, body } = await parts(t, 'People/Ann.md');
    expect(fm).toEqual({ tags: ['person'], since: today, organisation: 'Acme', circle: 50 });
    expect(body).toBe('# Ann\n\n## Interactions\n');
  });

  it('creates the people folder when it is missing, and marks the note as a person without a folder', async () => {
    const { t, p } = await started({ 'Home.md': '' }, { peopleFolder: 'Contacts/Work' });
    await submitted(await create(p, 'Kim'));
    expect(await read(t, 'Contacts/Work/Kim.md')).toBe(newPersonNoteText({}, { logHeading: 'Log', markAsPerson: false }));
    p.settings.peopleFolder = '';
    await submitted(await create(p, 'Lee'));
    const { fm } = await parts(t, 'Lee.md');
    expect(fm.type).toBe('person');
    await p.sync.idle();
    expect(p.index.personAt('Lee.md')).toBeDefined();
  });

  it('uses the template note, filling in {{name}} and {{date}}', async () => {
    const { t, p } = await started(vault(), { templateNote: 'Templates/Person' });
    await submitted(await create(p, 'Ann'));
    expect(await read(t, 'People/Ann.md')).toBe(`---\ntags: [person]\nsince: "${today}"\n---\n# Ann\n\n## Interactions\n`);
    expect(fillTemplate('{{ title }} {{DATE}} {{other}}', 'X', '2026-01-01')).toBe('X 2026-01-01 {{other}}');
  });

  it('falls back to the skeleton, with a notice, when the template note is missing', async () => {
    const { t, p } = await started(vault(), { templateNote: 'Templates/Nope.md' });
    await submitted(await create(p, 'Ann'));
    expect(await read(t, 'People/Ann.md')).toBe(newPersonNoteText({}, { logHeading: 'Log', markAsPerson: false }));
    expect(notices.map((n) => n.text)).toContain('Template note "Templates/Nope.md" not found; used the built-in skeleton.');
  });

  it('opens the existing note instead of creating a second one', async () => {
    const { t, p } = await started();
    const before = await snapshot(t.app);
    const create$ = vi.spyOn(t.app.vault, 'create');
    const modal = await create(p, 'jan');
    await submitted(modal);
    // Opening the existing note wrote nothing.
    expect(await modal.outcome).toBe(false);
    expect(create$).not.toHaveBeenCalled();
    expect(await snapshot(t.app)).toEqual(before);
    expect(t.app.workspace.getActiveFile()?.path).toBe('People/Jan.md');
    expect(notices.map((n) => n.text)).toContain('Jan already exists; opened it.');
  });

  it('refuses names Obsidian cannot use or would hide, saying why, in English and Dutch', async () => {
    const { t, p } = await started();
    const before = await snapshot(t.app);
    const create$ = vi.spyOn(t.app.vault, 'create');
    const cases: [string, string, string][] = [
      ['.hidden', 'cannot start with a dot', 'niet met een punt beginnen'],
      ['#tag', 'cannot contain “#”', 'geen “#” bevatten'],
      ['a^b', 'cannot contain “^”', 'geen “^” bevatten'],
      ['[Jan]', 'cannot contain “[”', 'geen “[” bevatten'],
      ['Jan]', 'cannot contain “]”', 'geen “]” bevatten'],
      ['a|b', 'cannot contain “|”', 'geen “|” bevatten'],
      ['a:b', 'cannot contain “:”', 'geen “:” bevatten'],
      ['A\\B', 'cannot contain “\\”', 'geen “\\” bevatten'],
      ['A/B', 'cannot contain “/”', 'geen “/” bevatten'],
      ['why?', 'cannot contain “?”', 'geen “?” bevatten'],
      ['a'.repeat(201), 'too long for a file name (201 characters; at most 200', 'te lang voor een bestandsnaam (201 tekens; hoogstens 200'],
      ['a\tb', 'control character', 'stuurteken'],
      ['Jan.', 'cannot end with a dot', 'niet op een punt eindigen'],
      ['nul', 'Windows keeps for a device', 'voor een apparaat reserveert'],
      ['   ', 'Enter a name.', 'Vul een naam in.'],
    ];
    for (const lang of ['en', 'nl'] as const) {
      p.settings.language = lang;
      for (const [name, en, nl] of cases) {
        const modal = await create(p, name);
        expect(modal.result, name).toBeNull();
        expect(modal.contentEl.querySelector('.ties-form-error')!.textContent, name).toContain(lang === 'en' ? en : nl);
        modal.close();
      }
    }
    // The command's own check, for a caller that skips the modal.
    p.settings.language = 'en';
    const { createPerson } = await import('../../src/actions/commands');
    expect(await createPerson(p, p.actions.writer, '.trash')).toBeNull();
    expect(lastNotice().text).toContain('cannot start with a dot');
    expect(create$).not.toHaveBeenCalled();
    expect(await snapshot(t.app)).toEqual(before);
  });
});

describe('settings tab', () => {
  function tab(p: TiesPlugin): TiesSettingTab {
    const tabs = (p as unknown as Loose).settingTabs__ as unknown[];
    expect(tabs).toHaveLength(1);
    expect(tabs[0]).toBeInstanceOf(TiesSettingTab);
    return tabs[0] as TiesSettingTab;
  }
  const input = (el: HTMLElement, key: string) => el.querySelector<HTMLInputElement>(`[data-setting="${key}"]`)!;
  function type(el: HTMLInputElement, value: string): void {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }

  it('renders every setting with a name and a description, in English and Dutch', async () => {
    const { p } = await started();
    const settingsTab = tab(p);
    const keys = [
      'peopleFolder', 'personTags', 'logHeadings', 'dailyNotes', 'tasks', 'horizonDays', 'dormantDays', 'inTouchDays', 'dormantPerWeek',
      'templateNote', 'language', 'dateKeys', 'attendeeKeys', 'meetingTypes', 'circleCadence.5', 'circleCadence.15', 'circleCadence.50',
      'circleCadence.150',
    ];
    for (const lang of ['en', 'nl'] as const) {
      p.settings.language = lang;
      settingsTab.display();
      const el = settingsTab.containerEl;
      for (const k of keys) expect(el.querySelector(`[data-setting="${k}"]`), k).not.toBeNull();
      const text = el.textContent ?? '';
      for (const k of ['peopleFolder', 'personTags', 'logHeadings', 'dailyNotes', 'tasks', 'horizonDays', 'dormantDays', 'inTouchDays', 'dormantPerWeek', 'templateNote', 'language', 'dateKeys', 'attendeeKeys', 'meetingTypes'] as const) {
        expect(text).toContain(translate(lang, `settings.${k}`));
        expect(text).toContain(translate(lang, `settings.${k}Desc`));
      }
      expect(text).toContain(translate(lang, 'settings.cadenceDesc', { circle: 150 }));
    }
    expect(input(settingsTab.containerEl, 'peopleFolder').value).toBe('People');
  });

  it('says under a number what is wrong with it (−5, 0, empty, too large, not whole) and keeps the last good value, in English and Dutch', async () => {
    const { p } = await started();
    const save = vi.spyOn(p, 'saveSettings');
    const settingsTab = tab(p);
    settingsTab.display();
    const el = settingsTab.containerEl;
    const error = (k: string) => el.querySelector(`#${input(el, k).getAttribute('aria-describedby')}`)!.textContent;
    const cases: [string, string, string][] = [
      ['-5', 'Enter a whole number of at least 1; Ties keeps 365 until then.', 'dormantDays'],
      ['0', 'Enter a whole number of at least 1; Ties keeps 365 until then.', 'dormantDays'],
      ['', 'Enter a number; Ties keeps 365 until then.', 'dormantDays'],
      ['2.5', 'Enter a whole number of at least 1; Ties keeps 365 until then.', 'dormantDays'],
      ['1000000', 'Enter a number of at most 100000; Ties keeps 365 until then.', 'dormantDays'],
      ['-1', 'Enter a whole number of at least 0; Ties keeps 7 until then.', 'horizonDays'],
    ];
    for (const [value, message, k] of cases) {
      type(input(el, k), value);
      expect(error(k), value).toBe(message);
      expect(input(el, k).getAttribute('aria-invalid')).toBe('true');
    }
    expect([p.settings.dormantDays, p.settings.horizonDays]).toEqual([365, 7]);
    // 0 is a fine horizon (birthdays today only); a good value clears the message and becomes the kept one.
    type(input(el, 'horizonDays'), '0');
    expect([p.settings.horizonDays, error('horizonDays'), input(el, 'horizonDays').getAttribute('aria-invalid')]).toEqual([0, '', 'false']);
    type(input(el, 'horizonDays'), '');
    expect(error('horizonDays')).toBe('Enter a number; Ties keeps 0 until then.');
    type(input(el, 'logHeadings'), ' , ');
    expect(error('logHeadings')).toBe('Enter at least one heading; Ties keeps Log, Interactions until then.');
    expect(p.settings.logHeadings).toEqual(['Log', 'Interactions']);
    await settingsTab.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect((p as unknown as Loose).data__).toMatchObject({ dormantDays: 365, horizonDays: 0 });

    p.settings.language = 'nl';
    settingsTab.display();
    type(input(settingsTab.containerEl, 'dormantDays'), '-5');
    expect(error('dormantDays')).toBe('Vul een geheel getal in van minstens 1; tot dan houdt Ties 365 aan.');
  });

  it('suggests the vault’s folders for the people folder and its notes for the template, and says when one does not exist', async () => {
    const { AbstractInputSuggest } = await import('obsidian-test-mocks/obsidian');
    const made: Loose[] = [];
    const proto = AbstractInputSuggest.prototype as unknown as Loose;
    const original = proto.constructor2__ as (...args: unknown[]) => void;
    vi.spyOn(proto, 'constructor2__').mockImplementation(function (this: Loose, ...args: unknown[]) {
      original.apply(this, args);
      made.push(this);
    });
    const { p } = await started({ ...vault(), 'Contacts/Work/Kim.md': '' });
    const settingsTab = tab(p);
    settingsTab.display();
    const el = settingsTab.containerEl;
    const suggestOn = (k: string) => made.find((m) => m.textInputEl__ === input(el, k))!;
    const hint = (k: string) => el.querySelector(`#${input(el, k).getAttribute('aria-describedby')}`)!.parentElement!.querySelector('.ties-setting-hint')!.textContent;

    const folders = suggestOn('peopleFolder');
    expect(await folders.getSuggestions('work')).toEqual(['Contacts/Work']);
    expect(await folders.getSuggestions('')).toEqual(['Notes', 'People', 'Contacts', 'Templates', 'Contacts/Work']);
    folders.selectSuggestion('Contacts/Work');
    expect(input(el, 'peopleFolder').value).toBe('Contacts/Work');
    expect(p.settings.peopleFolder).toBe('Contacts/Work');
    expect(hint('peopleFolder')).toBe('');
    type(input(el, 'peopleFolder'), 'Klanten');
    expect(hint('peopleFolder')).toBe('There is no folder “Klanten” yet: New person creates it.');

    const notes = suggestOn('templateNote');
    expect(await notes.getSuggestions('pers')).toEqual(['Templates/Person']);
    notes.selectSuggestion('Templates/Person');
    expect(p.settings.templateNote).toBe('Templates/Person');
    expect(hint('templateNote')).toBe('');
    type(input(el, 'templateNote'), 'Templates/Nope');
    expect(hint('templateNote')).toBe('There is no note “Templates/Nope”: New person uses the built-in layout until there is.');
  });

  it('changes plugin.settings as the user types, and saves once typing pauses', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { p } = await started();
      const save = vi.spyOn(p, 'saveSettings');
      const settingsTab = tab(p);
      settingsTab.display();
      const el = settingsTab.containerEl;

      type(input(el, 'peopleFolder'), 'Contacts\\Work/');
      expect(p.settings.peopleFolder).toBe('Contacts/Work');
      type(input(el, 'personTags'), '#person, contact ,, person');
      expect(p.settings.personTags).toEqual(['person', 'contact']);
      type(input(el, 'logHeadings'), '## Log, Gesprekken');
      expect(p.settings.logHeadings).toEqual(['Log', 'Gesprekken']);
      type(input(el, 'logHeadings'), ' , ');
      expect(p.settings.logHeadings).toEqual(['Log', 'Gesprekken']);
      expect(input(el, 'logHeadings').getAttribute('aria-invalid')).toBe('true');
      type(input(el, 'templateNote'), 'Templates//Person');
      expect(p.settings.templateNote).toBe('Templates/Person');
      type(input(el, 'dateKeys'), 'date, held on');
      type(input(el, 'attendeeKeys'), 'guests,, with');
      type(input(el, 'meetingTypes'), '#call, meeting');
      expect([p.settings.dateKeys, p.settings.attendeeKeys, p.settings.meetingTypes]).toEqual([['date', 'held on'], ['guests', 'with'], ['call', 'meeting']]);

      type(input(el, 'horizonDays'), '14');
      expect(p.settings.horizonDays).toBe(14);
      type(input(el, 'dormantDays'), '0');
      expect(p.settings.dormantDays).toBe(365);
      expect(input(el, 'dormantDays').getAttribute('aria-invalid')).toBe('true');
      type(input(el, 'circleCadence.15'), '21');
      expect(p.settings.circleCadence[15]).toBe(21);
      type(input(el, 'dormantPerWeek'), '5');
      type(input(el, 'inTouchDays'), '90');
      expect([p.settings.dormantPerWeek, p.settings.inTouchDays]).toEqual([5, 90]);

      expect(save).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1000);
      expect(save).toHaveBeenCalledTimes(1);
      expect((p as unknown as Loose).data__).toMatchObject({ peopleFolder: 'Contacts/Work', horizonDays: 14 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves a pending change when the tab closes, and toggles and the language save at once', async () => {
    const { p } = await started();
    const save = vi.spyOn(p, 'saveSettings');
    const settingsTab = tab(p);
    settingsTab.display();
    const el = settingsTab.containerEl;
    type(input(el, 'peopleFolder'), 'Folk');
    settingsTab.hide();
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    await save.mock.results[0]!.value;
    await p.sync.idle();
    // Only the template, by its tag.
    expect(p.index.people().map((x) => x.path)).toEqual(['Templates/Person.md']);

    toggles.length = 0;
    settingsTab.display();
    expect(toggles).toHaveLength(3);
    toggles[0]!.onClick();
    expect(p.settings.dailyNotes).toBe(false);
    expect(save).toHaveBeenCalledTimes(2);
    toggles[1]!.onClick();
    expect(p.settings.tasks).toBe(false);
    expect(save).toHaveBeenCalledTimes(3);
    toggles[2]!.onClick();
    expect(p.settings.statusBar).toBe(false);
    expect(save).toHaveBeenCalledTimes(4);

    // The weekly reminder: off by default, the days named in the plugin's language.
    const reviewDay = settingsTab.containerEl.querySelector<HTMLSelectElement>('[data-setting="reviewDay"]')!;
    expect(reviewDay.value).toBe('0');
    expect([...reviewDay.options].map((o) => o.text)).toEqual(['Off', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    reviewDay.value = '5';
    reviewDay.dispatchEvent(new Event('change'));
    expect(p.settings.reviewDay).toBe(5);
    expect(save).toHaveBeenCalledTimes(5);

    const language = settingsTab.containerEl.querySelector<HTMLSelectElement>('[data-setting="language"]')!;
    language.value = 'nl';
    language.dispatchEvent(new Event('change'));
    expect(p.settings.language).toBe('nl');
    expect(save).toHaveBeenCalledTimes(6);
    expect([...settingsTab.containerEl.querySelector<HTMLSelectElement>('[data-setting="reviewDay"]')!.options].map((o) => o.text)[1]).toBe('Maandag');
    expect(settingsTab.containerEl.textContent).toContain('Map met personen');
  });
});

describe('check person notes, translated', () => {
  it('words the summary in Dutch', () => {
    const nl = translator('nl');
    const d = (path: string, severity: 'error' | 'warning') => ({ path, severity, field: 'x', message: 'm' });
    expect(summaryText([], 1, nl)).toBe('Geen problemen gevonden in 1 persoonsnotitie');
    expect(summaryText([], 3, nl)).toBe('Geen problemen gevonden in 3 persoonsnotities');
    expect(summaryText([d('a', 'error'), d('a', 'error'), d('b', 'warning')], 3, nl)).toBe('2 fouten en 1 waarschuwing in 2 notities');
  });

  it('shows the modal in the plugin’s language', async () => {
    const { p } = await started(vault(), { language: 'nl' });
    const cmd = command(p, 'check-person-notes');
    expect(cmd.name).toBe('Persoonsnotities controleren');
    cmd.callback!();
    const modal = lastModal(CheckModal);
    expect(modal.titleEl.textContent).toBe('Persoonsnotities controleren');
    expect(modal.contentEl.querySelector('.ties-check-summary')!.textContent).toBe('1 fout in 1 notitie');
    expect(modal.contentEl.querySelector('.ties-check-label')!.textContent).toBe('Fout');
    expect(modal.contentEl.querySelector('.ties-check-note-link')!.getAttribute('aria-label')).toBe('Broken openen');
  });
});
