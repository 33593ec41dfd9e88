/** Names New person refuses: those Obsidian cannot store, would hide, or could not link to. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_NAME_CHARS, MAX_NAME_LENGTH, noteNameProblem } from '../../src/core/note-names';

describe('noteNameProblem', () => {
  it('accepts ordinary names, in any script, with inner dots and spaces', () => {
    for (const name of ['Jan de Vries', 'Anne-Marie O’Neill', 'Dr. Ng', 'José Müller', '山田 太郎', 'Ana (Acme)', 'con man', 'Console', 'a'.repeat(MAX_NAME_LENGTH)])
      expect(noteNameProblem(name), name).toBeNull();
  });

  it('refuses empty names, hidden names and control characters', () => {
    expect(noteNameProblem('')).toEqual({ kind: 'empty' });
    expect(noteNameProblem('   ')).toEqual({ kind: 'empty' });
    expect(noteNameProblem('.hidden')).toEqual({ kind: 'leading-dot' });
    expect(noteNameProblem('..')).toEqual({ kind: 'leading-dot' });
    for (const name of ['a\tb', 'a\nb', 'a\rb', '\u0000x', 'a\u007fb', 'a\u009bb', 'a\u2028b', '\u001b[2Jx'])
      expect(noteNameProblem(name), JSON.stringify(name)).toEqual({ kind: 'control' });
  });

  it('refuses each character that breaks a link or a file name, and names it', () => {
    for (const char of FORBIDDEN_NAME_CHARS) expect(noteNameProblem(`Jan ${char} Piet`)).toEqual({ kind: 'char', char });
    expect([...FORBIDDEN_NAME_CHARS].sort()).toEqual([...'#^[]|/\\:*?"<>'].sort());
  });

  it('refuses what Windows cannot store: trailing dots and spaces, device names', () => {
    expect(noteNameProblem('Jan.')).toEqual({ kind: 'trailing' });
    expect(noteNameProblem('Jan ')).toEqual({ kind: 'trailing' });
    for (const name of ['CON', 'con', 'Nul', 'aux.txt', 'COM1', 'lpt9', 'PRN']) expect(noteNameProblem(name), name).toEqual({ kind: 'reserved' });
  });

  it('refuses names over 200 characters, or too many bytes for a file name', () => {
    expect(noteNameProblem('a'.repeat(MAX_NAME_LENGTH + 1))).toEqual({ kind: 'too-long', length: 201 });
    // 100 CJK characters are 300 bytes in UTF-8: more than a file name can hold.
    expect(noteNameProblem('山'.repeat(100))).toEqual({ kind: 'too-long', length: 100 });
    expect(noteNameProblem('山'.repeat(80))).toBeNull();
    // Emoji count as one character each.
    expect(noteNameProblem('🙂'.repeat(60))).toBeNull();
  });

  it('is linear on long hostile input', () => {
    expect(noteNameProblem('a'.repeat(1_000_000))).toEqual({ kind: 'too-long', length: 1_000_000 });
    expect(noteNameProblem(' '.repeat(100_000) + 'x')).toEqual({ kind: 'too-long', length: 100_001 });
  });

  it('never accepts a name holding a forbidden or control character (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...FORBIDDEN_NAME_CHARS, '\n', '\t', '\u0000'), fc.string(), (a, bad, b) => {
        expect(noteNameProblem(`x${a}${bad}${b}x`)).not.toBeNull();
      }),
    );
  });
});
