import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readVault, recordFromBytes, recordFromText } from '../../src/cli/read-vault';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../../src/core/types';

const settings: CoreSettings = { ...DEFAULT_CORE_SETTINGS, personTags: ['person', 'people'] };
const MISPLACED = 'a --- block below the top of the note is not read as frontmatter; move it to the first line';
/** List items as v1 described them: line, text, nearest heading, own task state. */
const items = (r: { listItems: { line: number; text: string; heading: string | null; task: string | null }[] }) =>
  r.listItems.map(({ line, text, heading, task }) => ({ line, text, heading, task }));

describe('recordFromText: frontmatter', () => {
  it('reads keys, names the note by its basename and numbers body lines from the top of the file', () => {
    const r = recordFromText('People/Jan Jansen.md', '---\ntype: person\ncircle: 15\n---\n## Log\n- 2026-11-20 call', settings);
    expect(r.basename).toBe('Jan Jansen');
    expect(r.frontmatter).toEqual({ type: 'person', circle: 15 });
    expect(r.frontmatterError).toBeUndefined();
    expect(items(r)).toEqual([{ line: 5, text: '2026-11-20 call', heading: 'Log', task: null }]);
  });

  it('keeps dates as written, as Obsidian does: no Date, no time zone, no rolling over (v1.1)', () => {
    const yaml = [
      'last_contact: 2026-11-20', 'met: 2026-11-20T23:30:00-05:00', 'snooze_until: 2026-02-30', 'birthday: 0026-11-20',
      'x: 2026-11-20 23:30 -12', 'follow_ups:', '  - 2026-11-20: ask about the move', '  - 2026-11-21', 'n: 12', 'b: true', 'y: yes',
    ].join('\n');
    const r = recordFromText('People/Jan.md', `---\n${yaml}\n---\n`, settings);
    expect(r.frontmatter).toEqual({
      last_contact: '2026-11-20', met: '2026-11-20T23:30:00-05:00', snooze_until: '2026-02-30', birthday: '0026-11-20',
      x: '2026-11-20 23:30 -12', follow_ups: [{ '2026-11-20': 'ask about the move' }, '2026-11-21'], n: 12, b: true, y: 'yes',
    });
  });

  it('reads frontmatter of 100,000 blank lines and comments in linear time (gray-matter took quadratic time)', () => {
    const r = recordFromText('People/Jan.md', `---\na: 1${'\n '.repeat(100_000)}\n${'# c\n'.repeat(100_000)}---\nbody`, settings);
    expect(r.frontmatter).toEqual({ a: 1 });
  });

  it('reports broken YAML on one line with the line number an editor shows', () => {
    const r = recordFromText('People/Jan.md', '---\ntype: person\ntype: friend\n---\n', settings);
    expect(r.frontmatter).toBeNull();
    expect(r.frontmatterError).toBe('broken YAML: duplicated mapping key (line 3)');
    const flow = recordFromText('People/Piet.md', '---\nknows: [[[Jan]]\n---\n', settings);
    expect(flow.frontmatterError).toMatch(/^broken YAML: .+ \(line \d+\)$/);
    expect(flow.frontmatterError).not.toContain('\n');
  });

  it('still scans the body of a person by folder whose frontmatter is broken', () => {
    const r = recordFromText('People/Jan.md', '---\na: [\n---\n# Log\n- 2026-01-02 met', settings);
    expect(r.frontmatterError).toMatch(/^broken YAML/);
    expect(r.listItems).toHaveLength(1);
  });

  it('refuses frontmatter that is a list or a single value', () => {
    for (const yaml of ['- a\n- b', 'just text', '42']) {
      const r = recordFromText('People/Jan.md', `---\n${yaml}\n---\nbody`, settings);
      expect(r.frontmatter).toBeNull();
      expect(r.frontmatterError).toBe('the frontmatter is not a set of keys');
    }
  });

  it('reads empty frontmatter (and one of comments only) as no keys', () => {
    expect(recordFromText('People/a.md', '---\n---\nbody', settings).frontmatter).toEqual({});
    expect(recordFromText('People/a.md', '---\n# nothing yet\n---\nbody', settings).frontmatter).toEqual({});
    expect(recordFromText('People/a.md', '---\n\n---', settings).frontmatter).toEqual({});
  });

  it('reads a note without frontmatter as frontmatter null, without error', () => {
    const r = recordFromText('a.md', 'just a note', settings);
    expect(r.frontmatter).toBeNull();
    expect(r.frontmatterError).toBeUndefined();
  });

  it('strips a byte order mark', () => {
    const r = recordFromText('People/Jan.md', '\ufeff---\ntype: person\n---\n#person', settings);
    expect(r.frontmatter).toEqual({ type: 'person' });
    expect(r.tags).toEqual(['person']);
  });

  it('reads CRLF files like LF files', () => {
    const lf = '---\ntype: person\nlast_contact: 2026-11-20\ntags: [a]\n---\n## Log\n- [ ] call [[Piet]]\n- 2026-11-20 met\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(recordFromText('People/Jan.md', crlf, settings)).toEqual(recordFromText('People/Jan.md', lf, settings));
    expect(recordFromText('People/Jan.md', crlf, settings).listItems[1]!.text).toBe('2026-11-20 met');
  });

  it('accepts trailing spaces on the delimiter lines but nothing else', () => {
    expect(recordFromText('People/a.md', '---  \nx: 1\n--- \nbody', settings).frontmatter).toEqual({ x: 1 });
    expect(recordFromText('People/a.md', '----\nx: 1\n----\nbody', settings).frontmatter).toBeNull();
  });

  it('never evaluates a `---js` block (gray-matter would run it as JavaScript)', () => {
    const r = recordFromText('a.md', '---js\n({ evil: (() => { throw new Error("ran") })() })\n---\n', settings);
    expect(r.frontmatter).toBeNull();
    expect(r.frontmatterError).toBeUndefined();
  });

  it('reads no keys from an unclosed --- block, and says so naming the line (v1.1)', () => {
    const r = recordFromText('People/Jan.md', '---\ntype: person\ncadence: 2w\n\n## Log\n- 2026-11-20 call', settings);
    expect(r.frontmatter).toBeNull();
    expect(r.frontmatterError).toBe(
      'frontmatter opened on line 1 is never closed: add a line --- below its keys; until then its keys are not read',
    );
    // The rest of the note is still read, from its first line.
    expect(items(r)).toEqual([{ line: 5, text: '2026-11-20 call', heading: 'Log', task: null }]);
    const tagged = recordFromText('Notes/Jan.md', '---\ncadence: 2w\n#person', settings);
    expect(tagged.frontmatterError).toMatch(/^frontmatter opened on line 1 is never closed/);
    // A note that is no person by folder or inline tag is not read further.
    expect(recordFromText('Notes/Jan.md', '---\ntype: person\n', settings).frontmatterError).toBeUndefined();
  });

  it('reads CR-only files like LF files (v1.1)', () => {
    const lf = '---\ntype: person\nlast_contact: 2026-11-20\n---\n## Log\n- [ ] call [[Piet]]\n- 2026-11-20 met\n';
    expect(recordFromText('People/Jan.md', lf.replace(/\n/g, '\r'), settings)).toEqual(recordFromText('People/Jan.md', lf, settings));
  });

  it('ends frontmatter at a line that is exactly ---, not at ---- inside it', () => {
    const r = recordFromText('People/a.md', '---\nx: 1\n---\n[[Body]]\n---\n', settings);
    expect(r.frontmatter).toEqual({ x: 1 });
  });
});

describe('recordFromText: a --- block below the top', () => {
  const lower = '# Jan\n\n---\ntype: person\ncircle: 5\n---\n';

  it('warns for a person by folder', () => {
    const r = recordFromText('People/Jan.md', lower, settings);
    expect(r.frontmatter).toBeNull();
    expect(r.readWarnings).toEqual([{ field: 'frontmatter', message: MISPLACED }]);
  });

  it('warns for a person by inline tag, and for a block pushed down by blank lines', () => {
    expect(recordFromText('Jan.md', '#person\n' + lower, settings).readWarnings).toEqual([{ field: 'frontmatter', message: MISPLACED }]);
    expect(recordFromText('People/Jan.md', '\n\n---\nrole: cto\n---\n', settings).readWarnings).toHaveLength(1);
  });

  it('stays quiet for a note that is not a person, and for rules around prose', () => {
    expect(recordFromText('Notes/Jan.md', lower, settings).readWarnings).toBeUndefined();
    expect(recordFromText('People/Jan.md', 'Intro\n\n---\nMet at a conference.\n---\n', settings).readWarnings).toBeUndefined();
    expect(recordFromText('People/Jan.md', '---\ntype: person\n---\ntext\n---\nkey: v\n---\n', settings).readWarnings).toBeUndefined();
  });
});

describe('recordFromText: which bodies are scanned', () => {
  const body = '## Log\n- [ ] call [[Jan]] #work';

  it('scans people (folder, type, frontmatter tag, inline tag in any case) and daily notes', () => {
    for (const [path, text] of [
      ['People/Jan.md', body],
      ['Jan.md', `---\ntype: Person\n---\n${body}`],
      ['Jan.md', `---\ntags: [person/colleague]\n---\n${body}`],
      ['Jan.md', `#People/friend\n${body}`],
      ['Daily/2026-11-20.md', body],
    ] as const) {
      expect(recordFromText(path, text, settings).links, path).toHaveLength(1);
    }
  });

  it('gives other notes empty tags, links and list items, but still a record', () => {
    const r = recordFromText('Notes/Idea.md', `---\ntags: [idea]\n---\n${body} #personal-ish`, settings);
    expect(r).toMatchObject({ basename: 'Idea', tags: [], links: [], listItems: [] });
  });

  it('parses frontmatter only when it can make the note a person: it names "person" or a person tag, or the folder or an inline tag does', () => {
    // Broken YAML in a note that cannot be a person is never read: such notes have no diagnostics.
    expect(recordFromText('Notes/Idea.md', '---\ntags: [idea]\nx: [unclosed\n---\ntext', settings)).toMatchObject({ frontmatter: null });
    expect(recordFromText('Notes/Idea.md', '---\ntags: [idea]\nx: [unclosed\n---\ntext', settings).frontmatterError).toBeUndefined();
    expect(recordFromText('Notes/A.md', '---\ntype: Person\n---\n', settings).frontmatter).toEqual({ type: 'Person' });
    expect(recordFromText('Notes/A.md', '---\ntags: [People/client]\n---\n', settings).frontmatter).toEqual({ tags: ['People/client'] });
    expect(recordFromText('Notes/A.md', '---\ncircle: 5\n---\nMet at a fair. #person', settings).frontmatter).toEqual({ circle: 5 });
    expect(recordFromText('People/A.md', '---\ncircle: 5\n---\n', settings).frontmatter).toEqual({ circle: 5 });
  });

  it('does not make a person of a note whose #person stands only in code or inside a word', () => {
    for (const text of ['```\n#person\n```\n' + body, '`#person` ' + body, 'a#person ' + body]) {
      expect(recordFromText('Notes/Idea.md', text, settings), text).toMatchObject({ tags: [], links: [], listItems: [] });
    }
  });

  it('uses the configured person tags', () => {
    const custom = { ...settings, personTags: ['contact'] };
    expect(recordFromText('Jan.md', `#contact\n${body}`, custom).links).toHaveLength(1);
    expect(recordFromText('Jan.md', `#person\n${body}`, custom).links).toHaveLength(0);
  });
});

describe('recordFromBytes', () => {
  it('reads bytes that are not UTF-8 as Windows-1252, with a warning', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntype: person\n---\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9])]);
    const r = recordFromBytes('People/Jan.md', bytes, settings);
    expect(r.frontmatter).toEqual({ type: 'person' });
    expect(r.readWarnings).toEqual([{ field: 'body', message: 'not valid UTF-8; read as Windows-1252' }]);
  });

  it('keeps both warnings when a misplaced block is also not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n\n---\nrole: x\n---\n')]);
    expect(recordFromBytes('People/Jan.md', bytes, settings).readWarnings).toEqual([
      { field: 'frontmatter', message: MISPLACED },
      { field: 'body', message: 'not valid UTF-8; read as Windows-1252' },
    ]);
  });
});

describe('readVault', () => {
  let vault: string;
  const write = (path: string, content: string | Uint8Array) => {
    const full = join(vault, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  };

  beforeEach(() => {
    vault = mkdtempSync(join(tmpdir(), 'ties-read-vault-'));
  });
  afterEach(() => {
    rmSync(vault, { recursive: true, force: true });
  });

  it('reads every note, vault-relative with forward slashes, sorted, and skips hidden and package folders', async () => {
    write('People/Jan.md', '---\ntype: person\n---\n');
    write('People/Team/Piet.md', '#person');
    write('Daily/2026-11-20.md', '- met [[Jan]]');
    write('Notes/Idea.md', 'no frontmatter');
    // Obsidian's config folder: its name is a setting, but it always starts with a dot.
    write('.vault-config/plugins/x.md', '');
    write('.trash/Old.md', '');
    write('.git/x.md', '');
    write('node_modules/pkg/README.md', '');
    write('Notes/.hidden.md', '');
    write('Notes/picture.png', 'png');
    write('Notes/todo.txt', 'text');
    const { records, skipped } = await readVault(vault, settings);
    expect(records.map((r) => r.path)).toEqual(['Daily/2026-11-20.md', 'Notes/Idea.md', 'People/Jan.md', 'People/Team/Piet.md']);
    expect(skipped).toEqual([]);
    expect(records[0]!.links).toEqual([{ target: 'Jan', line: 0, task: null }]);
  });

  it('keeps reading the vault after a note with broken YAML', async () => {
    write('People/A.md', '---\nname: [unclosed\n---\n');
    write('People/B.md', '---\ncircle: 5\n---\n');
    write('People/C.md', '---\n- a list\n---\n');
    const { records } = await readVault(vault, settings);
    expect(records.map((r) => [r.path, r.frontmatterError ?? null])).toEqual([
      ['People/A.md', expect.stringMatching(/^broken YAML: /)],
      ['People/B.md', null],
      ['People/C.md', 'the frontmatter is not a set of keys'],
    ]);
    expect(records[1]!.frontmatter).toEqual({ circle: 5 });
  });

  it('reads a person note with bytes that are not UTF-8', async () => {
    write('People/Café.md', Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const [r] = (await readVault(vault, settings)).records;
    expect(r!.path).toBe('People/Café.md');
    expect(r!.readWarnings).toEqual([{ field: 'body', message: 'not valid UTF-8; read as Windows-1252' }]);
  });

  it('reads BOM and CRLF files from disk', async () => {
    write('People/Jan.md', '\ufeff---\r\ntype: person\r\nlast_contact: 2026-11-20\r\n---\r\n## Log\r\n- 2026-11-21 call\r\n');
    const [r] = (await readVault(vault, settings)).records;
    expect(r!.frontmatter).toEqual({ type: 'person', last_contact: '2026-11-20' });
    expect(items(r!)).toEqual([{ line: 5, text: '2026-11-21 call', heading: 'Log', task: null }]);
  });

  it('throws when the vault folder itself cannot be read', async () => {
    await expect(readVault(join(vault, 'missing'), settings)).rejects.toThrow(/ENOENT/);
  });

  it('leaves every file byte for byte as it was, with the same modification time', async () => {
    const files: Record<string, string | Uint8Array> = {
      'People/Jan.md': '---\ntype: person\nlast_contact: 2026-11-20\n---\n## Log\n- 2026-11-21 call\n',
      'People/Broken.md': '---\na: [\n---\n',
      'People/Crlf.md': '\ufeff---\r\ntype: person\r\n---\r\nx\r\n',
      'People/Latin.md': Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      'Daily/2026-11-20.md': '- [ ] [[Jan]]',
      'Notes/Lower.md': '# T\n\n---\nkey: v\n---\n',
    };
    const past = new Date('2020-01-02T03:04:05Z');
    for (const [path, content] of Object.entries(files)) {
      write(path, content);
      utimesSync(join(vault, path), past, past);
    }
    const before = Object.keys(files).map((p) => [p, readFileSync(join(vault, p)), statSync(join(vault, p)).mtimeMs] as const);
    await readVault(vault, settings);
    for (const [path, bytes, mtime] of before) {
      expect(readFileSync(join(vault, path)).equals(bytes), path).toBe(true);
      expect(statSync(join(vault, path)).mtimeMs, path).toBe(mtime);
    }
  });
});
