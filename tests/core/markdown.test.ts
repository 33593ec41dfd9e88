import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanBody } from '../../src/core/markdown';

const targets = (body: string) => scanBody(body, 0).links.map((l) => l.target);
/** List items as v1 described them: line, text, nearest heading, own task state. */
const items = (scan: ReturnType<typeof scanBody>) => scan.listItems.map(({ line, text, heading, task }) => ({ line, text, heading, task }));

describe('scanBody: structure', () => {
  it('puts list items under the nearest heading, with their task state, and numbers whole-file lines', () => {
    const body = [
      'Intro with [[Jan]] #person',
      '## Log',
      '- 2026-11-20 call: asked about [[Piet|the reorg]]',
      '* [ ] ask [[Kees]] about #work/project',
      '  + [x] done with [[Ann#Work]]',
      '1. [-] cancelled',
      '2) plain numbered',
      '### Ideas ###',
      '- [ ]',
    ].join('\n');
    const scan = scanBody(body, 4);
    expect(items(scan)).toEqual([
      { line: 6, text: '2026-11-20 call: asked about [[Piet|the reorg]]', heading: 'Log', task: null },
      { line: 7, text: 'ask [[Kees]] about #work/project', heading: 'Log', task: ' ' },
      { line: 8, text: 'done with [[Ann#Work]]', heading: 'Log', task: 'x' },
      { line: 9, text: 'cancelled', heading: 'Log', task: '-' },
      { line: 10, text: 'plain numbered', heading: 'Log', task: null },
      { line: 12, text: '', heading: 'Ideas', task: ' ' },
    ]);
    expect(scan.links).toEqual([
      { target: 'Jan', line: 4, task: null },
      { target: 'Piet', line: 6, task: null },
      { target: 'Kees', line: 7, task: ' ' },
      // Nested under the open task on line 7: it governs the link (format v1.1).
      { target: 'Ann', line: 8, task: ' ' },
    ]);
    expect(scan.listItems.map((i) => i.parent ?? -1)).toEqual([-1, -1, 1, -1, -1, -1]);
    expect(scan.tags).toEqual(['person', 'work/project']);
  });

  it('gives list items before any heading a null heading, and keeps an empty heading as empty', () => {
    const scan = scanBody('- first\n#\n- second', 0);
    expect(scan.listItems.map((i) => i.heading)).toEqual([null, '']);
  });

  it('needs a space after the heading marker and at most six of them', () => {
    const scan = scanBody('#Log\n- a\n####### Seven\n- b\n   ## Indented ##  \n- c', 0);
    expect(scan.listItems.map((i) => i.heading)).toEqual([null, null, 'Indented']);
    expect(scan.tags).toEqual(['Log']);
  });

  it('treats a line under a list item as part of it, until a blank line and an unindented line', () => {
    const body = ['- [ ] call', 'about [[Jan]]', '', '  and [[Piet]]', '', '[[Kees]] is outside', '- [ ] x', '# H', '[[Ann]]'].join('\n');
    expect(scanBody(body, 0).links.map((l) => [l.target, l.task])).toEqual([
      ['Jan', ' '],
      ['Piet', ' '],
      ['Kees', null],
      ['Ann', null],
    ]);
  });

  it('does not take a thematic break for a list item', () => {
    expect(scanBody('* * *\n- - -\n***\n- real', 0).listItems.map((i) => i.text)).toEqual(['real']);
  });

  it('reads list items and links inside block quotes and callouts', () => {
    const scan = scanBody('> [!note]\n> - [ ] ring [[Jan]]\n> > - nested', 0);
    expect(scan.listItems.map((i) => [i.text, i.task])).toEqual([
      ['ring [[Jan]]', ' '],
      ['nested', null],
    ]);
    expect(scan.links).toEqual([{ target: 'Jan', line: 1, task: ' ' }]);
  });
});

describe('scanBody: links', () => {
  it('reads wiki links, aliases, headings, blocks and embeds', () => {
    expect(targets('[[Jan]] [[People/Piet|Piet]] [[Kees#Work|K]] [[Ann^block]] ![[Bob]] ![[photo.png]]')).toEqual([
      'Jan',
      'People/Piet',
      'Kees',
      'Ann^block',
      'Bob',
      'photo.png',
    ]);
  });

  it('skips empty links and links to a heading of the same note, and takes the innermost of nested openings', () => {
    expect(targets('[[]] [[#Heading]] [[a [[b]] [[c')).toEqual(['b']);
  });

  it('reads markdown links to notes but not URLs', () => {
    const body = [
      '[Jan](People/Jan.md) [Piet](<People/Piet Pan.md>) [Kees](Kees%20K.md "title")',
      '[web](https://example.com/x.md) [mail](mailto:a@b.c) [rel](//cdn/x.md) [h](#heading)',
      '![pic](img/a.png) [p](Some(thing).md) [broken](no close',
    ].join('\n');
    expect(targets(body)).toEqual(['People/Jan', 'People/Piet Pan', 'Kees K', 'img/a.png', 'Some(thing)']);
  });

  it('keeps a bad percent escape as written', () => {
    expect(targets('[x](100%.md)')).toEqual(['100%']);
  });

  it('ignores links and tags in inline code, but not around it', () => {
    const scan = scanBody('`[[No]]` ``x `[[No2]]` #no`` [[Yes]] ` #yes', 0);
    expect(scan.links.map((l) => l.target)).toEqual(['Yes']);
    expect(scan.tags).toEqual(['yes']);
  });
});

describe('scanBody: tags', () => {
  it('follows Obsidian: after whitespace, letters, digits, _ - /, not only digits', () => {
    const scan = scanBody('#person #People/Colleague a#no #123 #2026/11 #y1984 #café #日本 #a_b-c. (#no) \t#tab', 0);
    expect(scan.tags).toEqual(['person', 'People/Colleague', 'y1984', 'café', '日本', 'a_b-c', 'tab']);
  });

  it('lists each tag once', () => {
    expect(scanBody('#a #a\n#a', 0).tags).toEqual(['a']);
  });

  it('does not read a heading marker, a link heading or a URL fragment as a tag', () => {
    expect(scanBody('# Title\n## #real\n[[Jan#Work]] https://x.org/#frag', 0).tags).toEqual(['real']);
  });
});

describe('scanBody: code fences', () => {
  it('ignores everything inside ``` and ~~~ fences, including headings and list items', () => {
    const body = [
      '## Log',
      '```md',
      '# Not a heading',
      '- [ ] [[NotALink]] #notatag',
      '```',
      '~~~~',
      '```',
      '- still code',
      '~~~~',
      '- after [[Jan]] #tag',
    ].join('\n');
    const scan = scanBody(body, 0);
    expect(items(scan)).toEqual([{ line: 9, text: 'after [[Jan]] #tag', heading: 'Log', task: null }]);
    expect(scan.links.map((l) => l.target)).toEqual(['Jan']);
    expect(scan.tags).toEqual(['tag']);
  });

  it('needs a closing fence at least as long as the opening one; an unclosed fence runs to the end', () => {
    expect(scanBody('````\n```\n[[A]]\n````\n[[B]]', 0).links.map((l) => l.target)).toEqual(['B']);
    expect(scanBody('```\n[[A]]\n#tag', 0)).toEqual({ tags: [], links: [], listItems: [] });
  });

  it('reads ``` with a backtick later on the line as inline code, not as a fence', () => {
    expect(scanBody('```code``` [[A]]\n[[B]]', 0).links.map((l) => l.target)).toEqual(['A', 'B']);
  });

  it('keeps a fence inside a list item in that item', () => {
    const body = '- [ ] call\n  ```\n  code\n  ```\n  then [[Jan]]';
    expect(scanBody(body, 0).links).toEqual([{ target: 'Jan', line: 4, task: ' ' }]);
  });
});

describe('scanBody: line endings and size', () => {
  it('reads CRLF text like LF text', () => {
    const lf = '## Log\n- [ ] call [[Jan]] #person\n```\n[[No]]\n```\n- done';
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(scanBody(crlf, 3)).toEqual(scanBody(lf, 3));
    expect(scanBody(crlf, 0).listItems[1]!.text).toBe('done');
  });

  it('reads a 5 MB note correctly', () => {
    const block = '## Log\n- 2026-11-20 call: talked to [[Jan]] about #work\n```\n[[Hidden]]\n```\nPlain text ' + 'x'.repeat(60) + '\n';
    const repeats = Math.ceil((5 * 1024 * 1024) / block.length);
    const body = block.repeat(repeats) + '- [ ] last [[Piet]]';
    const scan = scanBody(body, 0);
    expect(scan.listItems).toHaveLength(repeats + 1);
    expect(scan.links).toHaveLength(repeats + 1);
    expect(scan.links.at(-1)).toEqual({ target: 'Piet', line: repeats * 6, task: ' ' });
    expect(scan.tags).toEqual(['work']);
  });

  it('copes with a 5 MB line of unmatched brackets, backticks and parentheses', () => {
    const line = '[[a ` [b](c ( ``` #t '.repeat(250_000);
    const scan = scanBody(line, 0);
    expect(scan.links).toEqual([]);
    expect(scan.tags).toEqual(['t']);
  });
});

describe('scanBody: properties', () => {
  // Strings built from the characters that matter, so the generator reaches the interesting cases.
  const markdownish = fc
    .array(fc.constantFrom('#', '-', '*', '1.', '[', ']', '(', ')', '!', '`', '~', '<', '>', '|', ' ', '\t', '\n', '\r\n', 'x', 'é', '.md', 'http:', '[ ]', '---'), {
      maxLength: 200,
    })
    .map((parts) => parts.join(''));

  it('never throws and gives line numbers within the body', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), markdownish), fc.nat(1000), (body, first) => {
        const scan = scanBody(body, first);
        const last = first + body.split('\n').length - 1;
        for (const x of [...scan.links, ...scan.listItems]) {
          expect(x.line).toBeGreaterThanOrEqual(first);
          expect(x.line).toBeLessThanOrEqual(last);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('shifts every line number by firstLine and changes nothing else', () => {
    fc.assert(
      fc.property(markdownish, fc.nat(1000), (body, first) => {
        const base = scanBody(body, 0);
        const shifted = scanBody(body, first);
        expect(shifted.tags).toEqual(base.tags);
        expect(shifted.links).toEqual(base.links.map((l) => ({ ...l, line: l.line + first })));
        expect(shifted.listItems).toEqual(base.listItems.map((i) => ({ ...i, line: i.line + first })));
      }),
    );
  });
});

describe('scanBody: comments are not content (v1.1)', () => {
  it('reads no links, tags, list items or headings inside %% %% and <!-- -->, on one line or over many', () => {
    const body = [
      '## Log',
      '- 2026-11-20 call with [[Jan]] %% and [[Hidden1]] #hidden1 %% then [[Piet]]',
      '%% - 2026-11-21 commented out [[Hidden2]] %%',
      '%%',
      '## Not a heading',
      '- 2026-11-22 hidden item [[Hidden3]] #hidden3',
      '%%',
      '<!-- - 2026-11-23 [[Hidden4]]',
      '# Not a heading either',
      '-->',
      '- 2026-11-24 visible <!-- [[Hidden5]] --> [[Kees]] #seen',
      '`%%` is code, so [[Ann]] counts',
    ].join('\n');
    const scan = scanBody(body, 0);
    expect(items(scan)).toEqual([
      { line: 1, text: '2026-11-20 call with [[Jan]]  then [[Piet]]', heading: 'Log', task: null },
      { line: 10, text: '2026-11-24 visible  [[Kees]] #seen', heading: 'Log', task: null },
    ]);
    expect(scan.links.map((l) => l.target)).toEqual(['Jan', 'Piet', 'Kees', 'Ann']);
    expect(scan.tags).toEqual(['seen']);
  });

  it('lets a line where a comment closes continue the item above, and opens no block there', () => {
    const body = ['- [ ] call %% a comment', 'over lines %% about [[Jan]]', '%% x %% - not an item', '## H %% trailing %%', '- item'].join('\n');
    const scan = scanBody(body, 0);
    expect(scan.links).toEqual([{ target: 'Jan', line: 1, task: ' ' }]);
    // A line that begins with a comment is text, whatever follows the comment.
    expect(items(scan)).toEqual([
      { line: 0, text: 'call', heading: null, task: ' ' },
      { line: 4, text: 'item', heading: 'H', task: null },
    ]);
  });

  it('treats %% inside a code fence or code span as code, and a fence inside a comment as comment', () => {
    const body = ['```', '%%', '```', '[[A]]', '%%', '```', '%%', '[[B]]', '``%%`` [[C]] %%x%% [[D]]'].join('\n');
    expect(targets(body)).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('scanBody: open tasks, nested (v1.1)', () => {
  it('gives every link in an open task, or in any item nested under it, the open state', () => {
    const body = [
      '- [ ] plan with [[A]]',
      '  - talk to [[B]]',
      '    - [x] booked [[C]]',
      '      more about [[D]]',
      '  - [-] cancelled [[E]]',
      '- [x] done with [[F]]',
      '  - notes on [[G]]',
      '- [ ] again',
      '',
      '  indented paragraph of the task: [[H]]',
      '',
      'outside the list: [[I]]',
    ].join('\n');
    expect(scanBody(body, 0).links.map((l) => `${l.target}${l.task ?? '_'}`)).toEqual([
      'A ', 'B ', 'C ', 'D ', 'E ', 'Fx', 'G_', 'H ', 'I_',
    ]);
    expect(scanBody(body, 0).listItems.map((i) => i.parent ?? -1)).toEqual([-1, 0, 1, 0, -1, 4, -1]);
  });

  it('keeps nesting inside block quotes and callouts', () => {
    const body = ['> [!todo] Plans', '> - [ ] call', '>   - ask [[Jan]]', '> - [x] mailed [[Ann]]'].join('\n');
    expect(scanBody(body, 0).links.map((l) => [l.target, l.task])).toEqual([['Jan', ' '], ['Ann', 'x']]);
  });
});

describe('scanBody: headings and sections (v1.1)', () => {
  const chains = (body: string) => scanBody(body, 0).listItems.map((i) => `${i.text}@${(i.headings ?? (i.heading === null ? [] : [i.heading])).join('>')}`);

  it('keeps sub-headings inside the section of a higher heading', () => {
    const body = ['# Jan', '## Log', '- a', '### 2026', '- b', '#### Q1', '- c', '### 2025', '- d', '## Notes', '- e'].join('\n');
    expect(chains(body)).toEqual(['a@Jan>Log', 'b@Jan>Log>2026', 'c@Jan>Log>2026>Q1', 'd@Jan>Log>2025', 'e@Jan>Notes']);
  });

  it('reads setext headings (=== level 1, --- level 2), not after a list item or a blank line', () => {
    const body = ['Log', '===', '- a', 'lazy text of a', '---', '- b', '', 'Notes', '---', '- c', '---', '', '---', '- d'].join('\n');
    expect(chains(body)).toEqual(['a@Log', 'b@Log', 'c@Log>Notes', 'd@Log>Notes']);
    expect(chains('Jan\n==\n## Log\n- x\n\nLog two\nlines\n---\n- y')).toEqual(['x@Jan>Log', 'y@Jan>Log two lines']);
  });

  it('reads a callout title as a heading whose section is the callout', () => {
    const body = [
      '## About', '> [!note] Log', '> - a', '> ### 2026', '> - b', '>', '> - c', 'lazy text', '- d',
      '> [!info]- ', '> - e', '> [!tip]', '- f',
    ].join('\n');
    expect(chains(body)).toEqual(['a@About>Log', 'b@About>Log>2026', 'c@About>Log>2026', 'd@About', 'e@About>info', 'f@About']);
  });

  it('ends a heading inside a block quote with the quote', () => {
    expect(chains('# A\n> ## Log\n> - a\n- b')).toEqual(['a@A>Log', 'b@A']);
  });

  it('reads no heading inside a fence or a comment, with or without a closing line', () => {
    expect(chains('## A\n```\n## Log\n```\n- a\n%%\n## Log\n%%\n- b\n<!--\n## Log\n-->\n- c')).toEqual(['a@A', 'b@A', 'c@A']);
  });
});

describe('scanBody: line breaks (v1.1)', () => {
  it('breaks lines at \\r alone as at \\n and \\r\\n', () => {
    const lf = '## Log\n- [ ] call [[Jan]] #person\n```\n[[No]]\n```\n- done\nSetext\n---\n- x';
    expect(scanBody(lf.replace(/\n/g, '\r'), 3)).toEqual(scanBody(lf, 3));
    expect(scanBody(lf.replace(/\n/g, '\r'), 0).listItems.map((i) => i.line)).toEqual([1, 5, 8]);
  });
});

describe('scanBody: hostile lines take linear time (v1.1)', () => {
  it.each([
    ['#, 8,000 spaces and U+2028', '#' + ' '.repeat(8000) + '\u2028'],
    ['#, 200,000 spaces and U+2028', '#' + ' '.repeat(200_000) + '\u2028x'],
    ['a heading of 200,000 spaces and #', '## ' + ' #'.repeat(100_000)],
    ['unclosed comments and backticks', '%% ` <!-- `` '.repeat(20_000)],
    ['closed comments and code spans', '%%a%% `b` <!--c--> ``d`` [[e]] '.repeat(10_000)],
    ['a callout title of brackets', '> [!' + '['.repeat(200_000)],
    ['fence markers', '`'.repeat(200_000) + '~'.repeat(200_000)],
    ['list markers and checkboxes', '- [ ] '.repeat(40_000) + '1.'.repeat(50_000)],
    ['block-quote markers', '> '.repeat(100_000) + '[!note] Log'],
  ])('%s', (_name, line) => {
    for (const text of [line, `${line}\n${line}`, `## Log\n- 2026-11-20 a\n${line}\n- b`]) {
      const scan = scanBody(text, 0);
      expect(scan.listItems.length).toBeLessThanOrEqual(3);
    }
  });

  it('reads 20,000 lines that each open and close a comment, fence or quote', () => {
    const body = ['%%', '%%', '```', '```', '> [!note] Log', '> - 2026-11-20 x', '<!--', '-->', 'Log', '---'].join('\n');
    const scan = scanBody(Array(2_000).fill(body).join('\n'), 0);
    expect(scan.listItems).toHaveLength(2_000);
  });
});
