/** `torch.optim.lr_scheduler.CosineAnnealingLR` (torch 1.13's recursive form). */
import type { Optimizer } from '../optimizer';
import { LRScheduler } from './scheduler';

/**
 * Follows half a cosine from the starting rate η₀ down to `etaMin` over `tMax` steps (and back up
 * over the next `tMax`, if training goes on):
 *
 *   η_t = η_min + ½(η₀ − η_min)(1 + cos(π t / T_max))
 *
 * computed, as torch does, from the previous rate — η_t = η_min + (η_{t−1} − η_min)·(1 + cos(πt/T))
 * / (1 + cos(π(t−1)/T)) — so that numbers match torch's and a hand-set `lr` is carried on.
 * Default: etaMin 0.
 */
export class CosineAnnealingLR extends LRScheduler {
  readonly tMax: number;
  readonly etaMin: number;

  constructor(optimizer: Optimizer, options: { tMax: number; etaMin?: number }) {
    super(optimizer);
    if (!(options.tMax > 0)) throw new Error(`CosineAnnealingLR's tMax must be at least 1 step; got ${options.tMax}`);
    this.tMax = options.tMax;
    this.etaMin = options.etaMin ?? 0;
    this.start();
  }

  protected computeLr(): number[] {
    const { tMax, etaMin, lastEpoch: t } = this;
    if (t === 0) return this.groups.map((group) => group.lr);
    // At the bottom of the cosine the ratio below would be 0/0: torch steps by the first increment instead.
    if ((t - 1 - tMax) % (2 * tMax) === 0) {
      return this.groups.map(
        (group, i) => group.lr + ((this.baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2,
      );
    }
    return this.groups.map(
      (group) =>
        ((1 + Math.cos((Math.PI * t) / tMax)) / (1 + Math.cos((Math.PI * (t - 1)) / tMax))) * (group.lr - etaMin) +
        etaMin,
    );
  }

  protected closedFormLr(): number[] {
    const { tMax, etaMin, lastEpoch: t } = this;
    return this.baseLrs.map((baseLr) => etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * t) / tMax))) / 2);
  }
}
