import { describe, expect, it } from 'vitest';
import { buildNetwork, introPaths, type Network } from '../../src/core/network';
import type { NoteRecord } from '../../src/core/types';
import { PeopleIndex } from '../../src/index/people-index';
import { brokersSteps, communitiesSteps, layoutMatrices, layoutSettings, layoutSteps } from '../../src/views/graph/jobs';
import { layoutJob, placeNodes, positionMap, type Point } from '../../src/views/graph/layout';
import { fade, greyedColour, INTRO, NEUTRAL, ORGANISATION, PALETTE } from '../../src/views/graph/colours';
import { buildModel, groupKey, modelSteps, type GraphMetrics, type ModelCache, type ModelInput } from '../../src/views/graph/model';
import { overviewGroups, packGroups } from '../../src/views/graph/overview';
import { DEFAULT_GRAPH_OPTIONS, readOptions, type GraphOptions } from '../../src/views/graph/options';
import { filterChoices } from '../../src/views/graph/selection';
import { PluginData } from '../../src/settings/plugin-data';
import { runToEnd } from '../../src/core/steps';
import { packPositions, POSITIONS_KEY, readPositions } from '../../src/views/graph/positions';
import { mergeSettings } from '../../src/settings/settings';
import { capacity } from '../../src/views/attention/model';
import { day, person, personRecord, settings } from '../builders';
import { graphVault as vault } from '../fixtures/graph-vault';

const T = day('2026-11-24');
const P = (n: string) => `People/${n}.md`;

function networkOf(...records: NoteRecord[]): { network: Network; index: PeopleIndex } {
  const index = new PeopleIndex(settings);
  index.rebuild(records);
  return { network: buildNetwork(index.people(), (t, from) => index.resolvePerson(t, from)), index };
}


/** Metrics as the worker computes them. */
function metricsOf(network: Network): GraphMetrics {
  const adj = network.adjacency;
  const arrays = { n: adj.keys.length, offsets: adj.offsets, neighbours: adj.neighbours };
  const c = runToEnd(communitiesSteps({ type: 'communities', ...arrays }));
  const b = runToEnd(brokersSteps({ type: 'brokers', ...arrays }));
  return {
    community: new Map(adj.keys.map((k, i) => [k, c.community[i]!])),
    broker: new Map(adj.keys.map((k, i) => [k, b.broker[i]!])),
  };
}

function model(network: Network, change: Omit<Partial<ModelInput>, 'options'> & { options?: Partial<GraphOptions> } = {}) {
  const { options, ...rest } = change;
  return buildModel({
    network, today: T, settings, metrics: null, positions: new Map(),
    ...rest,
    options: { ...DEFAULT_GRAPH_OPTIONS, ...options },
  });
}

const nodes = (m: ReturnType<typeof model>) => m.graph.nodes().map((p) => p.slice(7, -3)).sort();


describe('filters', () => {
  const { network, index } = networkOf(...vault());
  const tagsOf = (path: string) => (index.person(path) ? (index.personAt(path)?.name === 'A' ? ['client'] : index.personAt(path)?.name === 'C' ? ['client/key'] : []) : []);

  it('shows everyone but the archived by default', () => {
    const m = model(network);
    expect(nodes(m)).toEqual(['A', 'B', 'Bridge', 'C', 'Sleepy', 'Solo', 'X', 'Y', 'Z']);
    expect(m.counts).toMatchObject({ people: 10, shown: 9, missing: 1, selfLinks: 1 });
    expect(nodes(model(network, { options: { showArchived: true } }))).toContain('Old');
  });

  it('by organisation, case-insensitively', () => {
    expect(nodes(model(network, { options: { organisation: 'ACME' } }))).toEqual(['A', 'B', 'C']);
  });

  it('by circle: that circle and the closer ones', () => {
    expect(nodes(model(network, { options: { circle: 15 } }))).toEqual(['A', 'B']);
    expect(nodes(model(network, { options: { circle: 150 } }))).toEqual(['A', 'B', 'C', 'Z']);
  });

  it('by circle as the sidebar counts it: the own circle, or the circle a cadence implies', () => {
    const records = [
      personRecord('Own5', { circle: 5 }),
      personRecord('Weekly', { cadence: 'weekly' }),
      personRecord('Monthly', { cadence: 'monthly' }),
      personRecord('Own15Slow', { circle: 15, cadence: 'yearly' }),
      personRecord('Quarterly', { cadence: 'quarterly' }),
      personRecord('Yearly', { cadence: '2 years' }),
      personRecord('Nothing', {}),
      personRecord('Gone', { circle: 5, archived: true }),
    ];
    const net = networkOf(...records).network;
    const people = records.map((r) => person(r.basename, r.frontmatter ?? {}));
    expect(nodes(model(net, { options: { circle: 5 } }))).toEqual(['Own5', 'Weekly']);
    expect(nodes(model(net, { options: { circle: 15 } }))).toEqual(['Monthly', 'Own15Slow', 'Own5', 'Weekly']);
    // The capacity meter and the filter agree in every circle.
    for (const layer of capacity(people, settings)) expect(nodes(model(net, { options: { circle: layer.circle } }))).toHaveLength(layer.count);
  });

  it('by tag, nested tags included', () => {
    expect(nodes(model(network, { options: { tag: 'client' }, tagsOf }))).toEqual(['A', 'C']);
    expect(nodes(model(network, { options: { tag: 'client/key' }, tagsOf }))).toEqual(['C']);
  });

  it('says when nobody matches, and when the vault is empty', () => {
    expect(model(network, { options: { organisation: 'Nowhere' } }).message).toBe('no-match');
    const empty = model(networkOf().network);
    expect(empty.message).toBe('empty');
    expect(empty.graph.order).toBe(0);
  });

  it('lists organisations and tags for the menus, most common first', () => {
    const choices = filterChoices(index.people(), tagsOf);
    expect(choices.organisations).toEqual(['Acme', 'Globex', 'Freelance']);
    expect(choices.tags).toEqual(['client', 'client/key']);
  });

  it('reads stored options, ignoring junk', () => {
    expect(readOptions({ colourBy: 'organisation', depth: 3, circle: 15, local: true, tag: '#client', bogus: 1 })).toEqual({
      ...DEFAULT_GRAPH_OPTIONS, colourBy: 'organisation', depth: 3, circle: 15, local: true, tag: 'client',
    });
    expect(readOptions({ depth: 9, circle: 7, colourBy: 'rainbow' })).toEqual(DEFAULT_GRAPH_OPTIONS);
    expect(readOptions(null)).toEqual(DEFAULT_GRAPH_OPTIONS);
  });
});

describe('local mode', () => {
  const { network } = networkOf(...vault());

  it('shows the centre and the people within the depth', () => {
    expect(nodes(model(network, { options: { local: true, depth: 1 }, centre: P('Bridge') }))).toEqual(['Bridge', 'C', 'X']);
    expect(nodes(model(network, { options: { local: true, depth: 2 }, centre: P('Bridge') }))).toEqual(['A', 'B', 'Bridge', 'C', 'X', 'Y', 'Z']);
    expect(nodes(model(network, { options: { local: true, depth: 3 }, centre: P('Bridge') }))).toEqual(['A', 'B', 'Bridge', 'C', 'Sleepy', 'X', 'Y', 'Z']);
  });

  it('walks through shown people only, and always shows the centre', () => {
    // An archived centre is shown all the same.
    expect(nodes(model(network, { options: { local: true, depth: 1 }, centre: P('Old') }))).toEqual(['A', 'Old']);
    // Bridge is two steps from A, through C, whom the filter hides: not reached.
    expect(nodes(model(network, { options: { local: true, depth: 3, organisation: 'Freelance' }, centre: P('A') }))).toEqual(['A']);
    // Old (archived) knows A: reached only when archived people are shown.
    expect(nodes(model(network, { options: { local: true, depth: 1 }, centre: P('A') }))).toEqual(['A', 'B', 'C']);
    expect(nodes(model(network, { options: { local: true, depth: 1, showArchived: true }, centre: P('A') }))).toEqual(['A', 'B', 'C', 'Old']);
    expect(nodes(model(network, { options: { local: true, depth: 2, organisation: 'Globex' }, centre: P('Bridge') }))).toEqual(['Bridge', 'X', 'Y', 'Z']);
  });

  it('marks the centre, and asks for a person when there is none', () => {
    const m = model(network, { options: { local: true }, centre: P('Bridge') });
    expect(m.centre).toBe(P('Bridge'));
    expect(m.graph.getNodeAttributes(P('Bridge'))).toMatchObject({ highlighted: true, forceLabel: true });
    expect(model(network, { options: { local: true }, centre: null }).message).toBe('no-centre');
    expect(model(network, { options: { local: true }, centre: 'Notes/Not a person.md' }).message).toBe('no-centre');
  });
});

describe('edges', () => {
  const { network, index } = networkOf(...vault());

  it('draws knows as lines and an introduction as an arrow from the introducer', () => {
    const m = model(network);
    const edge = (a: string, b: string) => m.graph.edge(P(a), P(b));
    expect(m.graph.getEdgeAttributes(edge('A', 'B')!)).toMatchObject({ kind: 'knows', type: 'line' });
    // Y says introduced_by X (and X knows Y): one edge, an arrow X → Y.
    expect(edge('X', 'Y')).toBeDefined();
    expect(edge('Y', 'X')).toBeUndefined();
    expect(m.graph.getEdgeAttributes(edge('X', 'Y')!)).toMatchObject({ kind: 'introduced_by', type: 'arrow' });
    expect(m.edgeKinds).toEqual(['knows', 'introduced_by']);
    // No self-loop for Solo, no edge to a missing note; one edge per pair.
    expect(m.graph.degree(P('Solo'))).toBe(0);
    expect(m.graph.size).toBe(9);
  });

  it('makes ties between people you are in touch with wider', () => {
    const m = model(network);
    const width = (a: string, b: string) => m.graph.getEdgeAttribute(m.graph.edge(P(a), P(b)) ?? m.graph.edge(P(b), P(a))!, 'size');
    expect(width('A', 'B')).toBeGreaterThan(width('Bridge', 'C'));
    expect(width('Bridge', 'C')).toBeGreaterThan(width('Y', 'Z'));
    expect(width('Y', 'Z')).toBe(0.5);
  });

  it('adds light same-organisation edges behind a toggle', () => {
    const { network: n2 } = networkOf(
      ...vault(),
      personRecord('D', { organisation: 'Acme' }),
    );
    const off = model(n2);
    expect(off.graph.edges().some((e) => off.graph.getEdgeAttribute(e, 'kind') === 'organisation')).toBe(false);
    const on = model(n2, { options: { sameOrganisation: true } });
    const org = on.graph.edges().filter((e) => on.graph.getEdgeAttribute(e, 'kind') === 'organisation');
    // Acme: A, B, C already know each other; D gets three light edges. Globex: all already tied.
    expect(org.map((e) => on.graph.extremities(e).map((p) => p.slice(7, -3)).sort().join('-')).sort()).toEqual(['A-D', 'B-D', 'C-D']);
    expect(on.graph.getEdgeAttributes(org[0]!)).toMatchObject({ size: 1.2, zIndex: 0, strength: 0, color: fade(ORGANISATION, 0.7) });
    expect(on.edgeKinds).toContain('organisation');
  });

  it('draws same-organisation and mention lines visible and distinct from knows and from each other', () => {
    const { network: n2 } = networkOf(...vault(), personRecord('D', { organisation: 'Acme' }));
    const mentionsOf = (path: string) => (path === P('Solo') ? [P('Z')] : []);
    const m = model(n2, { options: { sameOrganisation: true, mentions: true }, mentionsOf });
    const colours = new Map<string, Set<string>>();
    m.graph.forEachEdge((_e, a) => {
      if (!colours.has(a.kind)) colours.set(a.kind, new Set());
      colours.get(a.kind)!.add(a.color);
      if (a.kind === 'organisation' || a.kind === 'mention') expect(a.size).toBeGreaterThanOrEqual(1);
    });
    const org = [...colours.get('organisation')!], mention = [...colours.get('mention')!];
    expect(org).toHaveLength(1);
    expect(mention).toHaveLength(1);
    expect(org[0]).not.toBe(mention[0]);
    for (const c of colours.get('knows')!) expect([org[0], mention[0]]).not.toContain(c);
    // Neither fades into a white background: at most 75% as light as white in any channel.
    const channel = (hex: string, k: number) => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
    for (const c of [org[0]!, mention[0]!]) expect(Math.min(channel(c, 0), channel(c, 1), channel(c, 2))).toBeLessThan(200);
  });

  it('connects a large organisation as a star, not a clique', () => {
    const records = Array.from({ length: 30 }, (_, i) => personRecord(`M${i}`, { organisation: 'Big', knows: i > 0 ? ['[[M0]]'] : [] }));
    const on = model(networkOf(...records).network, { options: { sameOrganisation: true } });
    expect(on.graph.size).toBe(29);
  });

  it('adds light mention edges behind a toggle', () => {
    const mentionsOf = (path: string) => (path === P('Solo') ? [P('Z'), P('Solo'), P('Ghost')] : path === P('A') ? [P('B')] : []);
    const on = model(network, { options: { mentions: true }, mentionsOf });
    const kind = (a: string, b: string) => on.graph.getEdgeAttribute(on.graph.edge(P(a), P(b)) ?? on.graph.edge(P(b), P(a))!, 'kind');
    expect(kind('Solo', 'Z')).toBe('mention');
    // A already knows B: the knows edge stays.
    expect(kind('A', 'B')).toBe('knows');
    expect(model(network, { mentionsOf }).graph.degree(P('Solo'))).toBe(0);
    void index;
  });
});

describe('colours and the legend', () => {
  const { network } = networkOf(...vault());
  const metrics = metricsOf(network);

  it('colours by community once metrics are in, and names each group after its broker', () => {
    const pending = model(network);
    expect(pending.legend.map((e) => e.label.kind)).toEqual(['pending', 'greyed']);
    expect(pending.graph.getNodeAttribute(P('A'), 'color')).toBe(NEUTRAL);

    const m = model(network, { metrics });
    const colour = (n: string) => m.graph.getNodeAttribute(P(n), 'color');
    expect(colour('A')).toBe(colour('B'));
    expect(colour('X')).toBe(colour('Y'));
    expect(colour('A')).not.toBe(colour('X'));
    expect(PALETTE).toContain(colour('A'));
    // Solo has no ties: its own neutral group.
    expect(m.graph.getNodeAttribute(P('Solo'), 'group')).toBe('alone');
    expect(colour('Solo')).toBe(NEUTRAL);
    const labels = m.legend.map((e) => e.label);
    expect(labels).toContainEqual({ kind: 'alone' });
    expect(labels.filter((l) => l.kind === 'community').length).toBe(2);
    // Every legend entry counts the nodes drawn in its colour.
    expect(m.legend.reduce((s, e) => s + e.count, 0)).toBe(m.graph.order);
  });

  it('sizes people by how much they broker', () => {
    const m = model(network, { metrics });
    const size = (n: string) => m.graph.getNodeAttribute(P(n), 'size');
    expect(metrics.broker!.get(P('Bridge'))).toBeGreaterThan(0.5);
    expect(size('Bridge')).toBeGreaterThan(size('A'));
    expect(size('A')).toBeGreaterThan(size('B'));
    expect(size('B')).toBe(4);
    expect(model(network).graph.getNodeAttribute(P('Bridge'), 'size')).toBe(5);
  });

  it('colours by organisation, with the other and none groups', () => {
    const m = model(network, { metrics, options: { colourBy: 'organisation' } });
    const colour = (n: string) => m.graph.getNodeAttribute(P(n), 'color');
    expect(colour('A')).toBe(PALETTE[0]);
    expect(colour('C')).toBe(PALETTE[0]);
    expect(colour('X')).toBe(PALETTE[1]);
    expect(colour('Bridge')).toBe(PALETTE[2]);
    expect(colour('Solo')).toBe(NEUTRAL);
    expect(m.legend.map((e) => e.label)).toEqual([
      { kind: 'organisation', name: 'Acme' },
      { kind: 'organisation', name: 'Globex' },
      { kind: 'organisation', name: 'Freelance' },
      { kind: 'no-organisation' },
      { kind: 'greyed' },
    ]);
    expect(m.legend[0]!.count).toBe(3);
  });

  it('greys archived and dormant people in either colouring', () => {
    for (const colourBy of ['community', 'organisation'] as const) {
      const m = model(network, { metrics, options: { colourBy, showArchived: true } });
      expect(m.graph.getNodeAttributes(P('Old'))).toMatchObject({ color: greyedColour(), archived: true, group: 'greyed' });
      expect(m.graph.getNodeAttributes(P('Sleepy'))).toMatchObject({ color: greyedColour(), dormant: true });
      expect(m.graph.getNodeAttribute(P('A'), 'color')).not.toBe(greyedColour());
    }
    // On a dark background, the grey is dark; every colour is opaque (sigma adds translucent ones up).
    const dark = model(network, { metrics, background: 'rgb(30, 30, 30)', options: { showArchived: true } });
    expect(dark.graph.getNodeAttribute(P('Old'), 'color')).toBe('#545454');
    expect(greyedColour()).toBe('#d0d0d0');
    for (const e of dark.graph.edges()) expect(dark.graph.getEdgeAttribute(e, 'color')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('mixes faded colours with the background', () => {
    expect(fade('#ff0000', 0.5)).toBe('#ff8080');
    expect(fade('#f00', 0.5, 'rgb(0, 0, 0)')).toBe('#800000');
    expect(fade('rgba(0, 0, 255, 1)', 0.25, '#ffffff')).toBe('#bfbfff');
    expect(fade('hsl(0, 0%, 0%)', 0.5)).toBe('hsl(0, 0%, 0%)');
  });
});

describe('highlights', () => {
  const { network, index } = networkOf(...vault());

  it('highlights intro paths and dims everyone else', () => {
    const intro = introPaths(network.graph(), P('Y'), T, settings, 3);
    expect(intro.paths[0]).toEqual([P('Bridge'), P('X'), P('Y')]);
    const m = model(network, { intro, chosenPath: 0 });
    const node = (n: string) => m.graph.getNodeAttributes(P(n));
    expect(node('Bridge')).toMatchObject({ intro: 2, dimmed: false, forceLabel: true, highlighted: true });
    expect(node('X')).toMatchObject({ intro: 2, dimmed: false });
    expect(node('Y')).toMatchObject({ intro: 2, highlighted: true });
    expect(node('A')).toMatchObject({ intro: 0, dimmed: true });
    expect(node('A').color).toBe(fade(NEUTRAL, 0.15));
    const edge = m.graph.getEdgeAttributes(m.graph.edge(P('Bridge'), P('X')) ?? m.graph.edge(P('X'), P('Bridge'))!);
    expect(edge).toMatchObject({ intro: 2, color: INTRO, size: 4 });
    expect(m.graph.getEdgeAttribute(m.graph.edge(P('A'), P('B'))!, 'color')).toBe(fade('#808080', 0.08));
  });

  it('shows intro paths through people the filters hide', () => {
    const intro = introPaths(network.graph(), P('Y'), T, settings, 3);
    const m = model(network, { intro, options: { organisation: 'Globex' } });
    expect(nodes(m)).toEqual(['Bridge', 'X', 'Y', 'Z']);
  });

  it('focuses a searched person and their neighbours', () => {
    const m = model(network, { focus: P('Bridge') });
    expect(m.focus).toBe(P('Bridge'));
    expect(m.graph.getNodeAttributes(P('Bridge'))).toMatchObject({ highlighted: true, dimmed: false });
    expect(m.graph.getNodeAttributes(P('C'))).toMatchObject({ forceLabel: true, dimmed: false });
    expect(m.graph.getNodeAttributes(P('A'))).toMatchObject({ dimmed: true });
    // Someone hidden by the filters is not focused.
    expect(model(network, { focus: P('Old') }).focus).toBeNull();
    void index;
  });
});

describe('positions', () => {
  const { network } = networkOf(...vault());
  const adj = network.adjacency;

  it('draws at the given positions, and somewhere distinct without them', () => {
    const positions = new Map<string, Point>([[P('A'), { x: 1.5, y: -2 }]]);
    const m = model(network, { positions });
    expect(m.graph.getNodeAttributes(P('A'))).toMatchObject({ x: 1.5, y: -2 });
    const spots = new Set(m.graph.nodes().map((n) => `${m.graph.getNodeAttribute(n, 'x')},${m.graph.getNodeAttribute(n, 'y')}`));
    expect(spots.size).toBe(m.graph.order);
  });

  it('keeps saved positions and places a new person near the people they know', () => {
    const saved = new Map<string, Point>();
    adj.keys.forEach((k, i) => saved.set(k, { x: (i % 4) * 100, y: Math.floor(i / 4) * 100 }));
    const full = placeNodes(adj, saved);
    expect(full.fresh).toBe(0);
    expect(layoutJob(adj, full)).toBeNull();
    expect(positionMap(adj.keys, full.xy).get(P('A'))).toEqual(saved.get(P('A')));

    // Z is new: it goes near the mean of X, Y and Sleepy.
    saved.delete(P('Z'));
    const placed = placeNodes(adj, saved);
    expect(placed.fresh).toBe(1);
    const z = positionMap(adj.keys, placed.xy).get(P('Z'))!;
    const around = [P('X'), P('Y'), P('Sleepy')].map((p) => saved.get(p)!);
    const mean = { x: around.reduce((s, p) => s + p.x, 0) / 3, y: around.reduce((s, p) => s + p.y, 0) / 3 };
    expect(Math.hypot(z.x - mean.x, z.y - mean.y)).toBeLessThan(100);
    for (const k of adj.keys) if (k !== P('Z')) expect(positionMap(adj.keys, placed.xy).get(k)).toEqual(saved.get(k));
    // Only the new person moves in the layout that follows.
    const job = layoutJob(adj, placed)!;
    expect(job.maxMs).toBeLessThanOrEqual(1000);
    const moved = runToEnd(layoutSteps(job));
    const after = positionMap(adj.keys, moved.positions);
    for (const k of adj.keys) if (k !== P('Z')) expect(after.get(k)!.x).toBeCloseTo(saved.get(k)!.x, 3);
  });

  it('places a group nobody placed yet next to the drawing, members together', () => {
    const { network: grown } = networkOf(...vault(), personRecord('N1', { knows: ['[[N2]]'] }), personRecord('N2', {}));
    const saved = new Map<string, Point>();
    adj.keys.forEach((k, i) => saved.set(k, { x: (i % 4) * 100, y: Math.floor(i / 4) * 100 }));
    const placed = positionMap(grown.adjacency.keys, placeNodes(grown.adjacency, saved).xy);
    const n1 = placed.get(P('N1'))!, n2 = placed.get(P('N2'))!;
    expect(Math.hypot(n1.x - n2.x, n1.y - n2.y)).toBeLessThan(100);
    expect(Math.hypot(n1.x - 150, n1.y - 100)).toBeGreaterThan(150);
  });

  it('lays out from scratch until it settles, in bounded steps', () => {
    const placement = placeNodes(adj, new Map());
    expect(placement.fresh).toBe(adj.keys.length);
    const job = layoutJob(adj, placement)!;
    expect(job.settings.barnesHutOptimize).toBe(false);
    let steps = 0;
    const gen = layoutSteps(job);
    let r = gen.next();
    while (!r.done) {
      steps++;
      r = gen.next();
    }
    expect(r.value.settled).toBe(true);
    expect(r.value.iterations).toBe(steps + 1);
    // Friends end closer than strangers.
    const pos = positionMap(adj.keys, r.value.positions);
    const d = (a: string, b: string) => Math.hypot(pos.get(P(a))!.x - pos.get(P(b))!.x, pos.get(P(a))!.y - pos.get(P(b))!.y);
    expect(d('A', 'B')).toBeLessThan(d('A', 'Y'));
    expect(layoutSettings(2000).barnesHutOptimize).toBe(true);
    expect(layoutMatrices(adj, placement.xy).edges.length).toBe(3 * (adj.neighbours.length / 2));
  });

  it('stores positions rounded, reads them back, and survives a settings save', async () => {
    const packed = packPositions(new Map([[P('B'), { x: 1.26, y: -3.04 }], [P('A'), { x: 10, y: 0.05 }], [P('Gone'), { x: 0, y: 0 }]]), (p) => p !== P('Gone'));
    expect(packed).toEqual({ [P('A')]: [10, 0.1], [P('B')]: [1.3, -3] });
    expect(Object.keys(packed)).toEqual([P('A'), P('B')]);
    const data = { ...mergeSettings({}), [POSITIONS_KEY]: { ...packed, junk: 'x', bad: [1, 'a'] } };
    expect([...readPositions(data)]).toEqual([[P('A'), { x: 10, y: 0.1 }], [P('B'), { x: 1.3, y: -3 }]]);
    // Positions are not settings, and a settings save keeps them.
    expect(POSITIONS_KEY in mergeSettings(data)).toBe(false);
    let written: Record<string, unknown> = {};
    const store = new PluginData({ loadData: () => Promise.resolve(data), saveData: (d) => ((written = d as Record<string, unknown>), Promise.resolve()) });
    await store.load();
    await store.saveData(mergeSettings(data));
    expect(written[POSITIONS_KEY]).toEqual(data[POSITIONS_KEY]);
    const empty = new PluginData({ loadData: () => Promise.resolve(null), saveData: (d) => ((written = d as Record<string, unknown>), Promise.resolve()) });
    await empty.load();
    await empty.saveData(mergeSettings({}));
    expect(POSITIONS_KEY in written).toBe(false);
    expect(readPositions(null).size).toBe(0);
  });
});

describe('the groups overview', () => {
  /** 12 groups of 10 who all know each other; each group tied to the next two by a few ties. */
  const records: NoteRecord[] = [];
  for (let g = 0; g < 12; g++)
    for (let i = 0; i < 10; i++) {
      const knows = Array.from({ length: 9 - i }, (_, k) => `[[G${g}M${i + k + 1}]]`);
      if (i < 3) knows.push(`[[G${(g + 1) % 12}M${i + 4}]]`);
      if (i === 0) knows.push(`[[G${(g + 2) % 12}M9]]`);
      records.push(personRecord(`G${g}M${i}`, { knows, ...(i === 5 && g % 3 === 0 ? { archived: true } : {}) }));
    }
  const { network } = networkOf(...records);
  const metrics = metricsOf(network);
  const groups = overviewGroups(network, metrics.community);
  const sizes = new Map<number, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const centres = packGroups(sizes, new Map());
  const input = (open: number[], options: Partial<GraphOptions> = {}): ModelInput => ({
    network, today: T, settings, metrics, positions: new Map(), options: { ...DEFAULT_GRAPH_OPTIONS, ...options },
    overview: { from: 50, groups, open: new Set(open), centres, offsets: new Map(), label: (lead, n) => `${lead} (${n})` },
  });

  it('opens a group from the last model\'s base (who is shown, colours, lines between closed groups): the same model as one built anew', () => {
    const cache: ModelCache = { base: null };
    const closed = runToEnd(modelSteps(input([]), cache));
    const base = cache.base;
    expect(base).not.toBeNull();
    expect(closed.overview!.groups).toBe(12);
    const g = closed.graph.getNodeAttribute(closed.graph.nodes()[0]!, 'community')!;
    const opened = runToEnd(modelSteps(input([g]), cache));
    expect(cache.base).toBe(base);
    expect(opened.graph.export()).toEqual(buildModel(input([g])).graph.export());
    expect(opened.graph.hasNode(groupKey(g))).toBe(false);
    expect(opened.graph.filterNodes((_k, a) => a.kind === 'person').length).toBe(closed.graph.getNodeAttribute(groupKey(g), 'members'));
    // Each line to a closed group stands for as many ties as there are between its ends.
    const node = (path: string) => (opened.graph.hasNode(path) ? path : groupKey(groups[network.indexOf.get(path)!]!));
    const shown = new Set(opened.graph.nodes());
    const ties = new Map<string, number>();
    const { ends } = network.ties;
    for (let k = 0; k < ends.length; k += 2) {
      const a = network.people[ends[k]!]!, b = network.people[ends[k + 1]!]!;
      if (a.archived || b.archived) continue;
      const ea = node(a.path), eb = node(b.path);
      if (ea === eb || !shown.has(ea) || !shown.has(eb)) continue;
      const pair = [ea, eb].sort().join(' ');
      ties.set(pair, (ties.get(pair) ?? 0) + 1);
    }
    let lines = 0;
    opened.graph.forEachEdge((_e, a, s, t) => {
      if (a.kind !== 'group') return;
      lines++;
      expect(a.ties).toBe(ties.get([s, t].sort().join(' ')));
    });
    expect(lines).toBeGreaterThan(0);
    // Closed again: the first model.
    expect(runToEnd(modelSteps(input([]), cache)).graph.export()).toEqual(closed.graph.export());
  });

  it('builds a new base when more than the open groups changes', () => {
    const cache: ModelCache = { base: null };
    runToEnd(modelSteps(input([]), cache));
    const base = cache.base;
    const archived = runToEnd(modelSteps(input([], { showArchived: true }), cache));
    expect(cache.base).not.toBe(base);
    expect(archived.counts.shown).toBe(120);
  });
});

describe('bad input', () => {
  it('copes with knows cycles, a hub who knows 2,000 people, and one person', () => {
    const cycle = networkOf(
      personRecord('A', { knows: ['[[B]]'] }), personRecord('B', { knows: ['[[C]]'] }), personRecord('C', { knows: ['[[A]]'] }),
    ).network;
    const m = model(cycle, { metrics: metricsOf(cycle) });
    expect(m.graph.size).toBe(3);
    expect(m.message).toBeNull();

    const names = Array.from({ length: 2000 }, (_, i) => `F${i}`);
    const hub = networkOf(personRecord('Hub', { knows: names.map((n) => `[[${n}]]`) }), ...names.map((n) => personRecord(n, {}))).network;
    const hm = model(hub, { metrics: metricsOf(hub) });
    expect(hm.graph.order).toBe(2001);
    expect(hm.graph.degree(P('Hub'))).toBe(2000);
    expect(hm.graph.getNodeAttribute(P('Hub'), 'broker')).toBe(1);
    expect(hm.graph.getNodeAttribute(P('Hub'), 'size')).toBe(16);

    const solo = networkOf(personRecord('Solo', {})).network;
    const sm = model(solo, { metrics: metricsOf(solo) });
    expect(sm.graph.order).toBe(1);
    expect(sm.graph.size).toBe(0);
    expect(sm.message).toBeNull();
    expect(placeNodes(solo.adjacency, new Map()).fresh).toBe(1);
    expect(layoutJob(solo.adjacency, placeNodes(solo.adjacency, new Map()))).toBeNull();
    expect(solo.adjacency.keys).toEqual([P('Solo')]);
  });
});
