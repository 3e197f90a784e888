/**
 * Metric batches from the worker to the page: at most one every FLUSH_INTERVAL_MS, never awaited,
 * and never more than one in flight. While the page has not taken the last batch, new records
 * coalesce into the next one; a page that stays away for long gets every other step record
 * dropped (step numbers say which), so memory stays bounded.
 */
import type { EvaluationRecord, StepRecord } from '../engine/train/trainer';
import type { SessionStatus } from './session';

export const FLUSH_INTERVAL_MS = 50;
/** Most step records one batch carries; past this, the older half is thinned out. */
export const MAX_PENDING_STEPS = 4096;

export interface MetricsBatch {
  /** increases by one per run (reset/restart), so the page can drop stale series */
  run: number;
  /** true on the first batch of a run: the page clears its series */
  reset: boolean;
  steps: StepRecord[];
  evaluations: EvaluationRecord[];
  status: SessionStatus | null;
}

export class MetricsStream {
  private readonly send: (batch: MetricsBatch) => unknown;
  private readonly now: () => number;
  private steps: StepRecord[] = [];
  private evaluations: EvaluationRecord[] = [];
  private status: SessionStatus | null = null;
  private run = 0;
  private pendingReset = false;
  private inFlight = false;
  private lastFlush = -Infinity;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** `currentStatus` is asked at each flush that carries records, so every batch says where the run is. */
  constructor(
    send: (batch: MetricsBatch) => unknown,
    now: () => number,
    private readonly currentStatus: () => SessionStatus | null = () => null,
  ) {
    this.send = send;
    this.now = now;
  }

  /** Starts a new run: pending records of the old one are dropped. */
  reset(): void {
    this.run++;
    this.pendingReset = true;
    this.steps = [];
    this.evaluations = [];
  }

  addStep(record: StepRecord): void {
    this.steps.push(record);
    if (this.steps.length > MAX_PENDING_STEPS) {
      // keep the newest half whole; thin the older half to every other record
      const half = this.steps.length >> 1;
      const older = this.steps.slice(0, half).filter((_, i) => i % 2 === 1);
      this.steps = older.concat(this.steps.slice(half));
    }
  }

  addEvaluation(record: EvaluationRecord): void {
    this.evaluations.push(record);
  }

  setStatus(status: SessionStatus): void {
    this.status = status;
  }

  /** Sends what is pending if the interval has passed (or `force`) and the page took the last batch. */
  flush(force: boolean): void {
    if (this.closed || this.inFlight) return;
    const time = this.now();
    if (!force && time - this.lastFlush < FLUSH_INTERVAL_MS) return;
    if (this.steps.length === 0 && this.evaluations.length === 0 && this.status === null && !this.pendingReset) return;
    // a status set while the records were made (as the run went from ready to running, before its
    // first step) is older than they are: a batch with records says where the run is now
    if (this.status === null || this.steps.length > 0 || this.evaluations.length > 0) this.status = this.currentStatus() ?? this.status;
    const batch: MetricsBatch = {
      run: this.run,
      reset: this.pendingReset,
      steps: this.steps,
      evaluations: this.evaluations,
      status: this.status,
    };
    this.steps = [];
    this.evaluations = [];
    this.status = null;
    this.pendingReset = false;
    this.lastFlush = time;
    let result: unknown;
    try {
      result = this.send(batch);
    } catch {
      return; // a page that threw has still taken the batch
    }
    if (result instanceof Promise) {
      this.inFlight = true;
      result.then(
        () => this.settle(),
        () => this.settle(),
      );
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.steps = [];
    this.evaluations = [];
  }

  /** The page took a batch: send what piled up meanwhile, once the interval allows. */
  private settle(): void {
    this.inFlight = false;
    if (this.closed || this.timer !== null) return;
    if (this.steps.length === 0 && this.evaluations.length === 0 && this.status === null && !this.pendingReset) return;
    const wait = Math.max(0, FLUSH_INTERVAL_MS - (this.now() - this.lastFlush));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush(true);
    }, wait);
  }
}
