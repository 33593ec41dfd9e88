/** Control characters from notes never reach the terminal: the escaping, and every text output that uses it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText, safe } from '../../src/cli/escape';
import { COLOUR, formatCheck, formatIntro, formatReview, PLAIN, shellWord } from '../../src/cli/format';
import { activeChars } from './built-cli';
import type { AttentionItem, AttentionKind, Diagnostic } from '../../src/core/types';
import { day, person } from '../builders';

const T = day('2026-11-24');

/** COLOUR's own styling (ESC [ n m), taken out before looking for what is left. */
const SGR = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g');

describe('safe', () => {
  it.each([
    ['clear screen', 'Jan\x1b[2J\x1b[H', 'Jan\\x1b[2J\\x1b[H'],
    ['window title (OSC)', '\x1b]0;pwned\x07Jan', '\\x1b]0;pwned\\x07Jan'],
    ['clipboard (OSC 52)', '\x1b]52;c;ZWNobyBoaQ==\x1b\\', '\\x1b]52;c;ZWNobyBoaQ==\\x1b\\'],
    ['C1 CSI and OSC', 'a\u009b2Jb\u009d0;x\u009c', 'a\\x9b2Jb\\x9d0;x\\x9c'],
    ['carriage return, newline, tab', 'Ja\rPiet\nx\ty', 'Ja\\rPiet\\nx\\ty'],
    ['NUL, bell, backspace, DEL', '\u0000\u0007\b\u007f', '\\x00\\x07\\x08\\x7f'],
    ['bidi override and isolates', 'evil\u202etxt.exe \u2066x\u2069 \u200f', 'evil\\u202etxt.exe \\u2066x\\u2069 \\u200f'],
    ['line separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
  ])('escapes %s', (_what, input, expected) => {
    expect(safe(input)).toBe(expected);
  });

  it('leaves ordinary text alone: accents, CJK, emoji, quotes', () => {
    const text = 'Zoë Ōtomo 山田 🎉 "quoted" – done';
    expect(safe(text)).toBe(text);
  });

  it('is linear on a long hostile string', () => {
    const s = '\x1b'.repeat(200_000) + 'x';
    expect(safe(s)).toHaveLength(4 * 200_000 + 1);
  });
});

describe('jsonText', () => {
  it('escapes what JSON.stringify passes through (DEL, C1, separators, bidi) and stays the same JSON', () => {
    const value = { name: 'a\u009b2J\u202eb\u2028\u007f', path: 'x\x1b]0;t\x07\r.md', n: [1, 'ok'] };
    const text = jsonText(value);
    expect(activeChars(text)).toEqual([]);
    expect(text).toContain('a\\u009b2J\\u202eb\\u2028\\u007f');
    expect(text).toContain('x\\u001b]0;t\\u0007\\r.md');
    expect(JSON.parse(text)).toEqual(value);
  });
});

const kinds: AttentionKind[] = ['follow-up', 'overdue', 'date', 'favour', 'dormant'];
const hostile = fc.string({ unit: fc.oneof(fc.constantFrom('\x1b', '\r', '\n', '\u009b', '\u202e', '\u0007', '\u2028', '\t', '\u0000'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })), maxLength: 20 });

describe('text output never passes a control character through', () => {
  it('review, check and intro, with names, paths, details, fields and messages full of them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: hostile, detail: hostile, kind: fc.constantFrom(...kinds) }), { maxLength: 8 }),
        fc.array(fc.record({ path: hostile, field: hostile, message: hostile, severity: fc.constantFrom('error' as const, 'warning' as const) }), { maxLength: 6 }),
        fc.array(hostile, { minLength: 2, maxLength: 4 }),
        fc.boolean(),
        (raw, diagnostics: Diagnostic[], names, colour) => {
          const items: AttentionItem[] = raw
            .map((r) => ({ path: `People/${r.name}.md`, name: r.name, kind: r.kind, detail: r.detail, reason: { kind: 'favour' as const, owed: 1 } as never }))
            .sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
          const style = colour ? COLOUR : PLAIN;
          const people = names.map((n, i) => ({ ...person(`P${i}`), name: n }));
          const texts = [
            formatReview(items, { people: 3, today: T, diagnostics, limit: 2, checkCommand: `ties check ${shellWord(names[0]!)}` }, style),
            formatCheck(diagnostics, 3, style),
            formatIntro({ target: people[0]!, inTouch: false, paths: [people.map((p) => p.path)], total: 3, personAt: (p) => people.find((x) => x.path === p)!, today: T }, style),
          ];
          for (const text of texts) expect(activeChars(text.replace(SGR, ''))).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shows the escaped form where the character was', () => {
    const item: AttentionItem = { path: 'People/x.md', name: 'Jan\x1b]0;owned\x07', kind: 'favour', detail: 'you owe\r a favour', reason: { kind: 'favour', owed: 1 } };
    const text = formatReview([item], { people: 1, today: T, diagnostics: [], limit: Infinity, checkCommand: 'ties check' }, PLAIN);
    expect(text).toContain('  Jan\\x1b]0;owned\\x07  you owe\\r a favour\n');
    const check = formatCheck([{ path: 'People/Ca\rrl.md', severity: 'warning', field: 'knows', message: 'links to [[\u202eevil]]' }], 1, PLAIN);
    expect(check).toContain('People/Ca\\rrl.md\n  warning  knows  links to [[\\u202eevil]]\n');
  });
});

describe('shellWord', () => {
  it('quotes a vault path as a shell takes it back', () => {
    expect(shellWord('examples/demo-vault')).toBe('examples/demo-vault');
    expect(shellWord('/home/me/My Vault')).toBe("'/home/me/My Vault'");
    expect(shellWord("Kees' vault")).toBe("'Kees'\\'' vault'");
    expect(shellWord('~x')).toBe("'~x'");
  });
});
