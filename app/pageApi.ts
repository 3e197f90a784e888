/**
 * A small read-only handle on the running playground, `window.trainingPlayground`, for authors who
 * embed the page (and for the end-to-end tests): the experiment, the run's status, and the losses
 * recorded so far, the latest evaluation.
 */
import type { ExperimentConfig } from '../engine/train/config';
import type { EvaluationRecord } from '../engine/train/trainer';
import type { SessionStatus } from '../workers/session';
import type { Backend } from '../engine/wasm/kernels';
import { useStore } from './store';

export interface PlaygroundHandle {
  config(): ExperimentConfig;
  status(): SessionStatus | null;
  /** the batch loss of the first `count` steps of the current run (all when omitted) */
  losses(count?: number): number[];
  /** the learning rate each step of the current run was taken with */
  learningRates(count?: number): number[];
  /** the latest evaluation of the current run (train and validation metrics, per-class recall), if any */
  evaluation(): EvaluationRecord | null;
  /** which backend runs the engine's kernels: 'wasm-relaxed-simd', 'wasm-simd' or 'js' (null until the worker has said) */
  backend(): Backend | null;
}

declare global {
  interface Window {
    trainingPlayground?: PlaygroundHandle;
  }
}

export function installPageApi(): void {
  const column = (name: 'loss' | 'lr', count?: number): number[] => {
    const values = useStore.getState().history.steps.column(name);
    return Array.from(count === undefined ? values : values.subarray(0, count));
  };
  window.trainingPlayground = {
    config: () => structuredClone(useStore.getState().config),
    status: () => useStore.getState().status,
    losses: (count) => column('loss', count),
    learningRates: (count) => column('lr', count),
    evaluation: () => structuredClone(useStore.getState().latestEvaluation),
    backend: () => useStore.getState().engineBackend,
  };
}
