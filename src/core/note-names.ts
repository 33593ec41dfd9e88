/**
 * Whether a text can be a note's name (its basename) on every platform Obsidian runs on, and stay visible
 * and linkable: the rules New person checks, and any later writer that names notes after people. Pure and
 * linear: one pass over the name.
 */

/** Why a name cannot be used; `char` is the offending character, `length` the name's length. */
export type NameProblem =
  | { kind: 'empty' }
  | { kind: 'control' }
  | { kind: 'leading-dot' }
  | { kind: 'char'; char: string }
  | { kind: 'trailing' }
  | { kind: 'reserved' }
  | { kind: 'too-long'; length: number };

/** The longest name New person accepts, in characters. */
export const MAX_NAME_LENGTH = 200;
/** File systems (ext4, APFS, NTFS) hold at most 255 bytes in a file name: the name, plus `.md`. */
const MAX_FILE_NAME_BYTES = 255;

/**
 * Characters a name cannot hold: `# ^ [ ] |` break a link to the note (`[[Name#heading]]`, `[[Name|alias]]`);
 * `/ \ :` are path separators on some platform; `* ? " < >` cannot be in a Windows file name.
 */
export const FORBIDDEN_NAME_CHARS = '#^[]|/\\:*?"<>';

/** Windows keeps these names (with or without an extension) for devices. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The first reason `name` cannot be a note's name, or null when it can. The name is taken as it is (not trimmed). */
export function noteNameProblem(name: string): NameProblem | null {
  if (name.trim() === '') return { kind: 'empty' };
  for (const ch of name) {
    if (isControl(ch.codePointAt(0)!)) return { kind: 'control' };
  }
  if (name.startsWith('.')) return { kind: 'leading-dot' };
  for (const ch of name) if (FORBIDDEN_NAME_CHARS.includes(ch)) return { kind: 'char', char: ch };
  // Windows drops trailing dots and spaces from a file name: "Jan." would be saved as "Jan".
  const last = name[name.length - 1];
  if (last === '.' || last === ' ') return { kind: 'trailing' };
  if (RESERVED.test(name)) return { kind: 'reserved' };
  const length = [...name].length;
  if (length > MAX_NAME_LENGTH || utf8Length(`${name}.md`) > MAX_FILE_NAME_BYTES) return { kind: 'too-long', length };
  return null;
}
