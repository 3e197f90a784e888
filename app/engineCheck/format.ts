/** How the engine check writes its numbers: fixed decimals, so values keep their width as they change. */
import type { DemoPhase } from './engineDemo';

/** Shown where there is no value yet. */
export const NO_VALUE = '–';

export function formatLoss(loss: number | null): string {
  if (loss === null) return NO_VALUE;
  return Number.isFinite(loss) ? loss.toFixed(3) : String(loss);
}

export function formatAccuracy(accuracy: number | null): string {
  return accuracy === null || !Number.isFinite(accuracy) ? NO_VALUE : `${(accuracy * 100).toFixed(1)}%`;
}

export function formatEpoch(completed: number, total: number): string {
  return `${completed} / ${total}`;
}

export const PHASE_LABELS: Record<DemoPhase, string> = {
  starting: 'Starting…',
  training: 'Training',
  paused: 'Paused',
  ready: 'Ready',
  finished: 'Finished',
  earlyStopped: 'Stopped early',
  diverged: 'Diverged',
  error: 'Stopped',
};
