import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates';
import { scanBody } from '../../src/core/markdown';
import { openTasks, readTask } from '../../src/core/tasks';
import { record } from '../builders';

const task = (text: string) => {
  const r = readTask(text);
  return { ...r, day: r.day === null ? null : formatDay(r.day) };
};

describe('a task as a follow-up: its day and its text (format v1.1)', () => {
  it('the day is the first of due, scheduled and start, in the Tasks and Dataview formats', () => {
    expect(task('ask [[Kees]] how the exam went 📅 2026-12-03')).toMatchObject({ day: '2026-12-03', text: 'ask [[Kees]] how the exam went', emojiFields: true });
    expect(task('ask [due:: 2026-12-03]')).toMatchObject({ day: '2026-12-03', text: 'ask', dataviewFields: true, emojiFields: false });
    expect(task('ask (due:: 2026-12-03) now')).toMatchObject({ day: '2026-12-03', text: 'ask now' });
    expect(task('ask ⏳ 2026-12-01 📅 2026-12-03')).toMatchObject({ day: '2026-12-03' });
    expect(task('ask 🛫 2026-11-28 ⏳ 2026-12-01')).toMatchObject({ day: '2026-12-01' });
    expect(task('ask [scheduled:: 2026-12-01] [start:: 2026-11-28]')).toMatchObject({ day: '2026-12-01' });
    expect(task('ask 🛫 2026-11-28')).toMatchObject({ day: '2026-11-28' });
    expect(task('ask ⌛ 2026-12-01')).toMatchObject({ day: '2026-12-01' });
    expect(task('ask 📆2026-12-03')).toMatchObject({ day: '2026-12-03' });
    expect(task('ask 📅\uFE0F 2026-12-03')).toMatchObject({ day: '2026-12-03', text: 'ask' });
    expect(task('📅 2026-12-03 call [[Jan]]')).toMatchObject({ day: '2026-12-03', text: 'call [[Jan]]' });
  });

  it('created, done and cancelled dates are no day; without a day the task is raised next time', () => {
    expect(task('ask ➕ 2026-11-01')).toMatchObject({ day: null, text: 'ask' });
    expect(task('ask how it went')).toMatchObject({ day: null, text: 'ask how it went', emojiFields: false, dataviewFields: false });
  });

  it('drops the other fields of the Tasks plugin with their values, and a closing block id', () => {
    expect(task('water the plants 🔁 every week on Monday 📅 2026-12-03 ⏫').text).toBe('water the plants');
    expect(task('ask 🔼 🆔 abc123 ⛔ dcf64c,0h17ye 🏁 delete ➕ 2026-11-01').text).toBe('ask');
    expect(task('ask 🔺 🔽 ⏬ [priority:: high] [repeat:: every day] [id:: x1] [dependsOn:: y2] [onCompletion:: keep]').text).toBe('ask');
    expect(task('ask [[Kees]] ^abc-1').text).toBe('ask [[Kees]]');
    expect(task('ask 📅 2026-12-03 ^abc-1')).toMatchObject({ day: '2026-12-03', text: 'ask' });
    expect(task('an emoji 📅 without a date').text).toBe('an emoji 📅 without a date');
    expect(task('[see:: this] stays').text).toBe('[see:: this] stays');
  });

  it('two due dates: the first one written, with a warning; a date that names no day: a warning', () => {
    expect(task('ask 📅 2026-12-03 📅 2026-12-05')).toMatchObject({
      day: '2026-12-03', problems: ['two due dates (2026-12-03 and 2026-12-05); the first one is used'],
    });
    expect(task('ask [due:: 2026-12-05] 📅 2026-12-03')).toMatchObject({ day: '2026-12-05', problems: [expect.stringContaining('two due dates')] });
    expect(task('ask 📅 2026-02-30 ⏳ 2026-12-01')).toMatchObject({ day: '2026-12-01', problems: ['due date 2026-02-30 names no day; it is not used'] });
  });

  it('reads hostile lines in one pass', () => {
    expect(task('['.repeat(100_000) + '::').day).toBeNull();
    expect(task('(due::'.repeat(20_000)).day).toBeNull();
    expect(task('🔁'.repeat(50_000)).text).toBe('');
    expect(task('x ' + '^'.repeat(50_000)).text).toBe('x ' + '^'.repeat(50_000));
  });
});

describe('open tasks of a note', () => {
  it('open tasks only, with the links on their own line', () => {
    const body = [
      '- [ ] ask [[Kees]] and [[Jan]] 📅 2026-12-03',
      '- [x] done with [[Ana]]',
      '- [-] dropped [[Bo]]',
      '- [ ] plan',
      '  - with [[Piet]]',
      '* [ ] [[kees]] [[Kees]] again',
      '> - [ ] quoted [[Ana]]',
    ].join('\n');
    const scan = scanBody(body, 3);
    const tasks = openTasks(record('Notes/x.md', null, { links: scan.links, listItems: scan.listItems }));
    expect(tasks.map((t) => [t.line, t.targets, t.text, t.day === null ? null : formatDay(t.day)])).toEqual([
      [3, ['Kees', 'Jan'], 'ask [[Kees]] and [[Jan]]', '2026-12-03'],
      [6, [], 'plan', null],
      [8, ['kees'], '[[kees]] [[Kees]] again', null],
      [9, ['Ana'], 'quoted [[Ana]]', null],
    ]);
  });
});

describe('a follow-up in words', () => {
  it('shows links as their text, and keeps the rest', async () => {
    const { withLinkText } = await import('../../src/core/links');
    expect(withLinkText('ask [[People/Kees Dekker|Kees]] and [[Jan#Work]] about [[Notes/Plan.md]]')).toBe('ask Kees and Jan about Plan');
    expect(withLinkText('no links, [[ unclosed')).toBe('no links, [[ unclosed');
    expect(withLinkText('[['.repeat(50_000))).toBe('[['.repeat(50_000));
  });
});
