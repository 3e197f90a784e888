/**
 * Schedules that multiply the learning rate by a factor at set steps: StepLR, MultiStepLR,
 * ExponentialLR, LinearLR. Each works on the group's current `lr` (torch 1.13's chainable form).
 */
import type { Optimizer } from '../optimizer';
import { LRScheduler } from './scheduler';

/**
 * Multiplies the learning rate by `gamma` every `stepSize` steps:
 *   η ← η·γ when t > 0 and t mod stepSize = 0   (closed form η₀·γ^⌊t/stepSize⌋)
 */
export class StepLR extends LRScheduler {
  readonly stepSize: number;
  readonly gamma: number;

  constructor(optimizer: Optimizer, options: { stepSize: number; gamma?: number }) {
    super(optimizer);
    if (!(Number.isInteger(options.stepSize) && options.stepSize > 0)) {
      throw new Error(`StepLR's stepSize must be a whole number of steps ≥ 1; got ${options.stepSize}`);
    }
    this.stepSize = options.stepSize;
    this.gamma = options.gamma ?? 0.1;
    this.start();
  }

  protected computeLr(): number[] {
    const decays = this.lastEpoch !== 0 && this.lastEpoch % this.stepSize === 0;
    return this.groups.map((group) => (decays ? group.lr * this.gamma : group.lr));
  }

  protected closedFormLr(): number[] {
    return this.baseLrs.map((baseLr) => baseLr * this.gamma ** Math.floor(this.lastEpoch / this.stepSize));
  }
}

/**
 * Multiplies the learning rate by `gamma` at each milestone step (twice if listed twice):
 *   η ← η·γ^(times t appears in milestones)
 */
export class MultiStepLR extends LRScheduler {
  readonly milestones: number[];
  readonly gamma: number;

  constructor(optimizer: Optimizer, options: { milestones: readonly number[]; gamma?: number }) {
    super(optimizer);
    this.milestones = [...options.milestones].sort((a, b) => a - b);
    this.gamma = options.gamma ?? 0.1;
    this.start();
  }

  protected computeLr(): number[] {
    const hits = this.milestones.filter((milestone) => milestone === this.lastEpoch).length;
    return this.groups.map((group) => (hits === 0 ? group.lr : group.lr * this.gamma ** hits));
  }

  protected closedFormLr(): number[] {
    const passed = this.milestones.filter((milestone) => milestone <= this.lastEpoch).length;
    return this.baseLrs.map((baseLr) => baseLr * this.gamma ** passed);
  }
}

/** Multiplies the learning rate by `gamma` every step: η ← η·γ (closed form η₀·γᵗ). */
export class ExponentialLR extends LRScheduler {
  readonly gamma: number;

  constructor(optimizer: Optimizer, options: { gamma: number }) {
    super(optimizer);
    this.gamma = options.gamma;
    this.start();
  }

  protected computeLr(): number[] {
    return this.groups.map((group) => (this.lastEpoch === 0 ? group.lr : group.lr * this.gamma));
  }

  protected closedFormLr(): number[] {
    return this.baseLrs.map((baseLr) => baseLr * this.gamma ** this.lastEpoch);
  }
}

/**
 * Changes the learning rate linearly from startFactor·η₀ to endFactor·η₀ over `totalIters` steps,
 * then holds it (the usual warm-up):  η_t = η₀·(s + (e − s)·min(t, T)/T).
 * Defaults: startFactor 1/3, endFactor 1, totalIters 5.
 */
export class LinearLR extends LRScheduler {
  readonly startFactor: number;
  readonly endFactor: number;
  readonly totalIters: number;

  constructor(optimizer: Optimizer, options: { startFactor?: number; endFactor?: number; totalIters?: number } = {}) {
    super(optimizer);
    this.startFactor = options.startFactor ?? 1 / 3;
    this.endFactor = options.endFactor ?? 1;
    this.totalIters = options.totalIters ?? 5;
    // torch 1.13 allows a start factor of 0, which then divides by zero; torch 2 forbids it.
    if (!(this.startFactor > 0 && this.startFactor <= 1)) {
      throw new Error(
        `Starting multiplicative factor expected to be greater than 0 and at most 1; got ${this.startFactor}`,
      );
    }
    if (!(this.endFactor >= 0 && this.endFactor <= 1)) {
      throw new Error(`Ending multiplicative factor expected to be between 0 and 1; got ${this.endFactor}`);
    }
    this.start();
  }

  protected computeLr(): number[] {
    const { startFactor: s, endFactor: e, totalIters: total, lastEpoch: t } = this;
    if (t === 0) return this.groups.map((group) => group.lr * s);
    if (t > total) return this.groups.map((group) => group.lr);
    return this.groups.map((group) => group.lr * (1 + (e - s) / (total * s + (t - 1) * (e - s))));
  }

  protected closedFormLr(): number[] {
    const { startFactor: s, endFactor: e, totalIters: total, lastEpoch: t } = this;
    return this.baseLrs.map((baseLr) => baseLr * (s + ((e - s) * Math.min(total, t)) / total));
  }
}
