/**
 * Import people… in real Chromium over the demo vault: a LinkedIn export picked through the file input, the
 * plan modal at 450 px and at a 390 px phone width (`body.is-mobile`), light and dark, with long names and
 * many rows (the list scrolls inside the modal, the buttons stay on screen, touch targets of 44 px on the
 * phone); then the import itself, its notice, and Undo.
 */
import { describe, expect, it } from 'vitest';
import { useHarness, type Harness } from './browser';

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

/** A LinkedIn export against the demo vault: two people it knows (a fill, two conflicts), long and non-ASCII names, 60 more. */
function connections(): string {
  const rows = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    HEADER,
    'Bas,Willems,https://www.linkedin.com/in/bas-willems,bas.willems@datawolk.example,DataWolk BV,Senior account manager,12 Mar 2024',
    'Chen,Wei,https://www.linkedin.com/in/chen-wei,,Supply Chain Signals,,03 Jan 2025',
    'Maximiliaan Alexander Christiaan,van Oranje-Nassau tot Amsberg-Lippe-Biesterfeld,,,"Koninklijke Nederlandse Vereniging van Organisatieadviseurs en Interim-managers",Senior partner and chair of the supervisory board,19 Sep 2022',
    'Zoë,Çelik,https://www.linkedin.com/in/zoe-celik,zoe@celik.example,"Acme, Inc.","Head of Sales, EMEA",08 Feb 2026',
    'Nguyễn Văn,An,,an@example.vn,Viettel,CTO,1 Dec 2025',
    '"Jan: ""the boss""",de Vries,,jan@devries.example,De Vries & Zn,Owner,20 Jun 2023',
    ',,https://www.linkedin.com/in/no-name,,Stealth,Founder,02 Jan 2026',
    'Jürgen,Groß,,,Bosch,Engineer,31 Feb 2024',
  ];
  for (let i = 1; i <= 60; i++) rows.push(`Contact,Number ${i},,contact${i}@example.com,Company ${i % 7},Role ${i},0${(i % 9) + 1} Mar 2025`);
  return rows.join('\r\n') + '\r\n';
}

async function openPlan(h: Harness, sourceShot: string | null = null): Promise<void> {
  // A modal an earlier test left open goes first.
  await h.page.evaluate(() => [...window.ties.modals].forEach((m) => m.close()));
  expect(await h.page.evaluate(() => window.ties.runCommand('ties:import-people'))).toBe(true);
  await h.page.locator('.ties-import-source').waitFor();
  if (sourceShot !== null) await h.screenshot(sourceShot);
  await h.page.locator('.ties-import-file-input').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(connections()) });
  await h.page.locator('.ties-import-modal .ties-import-submit:enabled').waitFor();
}

async function phone(h: Harness, on: boolean): Promise<void> {
  await h.page.evaluate((mobile) => {
    document.body.toggleClass('is-mobile', mobile);
    document.body.toggleClass('is-phone', mobile);
  }, on);
}

describe('Import people… in the browser', () => {
  const harness = useHarness();

  it('shows the plan at 450 px and a 390 px phone width, light and dark: the list scrolls, the buttons stay reachable', async () => {
    const h = harness();
    for (const [width, mobile] of [[450, false], [390, true]] as const) {
      await h.page.setViewportSize({ width, height: 800 });
      await phone(h, mobile);
      await openPlan(h, `import-source-${width}`);
      const modal = h.page.locator('.ties-import-modal');
      expect(await modal.locator('.ties-import-from').textContent()).toBe('Connections.csv · LinkedIn connections · 68 rows');
      expect(await modal.locator('.ties-import-count').allTextContents()).toEqual(['65 new', '2 to fill', '2 conflicts', '1 skipped']);
      expect(await modal.locator('.ties-import-conflict .ties-import-side-value').allTextContents()).toEqual([
        'DataWolk', 'DataWolk BV', 'Account manager', 'Senior account manager',
      ]);

      // The modal fits the screen; its list scrolls inside it while Import and Cancel stay on screen.
      const box = (await modal.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      const list = await modal.locator('.ties-import-list').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, overflow: getComputedStyle(el).overflowY }));
      expect(list.overflow).toBe('auto');
      expect(list.scroll).toBeGreaterThan(list.client);
      for (const button of ['.ties-import-submit', '.ties-import-cancel']) {
        const b = (await modal.locator(button).boundingBox())!;
        expect(b.y + b.height).toBeLessThanOrEqual(box.y + box.height);
        expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
        if (mobile) expect(b.height).toBeGreaterThanOrEqual(44);
      }
      // The longest name wraps inside its row instead of running out of the modal.
      const long = (await modal.locator('.ties-import-name', { hasText: 'Maximiliaan' }).boundingBox())!;
      expect(long.x + long.width).toBeLessThanOrEqual(box.x + box.width);
      if (mobile) {
        const heights = await modal.locator('.ties-import-row').evaluateAll((rows) => rows.slice(0, 10).map((r) => r.getBoundingClientRect().height));
        expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
        expect((await modal.locator('.ties-import-all').first().boundingBox())!.height).toBeGreaterThanOrEqual(44);
      }

      // The modal alone, for the README (docs/screenshots/import-plan.png).
      if (!mobile) await h.screenshot('import-plan-modal', modal);
      for (const theme of ['light', 'dark'] as const) {
        await h.page.evaluate((th) => window.ties.setTheme(th), theme);
        await h.screenshot(`import-plan-${width}-${theme}`);
      }
      // Further down: the conflicts side by side, the skipped row and the values left out.
      await modal.locator('.ties-import-section[data-kind="conflicts"]').scrollIntoViewIfNeeded();
      await h.screenshot(`import-plan-${width}-dark-conflicts`);
      await h.page.evaluate(() => window.ties.setTheme('light'));
      await modal.locator('.ties-import-cancel').click();
      await modal.waitFor({ state: 'detached' });
    }
    await phone(h, false);
    expect(h.errors).toEqual([]);
  });

  it('imports the ticked people with a progress bar, says so in one notice, and Undo takes it all back', async () => {
    const h = harness();
    await h.page.setViewportSize({ width: 1280, height: 800 });
    const before = await h.page.evaluate(() => window.ties.vault.getFiles().length);
    const bas = (await h.page.evaluate(() => window.ties.read('People/Bas Willems.md')))!;
    await openPlan(h);
    const modal = h.page.locator('.ties-import-modal');
    // "All" clears the new notes; the five named people are ticked again: 5 new notes and 2 fills.
    await modal.locator('.ties-import-section[data-kind="create"] .ties-import-all-check').uncheck();
    for (const name of ['Maximiliaan', 'Zoë Çelik', 'Nguyễn Văn An', 'Jan the boss de Vries', 'Jürgen Groß'])
      await modal.locator('.ties-import-row', { hasText: name }).locator('input').check();
    expect(await modal.locator('.ties-import-submit').textContent()).toBe('Import 7');
    await modal.locator('.ties-import-submit').click();
    await modal.waitFor({ state: 'detached' });
    await h.settled();
    const notice = await h.page.evaluate(() => window.ties.notices.at(-1)!.text);
    expect(notice).toBe('Import: 5 new, 2 filled.Undo');
    expect(await h.page.evaluate(() => window.ties.read('People/Zoë Çelik.md'))).toContain('organisation: Acme, Inc.\n');
    const filled = await h.page.evaluate(() => window.ties.read('People/Bas Willems.md'));
    // Two lines at the end of the frontmatter; every other byte as it was.
    expect(filled).toBe(bas.replace('\n---\n', '\nmet: 2024-03-12\nlinkedin: "https://www.linkedin.com/in/bas-willems"\n---\n'));
    expect(await h.page.evaluate(() => window.ties.plugin.index.people().length)).toBe(43 + 5);

    await h.page.locator('.notice .ties-notice-undo').click();
    await expect.poll(() => h.page.evaluate(() => window.ties.notices.at(-1)!.text)).toBe('Undone: 2 notes are as they were and 5 new notes are in the trash.');
    await h.settled();
    expect(await h.page.evaluate(() => window.ties.read('People/Bas Willems.md'))).toBe(bas);
    expect(await h.page.evaluate(() => window.ties.vault.getFiles().length)).toBe(before);
    expect(h.errors).toEqual([]);
  });
});
