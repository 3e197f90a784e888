/**
 * What a neuron computes on a 1-D data set: its output as a curve over x ∈ [−1, 1] (the worker
 * samples each unit at evenly spaced x). Pure; tested in curve.test.ts.
 */

/** Points per unit when every hidden layer holds `units × points` values with the same points; else 0. */
export function linePoints(activations: ReadonlyArray<{ units: number; values: ArrayLike<number> }> | null | undefined, hiddenSizes: readonly number[]): number {
  if (!activations || activations.length !== hiddenSizes.length || activations.length === 0) return 0;
  const points = activations[0].units > 0 ? activations[0].values.length / activations[0].units : 0;
  if (!Number.isInteger(points) || points < 2) return 0;
  return activations.every((a, i) => a.units === hiddenSizes[i] && a.values.length === a.units * points) ? points : 0;
}

export interface CurvePath {
  /** SVG path of the unit's output, x left to right, larger values up */
  d: string;
  /** y of output 0 in the box, or null when 0 is outside the range drawn */
  zero: number | null;
  min: number;
  max: number;
}

/** The curve of `unit` in a `width` × `height` box (2 px inset); a flat unit is a line across the middle. */
export function curvePath(values: ArrayLike<number>, unit: number, points: number, width: number, height: number): CurvePath {
  let min = Infinity;
  let max = -Infinity;
  for (let p = 0; p < points; p++) {
    const v = values[unit * points + p];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) min = max = 0;
  const inset = 2;
  const span = max - min;
  const y = (v: number) => (span > 1e-12 ? inset + ((max - v) / span) * (height - 2 * inset) : height / 2);
  const x = (p: number) => inset + (p / (points - 1)) * (width - 2 * inset);
  const parts: string[] = [];
  let pen = false;
  for (let p = 0; p < points; p++) {
    const v = values[unit * points + p];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${round(x(p))} ${round(y(v))}`);
    pen = true;
  }
  const zero = span > 1e-12 && min <= 0 && max >= 0 ? round(y(0)) : span <= 1e-12 ? height / 2 : null;
  return { d: parts.join(' '), zero, min, max };
}

const round = (v: number) => Math.round(v * 10) / 10;
