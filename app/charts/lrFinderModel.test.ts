/** The learning-rate finder's chart: a log axis of decades, a y range the dip fills, marks whose labels do not overlap. */
import { describe, expect, it } from 'vitest';
import type { LrFinderResult } from '../../engine/train/lrFinder';
import { finderChart, formatDecade, labelWidth, nearestPoint, yRange } from './lrFinderModel';

function result(): LrFinderResult {
  const lrs = Array.from({ length: 200 }, (_, i) => 1e-7 * 1e8 ** (i / 199));
  // flat at 0.7, a dip to 0.5 around 0.1, then a blow-up to 5
  const smoothed = lrs.map((lr) => (lr < 1e-3 ? 0.7 : lr < 0.1 ? 0.7 - 0.2 * (Math.log10(lr) + 3) / 2 : 0.5 + 4.5 * (Math.log10(lr) + 1) / 2));
  return { lrs, losses: smoothed.map((v, i) => v + (i % 2 ? 0.02 : -0.02)), smoothed, steepest: 0.03, minimum: 0.1, suggestion: 0.01, diverged: true };
}
const label = (kind: string, lr: number) => `${kind} ${lr}`;

describe('finderChart', () => {
  it('puts one tick per decade from 1e-7 to 10 on a log axis, evenly spaced, and every other one when narrow', () => {
    const chart = finderChart(result(), 600, 200, null, label)!;
    expect(chart.xTicks.map((t) => t.value)).toEqual([1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10].map((v, i) => expect.closeTo(v, 12 - i)));
    const gaps = chart.xTicks.slice(1).map((t, i) => t.x - chart.xTicks[i].x);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0], 6);
    expect(chart.xTicks[0].x).toBe(chart.left);
    expect(chart.xTicks.at(-1)!.x).toBe(chart.right);
    expect(finderChart(result(), 300, 200, null, label)!.xTicks.length).toBe(5);
    expect([1e-7, 1e-4, 0.001, 0.1, 1, 10].map(formatDecade)).toEqual(['1e-7', '1e-4', '0.001', '0.1', '1', '10']);
  });

  it('fits the y axis to the dip, the blow-up leaving through the top', () => {
    const [lo, hi] = yRange(result());
    expect(lo).toBeLessThan(0.5);
    expect(lo).toBeGreaterThan(0.45);
    // 0.7 + 1.5 × the 0.2 fall, and a little
    expect(hi).toBeGreaterThan(1.0);
    expect(hi).toBeLessThan(1.1);
  });

  it('marks each rate where it lies, the suggestion a decade left of the minimum, with labels that do not overlap', () => {
    const chart = finderChart(result(), 600, 200, 1e-4, label)!;
    const perDecade = (chart.right - chart.left) / 8;
    const at = (kind: string) => chart.marks.find((m) => m.kind === kind)!;
    expect(at('minimum').x - at('suggestion').x).toBeCloseTo(perDecade, 6);
    expect(at('current').x).toBeCloseTo(chart.left + 3 * perDecade, 6);
    const spans = chart.marks.map((m) => {
      const w = labelWidth(m.label);
      return { row: m.row, a: m.anchor === 'start' ? m.x : m.x - w, b: m.anchor === 'start' ? m.x + w : m.x };
    });
    for (const s of spans) {
      expect(s.a).toBeGreaterThanOrEqual(chart.left - 60);
      expect(s.b).toBeLessThanOrEqual(chart.right + 1);
      for (const t of spans) if (s !== t && s.row === t.row) expect(s.b < t.a || t.b < s.a).toBe(true);
    }
    // the three marks within a decade and a half need three rows
    expect(new Set(chart.marks.filter((m) => m.kind !== 'current').map((m) => m.row)).size).toBe(3);
    expect(nearestPoint(chart, at('minimum').x)).toBe(chart.xs.findIndex((x) => Math.abs(x - at('minimum').x) < (chart.xs[1] - chart.xs[0]) / 2));
  });

  it('counts a Chinese label nearly twice as wide as a Latin one', () => {
    expect(labelWidth('建议 0.01')).toBeGreaterThan(labelWidth('ab 0.01') + 8);
  });
});
