/** The due-for-attention sidebar in real Chromium over the demo vault: how it looks, and a contact logged by clicking. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './browser';

describe('the due-for-attention sidebar', () => {
  const light = useHarness();
  const dark = useHarness({ theme: 'dark' });

  it('shows the weekly review in the right sidebar, in light and dark', async () => {
    for (const open of [light, dark]) {
      const h = open();
      await h.page.evaluate(() => window.ties.openView('ties-attention'));
      const sidebar = h.page.locator('.mod-right-split');
      await sidebar.locator('.ties-attention-row').first().waitFor();
      const sections = await sidebar.locator('.ties-attention-section-title').allTextContents();
      expect(sections).toEqual(['Follow-ups', 'Overdue', 'Coming up', 'Favours owed', 'Dormant ties']);
      const counts = await sidebar.locator('.ties-attention-section-count').allTextContents();
      // The demo's meeting notes met Lotte and Henk; its tasks with a due date add three follow-ups (v1.1).
      expect(counts.slice(0, 4)).toEqual(['8', '9', '3', '3']);
      await h.screenshot(open === light ? 'attention-light' : 'attention-dark', sidebar);
      // What to ask about is readable: its computed colour against the background behind it, at least 4.5:1.
      const ratio = await sidebar.locator('.ties-attention-interests').first().evaluate((el) => {
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: number[]) => {
          const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        let bg: Element | null = el;
        while (bg && /rgba\(0, 0, 0, 0\)|transparent/.test(getComputedStyle(bg).backgroundColor)) bg = bg.parentElement;
        const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(getComputedStyle(bg ?? document.body).backgroundColor))];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      });
      expect(ratio).toBeGreaterThanOrEqual(4.5);
      expect(h.errors).toEqual([]);
    }
  });

  it('logs a contact by clicking, and the note is rewritten', async () => {
    const h = light();
    await h.page.evaluate(() => window.ties.openView('ties-attention'));
    const row = h.page.locator('.mod-right-split .ties-attention-section[data-kind="overdue"] .ties-attention-row').first();
    const path = await row.getAttribute('data-path');
    expect(path).toBe('People/Kees Dekker.md');
    const before = (await h.page.evaluate((p) => window.ties.read(p), path!)) ?? '';

    await row.locator('[data-action="log"]').click();
    const modal = h.page.locator('.modal');
    await modal.locator('.ties-log-text').fill('coffee, talked about the dock planning');
    await modal.locator('.ties-log-channel').selectOption('in-person');
    await h.screenshot('log-contact-modal', modal);
    await modal.locator('.ties-form-submit').click();
    await h.settled();

    const after = (await h.page.evaluate((p) => window.ties.read(p), path!)) ?? '';
    expect(after).toMatch(/^last_contact: 2026-11-24$/m);
    expect(after).toContain('- 2026-11-24 in-person: coffee, talked about the dock planning');
    // Everything else in the note is still there: the body before the new log line is unchanged.
    const bodyBefore = before.slice(before.indexOf('\n---', 3) + 4);
    const bodyAfter = after.slice(after.indexOf('\n---', 3) + 4);
    expect(bodyAfter.replace('- 2026-11-24 in-person: coffee, talked about the dock planning\n', '')).toBe(bodyBefore);
    // Kees is no longer overdue; the notice offers Undo.
    await expect.poll(() => h.page.locator('.ties-attention-section[data-kind="overdue"] [data-path="People/Kees Dekker.md"]').count()).toBe(0);
    expect(await h.page.evaluate(() => window.ties.notices.map((n) => n.text).join('\n'))).toMatch(/Undo/i);
    expect(h.errors).toEqual([]);
  });
});
