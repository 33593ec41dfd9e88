/**
 * Splitting the browser harness's main thread into the plugin's work and the rest: a CPU profile (CDP, sampled
 * every 0.2 ms) taken beside the page's own clock. A sample is the plugin's ("ours") when the function running is
 * in main.js; "called from ours" when main.js is lower on its stack (WebGL calls, DOM, canvas drawing the plugin
 * asked for). The rest is the harness's vault and metadata cache, the browser and the garbage collector.
 *
 * The page runs `tiesBenchMarker` (a few ms busy, see MARKER_MS) at a time it records (`markerAt`): where the
 * profile's clock meets performance.now().
 */
export interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Sample {
  /** The page's performance.now() of the sample, ms. */
  at: number;
  dt: number;
  ours: boolean;
  calledFromOurs: boolean;
}

/** How long the page's marker function keeps busy. */
export const MARKER_MS = 5;

/** Each sample's time (the page's performance.now(), by the marker) and whose work it was. */
export function samplesOf(profile: Profile, markerAt: number): Sample[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inMain = (id: number) => byId.get(id)!.callFrame.url.endsWith('main.js');
  const below = new Map<number, boolean>();
  const mainBelow = (id: number): boolean => {
    const known = below.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const v = up === undefined ? false : inMain(up) || mainBelow(up);
    below.set(id, v);
    return v;
  };
  const out: (Sample & { marker: boolean })[] = [];
  let ts = profile.startTime;
  profile.samples.forEach((id, i) => {
    ts += profile.timeDeltas[i] ?? 0;
    const ours = inMain(id);
    out.push({ at: ts / 1000, dt: (profile.timeDeltas[i + 1] ?? 0) / 1000, ours, calledFromOurs: !ours && mainBelow(id), marker: byId.get(id)!.callFrame.functionName === 'tiesBenchMarker' });
  });
  const first = out.find((x) => x.marker);
  if (!first) throw new Error('the profile has no marker');
  const offset = first.at - markerAt;
  return out.map((x) => ({ at: x.at - offset, dt: x.dt, ours: x.ours, calledFromOurs: x.calledFromOurs }));
}

/** main.js's own time, and the time of what main.js called, between `start` and `end` (page ms). */
export function busyIn(samples: readonly Sample[], start: number, end: number): { ours: number; calledFromOurs: number } {
  let ours = 0, called = 0;
  for (const s of samples) {
    if (s.at < start || s.at >= end) continue;
    if (s.ours) ours += s.dt;
    else if (s.calledFromOurs) called += s.dt;
  }
  return { ours, calledFromOurs: called };
}
