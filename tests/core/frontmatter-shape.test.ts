/** The shape of a note's frontmatter, read from its own text (the writer's check before it writes). */
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frontmatterShape } from '../../src/core/frontmatter-shape';

const shape = (text: string) => frontmatterShape(text).kind;

describe('frontmatterShape', () => {
  it('finds no frontmatter where the first line is not `---`', () => {
    for (const text of ['', 'Hello', '# Jan\n---\nk: v\n---\n', ' ---\nk: v\n---\n', '---', '----\nk: v\n---\n', '--- x\nk: v\n---\n'])
      expect(shape(text), JSON.stringify(text)).toBe('none');
  });

  it('reads blocks of keys, whatever the line endings, a BOM, comments or quoting', () => {
    for (const text of [
      '---\nk: v\n---\n', '---\r\nk: v\r\n---\r\nbody', '\uFEFF---\nk: v\n---\n', '---  \nk: v\n---\t\n',
      '---\n---\n', '---\n\n# only a comment\n---\n', '---\n# comment\nlast_contact: 2026-01-01\n---\n',
      '---\n"quoted key": 1\n---\n', "---\n'it''s': 1\n---\n", '---\n"a \\" b": 1\n---\n', '---\nk:\n  - a\n---\n',
      '---\n{a: 1, b: 2}\n---\n', '---\n? complex\n: value\n---\n', '---\nurl: http://x.org/a:b\n---\n',
      '---\n!!map\nk: v\n---\n', '---\n&base k: v\n---\n', '---\n%YAML 1.2\nk: v\n---\n', '---\n  indented: v\n---\n',
      '---\nk:\n---\n', '---\nk:\tv\n---\n',
    ])
      expect(shape(text), JSON.stringify(text)).toBe('keys');
  });

  it('refuses a block that is a text, a list or another scalar, naming its first content line', () => {
    expect(frontmatterShape('---\njust text\n---\n## Log\n')).toEqual({ kind: 'not-keys', line: 2 });
    expect(frontmatterShape('---\n\n# c\n- a\n- b\n---\n')).toEqual({ kind: 'not-keys', line: 4 });
    for (const text of [
      '---\n- a\n---\n', '---\n-\n---\n', '---\n[a, b]\n---\n', '---\n"just: text"\n---\n', "---\n'a: b'\n---\n",
      '---\n|\n  block\n---\n', '---\n>\n  folded\n---\n', '---\n42\n---\n', '---\n*alias\n---\n', '---\ntext # with: colon\n---\n',
      '---\nhttp://x.org\n---\n', '---\n"unclosed: quote\n---\n', '---\n!!str text\n---\n', '---\nkey:value\n---\n',
    ])
      expect(shape(text), JSON.stringify(text)).toBe('not-keys');
  });

  it('knows a block opened and never closed', () => {
    for (const text of ['---\n', '---\nk: v\n', '---\r\nk: v\r\n## Log\r\n', '---\njust text', '---\n----\n'])
      expect(shape(text), JSON.stringify(text)).toBe('unclosed');
  });

  it('agrees with a YAML parser on whether a closed block is a map (property)', () => {
    const line = fc.oneof(
      fc.constantFrom('k: v', 'key:', '- a', 'text', '"q": 1', '"q: 1"', "'a': 2", '[a]', '{a: 1}', '# c', '', '42', 'a: b: c', 'x # y: z', '? k'),
      fc.tuple(fc.stringMatching(/^[a-z_]{1,6}$/), fc.constantFrom(': 1', ':', ' text', ': [a]')).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const yaml = lines.join('\n');
        let parsed: unknown;
        try {
          parsed = parse(yaml);
        } catch {
          return; // Broken YAML is the metadata cache's to report.
        }
        const isMap = parsed === null || parsed === undefined || (typeof parsed === 'object' && !Array.isArray(parsed));
        expect(shape(`---\n${yaml}\n---\n`), yaml).toBe(isMap ? 'keys' : 'not-keys');
      }),
      { numRuns: 500 },
    );
  });

  it('is linear on hostile lines', () => {
    const long = 'a'.repeat(2_000_000);
    expect(shape(`---\n${long}\n---\n`)).toBe('not-keys');
    expect(shape(`---\n${'!a '.repeat(300_000)}k: v\n---\n`)).toBe('keys');
    expect(shape(`---\n"${'\\"'.repeat(500_000)}\n---\n`)).toBe('not-keys');
    expect(shape(`---\n${'\n'.repeat(1_000_000)}`)).toBe('unclosed');
  });
});
