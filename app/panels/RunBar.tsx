/**
 * The run bar: Play/Pause, Step (shift-click or the menu for an epoch), Reset, speed, and what the
 * run is doing — epoch, step, samples seen, throughput, the latest losses, and its state.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import * as training from '../bridge/training';
import { InfoTip } from '../controls/fields';
import { formatNumber, useLanguage, useMessages } from '../i18n';
import { SPEEDS } from '../bridge/pace';
import { useStore, type Speed } from '../store';
import { formatLoss, formatPercent, shownTrainLoss } from './format';
import { ChevronIcon, PauseIcon, PlayIcon, ResetIcon, StepIcon } from './icons';
import './runBar.css';

export function RunBar() {
  const m = useMessages();
  const language = useLanguage();
  const { status, latestEvaluation, latestStep, epochs, sweepState, sweepRuns } = useStore(
    useShallow((s) => ({
      status: s.status,
      latestEvaluation: s.latestEvaluation,
      latestStep: s.latestStep,
      epochs: s.config.training.epochs,
      sweepState: s.sweep?.state ?? 'done',
      sweepRuns: s.sweep?.runIds.length ?? 0,
    })),
  );
  const [menuOpen, setMenuOpen] = useState(false);
  // while values are compared, Play and Pause are the comparison's
  const comparing = sweepState !== 'done';
  const playing = comparing ? sweepState === 'running' : (status?.playing ?? false);
  const canTrain = comparing || (status !== null && status.state !== 'error' && status.state !== 'diverged' && status.state !== 'finished' && status.state !== 'earlyStopped');
  const evaluation = latestEvaluation;
  const classification = evaluation?.validation.classification !== undefined;
  // the numbers beside are the paused run's; the state says what trains now
  const stateText = comparing ? m.run.comparing(sweepRuns, sweepState === 'running') : describeState(m, status);
  const number = (v: number) => formatNumber(language, v);
  const trainLoss = shownTrainLoss(status, evaluation, latestStep);

  return (
    <section id="run-bar" className="run-bar" aria-label={m.run.runControls}>
      <div className="run-buttons">
        <button
          type="button"
          className="button button-primary run-play"
          onClick={() => void training.togglePlay()}
          disabled={!playing && !canTrain}
          title={m.run.playTip}
        >
          {playing ? <PauseIcon /> : <PlayIcon />} {playing ? m.common.pause : m.common.play}
        </button>
        <div className="run-step-group">
          <button
            type="button"
            className="button"
            onClick={(e) => void training.step(e.shiftKey ? 'epoch' : 1)}
            disabled={!canTrain || comparing}
            title={m.run.stepBatchTip}
          >
            <StepIcon /> {m.common.step}
          </button>
          <button
            type="button"
            className="button run-step-menu"
            aria-label={m.run.stepMenu}
            aria-expanded={menuOpen}
            aria-haspopup="menu"
            disabled={!canTrain || comparing}
            onClick={() => setMenuOpen((o) => !o)}
          >
            <ChevronIcon />
          </button>
          {menuOpen && (
            <div role="menu" className="run-menu" onKeyDown={(e) => e.key === 'Escape' && setMenuOpen(false)}>
              <button role="menuitem" type="button" autoFocus onClick={() => { setMenuOpen(false); void training.step(1); }} title={m.run.stepBatchTip}>
                {m.run.stepBatch}
              </button>
              <button role="menuitem" type="button" onClick={() => { setMenuOpen(false); void training.step('epoch'); }} title={m.run.stepEpochTip}>
                {m.common.stepEpoch}
              </button>
            </div>
          )}
        </div>
        <button type="button" className="button" onClick={() => void training.reset()} title={m.run.resetTip} aria-label={m.common.reset}>
          <ResetIcon /> <span className="run-reset-word">{m.common.reset}</span>
        </button>
        <SpeedSelect />
        <InfoTip text={`${m.run.speedTip} ${m.run.keyboard}`} label={m.run.speed} />
      </div>

      <dl className="run-numbers">
        <div>
          <dt>{m.run.epoch}</dt>
          <dd data-testid="epoch">
            {number(status?.epoch ?? 0)}
            <span className="run-of"> / {number(epochs)}</span>
          </dd>
        </div>
        <div className="run-secondary">
          <dt>{m.run.step}</dt>
          <dd data-testid="step">{number(status?.step ?? 0)}</dd>
        </div>
        <div className="run-optional">
          <dt>{m.run.samples}</dt>
          <dd data-testid="samples">{number(status?.samplesSeen ?? 0)}</dd>
        </div>
        <div className="run-optional">
          <dt>{m.run.throughput}</dt>
          <dd data-testid="throughput">{evaluation && evaluation.stepsPerSecond > 0 ? number(Math.round(evaluation.stepsPerSecond)) : '–'}</dd>
        </div>
        <div>
          <dt>{m.run.trainLoss}</dt>
          <dd data-testid="train-loss" data-diverged={trainLoss.diverged || undefined} title={trainLoss.diverged ? m.run.divergedLossTip : undefined}>
            {formatLoss(trainLoss.value)}
          </dd>
        </div>
        <div className="run-secondary">
          <dt>{m.run.valLoss}</dt>
          <dd data-testid="val-loss">{formatLoss(evaluation?.validation.loss)}</dd>
        </div>
        <div className="run-secondary">
          <dt>{classification ? m.run.trainAcc : m.run.trainR2}</dt>
          <dd data-testid="train-acc">
            {classification ? formatPercent(evaluation?.train.classification?.accuracy) : formatLoss(evaluation?.train.regression?.r2)}
          </dd>
        </div>
        <div>
          <dt>{classification ? m.run.valAcc : m.run.valR2}</dt>
          <dd data-testid="val-acc">
            {classification ? formatPercent(evaluation?.validation.classification?.accuracy) : formatLoss(evaluation?.validation.regression?.r2)}
          </dd>
        </div>
        <div className="run-secondary">
          <dt>{m.run.lr}</dt>
          <dd data-testid="lr">{latestStep ? formatLr(latestStep.lr) : '–'}</dd>
        </div>
        <div className="run-state">
          <dt className="visually-hidden">{m.run.stateLabel}</dt>
          <dd data-testid="status" data-state={status?.state ?? 'starting'}>
            <span className="run-state-dot" aria-hidden="true" />
            {stateText}
          </dd>
        </div>
      </dl>
    </section>
  );
}

export function formatLr(lr: number): string {
  if (lr === 0) return '0';
  return lr >= 1e-3 && lr < 100 ? String(Number(lr.toPrecision(3))) : lr.toExponential(2).replace('e+', 'e');
}

export function describeState(m: ReturnType<typeof useMessages>, status: ReturnType<typeof useStore.getState>['status']): string {
  if (status === null) return m.run.state.starting;
  switch (status.state) {
    case 'earlyStopped':
      return m.run.state.earlyStopped(status.epoch);
    case 'diverged':
      return m.run.state.diverged(status.divergedAtStep ?? status.step);
    default:
      return m.run.state[status.state];
  }
}

/** The speed's select with its name: shown beside it in the page's bar, for screen readers only in an embed's. */
export function SpeedSelect({ nameHidden = false }: { nameHidden?: boolean }) {
  const m = useMessages();
  const speed = useStore((s) => s.speed);
  return (
    <label className="run-speed">
      <span className={nameHidden ? 'visually-hidden' : undefined}>{m.run.speed}</span>
      <select value={speed} onChange={(e) => void training.setSpeed(e.target.value as Speed)}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {m.run.speeds[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
