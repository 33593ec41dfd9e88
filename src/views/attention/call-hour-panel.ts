/**
 * The call hour as DOM: one person at a time (name, work, channel, why now with Done for each due
 * follow-up, interests, the last three log lines) with Log / Skip / Snooze, and the summary at the end.
 * While a write for the person runs (a modal open), the buttons wait, disabled. Like rows.ts: text only, no
 * obsidian import, events by delegation (`data-action`; Done carries `data-index`, the item's place in `items`).
 */
import type { AttentionItem, Person } from '../../core/types';
import { lastLogLines, workLine, type CallHourSession } from './call-hour';
import { raiseItems, shortInterests, suggestChannel } from './model';
import { noteName, renderChannel, type RenderContext } from './rows';

/**
 * Renders the session. `person` is the current pick as the index has it now (undefined when the note is
 * gone or no longer a person); `items` are its attention items now (undefined without a person).
 */
export function renderCallHour(
  parent: HTMLElement, session: CallHourSession, person: Person | undefined, items: readonly AttentionItem[] | undefined,
  ctx: RenderContext,
): HTMLElement {
  const { t } = ctx;
  const el = parent.createDiv({ cls: 'ties-callhour', attr: { 'aria-live': 'polite' } });
  el.createDiv({ cls: 'ties-callhour-title', text: t('attention.callHour.button') });

  if (session.size === 0) {
    el.createDiv({ cls: 'ties-callhour-summary', text: t('attention.callHour.nobody') });
    backButton(el, ctx);
    return el;
  }
  const pick = session.current;
  if (pick === null) {
    const s = session.summary();
    el.createDiv({ cls: 'ties-callhour-summary', text: t('attention.callHour.summary', { logged: s.logged, skipped: s.skipped, snoozed: s.snoozed }) });
    backButton(el, ctx);
    return el;
  }
  const busy = session.busy;
  const name = person?.name ?? pick.name;

  el.createDiv({ cls: 'ties-callhour-progress', text: t('attention.callHour.progress', { i: session.position + 1, n: session.size }) });
  const card = el.createDiv({ cls: 'ties-callhour-person', attr: { 'data-path': pick.path } });
  const top = card.createDiv({ cls: 'ties-attention-row-top' });
  top.createEl('a', { cls: 'ties-attention-name', text: name, href: '#', attr: { 'data-action': 'open', 'data-path': pick.path } });

  if (!person) {
    card.createDiv({ cls: 'ties-callhour-gone', text: t('attention.callHour.gone') });
  } else {
    renderChannel(top, person.name, suggestChannel(person), ctx);
    const work = workLine(person);
    if (work !== '') card.createDiv({ cls: 'ties-callhour-work', text: work });

    const why = card.createDiv({ cls: 'ties-callhour-block ties-callhour-why' });
    why.createDiv({ cls: 'ties-callhour-label', text: t('attention.callHour.why') });
    renderReasons(why, session, pick.reasons, items ?? [], name, busy, ctx);

    // Raise next time: what to bring up whatever the call is about; whole items, each on its own line.
    const raise = raiseItems(person);
    if (raise.length > 0) {
      const block = card.createDiv({ cls: 'ties-callhour-block ties-callhour-raise' });
      block.createDiv({ cls: 'ties-callhour-label', text: t('attention.callHour.raise') });
      const list = block.createEl('ul', { cls: 'ties-callhour-log' });
      for (const item of raise) list.createEl('li', { text: item });
    }

    const interests = shortInterests(person.interests, 8);
    if (interests.length > 0) {
      const block = card.createDiv({ cls: 'ties-callhour-block ties-callhour-interests' });
      block.createDiv({ cls: 'ties-callhour-label', text: t('attention.callHour.interests') });
      block.createDiv({ cls: 'ties-callhour-text', text: interests.join(' · ') });
    }

    const recent = card.createDiv({ cls: 'ties-callhour-block ties-callhour-recent' });
    recent.createDiv({ cls: 'ties-callhour-label', text: t('attention.callHour.recent') });
    const lines = lastLogLines(person, 3);
    if (lines.length === 0) recent.createDiv({ cls: 'ties-callhour-text ties-callhour-none', text: t('attention.callHour.noLog') });
    else {
      const list = recent.createEl('ul', { cls: 'ties-callhour-log' });
      for (const line of lines) list.createEl('li', { text: line });
    }
  }

  const buttons = el.createDiv({ cls: 'ties-callhour-buttons' });
  const button = (action: string, label: string, cta = false, disabled = false) => {
    const b = buttons.createEl('button', {
      cls: cta ? ['ties-callhour-button', 'mod-cta'] : 'ties-callhour-button',
      text: label,
      attr: { type: 'button', 'data-action': action, 'aria-label': `${label}: ${name}` },
    });
    b.disabled = disabled || busy;
  };
  const wrote = session.visit.logged || session.visit.snoozed;
  button('call-log', t('attention.callHour.log'), true, !person);
  button('call-skip', wrote ? t('attention.callHour.next') : t('attention.callHour.skip'));
  button('call-snooze', t('attention.callHour.snooze'), false, !person);
  const end = el.createEl('button', {
    cls: 'ties-callhour-end',
    text: t('attention.callHour.end'),
    attr: { type: 'button', 'data-action': 'call-end', 'aria-label': t('attention.callHour.end') },
  });
  end.disabled = busy;
  if (busy) el.createDiv({ cls: 'ties-callhour-waiting', text: t('attention.callHour.waiting', { name }) });
  return el;
}

/**
 * Why now: each reason the person is listed for today, a due follow-up with its Done button; follow-ups
 * done during this call, ticked off; the reasons from the start of the call hour when none is left.
 */
function renderReasons(
  parent: HTMLElement, session: CallHourSession, atStart: readonly string[], items: readonly AttentionItem[], name: string,
  busy: boolean, ctx: RenderContext,
): void {
  const { t } = ctx;
  items.forEach((item, index) => {
    if (item.reason.kind !== 'follow-up') {
      parent.createDiv({ cls: 'ties-callhour-reason' }).createSpan({ cls: 'ties-callhour-reason-text', text: item.detail });
      return;
    }
    const row = parent.createDiv({ cls: 'ties-callhour-reason ties-callhour-follow-up' });
    const text = row.createSpan({ cls: 'ties-callhour-reason-text', text: item.detail });
    const { source, line } = item.reason;
    if (source !== undefined && line !== undefined) {
      // A follow-up from a task: where it lives, a link that opens that note at the task.
      const note = noteName(source);
      text.appendText(' · ');
      text.createEl('a', {
        cls: 'ties-attention-source',
        text: t('attention.fromTask', { note }),
        href: '#',
        attr: { 'data-action': 'open-source', 'data-path': source, 'data-line': String(line), 'aria-label': t('attention.fromTaskLabel', { note }) },
      });
    }
    const label = t('attention.action.done');
    const done = row.createEl('button', {
      cls: 'ties-callhour-done',
      attr: { type: 'button', 'data-action': 'call-done', 'data-index': String(index), 'aria-label': t('attention.callHour.doneLabel', { text: item.reason.text, name }) },
    });
    ctx.icon(done.createSpan({ cls: 'ties-callhour-done-icon' }), 'check');
    done.createSpan({ text: label });
    done.disabled = busy;
  });
  const ticked = session.visit.done;
  for (const text of ticked) {
    const row = parent.createDiv({ cls: 'ties-callhour-reason ties-callhour-ticked' });
    ctx.icon(row.createSpan({ cls: 'ties-callhour-done-icon' }), 'check');
    row.createSpan({ cls: 'ties-callhour-reason-text', text: t('attention.callHour.ticked', { text }) });
  }
  if (items.length === 0 && ticked.length === 0)
    for (const r of atStart) parent.createDiv({ cls: 'ties-callhour-reason' }).createSpan({ cls: 'ties-callhour-reason-text', text: r });
}

function backButton(parent: HTMLElement, ctx: RenderContext): void {
  const label = ctx.t('attention.callHour.back');
  parent.createEl('button', { cls: 'mod-cta ties-callhour-back', text: label, attr: { type: 'button', 'data-action': 'call-back', 'aria-label': label } });
}
