/**
 * The friendly conscience in the plugin: the status bar's count and click (desktop only), the weekly nudge
 * once per week on the chosen day with Open review and Start call hour, the reviewed weeks counted from writes
 * (and the sidebar's review line), and the question when the nudge went unanswered week after week.
 */
import type { WorkspaceLeaf } from 'obsidian';
import { Platform } from 'obsidian-test-mocks/obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { weekdayOf, weekKey } from '../../src/core/conscience';
import { formatDay, localToday } from '../../src/core/dates';
import type TiesPlugin from '../../src/main';
import { STATUS_DELAY_MS } from '../../src/obsidian/conscience';
import { openAttentionView, RENDER_DELAY_MS, VIEW_TYPE_ATTENTION } from '../../src/views/attention/attention-view';
import { notices, type Shown } from './notices';
import { type TestApp, startPlugin } from './shim';

type Loose = Record<string, any>;

const TODAY = localToday();
const ago = (n: number) => formatDay(TODAY - n);

/** Three people due (two overdue, one with a follow-up), one in touch. */
function vault(): Record<string, string> {
  return {
    'People/Ann.md': `---\ncadence: 7\nlast_contact: ${ago(30)}\n---\n## Log\n`,
    'People/Bob.md': `---\ncircle: 5\nlast_contact: ${ago(20)}\n---\n## Log\n`,
    'People/Cas.md': `---\nfollow_ups:\n  - ${ago(1)} ask about the move\n---\n## Log\n`,
    'People/Dee.md': `---\ncadence: 30\nlast_contact: ${ago(2)}\n---\n## Log\n`,
  };
}

let plugin: TiesPlugin | null = null;
beforeEach(() => {
  notices.length = 0;
});
afterEach(() => {
  plugin?.unload();
  plugin = null;
  Platform.isMobile = false;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function started(data: unknown = {}, files = vault()): Promise<{ t: TestApp; p: TiesPlugin }> {
  let t: TestApp;
  ({ t, plugin } = await startPlugin(files, data));
  return { t, p: plugin };
}

const data = (p: TiesPlugin) => (p as unknown as Loose).data__ as Record<string, any>;
const statusItems = (p: TiesPlugin) => (p as unknown as Loose).statusBarItems__ as HTMLElement[];
const leaves = (t: TestApp): WorkspaceLeaf[] => t.app.workspace.getLeavesOfType(VIEW_TYPE_ATTENTION);
const nudges = () => notices.filter((n) => n.text.startsWith('Weekly review'));
function buttonOf(n: Shown, cls: string): HTMLButtonElement {
  const b = (n.message as DocumentFragment).querySelector<HTMLButtonElement>(`.${cls}`);
  if (!b) throw new Error(`no button .${cls} in “${n.text}”`);
  return b;
}

describe('status bar', () => {
  it('says how many people are due, opens the review on a click, and follows the index', async () => {
    const { t, p } = await started();
    const [item] = statusItems(p);
    expect(statusItems(p)).toHaveLength(1);
    expect(item!.textContent).toBe('Ties · 3 due');
    expect(item!.getAttribute('aria-label')).toBe('Open the review (3 due)');
    expect(leaves(t)).toHaveLength(0);
    item!.click();
    await vi.waitFor(() => expect(leaves(t)).toHaveLength(1));

    await p.actions.writeLog('People/Ann.md', { day: TODAY, channel: null, text: '' });
    await p.sync.idle();
    await vi.waitFor(() => expect(item!.textContent).toBe('Ties · 2 due'), { timeout: STATUS_DELAY_MS + 2000 });
  });

  it('speaks Dutch, and hides when the setting is off', async () => {
    const { p } = await started({ language: 'nl' });
    const [item] = statusItems(p);
    expect(item!.textContent).toBe('Ties · 3 aan de beurt');
    p.settings.statusBar = false;
    await p.saveSettings();
    expect(item!.classList.contains('ties-is-hidden')).toBe(true);
  });

  it('is not added on mobile, where Obsidian has no status bar', async () => {
    Platform.isMobile = true;
    const { p } = await started();
    expect(statusItems(p)).toHaveLength(0);
  });
});

describe('the weekly nudge', () => {
  const todayDay = weekdayOf(TODAY);

  it('is off by default', async () => {
    await started();
    expect(nudges()).toHaveLength(0);
  });

  it('shows once on the chosen day, with Open review and Start call hour, and is remembered in data.json for the week', async () => {
    const { t, p } = await started({ reviewDay: todayDay });
    expect(nudges().map((n) => n.text)).toEqual(['Weekly review: 3 people due.Open reviewStart call hour']);
    expect(data(p).conscience.nudgedWeeks).toEqual([weekKey(TODAY)]);
    // Checked again (the interval, a settings change): not shown twice.
    expect(p.conscience.checkNudge()).toBe(false);
    expect(nudges()).toHaveLength(1);

    buttonOf(nudges()[0]!, 'ties-nudge-call-hour').click();
    await vi.waitFor(() => expect(leaves(t)).toHaveLength(1));
    const el = (leaves(t)[0]!.view as unknown as { contentEl: HTMLElement }).contentEl;
    await vi.waitFor(() => expect(el.querySelector('.ties-callhour [data-action="call-end"]')).not.toBeNull());

    // Obsidian opened again the same day: the stored week says it was shown.
    const stored = { ...data(p) };
    p.unload();
    notices.length = 0;
    const again = await started(stored);
    expect(nudges()).toHaveLength(0);
    expect(again.p.conscience.current.nudgedWeeks).toEqual([weekKey(TODAY)]);
  });

  it('shows again on the same day a week later (Obsidian opened then), and not on the days between', async () => {
    const { p } = await started({ reviewDay: todayDay });
    expect(nudges()).toHaveLength(1);
    const stored = { ...data(p) };
    await vi.waitFor(() => expect(data(p).conscience?.nudgedWeeks).toEqual([weekKey(TODAY)]));
    p.unload();
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const [later, shown] of [[3, 1], [7, 2]] as const) {
      vi.setSystemTime(new Date(Date.now() + later * 86_400_000));
      const again = await started({ ...stored, conscience: data(p).conscience });
      expect(nudges(), `${later} days later`).toHaveLength(shown);
      again.p.unload();
      vi.setSystemTime(new Date(Date.now() - later * 86_400_000));
    }
    plugin = null;
  });

  it('is not shown on another day of the week', async () => {
    await started({ reviewDay: (todayDay % 7) + 1 });
    expect(nudges()).toHaveLength(0);
  });

  it('after three weeks unanswered, says so and offers to move or turn itself off; Turn off saves the setting', async () => {
    const past = [TODAY - 21, TODAY - 14, TODAY - 7].map(weekKey);
    const { p } = await started({ reviewDay: todayDay, conscience: { nudgedWeeks: past } });
    const [n] = nudges();
    expect(n!.text).toContain('This reminder went unanswered 3 weeks in a row.');
    expect(buttonOf(n!, 'ties-nudge-move').textContent).toMatch(/^Move to [A-Z][a-z]+day$/);
    buttonOf(n!, 'ties-nudge-off').click();
    await vi.waitFor(() => expect(data(p).reviewDay).toBe(0));
    expect(p.settings.reviewDay).toBe(0);
    expect(notices.at(-1)!.text).toContain('Weekly reminder turned off');
    expect(data(p).conscience.askedWeek).toBe(weekKey(TODAY));
  });

  it('does not ask when a nudged week was reviewed', async () => {
    const past = [TODAY - 21, TODAY - 14, TODAY - 7].map(weekKey);
    await started({ reviewDay: todayDay, conscience: { nudgedWeeks: past, reviewedWeeks: [weekKey(TODAY - 7)] } });
    expect(nudges()[0]!.text).not.toContain('unanswered');
  });
});

describe('reviewed weeks', () => {
  it('count writes that happened, not clicks: a logged contact makes this week reviewed and the sidebar says so', async () => {
    const { t, p } = await started({ conscience: { reviewedWeeks: [weekKey(TODAY - 14), weekKey(TODAY - 7)], lastReviewed: TODAY - 7 } });
    await openAttentionView(t.app);
    const el = (leaves(t)[0]!.view as unknown as { contentEl: HTMLElement }).contentEl;
    const line = () => el.querySelector('.ties-review-line')?.textContent;
    expect(line()).toBe('Last reviewed 7 days ago · 2 weeks in a row');
    expect(el.querySelector('.ties-review-line')!.getAttribute('title')).toContain('logged a contact');

    // A write that did not happen (the note is gone) is no review.
    expect(await p.actions.writeLog('People/Nobody.md', { day: TODAY, channel: null, text: '' })).toBeNull();
    const before = p.conscience.current.reviewedWeeks.length;
    expect(before).toBe(2);
    await p.actions.writeFollowUp('People/Ann.md', TODAY + 3, 'send the deck');
    expect(p.conscience.current.reviewedWeeks.length).toBe(before + 1);
    await vi.waitFor(() => expect(data(p).conscience.reviewedWeeks).toContain(weekKey(TODAY)));
    expect(p.conscience.summary()).toEqual({ daysSince: 0, streak: 3 });
    await p.sync.idle();
    await new Promise((r) => setTimeout(r, RENDER_DELAY_MS + 30));
    expect(line()).toBe('Last reviewed today · 3 weeks in a row');
  });

  it('start at “No review recorded yet”, and New person is no review', async () => {
    const { t, p } = await started();
    await openAttentionView(t.app);
    const el = (leaves(t)[0]!.view as unknown as { contentEl: HTMLElement }).contentEl;
    expect(el.querySelector('.ties-review-line')?.textContent).toBe('No review recorded yet');
    const { createPerson } = await import('../../src/actions/commands');
    await createPerson(p, p.actions.writer, 'Eve');
    expect(p.conscience.current.reviewedWeeks).toEqual([]);
  });
});
