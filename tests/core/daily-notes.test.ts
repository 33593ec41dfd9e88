import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDailyFormat, dailyPathDay, readDailyNoteConfig } from '../../src/core/daily-notes';
import { formatDay } from '../../src/core/dates';
import { day } from '../builders';

const at = (path: string, folder: string, format: string) => {
  const d = dailyPathDay(path, { folder, format });
  return d === null ? null : formatDay(d);
};

describe('the daily-notes format (interaction notes, rule 3)', () => {
  it('matches folder formats, day-first formats, one-digit months and days, literals and escapes', () => {
    expect(at('Journal/2026/11/2026-11-20.md', 'Journal', 'YYYY/MM/YYYY-MM-DD')).toBe('2026-11-20');
    expect(at('Journal/2026/11/20.md', 'Journal', 'YYYY/MM/DD')).toBe('2026-11-20');
    expect(at('Daily/20-11-2026.md', 'Daily/', 'DD-MM-YYYY')).toBe('2026-11-20');
    expect(at('Log/2026/3/5.md', 'Log', 'YYYY/M/D')).toBe('2026-03-05');
    expect(at('Log/2026/11/25.md', 'Log', 'YYYY/M/D')).toBe('2026-11-25');
    expect(at('Notes/Daily 2026.11.20.md', 'Notes', '[Daily] YYYY.MM.DD')).toBe('2026-11-20');
    expect(at('Notes/daily 2026.11.20.md', 'notes', '[Daily] YYYY.MM.DD')).toBe('2026-11-20');
    expect(at('J/2026-W 20.11.md', 'J', 'YYYY-\\W DD.MM')).toBe('2026-11-20');
    expect(at('2026-11-20.md', '', '')).toBe('2026-11-20');
    expect(at('Journal/20261120.md', 'Journal', 'YYYYMMDD')).toBe('2026-11-20');
  });

  it('refuses what the format does not name: another folder, impossible days, repeated parts that disagree, extra text', () => {
    expect(at('Other/2026/11/20.md', 'Journal', 'YYYY/MM/DD')).toBeNull();
    expect(at('Journal/2026/02/30.md', 'Journal', 'YYYY/MM/DD')).toBeNull();
    expect(at('Journal/2026/11/2026-12-20.md', 'Journal', 'YYYY/MM/YYYY-MM-DD')).toBeNull();
    expect(at('Journal/2026/11/20 notes.md', 'Journal', 'YYYY/MM/DD')).toBeNull();
    expect(at('Journal/2026/11/20.txt', 'Journal', 'YYYY/MM/DD')).toBeNull();
    expect(at('Log/2026/03/05.md', 'Log', 'YYYY/M/D')).toBeNull(); // `M` never writes a leading zero
    expect(at('Journal/0026/11/20.md', 'Journal', 'YYYY/MM/DD')).toBeNull();
    expect(dailyPathDay('Journal/2026/11/20.md', null)).toBeNull();
  });

  it('names the tokens it does not read, and formats without a whole day', () => {
    expect(compileDailyFormat('YYYY-MM-DD ddd')).toEqual({ problem: 'uses "ddd", which Ties does not read' });
    expect(compileDailyFormat('YYYY/[Week] ww')).toEqual({ problem: 'uses "ww", which Ties does not read' });
    expect(compileDailyFormat('Do MMMM YYYY')).toEqual({ problem: 'uses "Do", which Ties does not read' });
    expect(compileDailyFormat('YYYY-MM')).toEqual({ problem: 'does not name a whole day (a year, a month and a day)' });
    expect(compileDailyFormat('YY-MM-DD')).toMatchObject({ problem: expect.stringContaining('"YY"') });
    expect(at('J/2026-11-20 Fri.md', 'J', 'YYYY-MM-DD ddd')).toBeNull();
  });

  it('reads hostile formats and paths without trying every split (the states are bounded)', () => {
    const format = 'M D '.repeat(200) + 'YYYY';
    const path = `J/${'1 1 '.repeat(200)}2026.md`;
    expect(at(path, 'J', format)).toBe('2026-01-01');
    expect(at(`J/${'1'.repeat(100_000)}.md`, 'J', 'YYYYMD')).toBeNull();
  });

  it('a path written by the format reads back as its day (property)', () => {
    const formats = ['YYYY-MM-DD', 'YYYY/MM/YYYY-MM-DD', 'DD.MM.YYYY', 'YYYY/M/D', '[Day] D-M-YYYY', 'YYYYMMDD'];
    const pad = (n: number) => String(n).padStart(2, '0');
    /** What moment.js writes for this format (the tokens the test uses). */
    const write = (format: string, y: number, m: number, d: number) => {
      let out = '';
      for (let i = 0; i < format.length; ) {
        const rest = format.slice(i);
        const close = rest.startsWith('[') ? rest.indexOf(']') : -1;
        const [text, used] =
          close > 0 ? [rest.slice(1, close), close + 1]
          : rest.startsWith('YYYY') ? [String(y), 4]
          : rest.startsWith('MM') ? [pad(m), 2]
          : rest.startsWith('DD') ? [pad(d), 2]
          : rest.startsWith('M') ? [String(m), 1]
          : rest.startsWith('D') ? [String(d), 1]
          : [rest[0]!, 1];
        out += text;
        i += used;
      }
      return out;
    };
    fc.assert(
      fc.property(fc.constantFrom(...formats), fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (format, date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const path = `Journal/${write(format, y, m, d)}.md`;
        expect(dailyPathDay(path, { folder: 'Journal', format })).toBe(day(`${y}-${pad(m)}-${pad(d)}`));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the Daily notes settings file', () => {
  const P = 'config/daily-notes.json';
  it('reads the folder and format; no file is no config', () => {
    expect(readDailyNoteConfig('{"folder":"/Journal/","format":"YYYY/MM/YYYY-MM-DD","template":""}', P)).toEqual({
      config: { folder: 'Journal', format: 'YYYY/MM/YYYY-MM-DD' }, diagnostics: [],
    });
    expect(readDailyNoteConfig('{}', P)).toEqual({ config: { folder: '', format: '' }, diagnostics: [] });
    expect(readDailyNoteConfig(null, P)).toEqual({ config: null, diagnostics: [] });
  });

  it('a file that is not JSON, values of the wrong kind, or an unknown token: a warning, and no config', () => {
    for (const [text, field, words] of [
      ['{"folder": "Journal",', 'file', 'are not JSON'],
      ['[1, 2]', 'file', 'not a set of keys'],
      ['{"folder": 3}', 'folder', 'expected the folder as text'],
      ['{"format": ["YYYY"]}', 'format', 'expected the format as text'],
      ['{"format": "YYYY-MM-DD dddd"}', 'format', '"dddd", which Ties does not read'],
    ] as const) {
      const read = readDailyNoteConfig(text, P);
      expect(read.config, text).toBeNull();
      expect(read.diagnostics, text).toEqual([{ path: P, severity: 'warning', field, message: expect.stringContaining(words) }]);
      expect(read.diagnostics[0]!.message).toContain('daily notes are recognised by their names only');
    }
  });
});
