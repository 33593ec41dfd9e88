/**
 * The bytes of an import file as text. Exports come as UTF-8 (with or without a byte-order mark), sometimes
 * as UTF-16 (Outlook, Excel's "Unicode text") and, from old tools, in Windows-1252. Bytes that are not
 * valid UTF-8 are never dropped silently: the caller gets a warning that says what was done.
 */
import { ImportError } from './types';

/** Larger than any address book; a JavaScript string cannot hold much more than this anyway. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export interface DecodedText {
  text: string;
  /** Set when the bytes were not valid UTF-8: what was done about it. */
  warning: string | null;
}

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function decodeImportBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportError(`the file is too large to import (${Math.round(bytes.length / 1048576)} MB; at most 256 MB): split it into smaller files`);
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04))
    throw new ImportError('this is a ZIP archive: unzip it first and import the file inside it (LinkedIn: Connections.csv)');
  if (startsWith(bytes, 0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warning: null };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warning: null };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), warning: null };
  } catch {
    /* not UTF-8: decided below */
  }
  const lossy = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  let replaced = 0;
  let valid = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c > 0x7f) valid++;
  }
  // Text with real UTF-8 characters and a few broken bytes is UTF-8 with damage: keep the good characters.
  // Text whose every non-ASCII byte is broken was written in an older code page, most often Windows-1252.
  if (valid > 0)
    return {
      text: lossy,
      warning: `the file is not valid UTF-8: ${replaced} damaged ${replaced === 1 ? 'character was' : 'characters were'} replaced by "\uFFFD"; check the names that show it`,
    };
  return { text: new TextDecoder('windows-1252').decode(bytes), warning: 'the file is not UTF-8; it was read as Windows-1252 (Western European)' };
}
