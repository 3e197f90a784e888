/**
 * The curves panel: loss, accuracy (or R²), the learning rate in force and per-layer gradients,
 * TensorBoard-style — smoothing with the raw values faint behind, a log-scale toggle, step or epoch
 * on the x axis, a read-out of every series on hover, the best validation epoch marked, and the
 * train–validation gap shaded so overfitting shows at a glance.
 *
 * Each chart is rebuilt only when its own inputs change (the history's version bumps ≤ 10×/s) and
 * is drawn from about 1,000 points however long the run (see app/charts/curves.ts).
 */
import { Fragment, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { numFeatures, numOutputs, taskOf } from '../../engine/train/config';
import { CurveCard, type CurveCardProps } from '../charts/CurveCard';
import { LrFinderCard } from '../charts/LrFinderCard';
import { createHoverStore } from '../charts/hover';
import { gradientChart, learningRateChart, lossChart, metricChart, stopMark, type CurveNames, type CurveOptions, type OverlayRun } from '../charts/curves';
import { drawn, runLabels, type PastRun } from '../store/runs';
import { RunHistory } from '../store/series';
import { RunsTable } from './RunsTable';
import { SweepForm } from './SweepForm';
import { DownloadIcon } from './icons';
import { downloadText } from '../codeView/browser';
import { runsCsv, type CsvRun } from '../charts/csv';
import { stepsPerEpoch } from '../bridge/training';
import { SmoothingCache } from '../charts/smoothing';
import { ChoiceField, NumberField, Panel, SwitchField } from '../controls/fields';
import { inTurn } from '../controls/inTurn';
import { useNearViewport } from '../controls/useNearViewport';
import { useLanguage, useMessages, type Messages } from '../i18n';
import type { LessonFocus } from '../experiments/presets';
import { currentRunShown, useStore } from '../store';
import '../charts/charts.css';

const X_AXES = ['step', 'epoch'] as const;
const GRADIENT_VIEWS = ['norm', 'ratio'] as const;
type GradientView = (typeof GRADIENT_VIEWS)[number];

/** One cache for the page: smoothing continues where it stopped as the run grows. */
const smoothingCache = new SmoothingCache();

/** Mounted in its turn at load (see inTurn). */
export const CurvesPanel = inTurn(CurvesPanelContent);

/** The four charts, by the names an embedded view's `panels=` uses. */
export type ChartId = 'loss' | 'accuracy' | 'lr' | 'gradients';
const CHART_IDS: readonly ChartId[] = ['loss', 'accuracy', 'lr', 'gradients'];
/** A lesson's focus, as the chart it brings up beside the loss. */
const FOCUS_CHART: Partial<Record<LessonFocus, ChartId>> = { learningRate: 'lr', gradients: 'gradients' };

/**
 * The charts' data and cards, for the panel and for an embedded view: each built only when its own
 * inputs change.
 */
/** A run's label from the labels map (its number before the map has it). */
const labelOf = (labels: ReadonlyMap<number, string>, id: number): string => labels.get(id) ?? `#${id}`;

/** The kept runs drawn over the current one now (see store/runs.ts `drawn`), with their labels. */
function drawnRuns(pastRuns: readonly PastRun[], dataset: string, labels: ReadonlyMap<number, string>): Array<OverlayRun & CsvRun> {
  return pastRuns.filter((r) => drawn(r, dataset)).map((r) => ({ id: r.id, label: labelOf(labels, r.id), color: r.color, config: r.config, history: r.history }));
}

/** Each kept run's label (the settings that set it apart from the others), by its number. */
function useRunLabels(): ReadonlyMap<number, string> {
  const { pastRuns, currentRun } = useStore(useShallow((s) => ({ pastRuns: s.pastRuns, currentRun: currentRunShown(s) ? s.currentRun : null })));
  return useMemo(() => {
    const runs = currentRun === null ? pastRuns : [...pastRuns, currentRun];
    const labels = runLabels(runs, currentRun?.id ?? null);
    const names = new Map(pastRuns.map((run) => [run.id, run.name]));
    return new Map(runs.map((run, i): [number, string] => [run.id, names.get(run.id) ?? labels[i]]));
  }, [pastRuns, currentRun]);
}

/** What the charts draw for a run that has nothing to show. */
const NO_HISTORY = new RunHistory();

function useCurveCards(frameWanted: boolean, gradientView: GradientView, labels: ReadonlyMap<number, string>): Record<ChartId, CurveCardProps> {
  const m = useMessages();
  const language = useLanguage();
  // historyVersion is read to redraw when the (mutable, append-only) history grew.
  // a run not shown (see currentRunShown) draws nothing, not even its evaluation before training
  const { history, logScale, smoothing, xAxis } = useStore(
    useShallow((s) => ({
      history: currentRunShown(s) ? s.history : NO_HISTORY,
      historyVersion: s.historyVersion,
      logScale: s.logScale,
      smoothing: s.smoothing,
      xAxis: s.xAxis,
    })),
  );
  const bestEpoch = useStore((s) => s.status?.bestEpoch ?? null);
  const bestLoss = useStore((s) => s.status?.bestValidationLoss ?? null);
  const task = useStore((s) => taskOf(s.config));
  // where a diverged run stopped: the status changes once then, so the selector's result stays put
  const diverged = useStore(
    useShallow((s) => (s.status?.state === 'diverged' ? { state: s.status.state, step: s.status.step, epoch: s.status.epoch, divergedAtStep: s.status.divergedAtStep, divergedLoss: s.status.divergedLoss } : null)),
  );
  // A string, so the selector's result compares equal while the architecture stays the same.
  const widths = useStore((s) => [numFeatures(s.config), ...s.config.model.hiddenLayers, numOutputs(s.config)].join(','));
  const [hover] = useState(createHoverStore);

  const names = useMemo(() => curveNames(m, widths), [m, widths]);
  const options: CurveOptions = useMemo(
    () => ({ xAxis, smoothing, logScale, names, cache: smoothingCache }),
    [xAxis, smoothing, logScale, names],
  );
  const best = useMemo(() => (bestEpoch === null ? null : { epoch: bestEpoch, loss: bestLoss }), [bestEpoch, bestLoss]);
  // The history only grows, so its lengths say when a chart's data changed. Evaluations arrive once
  // an epoch: the metric chart waits for a new one instead of redrawing at every refresh.
  const evaluationCount = history.evaluations.length;
  const stepCount = history.steps.length;

  const pastRuns = useStore((s) => s.pastRuns);
  const dataset = useStore((s) => s.config.data.dataset);
  // a comparison's runs grow in place; sweepVersion says when
  const sweepVersion = useStore((s) => s.sweepVersion);
  const overlay = useMemo(() => drawnRuns(pastRuns, dataset, labels), [pastRuns, labels, dataset, sweepVersion]);
  const stop = useMemo(() => stopMark(diverged, stepsPerEpoch()), [diverged]);
  const loss = useMemo(() => lossChart(history, options, best, stop, overlay), [history, stepCount, evaluationCount, options, best, stop, overlay]);
  const metric = useMemo(() => metricChart(history, options, task, best, overlay), [history, evaluationCount, options, task, best, overlay]);
  const learningRate = useMemo(() => learningRateChart(history, options, overlay), [history, stepCount, xAxis, logScale, names, overlay]);
  const gradients = useMemo(
    () => gradientChart(history, options, gradientView, overlay),
    [history, stepCount, xAxis, logScale, smoothing, names, gradientView, overlay],
  );

  const c = m.curves;
  const xName = c.controls.xAxes[xAxis];
  const card = { xAxis, language, bestLabel: c.best, emptyText: c.empty, hover, readHint: c.readHint, xName, frame: frameWanted, bestLegend: c.bestLegend };
  const classes = task === 'classification';
  return {
    loss: { ...card, lag: 0, chart: loss, title: c.charts.loss, yName: c.axes.loss, tip: c.tips.loss },
    accuracy: {
      ...card,
      lag: 25,
      chart: metric,
      title: classes ? c.charts.accuracy : c.charts.r2,
      yName: classes ? c.axes.accuracy : c.axes.r2,
      tip: classes ? c.tips.accuracy : c.tips.r2,
    },
    lr: { ...card, lag: 50, chart: learningRate, title: c.charts.learningRate, yName: c.axes.learningRate, tip: c.tips.learningRate },
    gradients: {
      ...card,
      lag: 75,
      chart: gradients,
      title: gradientView === 'norm' ? c.charts.gradientNorm : c.charts.updateRatio,
      yName: gradientView === 'norm' ? c.axes.gradientNorm : c.axes.updateRatio,
      tip: gradientView === 'norm' ? c.tips.gradientNorm : c.tips.updateRatio,
    },
  };
}

function CurvesPanelContent({ focus }: { focus?: LessonFocus }) {
  const m = useMessages();
  const { logScale, smoothing, xAxis, setPrefs } = useStore(
    useShallow((s) => ({ logScale: s.logScale, smoothing: s.smoothing, xAxis: s.xAxis, setPrefs: s.setPrefs })),
  );
  // The axes (recharts) load when the charts near the screen; the curves (canvas) draw from the start.
  const grid = useRef<HTMLDivElement>(null);
  const near = useNearViewport(grid, '100px');
  const [gradientView, setGradientView] = useState<GradientView>('norm');
  const [smoothingError, setSmoothingError] = useState<string | null>(null);
  const labels = useRunLabels();
  const cards = useCurveCards(near, gradientView, labels);
  // the lesson's chart goes up beside the loss (second place); the others keep their order
  const focused = focus === undefined ? undefined : FOCUS_CHART[focus];
  const order = focused === undefined ? CHART_IDS : ['loss' as const, focused, ...CHART_IDS.filter((id) => id !== 'loss' && id !== focused)];

  const finderFocused = focus === 'lrFinder';
  const finderShown = useStore((s) => s.lrFinder !== null);

  const c = m.curves;
  return (
    <Panel id="curves" title={c.title} actions={<CsvButton labels={labels} />}>
      <div className="curves-controls">
        <SwitchField label={c.controls.logScale} tip={c.controls.logScaleTip} checked={logScale} onChange={(on) => setPrefs({ logScale: on })} />
        <NumberField
          label={c.controls.smoothing}
          tip={c.controls.smoothingTip}
          value={smoothing}
          min={0}
          max={0.99}
          step={0.01}
          error={smoothingError}
          onChange={(value) => {
            const valid = Number.isFinite(value) && value >= 0 && value <= 0.99;
            setSmoothingError(valid ? null : c.controls.smoothingError);
            if (valid) setPrefs({ smoothing: value });
          }}
        />
        <ChoiceField
          label={c.controls.xAxis}
          tip={c.controls.xAxisTip}
          value={xAxis}
          choices={X_AXES}
          names={(axis) => c.controls.xAxes[axis]}
          onChange={(axis) => setPrefs({ xAxis: axis })}
        />
        <ChoiceField
          label={c.controls.gradients}
          tip={c.controls.gradientsTip}
          value={gradientView}
          choices={GRADIENT_VIEWS}
          names={(view) => c.controls.gradientViews[view]}
          onChange={setGradientView}
        />
      </div>
      <div className="curves-grid" ref={grid}>
        {order.map((id, i) => (
          <Fragment key={id}>
            <CurveCard {...cards[id]} chartId={id} focused={id === focused} pngLabel={c.png(cards[id].title)} />
            {/* the finder's lesson puts it beside the loss; otherwise it follows the charts once used */}
            {i === 0 && finderFocused && <LrFinderCard focused />}
          </Fragment>
        ))}
        {finderShown && !finderFocused && <LrFinderCard focused={false} />}
      </div>
      <SweepForm />
      <RunsTable labels={labels} />
    </Panel>
  );
}

/** The curves of this run and of the kept runs drawn with it, as CSV (see charts/csv.ts). */
function CsvButton({ labels }: { labels: ReadonlyMap<number, string> }) {
  const m = useMessages();
  // read at every store change, so it follows the (mutable) history as it grows
  const hasSteps = useStore((s) => s.history.steps.length > 0 || s.pastRuns.some((r) => drawn(r, s.config.data.dataset) && r.history.steps.length > 0));
  const download = () => {
    const s = useStore.getState();
    const runs: CsvRun[] = drawnRuns(s.pastRuns, s.config.data.dataset, labels);
    if (s.currentRun !== null && s.history.steps.length > 0) runs.push({ id: s.currentRun.id, label: labelOf(labels, s.currentRun.id), config: s.currentRun.config, history: s.history });
    const csv = runsCsv(runs);
    downloadText('training-playground-runs.csv', csv.text, 'text/csv;charset=utf-8');
    // a file of every step would be too big to make: the page says which steps it holds
    if (csv.stride > 1) s.setRunState({ notice: { kind: 'csvThinned', text: String(csv.stride) } });
  };
  return (
    <button type="button" className="button" disabled={!hasSteps} onClick={download} title={m.curves.csvTip} data-testid="download-csv">
      <DownloadIcon /> CSV
    </button>
  );
}

/** Some of the charts, without the panel around them or its controls: for an embedded view. */
export function ChartCards({ charts }: { charts: readonly ChartId[] }) {
  const cards = useCurveCards(true, 'norm', useRunLabels());
  return (
    <>
      {charts.map((id) => (
        <CurveCard key={id} {...cards[id]} chartId={id} />
      ))}
    </>
  );
}

/** The series names in the page's language; layers are named with their shape (in → out). */
export function curveNames(m: Messages, widths: string): CurveNames {
  const s = m.curves.series;
  const w = widths.split(',').map(Number);
  const shape = (layer: number) => (layer + 1 < w.length ? `${w[layer]}→${w[layer + 1]}` : '');
  return {
    ...s,
    layer: (index) => (index === w.length - 2 ? s.outputLayer(shape(index)) : s.layer(index + 1, shape(index))),
  };
}
