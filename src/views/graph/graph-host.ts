/** What the graph view is handed (GraphHost), and the session it makes from it. */
import type { ViewHost } from '../live-view';
import type { GraphData } from './graph-data';
import { DEFAULT_GRAPH_OPTIONS } from './options';
import { JobRunner } from './runner';
import { windowScheduler } from './schedule';
import { mentionsOf } from './selection';
import { GraphSession, type SessionEvents } from './session';

/** What the view needs from the plugin: what every view reads, and the graph's data kept between views. */
export interface GraphHost extends ViewHost {
  readonly data: GraphData;
}

/** A session over the host's index and data, drawing on the window's clock, with a fresh state. */
export function sessionFor(host: GraphHost, events: SessionEvents, background: string): GraphSession {
  const { index, t } = host;
  return new GraphSession(
    {
      index, data: host.data, runner: new JobRunner(), scheduler: windowScheduler, today: () => host.today(), settings: () => host.settings(),
      tagsOf: (path) => index.person(path)?.tags ?? [],
      mentionsOf: (path) => mentionsOf(index, path),
      groupLabel: (lead, n) => (lead === null ? t('graph.group.alone', { n }) : t('graph.group.label', { name: lead, n })),
    },
    events,
    { options: { ...DEFAULT_GRAPH_OPTIONS }, centre: null, focus: null, introTarget: null, chosenPath: 0, open: new Set(), background },
  );
}
