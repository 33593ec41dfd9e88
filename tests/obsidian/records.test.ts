import type { CachedMetadata, TFile } from 'obsidian';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CORE_SETTINGS } from '../../src/core/types';
import { UNCLOSED_FRONTMATTER } from '../../src/core/frontmatter';
import { appSource, BROKEN_YAML, buildRecord, type RecordSource } from '../../src/obsidian/records';
import { createApp, snapshot } from './shim';

const settings = { ...DEFAULT_CORE_SETTINGS };
/** List items as v1 described them: line, text, nearest heading, own task state. */
const items = (r: { listItems: { line: number; text: string; heading: string | null; task: string | null }[] }) =>
  r.listItems.map(({ line, text, heading, task }) => ({ line, text, heading, task }));

async function recordOf(files: Record<string, string>, path: string) {
  const t = createApp(files);
  const file = t.app.vault.getFileByPath(path)!;
  const source = appSource(t.app);
  const read = vi.spyOn(t.app.vault, 'cachedRead');
  const record = await buildRecord(source, file, settings);
  return { record, reads: read.mock.calls.length, t };
}

describe('records from the metadata cache', () => {
  it('reads a person: frontmatter as Obsidian gives it, inline tags, list items under headings', async () => {
    const { record, reads } = await recordOf(
      {
        'People/Jan.md': [
          '---',
          'last_contact: 2026-11-01',
          'tags: [colleague]',
          '---',
          'Met at #conference/2025 and #conference/2025 again.',
          '## Log',
          '- 2026-11-20 call: asked about [[Piet]]',
          '  - [x] 2026-11-21 email: sent the deck',
          '## Notes',
          '* plain item',
        ].join('\n'),
      },
      'People/Jan.md',
    );
    expect(reads).toBe(1);
    expect(record.path).toBe('People/Jan.md');
    expect(record.basename).toBe('Jan');
    expect(record.frontmatter).toEqual({ last_contact: '2026-11-01', tags: ['colleague'] });
    expect(record.frontmatterError).toBeUndefined();
    expect(record.tags).toEqual(['conference/2025']);
    expect(items(record)).toEqual([
      { line: 6, text: '2026-11-20 call: asked about [[Piet]]', heading: 'Log', task: null },
      { line: 7, text: '2026-11-21 email: sent the deck', heading: 'Log', task: 'x' },
      { line: 9, text: 'plain item', heading: 'Notes', task: null },
    ]);
    expect(record.links).toEqual([{ target: 'Piet', line: 6, task: null }]);
  });

  it('reads CRLF notes the same as LF notes', async () => {
    const lf = ['---', 'type: person', '---', '# Log', '- 2026-11-20 call: hi [[Ann|Annie]]', '- [ ] ask about [[Bob#Work]]', ''].join('\n');
    const a = await recordOf({ 'Notes/Kim.md': lf }, 'Notes/Kim.md');
    const b = await recordOf({ 'Notes/Kim.md': lf.replace(/\n/g, '\r\n') }, 'Notes/Kim.md');
    expect(b.record).toEqual(a.record);
    expect(items(b.record)[0]).toEqual({ line: 4, text: '2026-11-20 call: hi [[Ann|Annie]]', heading: 'Log', task: null });
    expect(b.record.links).toEqual([
      { target: 'Ann', line: 4, task: null },
      { target: 'Bob', line: 5, task: ' ' },
    ]);
  });

  it('gives a daily note its links with the task state they stand in, without reading the file', async () => {
    const { record, reads } = await recordOf(
      {
        'Daily/2026-11-20.md': [
          'Lunch with [[Jan]].',
          '- [ ] call [[Piet]]',
          '- [x] mailed [[Ann]]',
          '',
          'Plain text.',
          '- met [[People/Bob.md|Bob]] and [x](https://example.com)',
        ].join('\n'),
      },
      'Daily/2026-11-20.md',
    );
    expect(reads).toBe(0);
    expect(record.links).toEqual([
      { target: 'Jan', line: 0, task: null },
      { target: 'Piet', line: 1, task: ' ' },
      { target: 'Ann', line: 2, task: 'x' },
      { target: 'People/Bob', line: 5, task: null },
    ]);
    expect(record.listItems).toEqual([]);
  });

  it('takes the task state of the innermost list item whose lines hold the link', async () => {
    // obsidian-test-mocks' list items are one line each; Obsidian's span their continuation lines and,
    // for a parent, its children. Built by hand here.
    const pos = (start: number, end: number) => ({
      start: { line: start, col: 0, offset: 0 },
      end: { line: end, col: 0, offset: 0 },
    });
    const link = (name: string, line: number) => ({ link: name, original: `[[${name}]]`, displayText: name, position: pos(line, line) });
    const cache: CachedMetadata = {
      listItems: [
        { parent: -0, task: ' ', position: pos(0, 3) },
        { parent: 0, position: pos(1, 2) },
        { parent: 0, task: 'x', position: pos(3, 3) },
        { parent: -5, position: pos(5, 5) },
      ],
      links: [link('A', 0), link('B', 2), link('C', 3), link('D', 4), link('E', 5)],
    };
    const file = { path: '2026-11-20.md', basename: '2026-11-20', extension: 'md' } as TFile;
    const source: RecordSource = { getFileCache: () => cache, cachedRead: () => Promise.reject(new Error('not read')) };
    const record = await buildRecord(source, file, settings);
    // B and C stand in items nested under the open task A: they count as inside it (format v1.1).
    expect(record.links.map((l) => [l.target, l.task])).toEqual([
      ['A', ' '],
      ['B', ' '],
      ['C', ' '],
      ['D', null],
      ['E', null],
    ]);
  });

  it('reads nothing more of a note that is not a person', async () => {
    const { record, reads } = await recordOf(
      { 'Notes/Idea.md': '---\ntopic: x\n---\nSee [[Jan]] #idea\n- item\n' },
      'Notes/Idea.md',
    );
    expect(reads).toBe(0);
    expect(record).toEqual({ path: 'Notes/Idea.md', basename: 'Idea', frontmatter: { topic: 'x' }, tags: ['idea'], links: [], listItems: [] });
  });

  it('notices broken YAML in a person note and still reads its body', async () => {
    const { record } = await recordOf(
      { 'People/Broken.md': '---\nlast_contact: [2026-11-01\ncadence: 2w\n---\n## Log\n- 2026-11-02 call: fine\n' },
      'People/Broken.md',
    );
    expect(record.frontmatter).toBeNull();
    expect(record.frontmatterError).toBe(BROKEN_YAML);
    expect(items(record)).toEqual([{ line: 5, text: '2026-11-02 call: fine', heading: 'Log', task: null }]);
  });

  it('counts a note with broken YAML as a person when an inline tag says so', async () => {
    const { record } = await recordOf({ 'Notes/Tagged.md': '---\na: [\n---\n#person/friend\n' }, 'Notes/Tagged.md');
    expect(record.tags).toEqual(['person/friend']);
    expect(record.frontmatterError).toBe(BROKEN_YAML);
  });

  it('detects broken YAML from the text when the cache does not mark the frontmatter', async () => {
    const file = { path: 'People/X.md', basename: 'X', extension: 'md' } as TFile;
    const text = '---\r\nname: "unclosed\r\n---\r\nbody\r\n';
    const source: RecordSource = { getFileCache: () => ({}), cachedRead: () => Promise.resolve(text) };
    const record = await buildRecord(source, file, settings);
    expect(record.frontmatterError).toBe(BROKEN_YAML);

    const empty: RecordSource = { getFileCache: () => ({}), cachedRead: () => Promise.resolve('---\n# just a comment\n---\nbody') };
    expect((await buildRecord(empty, file, settings)).frontmatterError).toBeUndefined();
  });

  it('reports frontmatter that is not a set of keys', async () => {
    const file = { path: 'People/L.md', basename: 'L', extension: 'md' } as TFile;
    const source: RecordSource = {
      getFileCache: () => ({ frontmatter: ['a', 'b'] }),
      cachedRead: () => Promise.resolve('---\n- a\n- b\n---\n'),
    };
    const record = await buildRecord(source, file, settings);
    expect(record.frontmatter).toBeNull();
    expect(record.frontmatterError).toBe('the frontmatter is not a set of keys');
  });

  it('names frontmatter that is never closed, and reads no keys from it, whatever the cache holds (v1.1)', async () => {
    const file = { path: 'People/U.md', basename: 'U', extension: 'md' } as TFile;
    const text = '---\ncadence: 2w\n\n## Log\n- 2026-11-20 call';
    const source: RecordSource = { getFileCache: () => ({ frontmatter: { cadence: '2w' } }), cachedRead: () => Promise.resolve(text) };
    const record = await buildRecord(source, file, settings);
    expect(record.frontmatter).toBeNull();
    expect(record.frontmatterError).toBe(UNCLOSED_FRONTMATTER);
    expect(record.listItems.map((i) => [i.line, i.text])).toEqual([[4, '2026-11-20 call']]);
  });

  it('reads the body of a person with the core lexer: comments, callouts, setext headings, nested open tasks (v1.1)', async () => {
    const { record } = await recordOf(
      {
        'People/Jan.md': [
          '---', 'type: person', '---', '%% #hidden [[Secret]] %%', 'Log', '===', '- 2026-11-01 met', '> [!note] Log', '> - 2026-11-02 call',
          '- [ ] plan with [[Piet]]', '  - ask [[Ann]]', '<!--', '- 2026-11-03 commented out', '-->',
        ].join('\n'),
      },
      'People/Jan.md',
    );
    expect(record.tags).toEqual([]);
    expect(record.links).toEqual([{ target: 'Piet', line: 9, task: ' ' }, { target: 'Ann', line: 10, task: ' ' }]);
    expect(record.listItems.map((i) => [i.line, i.text, i.headings ?? [i.heading]])).toEqual([
      [6, '2026-11-01 met', ['Log']], [8, '2026-11-02 call', ['Log', 'Log']], [9, 'plan with [[Piet]]', ['Log']], [10, 'ask [[Ann]]', ['Log']],
    ]);
  });

  it('never writes to the vault', async () => {
    const files = {
      'People/Jan.md': '---\ncadence: 2w\n---\n## Log\n- 2026-11-20 call\n',
      'People/Broken.md': '---\na: [\n---\n',
      'Daily/2026-11-20.md': '- [[Jan]]\n',
      'Notes/Other.md': 'nothing',
    };
    const t = createApp(files);
    const before = await snapshot(t.app);
    const writes = [
      vi.spyOn(t.app.vault, 'modify'),
      vi.spyOn(t.app.vault, 'process'),
      vi.spyOn(t.app.vault, 'create'),
      vi.spyOn(t.app.vault, 'append'),
      vi.spyOn(t.app.vault.adapter, 'write'),
      vi.spyOn(t.app.fileManager, 'processFrontMatter'),
    ];
    const source = appSource(t.app);
    for (const f of t.app.vault.getMarkdownFiles()) await buildRecord(source, f, settings);
    for (const w of writes) expect(w).not.toHaveBeenCalled();
    expect(await snapshot(t.app)).toEqual(before);
  });
});
