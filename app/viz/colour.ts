/**
 * Colours for the output pictures: the class colours of app/palette.ts as RGB triples, and a
 * diverging colour map (blue for low values, orange for high, near-white at zero) for regression
 * surfaces. Blue and orange stay apart for every common colour-vision deficiency.
 */
import { CLASS_COLORS, rgb } from '../palette';

export type Rgb = readonly [number, number, number];

export const CLASS_RGB: readonly Rgb[] = CLASS_COLORS.map((hex) => rgb(hex));

export function classRgb(index: number): Rgb {
  return CLASS_RGB[((index % CLASS_RGB.length) + CLASS_RGB.length) % CLASS_RGB.length];
}

/** Reads a `#rrggbb` colour (what the stylesheet's custom properties hold); null for anything else. */
export function parseHexColour(text: string): Rgb | null {
  const match = /^#([0-9a-f]{6})$/i.exec(text.trim());
  if (!match) return null;
  const value = parseInt(match[1], 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export const cssRgb = (c: Rgb): string => `rgb(${c[0]} ${c[1]} ${c[2]})`;

/** Low (−limit) to high (+limit): dark blue, light blue, near-white, light orange, dark orange. */
export const DIVERGING_STOPS: readonly Rgb[] = [
  [8, 69, 128],
  [0, 114, 178],
  [110, 170, 215],
  [206, 226, 240],
  [246, 246, 246],
  [252, 221, 170],
  [240, 170, 60],
  [213, 110, 0],
  [140, 65, 0],
];

/** Entries of the lookup table the painters index into (one per level of the colour map). */
export const DIVERGING_LEVELS = 256;

function buildDivergingTable(): Uint8Array {
  const table = new Uint8Array(DIVERGING_LEVELS * 3);
  const segments = DIVERGING_STOPS.length - 1;
  for (let level = 0; level < DIVERGING_LEVELS; level++) {
    const t = (level / (DIVERGING_LEVELS - 1)) * segments;
    const i = Math.min(segments - 1, Math.floor(t));
    const f = t - i;
    const a = DIVERGING_STOPS[i];
    const b = DIVERGING_STOPS[i + 1];
    for (let c = 0; c < 3; c++) table[level * 3 + c] = Math.round(a[c] + (b[c] - a[c]) * f);
  }
  return table;
}

/** DIVERGING_LEVELS × [r, g, b]. */
export const DIVERGING_TABLE: Uint8Array = buildDivergingTable();

/** The colour map's level for `value` on the symmetric scale [−limit, +limit] (clamped). */
export function divergingLevel(value: number, limit: number): number {
  const t = (value / limit + 1) / 2;
  if (!(t > 0)) return 0; // also NaN: callers check finiteness first
  if (t >= 1) return DIVERGING_LEVELS - 1;
  return Math.round(t * (DIVERGING_LEVELS - 1));
}

export function divergingRgb(value: number, limit: number): Rgb {
  const level = divergingLevel(value, limit);
  return [DIVERGING_TABLE[level * 3], DIVERGING_TABLE[level * 3 + 1], DIVERGING_TABLE[level * 3 + 2]];
}

/** The colour map as a CSS gradient, left = −limit, right = +limit (for the legend). */
export function divergingGradient(direction = 'to right'): string {
  const stops = DIVERGING_STOPS.map((c, i) => `${cssRgb(c)} ${((100 * i) / (DIVERGING_STOPS.length - 1)).toFixed(1)}%`);
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}
