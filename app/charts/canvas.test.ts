import { describe, expect, it } from 'vitest';
import { colorResolver, dashPattern, drawCurves, xPixel, yPixel, type CurveContext, type PlotMapping } from './canvas';
import { mergeRows, niceCeiling, runXDomain, type CurveChart, type CurveSeries } from './model';

const mapping: PlotMapping = { left: 58, top: 14, width: 200, height: 100, xDomain: [0, 100], yDomain: [0, 2], log: false };

describe('plot mapping', () => {
  it('puts the domain corners on the plot area corners', () => {
    expect(xPixel(mapping, 0)).toBe(58);
    expect(xPixel(mapping, 100)).toBe(258);
    expect(xPixel(mapping, 25)).toBe(108);
    expect(yPixel(mapping, 0)).toBe(114);
    expect(yPixel(mapping, 2)).toBe(14);
    expect(yPixel(mapping, 0.5)).toBe(89);
  });

  it('maps a log axis by decades and has no place for values ≤ 0', () => {
    const log = { ...mapping, yDomain: [1e-4, 1] as [number, number], log: true };
    expect(yPixel(log, 1e-4)).toBeCloseTo(114, 9);
    expect(yPixel(log, 1e-2)).toBeCloseTo(64, 9);
    expect(yPixel(log, 1)).toBeCloseTo(14, 9);
    expect(yPixel(log, 0)).toBeNaN();
    expect(yPixel(log, -1)).toBeNaN();
  });

  it('reads SVG dash patterns', () => {
    expect(dashPattern(undefined)).toEqual([]);
    expect(dashPattern('6 4')).toEqual([6, 4]);
    expect(dashPattern('9 3 2 3')).toEqual([9, 3, 2, 3]);
  });
});

describe('the x range', () => {
  it('grows in nice steps, about a dozen per tenfold', () => {
    expect([1, 7, 10, 11, 13, 101, 1234, 2001, 3999, 4000, 4001, 0.37].map(niceCeiling)).toEqual([1, 8, 10, 12, 15, 120, 1500, 2500, 4000, 4000, 5000, 0.4]);
    const steps = Float64Array.from({ length: 1000 }, (_, i) => i + 1);
    const changes = new Set(Array.from({ length: 1000 }, (_, n) => runXDomain(steps.subarray(0, n + 1), [], 'step')[1])).size;
    // 1…10 gives 1, 2, 3, 4, 5, 6, 8, 10 (whole steps); 11…100 and 101…1000 ten values each
    expect(changes).toBe(28);
    expect(runXDomain(new Float64Array(0), [], 'step')).toEqual([0, 10]);
  });
});

/** A context that records the path points of each stroke and fill. */
function recorder() {
  const strokes: { style: string; alpha: number; dash: number[]; points: [number, number][] }[] = [];
  const fills: [number, number][][] = [];
  let path: [number, number][] = [];
  let dash: number[] = [];
  const ctx = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    lineJoin: 'miter',
    lineCap: 'butt',
    font: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    save() {},
    restore() {},
    beginPath: () => void (path = []),
    moveTo: (x: number, y: number) => void path.push([x, y]),
    lineTo: (x: number, y: number) => void path.push([x, y]),
    closePath() {},
    stroke() {
      strokes.push({ style: String(ctx.strokeStyle), alpha: ctx.globalAlpha, dash, points: path });
    },
    fill: () => void fills.push(path),
    rect() {},
    clip() {},
    arc() {},
    setLineDash: (d: number[]) => void (dash = d),
    clearRect() {},
    setTransform() {},
    fillText() {},
    strokeText() {},
  };
  return { ctx: ctx as unknown as CurveContext, strokes, fills };
}

function series(key: string, xs: number[], ys: number[], extra: Partial<CurveSeries> = {}): CurveSeries {
  return { key, label: key, x: Float64Array.from(xs), y: Float64Array.from(ys), color: `var(--${key})`, width: 2, opacity: 1, faint: false, ...extra };
}

describe('drawCurves', () => {
  const train = series('train', [0, 50, 100], [2, 1, 0.5]);
  const validation = series('validation', [50, 100], [1.5, 1], { dash: '6 4' });
  const chart: CurveChart = {
    series: [train, validation],
    rows: mergeRows([train, validation], { low: 'train', high: 'validation' }),
    band: 'gap',
    y: { scale: 'linear', domain: [0, 2], ticks: [0, 1, 2], clip: false },
    kind: 'loss',
    xDomain: [0, 100],
    best: { x: 100, y: 1 },
    guide: null,
    stop: null,
    empty: false,
  };
  const options = { color: (c: string) => `resolved ${c}`, width: 300, height: 200, pixelRatio: 2, bestLabel: 'best', font: 'sans-serif' };

  it('draws each series through its points, in its colour and dash', () => {
    const { ctx, strokes } = recorder();
    drawCurves(ctx, chart, mapping, options);
    expect(strokes[0]).toEqual({ style: 'resolved var(--train)', alpha: 1, dash: [], points: [[58, 14], [158, 64], [258, 89]] });
    expect(strokes[1]).toMatchObject({ style: 'resolved var(--validation)', dash: [6, 4], points: [[158, 39], [258, 64]] });
  });

  it('shades the gap along the highs and back along the lows', () => {
    const { ctx, fills } = recorder();
    drawCurves(ctx, chart, mapping, options);
    expect(fills[0]).toEqual([[158, 39], [258, 64], [258, 89], [158, 64]]);
  });

  it('connects across missing values and skips what a log axis cannot show', () => {
    const { ctx, strokes } = recorder();
    const gappy = series('gappy', [0, 50, 100], [1, Number.NaN, 0.01]);
    drawCurves(ctx, { ...chart, series: [gappy], band: null, best: null, y: { scale: 'log', domain: [0.01, 1], ticks: [], clip: true } }, { ...mapping, yDomain: [0.01, 1], log: true }, options);
    expect(strokes[0].points).toEqual([[58, 14], [258, 114]]);
  });

  it('marks where a diverged run stopped with a red × at its loss, and at the top edge for NaN', () => {
    const { ctx, strokes } = recorder();
    drawCurves(ctx, { ...chart, best: null, stop: { x: 50, y: 1, label: '29.3', legend: 'stopped' } }, mapping, options);
    const cross = strokes.filter((s) => s.style === 'resolved var(--danger)');
    expect(cross).toHaveLength(1);
    expect(cross[0].points).toEqual([[153, 59], [163, 69], [163, 59], [153, 69]]); // centred on (158, 64)
    const top = recorder();
    drawCurves(top.ctx, { ...chart, best: null, stop: { x: 50, y: null, label: 'NaN', legend: 'stopped' } }, mapping, options);
    const nan = top.strokes.filter((s) => s.style === 'resolved var(--danger)');
    expect(nan[0].points[0]).toEqual([153, 15]); // at y = top + 6, inside the plot
  });

  it('draws nothing for an empty chart', () => {
    const { ctx, strokes, fills } = recorder();
    drawCurves(ctx, { ...chart, empty: true }, mapping, options);
    expect(strokes.length + fills.length).toBe(0);
  });
});

describe('colorResolver', () => {
  it('reads each CSS variable once until reset, and passes plain colours through', () => {
    let reads = 0;
    const colors = colorResolver((name) => {
      reads++;
      return name === '--a' ? ' #123456 ' : '';
    });
    expect(colors.color('var(--a)')).toBe('#123456');
    expect(colors.color('var(--a)')).toBe('#123456');
    expect(colors.color('#abcdef')).toBe('#abcdef');
    expect(colors.color('var(--missing)')).toBe('#888888');
    expect(reads).toBe(2);
    colors.reset();
    colors.color('var(--a)');
    expect(reads).toBe(3);
  });
});
