/**
 * The activation statistics under each hidden layer (mean, spread and dead share of its outputs on
 * the validation set) and when they deserve a warning: many dead ReLUs, outputs that explode (a
 * too-large initialisation) or fade to nothing (a too-small one). Pure; tested in stats.test.ts.
 */
import type { ActivationStats } from '../../engine/train/metrics';

/** Share of dead units from which the layer is flagged (a few dead ReLUs are common and harmless). */
export const DEAD_WARNING = 0.5;
/** Output spread from which the layer is said to explode. */
export const EXPLODING_STD = 10;
/** Output spread under which the signal is said to fade (a live layer that barely moves). */
export const FADING_STD = 1e-3;

export type LayerWarning = 'dead' | 'exploding' | 'fading';

export interface LayerHealth {
  mean: string;
  std: string;
  dead: string;
  warnings: LayerWarning[];
}

/**
 * The statistics of each hidden layer, in order; all null when they do not match the layers drawn
 * (Identity has none; an evaluation of the previous network lingers until the restarted run's first).
 */
export function statsByLayer(activations: readonly ActivationStats[] | null | undefined, hidden: number): Array<ActivationStats | null> {
  if (!activations || activations.length !== hidden) return Array.from({ length: hidden }, () => null);
  return activations.slice();
}

export function layerHealth(stats: ActivationStats): LayerHealth {
  const warnings: LayerWarning[] = [];
  if (stats.deadFraction >= DEAD_WARNING) warnings.push('dead');
  if (!Number.isFinite(stats.std) || !Number.isFinite(stats.mean) || stats.std >= EXPLODING_STD) warnings.push('exploding');
  else if (stats.std < FADING_STD && stats.deadFraction < 1) warnings.push('fading');
  return { mean: compactNumber(stats.mean), std: compactNumber(stats.std), dead: compactPercent(stats.deadFraction), warnings };
}

const MINUS = '\u2212';

/** A number in at most ~5 characters: 2 significant digits, an exponent when very large or small. */
export function compactNumber(value: number): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : `${MINUS}∞`;
  if (value === 0) return '0';
  const a = Math.abs(value);
  const sign = value < 0 ? MINUS : '';
  let text: string;
  if (a >= 1000 || a < 1e-3) text = a.toExponential(1).replace('e+', 'e').replace('.0e', 'e').replace('e-', `e${MINUS}`);
  else if (a >= 100) text = String(Math.round(a));
  else text = String(Number(a.toPrecision(2)));
  return sign + text;
}

/** A share as a whole percent; "<1%" rather than "0%" when some are. */
export function compactPercent(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  const percent = Math.round(100 * share);
  return percent === 0 ? '<1%' : `${percent}%`;
}
