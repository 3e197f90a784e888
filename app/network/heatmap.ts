/**
 * What a neuron computes over the 2-D input plane, as pixels: blue where its output is positive,
 * orange where negative, pale where near 0 — the colours of the weights. Each unit is scaled by its
 * own largest |value| (so its shape shows), but never by less than a twentieth of its layer's
 * largest, so a unit that barely reacts looks pale next to its neighbours. Pure; tested in heatmap.test.ts.
 *
 * Layout of the worker's values: [units × points], points = side × side, row 0 at x₂ = +1.
 */

export type Rgb = readonly [number, number, number];

export interface HeatColors {
  positive: Rgb;
  negative: Rgb;
  zero: Rgb;
}

export interface UnitRange {
  min: number;
  max: number;
  /** 0 everywhere on the plane (a dead ReLU, or zero weights) */
  flat: boolean;
}

/** Smallest and largest finite output of `unit`. */
export function unitRange(values: ArrayLike<number>, unit: number, points: number): UnitRange {
  let min = Infinity;
  let max = -Infinity;
  const end = Math.min(values.length, (unit + 1) * points);
  for (let p = unit * points; p < end; p++) {
    const v = values[p];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { min: 0, max: 0, flat: true };
  return { min, max, flat: Math.max(Math.abs(min), Math.abs(max)) < 1e-12 };
}

/** Side of the square grid behind `units` × side² values; 0 when it is not square. */
export function gridSide(length: number, units: number): number {
  if (units <= 0 || length <= 0) return 0;
  const side = Math.round(Math.sqrt(length / units));
  return side * side * units === length ? side : 0;
}

/** The largest finite |value| over all units. */
export function largestMagnitude(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > largest && a !== Infinity) largest = a;
  }
  return largest;
}

/** The colour of `value` on a scale whose ends are ±`scale` (pale at 0). */
export function heatColor(value: number, scale: number, colors: HeatColors): Rgb {
  if (!(scale > 0) || !Number.isFinite(value)) return colors.zero;
  const t = Math.min(1, Math.abs(value) / scale);
  const end = value >= 0 ? colors.positive : colors.negative;
  const z = colors.zero;
  return [Math.round(z[0] + (end[0] - z[0]) * t), Math.round(z[1] + (end[1] - z[1]) * t), Math.round(z[2] + (end[2] - z[2]) * t)];
}

/** A unit's own scale: its largest |value|, but at least `floor` (a share of its layer's largest). */
export function unitScale(range: UnitRange, floor: number): number {
  return Math.max(Math.abs(range.min), Math.abs(range.max), floor);
}

/** How much weaker than its layer's strongest a unit may be before it is drawn paler. */
export const LAYER_FLOOR = 0.05;

/**
 * Paints `unit` (side × side points) into an RGBA image `imageWidth` px wide at (left, top), opaque.
 * Returns the unit's range, or null when `values` does not hold that unit.
 */
export function paintUnit(
  image: Uint8ClampedArray,
  imageWidth: number,
  left: number,
  top: number,
  values: ArrayLike<number>,
  unit: number,
  side: number,
  scaleFloor: number,
  colors: HeatColors,
): UnitRange | null {
  const points = side * side;
  if (side <= 0 || unit < 0 || values.length < (unit + 1) * points) return null;
  const range = unitRange(values, unit, points);
  const scale = unitScale(range, scaleFloor);
  const { zero, positive, negative } = colors;
  // heatColor inlined: this runs for every pixel of every drawn neuron, four times a second.
  for (let row = 0; row < side; row++) {
    let at = ((top + row) * imageWidth + left) * 4;
    for (let col = 0; col < side; col++, at += 4) {
      const v = values[unit * points + row * side + col];
      const t = scale > 0 && Number.isFinite(v) ? Math.min(1, Math.abs(v) / scale) : 0;
      const end = v >= 0 ? positive : negative;
      image[at] = Math.round(zero[0] + (end[0] - zero[0]) * t);
      image[at + 1] = Math.round(zero[1] + (end[1] - zero[1]) * t);
      image[at + 2] = Math.round(zero[2] + (end[2] - zero[2]) * t);
      image[at + 3] = 255;
    }
  }
  return range;
}

/**
 * An input feature over the plane, in the same [units × points] layout: x₁ runs −1 → 1 left to
 * right, x₂ runs +1 → −1 top to bottom. Drawn in the input circles, so "what a neuron computes"
 * reads as a mix of these two ramps.
 */
export function inputPlaneValues(side: number): Float32Array {
  const points = side * side;
  const values = new Float32Array(2 * points);
  const at = (i: number) => (side > 1 ? -1 + (2 * i) / (side - 1) : 0);
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      values[row * side + col] = at(col);
      values[points + row * side + col] = 0 - at(row); // not -at(row): no −0
    }
  }
  return values;
}

/** [r, g, b] of a #rrggbb (or #rgb) colour; grey for anything else. */
export function parseHex(hex: string): Rgb {
  const h = hex.trim();
  const full = /^#[0-9a-f]{3}$/i.test(h) ? `#${h[1]}${h[1]}${h[2]}${h[2]}${h[3]}${h[3]}` : h;
  if (!/^#[0-9a-f]{6}$/i.test(full)) return [128, 128, 128];
  const n = parseInt(full.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
