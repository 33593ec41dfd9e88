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

/**
 * The key of each row action (lower case works too; README "Keyboard"). A (Add follow-up), T (open the
 * task's note), M or the context-menu key (the row's menu) and Enter (open the note) have no button.
 */
export const ACTION_KEYS: Readonly<Record<RowAction, string>> = { done: 'D', log: 'L', snooze: 'S', favour: 'F' };

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
  return [
    row.name, row.path, row.detail, row.interests.join('\u0001'), row.moreInterests, row.raise.join('\u0001'),
    row.source ? `${row.source.path}:${row.source.line}` : '', row.channel.channel ?? '', row.channel.href ?? '', row.actions.join(','),
  ].join('\u0000');
}

/** "People/Kees.md" → "Kees": how a note's name reads. */
export function noteName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.toLowerCase().endsWith('.md') ? file.slice(0, -3) : file;
}

/** Items as separate spans with " · " between them, so a line breaks between items and never cuts one. */
function itemSpans(parent: HTMLElement, items: readonly string[]): void {
  // The separator ends the item before it, so that a wrapped line never starts with one.
  items.forEach((item, i) => {
    if (i > 0) parent.appendText(' ');
    parent.createSpan({ cls: 'ties-attention-item', text: i < items.length - 1 ? `${item} ·` : item });
  });
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

/**
 * One row: name, channel and action buttons; the reason; where a task follow-up lives; what to raise next
 * time; interests. Buttons are not tab stops (the row is, and every button has its key, in its label).
 */
export function renderRow(row: AttentionRow, ctx: RenderContext): HTMLElement {
  const { t } = ctx;
  const el = createDiv({
    cls: 'ties-attention-row',
    attr: { 'data-key': row.key, 'data-path': row.path, 'data-kind': row.kind, tabindex: -1, role: 'listitem', 'aria-haspopup': 'menu' },
  });
  el.createEl('a', { cls: 'ties-attention-name', text: row.name, href: '#', attr: { 'data-action': 'open', tabindex: -1 } });
  renderChannel(el, row.name, row.channel, ctx);
  el.createDiv({ cls: 'ties-attention-reason', text: row.detail });
  if (row.source) {
    const note = noteName(row.source.path);
    el.createEl('a', {
      cls: 'ties-attention-source',
      text: t('attention.fromTask', { note }),
      href: '#',
      attr: { 'data-action': 'open-source', tabindex: -1, 'aria-label': `${t('attention.fromTaskLabel', { note })} (T)`, 'aria-keyshortcuts': 'T' },
    });
  }
  if (row.raise.length > 0) {
    const raise = el.createDiv({ cls: 'ties-attention-raise' });
    const [head, tail] = t('attention.raise', { items: '\u0000' }).split('\u0000');
    if (head) raise.createSpan({ cls: 'ties-attention-raise-label', text: head.trimEnd() + ' ' });
    itemSpans(raise, row.raise);
    if (tail) raise.appendText(tail);
  }
  if (row.interests.length > 0) {
    const interests = el.createDiv({ cls: 'ties-attention-interests' });
    itemSpans(interests, row.moreInterests > 0 ? [...row.interests, `+${row.moreInterests}`] : row.interests);
  }
  const actions = el.createDiv({ cls: 'ties-attention-actions' });
  for (const action of row.actions) {
    const label = actionLabel(t, action);
    const key = ACTION_KEYS[action];
    const button = actions.createEl('button', {
      cls: 'clickable-icon ties-attention-action',
      attr: {
        type: 'button', 'data-action': action, tabindex: -1, 'aria-keyshortcuts': key,
        'aria-label': t('attention.actionFor', { action: label, name: row.name, key }),
      },
    });
    ctx.icon(button, ACTION_ICONS[action]);
  }
  return el;
}

/** Row elements by key, with the signature they were rendered from. */
export type RowCache = Map<string, { signature: string; el: HTMLElement }>;

/**
 * A section: a heading that folds it (with its count), the first `visible` rows, and "Show more" / "Show
 * all" / "Show fewer"; a folded section has no rows. Rows found in `previous` with the same signature are
 * reused; every row rendered is put in `next`.
 */
export function renderSection(
  parent: HTMLElement, section: AttentionSection, requested: number | undefined, collapsed: boolean, ctx: RenderContext,
  previous: RowCache, next: RowCache,
): HTMLElement {
  const { t } = ctx;
  const el = parent.createDiv({ cls: ['ties-attention-section', collapsed ? 'is-collapsed' : ''].filter(Boolean), attr: { 'data-kind': section.kind } });
  const title = t(SECTION_LABELS[section.kind]);
  const heading = el.createEl('button', {
    cls: 'ties-attention-section-heading',
    attr: { type: 'button', 'data-action': 'toggle-section', 'data-kind': section.kind, 'aria-expanded': String(!collapsed) },
  });
  ctx.icon(heading.createSpan({ cls: 'ties-attention-section-chevron' }), 'chevron-down');
  heading.createSpan({ cls: 'ties-attention-section-title', text: title });
  const visible = visibleCount(section, requested);
  const countText = section.kind === 'dormant' && visible < section.count && !collapsed
    ? t('attention.dormantOfTotal', { shown: visible, count: section.count })
    : String(section.count);
  heading.createSpan({ cls: 'ties-attention-section-count', text: countText });
  if (collapsed) return el;

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

