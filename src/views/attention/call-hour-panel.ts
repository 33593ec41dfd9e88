/**
 * The call hour as DOM: one person at a time (name, work, channel, why now, interests, the last three log
 * lines) with Log / Skip / Snooze, and the summary at the end. Like rows.ts: text only, no obsidian import,
 * events by delegation (`data-action`).
 */
import type { Person } from '../../core/types';
import { lastLogLines, workLine, type CallHourSession } from './call-hour';
import { shortInterests, suggestChannel } from './model';
import { renderChannel, type RenderContext } from './rows';

/**
 * Renders the session. `person` is the current pick as the index has it now (undefined when the note is
 * gone or no longer a person); `reasons` are its current reasons, falling back to those at the start.
 */
export function renderCallHour(
  parent: HTMLElement, session: CallHourSession, person: Person | undefined, reasons: readonly string[] | undefined,
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

  el.createDiv({ cls: 'ties-callhour-progress', text: t('attention.callHour.progress', { i: session.position + 1, n: session.size }) });
  const card = el.createDiv({ cls: 'ties-callhour-person', attr: { 'data-path': pick.path } });
  const top = card.createDiv({ cls: 'ties-attention-row-top' });
  top.createEl('a', { cls: 'ties-attention-name', text: person?.name ?? pick.name, href: '#', attr: { 'data-action': 'open', 'data-path': pick.path } });

  if (!person) {
    card.createDiv({ cls: 'ties-callhour-gone', text: t('attention.callHour.gone') });
  } else {
    renderChannel(top, person.name, suggestChannel(person), ctx);
    const work = workLine(person);
    if (work !== '') card.createDiv({ cls: 'ties-callhour-work', text: work });

    const why = card.createDiv({ cls: 'ties-callhour-block ties-callhour-why' });
    why.createDiv({ cls: 'ties-callhour-label', text: t('attention.callHour.why') });
    for (const r of reasons && reasons.length > 0 ? reasons : pick.reasons) why.createDiv({ cls: 'ties-callhour-reason', text: r });

    const interests = shortInterests(person.interests, 8, 60);
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
      attr: { type: 'button', 'data-action': action, 'aria-label': `${label}: ${person?.name ?? pick.name}` },
    });
    b.disabled = disabled;
  };
  button('call-log', t('attention.callHour.log'), true, !person);
  button('call-skip', t('attention.callHour.skip'));
  button('call-snooze', t('attention.callHour.snooze'), false, !person);
  el.createEl('button', {
    cls: 'ties-callhour-end',
    text: t('attention.callHour.end'),
    attr: { type: 'button', 'data-action': 'call-end', 'aria-label': t('attention.callHour.end') },
  });
  return el;
}

function backButton(parent: HTMLElement, ctx: RenderContext): void {
  const label = ctx.t('attention.callHour.back');
  parent.createEl('button', { cls: 'mod-cta ties-callhour-back', text: label, attr: { type: 'button', 'data-action': 'call-back', 'aria-label': label } });
}
