/**
 * The graph view as data: from the network, the view's options, the metrics and the positions to the
 * graphology graph the renderers draw (x, y, size, color, label…), with its legend and what to say when there
 * is nothing to draw. When more people would be drawn than the overview setting allows, closed groups are drawn
 * as one bubble each ("Around Anna (42)") with lines weighted by the ties between them; open groups show their
 * people in their disc. Pure: no obsidian, no sigma, no DOM.
 */
import Graph from 'graphology';
import { pairStrength, tieStrength } from '../../core/metrics';
import { pairCode } from '../../core/network';
import { runToEnd } from '../../core/steps';
import { legendOf, orgKey, type LegendEntry } from './colour-groups';
import { EDGE, INTRO, MENTION, ORGANISATION, fade } from './colours';
import type { Point } from './layout';
import { ALONE } from './overview';
import { baseFor, NODES_PER_STEP, TIES_PER_STEP, type ModelCache, type ModelInput } from './model-base';

export type { LegendEntry, LegendLabel } from './colour-groups';
export type { OverviewInput } from './overview';
export type { GraphMetrics, ModelCache, ModelInput } from './model-base';
export type EdgeKind = 'knows' | 'introduced_by' | 'organisation' | 'mention' | 'group';

export interface ModelNode {
  // What the renderers read (sigma's attributes).
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  forceLabel: boolean;
  highlighted: boolean;
  zIndex: number;
  // What the view reads.
  /** A person, or a closed group of the overview. */
  kind: 'person' | 'group';
  /** The person's path; for a group, its node key. */
  path: string;
  /** The legend entry this node belongs to. */
  group: string;
  archived: boolean;
  dormant: boolean;
  broker: number;
  community: number | null;
  /** People in a closed group; 0 for a person. */
  members: number;
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
  /** Tie strength of the two ends with you, 0..1 (0 for the other kinds). */
  strength: number;
  intro: number;
  /** Ties a group line stands for (1 for the others). */
  ties: number;
}

export type ModelGraph = Graph<ModelNode, ModelEdge>;

/** Why nothing is drawn: no people, nobody matches, no person for local mode, groups not found yet. */
export type ModelMessage = 'empty' | 'no-match' | 'no-centre' | 'grouping';

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
  /** The groups overview: how many groups, and which are open; null when every person is drawn. */
  overview: { groups: number; open: number[] } | null;
}

/** The node key of a closed group. */
export const groupKey = (group: number): string => `group:${group}`;

/** Where to draw a node without a position: a deterministic spot, never all on one point. */
function fallbackPoint(i: number): Point {
  const a = i * 2.399963, r = 10 * Math.sqrt(i + 1);
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

/** Lines a closed group keeps to others in the overview: its strongest (a backbone, not a ball of lines). */
const GROUP_LINES = 3;
/** Organisations of up to this many people are drawn as a clique; larger ones as a star around their best-connected member. */
const CLIQUE_UP_TO = 8;

/** The model, built at once. */
export function buildModel(input: ModelInput): GraphModel {
  return runToEnd(modelSteps(input));
}

/**
 * The model, built in steps of a few milliseconds: the view builds a large graph's model in time slices. With a
 * `cache` (the session's), what the last model shares with this one is taken from it (model-base.ts): opening a
 * group of the overview handles that group's people and their ties only.
 */
export function* modelSteps(input: ModelInput, cache?: ModelCache): Generator<void, GraphModel, void> {
  const { network, today, options, metrics, positions } = input;
  const persons = network.people, n = persons.length;
  const adj = network.adjacency;
  const counts = { people: n, shown: 0, edges: 0, missing: network.missing, selfLinks: network.selfLinks };
  const graph: ModelGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  const empty = (message: ModelMessage | null, centre: string | null = null): GraphModel => ({
    graph, legend: [], edgeKinds: [], counts, message, centre, focus: null, overview: null,
  });
  if (n === 0) return empty('empty');
  const base = yield* baseFor(input, cache);
  const { sel, greyed, colours, legendCount } = base;
  if (sel.noCentre) return empty('no-centre');
  if (sel.shown.length === 0) return empty('no-match');
  const { shown, isShown, introRank, introPairs, focusNeighbours } = sel;
  const intro = sel.intro, chosen = input.chosenPath ?? 0;
  const centre = sel.centre, focus = sel.focus;
  const pathOf = (i: number | null) => (i === null ? null : persons[i]!.path);

  // The groups overview: for a large network, outside local mode, unless the whole graph is asked for.
  const ov = input.overview;
  if (ov != null && !options.local && !options.whole && shown.length > ov.from && ov.groups === null) return { ...empty('grouping'), centre: pathOf(centre) };
  const grouped = base.overview;
  const groupOf = grouped ? grouped.groupOf : null;
  const open = new Set(grouped ? ov!.open : []);
  // A searched person and the people on intro paths are drawn as people: their groups open.
  if (groupOf) for (const i of [focus, ...introRank.keys()]) if (i !== null) open.add(groupOf[i]!);
  const drawn = (i: number) => isShown[i] === 1 && (groupOf === null || open.has(groupOf[i]!));
  // The people drawn: every shown person, or in the overview the members of open groups (in the network's order).
  let people: readonly number[] = shown;
  if (grouped) {
    const list: number[] = [];
    for (const g of open) for (const i of grouped.members.get(g) ?? []) list.push(i);
    people = list.sort((a, b) => a - b);
  }

  const bg = input.background ?? '#ffffff';
  const highlighting = intro !== null || focus !== null;

  // People: in the network's order (paths sorted), so the same input gives the same model.
  for (let k = 0; k < people.length; k++) {
    if (k % NODES_PER_STEP === NODES_PER_STEP - 1) yield;
    const i = people[k]!, p = persons[i]!, path = p.path;
    const key = colours.keyOf(i);
    const archived = (greyed[i]! & 1) === 1, dormant = (greyed[i]! & 2) === 2;
    const broker = metrics?.broker?.get(path) ?? 0;
    const rank = introRank.get(i) ?? 0;
    const inFocus = i === focus || focusNeighbours.has(i);
    const dimmed = intro !== null ? rank === 0 : focus !== null && !inFocus;
    const base = colours.colour(key);
    let pos = positions.get(path) ?? fallbackPoint(i);
    if (groupOf) {
      const g = groupOf[i]!, c = ov!.centres.get(g), o = ov!.offsets.get(path);
      pos = c && o ? { x: c.x + o.x, y: c.y + o.y } : c ?? pos;
    }
    let size = metrics?.broker ? 4 + 12 * Math.sqrt(broker) : 5;
    if (archived || dormant) size *= 0.8;
    if (rank > 0 || i === focus || i === centre) size += 2;
    graph.addNode(path, {
      label: p.name, x: pos.x, y: pos.y, size,
      color: dimmed ? fade(base, 0.15, bg) : base,
      forceLabel: rank > 0 || inFocus || i === centre,
      highlighted: i === focus || i === centre || path === intro?.target || (rank === 2 && intro?.paths[chosen]?.[0] === path),
      zIndex: rank > 0 || i === focus ? 2 : dimmed ? 0 : 1,
      kind: 'person', path, group: key, archived, dormant, broker, members: 0,
      community: metrics?.community.get(path) ?? null, dimmed, intro: rank,
    });
  }

  // Closed groups: one bubble each, in the colour of their group, sized by the people they hold.
  const groupsShown = new Set<number>();
  if (grouped) {
    for (const g of grouped.bubbles.keys()) groupsShown.add(g);
    for (const [g, b] of [...grouped.bubbles].filter(([g]) => !open.has(g)).sort((x, y) => x[0] - y[0])) {
      const lead = g === ALONE ? null : grouped.leads.get(g);
      const c = ov!.centres.get(g) ?? fallbackPoint(n + g + 1);
      graph.addNode(groupKey(g), {
        label: ov!.label(lead === undefined || lead === null ? null : persons[lead]!.name, b.members),
        x: c.x, y: c.y, size: 5 + 1.3 * Math.sqrt(b.members),
        color: colours.colour(b.colourKey ?? 'greyed'),
        forceLabel: false, highlighted: false, zIndex: 1,
        kind: 'group', path: groupKey(g), group: b.colourKey ?? 'greyed', archived: false, dormant: false, broker: 0,
        members: b.members, community: g, dimmed: highlighting, intro: 0,
      });
    }
  }
  counts.shown = shown.length;

  // Lines: one per pair. knows and introduced_by first (an introduction is an arrow from the introducer).
  const edgeKinds = new Set<EdgeKind>();
  const edgeOf = new Map<number, string>();
  const shades = Array.from({ length: 21 }, (_, k) => fade(EDGE, 0.35 + 0.45 * (k / 20), bg));
  const lineColour = { mention: fade(MENTION, 0.75, bg), organisation: fade(ORGANISATION, 0.7, bg), group: fade(EDGE, 0.35, bg) };
  const dimEdge = fade(EDGE, 0.08, bg), otherPath = fade(INTRO, 0.55, bg);
  const strength = new Float64Array(n).fill(-1);
  const strengthAt = (i: number) => (strength[i]! >= 0 ? strength[i]! : (strength[i] = tieStrength(persons[i]!, today)));
  // Endpoints: a drawn person is its index; a closed group is n + its id + 1 (ALONE is -1).
  const endpoint = (i: number) => (drawn(i) ? i : n + groupOf![i]! + 1);
  const keyOf = (e: number) => (e < n ? persons[e]!.path : groupKey(e - n - 1));
  const total = grouped ? grouped.total : n;
  // Lines between closed groups as the base counted them; the ties of open groups are handled below.
  const groupTies = new Map<number, number>(grouped?.closedTies);
  const addEdge = (i: number, j: number, kind: EdgeKind) => {
    const code = pairCode(i, j, n);
    const source = persons[i]!.path, target = persons[j]!.path;
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
    const tie = kind === 'knows' || kind === 'introduced_by';
    const s = tie ? pairStrength(strengthAt(i), strengthAt(j)) : 0;
    const rank = intro ? introPairs.get(code) ?? 0 : 0;
    const dimmed = highlighting && rank === 0 && !(focus !== null && (i === focus || j === focus));
    let color = kind === 'mention' ? lineColour.mention : kind === 'organisation' ? lineColour.organisation : shades[Math.round(s * 20)]!;
    if (dimmed) color = dimEdge;
    if (rank > 0) color = rank === 2 ? INTRO : otherPath;
    const key = `e${edgeOf.size}`;
    edgeOf.set(code, key);
    graph.addDirectedEdgeWithKey(key, source, target, {
      kind,
      type: kind === 'introduced_by' ? 'arrow' : 'line',
      size: rank === 2 ? 4 : rank === 1 ? 2.5 : tie ? 0.5 + 2.5 * s : 1.2,
      color,
      zIndex: rank > 0 ? 3 : tie ? 1 : 0,
      strength: s,
      intro: rank,
      ties: 1,
    });
    edgeKinds.add(kind);
  };
  const { ends, introduced } = network.ties;
  // The ties to handle one by one: every tie, or in the overview those of open groups (in the network's order).
  let tieList: ArrayLike<number> | null = null;
  if (grouped) {
    const seen = new Set<number>();
    for (const g of open) for (const k of grouped.touching.get(g) ?? []) seen.add(k);
    tieList = Int32Array.from(seen).sort();
  }
  const tieCount = tieList ? tieList.length : introduced.length;
  for (let t = 0; t < tieCount; t++) {
    if (t % TIES_PER_STEP === TIES_PER_STEP - 1) yield;
    const k = tieList ? tieList[t]! : t;
    const a = ends[2 * k]!, b = ends[2 * k + 1]!;
    if (!isShown[a] || !isShown[b]) continue;
    if (grouped) {
      // The base counted this tie between two closed groups: one of them is open now.
      const ga = groupOf![a]!, gb = groupOf![b]!;
      if (ga !== gb) {
        const code = pairCode(n + ga + 1, n + gb + 1, total);
        const left = groupTies.get(code)! - 1;
        if (left > 0) groupTies.set(code, left);
        else groupTies.delete(code);
      }
    }
    const ea = groupOf ? endpoint(a) : a, eb = groupOf ? endpoint(b) : b;
    if (ea >= n || eb >= n) {
      // A tie with a closed group: counted on the line between the two ends' nodes.
      if (ea !== eb) {
        const code = pairCode(ea, eb, total);
        groupTies.set(code, (groupTies.get(code) ?? 0) + 1);
      }
      continue;
    }
    // introduced_by runs from the person introduced to the introducer: the arrow goes the other way.
    if (introduced[k]) addEdge(b, a, 'introduced_by');
    else addEdge(a, b, 'knows');
  }
  if (groupTies.size > 0) {
    // The backbone: a closed group keeps its GROUP_LINES strongest lines, a person their strongest; a line is
    // drawn when it is among the strongest of a group at either end and of any person at its end.
    const strongest = new Map<number, number[]>();
    for (const [code, w] of groupTies)
      for (const e of [Math.floor(code / total), code % total]) {
        const list = strongest.get(e);
        if (list) list.push(w);
        else strongest.set(e, [w]);
      }
    const floor = new Map<number, number>();
    for (const [e, ws] of strongest) floor.set(e, ws.sort((a, b) => b - a)[Math.min(ws.length, e < n ? 1 : GROUP_LINES) - 1]!);
    let most = 1;
    for (const w of groupTies.values()) most = Math.max(most, w);
    for (const [code, w] of groupTies) {
      const a = Math.floor(code / total), b = code % total;
      const kept = (e: number) => w >= floor.get(e)!;
      if (a < n || b < n ? !(kept(a) && kept(b)) : !(kept(a) || kept(b))) continue;
      graph.addDirectedEdgeWithKey(`g${code}`, keyOf(a), keyOf(b), {
        kind: 'group', type: 'line', size: 0.6 + 2.4 * (Math.log1p(w) / Math.log1p(most)),
        color: highlighting ? dimEdge : lineColour.group, zIndex: 0, strength: 0, intro: 0, ties: w,
      });
    }
    edgeKinds.add('group');
  }

  if (options.sameOrganisation) {
    // A clique of n people is n²/2 lines (125,000 for an organisation of 500): larger ones become a star.
    const members = new Map<string, number[]>();
    for (const i of shown) {
      const k = drawn(i) ? orgKey(persons[i]!.organisation) : null;
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
      if (list.length <= CLIQUE_UP_TO) {
        for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) addEdge(list[a]!, list[b]!, 'organisation');
      } else {
        const hub = list.reduce((best, p) => (degree(p) > degree(best) ? p : best));
        for (const p of list) if (p !== hub) addEdge(hub, p, 'organisation');
      }
    }
  }
  if (options.mentions && input.mentionsOf) {
    for (let k = 0; k < shown.length; k++) {
      if (k % NODES_PER_STEP === NODES_PER_STEP - 1) yield;
      const i = shown[k]!;
      if (!drawn(i)) continue;
      for (const other of input.mentionsOf(persons[i]!.path)) {
        const j = network.indexOf.get(other);
        if (j !== undefined && j !== i && drawn(j)) addEdge(i, j, 'mention');
      }
    }
  }
  counts.edges = graph.size;

  return {
    graph,
    legend: legendOf(colours, legendCount),
    edgeKinds: (['knows', 'introduced_by', 'organisation', 'mention', 'group'] as const).filter((k) => edgeKinds.has(k)),
    counts,
    message: null,
    centre: pathOf(centre),
    focus: pathOf(focus),
    overview: groupOf ? { groups: groupsShown.size, open: [...open].filter((g) => groupsShown.has(g)).sort((a, b) => a - b) } : null,
  };
}

/** A node and the nodes it is tied to in the drawn graph (null for none), for hover highlighting. */
export function neighbourhood(graph: ModelGraph, key: string | null): Set<string> | null {
  if (key === null || !graph.hasNode(key)) return null;
  const out = new Set<string>([key]);
  graph.forEachNeighbor(key, (nb) => out.add(nb));
  return out;
}
