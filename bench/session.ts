/**
 * The training session as the page drives it: steps per second while playing (time slices, per-step
 * metrics, an evaluation every epoch, metric batches), beside the bare engine on the same model,
 * and how long after pause() the last metrics batch arrives.
 */
import { readFile } from 'node:fs/promises';
import { defaultConfig, type ExperimentConfig } from '../engine/train/config';
import { TrainingSession, type MetricsBatch } from '../workers/session';
import { buildExperiment } from '../engine/train/build';
import { median, stepsPerSecond, type MeasureOptions } from './measure';
import type { Workload } from './workloads';

const loadText = (file: string) => readFile(new URL(`../public/datasets/${file}`, import.meta.url), 'utf8');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The experiment the page would run for a benchmark workload (same layer sizes, batch, optimizer). */
export function sessionConfig(w: Workload): ExperimentConfig | null {
  const c = defaultConfig();
  if (w.name === 'tiny') c.data = { ...c.data, dataset: 'circles', points: 500 };
  else if (w.name === 'digits') c.data = { ...c.data, dataset: 'digits' };
  else return null;
  c.model = { ...c.model, hiddenLayers: w.layers.slice(1, -1), activation: w.activation };
  c.optimizer =
    w.optimizer === 'sgd'
      ? { type: 'sgd', lr: w.learningRate, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 }
      : { type: 'adam', lr: w.learningRate, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false };
  c.training = { ...c.training, batchSize: w.batchSize, epochs: 10_000 };
  return c;
}

/**
 * The same experiment trained by the plain loop a PyTorch user writes — DataLoader batches,
 * zero_grad, forward, loss, backward, step — with no metrics and no time slices: what the session
 * adds on top of this is the cost of watching.
 */
export async function measureBareLoop(w: Workload, measure: MeasureOptions): Promise<number | null> {
  const config = sessionConfig(w);
  if (!config) return null;
  const texts: Record<string, string> = {};
  if (config.data.dataset === 'digits') texts['digits.csv'] = await loadText('digits.csv');
  const { setup } = buildExperiment(config, texts);
  const { model, lossFn, optimizer, trainLoader } = setup;
  let batches = trainLoader.iter();
  return stepsPerSecond(() => {
    let next = batches.next();
    if (next.done) {
      batches = trainLoader.iter();
      next = batches.next();
    }
    const [x, y] = next.value;
    optimizer.zeroGrad();
    lossFn.forward(model.forward(x), y).backward();
    optimizer.step();
  }, measure);
}

export interface SessionMeasurement {
  stepsPerSecond: number;
  /** median ms from pause() being due to the last metrics batch */
  pauseToLastBatchMs: number;
  /** worst of the pause trials */
  pauseWorstMs: number;
}

export async function measureSession(w: Workload, runs = 5, runMs = 600): Promise<SessionMeasurement | null> {
  const config = sessionConfig(w);
  if (!config) return null;
  const session = new TrainingSession({ loadText });
  let lastBatchAt = 0;
  await session.init(config, (_batch: MetricsBatch) => {
    lastBatchAt = performance.now();
  });
  session.play();
  await sleep(500); // warm-up
  const rates: number[] = [];
  const pauses: number[] = [];
  for (let r = 0; r < runs; r++) {
    const startStep = session.status().step;
    const start = performance.now();
    // pause() arrives as a message would: a task queued while a slice runs
    const due = start + runMs;
    await new Promise<void>((resolve) => setTimeout(() => {
      session.pause();
      resolve();
    }, runMs));
    const elapsed = performance.now() - start;
    rates.push(((session.status().step - startStep) * 1000) / elapsed);
    await sleep(60);
    pauses.push(lastBatchAt - due);
    session.play();
  }
  session.dispose();
  return { stepsPerSecond: median(rates), pauseToLastBatchMs: median(pauses), pauseWorstMs: Math.max(...pauses) };
}
