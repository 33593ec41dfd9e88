/**
 * The friendly conscience as data: which ISO weeks the user reviewed, how many in a row, when the weekly
 * nudge is due, and whether the nudge nags (shown week after week, nothing reviewed). Pure: days are epoch
 * days, the state is what the plugin keeps in data.json, and every function returns a new state.
 *
 * A week counts as **reviewed** when Ties wrote a change to a person note for the user in it: a contact
 * logged, a follow-up done or added, a snooze, a favour recorded (a call hour is made of these). Counted
 * from writes that happened, never from clicks; opening the sidebar is no review.
 */
import { isoWeek } from './dates';
import type { AttentionItem, Day } from './types';

/** Weekdays as ISO numbers: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** After this many nudges in a row without a review, the nudge asks whether it should stay. */
export const IGNORED_NUDGES_TO_ASK = 3;
/** How many weeks of history the state keeps (a streak longer than this still counts, see `streak`). */
const KEEP_WEEKS = 60;

export interface ConscienceState {
  /** ISO weeks (`2026-W48`) with a review, oldest first, at most KEEP_WEEKS. */
  reviewedWeeks: string[];
  /** The last day something was reviewed, or null. */
  lastReviewed: Day | null;
  /** Weeks in a row reviewed before the oldest kept week (so a long streak survives trimming). */
  streakBefore: number;
  /** ISO weeks in which the nudge was shown, oldest first, at most KEEP_WEEKS. */
  nudgedWeeks: string[];
  /** The week the nudge last asked whether it nags; nudges before it are not counted again. */
  askedWeek: string | null;
  /** How many review writes fell on each weekday (index 0 = Monday): the day to suggest when moving the nudge. */
  weekdayWrites: number[];
}

export function emptyConscience(): ConscienceState {
  return { reviewedWeeks: [], lastReviewed: null, streakBefore: 0, nudgedWeeks: [], askedWeek: null, weekdayWrites: [0, 0, 0, 0, 0, 0, 0] };
}

/** The ISO weekday of a day (epoch day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: Day): Weekday {
  return ((((day + 3) % 7) + 7) % 7) + 1 as Weekday;
}

/** The ISO week of a day as a sortable key: `2026-W05`. */
export function weekKey(day: Day): string {
  const { year, week } = isoWeek(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of a day's ISO week. */
function mondayOf(day: Day): Day {
  return day - (weekdayOf(day) - 1);
}

function isWeekKey(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-W\d{2}$/.test(v);
}

function weekList(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return [...new Set(v.filter(isWeekKey))].sort().slice(-KEEP_WEEKS);
}

/** Stored data (any shape, hand-edited junk too) read into a valid state. */
export function readConscience(stored: unknown): ConscienceState {
  const out = emptyConscience();
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return out;
  const s = stored as Record<string, unknown>;
  out.reviewedWeeks = weekList(s.reviewedWeeks);
  out.nudgedWeeks = weekList(s.nudgedWeeks);
  if (typeof s.lastReviewed === 'number' && Number.isInteger(s.lastReviewed) && Math.abs(s.lastReviewed) < 1e6) out.lastReviewed = s.lastReviewed;
  if (typeof s.streakBefore === 'number' && Number.isInteger(s.streakBefore) && s.streakBefore >= 0 && s.streakBefore < 1e4) out.streakBefore = s.streakBefore;
  if (isWeekKey(s.askedWeek)) out.askedWeek = s.askedWeek;
  if (Array.isArray(s.weekdayWrites) && s.weekdayWrites.length === 7 && s.weekdayWrites.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0))
    out.weekdayWrites = (s.weekdayWrites as number[]).map((n) => Math.min(Math.round(n), 1e9));
  return out;
}

/** Consecutive weeks in `weeks` (sorted keys) ending with `last`, counting back from `last`'s Monday. */
function runEndingAt(weeks: ReadonlySet<string>, lastDay: Day): number {
  let n = 0;
  for (let monday = mondayOf(lastDay); weeks.has(weekKey(monday)); monday -= 7) n++;
  return n;
}

/** The state after a review write on `day`. */
export function recordReview(state: ConscienceState, day: Day): ConscienceState {
  const key = weekKey(day);
  const weekdayWrites = [...state.weekdayWrites];
  weekdayWrites[weekdayOf(day) - 1]! += 1;
  const lastReviewed = state.lastReviewed === null || day > state.lastReviewed ? day : state.lastReviewed;
  if (state.reviewedWeeks.includes(key)) return { ...state, lastReviewed, weekdayWrites };
  const all = [...state.reviewedWeeks, key].sort();
  let streakBefore = state.streakBefore;
  if (all.length > KEEP_WEEKS) {
    // The oldest kept week leaves; when it was part of an unbroken run up to the next kept week, the run's length before it is kept.
    const dropped = all.shift()!;
    const next = all[0]!;
    streakBefore = weekAfter(dropped) === next ? streakBefore + 1 : 0;
  }
  return { ...state, reviewedWeeks: all, lastReviewed, streakBefore, weekdayWrites };
}

/** The week key after `key` (keys of consecutive weeks across a year's end too). */
function weekAfter(key: string): string {
  return weekKey(dayOfWeekKey(key) + 7);
}

/** The Monday of a week key. */
function dayOfWeekKey(key: string): Day {
  const year = Number(key.slice(0, 4));
  const week = Number(key.slice(6));
  // 4 January is always in ISO week 1.
  const jan4 = Date.UTC(year, 0, 4) / 86_400_000;
  return mondayOf(jan4) + (week - 1) * 7;
}

/**
 * Weeks in a row with a review, up to today: this week counts once it is reviewed, and while it is not
 * (yet), the run up to last week still stands: a streak breaks only when a whole week went by without one.
 */
export function streak(state: ConscienceState, today: Day): number {
  const weeks = new Set(state.reviewedWeeks);
  const end = weeks.has(weekKey(today)) ? today : today - 7;
  const run = runEndingAt(weeks, end);
  if (run === 0) return 0;
  // The run reaches the oldest kept week: add what was counted before it was trimmed.
  const oldest = state.reviewedWeeks[0];
  return oldest !== undefined && weekKey(mondayOf(end) - (run - 1) * 7) === oldest ? run + state.streakBefore : run;
}

/** Whether the weekly nudge is due today: the day is the chosen one and it was not shown this week. */
export function nudgeDue(state: ConscienceState, today: Day, reviewDay: Weekday | null): boolean {
  return reviewDay !== null && weekdayOf(today) === reviewDay && !state.nudgedWeeks.includes(weekKey(today));
}

/** The state after the nudge was shown today. */
export function recordNudge(state: ConscienceState, today: Day): ConscienceState {
  const key = weekKey(today);
  if (state.nudgedWeeks.includes(key)) return state;
  return { ...state, nudgedWeeks: [...state.nudgedWeeks, key].sort().slice(-KEEP_WEEKS) };
}

/**
 * How many of the nudges before this week went unanswered in a row (shown, and no review that week), the
 * newest first; nudges up to the week the user was last asked about it do not count again.
 */
export function ignoredNudges(state: ConscienceState, today: Day): number {
  const reviewed = new Set(state.reviewedWeeks);
  const thisWeek = weekKey(today);
  let n = 0;
  for (let i = state.nudgedWeeks.length - 1; i >= 0; i--) {
    const week = state.nudgedWeeks[i]!;
    if (week >= thisWeek) continue;
    if (state.askedWeek !== null && week <= state.askedWeek) break;
    if (reviewed.has(week)) break;
    n++;
  }
  return n;
}

/** Whether today's nudge should ask if it nags (and offer to turn itself off or move). */
export function shouldAskAboutNudge(state: ConscienceState, today: Day): boolean {
  return ignoredNudges(state, today) >= IGNORED_NUDGES_TO_ASK;
}

/** The state after the user was asked about the nudge today. */
export function recordAsked(state: ConscienceState, today: Day): ConscienceState {
  return { ...state, askedWeek: weekKey(today) };
}

/**
 * The day to suggest when the nudge moves: the weekday on which the user most often did review work, when
 * that is not the current day; else the day after the current one.
 */
export function suggestedDay(state: ConscienceState, current: Weekday): Weekday {
  let best: Weekday | null = null;
  for (const day of WEEKDAYS) {
    const writes = state.weekdayWrites[day - 1] ?? 0;
    if (day === current || writes === 0) continue;
    if (best === null || writes > (state.weekdayWrites[best - 1] ?? 0)) best = day;
  }
  return best ?? ((current % 7) + 1) as Weekday;
}

/** What the sidebar's review line shows. */
export interface ReviewSummary {
  /** Days since the last review (0 today), or null when none was recorded. */
  daysSince: number | null;
  /** Weeks in a row with a review. */
  streak: number;
}

/** Days since the last review (0 today), or null when there was none. */
export function daysSinceReview(state: ConscienceState, today: Day): number | null {
  return state.lastReviewed === null ? null : Math.max(0, today - state.lastReviewed);
}

/**
 * How many people are due, as the sidebar counts them: every person with an item other than a dormant tie,
 * plus this week's few dormant ties (the sidebar suggests `dormantPerWeek` of them).
 */
export function dueCount(items: readonly AttentionItem[], dormantPerWeek: number): number {
  const people = new Set<string>();
  const dormant = new Set<string>();
  for (const item of items) (item.kind === 'dormant' ? dormant : people).add(item.path);
  let extra = 0;
  for (const path of dormant) {
    if (extra >= dormantPerWeek) break;
    if (!people.has(path)) extra++;
  }
  return people.size + extra;
}
