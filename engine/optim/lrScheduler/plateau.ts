/** `torch.optim.lr_scheduler.ReduceLROnPlateau` (torch 1.13). */
import type { Tensor } from '../../tensor';
import type { Optimizer } from '../optimizer';
import { perGroup, type SchedulerStateDict } from './scheduler';

export interface ReduceLROnPlateauOptions {
  /** 'min': the metric should go down (a loss); 'max': up (an accuracy). Default 'min'. */
  mode?: 'min' | 'max';
  /** new lr = lr × factor. Default 0.1. */
  factor?: number;
  /** Steps without improvement to put up with before reducing. Default 10. */
  patience?: number;
  /** How much better counts as better. Default 1e-4. */
  threshold?: number;
  /** 'rel': better than best·(1 ∓ threshold); 'abs': better than best ∓ threshold. Default 'rel'. */
  thresholdMode?: 'rel' | 'abs';
  /** Steps to wait after a reduction before counting again. Default 0. */
  cooldown?: number;
  /** The rate never goes below this (one per group, or one for all). Default 0. */
  minLr?: number | readonly number[];
  /** Reductions smaller than this are skipped. Default 1e-8. */
  eps?: number;
}

/**
 * Cuts the learning rate by `factor` once the metric passed to `step(metric)` has not improved for
 * more than `patience` steps:  η ← max(η·factor, minLr), unless that changes η by less than eps.
 * Not a step-count schedule: it watches a number (usually the validation loss).
 */
export class ReduceLROnPlateau {
  readonly optimizer: Optimizer;
  readonly mode: 'min' | 'max';
  readonly factor: number;
  readonly patience: number;
  readonly threshold: number;
  readonly thresholdMode: 'rel' | 'abs';
  readonly cooldown: number;
  readonly minLrs: number[];
  readonly eps: number;
  /** The best metric so far (±Infinity before the first step). */
  best: number;
  numBadEpochs = 0;
  cooldownCounter = 0;
  lastEpoch = 0;
  private lastLr: number[];

  constructor(optimizer: Optimizer, options: ReduceLROnPlateauOptions = {}) {
    this.optimizer = optimizer;
    this.factor = options.factor ?? 0.1;
    if (!(this.factor < 1)) throw new Error(`Factor should be < 1.0; got ${this.factor}`);
    this.mode = options.mode ?? 'min';
    if (this.mode !== 'min' && this.mode !== 'max') {
      throw new Error(`mode must be 'min' or 'max'; got '${String(this.mode)}'`);
    }
    this.thresholdMode = options.thresholdMode ?? 'rel';
    if (this.thresholdMode !== 'rel' && this.thresholdMode !== 'abs') {
      throw new Error(`thresholdMode must be 'rel' or 'abs'; got '${String(this.thresholdMode)}'`);
    }
    this.patience = options.patience ?? 10;
    this.threshold = options.threshold ?? 1e-4;
    this.cooldown = options.cooldown ?? 0;
    this.minLrs = perGroup(optimizer, 'minLr', options.minLr ?? 0);
    this.eps = options.eps ?? 1e-8;
    this.best = this.worst;
    this.lastLr = optimizer.paramGroups.map((group) => group.lr);
  }

  /** Records this step's metric (e.g. the validation loss) and reduces the rate if it has stalled. */
  step(metric: number | Tensor): void {
    const current = typeof metric === 'number' ? metric : metric.item();
    this.lastEpoch += 1;
    if (this.isBetter(current)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0; // bad steps during the cooldown do not count
    }
    if (this.numBadEpochs > this.patience) {
      this.reduceLr();
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.lastLr = this.optimizer.paramGroups.map((group) => group.lr);
  }

  getLastLr(): number[] {
    return this.lastLr.slice();
  }

  /** JSON-serialisable; `best` is null while there is none (JSON has no Infinity). */
  stateDict(): SchedulerStateDict {
    return {
      best: Number.isFinite(this.best) ? this.best : null,
      numBadEpochs: this.numBadEpochs,
      cooldownCounter: this.cooldownCounter,
      lastEpoch: this.lastEpoch,
      lastLr: this.lastLr.slice(),
    };
  }

  loadStateDict(stateDict: SchedulerStateDict): void {
    this.best = typeof stateDict.best === 'number' ? stateDict.best : this.worst;
    this.numBadEpochs = stateDict.numBadEpochs as number;
    this.cooldownCounter = stateDict.cooldownCounter as number;
    this.lastEpoch = stateDict.lastEpoch as number;
    this.lastLr = (stateDict.lastLr as number[]).slice();
  }

  private get worst(): number {
    return this.mode === 'min' ? Infinity : -Infinity;
  }

  private isBetter(value: number): boolean {
    const { best, threshold } = this;
    const relative = this.thresholdMode === 'rel';
    if (this.mode === 'min') return relative ? value < best * (1 - threshold) : value < best - threshold;
    return relative ? value > best * (threshold + 1) : value > best + threshold;
  }

  private reduceLr(): void {
    this.optimizer.paramGroups.forEach((group, i) => {
      const newLr = Math.max(group.lr * this.factor, this.minLrs[i]);
      if (group.lr - newLr > this.eps) group.lr = newLr;
    });
  }
}
