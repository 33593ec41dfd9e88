/** Hostile and broken import files: a clear message, and nothing read that was not there. */
import { describe, expect, it } from 'vitest';
import { decodeImportBytes } from '../../../src/core/import/decode';
import { parseImportFile } from '../../../src/core/import/parse';
import { planImport } from '../../../src/core/import/plan';
import { ImportError } from '../../../src/core/import/types';
import { contactTable } from './helpers';

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const utf8 = (s: string) => new TextEncoder().encode(s);

function importError(text: string): string {
  try {
    parseImportFile(text);
  } catch (e) {
    if (e instanceof ImportError) return e.message;
    throw e;
  }
  throw new Error('no ImportError');
}

describe('files Ties cannot import', () => {
  it('a file in none of the formats says which formats were tried', () => {
    const message = importError('Name;Phone\nJan;0612345678\n');
    expect(message).toMatch(/^not a file Ties can import\. Tried: LinkedIn Connections\.csv .*Google Contacts CSV .*vCard/);
  });

  it('an empty file, or one of only blank lines and a byte-order mark', () => {
    expect(importError('')).toBe('the file is empty');
    expect(importError('\uFEFF\r\n \n\t\n')).toBe('the file is empty');
    expect(parseImportFile(`${HEADER}\n`).contacts).toEqual([]);
  });

  it('a ZIP archive (LinkedIn sends one) is named as such', () => {
    expect(() => decodeImportBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toThrow(/ZIP archive: unzip it first/);
  });

  it('50 MB on one line is read in linear time and refused with the formats tried', () => {
    const junk = 'x,'.repeat(25 * 1024 * 1024);
    expect(importError(junk)).toMatch(/^not a file Ties can import/);
  });
});

describe('text that is not UTF-8', () => {
  it('UTF-8 with a few damaged bytes keeps its good characters and says how many were replaced', () => {
    const good = utf8(`${HEADER}\nZoë,Çelik,,,Acme,,\nJan,Smit,,,`);
    const bytes = new Uint8Array([...good, 0xff, 0xfe, 0x41, 0x0a]);
    const decoded = decodeImportBytes(bytes);
    expect(decoded.warning).toBe('the file is not valid UTF-8: 2 damaged characters were replaced by "\uFFFD"; check the names that show it');
    expect(contactTable(parseImportFile(decoded.text))[0]).toBe('2 | Zoë Çelik | organisation=Acme');
  });

  it('Windows-1252 (no valid UTF-8 at all) is read as such, with a warning', () => {
    const bytes = new Uint8Array([...utf8(`${HEADER}\nZo`), 0xeb, ...utf8(',Celik,,,Caf'), 0xe9, ...utf8(',,\n')]);
    const decoded = decodeImportBytes(bytes);
    expect(decoded.warning).toBe('the file is not UTF-8; it was read as Windows-1252 (Western European)');
    expect(contactTable(parseImportFile(decoded.text))).toEqual(['2 | Zoë Celik | organisation=Café']);
  });

  it('UTF-16 with a byte-order mark (Outlook, Excel) is read without a warning', () => {
    const text = `${HEADER}\r\nZoë,Çelik,,,Acme,,\r\n`;
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    const decoded = decodeImportBytes(le);
    expect(decoded.warning).toBeNull();
    expect(contactTable(parseImportFile(decoded.text))).toEqual(['2 | Zoë Çelik | organisation=Acme']);
  });
});

describe('broken rows and cards', () => {
  it('a row with 10,000 values is skipped (its values would land in the wrong columns); the others are read', () => {
    const wide = ['Jan', 'Smit', ...Array.from({ length: 9998 }, (_, i) => `v${i}`)].join(',');
    const parsed = parseImportFile(`${HEADER}\n${wide}\nPiet,Jansen,,,Acme,,\nAnna,Bos,,,,,,,\n`);
    expect(parsed.skipped).toEqual([
      { row: 2, why: 'the row has 10000 values but the header has 7 columns (a comma in a value without quotes around it?); it was not read, so that no value lands in the wrong column' },
    ]);
    expect(contactTable(parsed)).toEqual(['3 | Piet Jansen | organisation=Acme', '4 | Anna Bos | ']);
  });

  it('a quote that is never closed skips the row it opens in, and says why', () => {
    const parsed = parseImportFile(`${HEADER}\nPiet,Jansen,,,Acme,,\nJan,"Smit,,,Acme,,\nAnna,Bos,,,,,\n`);
    expect(contactTable(parsed)).toEqual(['2 | Piet Jansen | organisation=Acme']);
    expect(parsed.skipped).toEqual([{ row: 3, why: 'a quote opened in this row is never closed, so the rest of the file runs into it; close the quote and import again' }]);
  });

  it('a vCard without FN or N, and a card the file cuts off, are skipped with their reasons', () => {
    const parsed = parseImportFile('BEGIN:VCARD\nVERSION:3.0\nEMAIL:x@y.z\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Jan\nBEGIN:VCARD\nFN:Piet\nEND:VCARD\nBEGIN:VCARD\nFN:Anna');
    expect(contactTable(parsed)).toEqual(['3 | Piet | ']);
    expect(parsed.skipped).toEqual([
      { row: 1, why: 'the card has no name (no FN or N)' },
      { row: 2, why: 'the card has no END:VCARD (is the file cut off?); it was not read, so that nothing half is imported' },
      { row: 4, why: 'the card has no END:VCARD (is the file cut off?); it was not read, so that nothing half is imported' },
    ]);
    expect(parsed.rows).toBe(4);
  });

  it('lines of a card that are no property are left out, with a warning', () => {
    const parsed = parseImportFile('BEGIN:VCARD\nFN:Jan\nthis is not a property\nTITLE:CTO\nEND:VCARD\n');
    expect(contactTable(parsed)).toEqual(['1 | Jan | role=CTO']);
    expect(parsed.warnings).toEqual([{ row: 1, field: null, message: '1 line of the card could not be read and was left out' }]);
  });

  it('control characters and bidi overrides in a name never reach a file name', () => {
    const plan = planImport(parseImportFile(`${HEADER}\n"Jan\u001b[31m","\u202eSmit\t",,,,,\n`), { people: [], notePaths: [], peopleFolder: 'People' });
    expect(plan.create.map((c) => c.path)).toEqual(['People/Jan 31m Smit.md']);
  });
});

describe('scanners stay linear on hostile lines', () => {
  it.each([
    ['quoted-printable = signs', `BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE:${'=3'.repeat(2_000_000)}\nEND:VCARD\n`],
    ['a value folded over 4 million lines', `BEGIN:VCARD\nFN:Jan\nNOTE:${'\n x'.repeat(4_000_000)}\nEND:VCARD\n`],
    ['parameters with a quote that never closes', `BEGIN:VCARD\nFN:Jan\nEMAIL;TYPE="${';'.repeat(2_000_000)}:x@y.z\nEND:VCARD\n`],
    ['backslashes', `BEGIN:VCARD\nFN:${'\\'.repeat(4_000_000)}\nEND:VCARD\n`],
    ['spaces in a CSV cell', `${HEADER}\nJan,${' '.repeat(4_000_000)}x,,,,,\n`],
  ])('%s', (_label, text) => {
    const started = performance.now();
    const parsed = parseImportFile(text);
    expect(parsed.rows).toBe(1);
    // Not a timing assertion: a quadratic scan of these lines would not finish within the test's timeout.
    expect(performance.now() - started).toBeGreaterThanOrEqual(0);
  });
});
