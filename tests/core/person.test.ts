import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPersonRecord } from '../../src/core/detect';
import { logParts, parseFavour, parseFollowUp, parseLogLine, parsePerson } from '../../src/core/person';
import { day, person, personRecord, record, settings } from '../builders';

describe('which notes are people', () => {
  it('by type, in any case, also in a list', () => {
    expect(isPersonRecord(record('Notes/A.md', { type: 'Person' }), settings)).toBe(true);
    expect(isPersonRecord(record('Notes/A.md', { Type: ['contact', 'person'] }), settings)).toBe(true);
    expect(isPersonRecord(record('Notes/A.md', { type: 'project' }), settings)).toBe(false);
  });

  it('by tag, nested, with or without #, in frontmatter or body', () => {
    expect(isPersonRecord(record('A.md', { tags: ['person/colleague'] }), settings)).toBe(true);
    expect(isPersonRecord(record('A.md', { tags: '#people' }), settings)).toBe(true);
    expect(isPersonRecord(record('A.md', { tags: 'work, person' }), settings)).toBe(true);
    expect(isPersonRecord(record('A.md', null, { tags: ['People'] }), settings)).toBe(true);
    expect(isPersonRecord(record('A.md', null, { tags: ['personal'] }), settings)).toBe(false);
    expect(isPersonRecord(record('A.md', null, { tags: ['project/person'] }), settings)).toBe(false);
  });

  it('by folder, anywhere under it, and the folder is a setting', () => {
    expect(isPersonRecord(record('People/Clients/Ana.md', null), settings)).toBe(true);
    expect(isPersonRecord(record('people/Ana.md', null), settings)).toBe(true);
    expect(isPersonRecord(record('PeopleOld/Ana.md', null), settings)).toBe(false);
    expect(isPersonRecord(record('Contacts/Ana.md', null), { ...settings, peopleFolder: 'Contacts/' })).toBe(true);
    expect(isPersonRecord(record('People/Ana.md', null), { ...settings, peopleFolder: '' })).toBe(false);
  });

  it('a note whose frontmatter cannot be read is still a person by folder, with an error', () => {
    const p = parsePerson(record('People/Broken.md', null, { frontmatterError: 'broken YAML: bad indentation (line 3)' }), settings);
    expect(p?.diagnostics).toEqual([
      { path: 'People/Broken.md', severity: 'error', field: 'frontmatter', message: 'broken YAML: bad indentation (line 3)' },
    ]);
    expect(parsePerson(record('Notes/Broken.md', null, { frontmatterError: 'x' }), settings)).toBeNull();
  });
});

describe('fields', () => {
  it('reads every field of the table', () => {
    const p = person('Jan', {
      last_contact: '2026-11-01', cadence: '2w', circle: 15, interests: ['sailing', 'daughter Eva'],
      favours: ['2026-03-01 got: an intro to Ana', '2026-04-01 gave: a reference'], follow_ups: ['2026-11-27 how the exam went'],
      birthday: '--11-27', knows: ['[[Piet]]', 'Ana'], introduced_by: '[[Piet]]', organisation: 'Acme', department: 'Finance',
      role: 'CFO', influence: ['decision-maker'], channel: 'phone', email: 'jan@example.com', phone: '+31 6 1234 5678',
      snooze_until: '2026-12-01', archived: false, aliases: ['Jantje'],
    });
    expect(p).toMatchObject({
      name: 'Jan', aliases: ['Jantje'], lastContact: day('2026-11-01'), cadence: 14, cadenceFromCircle: false, circle: 15,
      interests: ['sailing', 'daughter Eva'], birthday: { month: 11, day: 27, year: null }, knows: ['Piet', 'Ana'],
      introducedBy: 'Piet', organisation: 'Acme', department: 'Finance', role: 'CFO', influence: ['decision-maker'],
      channel: 'phone', email: 'jan@example.com', phone: '+31 6 1234 5678', snoozeUntil: day('2026-12-01'), archived: false,
    });
    expect(p.favours).toEqual([
      { day: day('2026-03-01'), kind: 'got', text: 'an intro to Ana' },
      { day: day('2026-04-01'), kind: 'gave', text: 'a reference' },
    ]);
    expect(p.followUps).toEqual([{ day: day('2026-11-27'), text: 'how the exam went', raw: '2026-11-27 how the exam went' }]);
    expect(p.diagnostics).toEqual([]);
  });

  it('accepts camelCase, kebab-case and the synonyms, case-insensitively', () => {
    const p = person('Jan', {
      lastContacted: '2026-11-01', 'follow-ups': ['2026-11-27 ask'], Favors: ['2026-01-01 received: x'],
      Organization: 'Acme', snoozeUntil: '2027-01-01', 'Introduced-By': '[[Piet]]',
    });
    expect(p.lastContact).toBe(day('2026-11-01'));
    expect(p.followUps).toHaveLength(1);
    expect(p.favours[0]?.kind).toBe('got');
    expect(p.organisation).toBe('Acme');
    expect(p.snoozeUntil).toBe(day('2027-01-01'));
    expect(p.introducedBy).toBe('Piet');
    expect(person('Jan', { company: 'Beta BV' }).organisation).toBe('Beta BV');
  });

  it('gives a circle its default cadence when cadence is absent', () => {
    expect(person('A', { circle: 5 })).toMatchObject({ cadence: 7, cadenceFromCircle: true });
    expect(person('A', { circle: '50' })).toMatchObject({ cadence: 90, cadenceFromCircle: true });
    expect(person('A', { circle: 150, cadence: 'monthly' })).toMatchObject({ cadence: 30, cadenceFromCircle: false });
  });

  it('reads YAML dates and unquoted [[links]] as a user means them', () => {
    const p = person('A', { last_contact: new Date(Date.UTC(2026, 10, 20)), knows: [['Piet'], ['Ana']], introduced_by: [['Piet']] });
    expect(p.lastContact).toBe(day('2026-11-20'));
    expect(p.knows).toEqual(['Piet', 'Ana']);
    expect(p.introducedBy).toBe('Piet');
  });

  it('takes a single value where a list is expected', () => {
    const p = person('A', { interests: 'chess', knows: '[[Piet]]', influence: 'Connector', aliases: 'AJ' });
    expect(p).toMatchObject({ interests: ['chess'], knows: ['Piet'], influence: ['connector'], aliases: ['AJ'] });
  });

  it('reads links with aliases, headings and markdown links', () => {
    expect(person('A', { knows: ['[[People/Piet|P]]', '[[Ana#Work]]', '[Bo](People/Bo%20Ek.md)'] }).knows).toEqual(['People/Piet', 'Ana', 'People/Bo Ek']);
  });

  it('reads organisation as text or link', () => {
    expect(person('A', { organisation: '[[Acme Corp]]' })).toMatchObject({ organisation: 'Acme Corp', organisationIsLink: true });
    expect(person('A', { organisation: [['Acme Corp']] })).toMatchObject({ organisation: 'Acme Corp', organisationIsLink: true });
  });

  it('normalises channel synonyms and warns on unknown channels and influence', () => {
    expect(person('A', { channel: 'E-mail' }).channel).toBe('email');
    const p = person('A', { channel: 'pigeon', influence: ['boss', 'gatekeeper'] });
    expect(p.channel).toBe('pigeon');
    expect(p.diagnostics.map((d) => [d.severity, d.field])).toEqual([['warning', 'channel'], ['warning', 'influence']]);
  });
});

describe('wrong types give an error naming note and field, and the rest is still read', () => {
  it.each([
    ['last_contact', 'yesterday', /expected a date as YYYY-MM-DD, found "yesterday"/],
    ['cadence', 'often', /expected a duration .* found "often"/],
    ['circle', 7, /expected 5, 15, 50 or 150, found "7"/],
    ['birthday', 'in May', /expected YYYY-MM-DD or --MM-DD/],
    ['snooze_until', 'next week', /expected a date/],
    ['archived', 'perhaps', /expected true or false/],
    ['role', { a: 1 }, /expected text, found a set of keys/],
    ['knows', [42], /expected a link/],
    ['follow_ups', ['ask about the exam'], /expected "YYYY-MM-DD what/],
    ['favours', ['2026-01-01 helped: moving'], /expected "YYYY-MM-DD gave: what" or "YYYY-MM-DD got: what"/],
    ['interests', [{ a: 1, b: 2 }], /expected a list of text/],
  ])('%s: %j', (field, value, message) => {
    const p = person('Jan', { [field]: value, email: 'jan@example.com', cadence: field === 'cadence' ? value : '2w' });
    const errors = p.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'People/Jan.md', field });
    expect(errors[0]!.message).toMatch(message);
    expect(p.email).toBe('jan@example.com');
  });

  it('a list where text is expected is joined, with a warning', () => {
    const p = person('A', { role: ['CTO', 'co-founder'] });
    expect(p.role).toBe('CTO, co-founder');
    expect(p.diagnostics).toMatchObject([{ severity: 'warning', field: 'role' }]);
  });

  it('keeps the good favours and follow-ups next to a bad one', () => {
    const p = person('A', { favours: ['2026-01-01 got: x', 'lunch', '2026-02-01 gave: y'], follow_ups: ['2026-11-01 a', 12] });
    expect(p.favours).toHaveLength(2);
    expect(p.followUps).toHaveLength(1);
    expect(p.diagnostics.filter((d) => d.severity === 'error').map((d) => d.field)).toEqual(['favours', 'follow_ups']);
  });

  it('warns about a phone number YAML read as a number', () => {
    const p = person('A', { phone: 612345678 });
    expect(p.phone).toBe('612345678');
    expect(p.diagnostics[0]).toMatchObject({ severity: 'warning', field: 'phone' });
  });

  it('warns when a field is written twice in different spellings', () => {
    const p = person('A', { last_contact: '2026-01-01', lastContact: '2026-02-02' });
    expect(p.lastContact).toBe(day('2026-01-01'));
    expect(p.diagnostics[0]).toMatchObject({ severity: 'warning', field: 'last_contact' });
  });

  it('empty values are absent, not errors', () => {
    const p = person('A', { last_contact: null, cadence: '', interests: [], knows: null, birthday: undefined });
    expect(p.diagnostics).toEqual([]);
    expect(p.lastContact).toBeNull();
  });

  it('never throws on arbitrary frontmatter', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('last_contact', 'cadence', 'circle', 'interests', 'favours', 'follow_ups', 'birthday', 'knows', 'introduced_by', 'organisation', 'role', 'influence', 'channel', 'phone', 'snooze_until', 'archived', 'aliases', 'other'), fc.anything()), (fm) => {
        const p = parsePerson(personRecord('X', fm), settings)!;
        for (const d of p.diagnostics) expect(d.path).toBe('People/X.md');
      }),
    );
  });
});

describe('grammar of ledger lines', () => {
  it('favours', () => {
    expect(parseFavour('2026-03-01 gave: a reference')?.favour).toEqual({ day: day('2026-03-01'), kind: 'gave', text: 'a reference' });
    expect(parseFavour('2026-03-01 Received: tickets')?.favour.kind).toBe('got');
    expect(parseFavour('2026-03-01 given : x')?.favour.kind).toBe('gave');
    expect(parseFavour('got: undated')?.favour).toEqual({ day: null, kind: 'got', text: 'undated' });
    expect(parseFavour('2026-03-01 helped: x')).toBeNull();
    expect(parseFavour('2026-03-01 gavel: x')).toBeNull();
  });

  it('favours (v1.1): a time part is ignored, the colon may be left out, a map is read back with its colon', () => {
    const got = { day: day('2026-03-19'), kind: 'got', text: 'an intro to Ana' };
    for (const line of [
      '2026-03-19 got: an intro to Ana', '2026-03-19T10:00 got: an intro to Ana', '2026-03-19 10:00 got an intro to Ana',
      '2026-03-19 got an intro to Ana', '2026-03-19: got an intro to Ana', '2026-03-19T10:00:00+01:00 Got : an intro to Ana',
    ])
      expect(parseFavour(line)?.favour, line).toEqual(got);
    expect(parseFavour('2026-03-19 gave')?.favour).toEqual({ day: day('2026-03-19'), kind: 'gave', text: '' });
    expect(parseFavour('2026-02-30 got: x')).toBeNull();
  });

  it('follow-ups', () => {
    expect(parseFollowUp('2026-11-27 ask how the exam went')?.text).toBe('ask how the exam went');
    expect(parseFollowUp('2026-11-27: ask')?.text).toBe('ask');
    expect(parseFollowUp('soon: ask')).toBeNull();
  });

  it('follow-ups (v1.1): a time part is ignored; a bare date is a follow-up without words; no impossible dates', () => {
    expect(parseFollowUp('2026-11-27T09:30 ask about the exam')).toMatchObject({ day: day('2026-11-27'), text: 'ask about the exam' });
    expect(parseFollowUp('2026-11-27 09:30: ask')).toMatchObject({ day: day('2026-11-27'), text: 'ask' });
    expect(parseFollowUp('2026-11-27')).toMatchObject({ day: day('2026-11-27'), text: '' });
    expect(parseFollowUp('2026-02-30 ask')).toBeNull();
  });

  it('log lines with and without a channel', () => {
    expect(parseLogLine('2026-11-20 call: asked about the reorganisation', 3)).toEqual({
      day: day('2026-11-20'), line: 3, raw: '2026-11-20 call: asked about the reorganisation',
    });
    expect(logParts('2026-11-20 call: asked about the reorganisation')).toEqual({ channel: 'phone', text: 'asked about the reorganisation' });
    expect(logParts('2026-11-20 lunch at the canteen')).toEqual({ channel: null, text: 'lunch at the canteen' });
    expect(logParts('2026-11-20 in person: coffee')).toEqual({ channel: 'in-person', text: 'coffee' });
    expect(logParts('2026-11-20 — we talked: a lot')).toEqual({ channel: null, text: 'we talked: a lot' });
    expect(logParts('2026-11-20 Signal: quick check-in')).toEqual({ channel: 'chat', text: 'quick check-in' });
    expect(parseLogLine('met on 2026-11-20', 0)).toBeNull();
  });
});

describe('the body interaction log', () => {
  it('takes dated list items under Log or Interactions only', () => {
    const rec = personRecord('A', {}, {
      listItems: [
        { line: 5, text: '2026-11-20 call: reorg', heading: 'Log', task: null },
        { line: 6, text: 'no date here', heading: 'Log', task: null },
        { line: 9, text: '2026-10-01 email: offer', heading: 'interactions', task: null },
        { line: 12, text: '2026-09-01 not a contact', heading: 'Ideas', task: null },
        { line: 13, text: '2026-09-02 neither', heading: null, task: null },
      ],
    });
    const p = parsePerson(rec, settings)!;
    expect(p.log.map((e) => [e.line, logParts(e.raw).channel])).toEqual([[5, 'phone'], [9, 'email']]);
    expect(parsePerson(rec, { ...settings, logHeadings: ['Ideas'] })!.log.map((e) => e.line)).toEqual([12]);
  });
});

describe('the body interaction log (v1.1)', () => {
  const item = (line: number, text: string, headings: string[], task: string | null = null) =>
    ({ line, text, heading: headings.at(-1) ?? null, headings, task });

  it('runs to the next heading of the same or a higher level: sub-headings stay inside', () => {
    const p = person('A', {}, {
      listItems: [
        item(3, '2026-11-20 call', ['Log']),
        item(5, '2026-10-01 email', ['Log', '2026']),
        item(7, '2025-10-01 lunch', ['Log', '2025', 'Autumn']),
        item(9, '2026-09-01 not a contact', ['Ideas']),
      ],
    });
    expect(p.log.map((e) => e.line)).toEqual([3, 5, 7]);
  });

  it('counts a heading with a closing colon, in any case', () => {
    const p = person('A', {}, { listItems: [item(1, '2026-11-20 call', ['LOG:']), item(2, '2026-11-21 call', ['interactions :'])] });
    expect(p.log).toHaveLength(2);
  });

  it('reads a date written as a link or in bold', () => {
    const p = person('A', {}, {
      listItems: [
        item(1, '[[2026-11-20]] call: a', ['Log']), item(2, '**2026-11-21** email: b', ['Log']),
        item(3, '[[Daily/2026-11-22|Sunday]] lunch', ['Log']), item(4, '__2026-11-23__ video', ['Log']),
        item(5, '[[2026-11-24 Sync]] not a date link', ['Log']), item(6, '**2026-11-25 bold without end', ['Log']),
      ],
    });
    expect(p.log.map((e) => [e.line, logParts(e.raw)])).toEqual([
      [1, { channel: 'phone', text: 'a' }], [2, { channel: 'email', text: 'b' }], [3, { channel: null, text: 'lunch' }],
      [4, { channel: null, text: 'video' }],
    ]);
  });

  it('takes an open task for a plan, not a contact; done tasks count', () => {
    const p = person('A', {}, {
      listItems: [item(1, '2026-11-20 call', ['Log'], ' '), item(2, '2026-11-21 call', ['Log'], 'x'), item(3, '2026-11-22 call', ['Log'])],
    });
    expect(p.log.map((e) => e.line)).toEqual([2, 3]);
  });

  it('warns about a log item whose date does not exist, and does not count it', () => {
    const p = person('A', {}, { listItems: [item(4, '2026-02-30 call', ['Log']), item(5, '[[0026-11-20]] call', ['Log'])] });
    expect(p.log).toEqual([]);
    expect(p.diagnostics).toEqual([
      { path: 'People/A.md', severity: 'warning', field: 'log', message: 'log item on line 5 is dated "2026-02-30" (that day does not exist); it is not counted as a contact' },
      { path: 'People/A.md', severity: 'warning', field: 'log', message: 'log item on line 6 is dated "0026-11-20" (the year must lie between 1900 and 2200); it is not counted as a contact' },
    ]);
  });
});

describe('dates as written (v1.1)', () => {
  it('is an error for a day that does not exist or a year outside 1900–2200, never another day', () => {
    for (const [value, reason] of [
      ['2026-02-30', 'that day does not exist'], ['0026-11-20', 'the year must lie between 1900 and 2200'],
      ['2026-11-20T25:61:61', 'the time after the date is not a time of day'],
    ]) {
      const p = person('A', { last_contact: value });
      expect(p.lastContact).toBeNull();
      expect(p.diagnostics).toEqual([
        { path: 'People/A.md', severity: 'error', field: 'last_contact', message: `expected a date as YYYY-MM-DD, found "${value}" (${reason})` },
      ]);
    }
    expect(person('A', { last_contact: '2026-11-20T23:30:00-05:00' }).lastContact).toBe(day('2026-11-20'));
  });

  it('is an error for a cadence below one day, like 0', () => {
    for (const cadence of [0, 0.4, '0.4', 'PT12H', '0.4d']) {
      const p = person('A', { cadence });
      expect(p.cadence).toBeNull();
      expect(p.diagnostics[0]).toMatchObject({ severity: 'error', field: 'cadence' });
      expect(p.diagnostics[0]!.message).toMatch(/at least one day/);
    }
  });
});

describe('messages quote at most about 80 characters of a value, with control characters escaped', () => {
  it('cuts a 10 MB value and says how long it was', () => {
    const p = person('A', { cadence: 'x'.repeat(10_000_000), channel: 'y'.repeat(5_000_000) });
    expect(p.diagnostics).toHaveLength(2);
    for (const d of p.diagnostics) expect(d.message.length).toBeLessThan(300);
    expect(p.diagnostics[0]!.message).toContain(`"${'x'.repeat(80)}…" (10,000,000 characters)`);
  });

  it('escapes control characters instead of passing them on', () => {
    const p = person('A', { channel: 'pigeon\u001b]0;pwned\u0007\r\nnext', influence: ['boss\u202e'] });
    const messages = p.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('"pigeon\\u001b]0;pwned\\u0007\\r\\nnext"');
    expect(messages).toContain('"boss\\u202e"');
    // eslint-disable-next-line no-control-regex -- the test looks for raw control characters in the messages
    expect(messages.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});

describe('lists written as one string (v1.1)', () => {
  it('reads every link of a knows text, and every value of an influence text', () => {
    const p = person('A', { knows: '[[Ben]], [[Cas|C]]', influence: 'decision-maker, Connector', introduced_by: '[[Dan]] at work' });
    expect(p.knows).toEqual(['Ben', 'Cas']);
    expect(p.influence).toEqual(['decision-maker', 'connector']);
    expect(p.introducedBy).toBe('Dan');
    expect(p.diagnostics).toEqual([]);
    expect(person('A', { knows: ['[[Ben]] [[Cas]]', 'Dan'] }).knows).toEqual(['Ben', 'Cas', 'Dan']);
  });
});

describe('unquoted list items with a colon', () => {
  it('reads YAML one-key maps back as the line the user typed', () => {
    // `- 2026-02-01 got: an intro` in YAML is { '2026-02-01 got': 'an intro' }
    const p = person('A', {
      favours: [{ '2026-02-01 got': 'an intro' }, { 'gave': new Date(Date.UTC(2026, 0, 1)) }],
      follow_ups: [{ '2026-11-27 ask': 'how the exam went' }],
      interests: [{ kids: 'Eva and Tom' }],
    });
    expect(p.favours).toEqual([{ day: day('2026-02-01'), kind: 'got', text: 'an intro' }, { day: null, kind: 'gave', text: '2026-01-01' }]);
    expect(p.followUps[0]?.text).toBe('ask: how the exam went');
    expect(p.interests).toEqual(['kids: Eva and Tom']);
    expect(p.diagnostics).toEqual([]);
  });

  it('reads `- 2026-11-20: ask …` (a map whose key is the date) and a bare date as typed', () => {
    const p = person('A', {
      follow_ups: [{ '2026-11-20': 'ask about the move' }, '2026-11-21', { '2026-11-22T10:00 ask': 'x' }],
      favours: [{ '2026-03-19T10:00 got': 'a lift' }, { '2026-03-20': 'gave a book' }],
    });
    expect(p.followUps.map((f) => [f.day, f.text])).toEqual([
      [day('2026-11-20'), 'ask about the move'], [day('2026-11-21'), ''], [day('2026-11-22'), 'ask: x'],
    ]);
    expect(p.favours).toEqual([
      { day: day('2026-03-19'), kind: 'got', text: 'a lift' }, { day: day('2026-03-20'), kind: 'gave', text: 'a book' },
    ]);
    expect(p.diagnostics).toEqual([]);
  });
});

describe('tags and body links', () => {
  it('keeps frontmatter and inline tags, and the targets the body links to, each once', () => {
    const p = person('A', { tags: ['person/client', 'golf'] }, {
      tags: ['golf', 'met/2026'],
      links: [{ target: 'Piet', line: 3, task: null }, { target: 'Piet', line: 5, task: ' ' }, { target: 'Ana', line: 6, task: null }],
    });
    expect(p.tags).toEqual(['person/client', 'golf', 'met/2026']);
    expect(p.bodyLinks).toEqual(['Piet', 'Ana']);
  });
});
