/**
 * How long the curves take to prepare a long run (not a test):  npx tsx app/charts/bench.ts
 * Times smoothing + LTTB of one 200k-point series, and the four charts of a 200k-step run as the
 * panel rebuilds them at each refresh (smoothing continues incrementally, as in the page).
 */
import { RunHistory } from '../store/series';
import { en } from '../i18n/en';
import { gradientChart, learningRateChart, lossChart, metricChart, type CurveOptions } from './curves';
import { downsample } from './lttb';
import { smooth, SmoothingCache } from './smoothing';

const N = 200_000;
const x = Float64Array.from({ length: N }, (_, i) => i + 1);
const y = Float32Array.from(x, (s) => 1 / Math.sqrt(s) + 0.2 * Math.random());

function time(label: string, run: () => unknown, repeats = 50): void {
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} median ${times[repeats >> 1].toFixed(2)} ms, worst ${times[repeats - 1].toFixed(2)} ms`);
}

time(`EMA smoothing, ${N} points`, () => smooth(y, 0.6));
time(`LTTB ${N} → 1,000 points`, () => downsample(x, y, 1000));
time(`EMA + LTTB → 1,000 points, ${N} points`, () => downsample(x, smooth(y, 0.6), 1000));

const history = new RunHistory();
for (let s = 1; s <= N; s++) {
  const loss = y[s - 1];
  history.steps.push({ step: s, epoch: Math.floor((s - 1) / 100), loss, runningLoss: loss, lr: 0.01, gradNorm: loss * 3, layerGradNorms: [loss, loss / 2, loss / 4], updateRatios: [1e-3, 1e-3, 1e-3] }, 100);
  if (s % 100 === 0) {
    history.evaluations.push({
      step: s, epoch: s / 100, activations: [], epochTimeMs: 1, stepsPerSecond: 1,
      train: { kind: 'running', loss, classification: { accuracy: 0.9, confusion: [], precision: [], recall: [] } },
      validation: { kind: 'full', loss: loss * 1.1, classification: { accuracy: 0.85, confusion: [], precision: [], recall: [] } },
    });
  }
}
const options: CurveOptions = { xAxis: 'step', smoothing: 0.6, logScale: false, names: { ...en.curves.series, layer: (i) => `Layer ${i + 1}` }, cache: new SmoothingCache() };
time(`all four charts of a ${N}-step run (3 layers), per refresh`, () => {
  lossChart(history, options, null);
  metricChart(history, options, 'classification', null);
  learningRateChart(history, options);
  gradientChart(history, options, 'norm');
});
time(`the same with a log axis`, () => {
  const log = { ...options, logScale: true };
  lossChart(history, log, null);
  learningRateChart(history, log);
  gradientChart(history, log, 'norm');
});

// Issue 10: ten kept runs of 10,000 steps each overlaid on the current run, as the panel rebuilds
// the loss, accuracy and LR charts at each refresh; the first build thins each kept run once.
const KEPT = 10;
const STEPS = 10_000;
const kept = Array.from({ length: KEPT }, (_, r) => {
  const past = new RunHistory();
  for (let s = 1; s <= STEPS; s++) {
    const loss = 1 / Math.sqrt(s) + 0.05 * r + 0.2 * Math.random();
    past.steps.push({ step: s, epoch: Math.floor((s - 1) / 100), loss, runningLoss: loss, lr: 0.01 * (r + 1), gradNorm: loss, layerGradNorms: [loss], updateRatios: [1e-3] }, 100);
    if (s % 100 === 0) {
      past.evaluations.push({
        step: s, epoch: s / 100, activations: [], epochTimeMs: 1, stepsPerSecond: 1,
        train: { kind: 'running', loss, classification: { accuracy: 0.9, confusion: [], precision: [], recall: [] } },
        validation: { kind: 'full', loss: loss * 1.1, classification: { accuracy: 0.85, confusion: [], precision: [], recall: [] } },
      });
    }
  }
  return { id: r + 1, label: `lr=${0.01 * (r + 1)}`, color: '#cc79a7', history: past };
});
const current = new RunHistory();
for (let s = 1; s <= STEPS; s++) current.steps.push({ step: s, epoch: Math.floor((s - 1) / 100), loss: 1 / Math.sqrt(s), runningLoss: 1, lr: 0.01, gradNorm: 1, layerGradNorms: [1], updateRatios: [1e-3] }, 100);
const overlayCharts = (o: CurveOptions) => {
  lossChart(current, o, null, null, kept);
  metricChart(current, o, 'classification', null, kept);
  learningRateChart(current, o, kept);
};
let start = performance.now();
overlayCharts({ ...options, smoothing: 0.7 });
console.log(`${`first build, ${KEPT} kept runs × ${STEPS} steps overlaid (loss, accuracy, LR)`.padEnd(58)} ${(performance.now() - start).toFixed(2)} ms`);
time(`the same, per refresh (kept runs' lines reused)`, () => overlayCharts({ ...options, smoothing: 0.7 }));
