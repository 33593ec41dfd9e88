/**
 * People in this note in real Chromium over the demo vault (issue 9 #4): the panel beside a meeting note at
 * 320 and 450 px, light and dark, English and Dutch, and at a 390 px phone width (body.is-mobile, touch
 * targets of 44 px); a click on Done ticks the task in the meeting note; Log this meeting for everyone
 * writes a line in each person's note.
 */
import { describe, expect, it } from 'vitest';
import { asPhone, openHarness, overflowing, sidebarWidth, useHarness, type Harness } from './browser';

const MEETING = 'Meetings/Delivery-time feed with Vermeulen Retail.md';

/** Opens `path` in the main area, then the panel by its command, and waits for its cards. */
async function panelOver(h: Harness, path: string, where: 'right' | 'main' = 'right'): Promise<void> {
  await h.page.evaluate(async ({ path, where }) => {
    await window.ties.app.workspace.openLinkText(path, '', false);
    if (where === 'main') await window.ties.openView('ties-note-people', 'main');
    else if (!window.ties.runCommand('ties:open-people-in-this-note')) throw new Error('the command did not run');
  }, { path, where });
  await h.page.locator('.ties-note-people .ties-np-card').first().waitFor();
}


const hideNotices = (h: Harness) => h.page.evaluate(() => window.ties.notices.forEach((n) => n.notice.hide()));

describe('People in this note', () => {
  const light = useHarness();

  it('looks right beside a meeting note at 320 and 450 px, light and dark, English and Dutch', async () => {
    for (const [theme, lang] of [['light', 'en'], ['dark', 'en'], ['light', 'nl'], ['dark', 'nl']] as const) {
      const h = await openHarness({ theme, lang });
      try {
        await panelOver(h, MEETING);
        const panel = h.page.locator('.mod-right-split .ties-note-people');
        expect(await panel.locator('.ties-np-name').allTextContents()).toEqual(['Henk Brouwer', 'Mirjam Koster']);
        expect(await panel.locator('.ties-np-unresolved-name').allTextContents()).toEqual(['Marloes de Boer']);
        expect(await panel.locator('.ties-np-log-all').textContent()).toBe(lang === 'en' ? 'Log this meeting for everyone' : 'Overleg voor iedereen vastleggen');
        for (const width of [320, 450]) {
          await sidebarWidth(h, width);
          // Nothing sticks out of the panel: every card, button and follow-up fits its width.
          expect(await overflowing(panel, '.ties-np-card, button, .ties-np-follow-up')).toEqual([]);
          await h.screenshot(`note-people-${width}-${theme}-${lang}`, h.page.locator('.mod-right-split'));
        }
        expect(h.errors).toEqual([]);
      } finally {
        await h.close();
      }
    }
  });

  it('fits a 390 px phone, with touch targets of 44 px', async () => {
    const h = await openHarness({ viewport: { width: 390, height: 844 } });
    try {
      await asPhone(h);
      await panelOver(h, MEETING, 'main');
      const panel = h.page.locator('.ties-note-people');
      const small = await panel.evaluate((el) => Array.from(el.querySelectorAll<HTMLElement>('button, a'))
        .map((e) => ({ text: e.textContent, box: e.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44).map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`));
      expect(small).toEqual([]);
      await h.screenshot('note-people-390-phone', h.page.locator('.workspace-leaf.mod-active, .ties-note-people').last());
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('Done on a task ticks it in the meeting note and logs the contact', async () => {
    const h = light();
    await panelOver(h, MEETING);
    const mirjam = h.page.locator('.mod-right-split .ties-np-card[data-path="People/Mirjam Koster.md"]');
    const item = mirjam.locator('.ties-np-follow-up', { hasText: 'send Mirjam Koster the field list' });
    await item.locator('.ties-np-done').click();
    await h.settled();
    const meeting = (await h.page.evaluate((p) => window.ties.read(p), MEETING)) ?? '';
    expect(meeting).toContain('- [x] send [[Mirjam Koster]] the field list of the delivery-time feed 📅 2026-11-23 ✅ 2026-11-24\n');
    expect(meeting).toContain('- [ ] ask [[Henk Brouwer]] whether the pilot can start in January\n');
    expect(await h.page.evaluate(() => window.ties.read('People/Mirjam Koster.md'))).toMatch(/^- 2026-11-24 send \[\[Mirjam Koster\]\] the field list of the delivery-time feed$/m);
    await expect.poll(() => item.count()).toBe(0);
    expect(await h.page.evaluate(() => window.ties.notices.at(-1)?.text)).toContain('Task ticked and contact with Mirjam Koster logged.');
    await hideNotices(h);
    await sidebarWidth(h, 320);
    await h.screenshot('note-people-done', h.page.locator('.mod-right-split'));
    expect(h.errors).toEqual([]);
  });

  it('logs this meeting for everyone, one line in each note', async () => {
    const h = light();
    await panelOver(h, MEETING);
    await h.page.locator('.mod-right-split .ties-np-log-all').click();
    const modal = h.page.locator('.modal');
    expect(await modal.locator('.ties-log-date').inputValue()).toBe('2026-11-18');
    await modal.locator('.ties-log-channel').selectOption('video');
    await h.screenshot('note-people-log-all-modal', modal);
    await modal.locator('.ties-form-submit').click();
    await h.settled();
    for (const person of ['Henk Brouwer', 'Mirjam Koster'])
      expect(await h.page.evaluate((p) => window.ties.read(p), `People/${person}.md`)).toContain('- 2026-11-18 video: [[Delivery-time feed with Vermeulen Retail]]\n');
    expect(await h.page.evaluate(() => window.ties.notices.at(-1)?.text)).toMatch(/^Logged this meeting for 2 people\./);
    expect(h.errors).toEqual([]);
  });
});
