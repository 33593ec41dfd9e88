/**
 * Figures of the due-for-attention sidebar: the model (rank + rows) and the DOM the view renders
 * (src/views/attention/list.ts, the same code), on a happy-dom document with Obsidian's DOM helpers from
 * obsidian-test-mocks. happy-dom is slower than Obsidian's Chromium at building DOM, so these are upper
 * bounds. Prints figures; asserts nothing.
 *
 *     node --import tsx -e "import('./bench/attention.ts').then((m) => m.attentionFigures())"
 */
import { parseDayString } from '../src/core/dates';
import type { AttentionKind, NoteRecord } from '../src/core/types';
import { recordFromText } from '../src/cli/read-vault';
import { translator } from '../src/i18n/i18n';
import { PeopleIndex } from '../src/index/people-index';
import { defaultSettings } from '../src/settings/settings';
import { buildModel, FIRST_CHUNK } from '../src/views/attention/model';
import type { ListOptions, ListState } from '../src/views/attention/list';
import type { RenderContext } from '../src/views/attention/rows';
import { generateVault } from './generate';
import { gc, line, median, ms, time } from './measure';

const TODAY = '2026-11-24';
const today = parseDayString(TODAY)!;

/** A happy-dom window as the global DOM, with Obsidian's helpers (createDiv, empty, …) on the prototypes. */
export async function installDom(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  if (typeof g.document === 'object' && typeof (g.HTMLElement as { prototype?: { createDiv?: unknown } } | undefined)?.prototype?.createDiv === 'function') return;
  const { Window } = await import('happy-dom');
  const window = new Window({ url: 'app://obsidian.md/' });
  const names = [
    'document', 'navigator', 'location', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame',
    'Node', 'Element', 'HTMLElement', 'SVGElement', 'Text', 'Comment', 'DocumentFragment', 'Document', 'HTMLDocument',
    'Event', 'MouseEvent', 'KeyboardEvent', 'FocusEvent', 'UIEvent', 'CustomEvent', 'EventTarget', 'DOMParser',
    'HTMLInputElement', 'HTMLButtonElement', 'HTMLAnchorElement', 'HTMLDivElement', 'HTMLSpanElement', 'HTMLTemplateElement',
    'IntersectionObserver', 'ResizeObserver', 'MutationObserver', 'Range', 'Selection', 'NodeFilter', 'TreeWalker',
  ];
  const w = window as unknown as Record<string, unknown>;
  for (const name of names) if (w[name] !== undefined && g[name] === undefined) g[name] = w[name];
  g.window = window;
  const { setup } = await import('obsidian-test-mocks/setup');
  setup();
}

/** Records of a synthetic vault: `people` person notes among `people * 4` notes (daily notes give mentions). */
function records(people: number): NoteRecord[] {
  const settings = defaultSettings();
  const files = generateVault({ people, notes: people * 3, seed: 7, today: TODAY });
  return [...files].filter(([path]) => path.endsWith('.md')).map(([path, text]) => recordFromText(path, text, settings));
}

export async function attentionFigures(): Promise<void> {
  await installDom();
  const { emptyListState, renderList } = await import('../src/views/attention/list');
  const settings = defaultSettings();
  const ctx: RenderContext = {
    t: translator('en'),
    // Obsidian's setIcon puts one lucide SVG in the element; a two-node SVG stands in for it.
    icon: (el) => {
      el.empty();
      el.createSvg('svg', { attr: { viewBox: '0 0 24 24', class: 'svg-icon' } }).createSvg('path', { attr: { d: 'M0 0h24v24H0z' } });
    },
  };
  const shown = new Map<AttentionKind, number>();
  // As the view renders: nothing folded, the capacity line closed, no problems counted yet.
  const options: ListOptions = { shown, collapsed: new Set(), capacityOpen: false, callHourSize: 5, problems: 0, setup: { tags: ['person'], folder: 'People', folderExists: true } };

  console.log('\nDue-for-attention sidebar (model + DOM on happy-dom; median of repeated runs)');
  for (const people of [2_000, 10_000]) {
    const recs = records(people);
    const index = new PeopleIndex(settings);
    index.rebuild(recs);

    /** One render as the view does it: the people list, the model, the DOM (keeping what did not change). */
    const render = (container: HTMLElement, state: ListState) =>
      renderList(container, buildModel(index.people(), today, settings, 'en'), state, options, ctx).state;

    const firsts: number[] = [];
    let container = createDiv();
    let state = emptyListState();
    for (let i = 0; i < 5; i++) render(createDiv(), emptyListState()); // warm up
    gc();
    for (let i = 0; i < 21; i++) {
      container = createDiv();
      gc(); // each first render starts on a clean heap, as when the sidebar opens
      firsts.push(time(() => (state = render(container, emptyListState()))));
    }
    const model = buildModel(index.people(), today, settings, 'en');
    const rows = container.querySelectorAll('.ties-attention-row').length;
    line(`first render, ${people} people`, ms(median(firsts)), people === 2_000 ? '≤ 50 ms' : 'first screen only');
    line(`  best of ${firsts.length}`, ms(Math.min(...firsts)), '');
    line(`  rows in the DOM / items listed`, `${rows} / ${model.total}`, `≤ ${FIRST_CHUNK} per section`);
    line(`  elements in the DOM`, String(container.querySelectorAll('*').length), '');
    gc();
    const modelTimes: number[] = [];
    for (let i = 0; i < 21; i++) modelTimes.push(time(() => buildModel(index.people(), today, settings, 'en')));
    line(`  of which the model (rank + rows)`, ms(median(modelTimes)), '');

    // One note changes (a contact is logged): the index updates, then the view renders again.
    const persons = recs.filter((r) => r.path.startsWith('People/'));
    const again: number[] = [];
    const dom: number[] = [];
    const listed: number[] = [];
    const created: number[] = [];
    gc();
    for (let i = 0; i < 41; i++) {
      const r = persons[(i * 7919) % persons.length]!;
      index.set({ ...r, frontmatter: { ...r.frontmatter, last_contact: `2026-11-${String((i % 20) + 1).padStart(2, '0')}` } });
      const before = new Set(container.querySelectorAll('*'));
      // What the view does on the change: read the people list, build the model, update the DOM.
      let list: ReturnType<typeof index.people> = [];
      const read = time(() => (list = index.people()));
      listed.push(read);
      again.push(read + time(() => {
        const next = buildModel(list, today, settings, 'en');
        dom.push(time(() => (state = renderList(container, next, state, options, ctx).state)));
      }));
      created.push(Array.from(container.querySelectorAll('*')).filter((e) => !before.has(e)).length);
    }
    line(`re-render after one note change, ${people} people`, ms(median(again)), people === 2_000 ? '≤ 10 ms' : '');
    line(`  of which the index's people list`, ms(median(listed)), '');
    line(`  of which the DOM`, ms(median(dom)), '');
    line(`  elements it creates (median)`, String(median(created)), '');
  }
}
