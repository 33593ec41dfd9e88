/**
 * The card beside a hovered person: organisation and role, last contact, interests, what to raise next time,
 * archived or dormant.
 */
import { effectiveLastContact } from '../../core/contacts';
import { describeSpan, words } from '../../core/describe';
import { withLinkText } from '../../core/links';
import type { Day, Language, Person } from '../../core/types';
import type { Translate } from '../../i18n/i18n';
import type { ModelNode } from './model';

export interface CardContext {
  t: Translate;
  today(): Day;
  language(): Language;
}

/** "Last contact: 2 weeks ago", "today", or "No contact yet". */
export function lastContactText(p: Person, ctx: CardContext): string {
  const { t } = ctx, today = ctx.today();
  const last = effectiveLastContact(p, today);
  if (last === null) return t('graph.card.never');
  const lang = ctx.language();
  const when = last === today ? t('graph.card.today') : words(lang).ago(describeSpan(today - last, lang));
  return t('graph.card.lastContact', { when });
}

/** How many raise-next-time items the card names; more are counted ("…, +2"). */
const RAISE_SHOWN = 2;

/** The person's raise-next-time items (undated follow-ups and tasks), compact: "ask about the exam; the deck, +1". */
export function raiseText(p: Person): string | null {
  const items = p.followUps.filter((f) => f.day === null).map((f) => withLinkText(f.text) || f.raw);
  if (items.length === 0) return null;
  const shown = items.slice(0, RAISE_SHOWN).join('; ');
  return items.length > RAISE_SHOWN ? `${shown}, +${items.length - RAISE_SHOWN}` : shown;
}

const CARD_WIDTH = 240;

export class HoverCard {
  readonly el: HTMLElement;

  constructor(parent: HTMLElement, private readonly ctx: CardContext) {
    this.el = parent.createDiv({ cls: 'ties-graph-card is-hidden' });
  }

  /** Shows the card for `p` beside `at` (px in the stage), flipped near the right or bottom edge. */
  show(p: Person, node: ModelNode | null, at: { x: number; y: number }, stage: { width: number; height: number }): void {
    const { t } = this.ctx;
    const card = this.el;
    card.empty();
    card.createDiv({ cls: 'ties-graph-card-name', text: p.name });
    const work = [p.role, p.organisation].filter((s): s is string => !!s).join(' · ');
    if (work) card.createDiv({ cls: 'ties-graph-card-work', text: work });
    card.createDiv({ cls: 'ties-graph-card-contact', text: lastContactText(p, this.ctx) });
    if (p.interests.length > 0) card.createDiv({ cls: 'ties-graph-card-interests', text: t('graph.card.interests', { list: p.interests.slice(0, 5).join(', ') }) });
    const raise = raiseText(p);
    if (raise !== null) card.createDiv({ cls: 'ties-graph-card-raise', text: t('graph.card.raise', { list: raise }) });
    if (node?.archived) card.createDiv({ cls: 'ties-graph-card-flag', text: t('graph.card.archived') });
    else if (node?.dormant) card.createDiv({ cls: 'ties-graph-card-flag', text: t('graph.card.dormant') });
    const x = at.x > stage.width - CARD_WIDTH - 20 ? Math.max(0, at.x - CARD_WIDTH - 12) : at.x + 12;
    const y = at.y > stage.height - 140 ? Math.max(0, at.y - 120) : at.y + 12;
    card.setCssProps({ '--ties-card-x': `${x}px`, '--ties-card-y': `${y}px` });
    card.removeClass('is-hidden');
  }

  hide(): void {
    this.el.addClass('is-hidden');
  }
}
