/**
 * Figures of People in this note: the model (the core's prep of the note) and the DOM the view renders
 * (header.ts and person-card.ts, the same code), for a meeting naming 30 people among 10,000 in the index,
 * on a happy-dom document with Obsidian's DOM helpers (slower than Obsidian's Chromium at building DOM: an
 * upper bound). Prints figures; asserts nothing. `npm run bench -- note-people`.
 */
import { parseDayString } from '../src/core/dates';
import { recordFromText } from '../src/cli/read-vault';
import { translator } from '../src/i18n/i18n';
import { PeopleIndex } from '../src/index/people-index';
import { defaultSettings } from '../src/settings/settings';
import { installDom } from './attention';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateVault, writeVault } from './generate';
import { gc, line, median, ms, time } from './measure';

const TODAY = '2026-11-24';
const today = parseDayString(TODAY)!;

export async function notePeopleFigures(): Promise<void> {
  await installDom();
  const { buildModel } = await import('../src/views/note-people/model');
  const { renderHeader } = await import('../src/views/note-people/header');
  const { renderCard } = await import('../src/views/note-people/person-card');
  const { buildNetwork, isInTouch } = await import('../src/core/network');
  const settings = defaultSettings();
  const index = new PeopleIndex(settings);
  // The vault's texts and records are dropped once indexed, as in the plugin: only the index stays on the heap.
  index.rebuild([...generateVault({ people: 10_000, notes: 30_000, seed: 7, today: TODAY })]
    .filter(([path]) => path.endsWith('.md'))
    .map(([path, text]) => recordFromText(path, text, settings)));
  const people = index.people();
  // A meeting naming 30 people: 20 attendees, 10 more linked in its text; the ones with follow-ups first.
  const named = [...people].sort((a, b) => b.followUps.length - a.followUps.length).slice(0, 30);
  const attendees = named.slice(0, 20).map((p) => `"[[${p.name}]]"`).join(', ');
  const body = named.slice(20).map((p) => `- talked with [[${p.name}]] about the plan`).join('\n');
  const meeting = recordFromText('Meetings/2026-11-20 Big sync.md', `---\ndate: 2026-11-20\nattendees: [${attendees}]\n---\n# Big sync\n\n${body}\n`, settings, { full: true });

  let network: ReturnType<typeof buildNetwork> | null = null;
  const modelIndex = {
    person: (path: string) => index.person(path),
    resolve: (target: string, from: string) => index.resolve(target, from),
    resolvePerson: (target: string, from: string) => index.resolvePerson(target, from),
    network: () => (network ??= buildNetwork(index.people(), (target, from) => index.resolvePerson(target, from))),
  };
  const host = {
    t: translator('en'), notePath: () => meeting.path, language: () => 'en' as const, today: () => today,
    resolve: (target: string, from: string) => index.resolvePerson(target, from),
    linkTo: (el: HTMLElement) => void el.addEventListener('click', () => undefined),
    linkToLine: (el: HTMLElement) => void el.addEventListener('click', () => undefined),
    done: () => undefined, addFollowUp: () => undefined, logForEveryone: () => undefined, createPerson: () => undefined,
  };
  /** One render as the view's `show` does it: the model, then header and cards into a fresh element. */
  const render = (record = meeting) => {
    const model = buildModel(record, modelIndex, today, settings);
    const el = createDiv();
    renderHeader(el, model, host);
    const list = el.createDiv();
    for (const entry of model.prep.people) renderCard(list, entry, host);
    return { model, el };
  };

  console.log('\nPeople in this note (model + DOM on happy-dom; median of 41 runs)');
  for (let i = 0; i < 5; i++) render();
  gc();
  const times: number[] = [];
  const models: number[] = [];
  for (let i = 0; i < 41; i++) {
    gc(); // each render starts on a clean heap, as when a note is opened (a collection of the index's heap is not the panel's)
    times.push(time(() => render()));
    models.push(time(() => buildModel(meeting, modelIndex, today, settings)));
  }
  const { model, el } = render();
  line(`render, a meeting naming ${model.prep.people.length} people, ${people.length} people`, ms(median(times)), '≤ 10 ms');
  line(`  of which the model (prep)`, ms(median(models)), '');
  line(`  elements in the DOM`, String(el.querySelectorAll('*').length), '');
  // happy-dom on a heap holding the 10k index: what bare elements cost here, to read the figure above by.
  gc();
  const bare = time(() => {
    const d = createDiv();
    for (let i = 0; i < 1300; i++) d.createDiv({ cls: 'x', text: 'y' });
  });
  line(`  for scale: 1,300 bare divs on the same heap`, ms(bare), '');

  // A person note: their card, whom they know, and intro paths over the network (built once per index revision).
  const target = people.find((p) => p.knows.length > 0 && !isInTouch(p, today, settings)) ?? people[0]!;
  const own = { path: target.path, basename: target.name, frontmatter: {}, tags: [], links: [], listItems: [] };
  const { fillIntro } = await import('../src/views/note-people/self-panel');
  const card = time(() => render(own));
  const intro = time(() => buildModel(own, modelIndex, today, settings).self!.intro());
  const again: number[] = [];
  for (let i = 0; i < 21; i++) again.push(time(() => fillIntro(createDiv(), buildModel(own, modelIndex, today, settings).self!, host)));
  gc();
  line(`person note: the card`, ms(card), '');
  line(`  then who can introduce you, first time (builds the network)`, ms(intro), 'after the card is drawn');
  line(`  again (network kept for the index revision)`, ms(median(again)), '');

  browserFigures();
}

/** The panel in headless Chromium over 10,000 people (the figure that the target is about). */
function browserFigures(): void {
  const dir = join('bench', 'out', 'note-people-10k');
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeVault(dir, generateVault({ people: 10_000, notes: 2_000, seed: 7, today: TODAY }));
    writeVault(dir, new Map([['.complete', '']]));
  }
  console.log('\nPeople in this note in headless Chromium (browser harness; read the note, model, DOM)');
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/note-people-browser.ts', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 600_000,
    });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { people: number; named: number; renders: number[]; shows: number[] };
    line(`render, a meeting naming ${r.named} people, ${r.people} people (median of ${r.renders.length})`, ms(median(r.renders)), '≤ 10 ms');
    line('  fastest / slowest', `${ms(Math.min(...r.renders))} / ${ms(Math.max(...r.renders))}`, '');
    line('  the drawing alone (DOM and the layout it forces)', ms(median(r.shows)), '');
  } catch (error) {
    console.log(`  (not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}
