/**
 * The kept runs (store/runs.ts) survive a reload: they are written to IndexedDB in the browser
 * (nothing leaves it) a moment after they change — the run under way too, every few seconds —
 * and read back when the page opens; a kept run is written once, as it no longer changes. A stored run
 * keeps its settings, live changes, how it ended, colour, visibility, its step columns (batch
 * loss, learning rate, gradient norm; at most MAX_STORED_STEPS of them, thinned evenly beyond) and
 * its evaluations (without the activation statistics). What is read back is checked field by
 * field: a record that does not fit is left out, and the page says so.
 */
import { validateConfig } from '../../engine/train/config';
import type { SessionStatus } from '../../workers/session';
import { MAX_NAME, type LiveChange, type PastRun } from './runs';
import { RunHistory, StepSeries, type EvaluationRecord, type StoredSteps } from './series';
import { transact as transactIn } from './idb';

/** Steps kept per stored run: the charts draw ~1,000 of them, the CSV of a restored run has these. */
export const MAX_STORED_STEPS = 20_000;

export interface StoredRun {
  id: number;
  config: unknown;
  changes: LiveChange[];
  status: SessionStatus | null;
  color: string;
  visible: boolean;
  name?: string;
  steps: StoredSteps;
  evaluations: EvaluationRecord[];
}

/** Every `stride`-th step (always the last), so that at most `max` remain. */
function thinned(steps: StoredSteps, max: number): StoredSteps {
  const n = steps.step.length;
  if (n <= max) return steps;
  const stride = Math.ceil(n / max);
  const keep: number[] = [];
  for (let i = 0; i < n; i += stride) keep.push(i);
  if (keep[keep.length - 1] !== n - 1) keep.push(n - 1);
  const pick = <T extends Float32Array | Float64Array>(column: T, make: (n: number) => T): T => {
    const out = make(keep.length);
    keep.forEach((k, i) => (out[i] = column[k]));
    return out;
  };
  const f64 = (k: number) => new Float64Array(k);
  const f32 = (k: number) => new Float32Array(k);
  return { step: pick(steps.step, f64), epoch: pick(steps.epoch, f64), loss: pick(steps.loss, f32), lr: pick(steps.lr, f64), gradNorm: pick(steps.gradNorm, f32) };
}

export function toStored(run: PastRun): StoredRun {
  return {
    id: run.id,
    config: run.config,
    changes: run.changes,
    status: run.status,
    color: run.color,
    visible: run.visible,
    ...(run.name !== undefined ? { name: run.name } : {}),
    steps: thinned(run.history.steps.snapshot(), MAX_STORED_STEPS),
    evaluations: run.history.evaluations.map((e) => ({ ...e, activations: [] })),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isSteps(v: unknown): v is StoredSteps {
  if (!isObject(v)) return false;
  const n = v.step instanceof Float64Array ? v.step.length : -1;
  return (
    n >= 0 &&
    v.epoch instanceof Float64Array && v.epoch.length === n &&
    v.loss instanceof Float32Array && v.loss.length === n &&
    v.lr instanceof Float64Array && v.lr.length === n &&
    v.gradNorm instanceof Float32Array && v.gradNorm.length === n
  );
}

function isEvaluation(v: unknown): v is EvaluationRecord {
  return isObject(v) && typeof v.step === 'number' && typeof v.epoch === 'number' && isObject(v.train) && isObject(v.validation) &&
    typeof v.train.loss === 'number' && typeof v.validation.loss === 'number';
}

/** A stored run back as a kept run, or null when it does not fit (then it is left out). */
export function fromStored(value: unknown): PastRun | null {
  if (!isObject(value)) return null;
  const { id, changes, status, color, visible, steps, evaluations, name } = value;
  if (name !== undefined && (typeof name !== 'string' || name.length > MAX_NAME)) return null;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) return null;
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color) || typeof visible !== 'boolean') return null;
  if (!Array.isArray(changes) || !changes.every((c) => isObject(c) && typeof c.step === 'number' && typeof c.path === 'string')) return null;
  if (!isSteps(steps) || !Array.isArray(evaluations) || !evaluations.every(isEvaluation)) return null;
  if (status !== null && !(isObject(status) && typeof status.state === 'string' && typeof status.step === 'number')) return null;
  const checked = validateConfig(value.config);
  if (!checked.ok) return null;
  const history = new RunHistory(StepSeries.fromSnapshot(steps));
  history.evaluations.push(...evaluations);
  return { id, config: checked.config, changes: changes as LiveChange[], status: status as SessionStatus | null, color, visible, history, ...(name !== undefined ? { name } : {}) };
}

/** Reads what was stored: the runs that fit, and how many did not. */
export function readStored(value: unknown): { runs: PastRun[]; unreadable: number } {
  if (!Array.isArray(value)) return { runs: [], unreadable: value === undefined ? 0 : 1 };
  const runs: PastRun[] = [];
  let unreadable = 0;
  for (const item of value) {
    const run = fromStored(item);
    if (run) runs.push(run);
    else unreadable++;
  }
  return { runs, unreadable };
}

// ---- IndexedDB: one database, one object store, a record per run (keyed by its number) ------

const DB = 'training-playground';
const STORE = 'runs';

function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return transactIn<T>(DB, STORE, mode, work);
}

/** The run objects last written, by number: a kept run does not change, so it is written once. */
const written = new Map<number, PastRun>();

export async function loadRuns(): Promise<{ runs: PastRun[]; unreadable: number }> {
  const stored = await transact<unknown[]>('readonly', (store) => store.getAll());
  const result = readStored(stored ?? []);
  result.runs.sort((a, b) => a.id - b.id);
  for (const run of result.runs) written.set(run.id, run);
  return result;
}

/** Writes the runs that changed since the last write and deletes those no longer kept. */
export async function saveRuns(runs: readonly PastRun[]): Promise<void> {
  const changed = runs.filter((run) => written.get(run.id) !== run);
  const gone = [...written.keys()].filter((id) => !runs.some((run) => run.id === id));
  if (changed.length === 0 && gone.length === 0) return;
  const records = changed.map((run) => [run.id, toStored(run)] as const);
  await transact('readwrite', (store) => {
    for (const [id, record] of records) store.put(record, id);
    for (const id of gone) store.delete(id);
  });
  for (const run of changed) written.set(run.id, run);
  for (const id of gone) written.delete(id);
}
