/**
 * The plugin's settings: the core settings plus a version for migrations. `mergeSettings` turns whatever
 * `loadData()` returned (nothing, an older shape, hand-edited junk) into a complete, valid set, and never
 * touches DEFAULT_SETTINGS.
 */
import type { Weekday } from '../core/conscience';
import { normaliseFolder } from '../core/detect';
import { CIRCLES, DEFAULT_CORE_SETTINGS, type CoreSettings } from '../core/types';
import type { LanguageSetting } from '../i18n/i18n';

/**
 * Bump when the stored shape changes, and teach `mergeSettings` to read the old one. Version 2 (format v1.1)
 * added the date keys, attendee keys, meeting types and "open tasks are follow-ups"; version 1 settings get
 * their defaults.
 */
export const SETTINGS_VERSION = 2;

export interface TiesSettings extends CoreSettings {
  /** Version of the stored shape. */
  version: number;
  /** 'auto' follows Obsidian's language. */
  language: LanguageSetting;
  /** How many dormant ties the sidebar suggests each week. */
  dormantPerWeek: number;
  /** A note whose text new person notes start from ('' for the built-in skeleton). */
  templateNote: string;
  /** The graph opens on its groups (one bubble per community) when it would draw more people than this. */
  graphOverviewFrom: number;
  /** The weekday (1 = Monday … 7 = Sunday) of the weekly review reminder; 0 when it is off (the default). */
  reviewDay: Weekday | 0;
  /** "Ties · 7 due" in the status bar (desktop). */
  statusBar: boolean;
}

export const DEFAULT_SETTINGS: Readonly<TiesSettings> = Object.freeze({
  ...DEFAULT_CORE_SETTINGS,
  version: SETTINGS_VERSION,
  language: 'auto',
  dormantPerWeek: 3,
  templateNote: '',
  graphOverviewFrom: 400,
  reviewDay: 0,
  statusBar: true,
});

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): TiesSettings {
  return {
    ...DEFAULT_SETTINGS,
    personTags: [...DEFAULT_SETTINGS.personTags],
    logHeadings: [...DEFAULT_SETTINGS.logHeadings],
    dateKeys: [...DEFAULT_SETTINGS.dateKeys],
    attendeeKeys: [...DEFAULT_SETTINGS.attendeeKeys],
    meetingTypes: [...DEFAULT_SETTINGS.meetingTypes],
    circleCadence: { ...DEFAULT_SETTINGS.circleCadence },
  };
}

/**
 * The settings as data.json keeps them: everything but the vault's daily-notes config, which is read from the
 * vault each time (a copy of it would go stale).
 */
export function storedSettings(settings: TiesSettings): Record<string, unknown> {
  const { dailyNoteConfig: _vault, ...stored } = settings;
  return stored;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A list of non-empty strings; a comma-separated string (an older shape) counts too. Null when unreadable. */
function stringList(v: unknown, strip: RegExp | null = null): string[] | null {
  const raw = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : null;
  if (raw === null) return null;
  const out: string[] = [];
  for (const item of raw) {
    if (typeof item !== 'string') continue;
    const s = (strip ? item.trim().replace(strip, '') : item).trim();
    if (s !== '' && !out.includes(s)) out.push(s);
  }
  return out;
}

/** A whole number of days ≥ min; numeric strings are accepted. Null when unreadable. */
function days(v: unknown, min: number): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) return null;
  const r = Math.round(n);
  return r >= min && r <= 100_000 ? r : null;
}

function bool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return null;
}

/** Stored settings (any shape) merged over fresh defaults. */
export function mergeSettings(stored: unknown): TiesSettings {
  const out = defaultSettings();
  if (!isRecord(stored)) return out;

  if (typeof stored.peopleFolder === 'string') out.peopleFolder = normaliseFolder(stored.peopleFolder);

  // Version 0 had a single `personTag`.
  const tags = stringList(stored.personTags ?? stored.personTag, /^#+/);
  if (tags !== null) out.personTags = tags;

  const headings = stringList(stored.logHeadings, /^#+\s*/);
  if (headings !== null && headings.length > 0) out.logHeadings = headings;

  const daily = bool(stored.dailyNotes);
  if (daily !== null) out.dailyNotes = daily;
  const tasks = bool(stored.tasks);
  if (tasks !== null) out.tasks = tasks;
  // Keys and types as typed: an empty list turns that part of rule 4 off, which is the user's to choose.
  const dateKeys = stringList(stored.dateKeys);
  if (dateKeys !== null) out.dateKeys = dateKeys;
  const attendeeKeys = stringList(stored.attendeeKeys);
  if (attendeeKeys !== null) out.attendeeKeys = attendeeKeys;
  const meetingTypes = stringList(stored.meetingTypes, /^#+/);
  if (meetingTypes !== null) out.meetingTypes = meetingTypes;

  const horizon = days(stored.horizonDays, 0);
  if (horizon !== null) out.horizonDays = horizon;
  const dormant = days(stored.dormantDays, 1);
  if (dormant !== null) out.dormantDays = dormant;
  const inTouch = days(stored.inTouchDays, 1);
  if (inTouch !== null) out.inTouchDays = inTouch;

  if (isRecord(stored.circleCadence)) {
    const cc = stored.circleCadence;
    for (const circle of CIRCLES) {
      const d = days(cc[String(circle)], 1);
      if (d !== null) out.circleCadence[circle] = d;
    }
  }

  if (stored.language === 'auto' || stored.language === 'en' || stored.language === 'nl') out.language = stored.language;
  const perWeek = days(stored.dormantPerWeek, 0);
  if (perWeek !== null) out.dormantPerWeek = perWeek;
  if (typeof stored.templateNote === 'string') out.templateNote = stored.templateNote.trim();
  const overview = days(stored.graphOverviewFrom, 10);
  if (overview !== null) out.graphOverviewFrom = overview;

  const reviewDay = days(stored.reviewDay, 0);
  if (reviewDay !== null && reviewDay <= 7) out.reviewDay = reviewDay as Weekday | 0;
  const statusBar = bool(stored.statusBar);
  if (statusBar !== null) out.statusBar = statusBar;

  out.version = SETTINGS_VERSION;
  return out;
}
