/**
 * Runs a sweep (store/sweep.ts): one training worker per value, each with its own engine, the runs
 * kept beside the others and drawn over the charts as they grow (issue 10.3). At a watching pace
 * every value runs at once (each takes a few dozen steps a second, little for any machine); at Max
 * as many run as there are cores to spare, the rest wait their turn. No memory is shared: each
 * worker streams its metrics as the page's own does.
 */
import type { ExperimentConfig } from '../../engine/train/config';
import { TrainingClient } from '../../workers/client';
import type { MetricsBatch } from '../../workers/session';
import { useStore, type SweepStatus } from '../store';
import { MAX_RUNS, nextColor, type PastRun } from '../store/runs';
import { RunHistory } from '../store/series';
import type { Sweep } from '../store/sweep';
import { batchesPerEpoch, stepsPerSecond } from './pace';
import { ownTable } from './ownTable';

/** How often the charts may redraw for the sweep's runs. */
const REFRESH_MS = 100;

interface Lane {
  id: number;
  config: ExperimentConfig;
  client: TrainingClient | null;
  run: number;
  history: RunHistory;
  ended: boolean;
}

let lanes: Lane[] = [];
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

const state = () => useStore.getState();

const ENDED = new Set(['finished', 'earlyStopped', 'diverged', 'error']);

/** Batches per epoch of `config` on the data the page has loaded (sweeps never change the data). */
function stepsPerEpochOf(config: ExperimentConfig): number {
  return batchesPerEpoch(state().points?.train.n ?? 0, config.training);
}

/** A run's pace at the speed chosen, for its own length. */
function laneSpeed(lane: Lane): number | null {
  return stepsPerSecond(state().speed, lane.config.training.epochs * stepsPerEpochOf(lane.config));
}

/** Runs that may train at once: all of them at a watching pace; at Max one per spare core. */
function concurrency(count: number): number {
  if (state().speed !== 'max') return count;
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(count, cores - 1));
}

function setSweep(patch: Partial<SweepStatus> | null): void {
  const s = state();
  s.setRunState({ sweep: patch === null || s.sweep === null ? (patch as SweepStatus | null) : { ...s.sweep, ...patch } });
}

/** Replaces a sweep run in the kept runs (its status or history changed). */
function updateRun(id: number, patch: Partial<PastRun>): void {
  const s = state();
  s.setRunState({ pastRuns: s.pastRuns.map((r) => (r.id === id ? { ...r, ...patch } : r)) });
}

function scheduleRefresh(): void {
  if (refreshTimer !== null) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    const s = state();
    s.setRunState({ sweepVersion: s.sweepVersion + 1 });
  }, REFRESH_MS);
}

function onLaneMetrics(lane: Lane, batch: MetricsBatch): void {
  if (!lanes.includes(lane)) return;
  if (batch.reset || batch.run !== lane.run) {
    // a worker that restarted after a crash begins the run again
    lane.run = batch.run;
    if (lane.history.steps.length > 0) {
      lane.history = new RunHistory();
      updateRun(lane.id, { history: lane.history });
    }
  }
  const perEpoch = stepsPerEpochOf(lane.config);
  for (const record of batch.steps) lane.history.steps.push(record, perEpoch);
  for (const record of batch.evaluations) lane.history.evaluations.push(record);
  lane.history.version++;
  const status = batch.status;
  if (status) {
    const before = state().pastRuns.find((r) => r.id === lane.id)?.status;
    // the table shows the state and epoch: replace the run when they change, not at every step
    if (before?.state !== status.state || before?.epoch !== status.epoch || before?.playing !== status.playing) updateRun(lane.id, { status });
    if (ENDED.has(status.state) && !lane.ended) {
      lane.ended = true;
      lane.client?.dispose();
      lane.client = null;
      void startWaiting();
    }
  }
  scheduleRefresh();
}

async function startLane(lane: Lane): Promise<void> {
  const client = new TrainingClient({
    onMetrics: (batch) => onLaneMetrics(lane, batch),
    onRestart: (message) => state().setRunState({ notice: { kind: 'worker', text: message } }),
  });
  lane.client = client;
  const table = ownTable();
  if (lane.config.data.dataset === 'custom' && table !== null) await client.useTable(...table);
  const result = await client.init(lane.config);
  if (result.errors.length > 0) {
    lane.ended = true;
    return;
  }
  await client.api.setSpeed(laneSpeed(lane));
  if (state().sweep?.state === 'running' && lane.client === client) await client.api.play();
}

/** Starts the runs that wait, as far as the concurrency allows; marks the sweep done when all ended. */
async function startWaiting(): Promise<void> {
  const busy = lanes.filter((l) => l.client !== null && !l.ended).length;
  const waiting = lanes.filter((l) => l.client === null && !l.ended);
  const free = concurrency(lanes.length) - busy;
  await Promise.all(waiting.slice(0, Math.max(0, free)).map(startLane));
  if (lanes.length > 0 && lanes.every((l) => l.ended)) setSweep({ state: 'done' });
}

/**
 * Starts a sweep: a run for each of its experiments (`configs`, from sweepConfigs), numbered by
 * `ids`, kept with the earlier runs (the oldest go past MAX_RUNS).
 */
export async function runSweep(sweep: Sweep, configs: readonly ExperimentConfig[], ids: () => number): Promise<void> {
  stopSweep();
  const s = state();
  let pastRuns = s.pastRuns.slice(Math.max(0, s.pastRuns.length - (MAX_RUNS - configs.length)));
  lanes = configs.map((config) => ({ id: ids(), config, client: null, run: -1, history: new RunHistory(), ended: false }));
  for (const lane of lanes) {
    pastRuns = [...pastRuns, { id: lane.id, config: lane.config, changes: [], history: lane.history, status: null, color: nextColor(pastRuns), visible: true }];
  }
  s.setRunState({ pastRuns, sweep: { path: sweep.path, values: sweep.values, runIds: lanes.map((l) => l.id), state: 'running' } });
  await startWaiting();
}

export function sweepActive(): boolean {
  const sweep = state().sweep;
  return sweep !== null && sweep.state !== 'done';
}

export async function playSweep(): Promise<void> {
  if (!sweepActive()) return;
  setSweep({ state: 'running' });
  await Promise.all(lanes.filter((l) => l.client && !l.ended).map((l) => l.client!.api.play()));
}

export async function pauseSweep(): Promise<void> {
  if (!sweepActive()) return;
  setSweep({ state: 'paused' });
  await Promise.all(lanes.filter((l) => l.client && !l.ended).map((l) => l.client!.api.pause()));
}

/** The pace changed (another speed): the runs under way take it. */
export async function setSweepSpeed(): Promise<void> {
  await Promise.all(lanes.filter((l) => l.client && !l.ended).map((l) => l.client!.api.setSpeed(laneSpeed(l))));
}

/**
 * Stops the sweep where it stands: its workers end, its runs stay kept as far as they got
 * ("stopped at step n"), the ones that never started are forgotten.
 */
export function stopSweep(): void {
  if (lanes.length === 0 && state().sweep === null) return;
  const unstarted = new Set(lanes.filter((l) => l.history.steps.length === 0).map((l) => l.id));
  for (const lane of lanes) lane.client?.dispose();
  lanes = [];
  if (refreshTimer !== null) clearTimeout(refreshTimer);
  refreshTimer = null;
  const s = state();
  s.setRunState({
    sweep: s.sweep === null ? null : { ...s.sweep, state: 'done' },
    pastRuns: s.pastRuns.filter((r) => !unstarted.has(r.id)),
    sweepVersion: s.sweepVersion + 1,
  });
}

/** A sweep's run forgotten from the table (or all of them): its worker ends, the other runs go on. */
export function forgetSweepRun(id: number | 'all'): void {
  if (id === 'all') return clearSweep();
  const lane = lanes.find((l) => l.id === id);
  if (!lane) return;
  lane.client?.dispose();
  lanes = lanes.filter((l) => l !== lane);
  const s = state();
  if (s.sweep !== null) s.setRunState({ sweep: { ...s.sweep, runIds: s.sweep.runIds.filter((r) => r !== id) } });
  if (lanes.length === 0) setSweep({ state: 'done' });
  else void startWaiting();
}

/** Forgets a sweep that is done (the runs stay). */
export function clearSweep(): void {
  stopSweep();
  state().setRunState({ sweep: null });
}
