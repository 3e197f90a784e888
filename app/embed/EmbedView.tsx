/**
 * The embedded view (`embed=1`): for a blog post or a course page, in a frame as small as 700×450.
 * A one-line bar with only the controls the link keeps (`controls=`), then only the panels it
 * names (`panels=`), laid out to fill the frame without scrolling: the output on the left, the
 * charts beside it in a grid whose plots share the frame's height. A link opens the whole
 * playground on the same experiment.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import * as training from '../bridge/training';
import { formatNumber, useLanguage, useMessages } from '../i18n';
import { ChartCards } from '../panels/CurvesPanel';
import { CodePanel } from '../panels/CodePanel';
import { formatLoss, formatPercent, shownTrainLoss } from '../panels/format';
import { PauseIcon, PlayIcon, ResetIcon, StepIcon } from '../panels/icons';
import { ModelPanel } from '../panels/ModelPanel';
import { Notices } from '../panels/Notices';
import { OutputPicture } from '../panels/OutputPanel';
import { describeState, SpeedSelect } from '../panels/RunBar';
import { useTrainingContextValue } from '../panels/TrainingPanel';
import { useStore } from '../store';
import { TrainingProvider } from '../training/context';
import { SettingField } from '../training/SettingField';
import { linkHash } from '../url/sync';
import { isChart, type ChartPanel, type EmbedView as View } from '../url/embed';
import '../charts/charts.css';
import '../viz/output.css';
import '../training/training.css';
import './embed.css';

export function EmbedView({ view }: { view: View }) {
  const m = useMessages();
  const charts = view.panels.filter(isChart);
  const others = view.panels.filter((p) => !isChart(p));
  // charts side by side in two columns when there are more than two of them, or no other panel
  const chartColumns = charts.length > 2 || (others.length === 0 && charts.length === 2) ? 2 : 1;
  // the output as wide as it is tall; the rest share what is left
  // the panels' height (the frame's less the bar, however many lines the bar takes): the output's size
  const grid = useRef<HTMLElement>(null);
  const height = useHeight(grid);
  const columns = [...others.map((p) => (p === 'output' ? 'auto' : 'minmax(0, 1fr)')), ...(charts.length > 0 ? ['minmax(0, 1fr)'] : [])];
  return (
    <div className="embed" aria-label={m.view.embedLabel} data-testid="embed">
      <EmbedBar controls={view.controls} />
      <Notices />
      <main ref={grid} className="embed-grid" style={{ gridTemplateColumns: columns.join(' '), ['--embed-height' as string]: height === null ? undefined : `${height}px` }}>
        {others.map((panel) => (
          <div key={panel} className={`embed-cell embed-${panel}`} data-panel={panel}>
            {panel === 'output' && <EmbedOutput />}
            {panel === 'model' && <ModelPanel />}
            {panel === 'code' && <CodePanel />}
          </div>
        ))}
        {charts.length > 0 && <EmbedCharts charts={charts} columns={chartColumns} />}
      </main>
    </div>
  );
}

function useHeight(ref: RefObject<HTMLElement | null>): number | null {
  const [height, setHeight] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(Math.round(element.clientHeight)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}

function EmbedOutput() {
  return (
    <div className="embed-picture output" data-testid="output-panel">
      <OutputPicture />
    </div>
  );
}

function EmbedCharts({ charts, columns }: { charts: ChartPanel[]; columns: number }) {
  return (
    <div className="embed-cell embed-charts curves-grid" data-panel="charts" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${Math.ceil(charts.length / columns)}, auto minmax(0, 1fr))` }}>
      <ChartCards charts={charts} />
    </div>
  );
}

/** Play, step, reset, speed and the learning rate as the link keeps them; the run's numbers; the way to the whole page. */
function EmbedBar({ controls }: { controls: View['controls'] }) {
  const m = useMessages();
  const language = useLanguage();
  const { status, latestEvaluation, latestStep, epochs, config, lesson } = useStore(
    useShallow((s) => ({
      status: s.status,
      latestEvaluation: s.latestEvaluation,
      latestStep: s.latestStep,
      epochs: s.config.training.epochs,
      config: s.config,
      lesson: s.lesson,
    })),
  );
  const has = (c: View['controls'][number]) => controls.includes(c);
  const playing = status?.playing ?? false;
  const canTrain = status !== null && status.state !== 'error' && status.state !== 'diverged' && status.state !== 'finished' && status.state !== 'earlyStopped';
  const classification = latestEvaluation?.validation.classification !== undefined;
  const trainLoss = shownTrainLoss(status, latestEvaluation, latestStep);
  const full = `${window.location.pathname}${window.location.search}#${linkHash(useStore.getState(), true, null)}`;
  return (
    <section id="run-bar" className="embed-bar" aria-label={m.run.runControls}>
      {has('play') && (
        <button type="button" className="button button-primary run-play" onClick={() => void training.togglePlay()} disabled={!playing && !canTrain}>
          {playing ? <PauseIcon /> : <PlayIcon />} {playing ? m.common.pause : m.common.play}
        </button>
      )}
      {has('step') && (
        <button type="button" className="button" onClick={() => void training.step(1)} disabled={!canTrain} title={m.run.stepBatchTip}>
          <StepIcon /> {m.common.step}
        </button>
      )}
      {has('reset') && (
        <button type="button" className="button" onClick={() => void training.reset()} title={m.run.resetTip} aria-label={m.common.reset}>
          <ResetIcon />
        </button>
      )}
      {has('speed') && (
        <SpeedSelect nameHidden />
      )}
      {has('lr') && <EmbedLearningRate />}
      {has('numbers') && (
        <dl className="embed-numbers">
          <div>
            <dt>{m.run.epoch}</dt>
            <dd data-testid="epoch">
              {formatNumber(language, status?.epoch ?? 0)}
              <span className="run-of">/{formatNumber(language, epochs)}</span>
            </dd>
          </div>
          <div>
            <dt>{m.run.trainLoss}</dt>
            <dd data-testid="train-loss" data-diverged={trainLoss.diverged || undefined} title={trainLoss.diverged ? m.run.divergedLossTip : undefined}>
              {formatLoss(trainLoss.value)}
            </dd>
          </div>
          <div>
            <dt>{classification ? m.run.valAcc : m.run.valR2}</dt>
            <dd data-testid="val-acc">
              {classification ? formatPercent(latestEvaluation?.validation.classification?.accuracy) : formatLoss(latestEvaluation?.validation.regression?.r2)}
            </dd>
          </div>
        </dl>
      )}
      <span className="embed-state" data-testid="status" data-state={status?.state ?? 'starting'}>
        <span className="run-state-dot" aria-hidden="true" />
        <span className="embed-state-text">{describeState(m, status)}</span>
      </span>
      <a className="embed-open" href={full} target="_blank" rel="noopener">
        {m.view.openFull} ↗
      </a>
    </section>
  );
}

function EmbedLearningRate() {
  const value = useTrainingContextValue();
  return (
    <div className="embed-lr">
      <TrainingProvider value={value}>
        <SettingField path="optimizer.lr" />
      </TrainingProvider>
    </div>
  );
}
