/**
 * The call hour in real Chromium over the demo vault (issue 8 #19): Log opens the modal and the card waits;
 * Cancel leaves the same person; a contact logged moves on and counts. Screenshots of the card with its Done
 * buttons at 320 and 450 px, light and dark.
 */
import { describe, expect, it } from 'vitest';
import { useHarness, type Harness } from './browser';

async function startCallHour(h: Harness, size: number): Promise<void> {
  await h.page.evaluate(() => window.ties.openView('ties-attention'));
  const sidebar = h.page.locator('.mod-right-split');
  // A call hour left at its summary by an earlier test goes back to the list first.
  if ((await sidebar.locator('.ties-callhour-back').count()) > 0) await sidebar.locator('.ties-callhour-back').click();
  await sidebar.locator('.ties-attention-row').first().waitFor();
  await sidebar.locator('.ties-attention-callhour-size').fill(String(size));
  await sidebar.locator('[data-action="call-hour"]').click();
  await sidebar.locator('.ties-callhour-person').waitFor();
}

async function sidebarWidth(h: Harness, px: number): Promise<void> {
  await h.page.evaluate((w) => document.body.style.setProperty('--sidebar-width', `${w}px`), px);
}

describe('the call hour', () => {
  const light = useHarness();
  const dark = useHarness({ theme: 'dark' });

  it('stays on the person when Log is cancelled, and counts a contact only once it is written', async () => {
    const h = light();
    await startCallHour(h, 3);
    const card = h.page.locator('.mod-right-split .ties-callhour');
    const path = await card.locator('.ties-callhour-person').getAttribute('data-path');
    const before = await h.page.evaluate((p) => window.ties.read(p), path!);
    expect(await card.locator('.ties-callhour-progress').textContent()).toBe('1 of 3');

    await card.locator('[data-action="call-log"]').click();
    const modal = h.page.locator('.modal');
    await modal.waitFor();
    // While the modal is open the card waits on the same person.
    expect(await card.locator('.ties-callhour-person').getAttribute('data-path')).toBe(path);
    expect(await card.locator('[data-action="call-skip"]').isDisabled()).toBe(true);
    await modal.locator('.ties-form-cancel').click();
    await modal.waitFor({ state: 'detached' });
    await expect.poll(() => card.locator('[data-action="call-log"]').isEnabled()).toBe(true);
    expect(await card.locator('.ties-callhour-person').getAttribute('data-path')).toBe(path);
    expect(await card.locator('.ties-callhour-progress').textContent()).toBe('1 of 3');
    expect(await h.page.evaluate((p) => window.ties.read(p), path!)).toBe(before);

    await card.locator('[data-action="call-log"]').click();
    await modal.locator('.ties-log-text').fill('caught up on the phone');
    await modal.locator('.ties-form-submit').click();
    await h.settled();
    await expect.poll(() => card.locator('.ties-callhour-progress').textContent()).toBe('2 of 3');
    expect(await h.page.evaluate((p) => window.ties.read(p), path!)).toMatch(/^- 2026-11-24 (?:[\w-]+: )?caught up on the phone$/m);

    await card.locator('[data-action="call-end"]').click();
    expect(await card.locator('.ties-callhour-summary').textContent()).toBe('Logged 1, skipped 0, snoozed 0');
    expect(h.errors).toEqual([]);
  });

  it('shows Done for each due follow-up, at 320 and 450 px, in light and dark', async () => {
    for (const open of [light, dark]) {
      const h = open();
      await startCallHour(h, 5);
      const card = h.page.locator('.mod-right-split .ties-callhour');
      expect(await card.locator('.ties-callhour-done').count()).toBeGreaterThan(0);
      // The notice of the earlier test's write would cover the card's top in the screenshots.
      await h.page.evaluate(() => window.ties.notices.forEach((n) => n.notice.hide()));
      for (const width of [320, 450]) {
        await sidebarWidth(h, width);
        // The Done button fits on the card: inside its right edge, never clipped.
        const cardBox = (await card.locator('.ties-callhour-person').boundingBox())!;
        const done = (await card.locator('.ties-callhour-done').first().boundingBox())!;
        expect(done.x + done.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
        await h.screenshot(`call-hour-${width}-${open === light ? 'light' : 'dark'}`, h.page.locator('.mod-right-split'));
      }
      // Done ticks the follow-up off and stays on the person.
      const name = await card.locator('.ties-callhour-person .ties-attention-name').textContent();
      await card.locator('.ties-callhour-done').first().click();
      await h.settled();
      await card.locator('.ties-callhour-ticked').first().waitFor();
      await h.page.evaluate(() => window.ties.notices.forEach((n) => n.notice.hide()));
      expect(await card.locator('.ties-callhour-person .ties-attention-name').textContent()).toBe(name);
      expect(await card.locator('[data-action="call-skip"]').textContent()).toBe('Next');
      await sidebarWidth(h, 320);
      await h.screenshot(`call-hour-ticked-${open === light ? 'light' : 'dark'}`, h.page.locator('.mod-right-split'));
      expect(h.errors).toEqual([]);
    }
  });
});
