import type { EvaluationRecord, StepRecord } from '../../engine/train/trainer';
import type { SessionStatus } from '../../workers/session';

/** How numbers read on the page: losses to 3 significant digits, accuracy in percent. */
export function formatLoss(value: number | undefined | null): string {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const a = Math.abs(value);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return value.toExponential(2).replace('e+', 'e');
  return value.toFixed(a >= 100 ? 1 : 3);
}

export function formatPercent(value: number | undefined | null): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '–';
  return `${(100 * value).toFixed(1)}%`;
}

/** The run's newest training loss, as the run bar shows it; `diverged` when it is the loss that stopped the run. */
export interface ShownTrainLoss {
  value: number | undefined;
  diverged: boolean;
}

/**
 * The training loss to show beside Play: the newest there is, so that a loss that shoots up is
 * seen where the eye is. A diverged run shows the loss that stopped it (NaN, ∞, or the value
 * that took the smoothed loss past the limit); while an epoch runs, the mean of its batches so
 * far, as Keras's progress bar (at the epoch's end it equals the epoch's point on the chart);
 * otherwise the last evaluation's (before the first step: the pass over the training set).
 */
export function shownTrainLoss(
  status: Pick<SessionStatus, 'state' | 'divergedLoss'> | null,
  evaluation: Pick<EvaluationRecord, 'step' | 'train'> | null,
  step: Pick<StepRecord, 'step' | 'runningLoss'> | null,
): ShownTrainLoss {
  if (status?.state === 'diverged' && status.divergedLoss !== null) return { value: status.divergedLoss, diverged: true };
  if (step !== null && (evaluation === null || step.step > evaluation.step)) return { value: step.runningLoss, diverged: false };
  return { value: evaluation?.train.loss, diverged: false };
}
