/**
 * The pure half of drawing the input plane: prediction grids to RGBA pixels, and data points to
 * device-pixel positions grouped by colour (so the canvas fills one path per colour, not one per
 * point). No DOM here: the tests time these with numbers.
 */
import { classRgb, DIVERGING_LEVELS, DIVERGING_TABLE, divergingLevel, type Rgb } from './colour';

/** How far a fully sure cell moves from the background towards its class colour. */
export const MAX_TINT = 0.6;

/** Cells whose prediction is not a number (a diverged run) are painted this grey. */
export const NOT_A_NUMBER: Rgb = [150, 150, 150];

function pixelBuffer(cells: number, out?: Uint8ClampedArray<ArrayBuffer>): Uint8ClampedArray<ArrayBuffer> {
  return out && out.length === cells * 4 ? out : new Uint8ClampedArray(cells * 4);
}

/**
 * RGBA pixels (cells × 4, in grid order) for class probabilities `grid` (cells × classes): each cell
 * takes the colour of its likeliest class, mixed into `background` by how sure the network is —
 * a cell at chance level is background, a certain one MAX_TINT of the way to the class colour.
 */
export function classPixels(
  grid: Float32Array,
  classes: number,
  background: Rgb,
  out?: Uint8ClampedArray<ArrayBuffer>,
): Uint8ClampedArray<ArrayBuffer> {
  const cells = Math.floor(grid.length / classes);
  const pixels = pixelBuffer(cells, out);
  const chance = 1 / classes;
  for (let cell = 0, row = 0; cell < cells; cell++, row += classes) {
    let best = 0;
    let top = grid[row];
    for (let c = 1; c < classes; c++) {
      if (grid[row + c] > top) {
        top = grid[row + c];
        best = c;
      }
    }
    const p = cell * 4;
    if (!Number.isFinite(top)) {
      pixels[p] = NOT_A_NUMBER[0];
      pixels[p + 1] = NOT_A_NUMBER[1];
      pixels[p + 2] = NOT_A_NUMBER[2];
    } else {
      // 0 at chance level (on the boundary), 1 where the network is certain
      const sureness = classes > 1 ? Math.max(0, (top - chance) / (1 - chance)) : 0;
      const mix = Math.min(1, sureness) * MAX_TINT;
      const colour = classRgb(best);
      pixels[p] = background[0] + (colour[0] - background[0]) * mix;
      pixels[p + 1] = background[1] + (colour[1] - background[1]) * mix;
      pixels[p + 2] = background[2] + (colour[2] - background[2]) * mix;
    }
    pixels[p + 3] = 255;
  }
  return pixels;
}

/** RGBA pixels for predicted values `grid` (one per cell) on the diverging map over [−limit, limit]. */
export function valuePixels(grid: Float32Array, limit: number, out?: Uint8ClampedArray<ArrayBuffer>): Uint8ClampedArray<ArrayBuffer> {
  const pixels = pixelBuffer(grid.length, out);
  for (let cell = 0; cell < grid.length; cell++) {
    const value = grid[cell];
    const p = cell * 4;
    if (!Number.isFinite(value)) {
      pixels[p] = NOT_A_NUMBER[0];
      pixels[p + 1] = NOT_A_NUMBER[1];
      pixels[p + 2] = NOT_A_NUMBER[2];
    } else {
      const level = divergingLevel(value, limit) * 3;
      pixels[p] = DIVERGING_TABLE[level];
      pixels[p + 1] = DIVERGING_TABLE[level + 1];
      pixels[p + 2] = DIVERGING_TABLE[level + 2];
    }
    pixels[p + 3] = 255;
  }
  return pixels;
}

/** Points of one colour: device-pixel centres [x0, y0, x1, y1, …]. */
export interface MarkGroup {
  colour: Rgb;
  centres: Float32Array;
}

export interface PlanePoints {
  /** inputs [n × 2] in data units, the plane spanning [−1, 1]² */
  x: Float32Array;
  /** class indices or target values */
  y: Float32Array;
  n: number;
}

/**
 * Places 2-D points on a `size`-pixel square (x₁ = −1 at the left, x₂ = +1 at the top), grouped by
 * `groupOf(label)`; `colours[g]` colours group g. Points with non-finite inputs are left out.
 */
export function groupPoints(points: PlanePoints, size: number, colours: readonly Rgb[], groupOf: (label: number) => number): MarkGroup[] {
  const groups = colours.length;
  const counts = new Int32Array(groups);
  const which = new Int32Array(points.n);
  for (let i = 0; i < points.n; i++) {
    const g = groupOf(points.y[i]);
    const ok = g >= 0 && g < groups && Number.isFinite(points.x[2 * i]) && Number.isFinite(points.x[2 * i + 1]);
    which[i] = ok ? g : -1;
    if (ok) counts[g]++;
  }
  const centres = Array.from(counts, (count) => new Float32Array(count * 2));
  const filled = new Int32Array(groups);
  const half = size / 2;
  for (let i = 0; i < points.n; i++) {
    const g = which[i];
    if (g < 0) continue;
    const k = filled[g]++ * 2;
    centres[g][k] = (points.x[2 * i] + 1) * half;
    centres[g][k + 1] = (1 - points.x[2 * i + 1]) * half;
  }
  return centres.map((c, g) => ({ colour: colours[g], centres: c })).filter((group) => group.centres.length > 0);
}

/** Class points: one group per class, in the class colours. */
export function classGroups(points: PlanePoints, classes: number, size: number): MarkGroup[] {
  const colours = Array.from({ length: classes }, (_, c) => classRgb(c));
  return groupPoints(points, size, colours, (label) => label);
}

/** Bands of the colour map that target-coloured points are binned into (invisible steps). */
export const VALUE_BINS = 48;

/** Regression points: binned by target on the diverging map over [−limit, limit]. */
export function valueGroups(points: PlanePoints, limit: number, size: number): MarkGroup[] {
  const colours = Array.from({ length: VALUE_BINS }, (_, bin): Rgb => {
    const level = Math.round(((bin + 0.5) / VALUE_BINS) * (DIVERGING_LEVELS - 1)) * 3;
    return [DIVERGING_TABLE[level], DIVERGING_TABLE[level + 1], DIVERGING_TABLE[level + 2]];
  });
  return groupPoints(points, size, colours, (value) => {
    if (!Number.isFinite(value)) return -1;
    return Math.min(VALUE_BINS - 1, Math.floor((divergingLevel(value, limit) / DIVERGING_LEVELS) * VALUE_BINS));
  });
}
