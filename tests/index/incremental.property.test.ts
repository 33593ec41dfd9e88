import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/network';
import type { CoreSettings, DailyNoteConfig, ListItem, NoteLink, NoteRecord } from '../../src/core/types';
import { PeopleIndex } from '../../src/index/people-index';
import { day, record, settings } from '../builders';

const NAMES = ['Jan', 'Ana', 'Piet', 'Bo', 'Acme'];
const FOLDERS = ['People', 'People/Old', 'Notes', 'Daily'];
const DATES = ['2026-11-01', '2026-11-02', '2026-11-03'];

const ALIASES = ['J', 'Annie', 'Pete'];
const name = fc.constantFrom(...NAMES);
/** What a link may name: a note or an alias. */
const linkName = fc.constantFrom(...NAMES, ...ALIASES);
const path = fc.oneof(
  fc.tuple(fc.constantFrom(...FOLDERS), name).map(([f, n]) => `${f}/${n}.md`),
  fc.constantFrom(...DATES).map((d) => `Daily/${d}.md`),
  // (v1.1) date-prefixed meetings, notes in a daily-notes format, and notes that are meetings by their keys.
  fc.constantFrom(...DATES).map((d) => `Meetings/${d} Sync.md`),
  fc.constantFrom('Journal/2026/11/01.md', 'Journal/2026/11/02.md', 'Notes/Board.md', 'Notes/Plan.md'),
);
/** The vault's daily-notes settings, which change now and then. */
const CONFIGS: (DailyNoteConfig | null)[] = [null, { folder: 'Journal', format: 'YYYY/MM/DD' }, { folder: 'Journal', format: 'YYYY/[W]ww' }];

/** Any note content: a person (by folder, type or tag), a daily note's links, or nothing in particular. */
const content = fc.record({
  type: fc.constantFrom(undefined, 'person', 'project'),
  tags: fc.constantFrom([], ['person'], ['work']),
  knows: fc.array(linkName, { maxLength: 3 }).map((ns) => ns.map((n) => `[[${n}]]`)),
  aliases: fc.array(fc.constantFrom(...ALIASES), { maxLength: 2 }),
  introduced_by: fc.option(linkName, { nil: undefined }),
  circle: fc.constantFrom(undefined, 5, 15, 7),
  links: fc.array(fc.tuple(linkName, fc.constantFrom(null, ' ', 'x')), { maxLength: 3 }),
  // (v1.1) a meeting's keys, and tasks (open or ticked) that link people, with or without a due date.
  date: fc.constantFrom(undefined, ...DATES, 'soon'),
  attendees: fc.option(fc.array(linkName, { maxLength: 3 }), { nil: undefined }),
  meeting: fc.boolean(),
  tasks: fc.array(fc.record({ names: fc.array(linkName, { maxLength: 2 }), done: fc.boolean(), due: fc.constantFrom('', ' 📅 2026-11-20', ' 📅 2026-12-20') }), { maxLength: 3 }),
});

type Content = typeof content extends fc.Arbitrary<infer C> ? C : never;

function toRecord(p: string, c: Content): NoteRecord {
  const fm: Record<string, unknown> = { knows: c.knows, aliases: c.aliases };
  if (c.type) fm.type = c.meeting ? 'meeting' : c.type;
  if (c.introduced_by) fm.introduced_by = `[[${c.introduced_by}]]`;
  if (c.circle !== undefined) fm.circle = c.circle;
  if (c.date !== undefined) fm.date = c.date;
  if (c.attendees !== undefined) fm.attendees = c.attendees.map((n) => `[[${n}]]`);
  const links: NoteLink[] = c.links.map(([target, task], line) => ({ target, task, line }));
  const listItems: ListItem[] = [];
  c.tasks.forEach((t, i) => {
    const line = 20 + i;
    const task = t.done ? 'x' : ' ';
    listItems.push({ line, text: `${t.names.map((n) => `ask [[${n}]]`).join(' ')}${t.due}`, heading: i === 0 ? 'Log' : null, task });
    for (const target of t.names) links.push({ target, line, task });
  });
  return record(p, fm, { tags: [...c.tags], links, listItems });
}

/** A task ticked or unticked in place: the same note with one task's state flipped. */
function toggled(c: Content, which: number): Content {
  if (c.tasks.length === 0) return c;
  const i = which % c.tasks.length;
  return { ...c, tasks: c.tasks.map((t, k) => (k === i ? { ...t, done: !t.done } : t)) };
}

const op = fc.oneof(
  fc.record({ op: fc.constant('set' as const), path, content }),
  fc.record({ op: fc.constant('remove' as const), path }),
  fc.record({ op: fc.constant('rename' as const), path, to: path }),
  fc.record({ op: fc.constant('toggle' as const), path, which: fc.nat(5) }),
  fc.record({ op: fc.constant('config' as const), path: fc.constant(''), config: fc.constantFrom(...CONFIGS) }),
);

function snapshot(index: PeopleIndex) {
  const graph = buildGraph(index.people(), (t, from) => index.resolvePerson(t, from));
  const edges: string[] = [];
  graph.forEachEdge((_e, a, s, t) => edges.push(`${a.kind}:${s}>${t}`));
  return { people: index.people(), diagnostics: index.diagnostics(day('2026-11-24')), edges: edges.sort() };
}

describe('PeopleIndex, incremental', () => {
  it('equals a full rebuild after any sequence of vault operations', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const vault = new Map<string, Content>();
        let s: CoreSettings = settings;
        const index = new PeopleIndex(s);
        index.rebuild([]);
        for (const o of ops) {
          if (o.op === 'set') {
            vault.set(o.path, o.content);
            index.set(toRecord(o.path, o.content));
          } else if (o.op === 'toggle') {
            const c = vault.get(o.path);
            if (!c) continue;
            vault.set(o.path, toggled(c, o.which));
            index.set(toRecord(o.path, vault.get(o.path)!));
          } else if (o.op === 'config') {
            // The plugin reads every note again when the daily-notes settings change (records depend on them).
            s = { ...s, dailyNoteConfig: o.config };
            index.rebuild([...vault].map(([p, c]) => toRecord(p, c)), s);
          } else if (o.op === 'remove') {
            if (!vault.has(o.path)) continue;
            vault.delete(o.path);
            index.remove(o.path);
          } else {
            const c = vault.get(o.path);
            if (!c || o.to === o.path) continue;
            vault.delete(o.path);
            vault.set(o.to, c);
            index.rename(o.path, toRecord(o.to, c));
          }
          // Read between operations too, so that cached derived data must be invalidated correctly.
          if (o.path.length % 2 === 0) index.people();
        }
        const fresh = new PeopleIndex(s);
        fresh.rebuild([...vault].map(([p, c]) => toRecord(p, c)));
        expect(snapshot(index)).toEqual(snapshot(fresh));
      }),
      { numRuns: 400 },
    );
  });
});
