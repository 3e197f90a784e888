/**
 * The worker's API: the session's methods, with big arrays handed back as transfers and the page's
 * metrics callback released when it is replaced. One of the two files that know comlink.
 */
import { releaseProxy, transfer } from 'comlink';
import { TrainingSession, type MetricsBatch, type ScheduledChange } from './session';
import type { LrFinderOptions } from '../engine/train/lrFinder';
import { backend } from '../engine/wasm/kernels';

type MetricsCallback = ((batch: MetricsBatch) => unknown) & { [releaseProxy]?: () => void };

export interface InitOptions {
  /** Absolute URL of the folder holding the data set files (public/datasets/). */
  datasetBaseUrl?: string;
}

function defaultDatasetBase(): string {
  // The built worker lives in assets/, the data sets in datasets/ beside it; in dev both hang off '/'.
  return new URL('../datasets/', globalThis.location?.href ?? 'http://localhost/').href;
}

export function createApi(load?: (url: string) => Promise<string>) {
  let datasetBase = defaultDatasetBase();
  const fetchText = load ?? (async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    return response.text();
  });
  const session = new TrainingSession({ loadText: (file) => fetchText(new URL(file, datasetBase).href) });
  let callback: MetricsCallback | null = null;

  const release = (): void => {
    try {
      callback?.[releaseProxy]?.();
    } finally {
      callback = null;
    }
  };

  return {
    async init(config: unknown, onMetrics: MetricsCallback, options: InitOptions = {}) {
      if (options.datasetBaseUrl) datasetBase = options.datasetBaseUrl;
      if (callback !== onMetrics) release();
      callback = onMetrics;
      return session.init(config, onMetrics);
    },
    play: () => session.play(),
    setSpeed: (stepsPerSecond: number | null) => session.setSpeed(stepsPerSecond),
    pause: () => session.pause(),
    step: (count: number | 'epoch' = 1) => session.step(count),
    reset: (seed?: number) => session.reset(seed),
    update: (patch: unknown) => session.update(patch),
    schedule: (changes: readonly ScheduledChange[]) => session.schedule(changes),
    findLr: (options?: LrFinderOptions) => session.findLr(options),
    status: () => session.status(),
    /** which backend runs the engine's kernels in this worker (engine/wasm/kernels.ts) */
    backend: () => backend(),
    predictGrid(resolution: number) {
      const grid = session.predictGrid(resolution);
      return grid === null ? null : transfer(grid, [grid.buffer]);
    },
    predictValidation() {
      const predictions = session.predictValidation();
      return predictions === null ? null : transfer(predictions, [predictions.buffer]);
    },
    points() {
      const points = session.points();
      if (points === null) return null;
      const { train, validation } = points;
      return transfer(points, [train.x.buffer, train.y.buffer, validation.x.buffer, validation.y.buffer]);
    },
    snapshot(gridResolution?: number) {
      const snapshot = session.snapshot(gridResolution);
      const buffers = snapshot.layers.flatMap((l) => (l.bias ? [l.weight.buffer, l.bias.buffer] : [l.weight.buffer]));
      for (const a of snapshot.activations) buffers.push(a.values.buffer);
      return transfer(snapshot, buffers);
    },
    exportState: () => session.exportState(),
    saveCheckpoint: () => session.saveCheckpoint(),
    readTable: (text: string) => session.readTable(text),
    useTable: (text: string, fileName: string, target: number, task: 'classification' | 'regression') => session.useTable(text, fileName, target, task),
    loadCheckpoint: (text: string) => session.loadCheckpoint(text),
    dispose() {
      session.dispose();
      release();
    },
  };
}

export type Api = ReturnType<typeof createApi>;
