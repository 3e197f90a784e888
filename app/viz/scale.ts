/** Axis ranges and ticks for the output charts. */

/** Smallest and largest finite value of the arrays; null when there is none. */
export function extent(...arrays: ArrayLike<number>[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of arrays) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** A round step (1, 2, 2.5 or 5 × 10ⁿ) that splits `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  return power * NICE_STEPS.find((s) => s * power >= raw * (1 - 1e-9))!;
}

/** Round tick values covering [lo, hi] (the first ≤ lo, the last ≥ hi), about `count` intervals. */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo)) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    return niceTicks(lo - pad, lo + pad, count);
  }
  const step = niceStep(hi - lo, count);
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  // round away float noise (0.30000000000000004 → 0.3)
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** Round tick values inside [lo, hi] (for axes whose ends are the data's, not a tick's). */
export function ticksWithin(lo: number, hi: number, count = 4): number[] {
  const slack = (hi - lo) * 1e-9;
  return niceTicks(lo, hi, count).filter((t) => t >= lo - slack && t <= hi + slack);
}

/** `range` widened by `fraction` of its span on each side (so no point sits on the frame). */
export function paddedRange(range: [number, number], fraction = 0.06): [number, number] {
  const span = range[1] - range[0] || Math.abs(range[0]) || 1;
  return [range[0] - span * fraction, range[1] + span * fraction];
}

/** The smallest round number ≥ |value| from 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ (for colour scales). */
export function niceCeil(value: number): number {
  const v = Math.abs(value);
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * power >= v * (1 - 1e-9))!;
  return Number((step * power).toPrecision(12));
}

/** The symmetric colour-scale limit for regression targets: a round number ≥ every |target|. */
export function symmetricLimit(...targets: ArrayLike<number>[]): number {
  const range = extent(...targets);
  if (!range) return 1;
  return niceCeil(Math.max(Math.abs(range[0]), Math.abs(range[1])));
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** R² and mean absolute error of `predicted` against `actual` (finite pairs only); NaN when undefined. */
export function fitSummary(actual: ArrayLike<number>, predicted: ArrayLike<number>): { r2: number; mae: number } {
  let n = 0;
  let mean = 0;
  for (let i = 0; i < actual.length; i++) {
    if (Number.isFinite(actual[i]) && Number.isFinite(predicted[i])) {
      n++;
      mean += actual[i];
    }
  }
  if (n === 0) return { r2: NaN, mae: NaN };
  mean /= n;
  let squared = 0;
  let total = 0;
  let absolute = 0;
  for (let i = 0; i < actual.length; i++) {
    if (!Number.isFinite(actual[i]) || !Number.isFinite(predicted[i])) continue;
    const error = predicted[i] - actual[i];
    squared += error * error;
    absolute += Math.abs(error);
    total += (actual[i] - mean) ** 2;
  }
  return { r2: total > 0 ? 1 - squared / total : NaN, mae: absolute / n };
}
