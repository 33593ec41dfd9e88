/** vCard 4.0 export: the card of a person, escaping, folding at 75 octets, archived people left out. */
import { describe, expect, it } from 'vitest';
import { exportVCards, foldLine, personCard } from '../../../src/core/import/vcard-write';
import { person } from '../../builders';

describe('personCard', () => {
  it('writes every exported field, escaped, with CRLF line breaks', () => {
    const zoe = person('Zoë Çelik', {
      organisation: 'Acme, Inc.', department: 'Sales; EMEA', role: 'Head of Sales', email: 'zoe@celik.example, zoe@home.example',
      phone: '+31 6 1234 5678', birthday: '--04-12', linkedin: 'https://www.linkedin.com/in/zoe-celik', tags: ['person/client', 'Book-club'],
      interests: ['sailing', 'son Milan, 7'],
    });
    expect(personCard(zoe).split('\r\n')).toEqual([
      'BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//Ties//Ties export//EN', 'FN:Zoë Çelik', 'N:Çelik;Zoë;;;', 'ORG:Acme\\, Inc.;Sales\\; EMEA',
      'TITLE:Head of Sales', 'EMAIL:zoe@celik.example', 'EMAIL:zoe@home.example', 'TEL;VALUE=text:+31 6 1234 5678', 'BDAY:--0412',
      'URL:https://www.linkedin.com/in/zoe-celik', 'CATEGORIES:person/client,Book-club', 'NOTE:sailing\\nson Milan\\, 7', 'END:VCARD', '',
    ]);
  });

  it('writes a birthday with a year in the basic format, and only the fields a person has', () => {
    expect(personCard(person('Jan', { birthday: '1985-04-12', organisation: '[[Acme]]' })).split('\r\n')).toEqual([
      'BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//Ties//Ties export//EN', 'FN:Jan', 'N:;Jan;;;', 'ORG:Acme', 'BDAY:19850412', 'END:VCARD', '',
    ]);
  });
});

describe('foldLine', () => {
  it('keeps every physical line within 75 octets and never cuts a character, and unfolds to the line', () => {
    const line = 'NOTE:' + 'Zoë Çelik 🚀 Nguyễn Văn An, '.repeat(20);
    const folded = foldLine(line);
    const physical = folded.split('\r\n').slice(0, -1);
    expect(physical.length).toBeGreaterThan(5);
    for (const l of physical) {
      expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
      expect(l).not.toMatch(/\uFFFD/);
    }
    expect(physical.every((l, i) => i === 0 || l.startsWith(' '))).toBe(true);
    expect(physical.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
    expect(Buffer.byteLength(physical[0]!, 'utf8')).toBeGreaterThan(70);
  });

  it('leaves a short line as it is', () => {
    expect(foldLine('FN:Jan')).toBe('FN:Jan\r\n');
  });
});

describe('exportVCards', () => {
  it('exports every person who is not archived, in the order given', () => {
    const { text, count } = exportVCards([person('Anna'), person('Bram', { archived: true }), person('Carla')]);
    expect(count).toBe(2);
    expect(text.match(/^FN:.*$/gm)).toEqual(['FN:Anna', 'FN:Carla']);
  });
});
