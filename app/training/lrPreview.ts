/**
 * The learning-rate curve a schedule will produce, computed with the engine's own schedulers: a
 * dummy `optim.SGD` over one tensor, the scheduler built exactly as a run builds it
 * (engine/train/build.ts `buildScheduler`, warm-up included), then `scheduler.step()` once per
 * epoch or batch, reading `param_groups[0]['lr']` before each step as the trainer would use it.
 *
 * Long runs are stepped in slices (`advance`), so the page never blocks; the curve is kept as a
 * min/max envelope over at most `buckets` columns, which is all a small sparkline can show and
 * keeps cyclic schedules from aliasing into a wrong shape.
 *
 * This module pulls in the engine, so the page loads it lazily (see useLrPreview).
 */
import { Tensor } from '../../engine/tensor';
import * as optim from '../../engine/optim';
import { buildScheduler } from '../../engine/train/build';
import type { SchedulerConfig } from '../../engine/train/config';

export interface LrPreviewInput {
  scheduler: SchedulerConfig;
  /** the optimizer's learning rate: the schedule's base */
  lr: number;
  epochs: number;
  /** batches per epoch (`len(train_loader)`) */
  stepsPerEpoch: number;
}

export interface LrPreview {
  /** what one point on the x axis is: an epoch or a batch */
  unit: 'epoch' | 'step';
  /** scheduler steps in the whole run */
  total: number;
  /** how many of them the curve covers (fewer than `total` only past `maxSteps`) */
  shown: number;
  /** per column of the sparkline, the smallest and largest learning rate in it */
  min: Float64Array;
  max: Float64Array;
  first: number;
  last: number;
  peak: number;
  low: number;
  /** ReduceLROnPlateau: the curve depends on the validation loss, so only its start can be drawn */
  dependsOnValidation: boolean;
}

export interface LrPreviewOptions {
  /** columns of the envelope (default 160) */
  buckets?: number;
  /** stop after this many scheduler steps (default 1,000,000) */
  maxSteps?: number;
}

/** The schedule's x axis: ReduceLROnPlateau and "none" count epochs; the others, their `interval`. */
export function previewUnit(scheduler: SchedulerConfig): 'epoch' | 'step' {
  return scheduler.type === 'none' || scheduler.type === 'reduceLROnPlateau' ? 'epoch' : scheduler.interval;
}

export class LrPreviewRun {
  private readonly optimizer: optim.Optimizer;
  private readonly handle: ReturnType<typeof buildScheduler>;
  private readonly unit: 'epoch' | 'step';
  private readonly total: number;
  private readonly shown: number;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly dependsOnValidation: boolean;
  private t = 0;
  private first = Number.NaN;
  private last = Number.NaN;

  constructor(input: LrPreviewInput, options: LrPreviewOptions = {}) {
    const epochs = Math.max(1, Math.floor(input.epochs));
    const perEpoch = Math.max(1, Math.floor(input.stepsPerEpoch));
    this.unit = previewUnit(input.scheduler);
    this.total = this.unit === 'step' ? epochs * perEpoch : epochs;
    this.shown = Math.min(this.total, options.maxSteps ?? 1_000_000);
    const buckets = Math.max(1, Math.min(this.shown, options.buckets ?? 160));
    this.min = new Float64Array(buckets).fill(Infinity);
    this.max = new Float64Array(buckets).fill(-Infinity);
    this.dependsOnValidation = input.scheduler.type === 'reduceLROnPlateau';
    this.optimizer = new optim.SGD([new Tensor(new Float32Array(1), [1])], { lr: input.lr });
    // ReduceLROnPlateau only moves when told a validation loss: its preview is the flat start.
    this.handle = this.dependsOnValidation ? null : buildScheduler(input.scheduler, this.optimizer, epochs, perEpoch);
  }

  get done(): boolean {
    return this.t >= this.shown;
  }

  /** Runs up to `steps` more scheduler steps; true when the curve is complete. */
  advance(steps: number): boolean {
    const end = Math.min(this.shown, this.t + steps);
    const buckets = this.min.length;
    const group = this.optimizer.paramGroups[0];
    for (; this.t < end; this.t++) {
      if (this.t > 0) this.handle?.step(Number.NaN); // plateau never gets here; the others ignore the loss
      const lr = group.lr;
      const b = Math.floor((this.t * buckets) / this.shown);
      if (lr < this.min[b]) this.min[b] = lr;
      if (lr > this.max[b]) this.max[b] = lr;
      if (this.t === 0) this.first = lr;
      this.last = lr;
    }
    return this.done;
  }

  result(): LrPreview {
    let peak = -Infinity;
    let low = Infinity;
    for (let b = 0; b < this.min.length; b++) {
      if (this.max[b] > peak) peak = this.max[b];
      if (this.min[b] < low) low = this.min[b];
    }
    return {
      unit: this.unit,
      total: this.total,
      shown: this.shown,
      min: this.min.slice(),
      max: this.max.slice(),
      first: this.first,
      last: this.last,
      peak,
      low,
      dependsOnValidation: this.dependsOnValidation,
    };
  }
}

/** The whole preview at once (tests, short runs). */
export function computeLrPreview(input: LrPreviewInput, options: LrPreviewOptions = {}): LrPreview {
  const run = new LrPreviewRun(input, options);
  run.advance(Infinity);
  return run.result();
}
