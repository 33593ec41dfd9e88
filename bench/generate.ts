/**
 * A synthetic vault for benchmarks and scale tests: person notes in the format v1 with realistic field
 * frequencies, daily notes that mention people, and ordinary notes (organisations, projects, meetings,
 * reading notes) that are not people. Deterministic: the same options give the same files, byte for byte
 * (a seeded PRNG; no Math.random, no clock).
 *
 *     import { generateVault, writeVault } from './generate';
 *     const files = generateVault({ people: 1000, notes: 5000, seed: 7 });   // Map: vault path -> text
 *
 *     npx tsx bench/generate-cli.ts DIR --people 10000 --notes 40000 [--seed 1] [--today 2026-11-24]
 *
 * `people` person notes, all under `People/` (a few subfolders), plus `notes` other notes: daily notes
 * (one per day back from `today`, at most `dailyDays`: the last year in `Daily/YYYY-MM-DD.md`, older ones in
 * `Journal/YYYY/MM/DD.md`, the folder and format `.obsidian/daily-notes.json` names) and ordinary notes. About
 * a fifth of the other notes are meeting notes (date-prefixed names, or a `date` and `attendees`) or hold an
 * open task that links a person (format v1.1's capture), dated or to raise next time.
 * The map also holds `.obsidian/daily-notes.json` when there are journal notes; every other path is a note.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface GenerateOptions {
  /** Number of person notes. */
  people: number;
  /** Number of other notes: daily notes plus ordinary notes. */
  notes: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** The vault's "today", `YYYY-MM-DD`; default 2026-11-24. Nothing is dated after it except follow-ups, snoozes and a few plans. */
  today?: string;
  /** Most daily notes to write (one per day going back from today); default 3 years. At most 40% of `notes` are daily notes. */
  dailyDays?: number;
}

// ---------------------------------------------------------------------------------------------- PRNG

/** sfc32: small, fast, good enough for test data; seeded through splitmix32. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.float();
  }
  /** [0, 1) */
  float(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.float() * xs.length)]!;
  }
  /** Exponentially distributed integer with this mean. */
  exp(mean: number): number {
    return Math.floor(-Math.log(1 - this.float()) * mean);
  }
}

// ---------------------------------------------------------------------------------------------- pools

const FIRST = (
  'Jan Piet Kees Henk Sanne Lotte Emma Noor Julia Sophie Fleur Anouk Eline Femke Lieke Iris Mila Tess Saar Roos ' +
  'Daan Sem Lucas Levi Finn Milan Jesse Thijs Bram Ruben Stijn Joost Maarten Pieter Wouter Jasper Rik Tom Bas Niels ' +
  'Marieke Hanneke Ingrid Mirjam Esther Annemiek Petra Linda Monique Yvonne Karin Ellen Marloes Judith Inge Wendy ' +
  'Gerrit Evert Wim Hans Frank Erik Marco Martijn Dennis Jeroen Sander Vincent Arjen Remco Gijs Koen Tim Lars ' +
  'Fatima Aylin Yusuf Mohamed Ahmed Priya Anika Rahul Chen Wei Mei Hiroshi Sofia Isabel Giulia Marta Olga Anna ' +
  'Daniel Kofi Amara Chidi Zainab Omar Layla Samir Nadia Elif Emre Mehmet Burak Ines Pedro Joao Carlos Lucia Elena ' +
  'Magnus Astrid Sven Lukas Jonas Hannah Clara Felix Paul Marie Claire Julien Camille Mateo Diego Ana'
).split(' ');
const LAST = (
  'de Vries|Jansen|de Jong|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|' +
  'Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|' +
  'van den Heuvel|van der Veen|van den Berg|van Dijk|Schouten|Hoekstra|Koster|Prins|Willems|Kuipers|Scholten|' +
  'Verhoeven|Groen|Post|Evers|Hoogland|Blom|Maas|Vink|Sanders|van Wijk|Verbeek|Huisman|Timmermans|Kramer|' +
  'El Amrani|Benali|Yılmaz|Kaya|Demir|Öztürk|Haddad|Raghunathan|Patel|Sharma|Wei|Chen|Tanaka|Nguyen|Okafor|' +
  'Mensah|Rossi|Bianchi|Martins|Silva|Santos|García|López|Petrova|Kowalski|Nowak|Nielsen|Hansen|Larsen|' +
  'Müller|Schmidt|Fischer|Weber|Laurent|Dubois|Moreau|Peeters|Janssens|Claes|Murphy|Smith|Brown|Taylor|Wilson'
).split('|');
const ORG_HEAD = (
  'Noord Zuid Oost West Rijn Maas Delta Polder Haven Kust Duin Veld Stad Brug Dijk Lage Hoge Oranje Blauw Groen ' +
  'Data Cloud Route Fresh Smart Prime Nova Vita Terra Aqua Solar Flex Nexus Vector Quantum Atlas Orion Zenit'
).split(' ');
const ORG_TAIL = [
  'Logistiek', 'Retail', 'Transport', 'Verzekeringen', 'Bank', 'Energie', 'Zorg', 'Bouw', 'Media', 'Consulting',
  'Software', 'Analytics', 'Foods', 'Shipping', 'Advocaten', 'Accountants', 'Gemeente', 'Hogeschool', 'Labs',
  'Systems', 'Group', 'B.V.', 'Partners', 'Digital',
];
const DEPARTMENTS = ['IT', 'Finance', 'HR', 'Sales', 'Marketing', 'Operations', 'Legal', 'Procurement', 'Directie', 'Secretariaat', 'Customer service', 'Data & Analytics', 'Logistics', 'R&D'];
const ROLES = [
  'Data analyst', 'Data engineer', 'Team lead', 'Head of IT', 'Business controller', 'HR business partner',
  'Sales manager', 'Account manager', 'Office manager', 'Managing director', 'Financial director', 'Product owner',
  'Software engineer', 'IT architect', 'Consultant', 'Recruiter', 'Project manager', 'Buyer', 'Warehouse manager',
  'Marketing manager', 'CTO', 'CEO', 'Researcher', 'Lecturer', 'Policy advisor', 'Scrum master', 'Data scientist',
];
const INTEREST_POOL = [
  'cycling', 'running', 'sailing', 'golf', 'padel', 'tennis', 'bouldering', 'chess', 'board games', 'photography',
  'gardening', 'cooking', 'sourdough', 'jazz', 'plays guitar', 'sings in a choir', 'Formula 1', 'Ajax', 'Feyenoord',
  'PSV', 'football coach of the under-12s', 'marathon training', 'triathlon', 'kitesurfing', 'horse riding',
  'model railways', 'vintage cars', 'reading crime novels', 'podcasts on history', 'learning Spanish', 'learning Dutch',
  'open data', 'data governance', 'machine learning', 'forecasting', 'dbt', 'Power BI', 'Rust', 'energy transition',
  'sustainability reporting', 'leadership', 'mentoring juniors', 'writing a book', 'volunteers at the food bank',
];
const CHILD_NAMES = ['Mila', 'Sem', 'Yusuf', 'Lieke', 'Floor', 'Noah', 'Luuk', 'Olivia', 'Anika', 'Giulia', 'Tobi', 'Roos', 'Finn', 'Zoë', 'Daan', 'Nora'];
const CHILD_EVENTS = ['swimming diploma', 'piano exam', 'driving test', 'final exams', 'first day at school', 'football tournament', 'graduation', 'move to a student room'];
const INFLUENCES = ['decision-maker', 'influencer', 'gatekeeper', 'confidant', 'connector'];
const CHANNELS = ['email', 'phone', 'video', 'in-person', 'chat', 'letter', 'mail', 'call', 'whatsapp', 'teams'];
/** Cadences as people write them, with their length in days. */
const CADENCES: readonly (readonly [string, number])[] = [
  ['7', 7], ['10d', 10], ['2w', 14], ['2 weeks', 14], ['every 3 weeks', 21], ['1 month', 30], ['monthly', 30],
  ['maandelijks', 30], ['6w', 42], ['2 months', 60], ['quarterly', 90], ['P3M', 90], ['P6M', 180],
  ['half-yearly', 182], ['yearly', 365],
];
const JOINABLE = new Set(['Logistiek', 'Transport', 'Software', 'Analytics', 'Foods', 'Shipping', 'Labs', 'Systems', 'Digital', 'Media', 'Energie', 'Bank']);
const CITIES = ['Utrecht', 'Amersfoort', 'Zwolle', 'Nieuwegein', 'Venlo', 'Eindhoven', 'Groningen', 'Leiden', 'Delft', 'Breda', 'Arnhem', 'Tilburg'];
const CIRCLES = [5, 15, 15, 50, 50, 50, 150, 150, 150, 150];
const PERSON_TAGS = ['colleague', 'client', 'supplier', 'network', 'classmate', 'friend', 'mentor'];
const LOG_CHANNELS = ['call', 'mail', 'coffee', 'lunch', 'video', 'in-person', 'chat', 'meeting', 'teams'];
const LOG_TOPICS = [
  'asked about the reorganisation', 'talked about the budget for next year', 'caught up after the holidays',
  'discussed the data platform', 'shared the new dashboard', 'asked for advice on hiring', 'quarterly check-in',
  'introduced a colleague', 'prepared the client pitch', 'talked about her new role', 'talked about his new role',
  'feedback on the proposal', 'the contract renewal', 'the delivery-time figures', 'plans for the conference',
  'congratulated on the promotion', 'a walk around the warehouse', 'their move to the cloud', 'the audit findings',
];
const FAVOURS = [
  'an introduction to a recruiter', 'reviewed my proposal', 'a ticket for the conference', 'shared a dataset',
  'a reference for the tender', 'covered the stand-up', 'explained the cost-centre structure', 'a guest lecture',
  'feedback on the CV', 'lent the test scanners', 'a quick SQL query for the board pack', 'a lift to Utrecht',
];
const FOLLOW_UPS = ['ask how the exam went', 'send the slides', 'ask about the reorganisation', 'share the article', 'ask whether the board approved the plan', 'check in after the holiday', 'send the API docs', 'ask how the move went'];
const WORDS = (
  'data platform migration budget planning warehouse route shipment client supplier contract forecast dashboard ' +
  'model pipeline quality owner steering committee decision risk milestone sprint backlog review retrospective ' +
  'stakeholder meeting agenda action point follow-up cost margin volume lane store delivery reliability capacity ' +
  'team lead hiring onboarding training feedback goal objective quarter roadmap architecture security access audit ' +
  'report figure trend chart table query view schema source target load nightly incident change release test ' +
  'the a of to and in for with on by from about that this we they it is was will should could might next last'
).split(' ');
const NOTE_TAGS = ['project', 'meeting', 'reading', 'idea', 'area/work', 'area/home', 'todo', 'book', 'howto', 'journal', 'draft', 'review'];
const NOTE_KINDS = [
  { folder: 'Projects', weight: 0.22 },
  { folder: 'Meetings', weight: 0.12 },
  { folder: 'Reading', weight: 0.18 },
  { folder: 'Notes', weight: 0.48 },
];
/** Where daily notes older than a year go, and the format the vault's daily-notes settings give them. */
export const JOURNAL_CONFIG = { folder: 'Journal', format: 'YYYY/MM/DD' } as const;
const TASK_VERBS = ['ask', 'call', 'send', 'thank', 'introduce', 'check with'];
const PEOPLE_FOLDERS = ['People', 'People', 'People', 'People', 'People', 'People/Work', 'People/Work', 'People/Clients', 'People/Network', 'People/Family & friends'];

// ---------------------------------------------------------------------------------------------- days

const MS_PER_DAY = 86_400_000;

function dayOf(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`expected a date as YYYY-MM-DD, found "${s}"`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats days near `today` from a table (the generator formats a lot of dates). */
class DayFormatter {
  private readonly from: number;
  private readonly table: string[] = [];
  constructor(today: number, back: number, ahead: number) {
    this.from = today - back;
    for (let d = this.from; d <= today + ahead; d++) this.table.push(this.slow(d));
  }
  private slow(day: number): string {
    const t = new Date(day * MS_PER_DAY);
    return `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}`;
  }
  format(day: number): string {
    return this.table[day - this.from] ?? this.slow(day);
  }
}

// ---------------------------------------------------------------------------------------------- YAML

const PLAIN = /^[\p{L}0-9][\p{L}0-9 .,'()/&+-]*$/u;
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/** A YAML scalar: plain when that reads back as the same string, double-quoted otherwise. */
function yq(s: string): string {
  if (PLAIN.test(s) && !RESERVED.test(s) && !/^[\d.+-]+$/.test(s) && !s.endsWith(' ')) return s;
  return JSON.stringify(s);
}

function yamlList(key: string, items: readonly string[], out: string[]): void {
  out.push(`${key}:`);
  for (const i of items) out.push(`  - ${yq(i)}`);
}

// ---------------------------------------------------------------------------------------------- people

interface Person {
  name: string;
  folder: string;
  org: number; // -1 for none
  active: boolean;
}

function uniqueNames(rng: Rng, n: number): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    // a few fresh draws before falling back to a counter: "Jan de Vries 2" only when the pools run thin
    let base = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    for (let t = 0; t < 6 && used.has(base.toLowerCase()); t++) base = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base} ${k}`;
    used.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

function organisations(rng: Rng, n: number): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const draw = (): string => {
      const tail = rng.pick(ORG_TAIL);
      if (tail === 'Gemeente' || tail === 'Hogeschool') return `${tail} ${rng.pick(CITIES)}`;
      return `${rng.pick(ORG_HEAD)}${JOINABLE.has(tail) && rng.chance(0.3) ? '' : ' '}${tail}`;
    };
    let base = draw();
    for (let t = 0; t < 6 && used.has(base); t++) base = draw();
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base} ${k}`;
    used.add(name);
    out.push(name);
  }
  return out;
}

function personNote(
  rng: Rng, p: Person, index: number, people: readonly Person[], orgs: readonly string[], members: readonly number[][],
  fmt: DayFormatter, today: number,
): string {
  const fm: string[] = ['---'];
  const org = p.org >= 0 ? orgs[p.org]! : null;
  const first = p.name.split(' ')[0]!;

  if (rng.chance(0.05)) fm.push(`aliases: [${yq(first)}]`);
  if (rng.chance(0.4)) fm.push(`tags: [${rng.pick(PERSON_TAGS)}]`);
  if (org !== null) {
    const key = rng.chance(0.9) ? 'organisation' : rng.pick(['organization', 'company']);
    fm.push(`${key}: ${rng.chance(0.15) ? JSON.stringify(`[[${org}]]`) : yq(org)}`);
  }
  if (rng.chance(0.5)) fm.push(`department: ${yq(rng.pick(DEPARTMENTS))}`);
  if (rng.chance(0.7)) fm.push(`role: ${yq(rng.pick(ROLES))}`);
  if (rng.chance(0.2)) {
    const a = rng.pick(INFLUENCES), b = rng.pick(INFLUENCES);
    fm.push(`influence: [${a === b ? a : `${a}, ${b}`}]`);
  }

  // ~60% keep a rhythm: a circle, a cadence or both
  let cadenceDays: number | null = null;
  if (p.active) {
    const r = rng.float();
    if (r < 0.7) {
      const c = rng.pick(CIRCLES);
      fm.push(`circle: ${c}`);
      cadenceDays = c === 5 ? 7 : c === 15 ? 30 : c === 50 ? 90 : 365;
    }
    if (r >= 0.5) {
      const [c, days] = rng.pick(CADENCES);
      fm.push(`cadence: ${yq(c)}`);
      cadenceDays = days;
    }
  }
  if (rng.chance(0.5)) {
    const ch = rng.pick(CHANNELS);
    fm.push(`channel: ${ch}`);
  }
  const slug = p.name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').trim().replace(/ +/g, '.');
  if (rng.chance(0.4)) fm.push(`email: ${slug}@example.com`);
  if (rng.chance(0.25)) fm.push(`phone: "+31 6 ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}"`);
  if (rng.chance(0.3)) {
    const y = rng.int(1955, 2003), m = rng.int(1, 12);
    const dim = m === 2 ? (y % 4 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
    const d = rng.int(1, dim);
    fm.push(rng.chance(0.2) ? `birthday: "--${two(m)}-${two(d)}"` : `birthday: ${y}-${two(m)}-${two(d)}`);
  }

  // contacts: the newest is recent for active people, long ago for the rest
  const logCount = Math.floor(rng.float() ** 2 * 21);
  const newest = today - Math.min(rng.exp(p.active ? (cadenceDays ?? 90) * 0.9 : 420), 3 * 365);
  if (rng.chance(0.5)) {
    const key = rng.chance(0.9) ? 'last_contact' : rng.pick(['lastContact', 'last-contact', 'last_contacted']);
    fm.push(`${key}: ${fmt.format(newest - (logCount > 0 ? rng.int(0, 10) : 0))}`);
  }

  if (rng.chance(0.5)) {
    const items: string[] = [];
    const n = rng.int(1, 4);
    for (let i = 0; i < n; i++)
      items.push(rng.chance(0.25) ? `${rng.chance(0.5) ? 'daughter' : 'son'} ${rng.pick(CHILD_NAMES)}, ${rng.pick(CHILD_EVENTS)}` : rng.pick(INTEREST_POOL));
    yamlList('interests', items, fm);
  }
  if (rng.chance(0.15)) {
    const items: string[] = [];
    const n = rng.int(1, 4);
    for (let i = 0; i < n; i++)
      items.push(`${fmt.format(today - rng.int(1, 900))} ${rng.chance(0.5) ? 'gave' : rng.chance(0.8) ? 'got' : 'received'}: ${rng.pick(FAVOURS)}`);
    yamlList(rng.chance(0.9) ? 'favours' : 'favors', items, fm);
  }
  if (rng.chance(0.1)) {
    const items: string[] = [];
    const n = rng.int(1, 2);
    for (let i = 0; i < n; i++) items.push(`${fmt.format(today + rng.int(-30, 60))} ${rng.pick(FOLLOW_UPS)}`);
    yamlList(rng.chance(0.9) ? 'follow_ups' : rng.pick(['follow-ups', 'followUps']), items, fm);
  }

  // knows: 2–15 links, mostly within the organisation, some across
  const k = 2 + Math.floor(rng.float() ** 1.6 * 14);
  const knows = new Set<number>();
  const own = p.org >= 0 ? members[p.org]! : [];
  for (let tries = 0; knows.size < k && tries < k * 3; tries++) {
    const j = own.length > 1 && rng.chance(0.8) ? rng.pick(own) : rng.int(0, people.length - 1);
    if (j !== index) knows.add(j);
  }
  while (knows.size < Math.min(2, people.length - 1)) {
    const j = rng.int(0, people.length - 1);
    if (j !== index) knows.add(j);
  }
  if (knows.size > 0 || rng.chance(0.02)) {
    const links = [...knows].map((j) => `[[${people[j]!.name}]]`);
    if (rng.chance(0.02)) links.push(`[[${rng.pick(FIRST)} Unknown-${index}]]`); // a link to no note, as real vaults have
    yamlList('knows', links, fm);
  }
  if (people.length > 1 && rng.chance(0.1)) {
    let j = rng.int(0, people.length - 1);
    if (j === index) j = (j + 1) % people.length;
    fm.push(`introduced_by: ${JSON.stringify(`[[${people[j]!.name}]]`)}`);
  }
  if (rng.chance(0.02)) fm.push(`snooze_until: ${fmt.format(today + rng.int(1, 90))}`);
  if (rng.chance(0.02)) fm.push('archived: true');
  fm.push('---');

  // body: a paragraph and a log, newest first
  const body: string[] = [];
  const intro = org !== null ? `${first} works at ${org}.` : `${first} is ${rng.pick(['a contact from the network', 'someone I met at a meetup', 'an old classmate'])}.`;
  body.push(`${intro} ${sentence(rng, rng.int(8, 20))} ${sentence(rng, rng.int(6, 16))}`);
  if (logCount > 0 || rng.chance(0.3)) {
    body.push('', rng.chance(0.95) ? '## Log' : '## Interactions');
    let d = newest;
    for (let i = 0; i < logCount; i++) {
      body.push(`- ${fmt.format(d)} ${rng.pick(LOG_CHANNELS)}: ${rng.pick(LOG_TOPICS)}`);
      d -= rng.int(3, 120);
    }
  }
  return `${fm.join('\n')}\n${body.join('\n')}\n`;
}

function sentence(rng: Rng, n: number): string {
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(rng.pick(WORDS));
  const s = w.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

// ---------------------------------------------------------------------------------------------- other notes

/** An active person, mostly: daily notes and meetings mention the people one is in touch with. */
function mentionable(rng: Rng, people: readonly Person[], active: readonly number[]): Person {
  return active.length > 0 && rng.chance(0.8) ? people[rng.pick(active)]! : people[rng.int(0, people.length - 1)]!;
}

function dailyNote(rng: Rng, day: number, fmt: DayFormatter, people: readonly Person[], active: readonly number[]): string {
  const lines: string[] = [`# ${fmt.format(day)}`, ''];
  const n = people.length === 0 ? 0 : Math.min(5, Math.floor(rng.float() ** 1.5 * 6));
  const tasks: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = mentionable(rng, people, active);
    const r = rng.float();
    if (r < 0.15) tasks.push(`- [ ] ${rng.pick(['call', 'mail', 'ask', 'thank'])} [[${p.name}]]`);
    else if (r < 0.2) tasks.push(`- [x] ${rng.pick(['called', 'mailed', 'thanked'])} [[${p.name}]]`);
    else lines.push(`${rng.pick(['Talked with', 'Coffee with', 'Call with', 'Lunch with', 'Met'])} [[${p.name}]]: ${rng.pick(LOG_TOPICS)}.`);
  }
  lines.push(sentence(rng, rng.int(5, 25)));
  if (tasks.length > 0 || rng.chance(0.3)) {
    lines.push('', '## Tasks');
    lines.push(...tasks);
    if (rng.chance(0.5)) lines.push(`- [ ] ${sentence(rng, rng.int(3, 8))}`);
  }
  return `${lines.join('\n')}\n`;
}

/** An open task that links a person: dated (Tasks or Dataview) or to raise next time. */
function taskLine(rng: Rng, fmt: DayFormatter, today: number, people: readonly Person[], active: readonly number[]): string {
  const who = mentionable(rng, people, active).name;
  const r = rng.float();
  const due = r < 0.4 ? ` 📅 ${fmt.format(today + rng.int(-30, 45))}` : r < 0.5 ? ` [due:: ${fmt.format(today + rng.int(-30, 45))}]` : '';
  return `- [ ] ${rng.pick(TASK_VERBS)} [[${who}]] ${sentence(rng, rng.int(2, 6)).slice(0, -1).toLowerCase()}${due}`;
}

/** `prefixed`: a meeting named after its day; `attendees`: one with `date` and `attendees`; null: another note. */
type MeetingStyle = 'prefixed' | 'attendees' | null;

function ordinaryNote(
  rng: Rng, title: string, folder: string, fmt: DayFormatter, today: number, people: readonly Person[],
  active: readonly number[], titles: readonly string[], meeting: MeetingStyle,
): string {
  const target = rng.int(200, 2000);
  const parts: string[] = [];
  if (meeting === 'attendees' && people.length > 0) {
    const fm = ['---', `date: ${fmt.format(today - rng.int(0, 1000))}`, 'attendees:'];
    const n = rng.int(2, 6);
    for (let i = 0; i < n; i++) fm.push(`  - "[[${mentionable(rng, people, active).name}]]"`);
    if (rng.chance(0.5)) fm.push('tags: [meeting]');
    fm.push('---');
    parts.push(fm.join('\n'));
  } else if (rng.chance(0.4)) {
    const fm = ['---', `tags: [${rng.pick(NOTE_TAGS)}${rng.chance(0.3) ? `, ${rng.pick(NOTE_TAGS)}` : ''}]`];
    if (folder === 'Projects') fm.push(`status: ${rng.pick(['active', 'done', 'paused'])}`);
    if (folder === 'Meetings' || rng.chance(0.3)) fm.push(`date: ${fmt.format(today - rng.int(0, 1000))}`);
    fm.push('---');
    parts.push(fm.join('\n'));
  }
  parts.push(`# ${title}`, '');
  // Meetings end in action items more often than other notes hold a task for someone.
  const tasks = people.length > 0 && rng.chance(meeting !== null ? 0.4 : 0.1) ? rng.int(1, 3) : 0;
  let len = 0;
  for (const part of parts) len += part.length + 1;
  while (len < target) {
    const r = rng.float();
    let line: string;
    if (r < 0.12 && people.length > 0) line = `- ${sentence(rng, rng.int(3, 10))} With [[${mentionable(rng, people, active).name}]].`;
    else if (r < 0.2 && titles.length > 0) line = `See also [[${rng.pick(titles)}]]. ${sentence(rng, rng.int(4, 12))}`;
    else if (r < 0.27) line = `- [${rng.chance(0.5) ? ' ' : 'x'}] ${sentence(rng, rng.int(3, 9))}`;
    else if (r < 0.32) line = `\n## ${sentence(rng, rng.int(1, 4)).slice(0, -1)}\n`;
    else if (r < 0.38) line = `${sentence(rng, rng.int(5, 14))} #${rng.pick(NOTE_TAGS)}`;
    else line = `${sentence(rng, rng.int(8, 24))} ${sentence(rng, rng.int(6, 18))}`;
    parts.push(line);
    len += line.length + 1;
  }
  if (tasks > 0) {
    parts.push('', '## Action items');
    for (let i = 0; i < tasks; i++) parts.push(taskLine(rng, fmt, today, people, active));
  }
  return `${parts.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------- the vault

/** Vault-relative path → file text. Same options, same map (insertion order included). */
export function generateVault(opts: GenerateOptions): Map<string, string> {
  const peopleCount = Math.max(0, Math.floor(opts.people));
  const notesCount = Math.max(0, Math.floor(opts.notes));
  const rng = new Rng(opts.seed ?? 1);
  const today = dayOf(opts.today ?? '2026-11-24');
  const fmt = new DayFormatter(today, 4 * 365, 400);
  const files = new Map<string, string>();

  // organisations: ~300, sized unevenly (a few large employers, many small ones)
  const orgs = organisations(rng, Math.max(1, Math.min(300, Math.ceil(peopleCount / 3))));
  const members: number[][] = orgs.map(() => []);
  const names = uniqueNames(rng, peopleCount);
  const people: Person[] = names.map((name, i) => {
    const org = rng.chance(0.85) ? Math.floor(rng.float() ** 2.2 * orgs.length) : -1;
    if (org >= 0) members[org]!.push(i);
    return { name, folder: rng.pick(PEOPLE_FOLDERS), org, active: rng.chance(0.6) };
  });
  const active: number[] = [];
  people.forEach((p, i) => p.active && active.push(i));

  people.forEach((p, i) => files.set(`${p.folder}/${p.name}.md`, personNote(rng, p, i, people, orgs, members, fmt, today)));

  const dailyCount = Math.min(opts.dailyDays ?? 3 * 365, Math.round(notesCount * 0.4));
  for (let i = 0; i < dailyCount; i++) {
    const day = today - i;
    const date = fmt.format(day);
    // The last year in Daily/ by name; before that the journal the daily-notes settings describe.
    const path = i < 365 ? `Daily/${date}.md` : `${JOURNAL_CONFIG.folder}/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8)}.md`;
    files.set(path, dailyNote(rng, day, fmt, people, active));
  }
  if (dailyCount > 365) files.set('.obsidian/daily-notes.json', `${JSON.stringify(JOURNAL_CONFIG)}\n`);

  const ordinary = notesCount - dailyCount;
  const titles: string[] = [];
  const usedTitles = new Set<string>();
  const orgNotes = Math.min(orgs.length, Math.floor(ordinary * 0.1));
  for (let i = 0; i < orgNotes; i++) {
    const org = orgs[i]!;
    const who = members[i]!.slice(0, 8).map((j) => `- [[${people[j]!.name}]]`);
    files.set(`Organisations/${org}.md`,
      `---\ntype: organisation\ntags: [organisation]\n---\n# ${org}\n\n${sentence(rng, rng.int(8, 20))}\n\n## People\n${who.join('\n')}\n`);
    usedTitles.add(org.toLowerCase());
    titles.push(org);
  }
  for (let i = orgNotes; i < ordinary; i++) {
    let r = rng.float(), kind = NOTE_KINDS[0]!;
    for (const k of NOTE_KINDS) if ((r -= k.weight) < 0) { kind = k; break; }
    const meeting: MeetingStyle = kind.folder !== 'Meetings' ? null : rng.chance(0.5) ? 'prefixed' : 'attendees';
    const head = meeting === 'prefixed' ? `${fmt.format(today - rng.int(0, 1000))} ` : kind.folder === 'Reading' ? 'Reading - ' : '';
    const base = `${head}${sentence(rng, rng.int(2, 4)).slice(0, -1)}`.replace(/[\\/:*?"<>|#^[\]]/g, '');
    let title = base;
    for (let k = 2; usedTitles.has(title.toLowerCase()); k++) title = `${base} ${k}`;
    usedTitles.add(title.toLowerCase());
    files.set(`${kind.folder}/${title}.md`, ordinaryNote(rng, title, kind.folder, fmt, today, people, active, titles, meeting));
    if (titles.length < 2000) titles.push(title);
  }
  return files;
}

/** Writes the files under `dir`, creating folders. Leaves everything else in `dir` alone. */
export function writeVault(dir: string, files: ReadonlyMap<string, string>): void {
  const made = new Set<string>();
  for (const [path, text] of files) {
    const full = join(dir, path);
    const parent = dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, text);
  }
}
