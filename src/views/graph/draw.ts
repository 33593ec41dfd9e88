/**
 * Label and hover drawing shared by both renderers (sigma's canvas layers and the Canvas2D fallback), in the
 * theme's colours: sigma's own hover box is white, which is unreadable in a dark theme. Where labels go is
 * decided in labels.ts.
 */
import { fade } from './colours';
import type { PlacedLabel } from './labels';

export interface Theme {
  /** Label text. */
  text: string;
  /** Background of the hover box. */
  background: string;
  /** Shadow around the hover box. */
  shadow: string;
  font: string;
  labelSize: number;
}

/** What a hovered person's highlighting does to everyone else: their colour at 12%, lines at 12% of theirs. */
export const FADE_NODE = 0.12;
export const FADE_EDGE = 0.12;

export const DEFAULT_THEME: Theme = {
  text: '#222222',
  background: '#ffffff',
  shadow: 'rgba(0, 0, 0, 0.35)',
  font: 'sans-serif',
  labelSize: 12,
};

/** The theme as `el` shows it: computed colours (always rgb()), so that the model can mix them. */
export function themeOf(el: HTMLElement): Theme {
  const style = (e: Element): CSSStyleDeclaration | null => {
    try {
      return e.win.getComputedStyle(e);
    } catch {
      return null;
    }
  };
  const own = style(el);
  // The first ancestor with a background of its own (the view's content is usually transparent).
  let background = '';
  for (let e: HTMLElement | null = el; e && !background; e = e.parentElement) {
    const bg = style(e)?.backgroundColor ?? '';
    if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) background = bg;
  }
  return {
    text: own?.color || own?.getPropertyValue('--text-normal').trim() || DEFAULT_THEME.text,
    background: background || own?.getPropertyValue('--background-primary').trim() || DEFAULT_THEME.background,
    shadow: DEFAULT_THEME.shadow,
    font: own?.getPropertyValue('--font-interface').trim() || DEFAULT_THEME.font,
    labelSize: DEFAULT_THEME.labelSize,
  };
}

export interface LabelData {
  x: number;
  y: number;
  size: number;
  label: string | null;
}

export function labelFont(theme: Theme, weight = 'normal'): string {
  return `${weight} ${theme.labelSize}px ${theme.font}`;
}

/** Draws labels placed by labels.ts (dimmed ones faded into the background). */
export function drawLabels(ctx: CanvasRenderingContext2D, labels: readonly PlacedLabel[], theme: Theme): void {
  ctx.font = labelFont(theme);
  const faded = fade(theme.text, 0.35, theme.background);
  for (const l of labels) {
    ctx.fillStyle = l.dimmed ? faded : theme.text;
    ctx.fillText(l.text, l.x, l.y);
  }
}

/** A box in the theme's background around the node and its label, with a soft shadow. */
export function drawHover(ctx: CanvasRenderingContext2D, data: LabelData, theme: Theme): void {
  const padding = 2;
  ctx.font = labelFont(theme, '600');
  ctx.fillStyle = theme.background;
  ctx.shadowOffsetX = 0;
  ctx.shadowOffsetY = 0;
  ctx.shadowBlur = 8;
  ctx.shadowColor = theme.shadow;
  const radius = Math.max(data.size, theme.labelSize / 2) + padding;
  ctx.beginPath();
  if (data.label) {
    const width = Math.round(ctx.measureText(data.label).width + 6);
    const height = Math.round(theme.labelSize + 2 * padding);
    const angle = Math.asin(Math.min(1, height / 2 / radius));
    const dx = Math.sqrt(Math.abs(radius ** 2 - (height / 2) ** 2));
    ctx.moveTo(data.x + dx, data.y + height / 2);
    ctx.lineTo(data.x + radius + width, data.y + height / 2);
    ctx.lineTo(data.x + radius + width, data.y - height / 2);
    ctx.lineTo(data.x + dx, data.y - height / 2);
    ctx.arc(data.x, data.y, radius, angle, -angle);
  } else ctx.arc(data.x, data.y, radius, 0, Math.PI * 2);
  ctx.closePath();
  ctx.fill();
  ctx.shadowBlur = 0;
  if (data.label) {
    ctx.fillStyle = theme.text;
    ctx.fillText(data.label, data.x + data.size + 3, data.y + theme.labelSize / 3);
  }
}
