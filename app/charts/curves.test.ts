import { describe, expect, it } from 'vitest';
import { RunHistory, type EvaluationRecord } from '../store/series';
import { en } from '../i18n/en';
import { gradientChart, learningRateChart, lossChart, metricChart, stopMark, VALIDATION_DASH, type CurveOptions } from './curves';
import { bestEvaluation, mergeRows, valueAt, type CurveSeries } from './model';
import { SmoothingCache } from './smoothing';

const STEPS_PER_EPOCH = 100;

/** A run of `steps` steps over 3 Linear layers, with an evaluation at the end of every epoch. */
function makeHistory(steps: number, classification = true): RunHistory {
  const history = new RunHistory();
  for (let s = 1; s <= steps; s++) {
    const epoch = Math.floor((s - 1) / STEPS_PER_EPOCH);
    const loss = 1 / Math.sqrt(s) + (s % 7 === 0 ? 0.3 : 0);
    history.steps.push(
      { step: s, epoch, loss, runningLoss: loss, lr: s < 1000 ? 0.1 : 0.01, gradNorm: 2 / Math.sqrt(s), layerGradNorms: [1, 0.5, 0.25], updateRatios: [1e-3, 2e-3, 0] },
      STEPS_PER_EPOCH,
    );
    if (s % STEPS_PER_EPOCH === 0) history.evaluations.push(evaluation(s, s / STEPS_PER_EPOCH, classification));
  }
  return history;
}

/** Validation loss falls until epoch 5, then rises (overfitting); train keeps falling. */
function evaluation(step: number, epoch: number, classification: boolean): EvaluationRecord {
  const train = 1 / epoch;
  const validation = 0.2 + 0.02 * (epoch - 5) ** 2;
  const metrics = (loss: number) =>
    classification
      ? { classification: { accuracy: 1 - loss / 2, confusion: [], precision: [], recall: [] } }
      : { regression: { mse: loss, mae: loss, r2: 1 - loss } };
  return {
    step, epoch,
    train: { kind: 'running', loss: train, ...metrics(train) },
    validation: { kind: 'full', loss: validation, ...metrics(validation) },
    activations: [], epochTimeMs: 1, stepsPerSecond: 1,
  };
}

function options(patch: Partial<CurveOptions> = {}): CurveOptions {
  const names = { ...en.curves.series, layer: (i: number) => `Layer ${i + 1}` };
  return { xAxis: 'step', smoothing: 0.6, logScale: false, names, cache: new SmoothingCache(), ...patch };
}

const points = (series: CurveSeries[]) => series.reduce((sum, s) => sum + s.x.length, 0);
const byKey = (series: CurveSeries[], key: string) => series.find((s) => s.key === key)!;

describe('earlier runs drawn over the current one', () => {
  const current = makeHistory(500);
  const longer = { id: 1, label: 'lr=0.1', color: '#009e73', history: makeHistory(2000) };
  const other = { id: 2, label: 'lr=0.001', color: '#cc79a7', history: makeHistory(300) };

  it('draws each run’s batch loss and validation loss in its colour, under the current run’s lines', () => {
    const chart = lossChart(current, options(), null, null, [longer, other]);
    const runs = chart.series.filter((s) => s.run !== undefined);
    expect(runs.map((s) => s.key)).toEqual(['run1BatchLoss', 'run1ValidationLoss', 'run2BatchLoss', 'run2ValidationLoss']);
    expect(runs.map((s) => s.color)).toEqual(['#009e73', '#009e73', '#cc79a7', '#cc79a7']);
    expect(byKey(chart.series, 'run1ValidationLoss').dash).toBe(VALIDATION_DASH);
    expect(chart.series.findIndex((s) => s.run === undefined)).toBe(4); // drawn first, so beneath
    // the x axis holds the longest run, each run at most ~1,000 points
    expect(chart.xDomain[1]).toBeGreaterThanOrEqual(2000);
    for (const s of runs) expect(s.x.length).toBeLessThanOrEqual(1000);
    // the read-out names the run
    expect(byKey(chart.series, 'run2BatchLoss').label).toBe('lr=0.001 · Batch loss (smoothed)');
  });

  it('smooths an earlier run as the current one (the same EMA), and leaves the chart alone without runs', () => {
    const chart = lossChart(current, options({ smoothing: 0 }), null, null, [other]);
    const raw = byKey(chart.series, 'run2BatchLoss');
    expect(raw.full!.y[6]).toBeCloseTo(1 / Math.sqrt(7) + 0.3, 6); // unsmoothed at 0
    expect(lossChart(current, options(), null).series.some((s) => s.run)).toBe(false);
  });

  it('adds their validation accuracy and learning rate to those charts', () => {
    const metric = metricChart(current, options(), 'classification', null, [other]);
    expect(metric.series[0]).toMatchObject({ key: 'run2ValidationMetric', color: '#cc79a7', dash: VALIDATION_DASH });
    const lr = learningRateChart(current, options(), [longer]);
    expect(lr.series.map((s) => s.key)).toEqual(['run1LearningRate', 'learningRate']);
    expect(lr.xDomain[1]).toBeGreaterThanOrEqual(2000);
  });

  it('thins a kept run once per look, and again for another smoothing or axis', () => {
    const first = lossChart(current, options(), null, null, [other]);
    const again = lossChart(makeHistory(600), options(), null, null, [other]);
    expect(byKey(again.series, 'run2BatchLoss')).toBe(byKey(first.series, 'run2BatchLoss'));
    const rougher = lossChart(current, options({ smoothing: 0.9 }), null, null, [other]);
    expect(byKey(rougher.series, 'run2BatchLoss')).not.toBe(byKey(first.series, 'run2BatchLoss'));
    expect(byKey(lossChart(current, options({ xAxis: 'epoch' }), null, null, [other]).series, 'run2BatchLoss').x[0]).toBeLessThan(1);
  });

  it('adds their global gradient norm to the norm view, not to the per-layer ratio view', () => {
    const norm = gradientChart(current, options(), 'norm', [longer, other]);
    expect(norm.series.slice(0, 2).map((s) => [s.key, s.color])).toEqual([['run1GlobalNorm', '#009e73'], ['run2GlobalNorm', '#cc79a7']]);
    expect(norm.xDomain[1]).toBeGreaterThanOrEqual(2000);
    expect(gradientChart(current, options(), 'ratio', [longer]).series.some((s) => s.run)).toBe(false);
  });

  it('keeps a kept run that blew up from squeezing the others: the axis holds it up to 3× its first loss', () => {
    const blown = new RunHistory();
    for (let s = 1; s <= 3; s++) blown.steps.push({ step: s, epoch: 0, loss: [0.7, 25, 300][s - 1], runningLoss: 1, lr: 1, gradNorm: 1, layerGradNorms: [], updateRatios: [] }, 20);
    const chart = lossChart(current, options({ smoothing: 0 }), null, null, [{ id: 4, label: 'lr=1', color: '#e6ab02', history: blown }]);
    expect(chart.y.domain[1]).toBeLessThan(3);
    // the line is still drawn, whole: it leaves the plot at the top
    expect(Array.from(byKey(chart.series, 'run4BatchLoss').full!.y)).toEqual([0.699999988079071, 25, 300]);
  });

  it('draws a comparison’s run again as it grows, and reuses its lines while it does not', () => {
    const growing = { id: 3, label: 'lr=1', color: '#7570b3', history: makeHistory(100) };
    const before = byKey(lossChart(current, options(), null, null, [growing]).series, 'run3BatchLoss');
    expect(byKey(lossChart(current, options(), null, null, [growing]).series, 'run3BatchLoss')).toBe(before);
    growing.history.steps.push({ step: 101, epoch: 5, loss: 0.5, runningLoss: 0.5, lr: 0.01, gradNorm: 1, layerGradNorms: [], updateRatios: [] }, 20);
    const after = byKey(lossChart(current, options(), null, null, [growing]).series, 'run3BatchLoss');
    expect(after).not.toBe(before);
    expect(after.full!.x.length).toBe(101);
  });

  it('shows an earlier run while the current one has not started', () => {
    const empty = new RunHistory();
    const chart = lossChart(empty, options(), null, null, [other]);
    expect(chart.empty).toBe(false);
    expect(chart.xDomain[1]).toBeGreaterThanOrEqual(300);
  });
});

describe('the mark where a diverged run stopped (lrTooLarge: steps 1–2 plotted, step 3 stopped it)', () => {
  const twoSteps = makeHistory(2);
  const status = { state: 'diverged', step: 2, epoch: 0, divergedAtStep: 3, divergedLoss: 29.345 };

  it('sits at the step that stopped the run, at its loss, inside both axes', () => {
    const mark = stopMark(status, 20);
    expect(mark).toEqual({ step: 3, epoch: 0.15, loss: 29.345 });
    const chart = lossChart(twoSteps, options(), null, mark);
    expect(chart.stop).toEqual({ x: 3, y: 29.345, label: '29.3', legend: 'Loss that stopped the run' });
    expect(chart.xDomain[1]).toBeGreaterThanOrEqual(3); // the plotted steps end at 2
    expect(chart.y.domain[1]).toBeGreaterThanOrEqual(29.345); // the plotted losses stay below 1.1
    const byEpoch = lossChart(twoSteps, options({ xAxis: 'epoch' }), null, mark);
    expect(byEpoch.stop?.x).toBe(0.15);
    const log = lossChart(twoSteps, options({ logScale: true }), null, mark);
    expect(log.y.domain[1]).toBeGreaterThanOrEqual(29.345);
  });

  it('goes to the top edge for NaN or ∞, and is absent unless the run diverged', () => {
    const nan = lossChart(twoSteps, options(), null, stopMark({ ...status, divergedLoss: NaN }, 20));
    expect(nan.stop).toMatchObject({ x: 3, y: null, label: 'NaN' });
    expect(nan.y.domain[1]).toBeLessThan(2);
    expect(lossChart(twoSteps, options(), null, stopMark({ ...status, divergedLoss: Infinity }, 20)).stop).toMatchObject({ y: null, label: '∞' });
    expect(stopMark({ ...status, state: 'finished' }, 20)).toBeNull();
    expect(lossChart(twoSteps, options(), null).stop).toBeNull();
  });

  it('after an epoch whose validation loss stopped the run, sits at that epoch’s end', () => {
    expect(stopMark({ state: 'diverged', step: 40, epoch: 2, divergedAtStep: 40, divergedLoss: Infinity }, 20)).toEqual({ step: 40, epoch: 2, loss: Infinity });
  });
});

describe('lossChart', () => {
  const history = makeHistory(200_000);
  const chart = lossChart(history, options(), { epoch: 5, loss: 0.2 });

  it('draws a 200k-step run from about 1,000 points', () => {
    expect(points(chart.series)).toBeLessThanOrEqual(1000);
    for (const s of chart.series) expect(s.x.length).toBeLessThanOrEqual(1000);
    expect(chart.rows.length).toBeLessThanOrEqual(1000);
  });

  it('draws the raw and smoothed batch loss at the same steps (one row each)', () => {
    const raw = byKey(chart.series, 'batchLossRaw');
    expect(Array.from(raw.x)).toEqual(Array.from(byKey(chart.series, 'batchLoss').x));
    expect(chart.rows.length).toBeLessThanOrEqual(raw.x.length + byKey(chart.series, 'trainLoss').x.length);
  });

  it('has the raw batch loss faint behind the smoothed one, and both evaluation curves', () => {
    expect(chart.series.map((s) => s.key)).toEqual(['batchLossRaw', 'batchLoss', 'trainLoss', 'validationLoss']);
    expect(byKey(chart.series, 'batchLossRaw')).toMatchObject({ faint: true });
    expect(byKey(chart.series, 'batchLossRaw').opacity).toBeLessThan(0.5);
    expect(byKey(chart.series, 'validationLoss').dash).toBe(VALIDATION_DASH);
    expect(byKey(chart.series, 'trainLoss').dash).toBeUndefined();
  });

  it('keeps the loss spikes in the raw line and smooths them away in the other', () => {
    const raw = byKey(chart.series, 'batchLossRaw');
    const smoothed = byKey(chart.series, 'batchLoss');
    // every 7th step jumps by 0.3: LTTB keeps such points, the EMA averages them to ~0.3/7
    expect(Math.max(...raw.y.subarray(50))).toBeGreaterThan(0.3);
    expect(Math.max(...smoothed.y.subarray(100))).toBeLessThan(0.2);
  });

  it('shades the train–validation gap at every evaluation', () => {
    const rows = chart.rows.filter((r) => r.band !== undefined);
    expect(rows.length).toBe(byKey(chart.series, 'validationLoss').x.length);
    const last = rows[rows.length - 1];
    expect(last.band).toEqual([last.trainLoss, last.validationLoss]);
  });

  it('marks the best validation loss (epoch 5) at its step', () => {
    expect(chart.best).toEqual({ x: 500, y: 0.2 });
    const byEpoch = lossChart(history, options({ xAxis: 'epoch' }), { epoch: 5, loss: 0.2 });
    expect(byEpoch.best).toEqual({ x: 5, y: 0.2 });
    expect(byEpoch.xDomain[1]).toBeCloseTo(2000, 6);
  });

  it('switches to a log axis ticked at powers of ten', () => {
    const log = lossChart(history, options({ logScale: true }), null);
    expect(log.y.scale).toBe('log');
    expect(log.y.ticks?.every((t) => Number.isInteger(Math.log10(t)))).toBe(true);
  });

  it('is empty before the first step, with its axes', () => {
    const empty = lossChart(new RunHistory(), options(), null);
    expect(empty.empty).toBe(true);
    expect(empty.rows).toEqual([]);
    expect(empty.best).toBeNull();
    expect(empty.xDomain).toEqual([0, 10]);
  });

  it('draws the raw line itself when smoothing is off', () => {
    const raw = lossChart(makeHistory(200), options({ smoothing: 0 }), null);
    expect(raw.series.map((s) => s.key)).toEqual(['batchLoss', 'trainLoss', 'validationLoss']);
    expect(byKey(raw.series, 'batchLoss').y[6]).toBeCloseTo(1 / Math.sqrt(7) + 0.3, 6);
  });
});

describe('metricChart', () => {
  it('shows accuracy as a percentage with the best epoch marked', () => {
    const chart = metricChart(makeHistory(1000), options(), 'classification', { epoch: 5, loss: 0.2 });
    expect(chart.kind).toBe('percent');
    expect(chart.series.map((s) => s.label)).toEqual(['Train accuracy', 'Validation accuracy']);
    expect(chart.best).toEqual({ x: 500, y: 0.9 });
    expect(chart.y.domain?.[1]).toBe(1);
  });

  it('shows R² for regression', () => {
    const chart = metricChart(makeHistory(1000, false), options(), 'regression', null);
    expect(chart.kind).toBe('r2');
    expect(byKey(chart.series, 'validationMetric').y[4]).toBeCloseTo(0.8, 6);
  });
});

describe('learningRateChart', () => {
  it('draws the rate each step used, from zero on a linear axis', () => {
    const chart = learningRateChart(makeHistory(2000), options());
    const lr = chart.series[0];
    expect(lr.y[0]).toBeCloseTo(0.1, 9);
    expect(lr.y[lr.y.length - 1]).toBeCloseTo(0.01, 9);
    expect(chart.y.domain).toEqual([0, 0.12]);
    expect(chart.y.ticks).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12]);
  });

  it('puts a constant rate mid-axis, on a log axis too', () => {
    const constant = new RunHistory();
    for (let s = 1; s <= 10; s++) constant.steps.push({ step: s, epoch: 0, loss: 1, runningLoss: 1, lr: 0.01, gradNorm: 1, layerGradNorms: [], updateRatios: [] }, 10);
    expect(learningRateChart(constant, options()).y.domain).toEqual([0, 0.012]);
    expect(learningRateChart(constant, options({ logScale: true })).y.domain).toEqual([0.001, 0.1]);
  });
});

describe('gradientChart', () => {
  const history = makeHistory(50_000);

  it('draws all layers together (raw + smoothed) and each Linear layer in its own style', () => {
    const chart = gradientChart(history, options(), 'norm');
    expect(chart.series.map((s) => s.key)).toEqual(['globalNormRaw', 'globalNorm', 'layerNorm0', 'layerNorm1', 'layerNorm2']);
    const layers = chart.series.slice(2);
    expect(new Set(layers.map((s) => s.dash)).size).toBe(3);
    expect(new Set(layers.map((s) => s.color)).size).toBe(3);
    expect(points(chart.series)).toBeLessThanOrEqual(1000);
  });

  it('shows update-to-weight ratios on a log axis with the 1e-3 guide, leaving out zeros', () => {
    const chart = gradientChart(history, options(), 'ratio');
    expect(chart.y.scale).toBe('log');
    expect(chart.guide?.y).toBe(1e-3);
    expect(byKey(chart.series, 'layerRatio2').x).toHaveLength(0);
    expect(byKey(chart.series, 'layerRatio1').y[10]).toBeCloseTo(2e-3, 9);
  });
});

describe('rows and the read-out', () => {
  const a: CurveSeries = { key: 'a', label: 'A', x: Float64Array.of(1, 2, 3), y: Float64Array.of(10, 20, 30), color: '', width: 1, opacity: 1, faint: false };
  const b: CurveSeries = { ...a, key: 'b', label: 'B', x: Float64Array.of(2, 4), y: Float64Array.of(5, 50) };

  it('merges series into one row per x, each under its own key', () => {
    expect(mergeRows([a, b], { low: 'a', high: 'b' })).toEqual([
      { x: 1, a: 10 },
      { x: 2, a: 20, b: 5, band: [5, 20] },
      { x: 3, a: 30 },
      { x: 4, b: 50 },
    ]);
  });

  it('reads every series at the nearest point inside its range', () => {
    expect(valueAt(a, 2.4)).toBe(20);
    expect(valueAt(b, 3.2)).toBe(50);
    expect(valueAt(b, 1)).toBeUndefined();
    expect(valueAt(a, 3.5)).toBeUndefined();
  });

  it('reads at full resolution where it has it', () => {
    const full = { ...a, full: { x: [1, 1.5, 2, 2.5, 3], y: [10, 99, 20, 98, 30] } };
    expect(valueAt(full, 1.6)).toBe(99);
  });

  it('finds the best evaluation from the status, or the lowest validation loss without one', () => {
    const evaluations = makeHistory(1000).evaluations;
    expect(bestEvaluation(evaluations, { epoch: 3, loss: null })?.epoch).toBe(3);
    expect(bestEvaluation(evaluations, null)?.epoch).toBe(5);
    expect(bestEvaluation([], null)).toBeNull();
  });
});
