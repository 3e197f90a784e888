/**
 * The landing page's live engine check, without React: owns one training worker, trains the default
 * experiment at a pace a person can watch, and publishes the numbers and the picture the card shows.
 *
 * Why paced, and not the worker's play(): at full speed the worker finishes the whole default run
 * (4,000 steps) in well under a second, a flash rather than something to watch. So one loop asks
 * for a few steps at a time (`stepsPerSecond`) and, a few times a second, for a fresh prediction
 * grid. One loop also means no two calls to the worker overlap and a reset never races a step.
 */
import type { DataPoints, MetricsBatch, SessionState, UpdateResult } from '../../workers/session';

export type DemoPhase =
  | 'starting'
  | 'training'
  | 'paused'
  | 'ready'
  | 'finished'
  | 'earlyStopped'
  | 'diverged'
  | 'error';

/** What the card shows; a new object only when something in it changed. */
export interface DemoView {
  phase: DemoPhase;
  /** whether training is asked for (the Pause/Play button shows the opposite) */
  playing: boolean;
  /** epochs completed, of `epochs` */
  epoch: number;
  epochs: number;
  step: number;
  trainLoss: number | null;
  validationLoss: number | null;
  validationAccuracy: number | null;
  /** why the run stopped, in words; set only in the 'error' phase */
  message: string | null;
}

/** The latest decision boundary: class probabilities over [-1, 1]² and the data drawn on top. */
export interface DemoPicture {
  grid: Float32Array;
  resolution: number;
  classes: number;
  points: DataPoints;
}

/** The part of workers/client.ts's TrainingClient this demo uses (a fake stands in for tests). */
export interface DemoClient {
  init(config: unknown): Promise<UpdateResult>;
  readonly api: {
    step(count: number): Promise<number>;
    reset(): Promise<void>;
    status(): Promise<{ state: SessionState; message: string | null }>;
    predictGrid(resolution: number): Promise<Float32Array | null>;
    points(): Promise<DataPoints | null>;
  };
  dispose(): void;
}

export interface DemoClientEvents {
  onMetrics: (batch: MetricsBatch) => void;
  onRestart: (message: string) => void;
}

export interface DemoOptions {
  /** training pace; the default run of 4,000 steps takes about 17 s */
  stepsPerSecond?: number;
  /** how often the loop wakes up to ask for steps */
  tickMs?: number;
  /** least time between two prediction grids */
  gridIntervalMs?: number;
  gridResolution?: number;
  autoPlay?: boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Said instead of the client's restart message, whose "press Play" does not fit this card. */
export const WORKER_STOPPED_MESSAGE = 'The training worker stopped unexpectedly.';

const RUN_OVER: ReadonlySet<DemoPhase> = new Set(['finished', 'earlyStopped', 'diverged']);
/** After a throttled background tab, catch up by at most this many ticks' worth of steps. */
const MAX_CATCH_UP_TICKS = 3;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class EngineDemo {
  private readonly createClient: (events: DemoClientEvents) => DemoClient;
  private readonly config: unknown;
  private readonly stepsPerSecond: number;
  private readonly tickMs: number;
  private readonly gridIntervalMs: number;
  private readonly gridResolution: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  private view: DemoView;
  private lastNotified: DemoView | null = null;
  private readonly viewListeners = new Set<() => void>();
  private picture: DemoPicture | null = null;
  private readonly pictureListeners = new Set<(picture: DemoPicture) => void>();

  private client: DemoClient | null = null;
  /** bumped by start, stop and failure, so a loop or callback of an old worker goes quiet */
  private generation = 0;
  private playing: boolean;
  private resetRequested = false;
  /** the worker's metrics run number; batches of an older run are dropped */
  private run = 0;
  private started = false;
  private workerState: SessionState = 'ready';
  private points: DataPoints | null = null;

  constructor(createClient: (events: DemoClientEvents) => DemoClient, config: unknown, epochs: number, options: DemoOptions = {}) {
    this.createClient = createClient;
    this.config = config;
    this.stepsPerSecond = options.stepsPerSecond ?? 240;
    this.tickMs = options.tickMs ?? 50;
    this.gridIntervalMs = options.gridIntervalMs ?? 250;
    this.gridResolution = options.gridResolution ?? 64;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? defaultSleep;
    this.playing = options.autoPlay ?? true;
    this.view = {
      phase: 'starting',
      playing: this.playing,
      epoch: 0,
      epochs,
      step: 0,
      trainLoss: null,
      validationLoss: null,
      validationAccuracy: null,
      message: null,
    };
  }

  // --- for React (useSyncExternalStore) and the canvas -------------------------------------

  getView = (): DemoView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  };

  /** Calls `listener` with every new picture, and at once with the current one if there is one. */
  subscribePicture(listener: (picture: DemoPicture) => void): () => void {
    this.pictureListeners.add(listener);
    if (this.picture) listener(this.picture);
    return () => this.pictureListeners.delete(listener);
  }

  // --- intents ------------------------------------------------------------------------------

  /** Starts a fresh worker on the experiment (again, after stop() or a failure). */
  start(): void {
    if (this.client) return;
    const generation = ++this.generation;
    this.run = 0;
    this.started = false;
    this.workerState = 'ready';
    this.resetRequested = false;
    this.setNumbers({ epoch: 0, step: 0, trainLoss: null, validationLoss: null, validationAccuracy: null, message: null });
    const client = this.createClient({
      onMetrics: (batch) => {
        if (generation === this.generation) this.takeBatch(batch);
      },
      onRestart: () => {
        if (generation === this.generation) this.fail(WORKER_STOPPED_MESSAGE);
      },
    });
    this.client = client;
    this.publish();
    void this.loop(generation, client);
  }

  /** Ends the worker (the card unmounts). */
  stop(): void {
    this.generation++;
    this.disposeClient();
  }

  play(): void {
    if (this.view.phase === 'error') return;
    // A run that is over plays again from the start, as a video player replays.
    if (RUN_OVER.has(this.view.phase)) this.resetRequested = true;
    this.playing = true;
    this.publish();
  }

  pause(): void {
    this.playing = false;
    this.publish();
  }

  /** Starts the run over from step 0; it keeps playing unless it was paused. */
  reset(): void {
    if (this.view.phase === 'error') return;
    this.resetRequested = true;
  }

  /** After a failure: a fresh worker, from the start. */
  retry(): void {
    this.stop();
    this.playing = true;
    this.start();
  }

  // --- the loop -----------------------------------------------------------------------------

  private async loop(generation: number, client: DemoClient): Promise<void> {
    const current = () => generation === this.generation;
    try {
      const result = await client.init(this.config);
      if (!current()) return;
      if (result.errors.length > 0) throw new Error(`The experiment could not start: ${result.errors[0].message}`);
      await this.fetchPoints(client);
      let lastStepAt = this.now();
      let lastGridAt = -Infinity;
      let gridKey = '';
      while (current()) {
        if (this.resetRequested) {
          this.resetRequested = false;
          await client.api.reset();
          if (!current()) return;
          await this.fetchPoints(client);
          gridKey = '';
          lastStepAt = this.now();
        }
        if (this.playing && !RUN_OVER.has(this.view.phase)) {
          const time = this.now();
          const perTick = (this.stepsPerSecond * this.tickMs) / 1000;
          const due = Math.round(((time - lastStepAt) * this.stepsPerSecond) / 1000);
          lastStepAt = time;
          const taken = await client.api.step(Math.max(1, Math.min(due, Math.ceil(perTick * MAX_CATCH_UP_TICKS))));
          if (!current()) return;
          if (taken === 0) await this.takeStatus(client);
        } else {
          lastStepAt = this.now();
        }
        const key = `${this.run}:${this.view.step}`;
        if (key !== gridKey && this.now() - lastGridAt >= this.gridIntervalMs) {
          gridKey = key;
          lastGridAt = this.now();
          const grid = await client.api.predictGrid(this.gridResolution);
          if (!current()) return;
          if (grid && this.points) this.setPicture({ grid, resolution: this.gridResolution, classes: this.points.classes, points: this.points });
        }
        await this.sleep(this.tickMs);
      }
    } catch (error) {
      if (current()) this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  private async fetchPoints(client: DemoClient): Promise<void> {
    const points = await client.api.points();
    if (points === null) throw new Error('The experiment has no data to draw.');
    this.points = points;
    this.started = true;
    this.publish();
  }

  /** A step request that trained nothing: the run is over (or failed); ask the worker which. */
  private async takeStatus(client: DemoClient): Promise<void> {
    const status = await client.api.status();
    this.takeState(status.state, status.message);
  }

  private takeBatch(batch: MetricsBatch): void {
    if (batch.run < this.run) return;
    if (batch.run > this.run || batch.reset) {
      this.run = batch.run;
      this.setNumbers({ epoch: 0, step: 0, trainLoss: null, validationLoss: null, validationAccuracy: null });
    }
    const lastStep = batch.steps.at(-1);
    if (lastStep) this.setNumbers({ step: lastStep.step });
    const lastEvaluation = batch.evaluations.at(-1);
    if (lastEvaluation) {
      this.setNumbers({
        epoch: Math.floor(lastEvaluation.epoch),
        step: Math.max(this.view.step, lastEvaluation.step),
        trainLoss: lastEvaluation.train.loss,
        validationLoss: lastEvaluation.validation.loss,
        validationAccuracy: lastEvaluation.validation.classification?.accuracy ?? null,
      });
    }
    if (batch.status) this.takeState(batch.status.state, batch.status.message);
    else this.publish();
  }

  private takeState(state: SessionState, message: string | null): void {
    if (state === 'error') {
      this.fail(message ?? 'Training stopped because of an error.');
      return;
    }
    this.workerState = state;
    if (state === 'finished' || state === 'earlyStopped' || state === 'diverged') this.playing = false;
    this.publish();
  }

  private fail(message: string): void {
    this.generation++;
    this.playing = false;
    this.setNumbers({ message });
    this.view = { ...this.view, phase: 'error', playing: false };
    this.notify();
    // Deferred: the client calls onRestart and then re-creates its worker; disposing only after
    // that returns ends the fresh worker too, instead of leaving one running that nobody uses.
    const client = this.client;
    this.client = null;
    queueMicrotask(() => client?.dispose());
  }

  private disposeClient(): void {
    this.client?.dispose();
    this.client = null;
  }

  // --- publishing ---------------------------------------------------------------------------

  private setNumbers(patch: Partial<Omit<DemoView, 'phase' | 'playing'>>): void {
    this.view = { ...this.view, ...patch };
  }

  private phase(): DemoPhase {
    if (this.view.message !== null) return 'error';
    if (!this.started) return 'starting';
    if (this.workerState === 'finished' || this.workerState === 'earlyStopped' || this.workerState === 'diverged') {
      return this.workerState;
    }
    if (this.playing) return 'training';
    return this.view.step === 0 ? 'ready' : 'paused';
  }

  /** Recomputes phase and playing, and tells the listeners if anything changed since last time. */
  private publish(): void {
    this.view = { ...this.view, phase: this.phase(), playing: this.playing };
    this.notify();
  }

  private notify(): void {
    const previous = this.lastNotified;
    if (previous && (Object.keys(this.view) as Array<keyof DemoView>).every((key) => previous[key] === this.view[key])) {
      this.view = previous; // keep the same object, so React skips the render
      return;
    }
    this.lastNotified = this.view;
    for (const listener of this.viewListeners) listener();
  }

  private setPicture(picture: DemoPicture): void {
    this.picture = picture;
    for (const listener of this.pictureListeners) listener(picture);
  }
}
