/**
 * What the Canvas2D renderer draws, worked out once per graph, hovered node and theme: each node's look, discs
 * batched by colour and depth, lines batched by colour and width, arrows, and who gets a label first. A frame
 * then only places and strokes them.
 */
import { fade } from './colours';
import { FADE_EDGE, FADE_NODE } from './draw';
import { labelOrder } from './labels';
import type { ModelGraph } from './model';

/** A node's look, by its index in the graph's order (its place on screen is worked out per frame). */
export interface NodeStyle {
  key: string;
  size: number;
  color: string;
  label: string;
  highlighted: boolean;
  dimmed: boolean;
  zIndex: number;
}

/** Lines of one colour and width at one depth, as node indices: one path and one stroke for all of them. */
export interface Batch {
  z: number;
  color: string;
  width: number;
  ends: number[];
}

export interface Plan {
  nodes: NodeStyle[];
  index: Map<string, number>;
  /** Discs of one colour at one depth, lowest first. */
  fills: { color: string; nodes: number[] }[];
  /** Who gets a label first (labels.ts labelOrder). */
  labelOrder: { node: number; forced: boolean }[];
  lines: Batch[];
  /** introduced_by edges, each with its arrowhead, lowest zIndex first. */
  arrows: { z: number; from: number; to: number; color: string; width: number }[];
}

/** The look of every node and edge, with the hovered node's neighbourhood in front and the rest faded. */
export function makePlan(graph: ModelGraph, hovered: string | null, near: ReadonlySet<string> | null, background: string): Plan {
  const nodes: NodeStyle[] = [];
  const index = new Map<string, number>();
  const faded = new Map<string, string>();
  const fadeOnce = (color: string, alpha: number) => {
    const k = `${alpha}${color}`;
    let f = faded.get(k);
    if (f === undefined) faded.set(k, (f = fade(color, alpha, background)));
    return f;
  };
  graph.forEachNode((key, a) => {
    let color = a.color, zIndex = a.zIndex, label = a.label, highlighted = a.highlighted;
    if (near && key === hovered) {
      highlighted = true;
      zIndex = 3;
    } else if (near?.has(key)) zIndex = 2;
    else if (near) {
      color = fadeOnce(color, FADE_NODE);
      label = '';
      zIndex = 0;
    }
    index.set(key, nodes.length);
    nodes.push({ key, size: a.size, color, label, highlighted, dimmed: a.dimmed, zIndex });
  });
  const order = nodes.map((_s, k) => k).sort((a, b) => nodes[a]!.zIndex - nodes[b]!.zIndex || a - b);
  const fills: Plan['fills'] = [];
  for (let at = 0; at < order.length; ) {
    const z = nodes[order[at]!]!.zIndex;
    const byColour = new Map<string, number[]>();
    for (; at < order.length && nodes[order[at]!]!.zIndex === z; at++) {
      const k = order[at]!, list = byColour.get(nodes[k]!.color);
      if (list) list.push(k);
      else byColour.set(nodes[k]!.color, [k]);
    }
    for (const [color, list] of byColour) fills.push({ color, nodes: list });
  }
  const labelsFirst = labelOrder(graph, hovered, near).map(({ key, forced }) => ({ node: index.get(key)!, forced }));

  const batches = new Map<number, Map<string, Batch>>();
  const arrows: Plan['arrows'] = [];
  graph.forEachEdge((_e, a, s, t) => {
    const from = index.get(s)!, to = index.get(t)!;
    let color = a.color, z = a.zIndex;
    if (near && (s === hovered || t === hovered)) z = 3;
    else if (near) {
      color = fadeOnce(color, FADE_EDGE);
      z = 0;
    }
    const width = Math.max(0.6, Math.round(a.size * 2) / 2);
    if (a.type === 'arrow') {
      arrows.push({ z, from, to, color, width });
      return;
    }
    const depth = z * 1000 + width * 2;
    let byColour = batches.get(depth);
    if (!byColour) batches.set(depth, (byColour = new Map<string, Batch>()));
    let batch = byColour.get(color);
    if (!batch) byColour.set(color, (batch = { z, color, width, ends: [] }));
    batch.ends.push(from, to);
  });
  const lines = [...batches.values()].flatMap((m) => [...m.values()]).sort((a, b) => a.z - b.z);
  arrows.sort((a, b) => a.z - b.z);
  return { nodes, index, fills, labelOrder: labelsFirst, lines, arrows };
}
