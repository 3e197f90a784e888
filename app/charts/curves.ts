/**
 * The four charts of a run, built from its full-resolution history: loss, accuracy (or R²), the
 * learning rate in force, and gradient norms (or update-to-weight ratios) per Linear layer.
 *
 * Each chart is drawn from several hundred points at most, however long the run: per-step series are
 * smoothed at full resolution (incrementally, see SmoothingCache) and then cut down with LTTB;
 * train and validation evaluations share their kept indices so the gap between them can be shaded.
 */
import { DIVERGENCE_FACTOR } from '../../engine/train/divergence';
import { formatValue, metricAxis, valueAxis } from './axis';
import { downsample, lttbIndices, pick, type Column } from './lttb';
import { bestEvaluation, mergeRows, niceCeiling, runXDomain, type CurveChart, type CurveSeries } from './model';
import type { SmoothingCache } from './smoothing';
import type { EvaluationRecord, RunHistory } from '../store/series';
import { CLASS_COLORS } from '../palette';

export const TRAIN_COLOR = 'var(--series-train)';
export const VALIDATION_COLOR = 'var(--series-validation)';
export const LR_COLOR = 'var(--series-lr)';
export const GLOBAL_NORM_COLOR = 'var(--class-7)';
/** Validation is dashed everywhere, so train and validation never differ by colour alone. */
export const VALIDATION_DASH = '6 4';

/**
 * Point budgets: about 500–700 drawn points per chart in all (two or more per pixel of a ~270 px wide plot). Step series of one chart share their
 * indices, evaluations too (train and validation), so each budget counts once per series.
 */
const LOSS_STEPS = 240;
const EVALUATION_POINTS = 100;
const METRIC_POINTS = 200;
const LR_POINTS = 200;
const GRADIENT_POINTS = 480;

/** Layer colours: the Okabe–Ito set without black (the all-layers line) and with yellow last. */
const LAYER_COLOR_ORDER = [0, 1, 2, 3, 5, 4, 9, 8, 6];
/** Every layer also has its own dash pattern, so the lines differ by more than colour. */
const LAYER_DASHES = [undefined, '7 3', '2 3', '9 3 2 3', '4 2', '12 4', '1 3', '6 2 1 2 1 2', '3 5'];

export function layerStyle(layer: number): { color: string; dash: string | undefined } {
  const i = layer % LAYER_COLOR_ORDER.length;
  return { color: CLASS_COLORS[LAYER_COLOR_ORDER[i]], dash: LAYER_DASHES[i] };
}

export interface CurveNames {
  batchLoss: string;
  batchLossRaw: string;
  trainLoss: string;
  validationLoss: string;
  trainAccuracy: string;
  validationAccuracy: string;
  trainR2: string;
  validationR2: string;
  gap: string;
  learningRate: string;
  globalNorm: string;
  globalNormRaw: string;
  ruleOfThumb: string;
  /** the legend's name of the marker where a diverged run stopped */
  stopped: string;
  /** "Layer 2 (8 → 8)" */
  layer: (index: number) => string;
}

export interface CurveOptions {
  xAxis: 'step' | 'epoch';
  smoothing: number;
  logScale: boolean;
  names: CurveNames;
  cache: SmoothingCache;
}

export type BestMark = { epoch: number | null; loss: number | null } | null;

/** An earlier run drawn over the current one, in its colour, named by the settings that differ. */
export interface OverlayRun {
  id: number;
  label: string;
  color: string;
  history: RunHistory;
}

/** The x range that holds the current run and every overlaid one. */
function overlayXDomain(history: RunHistory, overlay: readonly OverlayRun[], xAxis: 'step' | 'epoch'): [number, number] {
  let domain = xDomain(history, xAxis);
  for (const run of overlay) {
    const other = xDomain(run.history, xAxis);
    if (other[1] > domain[1] && run.history.steps.length > 0) domain = [domain[0], other[1]];
  }
  return history.steps.length === 0 && history.evaluations.length === 0 && overlay.length > 0 ? overlayOnly(overlay, xAxis) : domain;
}

function overlayOnly(overlay: readonly OverlayRun[], xAxis: 'step' | 'epoch'): [number, number] {
  return overlay.map((r) => xDomain(r.history, xAxis)).reduce((a, b) => (b[1] > a[1] ? b : a));
}

/**
 * An earlier run no longer grows: its lines are made once per look (axis, smoothing, scale,
 * label, colour) and kept with its history, so the current run's refreshes (≤ 20 a second) redraw
 * ten kept runs without thinning them again. A comparison's runs do grow while it goes on: a line
 * is made again when its run has more steps or evaluations than when it was made.
 */
const overlayCache = new WeakMap<RunHistory, Map<string, { size: number; series: CurveSeries }>>();

function cachedSeries(run: OverlayRun, look: string, make: () => CurveSeries): CurveSeries {
  let byLook = overlayCache.get(run.history);
  if (!byLook) overlayCache.set(run.history, (byLook = new Map()));
  const key = `${look}|${run.id}|${run.label}|${run.color}`;
  const size = run.history.steps.length * 65536 + run.history.evaluations.length;
  let cached = byLook.get(key);
  if (!cached || cached.size !== size) byLook.set(key, (cached = { size, series: make() }));
  return cached.series;
}

/** An earlier run's per-step values (smoothed as the current run's), one thin line in its colour. */
function overlayStepSeries(run: OverlayRun, key: string, column: 'loss' | 'lr' | 'gradNorm', label: string, options: CurveOptions, smooth: boolean): CurveSeries {
  const look = `${key}|${label}|${options.xAxis}|${smooth ? options.smoothing : 0}|${options.logScale}`;
  return cachedSeries(run, look, () => makeOverlayStepSeries(run, key, column, label, options, smooth));
}

function makeOverlayStepSeries(run: OverlayRun, key: string, column: 'loss' | 'lr' | 'gradNorm', label: string, options: CurveOptions, smooth: boolean): CurveSeries {
  const x = run.history.steps.column(options.xAxis);
  const raw = run.history.steps.column(column);
  const y = smooth && options.smoothing > 0 ? options.cache.smooth(run.history, key, raw, options.smoothing) : raw;
  return {
    key: `run${run.id}${key}`, label: `${run.label} · ${label}`, ...downsample(x, y, LOSS_STEPS, options.logScale), full: { x, y },
    color: run.color, width: 1.5, opacity: 0.9, faint: false, run: { id: run.id, label: run.label },
  };
}

/** An earlier run's validation values per evaluation, dashed in its colour. */
function overlayValidationSeries(run: OverlayRun, key: string, read: (split: EvaluationRecord['train']) => number | undefined, label: string, xAxis: 'step' | 'epoch', log: boolean): CurveSeries {
  return cachedSeries(run, `${key}|${label}|${xAxis}|${log}`, () => {
    const pair = evaluationPair(run.history.evaluations, xAxis, read, EVALUATION_POINTS, log);
    return {
      key: `run${run.id}${key}`, label: `${run.label} · ${label}`, ...pair.validation, full: { x: pair.full.x, y: pair.full.validation },
      color: run.color, width: 2, opacity: 0.9, dash: VALIDATION_DASH, faint: false, run: { id: run.id, label: run.label },
    };
  });
}

/**
 * A per-step series: with smoothing, its raw points faint behind the smoothed line (TensorBoard's
 * look); without, the raw points as the line itself. Every step series of a chart is drawn at the
 * same indices (chosen by LTTB on the chart's leading raw series, so its spikes stay), which keeps
 * the chart's rows — and recharts' work — to one per kept step.
 */
function stepSeries(
  history: RunHistory,
  key: string,
  values: Column,
  style: { label: string; rawLabel: string; color: string; width: number; opacity?: number; dash?: string },
  options: CurveOptions,
  drawing: { indices: ArrayLike<number>; log: boolean; withRaw: boolean },
): CurveSeries[] {
  const x = history.steps.column(options.xAxis);
  const { indices, log } = drawing;
  const line = { color: style.color, width: style.width, opacity: style.opacity ?? 1, dash: style.dash };
  if (options.smoothing <= 0) {
    return [{ key, label: style.label, ...pick(x, values, indices, log), full: { x, y: values }, ...line, faint: false }];
  }
  const smoothed = options.cache.smooth(history, key, values, options.smoothing);
  const series: CurveSeries[] = [];
  if (drawing.withRaw) {
    const raw = pick(x, values, indices, log);
    series.push({ key: `${key}Raw`, label: style.rawLabel, ...raw, full: { x, y: values }, color: style.color, width: 1, opacity: 0.22, faint: true });
  }
  series.push({ key, label: style.label, ...pick(x, smoothed, indices, log), full: { x, y: smoothed }, ...line, faint: false });
  return series;
}

/** Train and validation values of the evaluations, thinned together (shared indices). */
function evaluationPair(
  evaluations: readonly EvaluationRecord[],
  xAxis: 'step' | 'epoch',
  read: (split: EvaluationRecord['train']) => number | undefined,
  threshold: number,
  log: boolean,
) {
  const n = evaluations.length;
  const x = new Float64Array(n);
  const train = new Float64Array(n);
  const validation = new Float64Array(n);
  evaluations.forEach((e, i) => {
    x[i] = xAxis === 'step' ? e.step : e.epoch;
    train[i] = read(e.train) ?? Number.NaN;
    validation[i] = read(e.validation) ?? Number.NaN;
  });
  const kept = lttbIndices(x, validation, threshold);
  return { train: pick(x, train, kept, log), validation: pick(x, validation, kept, log), full: { x, train, validation } };
}

function evaluationSeries(
  pair: ReturnType<typeof evaluationPair>,
  keys: { train: string; validation: string },
  labels: { train: string; validation: string },
): CurveSeries[] {
  return [
    { key: keys.train, label: labels.train, ...pair.train, full: { x: pair.full.x, y: pair.full.train }, color: TRAIN_COLOR, width: 2.25, opacity: 1, faint: false },
    {
      key: keys.validation, label: labels.validation, ...pair.validation, full: { x: pair.full.x, y: pair.full.validation },
      color: VALIDATION_COLOR, width: 2.25, opacity: 1, dash: VALIDATION_DASH, faint: false,
    },
  ];
}

function xDomain(history: RunHistory, xAxis: 'step' | 'epoch'): [number, number] {
  return runXDomain(history.steps.column(xAxis), history.evaluations, xAxis);
}

function bestX(best: EvaluationRecord | null, xAxis: 'step' | 'epoch'): number | null {
  if (!best) return null;
  return xAxis === 'step' ? best.step : best.epoch;
}

/** Where a diverged run stopped, on both x axes, and the loss that stopped it (RunStatus.divergedLoss). */
export interface StopMark {
  step: number;
  /** the same place in epochs: the epoch it happened in plus the share of that epoch's batches */
  epoch: number;
  loss: number;
}

/**
 * Where a diverged run stopped, from its status: the step that stopped it (not taken, unless the
 * validation loss after an epoch stopped it) and, on the epoch axis, the same place as a batch
 * point there would have (`RunHistory.steps.push`); null unless the run diverged.
 */
export function stopMark(
  status: { state: string; step: number; epoch: number; divergedAtStep: number | null; divergedLoss: number | null } | null,
  stepsPerEpoch: number,
): StopMark | null {
  if (status === null || status.state !== 'diverged' || status.divergedAtStep === null || status.divergedLoss === null) return null;
  const step = status.divergedAtStep;
  // a step not taken lies within the epoch under way; the validation loss, at the epoch's end
  const withinEpoch = step > status.step && stepsPerEpoch > 0 ? (((step - 1) % stepsPerEpoch) + 1) / stepsPerEpoch : 0;
  return { step, epoch: status.epoch + withinEpoch, loss: status.divergedLoss };
}

/**
 * Loss: the noisy per-batch loss (raw + smoothed), the epoch's running train loss and the
 * validation loss; with `stop`, the red × where a diverged run stopped.
 */
export function lossChart(history: RunHistory, options: CurveOptions, bestMark: BestMark, stop: StopMark | null = null, overlay: readonly OverlayRun[] = []): CurveChart {
  const log = options.logScale;
  const { names } = options;
  const loss = history.steps.column('loss');
  const indices = lttbIndices(history.steps.column(options.xAxis), loss, LOSS_STEPS);
  const batch = stepSeries(
    history, 'batchLoss', loss,
    { label: names.batchLoss, rawLabel: names.batchLossRaw, color: TRAIN_COLOR, width: 1.25, opacity: 0.55 },
    options, { indices, log, withRaw: true },
  );
  const pair = evaluationPair(history.evaluations, options.xAxis, (s) => s.loss, EVALUATION_POINTS, log);
  const evaluations = evaluationSeries(pair, { train: 'trainLoss', validation: 'validationLoss' }, { train: names.trainLoss, validation: names.validationLoss });
  const others = overlay.flatMap((run) => [
    overlayStepSeries(run, 'BatchLoss', 'loss', names.batchLoss, options, true),
    overlayValidationSeries(run, 'ValidationLoss', (s) => s.loss, names.validationLoss, options.xAxis, log),
  ]);
  const series = [...others, ...batch, ...evaluations];
  // A kept run that blew up (lr = 1 beside 0.01) would squeeze every other line flat: the axis holds
  // the kept runs up to the divergence limit (3× their first loss); past it their lines leave the top.
  const othersOnAxis = overlay.flatMap((run, i) => {
    const limit = DIVERGENCE_FACTOR * run.history.steps.column('loss')[0];
    const clip = (y: ArrayLike<number>) => (Number.isFinite(limit) && limit > 0 ? Array.from(y).filter((v) => v <= limit) : y);
    return [clip(others[2 * i].y), clip(others[2 * i + 1].y)];
  });
  const onAxis = [...othersOnAxis, ...[...batch, ...evaluations].map((s) => s.y)];
  const best = bestEvaluation(history.evaluations, bestMark);
  const x = bestX(best, options.xAxis);
  const stopX = stop === null ? null : options.xAxis === 'step' ? stop.step : stop.epoch;
  const stopY = stop !== null && Number.isFinite(stop.loss) && (!log || stop.loss > 0) ? stop.loss : null;
  const domain = overlayXDomain(history, overlay, options.xAxis);
  return {
    series,
    rows: mergeRows(series, { low: 'trainLoss', high: 'validationLoss' }),
    band: names.gap,
    y: valueAxis([...onAxis, ...(stopY === null ? [] : [[stopY]])], log),
    kind: 'loss',
    xDomain: stopX !== null && stopX > domain[1] ? [domain[0], niceCeiling(stopX)] : domain,
    best: x === null || !best ? null : { x, y: Number.isFinite(best.validation.loss) ? best.validation.loss : null },
    guide: null,
    stop: stop === null || stopX === null ? null : { x: stopX, y: stopY, label: Number.isNaN(stop.loss) ? 'NaN' : formatValue(stop.loss, 'loss'), legend: names.stopped },
    empty: history.steps.length === 0 && history.evaluations.length === 0 && overlay.length === 0,
  };
}

/** Accuracy (classification) or R² (regression), train and validation, per evaluation. */
export function metricChart(history: RunHistory, options: CurveOptions, task: 'classification' | 'regression', bestMark: BestMark, overlay: readonly OverlayRun[] = []): CurveChart {
  const { names } = options;
  const read = task === 'classification' ? (s: EvaluationRecord['train']) => s.classification?.accuracy : (s: EvaluationRecord['train']) => s.regression?.r2;
  const pair = evaluationPair(history.evaluations, options.xAxis, read, METRIC_POINTS, false);
  const series = evaluationSeries(
    pair,
    { train: 'trainMetric', validation: 'validationMetric' },
    task === 'classification'
      ? { train: names.trainAccuracy, validation: names.validationAccuracy }
      : { train: names.trainR2, validation: names.validationR2 },
  );
  const others = overlay.map((run) =>
    overlayValidationSeries(run, 'ValidationMetric', read, task === 'classification' ? names.validationAccuracy : names.validationR2, options.xAxis, false),
  );
  series.unshift(...others);
  const kind = task === 'classification' ? 'percent' : 'r2';
  const best = bestEvaluation(history.evaluations, bestMark);
  const x = bestX(best, options.xAxis);
  const bestValue = best ? read(best.validation) : undefined;
  return {
    series,
    rows: mergeRows(series, { low: 'trainMetric', high: 'validationMetric' }),
    band: names.gap,
    y: metricAxis(kind, series.map((s) => s.y)),
    kind,
    xDomain: overlayXDomain(history, overlay, options.xAxis),
    best: x === null ? null : { x, y: bestValue !== undefined && Number.isFinite(bestValue) ? bestValue : null },
    guide: null,
    stop: null,
    empty: history.evaluations.length === 0 && !overlay.some((r) => r.history.evaluations.length > 0),
  };
}

/** The learning rate each step was taken with (exact: no smoothing). */
export function learningRateChart(history: RunHistory, options: CurveOptions, overlay: readonly OverlayRun[] = []): CurveChart {
  const x = history.steps.column(options.xAxis);
  const lr = history.steps.column('lr');
  const drawn = downsample(x, lr, LR_POINTS, options.logScale);
  const series: CurveSeries[] = [
    ...overlay.map((run) => overlayStepSeries(run, 'LearningRate', 'lr', options.names.learningRate, options, false)),
    { key: 'learningRate', label: options.names.learningRate, ...drawn, full: { x, y: lr }, color: LR_COLOR, width: 2, opacity: 1, faint: false },
  ];
  // On a linear axis the learning rate reads best from zero (schedules decay towards it).
  const y = valueAxis(series.map((s) => s.y), options.logScale, true);
  const empty = history.steps.length === 0 && overlay.length === 0;
  return { series, rows: mergeRows(series), band: null, y, kind: 'lr', xDomain: overlayXDomain(history, overlay, options.xAxis), best: null, guide: null, stop: null, empty };
}

/**
 * Gradient norms: ‖∇‖ of all layers together (raw + smoothed) and of each Linear layer (smoothed);
 * or each layer's update-to-weight ratio ‖ΔW‖/‖W‖, always on a log axis with the ~1e-3 guide.
 * Kept runs add their global norm (smoothed, in their colour) to the norm view; the ratio view is
 * per layer, where another run's layers would be too many lines to read.
 */
export function gradientChart(history: RunHistory, options: CurveOptions, mode: 'norm' | 'ratio', overlay: readonly OverlayRun[] = []): CurveChart {
  const { names } = options;
  const steps = history.steps;
  const layers = steps.layerCount();
  const log = mode === 'ratio' || options.logScale;
  // The lead series picks the kept steps: the global norm (a layer's spike is a spike of it too),
  // or in ratio view the first layer.
  const lead = mode === 'norm' ? steps.column('gradNorm') : steps.updateRatio(0);
  const lines = layers + (mode === 'norm' ? (options.smoothing > 0 ? 2 : 1) : 0);
  const indices = lttbIndices(steps.column(options.xAxis), lead, Math.max(100, Math.floor(GRADIENT_POINTS / Math.max(1, lines))));
  const others = mode === 'norm' ? overlay : [];
  const series: CurveSeries[] = others.map((run) => overlayStepSeries(run, 'GlobalNorm', 'gradNorm', names.globalNorm, options, true));
  if (mode === 'norm') {
    series.push(
      ...stepSeries(
        history, 'globalNorm', lead,
        { label: names.globalNorm, rawLabel: names.globalNormRaw, color: GLOBAL_NORM_COLOR, width: 2 },
        options, { indices, log, withRaw: true },
      ),
    );
  }
  for (let l = 0; l < layers; l++) {
    const values = mode === 'norm' ? steps.layerGradNorm(l) : steps.updateRatio(l);
    const { color, dash } = layerStyle(l);
    series.push(
      ...stepSeries(
        history, `${mode === 'norm' ? 'layerNorm' : 'layerRatio'}${l}`, values,
        { label: names.layer(l), rawLabel: names.layer(l), color, width: 1.5, dash },
        options, { indices, log, withRaw: false },
      ),
    );
  }
  return {
    series,
    rows: mergeRows(series),
    band: null,
    y: valueAxis([...series.map((s): ArrayLike<number> => s.y), ...(mode === 'ratio' ? [[1e-3]] : [])], log),
    kind: 'norm',
    xDomain: overlayXDomain(history, others, options.xAxis),
    best: null,
    guide: mode === 'ratio' ? { y: 1e-3, label: names.ruleOfThumb } : null,
    stop: null,
    empty: steps.length === 0 && others.length === 0,
  };
}
