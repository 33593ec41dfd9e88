/**
 * The graph's colours: a palette that reads on light and dark themes, the neutral and intro colours, the
 * colours of the four kinds of lines, and mixing with the background (sigma's WebGL adds translucent colours
 * up, so every colour the model hands out is opaque).
 */

/** Colours that read on light and dark themes alike (Tableau 10, grey left out, two added). */
export const PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#86bcb6', '#d37295', '#8cd17d',
] as const;
export const NEUTRAL = '#9aa0a6';
export const INTRO = '#ff7a00';
/** `knows` and `introduced_by` lines, faded by tie strength. */
export const EDGE = '#808080';
/** "Same organisation": green, so that it never reads as a weak `knows`. */
export const ORGANISATION = '#2a9d6f';
/** "Mentions": blue. */
export const MENTION = '#4a7fd4';

function channels(color: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const h = hex[1]!.length === 3 ? hex[1]!.replace(/./g, (c) => c + c) : hex[1]!;
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(color.trim());
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}

/**
 * `color` at this opacity over `background`, as an opaque `#rrggbb`. Opaque colours draw the same in sigma (whose
 * WebGL blending adds translucent colours up: faint ones vanish on a light background) and on a 2D canvas.
 */
export function fade(color: string, alpha: number, background = '#ffffff'): string {
  const c = channels(color), b = channels(background) ?? [255, 255, 255];
  if (!c) return color;
  const hex = (i: number) => Math.round(c[i]! * alpha + b[i]! * (1 - alpha)).toString(16).padStart(2, '0');
  return `#${hex(0)}${hex(1)}${hex(2)}`;
}

/** The colour of archived and dormant people: a light grey on a light background, a dark one on a dark. */
export function greyedColour(background = '#ffffff'): string {
  return fade('#969696', 0.45, background);
}
