/** The friendly conscience over time: weeks reviewed, the streak, when the weekly nudge shows, and when it asks whether it nags. */
import { describe, expect, it } from 'vitest';
import {
  dueCount, emptyConscience, ignoredNudges, nudgeDue, readConscience, recordAsked, recordNudge, recordReview, shouldAskAboutNudge,
  streak, suggestedDay, weekdayOf, weekKey, type ConscienceState,
} from '../../src/core/conscience';
import { parseDayString } from '../../src/core/dates';
import type { AttentionItem, Day } from '../../src/core/types';

const day = (s: string): Day => parseDayString(s)!;
// 2026-11-23 is a Monday (ISO week 48).
const MON = day('2026-11-23');

function reviewed(days: Day[], from = emptyConscience()): ConscienceState {
  return days.reduce((s, d) => recordReview(s, d), from);
}

describe('weeks and weekdays', () => {
  it('numbers weekdays as ISO does and keys weeks across a year’s end', () => {
    expect(weekdayOf(MON)).toBe(1);
    expect(weekdayOf(day('2026-11-29'))).toBe(7);
    expect(weekdayOf(day('1970-01-01'))).toBe(4);
    expect(weekdayOf(day('1969-12-29'))).toBe(1);
    expect(weekKey(MON)).toBe('2026-W48');
    // 2027-01-01 is a Friday in ISO week 53 of 2026.
    expect(weekKey(day('2027-01-01'))).toBe('2026-W53');
    expect(weekKey(day('2027-01-04'))).toBe('2027-W01');
  });
});

describe('streak', () => {
  it('is 0 before any review, and counts weeks in a row with a review', () => {
    expect(streak(emptyConscience(), MON)).toBe(0);
    const s = reviewed([MON - 21, MON - 14 + 3, MON - 7 + 6]);
    expect(streak(s, MON + 2)).toBe(3);
  });

  it('still stands while this week is not reviewed yet, and breaks when a whole week went by without one', () => {
    const s = reviewed([MON - 14, MON - 7]);
    expect(streak(s, MON + 6)).toBe(2);
    expect(streak(recordReview(s, MON + 6), MON + 6)).toBe(3);
    expect(streak(s, MON + 7)).toBe(0);
  });

  it('counts a week once however many writes it held, and a gap breaks it', () => {
    const s = reviewed([MON - 21, MON - 7, MON - 6, MON - 5, MON]);
    expect(s.reviewedWeeks).toEqual(['2026-W45', '2026-W47', '2026-W48']);
    expect(streak(s, MON)).toBe(2);
  });

  it('runs across a year’s end (2026 has 53 ISO weeks)', () => {
    const s = reviewed([day('2026-12-22'), day('2026-12-29'), day('2027-01-05')]);
    expect(streak(s, day('2027-01-06'))).toBe(3);
  });

  it('keeps a streak longer than the kept history', () => {
    const days = Array.from({ length: 80 }, (_, i) => MON - 7 * (79 - i));
    const s = reviewed(days);
    expect(s.reviewedWeeks).toHaveLength(60);
    expect(streak(s, MON)).toBe(80);
  });

  it('remembers the last day reviewed, never moving it back for a backdated write', () => {
    const s = reviewed([MON + 3, MON + 1]);
    expect(s.lastReviewed).toBe(MON + 3);
  });
});

describe('the weekly nudge', () => {
  it('is off without a review day, and due once on the chosen day of each week', () => {
    const s = emptyConscience();
    expect(nudgeDue(s, MON + 4, null)).toBe(false);
    expect(nudgeDue(s, MON + 3, 5)).toBe(false);
    expect(nudgeDue(s, MON + 4, 5)).toBe(true);
    const shown = recordNudge(s, MON + 4);
    expect(nudgeDue(shown, MON + 4, 5)).toBe(false);
    // Not the next day, even when the day moves within the week: once a week.
    expect(nudgeDue(shown, MON + 5, 6)).toBe(false);
    expect(nudgeDue(shown, MON + 11, 5)).toBe(true);
  });

  it('asks whether it nags after three nudges in a row with nothing reviewed, and not again right after', () => {
    let s = emptyConscience();
    for (const w of [0, 1, 2]) s = recordNudge(s, MON + 7 * w);
    expect(ignoredNudges(s, MON + 14)).toBe(2);
    expect(shouldAskAboutNudge(s, MON + 21)).toBe(true);
    s = recordAsked(recordNudge(s, MON + 21), MON + 21);
    expect(shouldAskAboutNudge(s, MON + 28)).toBe(false);
    expect(ignoredNudges(s, MON + 28)).toBe(0);
  });

  it('does not count a nudge whose week was reviewed, so a review breaks the run', () => {
    let s = emptyConscience();
    for (const w of [0, 1, 2]) s = recordNudge(s, MON + 7 * w);
    s = recordReview(s, MON + 7 + 2);
    expect(ignoredNudges(s, MON + 21)).toBe(1);
    expect(shouldAskAboutNudge(s, MON + 21)).toBe(false);
  });

  it('suggests moving to the weekday the user most often does review work on', () => {
    const s = reviewed([MON + 2, MON + 9, MON + 4]);
    expect(suggestedDay(s, 5)).toBe(3);
    expect(suggestedDay(s, 3)).toBe(5);
    expect(suggestedDay(emptyConscience(), 7)).toBe(1);
  });
});

describe('readConscience', () => {
  it('reads junk as an empty state and keeps only valid parts', () => {
    expect(readConscience(null)).toEqual(emptyConscience());
    expect(readConscience('x')).toEqual(emptyConscience());
    const s = readConscience({
      reviewedWeeks: ['2026-W48', 'nope', 5, '2026-W47', '2026-W48'], lastReviewed: 1.5, streakBefore: -1,
      nudgedWeeks: {}, askedWeek: '2026-W40', weekdayWrites: [1, 2, 3],
    });
    expect(s).toEqual({ ...emptyConscience(), reviewedWeeks: ['2026-W47', '2026-W48'], askedWeek: '2026-W40' });
    const again = readConscience(JSON.parse(JSON.stringify(recordReview(s, MON))));
    expect(again).toEqual(recordReview(s, MON));
  });
});

describe('dueCount', () => {
  const item = (path: string, kind: AttentionItem['kind']) => ({ path, kind }) as AttentionItem;
  it('counts people, not items, and only this week’s few dormant ties', () => {
    const items = [item('a', 'overdue'), item('a', 'favour'), item('b', 'follow-up'), item('c', 'dormant'), item('d', 'dormant'), item('e', 'dormant')];
    expect(dueCount(items, 2)).toBe(4);
    expect(dueCount(items, 0)).toBe(2);
    expect(dueCount([], 3)).toBe(0);
  });
});
