/**
 * The due-for-attention sidebar at the widths users have it: 320 and 450 px in Dutch, light and dark (nothing
 * sticks out), and a 390 px phone (body.is-mobile) where every row button and header control is 44 px.
 */
import { describe, expect, it } from 'vitest';
import { asPhone, openHarness, overflowing, sidebarWidth, type Harness } from './browser';

async function openSidebar(h: Harness, where: 'right' | 'main' = 'right'): Promise<void> {
  await h.page.evaluate((w) => window.ties.openView('ties-attention', w), where);
  await h.page.locator('.ties-attention-row').first().waitFor();
}

describe('the sidebar at 320, 450 and 390 px', () => {
  it('fits 320 and 450 px in Dutch, light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const h = await openHarness({ theme, lang: 'nl' });
      try {
        await openSidebar(h);
        const view = h.page.locator('.mod-right-split .ties-attention');
        expect(await view.locator('.ties-attention-section-title').first().textContent()).toBe('Opvolgingen');
        for (const width of [320, 450]) {
          await sidebarWidth(h, width);
          expect(await overflowing(view, '.ties-attention-row, button, .ties-attention-count')).toEqual([]);
          await h.screenshot(`attention-${width}-${theme}-nl`, h.page.locator('.mod-right-split'));
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
      await openSidebar(h, 'main');
      const view = h.page.locator('.ties-attention').last();
      const small = await view.evaluate((el) => Array.from(el.querySelectorAll<HTMLElement>('.ties-attention-action, .ties-attention-count, button'))
        .filter((e) => e.offsetParent !== null)
        .map((e) => ({ name: e.getAttribute('aria-label') ?? e.textContent, box: e.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44).map(({ name, box }) => `${name} ${Math.round(box.width)}×${Math.round(box.height)}`));
      expect(small).toEqual([]);
      await h.screenshot('attention-390-phone', view);
      expect(h.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
