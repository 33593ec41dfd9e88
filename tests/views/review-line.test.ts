/** The review line's words, in English and Dutch: when, and the streak from two weeks on. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/i18n';
import { reviewLineText } from '../../src/views/attention/review-line';

describe('reviewLineText', () => {
  it('says when the user last reviewed, and the weeks in a row only from two on', () => {
    const en = translator('en');
    expect(reviewLineText({ daysSince: null, streak: 0 }, en)).toBe('No review recorded yet');
    expect(reviewLineText({ daysSince: 0, streak: 1 }, en)).toBe('Last reviewed today');
    expect(reviewLineText({ daysSince: 1, streak: 2 }, en)).toBe('Last reviewed yesterday · 2 weeks in a row');
    expect(reviewLineText({ daysSince: 12, streak: 0 }, en)).toBe('Last reviewed 12 days ago');
  });

  it('speaks Dutch', () => {
    const nl = translator('nl');
    expect(reviewLineText({ daysSince: null, streak: 0 }, nl)).toBe('Nog geen overzicht doorgenomen');
    expect(reviewLineText({ daysSince: 3, streak: 4 }, nl)).toBe('3 dagen geleden voor het laatst doorgenomen · 4 weken op rij');
  });
});
