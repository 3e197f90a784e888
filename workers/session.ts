/**
 * The training session: a plain object over engine/train that the worker exposes. It trains in
 * time slices of at most ~16 ms and yields in between, so pause, step, reset and live changes take
 * effect within one slice; it streams metric batches at most ~20 times a second without waiting
 * for the page, and when the page is slow, batches coalesce instead of queueing.
 *
 * Nothing here knows about Worker or comlink (see api.ts): tests drive it directly in Node.
 */
import { nn, noGrad, Tensor } from '../engine';
import {
  diffConfig,
  parseConfig,
  validateConfig,
  type ConfigError,
  type ExperimentConfig,
} from '../engine/train/config';
import { applyLiveSettings, buildExperiment, type BuiltExperiment } from '../engine/train/build';
import { filesFor, type DatasetTexts } from '../engine/train/data';
import type { EvaluationRecord, RunStatus, StepRecord } from '../engine/train/trainer';
import { softmaxRows } from './grid';
import { findLr, type LrFinderOptions, type LrFinderResult } from '../engine/train/lrFinder';
import { makeCheckpoint, readCheckpoint, restoreCheckpoint } from '../engine/train/checkpoint';
import { readUserTable, suggestTask, tableData } from '../engine/data/sets/userTable';
import { classCounts as countClasses } from '../engine/data/sets/types';
import { setUserData, userDataInfo, USER_DATA_FILE, type UserDataInfo } from '../engine/train/config';
import { MetricsStream, type MetricsBatch } from './metricsStream';

export type { MetricsBatch } from './metricsStream';

/** Work per slice before yielding to the event loop. */
export const SLICE_MS = 16;

export type SessionState = RunStatus['state'] | 'paused' | 'error';

export interface SessionStatus extends Omit<RunStatus, 'state'> {
  state: SessionState;
  /** true while play() is in force (also during a slice) */
  playing: boolean;
  /** why the run restarted or stopped, for the page to show */
  message: string | null;
}

export interface DataPoints {
  task: 'classification' | 'regression';
  features: number;
  classes: number;
  classNames: string[];
  imageShape: [number, number] | null;
  train: { x: Float32Array; y: Float32Array; n: number };
  validation: { x: Float32Array; y: Float32Array; n: number };
}

export interface NetworkSnapshot {
  layers: Array<{ name: string; shape: number[]; weight: Float32Array; bias: Float32Array | null }>;
  /** per activation layer (by its name in the Sequential): each unit's output over the input plane */
  activations: Array<{ name: string; units: number; values: Float32Array }>;
}

export interface UpdateResult {
  /** 'live': applied to the running model; 'restart': a new run started; 'none': nothing changed */
  applied: 'live' | 'restart' | 'none';
  changed: string[];
  errors: ConfigError[];
  /** for 'live': the steps the run had taken when the change came in (the next step is the first with it) */
  step?: number;
}

/**
 * A live setting to change once the run has taken `step` steps: a link that reproduces a run
 * replays the changes made while it ran at the steps they were made at.
 */
/** A person's CSV as read (readTable): its columns, row count, the task each column suggests as target, the first rows. */
export type TableRead =
  | { ok: true; columns: string[]; rows: number; tasks: Array<'classification' | 'regression'>; preview: string[][] }
  | { ok: false; error: string };

/** The table made the `custom` data set (useTable), with its class counts; or why not. */
export type TableUse = { ok: true; info: UserDataInfo; classCounts: number[] } | { ok: false; error: string };

/** What loading a checkpoint did: the experiment it continues, or why the file was refused. */
export type CheckpointLoad = { ok: true; config: ExperimentConfig; step: number; validationLoss: number | null } | { ok: false; error: string };

export interface ScheduledChange {
  step: number;
  /** any part of an experiment, as for update() */
  patch: unknown;
}

export interface SessionOptions {
  /** Loads a file of public/datasets (the worker fetches it; tests read it from disk). */
  loadText: (file: string) => Promise<string>;
  now?: () => number;
}

const defaultNow = (): number => performance.now();

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Yields to the event loop without setTimeout's 4 ms clamp. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class TrainingSession {
  private readonly options: SessionOptions;
  private readonly now: () => number;
  private config: ExperimentConfig | null = null;
  private built: BuiltExperiment | null = null;
  private readonly texts = new Map<string, string>();
  private stream: MetricsStream | null = null;
  private playing = false;
  private looping = false;
  private message: string | null = null;
  private errorMessage: string | null = null;
  /** the last evaluation's validation loss (a checkpoint records it) */
  private lastValidationLoss: number | null = null;
  /** bumped by every rebuild, so a loop over an old run stops */
  private generation = 0;
  /** training pace in steps per second; null = as fast as the machine goes */
  private speed: number | null = null;
  private pace = { start: 0, steps: 0 };
  /** live changes still to come in this run, by step */
  private scheduled: ScheduledChange[] = [];

  constructor(options: SessionOptions) {
    this.options = options;
    this.now = options.now ?? defaultNow;
  }

  /** Builds the experiment and starts streaming metrics to `onMetrics` (never awaited). */
  async init(config: unknown, onMetrics: (batch: MetricsBatch) => unknown): Promise<UpdateResult> {
    const checked = validateConfig(config);
    if (!checked.ok) return { applied: 'none', changed: [], errors: checked.errors };
    this.stream?.close();
    this.stream = new MetricsStream(onMetrics, this.now, () => this.status());
    await this.rebuild(checked.config, null);
    return { applied: 'restart', changed: [], errors: [] };
  }

  /**
   * Limits training to `stepsPerSecond` (null: as fast as possible). A 2-D set trains in well under
   * a second at full speed; a class watching the boundary curl needs a few hundred steps a second.
   */
  setSpeed(stepsPerSecond: number | null): void {
    this.speed = stepsPerSecond !== null && Number.isFinite(stepsPerSecond) && stepsPerSecond > 0 ? stepsPerSecond : null;
    this.pace = { start: this.now(), steps: 0 };
  }

  play(): void {
    if (!this.built || this.errorMessage) return;
    this.playing = true;
    this.pushStatus();
    void this.loop();
  }

  pause(): void {
    this.playing = false;
    this.pushStatus();
    this.stream?.flush(true);
  }

  /** Runs `count` batches (or the rest of the epoch) now, then reports. */
  step(count: number | 'epoch' = 1): number {
    const trainer = this.built?.trainer;
    if (!trainer || this.errorMessage) return 0;
    this.playing = false;
    const taken = count === 'epoch' ? this.runEpoch(trainer) : this.runSteps(trainer, Math.max(0, Math.floor(count)));
    this.stream?.flush(true);
    return taken;
  }

  /** Starts the same experiment again from step 0 (optionally with another training seed). */
  async reset(seed?: number): Promise<void> {
    if (!this.config) return;
    const next = seed === undefined ? this.config : { ...this.config, training: { ...this.config.training, seed } };
    await this.rebuild(next, 'The run was reset.');
  }

  /**
   * Merges `patch` (any part of an experiment) into the current one. Live fields change the running
   * model in place; a structural change restarts the run and says so.
   */
  async update(patch: unknown): Promise<UpdateResult> {
    if (!this.config) return { applied: 'none', changed: [], errors: [] };
    const merged = mergeDeep(this.config, patch);
    const checked = validateConfig(merged);
    if (!checked.ok) return { applied: 'none', changed: [], errors: checked.errors };
    const diff = diffConfig(this.config, checked.config);
    if (diff.structural.length > 0 || !this.built) {
      this.scheduled = [];
      const wasPlaying = this.playing;
      await this.rebuild(checked.config, `The run restarted because ${diff.structural.join(', ')} changed.`);
      if (wasPlaying) this.play();
      return { applied: 'restart', changed: diff.structural, errors: [] };
    }
    this.config = checked.config;
    if (diff.live.length === 0) return { applied: 'none', changed: [], errors: [] };
    applyLiveSettings(this.built, checked.config);
    return { applied: 'live', changed: diff.live, errors: [], step: this.built.trainer.status.step };
  }

  /**
   * Live changes to make while this run goes on, each once the run has taken its `step` steps
   * (before the next one), whether playing, stepping or running an epoch — so a replayed run takes
   * the very steps the recorded one took. A change that is not live, or not valid, is dropped; a
   * new run (reset, restart) drops the rest. Returns how many were scheduled.
   */
  schedule(changes: readonly ScheduledChange[]): number {
    this.scheduled = changes
      .filter((c) => Number.isInteger(c.step) && c.step >= 0)
      .map((c) => ({ step: c.step, patch: c.patch }))
      .sort((a, b) => a.step - b.step);
    this.applyDue();
    return this.scheduled.length;
  }

  /**
   * Model outputs over the input plane [-1, 1]² (resolution × resolution points, row 0 at y = +1)
   * for 2-D sets: class probabilities (resolution² × classes) or values (resolution²); over
   * x ∈ [-1, 1] (resolution points) for 1-D regression. Null for other data sets.
   */
  predictGrid(resolution: number): Float32Array | null {
    const built = this.built;
    const plane = built ? inputPlane(built.data.train.features, resolution) : null;
    if (!built || !plane) return null;
    const { model } = built.setup;
    const output = evalMode(model, () => model.forward(new Tensor(built.data.scaleInput(plane.raw), [plane.points, plane.features])));
    if (built.setup.task === 'classification') return softmaxRows(output.data, built.setup.outputs);
    return built.data.unscaleTarget(output.data.slice());
  }

  /**
   * Model outputs on the validation split, in eval mode, row by row in the order of
   * `points().validation`: class probabilities (n × classes) or values in the data's own units (n).
   * Null before the experiment is built or when the split is empty.
   */
  predictValidation(): Float32Array | null {
    const built = this.built;
    if (!built || built.setup.validation.x.shape[0] === 0) return null;
    const { model, validation, task, outputs } = built.setup;
    const output = evalMode(model, () => model.forward(validation.x));
    if (task === 'classification') return softmaxRows(output.data, outputs);
    return built.data.unscaleTarget(output.data.slice());
  }

  /**
   * The data in its own units, for drawing: inputs [n × features] and labels or targets of the
   * training and validation splits (copies; the worker keeps its own).
   */
  points(): DataPoints | null {
    if (!this.built) return null;
    const { raw } = this.built.data;
    const part = (d: typeof raw.train) => ({ x: d.x.slice(), y: d.y.slice(), n: d.n });
    const train = raw.train;
    return {
      task: train.task,
      features: train.features,
      classes: train.task === 'classification' ? train.classes : 0,
      classNames: train.task === 'classification' ? train.classNames.slice() : [],
      imageShape: train.imageShape ? [train.imageShape[0], train.imageShape[1]] : null,
      train: part(raw.train),
      validation: part(raw.validation),
    };
  }

  /**
   * The weights of every Linear layer, for drawing the network; with `gridResolution`, also what
   * every hidden unit computes over the input plane (after its activation), for 1-D and 2-D sets:
   * `activations[k]` is [units × points] for the k-th activation layer.
   */
  snapshot(gridResolution?: number): NetworkSnapshot {
    const layers: NetworkSnapshot['layers'] = [];
    const activations: NetworkSnapshot['activations'] = [];
    const built = this.built;
    if (!built) return { layers, activations };
    const { model } = built.setup;
    for (const [name, module] of model.namedChildren()) {
      const weight = (module as { weight?: Tensor }).weight;
      if (!(weight instanceof Tensor) || weight.shape.length !== 2) continue;
      const bias = (module as { bias?: Tensor | null }).bias;
      layers.push({ name, shape: weight.shape.slice(), weight: weight.data.slice(), bias: bias ? bias.data.slice() : null });
    }
    const plane = gridResolution === undefined ? null : inputPlane(built.data.train.features, gridResolution);
    if (plane) {
      evalMode(model, () => {
        let x = new Tensor(built.data.scaleInput(plane.raw), [plane.points, plane.features]);
        for (const [name, layer] of model.namedChildren()) {
          x = layer.forward(x);
          if (!isActivationLayer(layer)) continue;
          const units = x.shape[1];
          const values = new Float32Array(units * plane.points);
          for (let p = 0; p < plane.points; p++) for (let u = 0; u < units; u++) values[u * plane.points + p] = x.data[p * units + u];
          activations.push({ name, units, values });
        }
        return x;
      });
    }
    return { layers, activations };
  }

  /**
   * The learning-rate range test (engine/train/lrFinder.ts) on a copy of the model as it stands:
   * this run, its weights and its optimizer are not touched. Null before the experiment is built.
   */
  async findLr(options: LrFinderOptions = {}): Promise<LrFinderResult | null> {
    const built = this.built;
    const config = this.config;
    if (!built || !config || this.errorMessage) return null;
    const texts = await this.loadTexts(config);
    return findLr(config, texts, built.setup.model.stateDict(), options);
  }

  /** The experiment and the trained weights, JSON-serialisable (PyTorch state_dict keys). */
  exportState(): { config: ExperimentConfig | null; status: SessionStatus; stateDict: Record<string, { shape: number[]; data: number[] }> } {
    const stateDict: Record<string, { shape: number[]; data: number[] }> = {};
    if (this.built) {
      for (const [key, value] of Object.entries(this.built.setup.model.stateDict())) {
        stateDict[key] = { shape: value.shape.slice(), data: Array.from(value.data) };
      }
    }
    return { config: this.config, status: this.status(), stateDict };
  }

  /**
   * A checkpoint of the run as it stands (engine/train/checkpoint.ts), as the JSON text of the file
   * the page downloads; null before the experiment is built.
   */
  saveCheckpoint(): { ok: true; text: string } | { ok: false; notFinite: string } | null {
    if (!this.built || !this.config || this.errorMessage) return null;
    const checkpoint = makeCheckpoint(this.built, this.config, this.built.trainer.measureValidation().loss);
    // JSON would write NaN as null, and the file could not be loaded back
    const broken = Object.entries(checkpoint.model).find(([, t]) => !t.data.every(Number.isFinite));
    if (broken) return { ok: false, notFinite: broken[0] };
    return { ok: true, text: JSON.stringify(checkpoint) };
  }

  /**
   * Continues from a checkpoint file's text: its experiment, weights, optimizer and schedule, at its
   * step. The file is parsed and checked here, off the page's thread, and fitted to a fresh copy of
   * its experiment first: a file that does not fit leaves the run as it was, and says why.
   */
  async loadCheckpoint(text: string): Promise<CheckpointLoad> {
    const read = readCheckpoint(text);
    if (!read.ok) return read;
    try {
      restoreCheckpoint(buildExperiment(read.config, await this.loadTexts(read.config)), read.checkpoint);
    } catch (error) {
      return { ok: false, error: errorText(error) };
    }
    const { step } = read.checkpoint.run;
    await this.rebuild(read.config, `Continuing from the model saved at step ${step}.`, (built) => restoreCheckpoint(built, read.checkpoint));
    if (this.errorMessage) return { ok: false, error: this.errorMessage };
    return { ok: true, config: read.config, step, validationLoss: this.lastValidationLoss };
  }

  /**
   * Reads a person's CSV off the page's thread: its columns, rows and, per column, the task it
   * suggests as a target; or why it cannot be read (naming row and column).
   */
  readTable(text: string): TableRead {
    try {
      const table = readUserTable(text);
      return { ok: true, columns: table.columns, rows: table.rows.length, tasks: table.columns.map((_, j) => suggestTask(table, j)), preview: table.rows.slice(0, 5) };
    } catch (error) {
      return { ok: false, error: errorText(error) };
    }
  }

  /**
   * Makes the table the `custom` data set of this worker: checked with its target and task,
   * registered, and its text kept where the experiment is built from. The run is not rebuilt here.
   */
  useTable(text: string, fileName: string, target: number, task: 'classification' | 'regression'): TableUse {
    try {
      const table = readUserTable(text);
      const data = tableData(table, target, task);
      const info = userDataInfo(table, data, fileName, target);
      setUserData(info);
      this.texts.set(USER_DATA_FILE, text);
      const classCounts = data.task === 'classification' ? Array.from(countClasses(data.y, data.classes)) : [];
      return { ok: true, info, classCounts };
    } catch (error) {
      return { ok: false, error: errorText(error) };
    }
  }

  status(): SessionStatus {
    const run = this.built?.trainer.status;
    const base: RunStatus = run ?? {
      state: 'ready', epoch: 0, step: 0, samplesSeen: 0, bestEpoch: null, bestValidationLoss: null, divergedAtStep: null, divergedLoss: null, reason: null,
    };
    let state: SessionState = base.state;
    if (this.errorMessage) state = 'error';
    else if ((state === 'running' || state === 'ready') && !this.playing && base.step > 0) state = 'paused';
    return { ...base, state, playing: this.playing, message: this.errorMessage ?? this.message };
  }

  /** Stops everything and releases the metrics callback. */
  dispose(): void {
    this.playing = false;
    this.generation++;
    this.stream?.close();
    this.stream = null;
  }

  // ------------------------------------------------------------------------------------------

  private runSteps(trainer: BuiltExperiment['trainer'], count: number): number {
    let taken = 0;
    while (taken < count && trainer.canStep) {
      this.applyDue();
      if (trainer.step() !== null) taken++;
    }
    return taken;
  }

  private runEpoch(trainer: BuiltExperiment['trainer']): number {
    const epoch = trainer.status.epoch;
    let taken = 0;
    while (trainer.canStep && trainer.status.epoch === epoch) {
      this.applyDue();
      if (trainer.step() !== null) taken++;
    }
    return taken;
  }

  /** Steps until the next scheduled change (Infinity: none). */
  private stepsToNextChange(): number {
    const next = this.scheduled[0];
    return next === undefined || !this.built ? Infinity : Math.max(0, next.step - this.built.trainer.status.step);
  }

  /** Makes the scheduled changes whose step has come. */
  private applyDue(): void {
    const built = this.built;
    if (!built || !this.config) return;
    while (this.scheduled.length > 0 && this.scheduled[0].step <= built.trainer.status.step) {
      const change = this.scheduled.shift()!;
      const checked = validateConfig(mergeDeep(this.config, change.patch));
      if (!checked.ok) continue;
      const diff = diffConfig(this.config, checked.config);
      if (diff.structural.length > 0 || diff.live.length === 0) continue;
      this.config = checked.config;
      applyLiveSettings(built, checked.config);
    }
  }

  private async loop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    const generation = this.generation;
    this.pace = { start: this.now(), steps: 0 };
    try {
      while (this.playing && generation === this.generation && this.built?.trainer.canStep) {
        const now = this.now();
        this.applyDue();
        const untilChange = this.stepsToNextChange();
        if (this.speed === null) {
          this.built.trainer.runUntil(now + SLICE_MS, untilChange);
        } else {
          let due = Math.floor(((now - this.pace.start) * this.speed) / 1000) - this.pace.steps;
          if (due > this.speed) {
            // more than a second behind (a stall, a slow machine): catch up gently, not in one burst
            this.pace = { start: now, steps: 0 };
            due = 1;
          }
          if (due > 0) this.pace.steps += this.built.trainer.runUntil(now + SLICE_MS, Math.min(due, untilChange));
        }
        this.stream?.flush(false);
        if (this.speed === null) await yieldToEventLoop();
        else await sleep(Math.min(SLICE_MS, 1000 / this.speed));
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.looping = false;
      if (generation === this.generation && this.built && !this.built.trainer.canStep) this.playing = false;
      this.pushStatus();
      this.stream?.flush(true);
    }
  }

  private async rebuild(config: ExperimentConfig, message: string | null, restore?: (built: BuiltExperiment) => void): Promise<void> {
    this.playing = false;
    this.scheduled = [];
    this.generation++;
    this.config = config;
    this.message = message;
    this.errorMessage = null;
    this.built = null;
    try {
      const texts = await this.loadTexts(config);
      const stream = this.stream;
      this.built = buildExperiment(config, texts, {
        onStep: (record: StepRecord) => stream?.addStep(record),
        onEvaluation: (record: EvaluationRecord) => {
          this.lastValidationLoss = record.validation.loss;
          stream?.addEvaluation(record);
        },
        onStatus: () => this.pushStatus(),
      });
      restore?.(this.built);
      this.stream?.reset();
      this.built.trainer.evaluate();
    } catch (error) {
      this.fail(error);
    }
    this.pushStatus();
    this.stream?.flush(true);
  }

  private async loadTexts(config: ExperimentConfig): Promise<DatasetTexts> {
    const texts: Record<string, string> = {};
    for (const file of filesFor(config.data.dataset)) {
      if (!this.texts.has(file)) {
        try {
          this.texts.set(file, await this.options.loadText(file));
        } catch (error) {
          throw new Error(`The data file ${file} could not be loaded (${errorText(error)}).`);
        }
      }
      texts[file] = this.texts.get(file)!;
    }
    return texts;
  }

  private fail(error: unknown): void {
    this.playing = false;
    this.errorMessage = errorText(error);
  }

  private pushStatus(): void {
    this.stream?.setStatus(this.status());
  }
}

/** Evenly spaced inputs over [-1, 1] (1-D) or [-1, 1]² (2-D, row 0 at y = +1); null for other sets. */
function inputPlane(features: number, resolution: number): { raw: Float32Array; points: number; features: number } | null {
  if (features !== 1 && features !== 2) return null;
  const n = Math.max(2, Math.min(400, Math.floor(resolution)));
  const points = features === 1 ? n : n * n;
  const raw = new Float32Array(points * features);
  for (let i = 0; i < points; i++) {
    if (features === 1) raw[i] = -1 + (2 * i) / (n - 1);
    else {
      raw[2 * i] = -1 + (2 * (i % n)) / (n - 1);
      raw[2 * i + 1] = 1 - (2 * Math.floor(i / n)) / (n - 1);
    }
  }
  return { raw, points, features };
}

/** Runs `fn` in eval mode without a graph, then puts the model back in the mode it was in. */
function evalMode(model: nn.Module, fn: () => Tensor): Tensor {
  const wasTraining = model.training;
  model.eval();
  try {
    return noGrad(fn);
  } finally {
    model.train(wasTraining);
  }
}

const ACTIVATION_LAYERS = [nn.ReLU, nn.LeakyReLU, nn.ELU, nn.GELU, nn.SiLU, nn.Tanh, nn.Sigmoid, nn.Identity];

function isActivationLayer(module: nn.Module): boolean {
  return ACTIVATION_LAYERS.some((kind) => module instanceof kind);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `patch` laid over `base`: objects merge key by key, everything else replaces. */
export function mergeDeep(base: unknown, patch: unknown, section?: string): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  // A new optimizer or scheduler `type` brings its own settings: the section is replaced, not merged.
  if ((section === 'optimizer' || section === 'scheduler') && 'type' in patch && patch.type !== base.type) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(patch)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    out[key] = mergeDeep(base[key], patch[key], key);
  }
  return out;
}

/** Reads a possibly hostile config leniently (used by the page before init). */
export { parseConfig };
