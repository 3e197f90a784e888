/**
 * What one chart draws, independent of React and recharts: its series (already downsampled), the
 * rows recharts reads (one per x, each series under its own stable key), the y axis, the "best"
 * marker, and a way to read every series' value at any x for the hover read-out.
 */
import type { Column } from './lttb';
import type { ValueKind, YAxisModel } from './axis';
import type { EvaluationRecord } from '../store/series';

export interface CurveSeries {
  /** the recharts dataKey: a fixed word per series, so lines keep their identity across redraws */
  key: string;
  label: string;
  /** the drawn points (at most a few hundred) */
  x: Float64Array;
  y: Float64Array;
  /** the full-resolution series, for an exact hover read-out (x ascending) */
  full?: { x: Column; y: Column };
  color: string;
  width: number;
  opacity: number;
  /** an SVG dash pattern: validation is dashed, layers each have their own */
  dash?: string;
  /** the raw line drawn faintly behind its smoothed twin: no legend entry, no hover dot */
  faint: boolean;
  /** an earlier run's line (see store/runs.ts): the legend has one entry per run, not per line */
  run?: { id: number; label: string };
}

/** One x position: `x`, then the value of every series drawn there (`band`: [low, high]). */
export type Row = { x: number } & Record<string, number | [number, number] | undefined>;

export interface CurveChart {
  series: CurveSeries[];
  rows: Row[];
  /** the label of the shaded area between train and validation (rows carry `band`), if any */
  band: string | null;
  y: YAxisModel;
  kind: ValueKind;
  xDomain: [number, number];
  /** where the validation loss was lowest: a vertical line labelled "best" and a dot */
  best: { x: number; y: number | null } | null;
  /** a horizontal guide line (the ~1e-3 rule of thumb for update ratios) */
  guide: { y: number; label: string } | null;
  /**
   * where a diverged run stopped: a red × at the loss of the step that stopped it (that step's
   * forward pass; it was not taken, so no batch point is there), at the top edge when NaN or ∞
   */
  stop: { x: number; y: number | null; label: string; legend: string } | null;
  /** nothing measured yet: the chart shows its axes and a hint instead */
  empty: boolean;
}

/** The key of the range area drawn between the train and validation curves. */
export const BAND_KEY = 'band';

/**
 * One row per distinct x over all series (series sampled at different x leave the others
 * undefined; lines connect across). With `band`, rows where both named series have a value also
 * carry [low, high] for the shaded gap.
 */
export function mergeRows(series: CurveSeries[], band?: { low: string; high: string }): Row[] {
  const byX = new Map<number, Row>();
  for (const s of series) {
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i];
      let row = byX.get(x);
      if (!row) byX.set(x, (row = { x } as Row));
      row[s.key] = s.y[i];
    }
  }
  const rows = [...byX.values()].sort((a, b) => a.x - b.x);
  if (band) {
    for (const row of rows) {
      const a = row[band.low];
      const b = row[band.high];
      if (typeof a === 'number' && typeof b === 'number') row[BAND_KEY] = [Math.min(a, b), Math.max(a, b)];
    }
  }
  return rows;
}

/** The index of the x value nearest to `x` in an ascending column (-1 when empty). */
export function nearestIndex(xs: Column, x: number, n = xs.length): number {
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && x - xs[lo - 1] <= xs[lo] - x ? lo - 1 : lo;
}

/**
 * A series' point nearest to `x` for the read-out (at full resolution where known). Outside the
 * range the series covers there is none — a validation curve that starts at epoch 1 has no value at
 * step 3.
 */
export function pointAt(series: CurveSeries, x: number): { x: number; y: number } | undefined {
  const xs = series.full?.x ?? series.x;
  const ys = series.full?.y ?? series.y;
  const n = Math.min(xs.length, ys.length);
  if (n === 0 || x < xs[0] - 1e-9 || x > xs[n - 1] + 1e-9) return undefined;
  const i = nearestIndex(xs, x, n);
  return { x: xs[i], y: ys[i] };
}

export function valueAt(series: CurveSeries, x: number): number | undefined {
  return pointAt(series, x)?.y;
}

/**
 * The x range of the run, the same for every chart so that they line up: from 0 to the last step
 * (or epoch) measured, rounded up to the next of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k. The
 * axis so changes about a dozen times per tenfold growth, not at every step: the curves (a
 * canvas) move on while the axes (recharts) stay. [0, 10] before anything is measured.
 */
export function runXDomain(steps: Column, evaluations: readonly EvaluationRecord[], xAxis: 'step' | 'epoch'): [number, number] {
  let hi = steps.length > 0 ? steps[steps.length - 1] : 0;
  const last = evaluations[evaluations.length - 1];
  if (last) hi = Math.max(hi, xAxis === 'step' ? last.step : last.epoch);
  return [0, hi > 0 ? niceCeiling(hi) : 10];
}

const NICE_STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest of 1, 1.2, 1.5 … 8 × 10^k that is at least `value` (> 0). */
export function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const m of NICE_STEPS) {
    const candidate = Number((m * magnitude).toPrecision(12));
    if (candidate >= value * (1 - 1e-12)) return candidate;
  }
  return 10 * magnitude;
}

/**
 * The evaluation with the lowest validation loss. The run's status names its epoch (it honours
 * early stopping's min_delta); without one, the minimum over the evaluations is used.
 */
export function bestEvaluation(
  evaluations: readonly EvaluationRecord[],
  best: { epoch: number | null; loss: number | null } | null,
): EvaluationRecord | null {
  if (best?.epoch !== null && best?.epoch !== undefined) {
    let match: EvaluationRecord | null = null;
    for (const e of evaluations) {
      if (e.epoch !== best.epoch) continue;
      if (best.loss !== null && e.validation.loss === best.loss) return e;
      match = e;
    }
    if (match) return match;
  }
  let found: EvaluationRecord | null = null;
  for (const e of evaluations) {
    if (Number.isFinite(e.validation.loss) && (found === null || e.validation.loss < found.validation.loss)) found = e;
  }
  return found;
}
