/** The JSON shapes of `ties … --json` (spec: person-notes.md, "The command line"). Days are YYYY-MM-DD. */
import { contactCount, effectiveLastContact } from '../core/contacts';
import { formatDay } from '../core/dates';
import { networkMetrics, pairStrength, type NodeMetrics } from '../core/metrics';
import type { PeopleGraph } from '../core/network';
import type { AttentionItem, Day, Person } from '../core/types';

export function itemJson(item: AttentionItem): Record<string, unknown> {
  const base = { path: item.path, name: item.name, kind: item.kind, detail: item.detail };
  const r = item.reason;
  switch (r.kind) {
    case 'follow-up':
      // A task's follow-up says where the task stands: its note and its line, counted from 1 as editors do.
      return { ...base, due: formatDay(r.day), text: r.text, ...(r.source === undefined ? {} : { source: r.source, line: r.line! + 1 }) };
    case 'overdue':
      return { ...base, daysSince: r.since, cadenceDays: r.cadence };
    case 'date':
      return { ...base, date: formatDay(r.day), inDays: r.inDays, ...(r.age === null ? {} : { age: r.age }) };
    case 'favour':
      return { ...base, owed: r.owed };
    case 'dormant':
      return { ...base, daysSince: r.since, contacts: r.contacts };
  }
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

function nodeJson(p: Person, m: NodeMetrics, today: Day): Record<string, unknown> {
  const last = effectiveLastContact(p, today);
  return {
    id: p.path,
    name: p.name,
    organisation: p.organisation,
    department: p.department,
    role: p.role,
    circle: p.circle,
    influence: p.influence,
    archived: p.archived,
    lastContact: last === null ? null : formatDay(last),
    contacts: contactCount(p, today),
    degree: m.degree,
    community: m.community,
    broker: round(m.broker),
    strength: round(m.strength),
  };
}

export function graphJson(
  graph: PeopleGraph, today: Day, metrics: ReadonlyMap<string, NodeMetrics> = networkMetrics(graph, today),
): { nodes: unknown[]; edges: unknown[] } {
  const nodes: unknown[] = [];
  graph.forEachNode((path, attrs) => nodes.push(nodeJson(attrs.person, metrics.get(path)!, today)));
  const edges: unknown[] = [];
  graph.forEachEdge((_edge, attrs, source, target) => {
    const strength = round(pairStrength(metrics.get(source)!.strength, metrics.get(target)!.strength));
    edges.push({ source, target, kind: attrs.kind, strength });
  });
  return { nodes, edges };
}
