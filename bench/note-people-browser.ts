/**
 * People in this note in headless Chromium (browser harness) over a vault folder: a meeting note naming 30
 * people is created, opened, and the panel renders it again and again (the view's own render: reading the
 * note, the prep model, the DOM). Run by bench/note-people.ts in a child process (it needs playwright and tsx):
 *
 *     node --import tsx bench/note-people-browser.ts bench/out/note-people-10k
 *
 * Prints one JSON line: { people, named, renders: number[], shows: number[] } (ms).
 */
import { openHarness } from '../tests/e2e/browser';

interface PageView {
  notePath: string | null;
  model: { prep: { people: unknown[] } } | null;
  drawn: Promise<void>;
  contentEl: HTMLElement;
  render(): void;
  show(model: unknown): void;
}

const vault = process.argv[2];
if (!vault) throw new Error('usage: note-people-browser.ts VAULT');
const h = await openHarness({ vault, today: '2026-11-24', viewport: { width: 1400, height: 900 } });
try {
  await h.page.waitForTimeout(1000);
  const figures = await h.page.evaluate(async () => {
    const { app, plugin } = window.ties;
    const people = plugin.index.people();
    // The 30 people with the most follow-ups: the fullest cards. 20 attendees, 10 linked in the text.
    const named = [...people].sort((a, b) => b.followUps.length - a.followUps.length).slice(0, 30);
    const attendees = named.slice(0, 20).map((p) => `  - "[[${p.name}]]"`).join('\n');
    const body = named.slice(20).map((p) => `- talked with [[${p.name}]] about the plan`).join('\n');
    const file = await app.vault.create('Meetings/2026-11-20 Big sync.md', `---\ndate: 2026-11-20\nattendees:\n${attendees}\n---\n# Big sync\n\n${body}\n`);
    await window.ties.settled();
    await app.workspace.getLeaf('tab').openFile(file);
    const view = (await window.ties.openView('ties-note-people')) as unknown as PageView;
    while (view.notePath !== file.path || view.model === null) await new Promise((r) => setTimeout(r, 10));
    const renders: number[] = [];
    for (let i = 0; i < 26; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const start = performance.now();
      view.render();
      await view.drawn;
      if (i >= 5) renders.push(performance.now() - start);
    }
    // The drawing alone (the model kept), with the layout it forces.
    const shows: number[] = [];
    const model = view.model!;
    for (let i = 0; i < 26; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const start = performance.now();
      view.show(model);
      void view.contentEl.offsetHeight;
      if (i >= 5) shows.push(performance.now() - start);
    }
    return { people: people.length, named: view.model!.prep.people.length, renders, shows };
  });
  console.log(JSON.stringify(figures));
} finally {
  await h.close();
}
