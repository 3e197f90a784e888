/**
 * Where everything in the network diagram goes: which neurons of a layer are drawn (at most 16; a
 * wider layer shows its first and last units around a "⋮"), the columns' positions in a box of a
 * given width, the neurons' size, the room for the layer controls above and the statistics below,
 * where the neuron tooltip fits, and how the arrow keys move between neurons. Pure; tested in
 * layout.test.ts.
 */

/** Most neurons drawn in one column; the "⋮" counts as one of them. */
export const MAX_DRAWN = 16;
/** Marks the "⋮" slot in a column's drawn units. */
export const GAP = -1;

/** The unit indices drawn for a layer of `total` units: all of them, or the first and last few around a gap. */
export function drawnUnits(total: number, max = MAX_DRAWN): number[] {
  const n = Math.max(0, Math.floor(total));
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const slots = Math.max(3, max);
  const head = Math.ceil((slots - 1) / 2);
  const tail = slots - 1 - head;
  return [...Array.from({ length: head }, (_, i) => i), GAP, ...Array.from({ length: tail }, (_, i) => n - tail + i)];
}

export type ColumnKind = 'input' | 'hidden' | 'output';

export interface Column {
  /** position in [inputs, ...hidden, outputs] */
  index: number;
  kind: ColumnKind;
  /** units in the layer */
  total: number;
  /** unit indices drawn, top to bottom; GAP is the "⋮" */
  units: number[];
  /** centre of the column */
  x: number;
  /** centre of each drawn slot */
  ys: number[];
}

export interface NetworkLayout {
  width: number;
  height: number;
  radius: number;
  /** the horizontal room each column has (its title, controls and statistics fit in it) */
  cellWidth: number;
  /** width buttons beside the typed width ('row') or above and below it ('stack', narrow columns) */
  controls: 'row' | 'stack';
  /** titles and width controls sit above this line */
  headerHeight: number;
  /** statistics start at this y (height = footerTop when there are none) */
  footerTop: number;
  columns: Column[];
  /** the circles are large enough to show a picture inside */
  thumbnails: boolean;
}

export interface LayoutOptions {
  /** room left of the input circles for their names, px */
  leftLabel: number;
  /** room right of the output circles for their names, px */
  rightLabel: number;
  /** reserve rows under the hidden layers for their statistics */
  footer: boolean;
}

/** Narrowest column in which "− [16] +" fits on one line. */
export const ROW_CONTROLS_MIN = 108;
export const MIN_RADIUS = 6;
/** A hidden neuron is a button: at least this many px square (WCAG 2.5.8), so neurons sit at least this far apart. */
export const TOUCH_TARGET = 24;
/** Smallest circle that still shows its picture (24 × 24 samples in ≥ 16 px). */
export const THUMBNAIL_RADIUS = 8;
export const HEADER_ROW = 60;
export const HEADER_STACK = 112;
export const HEADER_TITLES = 26;
export const FOOTER_HEIGHT = 50;
const MARGIN = 8;

/** Columns for layer sizes [inputs, ...hidden, outputs] in a box `width` px wide. */
export function layoutNetwork(sizes: readonly number[], width: number, options: LayoutOptions): NetworkLayout {
  const count = Math.max(1, sizes.length);
  const drawn = sizes.map((total) => drawnUnits(total));
  const hidden = Math.max(0, sizes.length - 2);
  const inner = Math.max(count * 24, width - options.leftLabel - options.rightLabel);
  const cellWidth = inner / count;
  const controls = cellWidth >= ROW_CONTROLS_MIN ? 'row' : 'stack';
  const tallest = Math.max(1, ...drawn.map((units) => units.length));
  const wanted = tallest <= 6 ? 15 : tallest <= 10 ? 13 : 10;
  const radius = Math.max(MIN_RADIUS, Math.min(wanted, Math.floor(cellWidth * 0.3)));
  const pitch = Math.max(TOUCH_TARGET, 2 * radius + Math.max(4, Math.round(radius * 0.5)));
  const headerHeight = hidden === 0 ? HEADER_TITLES : controls === 'row' ? HEADER_ROW : HEADER_STACK;
  const top = headerHeight + MARGIN;
  const area = 2 * radius + pitch * (tallest - 1);
  const footerTop = top + area + MARGIN;
  const height = footerTop + (options.footer && hidden > 0 ? FOOTER_HEIGHT : 0);
  const columns = drawn.map((units, c): Column => {
    const span = pitch * (units.length - 1);
    const first = top + radius + (area - 2 * radius - span) / 2;
    return {
      index: c,
      kind: c === 0 ? 'input' : c === sizes.length - 1 ? 'output' : 'hidden',
      total: sizes[c],
      units,
      x: options.leftLabel + (c + 0.5) * cellWidth,
      ys: units.map((_, i) => first + i * pitch),
    };
  });
  return { width: Math.max(width, inner + options.leftLabel + options.rightLabel), height, radius, cellWidth, controls, headerHeight, footerTop, columns, thumbnails: radius >= THUMBNAIL_RADIUS };
}

/** Rough width of a label at `fontPx` (CJK and full-width characters are 1 em, others ~0.6 em). */
export function textWidth(text: string, fontPx = 12): number {
  let em = 0;
  for (const ch of text) em += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.6;
  return Math.ceil(em * fontPx);
}

/** Where a tip of `tip` size goes beside a neuron at (x, y): right of it, else left, else below; inside the box. */
export function placeTip(
  x: number,
  y: number,
  radius: number,
  tip: { width: number; height: number },
  box: { width: number; height: number },
): { left: number; top: number } {
  const gap = 10;
  const top = Math.max(0, Math.min(Math.max(0, box.height - tip.height), y - tip.height / 2));
  if (x + radius + gap + tip.width <= box.width) return { left: x + radius + gap, top };
  if (x - radius - gap - tip.width >= 0) return { left: x - radius - gap - tip.width, top };
  return { left: Math.max(0, Math.min(box.width - tip.width, x - tip.width / 2)), top: y + radius + gap };
}

/** A hidden neuron: its hidden layer (0-based) and unit index. */
export interface NeuronRef {
  layer: number;
  unit: number;
}

/**
 * The neuron the arrow keys move to from `at`: up/down within the layer (skipping the "⋮"),
 * left/right to the neighbouring hidden layer at the same height, Home/End to the layer's ends.
 * `layers` holds the drawn units of each hidden layer. Null when the key does not move.
 */
export function moveFocus(layers: ReadonlyArray<readonly number[]>, at: NeuronRef, key: string): NeuronRef | null {
  const units = (l: number) => (layers[l] ?? []).filter((u) => u !== GAP);
  const here = units(at.layer);
  const slot = here.indexOf(at.unit);
  if (slot < 0) return null;
  const within = (s: number): NeuronRef | null => (s >= 0 && s < here.length && s !== slot ? { layer: at.layer, unit: here[s] } : null);
  switch (key) {
    case 'ArrowUp':
      return within(slot - 1);
    case 'ArrowDown':
      return within(slot + 1);
    case 'Home':
      return within(0);
    case 'End':
      return within(here.length - 1);
    case 'ArrowLeft':
    case 'ArrowRight': {
      const layer = at.layer + (key === 'ArrowLeft' ? -1 : 1);
      const there = units(layer);
      if (there.length === 0) return null;
      // The neuron at the same relative height: top stays top, bottom stays bottom.
      const share = here.length > 1 ? slot / (here.length - 1) : 0;
      return { layer, unit: there[Math.round(share * (there.length - 1))] };
    }
    default:
      return null;
  }
}
