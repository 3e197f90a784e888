/**
 * The page's handle on the training worker: creates it the way Vite bundles workers, and brings up
 * a fresh one with the same experiment if it dies. The other file that knows comlink.
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { Api } from './api';
import type { MetricsBatch, TableUse, UpdateResult } from './session';

export type { Api } from './api';

export interface ClientEvents {
  onMetrics: (batch: MetricsBatch) => void;
  /** The worker died and a fresh one took over; `message` says so in words. */
  onRestart?: (message: string) => void;
}

export const WORKER_RESTART_MESSAGE =
  'The training worker stopped unexpectedly. A fresh one has started with the same settings; press Play to continue.';

export const WORKER_GAVE_UP_MESSAGE =
  'The training worker keeps stopping, so it was not started again. Reload the page to try again; your settings are kept in the link.';

const MAX_RESTARTS = 3;

export class TrainingClient {
  private worker: Worker | null = null;
  private remote: Remote<Api> | null = null;
  private readonly events: ClientEvents;
  private readonly metrics: (batch: MetricsBatch) => void;
  private config: unknown = null;
  private readonly datasetBaseUrl: string;
  private disposed = false;
  /** the table of one's own this worker was given (useTable), sent again to a fresh worker */
  private table: [string, string, number, 'classification' | 'regression'] | null = null;
  private tableSent = false;
  /** times of recent restarts: a worker that dies on start must not respawn forever */
  private restarts: number[] = [];

  constructor(events: ClientEvents, datasetBaseUrl = new URL('./datasets/', document.baseURI).href) {
    this.events = events;
    this.datasetBaseUrl = datasetBaseUrl;
    this.metrics = (batch) => this.events.onMetrics(batch);
  }

  /** The worker's API (a fresh worker is started on first use). */
  get api(): Remote<Api> {
    if (this.remote === null) this.spawn();
    return this.remote!;
  }

  /** Starts (or restarts) training the experiment `config`; a fresh worker first gets the table of one's own, if any. */
  async init(config: unknown): Promise<UpdateResult> {
    this.config = config;
    if (this.table !== null && !this.tableSent) {
      const [text, fileName, target, task] = this.table;
      await this.api.useTable(text, fileName, target, task);
      this.tableSent = true;
    }
    return this.api.init(config, proxy(this.metrics), { datasetBaseUrl: this.datasetBaseUrl });
  }

  /** Makes a person's CSV the `custom` data set of this worker, and of the one that replaces it after a crash. */
  async useTable(text: string, fileName: string, target: number, task: 'classification' | 'regression'): Promise<TableUse> {
    const result = await this.api.useTable(text, fileName, target, task);
    if (result.ok) {
      this.table = [text, fileName, target, task];
      this.tableSent = true;
    }
    return result;
  }

  /** Changes settings; remembers the merged experiment for a restart after a crash. */
  async update(patch: unknown, merged: unknown): Promise<UpdateResult> {
    const result = await this.api.update(patch);
    if (result.errors.length === 0) this.config = merged;
    return result;
  }

  /**
   * Asks the worker for its status; if no answer comes within `timeoutMs` (a worker that ran out of
   * memory can die without an error event), replaces it. Resolves to whether it was alive.
   */
  async checkAlive(timeoutMs = 5000): Promise<boolean> {
    if (this.remote === null) return false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const alive = await Promise.race([this.remote.status().then(() => true as const), timeout]).catch(() => false);
    clearTimeout(timer);
    if (!alive) this.recover();
    return alive;
  }

  dispose(): void {
    this.disposed = true;
    this.remote?.[releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }

  private spawn(): void {
    this.tableSent = false;
    const worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.recover();
    });
    this.worker = worker;
    this.remote = wrap<Api>(worker);
  }

  /**
   * Replaces a dead worker with a fresh one running the same experiment — at most
   * MAX_RESTARTS times a minute; after that the page is told and nothing respawns.
   */
  private recover(): void {
    if (this.disposed) return;
    this.remote?.[releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < 60_000);
    const giveUp = this.restarts.length >= MAX_RESTARTS;
    this.restarts.push(now);
    this.events.onRestart?.(giveUp ? WORKER_GAVE_UP_MESSAGE : WORKER_RESTART_MESSAGE);
    // the page may have disposed the client in onRestart
    if (!giveUp && !this.disposed && this.config !== null) void this.init(this.config);
  }
}
