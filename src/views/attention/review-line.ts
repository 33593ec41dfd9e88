/**
 * The sidebar header's review line: "Last reviewed 3 days ago · 4 weeks in a row". It shows what the user
 * did (writes from Ties, counted per ISO week), so the weekly review has a memory; its tooltip says what
 * counts as reviewed. Drawn into the header on every render, kept in place when nothing changed.
 */
import type { ReviewSummary } from '../../core/conscience';
import type { Translate } from '../../i18n/i18n';

/** The line's text: when, and the streak from two weeks on (one week is no streak yet). */
export function reviewLineText(summary: ReviewSummary, t: Translate): string {
  const { daysSince, streak } = summary;
  const when =
    daysSince === null ? t('conscience.neverReviewed')
    : daysSince === 0 ? t('conscience.lastReviewedToday')
    : daysSince === 1 ? t('conscience.lastReviewedYesterday')
    : t('conscience.lastReviewedDays', { n: daysSince });
  return streak >= 2 ? `${when} · ${t('conscience.streak', { n: streak })}` : when;
}

/**
 * Puts the line into the header's place for it in `root`, or at the top of `root` when it has no header
 * (the empty and loading states); updates the line already there. Nothing without a summary.
 */
export function renderReviewLine(root: HTMLElement, summary: ReviewSummary | undefined, t: Translate): void {
  const existing = root.querySelector<HTMLElement>('.ties-review-line');
  if (!summary) {
    existing?.remove();
    return;
  }
  // The header keeps a place for it; without a header (the empty and loading states), the top of `root`.
  const slot = root.querySelector<HTMLElement>('.ties-attention-review');
  const parent = slot ?? root;
  let el = existing;
  if (!el || el.parentElement !== parent) {
    existing?.remove();
    el = createDiv({ cls: 'ties-review-line' });
    if (slot) slot.append(el);
    else parent.prepend(el);
  }
  const text = reviewLineText(summary, t);
  if (el.textContent !== text) el.setText(text);
  el.setAttribute('title', t('conscience.streakTitle'));
}
