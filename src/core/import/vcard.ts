/**
 * vCard cards → contacts: `FN` (else `N`) is the name; `ORG` gives organisation and department, `TITLE`
 * (else `ROLE`) the role; the preferred `EMAIL` and `TEL` come first; `BDAY` with Apple's year-less form;
 * a LinkedIn `URL` (or Apple's `X-SOCIALPROFILE`); `CATEGORIES` as tags; `NOTE` as interests; `RELATED`
 * and Apple's related names (labelled through their `item1.` group's `X-ABLabel`) as related people.
 */
import { cleanLabel, ContactBuilder } from './contact';
import type { Contact, RowWarning, Skipped } from './types';
import { components, listValues, readCards, textValue, type VCard, type VProperty } from './vcard-read';

export function looksLikeVcard(text: string): boolean {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return text.slice(i, i + 11).toUpperCase() === 'BEGIN:VCARD';
}

function isPreferred(p: VProperty): boolean {
  return (p.params.get('TYPE') ?? []).includes('pref') || (p.params.get('PREF') ?? []).length > 0;
}

/** Preferred values first (`TYPE=pref`, 4.0's `PREF=1`), then the others in the file's order. */
function preferredFirst(props: VProperty[]): VProperty[] {
  return [...props.filter(isPreferred), ...props.filter((p) => !isPreferred(p))];
}

/** `urn:uuid:1234` and `1234` are the same card. */
function uidKey(value: string): string {
  return value.trim().toLowerCase().replace(/^urn:uuid:/, '');
}

function nameOf(card: VCard): string {
  const fn = card.properties.find((p) => p.name === 'FN');
  const full = fn ? textValue(fn).trim() : '';
  if (full !== '') return full;
  const n = card.properties.find((p) => p.name === 'N');
  if (!n) return '';
  // N: family; given; additional; prefix; suffix.
  const [family = '', given = '', additional = ''] = components(n).map((c) => c.replace(/,/g, ' ').trim());
  return [given, additional, family].filter((x) => x !== '').join(' ');
}

export function vcardContacts(text: string, warnings: RowWarning[]): { rows: number; contacts: Contact[]; skipped: Skipped[] } {
  const cards = readCards(text);
  const skipped: Skipped[] = [];
  const contacts: Contact[] = [];
  const names = new Map<string, string>();
  for (const card of cards) {
    const uid = card.properties.find((p) => p.name === 'UID');
    if (uid) names.set(uidKey(textValue(uid)), nameOf(card));
  }

  for (const card of cards) {
    if (!card.complete) {
      skipped.push({ row: card.number, why: 'the card has no END:VCARD (is the file cut off?); it was not read, so that nothing half is imported' });
      continue;
    }
    const name = nameOf(card);
    if (name === '') {
      const org = card.properties.find((p) => p.name === 'ORG');
      skipped.push({ row: card.number, why: org ? 'the card has no name (no FN or N), only an organisation' : 'the card has no name (no FN or N)' });
      continue;
    }
    const c = new ContactBuilder(card.number, name, warnings);
    if (card.unreadLines > 0)
      c.warn(null, `${card.unreadLines} ${card.unreadLines === 1 ? 'line' : 'lines'} of the card could not be read and ${card.unreadLines === 1 ? 'was' : 'were'} left out`);
    const labels = new Map<string, string>();
    for (const p of card.properties) if (p.name === 'X-ABLABEL' && p.group !== null) labels.set(p.group, cleanLabel(textValue(p)));
    const labelOf = (p: VProperty): string | null => {
      const types = (p.params.get('TYPE') ?? []).filter((t) => t !== 'pref' && t !== 'text' && t !== 'uri');
      return (p.group !== null ? labels.get(p.group) : undefined) ?? types[0] ?? null;
    };
    const all = (name: string) => card.properties.filter((p) => p.name === name);

    const org = all('ORG')[0];
    if (org) {
      const [organisation = '', department = ''] = components(org);
      c.text('organisation', organisation);
      c.text('department', department);
    }
    c.text('role', all('TITLE').map(textValue)[0] ?? all('ROLE').map(textValue)[0]);
    c.emails(preferredFirst(all('EMAIL')).map(textValue));
    c.phones(preferredFirst(all('TEL')).map(textValue));
    for (const bday of all('BDAY')) {
      if ((bday.params.get('VALUE') ?? []).some((v) => v.toLowerCase() === 'text')) {
        c.warn('birthday', `the birthday is written as text ("${textValue(bday).trim()}"); it is left out`);
        continue;
      }
      c.birthday(textValue(bday), bday.params.has('X-APPLE-OMIT-YEAR'));
    }
    c.websites([...all('URL'), ...all('X-SOCIALPROFILE')].map(textValue));
    c.tags(all('CATEGORIES').flatMap(listValues));
    for (const note of all('NOTE')) c.note(textValue(note));

    for (const p of all('RELATED')) {
      const value = textValue(p).trim();
      const isText = (p.params.get('VALUE') ?? []).some((v) => v.toLowerCase() === 'text');
      const named = names.get(uidKey(value));
      if (named !== undefined && named !== '') c.relation(named, labelOf(p));
      else if (isText || !/^[a-z][a-z0-9+.-]*:/i.test(value)) c.relation(value, labelOf(p));
    }
    for (const p of all('X-ABRELATEDNAMES')) c.relation(textValue(p), labelOf(p));
    contacts.push(c.contact);
  }
  return { rows: cards.length, contacts, skipped };
}
