/**
 * The learning-rate finder's chart as numbers: loss against the rate on a log axis, the smoothed
 * curve over the faint per-step losses, decade ticks, and the marks (suggested, minimum, steepest,
 * the rate now). Pure, so it is tested without a DOM; LrFinderCard draws it as SVG.
 */
import type { LrFinderResult } from '../../engine/train/lrFinder';
import { niceTicks } from './axis';

export const FINDER_MARGIN = { top: 8, right: 12, bottom: 36, left: 50 };

export type FinderMarkKind = 'suggestion' | 'minimum' | 'steepest' | 'current';

export interface FinderMark {
  kind: FinderMarkKind;
  lr: number;
  x: number;
  label: string;
  /** the label's row from the top (0, 1, 2…), so labels of nearby marks do not overlap */
  row: number;
  /** the label's side of the line: right of it, or left where it would leave the plot */
  anchor: 'start' | 'end';
}

/** About how wide an 11 px label is: 6.4 px a Latin character or digit, a full em a Chinese one. */
export function labelWidth(text: string): number {
  let width = 4;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? 11 : 6.4;
  return width;
}

export interface FinderChart {
  width: number;
  height: number;
  /** the plot area */
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** SVG path data */
  smoothedPath: string;
  rawPath: string;
  xTicks: Array<{ x: number; value: number }>;
  yTicks: Array<{ y: number; value: number }>;
  marks: FinderMark[];
  /** the rate and pixel of each point, for the hover read-out */
  xs: number[];
  ys: number[];
}

/** Rates as the axis writes them: 0.001 … 10 plainly, smaller ones as 1e-4. */
export function formatDecade(value: number): string {
  const exponent = Math.round(Math.log10(value));
  return exponent >= -3 ? String(Number((10 ** exponent).toPrecision(1))) : `1e${exponent}`;
}

/**
 * The y range: from the lowest smoothed loss to a little above where it started, so a small dip
 * fills the plot; the blow-up at the end leaves through the top (as the loss chart clips a diverged
 * run), and so do the noisiest per-step losses.
 */
export function yRange(result: LrFinderResult): [number, number] {
  const finite = result.smoothed.filter(Number.isFinite);
  const lowest = Math.min(...finite);
  const start = finite[0];
  const fall = Math.max(start - lowest, 0.02 * Math.abs(start), 1e-6);
  const highest = Math.min(Math.max(...finite), start + 1.5 * fall);
  const pad = (highest - lowest) * 0.06;
  return [Math.max(0, lowest - pad), highest + pad];
}

export function finderChart(
  result: LrFinderResult,
  width: number,
  height: number,
  currentLr: number | null,
  label: (kind: FinderMarkKind, lr: number) => string,
): FinderChart | null {
  if (result.lrs.length < 2 || width <= 0) return null;
  const left = FINDER_MARGIN.left;
  const top = FINDER_MARGIN.top;
  const right = Math.max(left + 1, width - FINDER_MARGIN.right);
  const bottom = Math.max(top + 1, height - FINDER_MARGIN.bottom);
  const lo = Math.floor(Math.log10(result.lrs[0]) + 1e-9);
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(result.lrs[result.lrs.length - 1]) - 1e-9));
  const xOf = (lr: number) => left + ((Math.log10(lr) - lo) / (hi - lo)) * (right - left);
  const [y0, y1] = yRange(result);
  const yOf = (v: number) => bottom - ((Math.min(Math.max(v, y0 - (y1 - y0)), y1 + (y1 - y0)) - y0) / (y1 - y0)) * (bottom - top);
  const path = (values: readonly number[]) => {
    let d = '';
    let pen = false;
    values.forEach((v, i) => {
      if (!Number.isFinite(v)) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${xOf(result.lrs[i]).toFixed(1)} ${yOf(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  // every decade when there is room for its label, every other one on a phone
  const every = (right - left) / (hi - lo) < 38 ? 2 : 1;
  const xTicks: FinderChart['xTicks'] = [];
  for (let e = lo; e <= hi; e++) if ((e - lo) % every === 0 || e === hi) xTicks.push({ x: xOf(10 ** e), value: 10 ** e });
  const yTicks = niceTicks(y0, y1, 4)
    .filter((v) => v >= y0 && v <= y1)
    .map((value) => ({ y: yOf(value), value }));
  const wanted: Array<[FinderMarkKind, number | null]> = [
    ['suggestion', result.suggestion],
    ['minimum', result.minimum],
    ['steepest', result.steepest],
    ['current', currentLr],
  ];
  const marks: FinderMark[] = [];
  for (const [kind, lr] of wanted) {
    if (lr === null || !(lr > 0)) continue;
    const x = xOf(lr);
    if (x < left - 0.5 || x > right + 0.5) continue;
    const text = label(kind, lr);
    const w = labelWidth(text);
    const anchor = x + w > right ? 'end' : 'start';
    const span = (m: { x: number; anchor: 'start' | 'end'; w: number }): [number, number] => (m.anchor === 'start' ? [m.x, m.x + m.w] : [m.x - m.w, m.x]);
    const [a, b] = span({ x, anchor, w });
    // the first row whose labels this one does not overlap
    let row = 0;
    while (
      marks.some((m) => {
        if (m.row !== row) return false;
        const [c, d] = span({ x: m.x, anchor: m.anchor, w: labelWidth(m.label) });
        return a < d + 4 && c < b + 4;
      })
    )
      row++;
    marks.push({ kind, lr, x, label: text, row, anchor });
  }
  return {
    width,
    height,
    left,
    top,
    right,
    bottom,
    smoothedPath: path(result.smoothed),
    rawPath: path(result.losses),
    xTicks,
    yTicks,
    marks,
    xs: result.lrs.map(xOf),
    ys: result.smoothed.map(yOf),
  };
}

/** The point nearest to a pointer at `x` (its index), for the read-out. */
export function nearestPoint(chart: FinderChart, x: number): number {
  let best = 0;
  for (let i = 1; i < chart.xs.length; i++) if (Math.abs(chart.xs[i] - x) < Math.abs(chart.xs[best] - x)) best = i;
  return best;
}
