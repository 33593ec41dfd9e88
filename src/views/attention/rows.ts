/**
 * Sections and rows of the sidebar as DOM. Only text nodes and attributes carry the notes' values, so a
 * name or interest containing HTML shows as text. No obsidian import at run time (icons come through the
 * context), so the benchmark can render rows on a bare DOM. Events are handled by the view, by delegation:
 * elements carry `data-action` and rows carry `data-key`.
 */
import type { Translate } from '../../i18n/i18n';
import type { AttentionKind } from '../../core/types';
import { CHUNK, visibleCount, type AttentionRow, type AttentionSection, type ChannelSuggestion, type RowAction } from './model';

export interface RenderContext {
  t: Translate;
  /** Obsidian's setIcon, or a stand-in. */
  icon(el: HTMLElement, name: string): void;
}

export const ACTION_ICONS: Readonly<Record<RowAction, string>> = {
  done: 'check',
  log: 'message-square-plus',
  snooze: 'alarm-clock',
  favour: 'gift',
};

const ACTION_LABELS = {
  done: 'attention.action.done',
  log: 'attention.action.log',
  snooze: 'attention.action.snooze',
  favour: 'attention.action.favour',
} as const;

export const SECTION_LABELS = {
  'follow-up': 'attention.section.follow-up',
  overdue: 'attention.section.overdue',
  date: 'attention.section.date',
  favour: 'attention.section.favour',
  dormant: 'attention.section.dormant',
} as const satisfies Record<AttentionKind, string>;

const CHANNEL_ICONS: Readonly<Record<string, string>> = {
  email: 'mail',
  phone: 'phone',
  video: 'video',
  'in-person': 'users',
  chat: 'message-circle',
  letter: 'mail-open',
};

const CHANNEL_WORDS = {
  email: 'attention.channel.email',
  phone: 'attention.channel.phone',
  video: 'attention.channel.video',
  'in-person': 'attention.channel.in-person',
  chat: 'attention.channel.chat',
  letter: 'attention.channel.letter',
} as const;

export function actionLabel(t: Translate, action: RowAction): string {
  return t(ACTION_LABELS[action]);
}

export function channelWord(t: Translate, channel: string): string {
  return channel in CHANNEL_WORDS ? t(CHANNEL_WORDS[channel as keyof typeof CHANNEL_WORDS]) : channel;
}

/** Everything a row shows: a row whose signature did not change keeps its element across renders. */
export function rowSignature(row: AttentionRow): string {
  return [row.name, row.path, row.detail, row.interests.join('\u0001'), row.channel.channel ?? '', row.channel.href ?? '', row.actions.join(',')].join('\u0000');
}

/** The channel link (mail or phone) or a neutral icon with the preferred channel as its label. */
export function renderChannel(parent: HTMLElement, name: string, channel: ChannelSuggestion, ctx: RenderContext): HTMLElement {
  const { t } = ctx;
  let el: HTMLElement;
  if (channel.href !== null && channel.target !== null) {
    const label = channel.kind === 'mail'
      ? t('attention.channel.mail', { name, address: channel.target })
      : t('attention.channel.call', { name, number: channel.target });
    el = parent.createEl('a', { cls: 'ties-attention-channel ties-attention-channel-link', href: channel.href, attr: { 'aria-label': label } });
    ctx.icon(el, channel.kind === 'mail' ? 'mail' : 'phone');
  } else {
    const label = channel.channel !== null ? t('attention.channel.prefers', { channel: channelWord(t, channel.channel) }) : t('attention.channel.none');
    el = parent.createSpan({ cls: 'ties-attention-channel', attr: { 'aria-label': label } });
    ctx.icon(el, (channel.channel !== null ? CHANNEL_ICONS[channel.channel] : undefined) ?? 'user');
  }
  if (channel.channel !== null) el.dataset.channel = channel.channel;
  return el;
}

/** One row: name, channel, reason, interests, action buttons. */
export function renderRow(row: AttentionRow, ctx: RenderContext): HTMLElement {
  const { t } = ctx;
  const el = createDiv({ cls: 'ties-attention-row', attr: { 'data-key': row.key, 'data-path': row.path, 'data-kind': row.kind, tabindex: -1, role: 'listitem' } });
  el.createEl('a', { cls: 'ties-attention-name', text: row.name, href: '#', attr: { 'data-action': 'open', tabindex: -1 } });
  renderChannel(el, row.name, row.channel, ctx);
  el.createDiv({ cls: 'ties-attention-reason', text: row.detail });
  if (row.interests.length > 0) el.createDiv({ cls: 'ties-attention-interests', text: row.interests.join(' · ') });
  const actions = el.createDiv({ cls: 'ties-attention-actions' });
  for (const action of row.actions) {
    const label = actionLabel(t, action);
    const button = actions.createEl('button', {
      cls: 'clickable-icon ties-attention-action',
      attr: { type: 'button', 'data-action': action, 'aria-label': t('attention.actionFor', { action: label, name: row.name }), tabindex: -1 },
    });
    ctx.icon(button, ACTION_ICONS[action]);
  }
  return el;
}

/** Row elements by key, with the signature they were rendered from. */
export type RowCache = Map<string, { signature: string; el: HTMLElement }>;

/**
 * A section: heading with count, the first `visible` rows, and "Show more" / "Show all" / "Show fewer".
 * Rows found in `previous` with the same signature are reused; every row rendered is put in `next`.
 */
export function renderSection(
  parent: HTMLElement, section: AttentionSection, requested: number | undefined, ctx: RenderContext,
  previous: RowCache, next: RowCache,
): HTMLElement {
  const { t } = ctx;
  const el = parent.createDiv({ cls: 'ties-attention-section', attr: { 'data-kind': section.kind } });
  const heading = el.createDiv({ cls: 'ties-attention-section-heading' });
  const title = t(SECTION_LABELS[section.kind]);
  heading.createSpan({ cls: 'ties-attention-section-title', text: title });
  const visible = visibleCount(section, requested);
  const countText = section.kind === 'dormant' && visible < section.count
    ? t('attention.dormantOfTotal', { shown: visible, count: section.count })
    : String(section.count);
  heading.createSpan({ cls: 'ties-attention-section-count', text: countText });

  const list = el.createDiv({ cls: 'ties-attention-rows', attr: { role: 'list', 'aria-label': title } });
  const rows: HTMLElement[] = [];
  for (let i = 0; i < visible; i++) {
    const row = section.rows[i]!;
    const signature = rowSignature(row);
    const old = previous.get(row.key);
    const rowEl = old && old.signature === signature ? old.el : renderRow(row, ctx);
    next.set(row.key, { signature, el: rowEl });
    rows.push(rowEl);
  }
  list.append(...rows);

  const remaining = section.rows.length - visible;
  if (remaining > 0 || (section.kind === 'dormant' && visible > section.featured)) {
    const more = el.createDiv({ cls: 'ties-attention-more' });
    if (remaining > 0) {
      const dormantAll = section.kind === 'dormant' && visible <= section.featured;
      const n = Math.min(remaining, CHUNK);
      more.createEl('button', {
        cls: 'ties-attention-more-button',
        text: dormantAll ? t('attention.showAll', { n: remaining }) : t('attention.showMore', { n }),
        attr: { type: 'button', 'data-action': 'more', 'data-kind': section.kind },
      });
    }
    if (section.kind === 'dormant' && visible > section.featured)
      more.createEl('button', {
        cls: 'ties-attention-fewer-button',
        text: t('attention.showFewer'),
        attr: { type: 'button', 'data-action': 'fewer', 'data-kind': section.kind },
      });
  }
  return el;
}

