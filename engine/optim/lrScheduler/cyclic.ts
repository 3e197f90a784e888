/** `torch.optim.lr_scheduler.CyclicLR` (torch 1.13, plus torch 2's β₁ cycling for Adam). */
import type { Optimizer } from '../optimizer';
import { momentumField, readMomentum, writeMomentum, type MomentumField } from './momentum';
import { LRScheduler, perGroup } from './scheduler';

export type CyclicMode = 'triangular' | 'triangular2' | 'exp_range';

export interface CyclicLROptions {
  /** The bottom of the cycle (one per group, or one for all); also the starting rate. */
  baseLr: number | readonly number[];
  /** The top of the cycle. */
  maxLr: number | readonly number[];
  /** Steps from bottom to top. Default 2000. */
  stepSizeUp?: number;
  /** Steps from top to bottom. Default: stepSizeUp. */
  stepSizeDown?: number;
  /** triangular: same height every cycle; triangular2: half as high each cycle; exp_range: height × gammaᵗ. */
  mode?: CyclicMode;
  /** For exp_range. Default 1. */
  gamma?: number;
  /** A custom height factor in [0, 1]; replaces `mode`. */
  scaleFn?: (x: number) => number;
  /** Whether scaleFn is given the cycle number or the step. Default 'cycle'. */
  scaleMode?: 'cycle' | 'iterations';
  /** Cycle momentum (β₁ for Adam) inversely to the rate. Default true. */
  cycleMomentum?: boolean;
  baseMomentum?: number | readonly number[];
  maxMomentum?: number | readonly number[];
}

/**
 * Cyclical learning rates (Smith): the rate climbs linearly from baseLr to maxLr over stepSizeUp
 * steps, falls back over stepSizeDown, and repeats:
 *
 *   cycle = ⌊1 + t/(up + down)⌋,  x = 1 + t/(up + down) − cycle
 *   h = x / r if x ≤ r, else (x − 1)/(r − 1)          (r = up/(up + down))
 *   η = η_base + (η_max − η_base)·h·scale;   momentum = m_max − (m_max − m_base)·h·scale
 */
export class CyclicLR extends LRScheduler {
  readonly maxLrs: number[];
  readonly totalSize: number;
  readonly stepRatio: number;
  readonly mode: CyclicMode;
  readonly gamma: number;
  readonly scaleMode: 'cycle' | 'iterations';
  readonly cycleMomentum: boolean;
  baseMomentums: number[] = [];
  maxMomentums: number[] = [];
  private readonly customScale: ((x: number) => number) | null;
  private readonly momentumField: MomentumField | null;

  constructor(optimizer: Optimizer, options: CyclicLROptions) {
    super(optimizer);
    const baseLrs = perGroup(optimizer, 'baseLr', options.baseLr);
    optimizer.paramGroups.forEach((group, i) => {
      group.lr = baseLrs[i];
    });
    this.maxLrs = perGroup(optimizer, 'maxLr', options.maxLr);
    const up = options.stepSizeUp ?? 2000;
    const down = options.stepSizeDown ?? up;
    if (!(up > 0 && down >= 0)) {
      throw new Error(`CyclicLR needs stepSizeUp > 0 and stepSizeDown ≥ 0; got ${up} and ${down}`);
    }
    this.totalSize = up + down;
    this.stepRatio = up / this.totalSize;
    this.mode = options.mode ?? 'triangular';
    if (!['triangular', 'triangular2', 'exp_range'].includes(this.mode) && options.scaleFn === undefined) {
      throw new Error(`CyclicLR mode must be 'triangular', 'triangular2' or 'exp_range'; got '${this.mode}'`);
    }
    this.gamma = options.gamma ?? 1;
    this.customScale = options.scaleFn ?? null;
    this.scaleMode = options.scaleFn
      ? (options.scaleMode ?? 'cycle')
      : this.mode === 'exp_range'
        ? 'iterations'
        : 'cycle';

    this.cycleMomentum = options.cycleMomentum ?? true;
    this.momentumField = this.cycleMomentum ? momentumField(optimizer, 'CyclicLR') : null;
    if (this.momentumField !== null) {
      const field = this.momentumField;
      const baseMomentums = perGroup(optimizer, 'baseMomentum', options.baseMomentum ?? 0.8);
      optimizer.paramGroups.forEach((group, i) => writeMomentum(group, field, baseMomentums[i]));
      this.baseMomentums = optimizer.paramGroups.map((group) => readMomentum(group, field));
      this.maxMomentums = perGroup(optimizer, 'maxMomentum', options.maxMomentum ?? 0.9);
    }
    this.start();
    // As torch 1.13 does: the first step used the groups' initialLr, later steps use baseLr.
    this.baseLrs = baseLrs;
  }

  protected computeLr(): number[] {
    const t = this.lastEpoch;
    const cycle = Math.floor(1 + t / this.totalSize);
    const x = 1 + t / this.totalSize - cycle;
    const height = x <= this.stepRatio ? x / this.stepRatio : (x - 1) / (this.stepRatio - 1);
    const scale = this.scale(this.scaleMode === 'cycle' ? cycle : t);
    const lrs = this.baseLrs.map((baseLr, i) => baseLr + (this.maxLrs[i] - baseLr) * height * scale);
    if (this.momentumField !== null) {
      const field = this.momentumField;
      this.groups.forEach((group, i) => {
        const baseMomentum = this.baseMomentums[i];
        const maxMomentum = this.maxMomentums[i];
        writeMomentum(group, field, maxMomentum - (maxMomentum - baseMomentum) * height * scale);
      });
    }
    return lrs;
  }

  private scale(x: number): number {
    if (this.customScale !== null) return this.customScale(x);
    if (this.mode === 'triangular2') return 1 / 2 ** (x - 1);
    if (this.mode === 'exp_range') return this.gamma ** x;
    return 1;
  }
}
