import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings, mergeSettings, SETTINGS_VERSION, storedSettings, type TiesSettings } from '../../src/settings/settings';
import { settingsChange, settingsSnapshot } from '../../src/settings/settings-change';

const pristine = JSON.stringify(DEFAULT_SETTINGS);

describe('mergeSettings', () => {
  it('gives the defaults for nothing stored, or for junk', () => {
    for (const stored of [undefined, null, 42, 'settings', [], [1, 2], true]) {
      expect(mergeSettings(stored)).toEqual({ ...DEFAULT_SETTINGS });
    }
  });

  it('never mutates or shares the defaults', () => {
    const a = mergeSettings({});
    a.circleCadence[5] = 1;
    a.personTags.push('contact');
    a.logHeadings.length = 0;
    a.attendeeKeys.push('guests');
    a.peopleFolder = 'Elsewhere';
    const b = mergeSettings(undefined);
    expect(b.circleCadence[5]).toBe(7);
    expect(b.personTags).toEqual(['person', 'people']);
    expect(b.logHeadings).toEqual(['Log', 'Interactions']);
    expect(b.attendeeKeys).toEqual(['attendees', 'participants', 'people', 'with']);
    expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(pristine);
    expect(a.circleCadence).not.toBe(DEFAULT_SETTINGS.circleCadence);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });

  it('keeps what was stored and valid', () => {
    const s = mergeSettings({
      version: 1,
      peopleFolder: 'Contacts/Work/',
      personTags: ['#contact', 'person'],
      logHeadings: ['Gesprekken'],
      dailyNotes: false,
      horizonDays: 14,
      dormantDays: 200,
      inTouchDays: 90,
      circleCadence: { 5: 10, 15: 20, 50: 60, 150: 300 },
      language: 'nl',
      dormantPerWeek: 5,
      templateNote: 'Templates/Person.md',
      graphOverviewFrom: 1000,
    });
    expect(s).toEqual({
      language: 'nl',
      dormantPerWeek: 5,
      templateNote: 'Templates/Person.md',
      graphOverviewFrom: 1000,
      version: SETTINGS_VERSION,
      peopleFolder: 'Contacts/Work',
      personTags: ['contact', 'person'],
      logHeadings: ['Gesprekken'],
      dailyNotes: false,
      horizonDays: 14,
      dormantDays: 200,
      inTouchDays: 90,
      circleCadence: { 5: 10, 15: 20, 50: 60, 150: 300 },
      // Version 1 stored none of these: the defaults of version 2.
      dateKeys: ['date'],
      attendeeKeys: ['attendees', 'participants', 'people', 'with'],
      meetingTypes: ['meeting'],
      tasks: true,
      dailyNoteConfig: null,
      // Added later, with their defaults: the weekly reminder off, the status bar's count on.
      reviewDay: 0,
      statusBar: true,
    });
  });

  it('keeps the v1.1 capture settings, and never reads the vault\'s daily-notes config from storage', () => {
    const s = mergeSettings({
      version: 2, dateKeys: ['date', 'held on'], attendeeKeys: 'guests, with', meetingTypes: ['#call', 'meeting'], tasks: false,
      dailyNoteConfig: { folder: 'Stale', format: 'YYYY' },
    });
    expect(s).toMatchObject({ dateKeys: ['date', 'held on'], attendeeKeys: ['guests', 'with'], meetingTypes: ['call', 'meeting'], tasks: false, dailyNoteConfig: null });
    expect(storedSettings({ ...s, dailyNoteConfig: { folder: 'Journal', format: '' } })).not.toHaveProperty('dailyNoteConfig');
  });

  it('reads JSON round trips (string keys) and partial cadences', () => {
    const stored = JSON.parse(JSON.stringify({ circleCadence: { '5': 3, '150': 'oops' } }));
    const s = mergeSettings(stored);
    expect(s.circleCadence).toEqual({ 5: 3, 15: 30, 50: 90, 150: 365 });
  });

  it('replaces values of the wrong type, and drops unknown keys', () => {
    const s = mergeSettings({
      peopleFolder: 7,
      personTags: { a: 1 },
      logHeadings: [],
      dailyNotes: 'yes',
      horizonDays: -3,
      dormantDays: 'never',
      inTouchDays: Infinity,
      circleCadence: [1, 2, 3],
      language: 'fr',
      dormantPerWeek: 'many',
      templateNote: ['x'],
      somethingElse: true,
    });
    expect(s).toEqual({ ...DEFAULT_SETTINGS });
    expect('somethingElse' in s).toBe(false);
  });

  it('reads older shapes: a single tag, comma-separated lists, numbers and booleans as strings', () => {
    const s = mergeSettings({ personTag: '#contact', logHeadings: 'Log, ## Calls', horizonDays: '10', dailyNotes: 'false' });
    expect(s.personTags).toEqual(['contact']);
    expect(s.logHeadings).toEqual(['Log', 'Calls']);
    expect(s.horizonDays).toBe(10);
    expect(s.dailyNotes).toBe(false);
    expect(s.version).toBe(SETTINGS_VERSION);
  });

  it('keeps an empty tag list (tags switched off) and an empty folder (folder switched off)', () => {
    const s = mergeSettings({ personTags: [], peopleFolder: '' });
    expect(s.personTags).toEqual([]);
    expect(s.peopleFolder).toBe('');
  });

  it('keeps the weekly reminder\'s day (off by default) and the status bar switch; a day that is no weekday is off', () => {
    expect([defaultSettings().reviewDay, defaultSettings().statusBar]).toEqual([0, true]);
    expect(mergeSettings({ reviewDay: 5, statusBar: false })).toMatchObject({ reviewDay: 5, statusBar: false });
    expect(mergeSettings({ reviewDay: '7' }).reviewDay).toBe(7);
    for (const junk of [8, -1, 'friday', null]) expect(mergeSettings({ reviewDay: junk }).reviewDay).toBe(0);
    // The reminder's settings change no index: the views only re-render.
    expect(settingsChange(defaultSettings(), { ...defaultSettings(), reviewDay: 3, statusBar: false }).reindex).toBe(false);
  });

  it('does not keep references to the stored object', () => {
    const stored = { personTags: ['a'], circleCadence: { 5: 3 } };
    const s = mergeSettings(stored);
    s.personTags.push('b');
    s.circleCadence[5] = 4;
    expect(stored).toEqual({ personTags: ['a'], circleCadence: { 5: 3 } });
  });
});

describe('settingsChange', () => {
  const base = defaultSettings();

  it('finds nothing when nothing changed, lists and cadences compared by content', () => {
    expect(settingsChange(base, settingsSnapshot(base))).toEqual({ keys: [], reindex: false });
  });

  it('re-renders only for what the views show: language, horizon, dormant, in touch, the graph overview', () => {
    const after = { ...settingsSnapshot(base), language: 'nl' as const, horizonDays: 14, dormantDays: 200, inTouchDays: 90, graphOverviewFrom: 800 };
    const change = settingsChange(base, after);
    expect(change.keys.sort()).toEqual(['dormantDays', 'graphOverviewFrom', 'horizonDays', 'inTouchDays', 'language']);
    expect(change.reindex).toBe(false);
  });

  it('reads the vault again when who is a person or what counts as a contact changes', () => {
    const cases: Partial<TiesSettings>[] = [
      { peopleFolder: 'Contacts' },
      { personTags: ['person'] },
      { logHeadings: ['Log', 'Journal'] },
      { dailyNotes: false },
      { tasks: false },
      { dateKeys: ['date', 'meeting_date'] },
      { attendeeKeys: ['guests'] },
      { meetingTypes: ['1on1'] },
      { circleCadence: { ...base.circleCadence, 15: 21 } },
    ];
    for (const c of cases) expect(settingsChange(base, { ...settingsSnapshot(base), ...c })).toMatchObject({ keys: Object.keys(c), reindex: true });
  });

  it('reads the vault again for a setting it does not know (a later setting is safe by default)', () => {
    const after = { ...settingsSnapshot(base), somethingNew: 1 } as unknown as TiesSettings;
    expect(settingsChange(base, after)).toEqual({ keys: ['somethingNew'], reindex: true });
  });

  it('snapshots are copies: changing the settings in place later is seen as a change', () => {
    const live = defaultSettings();
    const saved = settingsSnapshot(live);
    live.personTags.push('contact');
    live.circleCadence[5] = 10;
    expect(settingsChange(saved, live).keys.sort()).toEqual(['circleCadence', 'personTags']);
  });
});
