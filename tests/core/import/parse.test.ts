/** Each format's fixture read into contacts: the quirks of real exports, and non-ASCII names. */
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../src/core/import/parse';
import { contactTable, fixture } from './helpers';

describe('LinkedIn Connections.csv', () => {
  it('finds the header below the Notes preamble (BOM, CRLF), keeps quoted commas and reads Connected On', () => {
    const parsed = fixture('linkedin-connections.csv');
    expect(parsed.format).toBe('linkedin');
    expect(parsed.rows).toBe(6);
    expect(contactTable(parsed)).toEqual([
      '5 | Zoë Çelik | linkedin=https://www.linkedin.com/in/zoe-celik; email=zoe@celik.example; organisation=Acme, Inc.; role=Head of Sales, EMEA; met=2026-02-08',
      '6 | Jürgen Groß | linkedin=https://www.linkedin.com/in/juergen-gross; organisation=Bosch; role=Engineer; met=2024-03-15',
      '7 | Nguyễn Văn An | linkedin=https://www.linkedin.com/in/nguyen-van-an; email=an@example.vn; organisation=Viettel; role=CTO; met=2025-12-01',
      '8 | Anna Jansen | linkedin=https://nl.linkedin.com/in/anna-jansen/; organisation=Acme; role=CFO',
      '9 |  | linkedin=https://www.linkedin.com/in/no-name; organisation=Stealth; role=Founder; met=2026-01-02',
      '10 | Jan: "the boss" de Vries | linkedin=https://www.linkedin.com/in/jdevries; email=jan@devries.example; organisation=De Vries & Zn; role=Owner; met=2023-06-20',
    ]);
    expect(parsed.warnings).toEqual([{ row: 8, field: 'met', message: '"31 Feb 2026" is not a date (LinkedIn writes "08 Feb 2026"); it is left out' }]);
  });

  it('reads older exports without a URL column', () => {
    expect(contactTable(fixture('linkedin-old.csv'))).toEqual([
      '5 | Piet Pietersen | email=piet@example.nl; organisation=Gemeente Utrecht; role=Beleidsmedewerker; met=2019-04-03',
      '6 | Zoë Çelik | email=ZOE@celik.example; organisation=Acme, Inc.; role=Sales; met=2026-02-08',
    ]);
  });
});

describe('CSV from a spreadsheet saved in a European locale', () => {
  it('reads a file separated by semicolons', () => {
    const parsed = parseImportFile('First Name;Last Name;URL;Email Address;Company;Position;Connected On\r\nZoë;Çelik;;;Acme, Inc.;CTO;08 Feb 2026\r\n');
    expect(contactTable(parsed)).toEqual(['2 | Zoë Çelik | organisation=Acme, Inc.; role=CTO; met=2026-02-08']);
  });
});

describe('Google Contacts CSV', () => {
  it('reads the current header: ::: multi-values with the primary first, labels as tags, notes as interests', () => {
    const parsed = fixture('google-contacts.csv');
    expect(parsed.format).toBe('google');
    expect(contactTable(parsed)).toEqual([
      '2 | Zoë Çelik | organisation=Acme, Inc.; department=EMEA; role=Head of Sales; email=zoe@celik.example; phone=+31 6 1234 5678; linkedin=https://www.linkedin.com/in/zoe-celik; birthday=1985-04-12; tags=[Book-club]; interests=[Sailing | Her son Milan]',
      '3 | Jürgen Groß | organisation=Bosch; email=juergen@bosch.example; phone=+49 711 400 40990; birthday=--07-30',
      '4 | Nguyễn Văn An | organisation=Viettel; role=CTO',
      '5 |  | organisation=Stealth BV; email=info@stealth.example',
    ]);
    expect(parsed.contacts[0]!.emails).toEqual(['zoe@celik.example', 'zoe.private@example.com', 'zoe@home.example']);
    expect(parsed.contacts[0]!.related).toEqual([{ name: 'Milan', label: 'child' }]);
  });

  it('reads the legacy header (Given Name, Organization 1 - Name, Group Membership, Hobby)', () => {
    expect(contactTable(fixture('google-legacy.csv'))).toEqual([
      '2 | Jürgen Groß | organisation=Bosch; department=R&D; role=Engineer; email=juergen@bosch.example; phone=0612345678; linkedin=http://linkedin.com/in/juergen-gross; birthday=1970-07-30; tags=[Friends]; interests=[Chess | Running]',
    ]);
  });
});

describe('vCard', () => {
  it('2.1: quoted-printable with soft line breaks and charsets, bare TEL types, PREF first', () => {
    const parsed = fixture('contacts-21.vcf');
    expect(parsed.format).toBe('vcard');
    expect(contactTable(parsed)).toEqual([
      '1 | Jürgen Groß | organisation=Robert Bosch GmbH; department=Forschung & Entwicklung; role=Engineer; email=juergen@bosch.example; phone=+49 171 1234567; interests=[Plays chess | Runs marathons]',
      '2 | Zoë Çelik | phone=020 123 4567',
    ]);
  });

  it('3.0 (Apple): item groups with X-ABLabel, omit-year birthday, escapes, folded NOTE, categories', () => {
    const parsed = fixture('contacts-30.vcf');
    expect(contactTable(parsed)).toEqual([
      '1 | Zoë Çelik | organisation=Acme, Inc.; department=Sales; EMEA; role=Head of Sales; email=zoe.private@example.com; phone=+31 6 1234 5678; birthday=--04-12; linkedin=https://www.linkedin.com/in/zoe-celik; tags=[Book-club | Sailing-friends]; interests=[Met at the Web Summit | Loves sailing, chess and long walks along the river]',
      '2 | Nguyễn Văn An | email=an@example.vn; birthday=1990-02-28',
    ]);
    expect(parsed.contacts[0]!.related).toEqual([{ name: 'Milan', label: 'child' }]);
    expect(parsed.skipped).toEqual([{ row: 3, why: 'the card has no name (no FN or N), only an organisation' }]);
  });

  it('4.0: --MMDD birthdays, PREF=1, tel: URIs, RELATED by UID and as text, X-SOCIALPROFILE', () => {
    const parsed = fixture('contacts-40.vcf');
    expect(contactTable(parsed)).toEqual([
      '1 | Anna Jansen | email=anna@acme.example; phone=+31-6-2222-3333; birthday=--04-12; linkedin=https://www.linkedin.com/in/anna-jansen',
      '2 | Bram Bakker | organisation=Acme; department=Finance; birthday=1980-01-15',
    ]);
    expect(parsed.contacts[0]!.related).toEqual([
      { name: 'Bram Bakker', label: 'colleague' },
      { name: 'Kees', label: 'spouse' },
    ]);
  });
});
