/**
 * The training loop a careful PyTorch user writes, as a library that can be run one batch at a time
 * (so a worker can slice it) and that reports what happened at every step and evaluation:
 *
 *   for epoch in range(epochs):
 *       model.train()
 *       for xb, yb in train_loader:
 *           optimizer.zero_grad()            # unless the "zero_grad" switch is off
 *           loss = loss_fn(model(xb), yb)
 *           loss.backward()
 *           clip_grad_norm_(model.parameters(), max_norm)   # when clipping is on
 *           optimizer.step()
 *           scheduler.step()                 # per-step schedulers
 *       evaluate(); scheduler.step()         # per-epoch schedulers (ReduceLROnPlateau gets val loss)
 *       early stopping on the validation loss, keeping the best weights
 */
import type { Tensor } from '../tensor';
import { noGrad } from '../tensor';
import { stepScope } from '../arena';
import * as nn from '../nn';
import type { Optimizer } from '../optim';
import { clipGradNorm } from '../optim';
import type { DataLoader } from '../data';
import {
  activationStats,
  addRegression,
  classificationMetrics,
  countPredictions,
  emptyConfusion,
  emptyRegressionSums,
  metricsFromConfusion,
  metricsFromSums,
  regressionMetrics,
  type RegressionSums,
  type ActivationStats,
  type ClassificationMetrics,
  type RegressionMetrics,
} from './metrics';
import { LayerStats, type LayerParameters } from './layerStats';
import { DIVERGENCE_FACTOR, LOSS_SMOOTHING } from './divergence';

export type Task = 'classification' | 'regression';

/** Settings that may change while training runs (the "live" ones). */
export interface TrainerSettings {
  epochs: number;
  /** false reproduces the classic bug: gradients pile up across steps */
  zeroGrad: boolean;
  /** clip the global gradient norm to this value; null = no clipping */
  clipGradNorm: number | null;
  /** also evaluate every N steps (0 = only at the end of each epoch) */
  evalEverySteps: number;
  earlyStopping: { enabled: boolean; patience: number; minDelta: number; restoreBestWeights: boolean };
}

/** A learning-rate scheduler as the loop needs it. */
export interface SchedulerHandle {
  interval: 'epoch' | 'step';
  /** ReduceLROnPlateau reads the validation loss; the others ignore it. */
  step(validationLoss: number): void;
  /** Where the schedule stands, JSON-serialisable (a checkpoint): the steps taken, or ReduceLROnPlateau's fields. */
  state(): SchedulerState;
  /** Puts the schedule back where `state()` was (before the optimizer's own state is loaded). */
  load(state: SchedulerState): void;
}

export type SchedulerState = { steps: number } | { plateau: Record<string, unknown> };

export interface Split {
  x: Tensor;
  /** class indices (classification) or targets (regression) */
  y: Tensor;
}

export interface TrainerSetup {
  model: nn.Sequential;
  lossFn: nn.Module;
  optimizer: Optimizer;
  scheduler: SchedulerHandle | null;
  trainLoader: DataLoader<[Tensor, Tensor], [Tensor, Tensor]>;
  train: Split;
  validation: Split;
  task: Task;
  /** number of classes (classification) or outputs (regression) */
  outputs: number;
  /** turns a batch's targets into what the loss expects (e.g. one-hot for MSE on classes) */
  lossTarget?: (y: Tensor) => Tensor;
  /** changes a training batch's inputs in place (augmentation) */
  augment?: (x: Tensor) => void;
  settings: TrainerSettings;
}

export interface StepRecord {
  step: number;
  epoch: number;
  loss: number;
  /**
   * the mean loss of the batches since the last evaluation, weighted by batch size: what the next
   * evaluation reports as the training loss (at an epoch's end, the epoch's train loss), as Keras's
   * progress bar shows it while an epoch runs
   */
  runningLoss: number;
  /** the learning rate this step was taken with */
  lr: number;
  gradNorm: number;
  layerGradNorms: number[];
  updateRatios: number[];
}

export interface SplitMetrics {
  /**
   * 'running': averaged over the batches trained on since the last evaluation, in train mode, as a
   * PyTorch loop usually reports training loss (free: no second pass over the training set);
   * 'full': one pass over the whole split in eval mode.
   */
  kind: 'running' | 'full';
  loss: number;
  classification?: ClassificationMetrics;
  regression?: RegressionMetrics;
}

export interface EvaluationRecord {
  step: number;
  /** epochs completed when this evaluation ran (fractional for mid-epoch evaluations) */
  epoch: number;
  train: SplitMetrics;
  validation: SplitMetrics;
  activations: ActivationStats[];
  /** wall time of the last full epoch, and its throughput */
  epochTimeMs: number;
  stepsPerSecond: number;
}

export type RunState = 'ready' | 'running' | 'finished' | 'earlyStopped' | 'diverged';

export interface RunStatus {
  state: RunState;
  epoch: number;
  step: number;
  samplesSeen: number;
  bestEpoch: number | null;
  bestValidationLoss: number | null;
  /** for 'diverged': the step where the loss or the weights stopped being finite */
  divergedAtStep: number | null;
  /**
   * for 'diverged': the loss of that step's forward pass — NaN or ±∞, or the finite loss that took
   * the smoothed loss past the limit (the step was not taken: no backward, no optimizer step)
   */
  divergedLoss: number | null;
  reason: string | null;
}

export interface TrainerEvents {
  onStep?: (record: StepRecord) => void;
  onEvaluation?: (record: EvaluationRecord) => void;
  onStatus?: (status: RunStatus) => void;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class Trainer {
  readonly setup: TrainerSetup;
  private readonly events: TrainerEvents;
  private readonly layerStats: LayerStats;
  private iterator: Iterator<[Tensor, Tensor]> | null = null;
  private epochStart = 0;
  private stepsThisEpoch = 0;
  private lastEpochTimeMs = 0;
  private lastStepsPerSecond = 0;
  private evaluationsWithoutImprovement = 0;
  /**
   * The best epoch's state dict (parameters and buffers such as BatchNorm's running statistics),
   * as `copy.deepcopy(model.state_dict())`: the live tensors and a copy of each, made once.
   */
  private bestState: Array<[Tensor, Float32Array]> | null = null;
  private readonly parameters: Tensor[];
  /** training metrics of the batches since the last evaluation */
  private running = { lossSum: 0, count: 0, confusion: [] as number[][], sums: emptyRegressionSums() as RegressionSums };
  private firstLoss = NaN;
  private smoothedLoss = NaN;
  readonly status: RunStatus = {
    state: 'ready',
    epoch: 0,
    step: 0,
    samplesSeen: 0,
    bestEpoch: null,
    bestValidationLoss: null,
    divergedAtStep: null,
    divergedLoss: null,
    reason: null,
  };

  constructor(setup: TrainerSetup, events: TrainerEvents = {}) {
    this.setup = setup;
    this.events = events;
    this.parameters = setup.model.parameters();
    this.layerStats = new LayerStats(linearLayers(setup.model));
    this.resetRunning();
  }

  get settings(): TrainerSettings {
    return this.setup.settings;
  }

  /**
   * Where a checkpoint says the run stood (engine/train/checkpoint.ts): the steps and epochs done
   * and the best epoch so far. The next step starts a new epoch.
   */
  resumeAt(saved: Pick<RunStatus, 'epoch' | 'step' | 'samplesSeen' | 'bestEpoch' | 'bestValidationLoss'>, losses?: { first: number; smoothed: number }): void {
    const { epoch, step, samplesSeen, bestEpoch, bestValidationLoss } = saved;
    Object.assign(this.status, { epoch, step, samplesSeen, bestEpoch, bestValidationLoss });
    // the divergence test compares with the run's first loss, not the first after the resume
    // (a trained model's next batch may be near 0, and 3× that is soon passed by noise)
    if (losses && Number.isFinite(losses.first) && Number.isFinite(losses.smoothed)) {
      this.firstLoss = losses.first;
      this.smoothedLoss = losses.smoothed;
    }
    this.iterator = null;
    this.stepsThisEpoch = 0;
    this.evaluationsWithoutImprovement = 0;
    if (saved.bestValidationLoss !== null) this.saveBestWeights();
    this.resetRunning();
  }

  /** Whether another step can run (not finished, stopped or diverged). */
  get canStep(): boolean {
    return this.status.state === 'ready' || this.status.state === 'running';
  }

  /** One optimisation step on the next batch; also ends the epoch when the loader runs out. */
  step(): StepRecord | null {
    if (!this.canStep) return null;
    const { settings } = this.setup;
    if (this.status.epoch >= settings.epochs) {
      this.finish('finished', null);
      return null;
    }
    this.setState('running');
    if (this.iterator === null) this.startEpoch();
    // The step's op outputs come from the arena and go back to it at the end (engine/arena.ts):
    // nothing tensor-valued leaves the scope, the record holds numbers only.
    const record = stepScope(() => this.trainOnNextBatch());
    if (record === 'loader ran out') {
      // only when the loader yields fewer batches than its length says (a custom sampler)
      this.endEpoch();
      return null;
    }
    if (record === null) return null;
    this.events.onStep?.(record);
    if (this.stepsThisEpoch >= this.setup.trainLoader.length) {
      this.endEpoch();
      return record;
    }
    if (settings.evalEverySteps > 0 && record.step % settings.evalEverySteps === 0) {
      const fraction = this.status.epoch + this.stepsThisEpoch / Math.max(1, this.setup.trainLoader.length);
      this.evaluate(fraction);
    }
    return record;
  }

  /** The step's work from its batch to its record, inside the arena's scope; null when it diverged. */
  private trainOnNextBatch(): StepRecord | null | 'loader ran out' {
    const { model, lossFn, optimizer, settings } = this.setup;
    const next = this.iterator!.next();
    if (next.done) return 'loader ran out';
    const [xb, yb] = next.value;
    this.setup.augment?.(xb);

    if (!model.training) model.train(); // walks the module tree, so only when needed
    // Zeros in place, as the exported script's optimizer.zero_grad() does in torch 1.13
    // (set_to_none=False): each gradient keeps its storage, in the kernels' heap, across steps.
    if (settings.zeroGrad) optimizer.zeroGrad({ setToNone: false });
    const target = this.setup.lossTarget ? this.setup.lossTarget(yb) : yb;
    const output = model.forward(xb);
    const loss = lossFn.forward(output, target);
    const lossValue = loss.item();
    const stepNumber = this.status.step + 1;
    if (!Number.isFinite(lossValue)) {
      this.diverge(stepNumber, lossValue, `the loss became ${lossValue} at step ${stepNumber}`);
      return null;
    }
    if (Number.isNaN(this.firstLoss)) this.firstLoss = this.smoothedLoss = lossValue;
    this.smoothedLoss += LOSS_SMOOTHING * (lossValue - this.smoothedLoss);
    if (this.firstLoss > 0 && this.smoothedLoss > DIVERGENCE_FACTOR * this.firstLoss) {
      const factor = (this.smoothedLoss / this.firstLoss).toFixed(1);
      this.diverge(stepNumber, lossValue, `the loss grew to ${factor}× its starting value by step ${stepNumber}`);
      return null;
    }
    loss.backward();
    const gradNorm = this.layerStats.measureGradients();
    if (!Number.isFinite(gradNorm)) {
      this.diverge(stepNumber, lossValue, `the gradients became ${gradNorm} at step ${stepNumber}`);
      return null;
    }
    if (settings.clipGradNorm !== null) clipGradNorm(this.parameters, settings.clipGradNorm);
    const lr = optimizer.paramGroups[0].lr;
    this.layerStats.rememberWeights();
    optimizer.step();
    this.layerStats.measureUpdates();
    const scheduler = this.setup.scheduler;
    if (scheduler !== null && scheduler.interval === 'step') scheduler.step(this.status.bestValidationLoss ?? lossValue);

    this.status.step = stepNumber;
    this.status.samplesSeen += xb.shape[0];
    this.addRunning(output, yb, lossValue);
    this.stepsThisEpoch++;
    const record: StepRecord = {
      step: stepNumber,
      epoch: this.status.epoch,
      loss: lossValue,
      runningLoss: this.running.lossSum / this.running.count,
      lr,
      gradNorm,
      layerGradNorms: Array.from(this.layerStats.gradNorms),
      updateRatios: Array.from(this.layerStats.updateRatios),
    };
    return record;
  }

  /** Runs steps until `deadline` (a `performance.now()` time) or until `maxSteps`; returns the count. */
  runUntil(deadline: number, maxSteps = Infinity): number {
    let steps = 0;
    while (steps < maxSteps && this.canStep && now() < deadline) {
      if (this.step() !== null) steps++;
    }
    return steps;
  }

  /** Runs to the end of the current epoch (or of training). */
  runEpoch(): number {
    const epoch = this.status.epoch;
    let steps = 0;
    while (this.canStep && this.status.epoch === epoch) {
      if (this.step() !== null) steps++;
    }
    return steps;
  }

  /**
   * Evaluates the validation split (whole, eval mode, no graph) and reports training metrics over
   * the batches since the last evaluation — or, with `fullTrainPass` or before any batch, over the
   * whole training split in eval mode.
   */
  evaluate(epoch = this.status.epoch, options: { fullTrainPass?: boolean } = {}): EvaluationRecord {
    const { model } = this.setup;
    const wasTraining = model.training;
    model.eval();
    const record = noGrad(() => {
      const train =
        options.fullTrainPass || this.running.count === 0 ? this.measure(this.setup.train) : this.runningMetrics();
      const activations: ActivationStats[] = [];
      const validation = this.measure(this.setup.validation, activations);
      return {
        step: this.status.step,
        epoch,
        train,
        validation,
        activations,
        epochTimeMs: this.lastEpochTimeMs,
        stepsPerSecond: this.lastStepsPerSecond,
      };
    });
    model.train(wasTraining);
    this.resetRunning();
    this.events.onEvaluation?.(record);
    return record;
  }

  /** The run's first loss and its smoothed loss now, which the divergence test compares (a checkpoint keeps them). */
  lossBaseline(): { first: number; smoothed: number } {
    return { first: this.firstLoss, smoothed: this.smoothedLoss };
  }

  /** The validation split's metrics with the weights as they are, reported nowhere (a checkpoint records the loss). */
  measureValidation(): SplitMetrics {
    const { model } = this.setup;
    const wasTraining = model.training;
    model.eval();
    const metrics = noGrad(() => this.measure(this.setup.validation));
    model.train(wasTraining);
    return metrics;
  }

  private resetRunning(): void {
    const r = this.running;
    r.lossSum = 0;
    r.count = 0;
    r.confusion = this.setup.task === 'classification' ? emptyConfusion(this.setup.outputs) : [];
    r.sums = emptyRegressionSums();
  }

  private addRunning(output: Tensor, targets: Tensor, loss: number): void {
    const r = this.running;
    const n = targets.shape[0];
    r.lossSum += loss * n;
    r.count += n;
    if (this.setup.task === 'classification') countPredictions(output.data, targets.data, this.setup.outputs, r.confusion);
    else addRegression(output.data, targets.data, r.sums);
  }

  private runningMetrics(): SplitMetrics {
    const r = this.running;
    const loss = r.lossSum / r.count;
    if (this.setup.task === 'classification') return { kind: 'running', loss, classification: metricsFromConfusion(r.confusion) };
    return { kind: 'running', loss, regression: metricsFromSums(r.sums) };
  }

  private setState(state: RunState): void {
    if (this.status.state !== state) {
      this.status.state = state;
      this.events.onStatus?.({ ...this.status });
    }
  }

  private startEpoch(): void {
    this.iterator = this.setup.trainLoader.iter();
    this.epochStart = now();
    this.stepsThisEpoch = 0;
  }

  private endEpoch(): void {
    const elapsed = now() - this.epochStart;
    this.lastEpochTimeMs = elapsed;
    this.lastStepsPerSecond = elapsed > 0 ? (this.stepsThisEpoch * 1000) / elapsed : 0;
    this.iterator = null;
    this.status.epoch++;
    const evaluation = this.evaluate(this.status.epoch);
    const validationLoss = evaluation.validation.loss;
    if (!Number.isFinite(validationLoss) || !this.weightsAreFinite()) {
      this.diverge(this.status.step, validationLoss, `the validation loss became ${validationLoss} after epoch ${this.status.epoch}`);
      return;
    }
    const scheduler = this.setup.scheduler;
    if (scheduler !== null && scheduler.interval === 'epoch') scheduler.step(validationLoss);
    this.trackBest(validationLoss);
    if (this.canStep && this.status.epoch >= this.settings.epochs) this.finish('finished', null);
  }

  private trackBest(validationLoss: number): void {
    const { earlyStopping } = this.settings;
    const best = this.status.bestValidationLoss;
    if (best === null || validationLoss < best - earlyStopping.minDelta) {
      this.status.bestValidationLoss = validationLoss;
      this.status.bestEpoch = this.status.epoch;
      this.evaluationsWithoutImprovement = 0;
      this.saveBestWeights();
      return;
    }
    this.evaluationsWithoutImprovement++;
    if (earlyStopping.enabled && this.evaluationsWithoutImprovement >= earlyStopping.patience) {
      if (earlyStopping.restoreBestWeights) this.restoreBestWeights();
      this.finish('earlyStopped', `validation loss did not improve for ${earlyStopping.patience} epochs`);
    }
  }

  private saveBestWeights(): void {
    if (this.bestState === null) {
      this.bestState = Object.values(this.setup.model.stateDict()).map((t) => [t, new Float32Array(t.data.length)]);
    }
    for (const [live, copy] of this.bestState) copy.set(live.data);
  }

  /**
   * Puts the best epoch's state back into the model: its weights and its buffers (BatchNorm's
   * running mean and variance), as `model.load_state_dict(best_state)` in the exported script.
   */
  restoreBestWeights(): void {
    if (this.bestState === null) return;
    for (const [live, copy] of this.bestState) live.data.set(copy);
  }

  private weightsAreFinite(): boolean {
    for (const p of this.parameters) {
      const d = p.data;
      for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) return false;
    }
    return true;
  }

  private measure(split: Split, activations?: ActivationStats[]): SplitMetrics {
    const { model, lossFn, task, outputs } = this.setup;
    let output: Tensor;
    if (activations) {
      output = split.x;
      const layers = [...model.children()];
      layers.forEach((layer, index) => {
        output = layer.forward(output);
        if (isActivation(layer) && output.shape.length === 2) {
          activations.push(activationStats(index, output.data, output.shape[1]));
        }
      });
    } else {
      output = model.forward(split.x);
    }
    const target = this.setup.lossTarget ? this.setup.lossTarget(split.y) : split.y;
    const loss = lossFn.forward(output, target).item();
    if (task === 'classification') {
      return { kind: 'full', loss, classification: classificationMetrics(output.data, split.y.data, outputs) };
    }
    return { kind: 'full', loss, regression: regressionMetrics(output.data, split.y.data) };
  }

  private diverge(step: number, loss: number, reason: string): void {
    this.status.divergedAtStep = step;
    this.status.divergedLoss = loss;
    this.finish('diverged', reason);
  }

  private finish(state: RunState, reason: string | null): void {
    this.status.reason = reason;
    this.setState(state);
  }
}

const ACTIVATIONS = [nn.ReLU, nn.LeakyReLU, nn.ELU, nn.GELU, nn.SiLU, nn.Tanh, nn.Sigmoid, nn.Softplus];

function isActivation(module: nn.Module): boolean {
  return ACTIVATIONS.some((kind) => module instanceof kind);
}

/** The Linear layers of a Sequential, by their parameter names ("0.weight", "0.bias", ...). */
export function linearLayers(model: nn.Sequential): LayerParameters[] {
  const byLayer = new Map<string, LayerParameters>();
  for (const [name, parameter] of model.namedParameters()) {
    const dot = name.lastIndexOf('.');
    const layer = name.slice(0, dot);
    const kind = name.slice(dot + 1);
    if (kind !== 'weight' && kind !== 'bias') continue;
    if (!byLayer.has(layer)) byLayer.set(layer, { name: layer, weight: parameter, bias: null });
    const entry = byLayer.get(layer)!;
    if (kind === 'weight') entry.weight = parameter;
    else entry.bias = parameter;
  }
  return [...byLayer.values()].filter((l) => l.weight.shape.length === 2);
}
