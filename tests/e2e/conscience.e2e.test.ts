/**
 * Issue 12, points 7–9 in real Chromium over the demo vault (2026-11-24, a Tuesday): the settings tab and
 * the New person modal at 450 px and a 390 px phone width (`body.is-mobile`), light and dark, with a number's
 * message and the folder suggester; New person writing only what was given; the status bar's count; the
 * weekly reminder; and the sidebar header's review line.
 */
import { describe, expect, it } from 'vitest';
import { useHarness, type Harness } from './browser';

/** 2026-11-24 as an epoch day, and the ISO weeks before it. */
const TODAY = Date.UTC(2026, 10, 24) / 86_400_000;

async function phone(h: Harness, on: boolean): Promise<void> {
  await h.page.evaluate((mobile) => {
    document.body.toggleClass('is-mobile', mobile);
    document.body.toggleClass('is-phone', mobile);
  }, on);
}

const SIZES = [[450, false], [390, true]] as const;

describe('settings and New person in the browser', () => {
  const harness = useHarness();

  it('shows the settings tab at 450 px and a 390 px phone, light and dark: a number’s message, the folder suggester, the weekly reminder', async () => {
    const h = harness();
    for (const [width, mobile] of SIZES) {
      await h.page.setViewportSize({ width, height: 800 });
      await phone(h, mobile);
      await h.page.evaluate(() => window.ties.openSettings());
      const tab = h.page.locator('.ties-settings');
      await tab.waitFor();
      const dormant = tab.locator('[data-setting="dormantDays"]');
      await dormant.fill('-5');
      const error = tab.locator('#ties-setting-error-dormantDays');
      expect(await error.textContent()).toBe('Enter a whole number of at least 1; Ties keeps 365 until then.');
      expect(await error.isVisible()).toBe(true);
      const box = (await error.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await error.scrollIntoViewIfNeeded();
      for (const theme of ['light', 'dark'] as const) {
        await h.page.evaluate((th) => window.ties.setTheme(th), theme);
        await h.screenshot(`settings-number-${width}-${theme}`);
      }
      await h.page.evaluate(() => window.ties.setTheme('light'));
      await dormant.fill('365');
      expect(await error.textContent()).toBe('');

      // The people folder suggests the vault's folders.
      const folder = tab.locator('[data-setting="peopleFolder"]');
      await folder.scrollIntoViewIfNeeded();
      await folder.fill('Peo');
      const suggestion = h.page.locator('.suggestion-container .suggestion-item').first();
      await suggestion.waitFor({ state: 'attached' });
      expect(await suggestion.textContent()).toBe('People');
      expect(await tab.locator('.ties-setting-hint').first().textContent()).toBe('There is no folder “Peo” yet: New person creates it.');
      await folder.press('Enter');
      expect(await folder.inputValue()).toBe('People');
      expect(await tab.locator('.ties-setting-hint').first().textContent()).toBe('');

      const reminder = tab.locator('[data-setting="reviewDay"]');
      await reminder.scrollIntoViewIfNeeded();
      expect(await reminder.inputValue()).toBe('0');
      await h.screenshot(`settings-weekly-review-${width}`);
      await h.page.keyboard.press('Escape');
      await h.page.evaluate(() => [...window.ties.modals].forEach((m) => m.close()));
    }
    await phone(h, false);
    expect(h.errors).toEqual([]);
  });

  it('shows New person at 450 px and a 390 px phone, light and dark, and writes only the fields given', async () => {
    const h = harness();
    for (const [width, mobile] of SIZES) {
      await h.page.setViewportSize({ width, height: 800 });
      await phone(h, mobile);
      expect(await h.page.evaluate(() => window.ties.runCommand('ties:new-person'))).toBe(true);
      const modal = h.page.locator('.modal', { has: h.page.locator('.ties-new-person-name') });
      await modal.waitFor();
      const box = (await modal.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      expect(await modal.locator('.ties-new-person-circle option').allTextContents()).toEqual([
        'None yet', '5: every 7 days', '15: every 30 days', '50: every 90 days', '150: every 365 days',
      ]);
      if (mobile) for (const b of await modal.locator('.ties-form-buttons button').all()) expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      for (const theme of ['light', 'dark'] as const) {
        await h.page.evaluate((th) => window.ties.setTheme(th), theme);
        await h.screenshot(`new-person-${width}-${theme}`);
      }
      await h.page.evaluate(() => window.ties.setTheme('light'));
      await modal.locator('.ties-form-cancel').click();
      await modal.waitFor({ state: 'detached' });
    }
    await phone(h, false);
    await h.page.setViewportSize({ width: 1280, height: 800 });
    await h.page.evaluate(() => window.ties.runCommand('ties:new-person'));
    const modal = h.page.locator('.modal', { has: h.page.locator('.ties-new-person-name') });
    await modal.locator('.ties-new-person-name').fill('Noor Bakker');
    await modal.locator('.ties-new-person-organisation').fill('Gemeente Utrecht');
    await modal.locator('.ties-new-person-circle').selectOption('50');
    await modal.locator('.ties-form-submit').click();
    await modal.waitFor({ state: 'detached' });
    await h.settled();
    expect(await h.page.evaluate(() => window.ties.read('People/Noor Bakker.md'))).toBe('---\ncircle: 50\norganisation: Gemeente Utrecht\n---\n\n## Log\n');
    expect(h.errors).toEqual([]);
  });
});

describe('the friendly conscience in the browser', () => {
  const harness = useHarness({
    // Tuesday is the reminder's day; three weeks before reviewed, the last one on Friday.
    data: { reviewDay: 2, conscience: { reviewedWeeks: ['2026-W45', '2026-W46', '2026-W47'], lastReviewed: TODAY - 4 } },
  });

  it('counts the people due in the status bar, reminds once on Tuesday, and the sidebar says when the user last reviewed', async () => {
    const h = harness();
    await h.page.setViewportSize({ width: 1280, height: 800 });
    const status = h.page.locator('.ties-status-bar');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/^Ties · \d+ due$/);

    const notice = h.page.locator('.notice', { hasText: 'Weekly review' });
    await notice.waitFor();
    expect(await notice.locator('button').allTextContents()).toEqual(['Open review', 'Start call hour']);
    expect(await notice.textContent()).toMatch(/^Weekly review: \d+ people due\./);
    await h.screenshot('weekly-reminder', notice);

    await notice.locator('button', { hasText: 'Open review' }).click();
    const line = h.page.locator('.ties-attention .ties-review-line');
    await line.waitFor();
    expect(await line.textContent()).toBe('Last reviewed 4 days ago · 3 weeks in a row');
    for (const theme of ['light', 'dark'] as const) {
      await h.page.evaluate((th) => window.ties.setTheme(th), theme);
      await h.screenshot(`review-line-${theme}`, h.page.locator('.ties-attention-header'));
    }
    expect(h.errors).toEqual([]);
  });
});
