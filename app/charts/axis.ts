/**
 * Axes and numbers of the curves: log-axis ticks at powers of ten, y ranges that suit each metric,
 * and how values read in ticks and in the hover read-out.
 */

import { formatNumber } from '../i18n/numbers';

export type ValueKind = 'loss' | 'percent' | 'r2' | 'lr' | 'norm';

export interface YAxisModel {
  scale: 'linear' | 'log';
  domain: [number, number];
  ticks?: number[];
  /** values outside the domain are clipped (R² can start far below 0) */
  clip: boolean;
}

/** The smallest and largest finite values of several series (positive ones only, for a log axis). */
export function extent(columns: ArrayLike<number>[], positiveOnly = false): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const column of columns) {
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (!Number.isFinite(v) || (positiveOnly && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * A log axis from the decade below `min` to the decade above `max`, ticked at powers of ten (every
 * second or third one when the range is wide). Within one decade the 2× and 5× marks are added, so
 * the axis never shows fewer than three numbers.
 */
export function logAxis(min: number, max: number): { domain: [number, number]; ticks: number[] } {
  let lo = Math.floor(Math.log10(min) + 1e-9);
  let hi = Math.ceil(Math.log10(max) - 1e-9);
  // a flat line (a constant learning rate) sits mid-axis, not on its edge
  if (max / min < 1.0001) {
    lo = Math.floor(Math.log10(min) - 0.5);
    hi = Math.ceil(Math.log10(max) + 0.5);
  }
  if (hi <= lo) hi = lo + 1;
  // keep the domain inside what a double can hold
  lo = Math.max(lo, -300);
  hi = Math.min(Math.max(hi, lo + 1), 300);
  const decades = hi - lo;
  const every = Math.ceil(decades / 6);
  const ticks: number[] = [];
  for (let k = lo; k <= hi; k += every) ticks.push(power(k));
  if (decades === 1) ticks.splice(1, 0, 2 * power(lo), 5 * power(lo));
  return { domain: [power(lo), power(hi)], ticks };
}

/** 10^k written so that 10^-3 is exactly 0.001, not 0.0010000000000000002. */
function power(k: number): number {
  return Number(`1e${k}`);
}

/**
 * The y axis of a loss, learning-rate or gradient chart: on a log axis whole decades, else round
 * ticks around the data (from 0 with `fromZero`, as suits a learning rate).
 */
export function valueAxis(columns: ArrayLike<number>[], log: boolean, fromZero = false): YAxisModel {
  if (log) {
    const range = extent(columns, true);
    const { domain, ticks } = logAxis(range?.[0] ?? 0.1, range?.[1] ?? 1);
    return { scale: 'log', domain, ticks, clip: true };
  }
  const range = extent(columns);
  if (!range) return { scale: 'linear', domain: [0, 1], ticks: niceTicks(0, 1, 4), clip: false };
  // from zero, the top keeps a little headroom so a constant rate does not run along the frame
  const [lo, hi] = fromZero ? [Math.min(0, range[0]), range[1] * 1.04] : range;
  return { scale: 'linear', ...linearAxis(lo, hi), clip: false };
}

/** A linear axis with 4–6 round ticks, its ends on ticks, around [min, max]. */
export function linearAxis(min: number, max: number): { domain: [number, number]; ticks: number[] } {
  let lo = min;
  let hi = max;
  const size = Math.max(Math.abs(lo), Math.abs(hi));
  if (hi - lo <= size * 1e-9) {
    // a flat line sits in the middle of the chart, not on its edge
    const pad = size > 0 ? size * 0.5 : 1;
    lo = min === 0 ? 0 : lo - pad;
    hi += pad;
  } else if (hi - lo < size * 0.05) {
    // nearly flat (the first evaluations): spread to 5 % of the value, so ticks read differently
    const middle = (lo + hi) / 2;
    lo = middle - size * 0.025;
    hi = middle + size * 0.025;
  }
  const step = niceStep((hi - lo) / 4);
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(round(k * step));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= 0.75 * raw) ?? 10) * magnitude;
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Accuracy lives in [0, 1]: the axis spans the data rounded out to tenths. R² is at most 1 and can
 * start far below 0 (worse than predicting the mean); the axis stops at −1 so the learning stays
 * visible — the read-out still gives the true value. Both keep a little headroom.
 */
export function metricAxis(kind: 'percent' | 'r2', columns: ArrayLike<number>[]): YAxisModel {
  const range = extent(columns);
  const floor = kind === 'percent' ? 0 : -1;
  if (!range) return { scale: 'linear', domain: [floor, 1], ticks: linearTicks(floor, 1), clip: true };
  // 0.02 of headroom, so a curve never runs along the frame
  const lo = Math.max(floor, Math.floor((range[0] - 0.02) * 10 + 1e-9) / 10);
  const hi = Math.min(1, Math.max(lo + 0.1, Math.ceil((range[1] + 0.02) * 10 - 1e-9) / 10));
  return { scale: 'linear', domain: [lo, hi], ticks: linearTicks(lo, hi), clip: true };
}

/** Four to six round ticks from lo to hi (both multiples of 0.1). */
export function linearTicks(lo: number, hi: number): number[] {
  const span = hi - lo;
  const step = [0.02, 0.05, 0.1, 0.2, 0.25, 0.5].find((s) => span / s <= 6) ?? 1;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + 1e-9; t += step) ticks.push(Number(t.toFixed(4)));
  return ticks;
}

/**
 * About `count` round ticks (1, 2, 2.5 or 5 × 10^k apart) inside [lo, hi]; whole numbers only
 * with `integer` (steps).
 */
export function niceTicks(lo: number, hi: number, count = 5, integer = false): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  // a step a little under span / count is fine: it gives one tick more, never a crowded axis
  let step = niceStep(span / count);
  if (integer) step = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** A y tick: short, without trailing zeros (0.25, 1e-4, 1.2k). */
export function formatTick(value: number, kind: ValueKind): string {
  if (!Number.isFinite(value)) return '';
  if (kind === 'percent') return `${Number((value * 100).toFixed(1))}%`;
  const a = Math.abs(value);
  if (a === 0) return '0';
  if (a < 1e-3 || a >= 1e5) return value.toExponential(0).replace('e+', 'e');
  if (a >= 1000) return `${Number((value / 1000).toPrecision(3))}k`;
  return String(Number(value.toPrecision(3)));
}

/** A value in the hover read-out: three significant digits, accuracy in percent. */
export function formatValue(value: number | null | undefined, kind: ValueKind): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (kind === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (kind === 'r2') return value.toFixed(3);
  const a = Math.abs(value);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return value.toExponential(2).replace('e+', 'e');
  return a >= 100 ? value.toFixed(1) : Number(value.toPrecision(3)).toString();
}

/** An x value: steps are whole numbers, epochs get two decimals when they fall mid-epoch. */
export function formatX(value: number, axis: 'step' | 'epoch', language: string): string {
  if (!Number.isFinite(value)) return '';
  const rounded = axis === 'step' ? Math.round(value) : Math.round(value * 100) / 100;
  return formatNumber(language, rounded, { maximumFractionDigits: 2 });
}

/** An x tick: compact for long runs (12K, or 1.2万 in Chinese). */
export function formatXTick(value: number, language: string): string {
  if (!Number.isFinite(value)) return '';
  return formatNumber(language, value, Math.abs(value) >= 10000 ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 });
}
