import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeTask } from '../../src/core/edits';
import { findFrontmatter } from '../../src/core/frontmatter';
import { scanBody } from '../../src/core/markdown';
import { openTasks } from '../../src/core/tasks';
import { record } from '../builders';
import { day } from '../builders';

const TODAY = day('2026-11-24');

/** The open tasks of a note's text as the reader sees them: line and raw text. */
function tasksOf(text: string) {
  const block = findFrontmatter(text);
  const scan = scanBody(text.slice(block.bodyStart), block.bodyLine);
  return openTasks(record('Notes/x.md', null, { links: scan.links, listItems: scan.listItems }));
}

function tick(text: string, line: number): string | null {
  const task = tasksOf(text).find((t) => t.line === line);
  return task === undefined ? null : completeTask(text, line, task.raw, TODAY);
}

describe('completeTask: Done on a task ticks exactly that line', () => {
  it('ticks the box; appends ✅ only when the task carries a Tasks field, before a block id', () => {
    expect(tick('- [ ] ask [[Kees]]\n', 0)).toBe('- [x] ask [[Kees]]\n');
    expect(tick('- [ ] ask [[Kees]] 📅 2026-12-03\n', 0)).toBe('- [x] ask [[Kees]] 📅 2026-12-03 ✅ 2026-11-24\n');
    expect(tick('- [ ] ask 🔼 ^abc-1', 0)).toBe('- [x] ask 🔼 ✅ 2026-11-24 ^abc-1');
    expect(tick('- [ ] ask [due:: 2026-12-03]  ', 0)).toBe('- [x] ask [due:: 2026-12-03] [completion:: 2026-11-24]  ');
    expect(tick('  * [ ] nested 📅 2026-12-03\r\n', 0)).toBe('  * [x] nested 📅 2026-12-03 ✅ 2026-11-24\r\n');
    expect(tick('> - [ ] quoted [[Kees]]', 0)).toBe('> - [x] quoted [[Kees]]');
    expect(tick('1. [ ] numbered', 0)).toBe('1. [x] numbered');
  });

  it('counts lines from the top of the file, frontmatter included', () => {
    const text = '---\ntype: meeting\n---\n# Sync\n- [ ] one\n- [ ] two 📅 2026-12-01\n';
    expect(tick(text, 5)).toBe('---\ntype: meeting\n---\n# Sync\n- [ ] one\n- [x] two 📅 2026-12-01 ✅ 2026-11-24\n');
  });

  it('refuses when the line no longer holds that open task', () => {
    const text = '- [ ] ask [[Kees]]\n- [x] done\n```\n- [ ] in code\n```\n';
    expect(completeTask(text, 0, 'ask [[Jan]]', TODAY)).toBeNull();
    expect(completeTask(text, 1, 'done', TODAY)).toBeNull();
    expect(completeTask(text, 3, '- [ ] in code', TODAY)).toBeNull();
    expect(completeTask(text, 3, 'in code', TODAY)).toBeNull();
    expect(completeTask(text, 9, 'ask [[Kees]]', TODAY)).toBeNull();
    expect(completeTask('---\n- [ ] x\n---\n', 1, 'x', TODAY)).toBeNull();
  });

  it('keeps every other byte of the note (property)', () => {
    const line = fc.oneof(
      fc.constantFrom('', '# Heading', '## Log', 'text with [[Kees]]', '- item', '%% comment %%', '```', '> quote', '\t- [x] done'),
      fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ' ')),
      fc.tuple(fc.constantFrom('- ', '* ', '  - ', '1. ', '> - '), fc.constantFrom('', ' 📅 2026-12-03', ' [due:: 2026-12-03]', ' ^id1', ' ⏫ ^b2'))
        .map(([bullet, tail]) => `${bullet}[ ] ask [[Kees]]${tail}`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol);
        for (const task of tasksOf(text)) {
          const after = completeTask(text, task.line, task.raw, TODAY);
          expect(after).not.toBeNull();
          const before = text.split(eol), changed = after!.split(eol);
          expect(changed.length).toBe(before.length);
          for (let i = 0; i < before.length; i++) if (i !== task.line) expect(changed[i]).toBe(before[i]);
          expect(changed[task.line]!.replace('[x]', '[ ]').replace(/ (✅ 2026-11-24|\[completion:: 2026-11-24\])/, '')).toBe(before[task.line]);
          // Read again, the task is done: no longer open.
          expect(tasksOf(after!).some((t) => t.line === task.line)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
