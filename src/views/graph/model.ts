/**
 * The graph view as data: from people, the view's options, the network metrics and the layout's positions to
 * the graphology graph the renderer draws (sigma's attributes: x, y, size, color, label…), with its legend and
 * what to say when there is nothing to draw. Pure: no obsidian, no sigma, no DOM.
 */
import Graph from 'graphology';
import { byName, isDormant } from '../../core/attention';
import { effectiveCircle } from '../../core/circle';
import { pairStrength, tieStrength } from '../../core/metrics';
import { pairCode, type IntroResult, type Network } from '../../core/network';
import { runToEnd } from '../../core/steps';
import { CIRCLES, type Circle, type CoreSettings, type Day, type Person } from '../../core/types';
import type { Point } from './layout';

// ------------------------------------------------------------------------------------------ options

export type ColourBy = 'community' | 'organisation';
export type Depth = 1 | 2 | 3;

export interface GraphOptions {
  colourBy: ColourBy;
  /** Only people of this organisation (case-insensitive); null for everyone. */
  organisation: string | null;
  /** Only people with this tag or a tag nested under it (without '#'); null for everyone. */
  tag: string | null;
  /**
   * Only people in this circle or a closer one (Dunbar layers nest): their own `circle`, or the circle their
   * cadence implies (core/circle.ts, as the sidebar's capacity meter counts them); null for everyone.
   */
  circle: Circle | null;
  showArchived: boolean;
  /** Light edges between people of the same organisation. */
  sameOrganisation: boolean;
  /** Light edges between people whose notes link to each other in the body. */
  mentions: boolean;
  /** Local mode: the active person and the people around them. */
  local: boolean;
  depth: Depth;
}

export const DEFAULT_GRAPH_OPTIONS: Readonly<GraphOptions> = Object.freeze({
  colourBy: 'community',
  organisation: null,
  tag: null,
  circle: null,
  showArchived: false,
  sameOrganisation: false,
  mentions: false,
  local: false,
  depth: 1,
});

/** Options as stored in the view's state (any shape) over the defaults. */
export function readOptions(stored: unknown): GraphOptions {
  const out: GraphOptions = { ...DEFAULT_GRAPH_OPTIONS };
  if (typeof stored !== 'object' || stored === null) return out;
  const s = stored as Record<string, unknown>;
  if (s.colourBy === 'community' || s.colourBy === 'organisation') out.colourBy = s.colourBy;
  if (typeof s.organisation === 'string' && s.organisation !== '') out.organisation = s.organisation;
  if (typeof s.tag === 'string' && s.tag !== '') out.tag = s.tag.replace(/^#/, '');
  if (typeof s.circle === 'number' && (CIRCLES as readonly number[]).includes(s.circle)) out.circle = s.circle as Circle;
  for (const k of ['showArchived', 'sameOrganisation', 'mentions', 'local'] as const) if (typeof s[k] === 'boolean') out[k] = s[k];
  if (s.depth === 1 || s.depth === 2 || s.depth === 3) out.depth = s.depth;
  return out;
}

// ------------------------------------------------------------------------------------------ the model

export interface GraphMetrics {
  /** Louvain community by path, 0 for the largest. */
  community: ReadonlyMap<string, number>;
  /** Betweenness by path, 0..1. */
  broker: ReadonlyMap<string, number>;
}

export type EdgeKind = 'knows' | 'introduced_by' | 'organisation' | 'mention';

export interface ModelNode {
  // What sigma reads.
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  forceLabel: boolean;
  highlighted: boolean;
  zIndex: number;
  // What the view reads.
  path: string;
  /** The legend entry this node belongs to. */
  group: string;
  archived: boolean;
  dormant: boolean;
  broker: number;
  community: number | null;
  /** Set when something is highlighted (an intro path, a searched person) and this node is not part of it. */
  dimmed: boolean;
  /** On an intro path: 2 on the chosen one, 1 on another; 0 otherwise. */
  intro: number;
}

export interface ModelEdge {
  kind: EdgeKind;
  /** 'arrow' for introduced_by, from the introducer to the person introduced. */
  type: 'line' | 'arrow';
  size: number;
  color: string;
  zIndex: number;
  /** Tie strength of the two ends with you, 0..1 (0 for light edges). */
  strength: number;
  intro: number;
}

export type ModelGraph = Graph<ModelNode, ModelEdge>;

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
  count: number;
}

/** Why nothing (or not everything) is drawn. */
export type ModelMessage = 'empty' | 'no-match' | 'no-centre';

export interface GraphModel {
  graph: ModelGraph;
  legend: LegendEntry[];
  /** Edge kinds drawn, for the legend. */
  edgeKinds: EdgeKind[];
  counts: { people: number; shown: number; edges: number; missing: number; selfLinks: number };
  message: ModelMessage | null;
  /** Local mode's person, when there is one. */
  centre: string | null;
  focus: string | null;
}

export interface ModelInput {
  network: Network;
  today: Day;
  settings: CoreSettings;
  options: GraphOptions;
  metrics: GraphMetrics | null;
  positions: ReadonlyMap<string, Point>;
  /** Local mode's person (the active note), or null. */
  centre?: string | null;
  /** The person searched for. */
  focus?: string | null;
  intro?: IntroResult | null;
  /** Which intro path is chosen (index into intro.paths). */
  chosenPath?: number;
  /** A person's tags without '#' (the core keeps none). */
  tagsOf?: (path: string) => readonly string[];
  /** The people a person's note links to in its body, as paths. */
  mentionsOf?: (path: string) => Iterable<string>;
  /** The background drawn on (faded colours are mixed with it); white by default. */
  background?: string;
}

/** Colours that read on light and dark themes alike (Tableau 10, grey left out, two added). */
export const PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#86bcb6', '#d37295', '#8cd17d',
] as const;
export const NEUTRAL = '#9aa0a6';
export const INTRO = '#ff7a00';
const EDGE = '#808080';
const MENTION = '#648cd2';

function channels(color: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const h = hex[1]!.length === 3 ? hex[1]!.replace(/./g, (c) => c + c) : hex[1]!;
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(color.trim());
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}

/**
 * `color` at this opacity over `background`, as an opaque `#rrggbb`. Opaque colours draw the same in sigma (whose
 * WebGL blending adds translucent colours up: faint ones vanish on a light background) and on a 2D canvas.
 */
export function fade(color: string, alpha: number, background = '#ffffff'): string {
  const c = channels(color), b = channels(background) ?? [255, 255, 255];
  if (!c) return color;
  const hex = (i: number) => Math.round(c[i]! * alpha + b[i]! * (1 - alpha)).toString(16).padStart(2, '0');
  return `#${hex(0)}${hex(1)}${hex(2)}`;
}

/** The colour of archived and dormant people: a light grey on a light background, a dark one on a dark. */
export function greyedColour(background = '#ffffff'): string {
  return fade('#969696', 0.45, background);
}

function orgKey(org: string | null): string | null {
  const k = org?.trim().toLowerCase();
  return k ? k : null;
}

function hasTag(tags: readonly string[], tag: string): boolean {
  const want = tag.toLowerCase();
  return tags.some((t) => {
    const k = t.replace(/^#/, '').toLowerCase();
    return k === want || k.startsWith(want + '/');
  });
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

/** Where to draw a node without a position: a deterministic spot, never all on one point. */
function fallbackPoint(i: number): Point {
  const a = i * 2.399963, r = 10 * Math.sqrt(i + 1);
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

/** People and ties handled between two yields of `modelSteps` (a few milliseconds of work). */
const NODES_PER_STEP = 500;
const TIES_PER_STEP = 2000;

/** The model, built at once. */
export function buildModel(input: ModelInput): GraphModel {
  return runToEnd(modelSteps(input));
}

/** The model, built in steps of a few milliseconds: the view builds a large graph's model in time slices. */
export function* modelSteps(input: ModelInput): Generator<void, GraphModel, void> {
  const { network, today, settings, options, metrics, positions } = input;
  const persons = network.people, people = persons.length;
  const adj = network.adjacency, idx = network.indexOf;
  const person = (path: string) => persons[idx.get(path)!]!;
  const forEachNeighbour = (path: string, fn: (other: string) => void) => {
    const i = idx.get(path)!;
    for (let k = adj.offsets[i]!; k < adj.offsets[i + 1]!; k++) fn(adj.keys[adj.neighbours[k]!]!);
  };
  const counts = { people, shown: 0, edges: 0, missing: network.missing, selfLinks: network.selfLinks };
  const graph: ModelGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  const empty = (message: ModelMessage | null, centre: string | null = null): GraphModel => ({
    graph, legend: [], edgeKinds: [], counts, message, centre, focus: null,
  });
  if (people === 0) return empty('empty');

  // Who is shown: the filters, then local mode's neighbourhood (through shown people only), then intro paths.
  const tagsOf = input.tagsOf;
  const passes = (p: Person) =>
    (options.showArchived || !p.archived) &&
    (options.organisation === null || orgKey(p.organisation) === orgKey(options.organisation)) &&
    (options.circle === null || (effectiveCircle(p, settings.circleCadence) ?? Infinity) <= options.circle) &&
    (options.tag === null || (tagsOf !== undefined && hasTag(tagsOf(p.path), options.tag)));

  let shown: Set<string>;
  let centre: string | null = null;
  if (options.local) {
    centre = input.centre && idx.has(input.centre) ? input.centre : null;
    if (centre === null) return empty('no-centre');
    shown = new Set([centre]);
    let frontier = [centre];
    for (let d = 0; d < options.depth && frontier.length > 0; d++) {
      const next: string[] = [];
      for (const cur of frontier)
        forEachNeighbour(cur, (nb) => {
          if (shown.has(nb) || !passes(person(nb))) return;
          shown.add(nb);
          next.push(nb);
        });
      frontier = next;
    }
  } else {
    shown = new Set();
    for (const p of persons) if (passes(p)) shown.add(p.path);
  }
  const intro = input.intro && idx.has(input.intro.target) ? input.intro : null;
  const chosen = input.chosenPath ?? 0;
  const introRank = new Map<string, number>();
  // A pair of people as one number (no strings to build per edge).
  const n = people;
  const pair = (a: string, b: string) => pairCode(idx.get(a)!, idx.get(b)!, n);
  const introPairs = new Map<number, number>();
  if (intro) {
    const mark = (path: string, rank: number) => introRank.set(path, Math.max(introRank.get(path) ?? 0, rank));
    mark(intro.target, 2);
    intro.paths.forEach((path, i) => {
      const rank = i === chosen ? 2 : 1;
      path.forEach((p, k) => {
        mark(p, rank);
        if (k > 0) introPairs.set(pair(path[k - 1]!, p), Math.max(introPairs.get(pair(path[k - 1]!, p)) ?? 0, rank));
      });
    });
    for (const p of introRank.keys()) shown.add(p);
  }
  if (shown.size === 0) return empty('no-match');

  const focus = input.focus && shown.has(input.focus) ? input.focus : null;
  const focusNeighbours = new Set<string>();
  if (focus) forEachNeighbour(focus, (nb) => focusNeighbours.add(nb));
  const highlighting = intro !== null || focus !== null;

  // Colour groups.
  const greyed = new Map<string, { archived: boolean; dormant: boolean }>();
  for (const path of shown) {
    const p = person(path);
    greyed.set(path, { archived: p.archived, dormant: isDormant(p, today, settings) });
  }
  const isGrey = (path: string) => {
    const s = greyed.get(path)!;
    return s.archived || s.dormant;
  };
  const groupOf = new Map<string, string>();
  const legendLabel = new Map<string, LegendLabel>();
  const colourOf = new Map<string, string>();
  legendLabel.set('greyed', { kind: 'greyed' });
  const bg = input.background ?? '#ffffff';
  colourOf.set('greyed', greyedColour(bg));

  if (options.colourBy === 'community') {
    if (metrics === null) {
      legendLabel.set('pending', { kind: 'pending' });
      colourOf.set('pending', NEUTRAL);
      for (const path of shown) groupOf.set(path, isGrey(path) ? 'greyed' : 'pending');
    } else {
      // Community sizes and leads over everyone: a group keeps its colour and name whatever is filtered.
      const size = new Map<number, number>();
      const lead = new Map<number, string>();
      for (const { path } of persons) {
        const c = metrics.community.get(path);
        if (c === undefined) continue;
        size.set(c, (size.get(c) ?? 0) + 1);
        const best = lead.get(c);
        const b = metrics.broker.get(path) ?? 0, bb = best === undefined ? -1 : metrics.broker.get(best) ?? 0;
        if (best === undefined || b > bb || (b === bb && byName(person(path), person(best)) < 0)) lead.set(c, path);
      }
      legendLabel.set('other', { kind: 'other-communities' });
      colourOf.set('other', NEUTRAL);
      legendLabel.set('alone', { kind: 'alone' });
      colourOf.set('alone', NEUTRAL);
      // Palette colours go to the largest communities with more than one person, in id order (0 = largest).
      const colourIndex = new Map<number, number>();
      for (const c of [...size.keys()].sort((a, b) => a - b)) if (size.get(c)! > 1 && colourIndex.size < PALETTE.length) colourIndex.set(c, colourIndex.size);
      for (const path of shown) {
        if (isGrey(path)) {
          groupOf.set(path, 'greyed');
          continue;
        }
        const c = metrics.community.get(path);
        if (c === undefined || size.get(c)! <= 1) {
          groupOf.set(path, 'alone');
          continue;
        }
        const idx = colourIndex.get(c);
        if (idx === undefined) {
          groupOf.set(path, 'other');
          continue;
        }
        const key = `c${c}`;
        groupOf.set(path, key);
        if (!colourOf.has(key)) {
          colourOf.set(key, PALETTE[idx]!);
          legendLabel.set(key, { kind: 'community', lead: person(lead.get(c)!).name });
        }
      }
    }
  } else {
    const byOrg = new Map<string, { label: string; n: number }>();
    for (const path of shown) {
      if (isGrey(path)) continue;
      const org = person(path).organisation, k = orgKey(org);
      if (k === null) continue;
      const e = byOrg.get(k);
      if (e) e.n++;
      else byOrg.set(k, { label: org!.trim(), n: 1 });
    }
    const top = [...byOrg.entries()].sort((a, b) => b[1].n - a[1].n || a[1].label.localeCompare(b[1].label)).slice(0, PALETTE.length);
    top.forEach(([k, e], i) => {
      legendLabel.set(`o:${k}`, { kind: 'organisation', name: e.label });
      colourOf.set(`o:${k}`, PALETTE[i]!);
    });
    legendLabel.set('other', { kind: 'other-organisations' });
    colourOf.set('other', NEUTRAL);
    legendLabel.set('none', { kind: 'no-organisation' });
    colourOf.set('none', NEUTRAL);
    for (const path of shown) {
      if (isGrey(path)) {
        groupOf.set(path, 'greyed');
        continue;
      }
      const k = orgKey(person(path).organisation);
      groupOf.set(path, k === null ? 'none' : colourOf.has(`o:${k}`) ? `o:${k}` : 'other');
    }
  }

  // Nodes, in the network's order (paths sorted): the same model for the same input.
  for (let at = 0; at < people; at++) {
    if (at % NODES_PER_STEP === NODES_PER_STEP - 1) yield;
    const p = persons[at]!, path = p.path;
    if (!shown.has(path)) continue;
    const { archived, dormant } = greyed.get(path)!;
    const group = groupOf.get(path)!;
    const broker = metrics?.broker.get(path) ?? 0;
    const rank = introRank.get(path) ?? 0;
    const inFocus = path === focus || focusNeighbours.has(path);
    const dimmed = intro !== null ? rank === 0 : focus !== null && !inFocus;
    const base = colourOf.get(group)!;
    const pos = positions.get(path) ?? fallbackPoint(at);
    let size = metrics ? 4 + 12 * Math.sqrt(broker) : 5;
    if (archived || dormant) size *= 0.8;
    if (rank > 0 || path === focus || path === centre) size += 2;
    graph.addNode(path, {
      label: p.name,
      x: pos.x,
      y: pos.y,
      size,
      color: dimmed ? fade(base, 0.15, bg) : base,
      forceLabel: rank > 0 || inFocus || path === centre,
      highlighted: path === focus || path === centre || path === intro?.target || (rank === 2 && intro?.paths[chosen]?.[0] === path),
      zIndex: rank > 0 || path === focus ? 2 : dimmed ? 0 : 1,
      path,
      group,
      archived,
      dormant,
      broker,
      community: metrics?.community.get(path) ?? null,
      dimmed,
      intro: rank,
    });
  }
  counts.shown = graph.order;

  // Edges: one per pair. knows and introduced_by first (an introduction is drawn as an arrow from the introducer).
  const edgeKinds = new Set<EdgeKind>();
  const edgeOf = new Map<number, string>();
  // Edge colours by strength in 5% steps, mixed once.
  const shades = Array.from({ length: 21 }, (_, k) => fade(EDGE, 0.35 + 0.45 * (k / 20), bg));
  const light = { mention: fade(MENTION, 0.45, bg), organisation: fade(EDGE, 0.3, bg) };
  const dimEdge = fade(EDGE, 0.08, bg), otherPath = fade(INTRO, 0.55, bg);
  // By person index: this runs once per tie.
  const isShown = new Uint8Array(n);
  for (const path of shown) isShown[idx.get(path)!] = 1;
  const strength = new Float64Array(n).fill(-1);
  const strengthAt = (i: number) => (strength[i]! >= 0 ? strength[i]! : (strength[i] = tieStrength(persons[i]!, today)));
  const addEdge = (i: number, j: number, kind: EdgeKind) => {
    const code = pairCode(i, j, n);
    const source = adj.keys[i]!, target = adj.keys[j]!;
    const existing = edgeOf.get(code);
    if (existing !== undefined) {
      if (kind === 'introduced_by' && graph.getEdgeAttribute(existing, 'kind') === 'knows') {
        const attrs = graph.getEdgeAttributes(existing);
        graph.dropEdge(existing);
        graph.addDirectedEdgeWithKey(existing, source, target, { ...attrs, kind, type: 'arrow' });
        edgeKinds.add(kind);
      }
      return;
    }
    const isLight = kind === 'organisation' || kind === 'mention';
    const s = isLight ? 0 : pairStrength(strengthAt(i), strengthAt(j));
    const rank = intro ? introPairs.get(code) ?? 0 : 0;
    const dimmed = highlighting && rank === 0 && !(focus !== null && (source === focus || target === focus));
    let color = kind === 'mention' ? light.mention : kind === 'organisation' ? light.organisation : shades[Math.round(s * 20)]!;
    if (dimmed) color = dimEdge;
    if (rank > 0) color = rank === 2 ? INTRO : otherPath;
    const key = `e${edgeOf.size}`;
    edgeOf.set(code, key);
    graph.addDirectedEdgeWithKey(key, source, target, {
      kind,
      type: kind === 'introduced_by' ? 'arrow' : 'line',
      size: rank === 2 ? 4 : rank === 1 ? 2.5 : isLight ? 0.5 : 0.5 + 2.5 * s,
      color,
      zIndex: rank > 0 ? 3 : isLight ? 0 : 1,
      strength: s,
      intro: rank,
    });
    edgeKinds.add(kind);
  };
  const { ends, introduced } = network.ties;
  for (let k = 0; k < introduced.length; k++) {
    if (k % TIES_PER_STEP === TIES_PER_STEP - 1) yield;
    const a = ends[2 * k]!, b = ends[2 * k + 1]!;
    if (!isShown[a] || !isShown[b]) continue;
    // introduced_by runs from the person introduced to the introducer: the arrow goes the other way.
    if (introduced[k]) addEdge(b, a, 'introduced_by');
    else addEdge(a, b, 'knows');
  }

  if (options.sameOrganisation) {
    // Small organisations as a clique; larger ones as a star around their best-connected member (a clique of
    // n people is n²/2 edges: 125,000 for an organisation of 500).
    const members = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const k = isShown[i] ? orgKey(persons[i]!.organisation) : null;
      if (k === null) continue;
      const list = members.get(k);
      if (list) list.push(i);
      else members.set(k, [i]);
    }
    const degree = (i: number) => adj.offsets[i + 1]! - adj.offsets[i]!;
    let added = 0;
    for (const list of members.values()) {
      if (list.length < 2) continue;
      if ((added += list.length) >= TIES_PER_STEP) {
        added = 0;
        yield;
      }
      if (list.length <= 8) {
        for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) addEdge(list[a]!, list[b]!, 'organisation');
      } else {
        const hub = list.reduce((best, p) => {
          const d = degree(p) - degree(best);
          return d > 0 || (d === 0 && byName(persons[p]!, persons[best]!) < 0) ? p : best;
        });
        for (const p of list) if (p !== hub) addEdge(hub, p, 'organisation');
      }
    }
  }
  if (options.mentions && input.mentionsOf) {
    for (let i = 0; i < n; i++) {
      if (i % NODES_PER_STEP === NODES_PER_STEP - 1) yield;
      if (!isShown[i]) continue;
      for (const other of input.mentionsOf(adj.keys[i]!)) {
        const j = idx.get(other);
        if (j !== undefined && j !== i && isShown[j]) addEdge(i, j, 'mention');
      }
    }
  }
  counts.edges = graph.size;

  // The legend: groups in palette order, then the neutral ones; only what is drawn.
  const groupCount = new Map<string, number>();
  graph.forEachNode((_n, a) => groupCount.set(a.group, (groupCount.get(a.group) ?? 0) + 1));
  const order = (key: string) => (['other', 'alone', 'none', 'pending', 'greyed'].indexOf(key) + 1) * 1000 + PALETTE.indexOf(colourOf.get(key) as (typeof PALETTE)[number]);
  const legend = [...groupCount.entries()]
    .map(([key, count]) => ({ key, label: legendLabel.get(key)!, color: colourOf.get(key)!, count }))
    .sort((a, b) => order(a.key) - order(b.key));

  return {
    graph,
    legend,
    edgeKinds: (['knows', 'introduced_by', 'organisation', 'mention'] as const).filter((k) => edgeKinds.has(k)),
    counts,
    message: null,
    centre,
    focus,
  };
}

/** A person and the people they are tied to in the drawn graph (null for nobody), for hover highlighting. */
export function neighbourhood(graph: ModelGraph, path: string | null): Set<string> | null {
  if (path === null || !graph.hasNode(path)) return null;
  const out = new Set<string>([path]);
  graph.forEachNeighbor(path, (nb) => out.add(nb));
  return out;
}
