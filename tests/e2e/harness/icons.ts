/**
 * setIcon, getIcon, addIcon as in Obsidian: Obsidian draws lucide icons (`alert-triangle`, `lucide-users`),
 * so the harness does too, from the `lucide` package. The server sends lucide's icon set as JSON
 * (/icons.json, parsed far faster than the same data as a script); boot hands it to setIconSet. Obsidian's
 * own few icons map to close lucide ones; an unknown id draws nothing, as in Obsidian (the element stays empty).
 */
import type { IconNode } from 'lucide';

/** lucide's icons by PascalCase name (`AlertTriangle`), aliases included. */
let icons: Record<string, IconNode> = {};

export function setIconSet(set: Record<string, IconNode>): void {
  icons = set;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Obsidian's own icon ids that are not lucide names. */
const OBSIDIAN_ICONS: Record<string, string> = {
  'document': 'file-text',
  'documents': 'files',
  'dice': 'dices',
  'pencil': 'pencil',
  'cross': 'x',
  'search': 'search',
  'right-triangle': 'chevron-right',
  'up-chevron-glyph': 'chevron-up',
  'down-chevron-glyph': 'chevron-down',
  'left-arrow': 'arrow-left',
  'right-arrow': 'arrow-right',
  'checkmark': 'check',
  'gear': 'settings',
  'popup-open': 'external-link',
  'reset': 'rotate-ccw',
  'trash': 'trash-2',
  'star': 'star',
  'help': 'help-circle',
};

const custom = new Map<string, string>();

function pascal(id: string): string {
  return id
    .split('-')
    .filter((p) => p !== '')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}

function lucideNode(id: string): IconNode | null {
  const plain = id.startsWith('lucide-') ? id.slice('lucide-'.length) : id;
  const name = OBSIDIAN_ICONS[plain] ?? plain;
  return icons[pascal(name)] ?? null;
}

/** The icon as a fresh SVG element, or null for an unknown id. */
export function getIcon(id: string): SVGSVGElement | null {
  const doc = activeDocument;
  const svg = doc.createElementNS(SVG_NS, 'svg');
  const attrs: Record<string, string> = {
    xmlns: SVG_NS,
    width: '24',
    height: '24',
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
  };
  const extra = custom.get(id);
  if (extra !== undefined) {
    attrs.viewBox = '0 0 100 100';
    for (const [k, v] of Object.entries(attrs)) svg.setAttribute(k, v);
    // An icon the plugin registered with addIcon: its own SVG content, parsed as SVG (never as HTML).
    const parsed = new DOMParser().parseFromString(`<svg xmlns="${SVG_NS}">${extra}</svg>`, 'image/svg+xml');
    for (const child of [...parsed.documentElement.childNodes]) svg.appendChild(doc.importNode(child, true));
  } else {
    const node = lucideNode(id);
    if (!node) return null;
    for (const [k, v] of Object.entries(attrs)) svg.setAttribute(k, v);
    for (const [tag, childAttrs] of node) {
      const child = doc.createElementNS(SVG_NS, tag);
      for (const [k, v] of Object.entries(childAttrs)) if (v !== undefined) child.setAttribute(k, String(v));
      svg.appendChild(child);
    }
  }
  svg.setAttribute('class', `svg-icon ${id.startsWith('lucide-') ? id : 'lucide-' + id}`);
  return svg;
}

export function setIcon(parent: HTMLElement, id: string): void {
  parent.empty();
  const svg = getIcon(id);
  if (svg) parent.appendChild(svg);
}

export function addIcon(id: string, svgContent: string): void {
  custom.set(id, svgContent);
}

export function removeIcon(id: string): void {
  custom.delete(id);
}

export function getIconIds(): string[] {
  return [...custom.keys(), ...Object.keys(icons).map((k) => 'lucide-' + k.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase())];
}
