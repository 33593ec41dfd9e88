/**
 * Who the graph shows: the filters (organisation, tag, circle, archived), then local mode's neighbourhood
 * (walking through shown people only), then the intro paths (shown whatever the filters say), and who is
 * highlighted (the intro paths, the person searched for and their neighbours). Pure.
 */
import { effectiveCircle } from '../../core/circle';
import type { IntroResult, Network } from '../../core/network';
import type { CoreSettings, Person } from '../../core/types';
import { orgKey } from './colour-groups';
import type { GraphOptions } from './options';

export interface Selection {
  /** Shown people, by index in the network (ascending). */
  shown: number[];
  isShown: Uint8Array;
  /** Local mode's person, when there is one. */
  centre: number | null;
  /** The person searched for, when shown. */
  focus: number | null;
  /** Neighbours of the focused person. */
  focusNeighbours: Set<number>;
  /** On an intro path: 2 on the chosen one (and the target), 1 on another. */
  introRank: Map<number, number>;
  /** Consecutive people of a path, as a pair code (core/network pairCode), with their rank. */
  introPairs: Map<number, number>;
  intro: IntroResult | null;
  /** Local mode without a person to centre on. */
  noCentre: boolean;
}

function hasTag(tags: readonly string[], tag: string): boolean {
  const want = tag.toLowerCase();
  return tags.some((t) => {
    const k = t.replace(/^#/, '').toLowerCase();
    return k === want || k.startsWith(want + '/');
  });
}

export interface SelectionInput {
  network: Network;
  settings: CoreSettings;
  options: GraphOptions;
  centre?: string | null;
  focus?: string | null;
  intro?: IntroResult | null;
  chosenPath?: number;
  tagsOf?: (path: string) => readonly string[];
  pair: (i: number, j: number) => number;
}

export function select(input: SelectionInput): Selection {
  const { network, settings, options, tagsOf } = input;
  const { people, adjacency: adj, indexOf } = network;
  const n = people.length;
  const passes = (p: Person) =>
    (options.showArchived || !p.archived) &&
    (options.organisation === null || orgKey(p.organisation) === orgKey(options.organisation)) &&
    (options.circle === null || (effectiveCircle(p, settings.circleCadence) ?? Infinity) <= options.circle) &&
    (options.tag === null || (tagsOf !== undefined && hasTag(tagsOf(p.path), options.tag)));

  const isShown = new Uint8Array(n);
  let centre: number | null = null;
  let noCentre = false;
  if (options.local) {
    centre = input.centre ? indexOf.get(input.centre) ?? null : null;
    if (centre === null) noCentre = true;
    else {
      isShown[centre] = 1;
      let frontier = [centre];
      for (let d = 0; d < options.depth && frontier.length > 0; d++) {
        const next: number[] = [];
        for (const cur of frontier)
          for (let k = adj.offsets[cur]!; k < adj.offsets[cur + 1]!; k++) {
            const nb = adj.neighbours[k]!;
            if (isShown[nb] || !passes(people[nb]!)) continue;
            isShown[nb] = 1;
            next.push(nb);
          }
        frontier = next;
      }
    }
  } else {
    for (let i = 0; i < n; i++) if (passes(people[i]!)) isShown[i] = 1;
  }

  const intro = input.intro && indexOf.has(input.intro.target) && !noCentre ? input.intro : null;
  const chosen = input.chosenPath ?? 0;
  const introRank = new Map<number, number>();
  const introPairs = new Map<number, number>();
  if (intro) {
    const mark = (i: number, rank: number) => introRank.set(i, Math.max(introRank.get(i) ?? 0, rank));
    mark(indexOf.get(intro.target)!, 2);
    intro.paths.forEach((path, p) => {
      const rank = p === chosen ? 2 : 1;
      let previous = -1;
      for (const step of path) {
        const i = indexOf.get(step);
        if (i === undefined) continue;
        mark(i, rank);
        if (previous >= 0) {
          const code = input.pair(previous, i);
          introPairs.set(code, Math.max(introPairs.get(code) ?? 0, rank));
        }
        previous = i;
      }
    });
    for (const i of introRank.keys()) isShown[i] = 1;
  }

  const shown: number[] = [];
  for (let i = 0; i < n; i++) if (isShown[i]) shown.push(i);
  const focusAt = input.focus ? indexOf.get(input.focus) : undefined;
  const focus = focusAt !== undefined && isShown[focusAt] ? focusAt : null;
  const focusNeighbours = new Set<number>();
  if (focus !== null) for (let k = adj.offsets[focus]!; k < adj.offsets[focus + 1]!; k++) focusNeighbours.add(adj.neighbours[k]!);
  return { shown, isShown, centre, focus, focusNeighbours, introRank, introPairs, intro, noCentre };
}

/** The organisations and tags people have, for the filter menus: most common first, then by name. */
export function filterChoices(people: readonly Person[], tagsOf?: (path: string) => readonly string[]): { organisations: string[]; tags: string[] } {
  const count = <T extends string>(values: Iterable<T | null>) => {
    const n = new Map<string, { label: string; n: number }>();
    for (const v of values) {
      const k = v?.trim().toLowerCase();
      if (!k) continue;
      const e = n.get(k);
      if (e) e.n++;
      else n.set(k, { label: v!.trim(), n: 1 });
    }
    return [...n.values()].sort((a, b) => b.n - a.n || a.label.localeCompare(b.label)).map((e) => e.label);
  };
  const tags: string[] = [];
  if (tagsOf) for (const p of people) for (const t of tagsOf(p.path)) tags.push(t.replace(/^#/, ''));
  return { organisations: count(people.map((p) => p.organisation)), tags: count(tags) };
}

/** What the graph asks of the index to find people. */
export interface PeopleLookup {
  findPerson(query: string): string | null;
  people(): readonly Person[];
  person(path: string): Person | undefined;
  resolvePerson(target: string, fromPath: string): string | null;
}

/** A person by name, alias or path; else the one person whose name starts with `query`. */
export function findPerson(index: PeopleLookup, query: string): string | null {
  const found = index.findPerson(query);
  if (found !== null) return found;
  const q = query.toLowerCase();
  const matches = index.people().filter((p) => p.name.toLowerCase().startsWith(q));
  return matches.length === 1 ? matches[0]!.path : null;
}

/** The people a person's note links to in its body (the "Mentions" lines). */
export function mentionsOf(index: PeopleLookup, path: string): Set<string> {
  const out = new Set<string>();
  for (const target of index.person(path)?.bodyLinks ?? []) {
    const to = index.resolvePerson(target, path);
    if (to !== null && to !== path) out.add(to);
  }
  return out;
}
