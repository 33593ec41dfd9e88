/** What the user chose to see in the graph: the view's state, stored by Obsidian with the workspace. */
import { CIRCLES, type Circle } from '../../core/types';

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
  /** Lines between people of the same organisation. */
  sameOrganisation: boolean;
  /** Lines between people whose notes link to each other in the body. */
  mentions: boolean;
  /** Local mode: the active person and the people around them. */
  local: boolean;
  depth: Depth;
  /** Every person, even where the groups overview would be drawn (a large network). */
  whole: boolean;
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
  whole: false,
});

const FLAGS = ['showArchived', 'sameOrganisation', 'mentions', 'local', 'whole'] as const;

/** Options as stored in the view's state (any shape) over the defaults. */
export function readOptions(stored: unknown): GraphOptions {
  const out: GraphOptions = { ...DEFAULT_GRAPH_OPTIONS };
  if (typeof stored !== 'object' || stored === null) return out;
  const s = stored as Record<string, unknown>;
  if (s.colourBy === 'community' || s.colourBy === 'organisation') out.colourBy = s.colourBy;
  if (typeof s.organisation === 'string' && s.organisation !== '') out.organisation = s.organisation;
  if (typeof s.tag === 'string' && s.tag !== '') out.tag = s.tag.replace(/^#/, '');
  if (typeof s.circle === 'number' && (CIRCLES as readonly number[]).includes(s.circle)) out.circle = s.circle as Circle;
  for (const k of FLAGS) if (typeof s[k] === 'boolean') out[k] = s[k];
  if (s.depth === 1 || s.depth === 2 || s.depth === 3) out.depth = s.depth;
  return out;
}

/** How many filters narrow the graph now (the Filters button shows the count). */
export function activeFilters(o: GraphOptions): number {
  return [o.organisation !== null, o.tag !== null, o.circle !== null, o.showArchived].filter(Boolean).length;
}
