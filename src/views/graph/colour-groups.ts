/**
 * Which colour each drawn person gets, and the legend that explains it: by group (Louvain communities, each
 * named after its best-connected member) or by organisation; archived and dormant people grey. Pure.
 */
import { byName } from '../../core/attention';
import type { Network } from '../../core/network';
import type { Person } from '../../core/types';
import { NEUTRAL, PALETTE, greyedColour } from './colours';
import type { ColourBy } from './options';

export type LegendLabel =
  | { kind: 'community'; lead: string }
  | { kind: 'organisation'; name: string }
  | { kind: 'other-communities' }
  | { kind: 'alone' }
  | { kind: 'other-organisations' }
  | { kind: 'no-organisation' }
  | { kind: 'greyed' }
  | { kind: 'pending' };

export interface LegendEntry {
  key: string;
  label: LegendLabel;
  color: string;
  /** People drawn in this colour (in the groups overview, people inside bubbles count too). */
  count: number;
}

export interface ColourGroups {
  /** The legend key of a shown person ('greyed', 'c3', 'o:acme', …). */
  keyOf(index: number): string;
  colour(key: string): string;
  label(key: string): LegendLabel;
}

/** Legend keys in the order the legend lists them: palette colours first, then the neutral ones. */
const NEUTRAL_KEYS = ['other', 'alone', 'none', 'pending', 'greyed'];

export function orgKey(org: string | null): string | null {
  const k = org?.trim().toLowerCase();
  return k ? k : null;
}

/**
 * Each community's best-connected member (most ties; ties broken by name), by community id, over everyone:
 * a group keeps its name whatever is filtered. Groups are named after them ("Around Anna").
 */
export function communityLeads(network: Network, community: ReadonlyMap<string, number>): Map<number, number> {
  const { adjacency: adj, people } = network;
  const lead = new Map<number, number>();
  for (let i = 0; i < people.length; i++) {
    const c = community.get(people[i]!.path);
    if (c === undefined) continue;
    const best = lead.get(c);
    const d = adj.offsets[i + 1]! - adj.offsets[i]!;
    const bd = best === undefined ? -1 : adj.offsets[best + 1]! - adj.offsets[best]!;
    if (best === undefined || d > bd || (d === bd && byName(people[i]!, people[best]!) < 0)) lead.set(c, i);
  }
  return lead;
}

/** People per community, over everyone. */
export function communitySizes(network: Network, community: ReadonlyMap<string, number>): Map<number, number> {
  const size = new Map<number, number>();
  for (const p of network.people) {
    const c = community.get(p.path);
    if (c !== undefined) size.set(c, (size.get(c) ?? 0) + 1);
  }
  return size;
}

export interface ColourInput {
  network: Network;
  colourBy: ColourBy;
  /** Person indices drawn (or counted in a bubble). */
  shown: readonly number[];
  grey: (index: number) => boolean;
  community: ReadonlyMap<string, number> | null;
  background: string;
}

export function colourGroups(input: ColourInput): ColourGroups {
  const { network, shown, grey } = input;
  const people: readonly Person[] = network.people;
  const keyOf = new Map<number, string>();
  const labels = new Map<string, LegendLabel>([['greyed', { kind: 'greyed' }]]);
  const colours = new Map<string, string>([['greyed', greyedColour(input.background)]]);
  const neutral = (key: string, label: LegendLabel) => {
    labels.set(key, label);
    colours.set(key, NEUTRAL);
  };

  if (input.colourBy === 'community') {
    const community = input.community;
    if (community === null) {
      neutral('pending', { kind: 'pending' });
      for (const i of shown) keyOf.set(i, grey(i) ? 'greyed' : 'pending');
    } else {
      const size = communitySizes(network, community);
      const lead = communityLeads(network, community);
      neutral('other', { kind: 'other-communities' });
      neutral('alone', { kind: 'alone' });
      // Palette colours go to the largest communities with more than one person, in id order (0 = largest).
      const colourIndex = new Map<number, number>();
      for (const c of [...size.keys()].sort((a, b) => a - b)) if (size.get(c)! > 1 && colourIndex.size < PALETTE.length) colourIndex.set(c, colourIndex.size);
      for (const i of shown) {
        const c = community.get(people[i]!.path);
        const at = c === undefined ? undefined : colourIndex.get(c);
        let key: string;
        if (grey(i)) key = 'greyed';
        else if (c === undefined || size.get(c)! <= 1) key = 'alone';
        else if (at === undefined) key = 'other';
        else {
          key = `c${c}`;
          if (!colours.has(key)) {
            colours.set(key, PALETTE[at]!);
            labels.set(key, { kind: 'community', lead: people[lead.get(c)!]!.name });
          }
        }
        keyOf.set(i, key);
      }
    }
  } else {
    const byOrg = new Map<string, { label: string; n: number }>();
    for (const i of shown) {
      if (grey(i)) continue;
      const org = people[i]!.organisation, k = orgKey(org);
      if (k === null) continue;
      const e = byOrg.get(k);
      if (e) e.n++;
      else byOrg.set(k, { label: org!.trim(), n: 1 });
    }
    const top = [...byOrg.entries()].sort((a, b) => b[1].n - a[1].n || a[1].label.localeCompare(b[1].label)).slice(0, PALETTE.length);
    top.forEach(([k, e], i) => {
      labels.set(`o:${k}`, { kind: 'organisation', name: e.label });
      colours.set(`o:${k}`, PALETTE[i]!);
    });
    neutral('other', { kind: 'other-organisations' });
    neutral('none', { kind: 'no-organisation' });
    for (const i of shown) {
      const k = orgKey(people[i]!.organisation);
      keyOf.set(i, grey(i) ? 'greyed' : k === null ? 'none' : colours.has(`o:${k}`) ? `o:${k}` : 'other');
    }
  }
  return {
    keyOf: (i) => keyOf.get(i) ?? 'greyed',
    colour: (key) => colours.get(key) ?? NEUTRAL,
    label: (key) => labels.get(key) ?? { kind: 'greyed' },
  };
}

/** The legend: one entry per key with people, in palette order, then the neutral ones. */
export function legendOf(groups: ColourGroups, counts: ReadonlyMap<string, number>): LegendEntry[] {
  const order = (key: string) => (NEUTRAL_KEYS.indexOf(key) + 1) * 1000 + PALETTE.indexOf(groups.colour(key) as (typeof PALETTE)[number]);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, label: groups.label(key), color: groups.colour(key), count }))
    .sort((a, b) => order(a.key) - order(b.key));
}
