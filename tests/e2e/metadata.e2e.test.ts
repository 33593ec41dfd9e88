/**
 * The harness's metadata cache is a stand-in for Obsidian's; this checks it reads notes the way the rest of
 * Ties expects. For every note of the demo vault and the fixture vault, the plugin's record built from the
 * harness cache (src/obsidian/records.ts) equals the command line's record built from the file
 * (src/cli/read-vault.ts): in full for people, the links for daily notes. Runs in node: no browser.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordFromText } from '../../src/cli/read-vault';
import { dailyNoteDay, isPersonRecord } from '../../src/core/detect';
import { DEFAULT_CORE_SETTINGS, type NoteRecord } from '../../src/core/types';
import { buildRecord, type RecordSource } from '../../src/obsidian/records';
import { parseMetadata } from './harness/metadata';
import { DEMO_VAULT, readVaultFiles, ROOT } from './server';

const settings = { ...DEFAULT_CORE_SETTINGS };

/** gray-matter reads `2026-11-01` as a Date; Obsidian (and the harness) keep the string. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function comparable(r: NoteRecord): Record<string, unknown> {
  return { ...r, frontmatter: plain(r.frontmatter), readWarnings: undefined };
}

async function harnessRecord(path: string, text: string): Promise<NoteRecord> {
  const cache = parseMetadata(text);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const file = { path, name, basename: name.replace(/\.md$/, ''), extension: 'md' };
  const source: RecordSource = {
    getFileCache: () => cache,
    cachedRead: () => Promise.resolve(text),
  };
  return buildRecord(source, file as never, settings);
}

describe('the harness metadata cache reads notes as the command line does', () => {
  for (const [name, dir] of [
    ['demo vault', DEMO_VAULT],
    ['fixture vault', join(ROOT, 'tests/fixtures/vaults/basic')],
  ] as const) {
    it(`the ${name}`, async () => {
      const files = readVaultFiles(dir);
      let compared = 0;
      for (const [path, text] of Object.entries(files)) {
        if (!path.endsWith('.md')) continue;
        const cli = recordFromText(path, text, settings);
        const fromCache = await harnessRecord(path, text);
        expect(fromCache.frontmatterError === undefined, path).toBe(cli.frontmatterError === undefined);
        if (isPersonRecord(cli, settings)) {
          expect(comparable(fromCache), path).toEqual(comparable(cli));
        } else if (dailyNoteDay(cli.basename) !== null) {
          // The plugin reads only a daily note's links (with their tasks) from the cache.
          expect(fromCache.links, path).toEqual(cli.links);
        } else continue;
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    });
  }

  it('notes with nested tasks, code, quotes, tags in the body and broken YAML', async () => {
    const notes: Record<string, string> = {
      'People/Nested.md': [
        '---',
        'cadence: 2w',
        'knows: ["[[Ann]]", "[[Bob|Robert]]"]',
        '---',
        '# Notes #person',
        'Met [[Ann]] and [Bob](Bob%20Smith.md) at `[[not a link]]`.',
        '',
        '## Log',
        '- 2026-11-01 call: [[Ann]] joined',
        '  - [ ] follow up with [[Bob]]',
        '    continued on the next line with [[Cid]]',
        '- [x] 2026-10-01 email: done',
        '',
        '```',
        '- [[In code]]',
        '```',
        '> - quoted [[Dee]] #tag/sub',
        '1. numbered [[Eve#Heading|Eve]]',
        '* * *',
        '- after a rule ![[Embedded]]',
      ].join('\n'),
      'People/Broken.md': '---\nlast_contact: [2026-11-01\n---\nSome text with [[Ann]].\n',
      'Notes/Tagged.md': 'A colleague. #person/work\n- [[Ann]] knows her\n',
      'People/CRLF.md': '---\r\ncadence: 1m\r\n---\r\n## Log\r\n- 2026-11-02 chat: hello [[Ann]]\r\n',
    };
    for (const [path, text] of Object.entries(notes)) {
      const cli = recordFromText(path, text, settings);
      const fromCache = await harnessRecord(path, text);
      expect(isPersonRecord(cli, settings), path).toBe(true);
      expect(fromCache.frontmatterError === undefined, path).toBe(cli.frontmatterError === undefined);
      expect({ ...comparable(fromCache), frontmatterError: undefined }, path).toEqual({ ...comparable(cli), frontmatterError: undefined });
    }
  });
});
