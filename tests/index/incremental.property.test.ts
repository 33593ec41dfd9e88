import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/network';
import type { NoteRecord } from '../../src/core/types';
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
);

/** Any note content: a person (by folder, type or tag), a daily note's links, or nothing in particular. */
const content = fc.record({
  type: fc.constantFrom(undefined, 'person', 'project'),
  tags: fc.constantFrom([], ['person'], ['work']),
  knows: fc.array(linkName, { maxLength: 3 }).map((ns) => ns.map((n) => `[[${n}]]`)),
  aliases: fc.array(fc.constantFrom(...ALIASES), { maxLength: 2 }),
  introduced_by: fc.option(linkName, { nil: undefined }),
  circle: fc.constantFrom(undefined, 5, 15, 7),
  links: fc.array(fc.tuple(linkName, fc.constantFrom(null, ' ', 'x')), { maxLength: 3 }),
});

type Content = typeof content extends fc.Arbitrary<infer C> ? C : never;

function toRecord(p: string, c: Content): NoteRecord {
  const fm: Record<string, unknown> = { knows: c.knows, aliases: c.aliases };
  if (c.type) fm.type = c.type;
  if (c.introduced_by) fm.introduced_by = `[[${c.introduced_by}]]`;
  if (c.circle !== undefined) fm.circle = c.circle;
  return record(p, fm, { tags: [...c.tags], links: c.links.map(([target, task], line) => ({ target, task, line })) });
}

const op = fc.oneof(
  fc.record({ op: fc.constant('set' as const), path, content }),
  fc.record({ op: fc.constant('remove' as const), path }),
  fc.record({ op: fc.constant('rename' as const), path, to: path }),
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
        const index = new PeopleIndex(settings);
        index.rebuild([]);
        for (const o of ops) {
          if (o.op === 'set') {
            vault.set(o.path, o.content);
            index.set(toRecord(o.path, o.content));
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
        const fresh = new PeopleIndex(settings);
        fresh.rebuild([...vault].map(([p, c]) => toRecord(p, c)));
        expect(snapshot(index)).toEqual(snapshot(fresh));
      }),
      { numRuns: 300 },
    );
  });
});
