/**
 * Checkpoints: the experiment, the model's state dict, the optimizer's and the schedule's state and
 * where the run stood, as one JSON file — what `torch.save({'model': model.state_dict(),
 * 'optimizer': optimizer.state_dict(), ...})` keeps, in a form the browser can write and PyTorch can
 * read without this engine (a `.pt` is a pickle, out of reach here):
 *
 *     checkpoint = json.load(open("checkpoint.json"))
 *     model.load_state_dict({k: torch.tensor(v["data"]).reshape(v["shape"]) for k, v in checkpoint["model"].items()})
 *
 * The model's keys are PyTorch's (`0.weight`, `1.running_mean`…) for the exported script's
 * nn.Sequential: the engine keeps a Dropout layer even at p = 0 (so that p can change while
 * training), the script writes none then, so the layers after it are numbered as the script's.
 */
import { validateConfig, type ExperimentConfig } from './config';
import type { BuiltExperiment } from './build';
import * as nn from '../nn';
import type { OptimizerStateDict } from '../optim/optimizer';
import type { RunStatus, SchedulerState } from './trainer';
import type { GeneratorState } from '../random';

export const CHECKPOINT_FORMAT = 'training-playground-checkpoint';
export const CHECKPOINT_VERSION = 1;
export { MAX_CHECKPOINT_BYTES } from './checkpointLimits';

export interface SavedTensor {
  shape: number[];
  data: number[];
}

export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  version: number;
  /** when it was saved (ISO 8601), for people reading the file */
  saved: string;
  config: ExperimentConfig;
  run: Pick<RunStatus, 'epoch' | 'step' | 'samplesSeen' | 'bestEpoch' | 'bestValidationLoss'> & {
    /** the run's first loss and its smoothed loss, which the divergence test compares (null before the first step) */
    firstLoss?: number | null;
    smoothedLoss?: number | null;
  };
  /** the validation loss of these weights when saved, to check a load against */
  validationLoss: number | null;
  model: Record<string, SavedTensor>;
  optimizer: OptimizerStateDict;
  scheduler: SchedulerState | null;
  /** the run's random generator: saved at an epoch's end, training goes on exactly as it would have */
  generator: GeneratorState;
}

/**
 * The engine's state-dict keys and the exported script's, in order: the same but for the layer
 * numbers, which skip the engine's Dropout layers when p = 0 (the script has none).
 */
export function torchKeys(built: BuiltExperiment): Map<string, string> {
  const renumber = new Map<string, string>();
  let index = 0;
  for (const [name, module] of built.setup.model.namedChildren()) {
    if (module instanceof nn.Dropout && module.p === 0) continue;
    renumber.set(name, String(index++));
  }
  const keys = new Map<string, string>();
  for (const key of Object.keys(built.setup.model.stateDict())) {
    const [layer, ...rest] = key.split('.');
    keys.set(key, [renumber.get(layer) ?? layer, ...rest].join('.'));
  }
  return keys;
}

export function makeCheckpoint(built: BuiltExperiment, config: ExperimentConfig, validationLoss: number | null, saved = new Date()): Checkpoint {
  const { model, optimizer, scheduler } = built.setup;
  const state: Record<string, SavedTensor> = {};
  const keys = torchKeys(built);
  for (const [key, tensor] of Object.entries(model.stateDict())) state[keys.get(key)!] = { shape: tensor.shape.slice(), data: Array.from(tensor.data) };
  const { epoch, step, samplesSeen, bestEpoch, bestValidationLoss } = built.trainer.status;
  return {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    saved: saved.toISOString(),
    config: structuredClone(config),
    run: { epoch, step, samplesSeen, bestEpoch, bestValidationLoss, ...finiteLosses(built.trainer.lossBaseline()) },
    validationLoss,
    model: state,
    optimizer: optimizer.stateDict(),
    scheduler: scheduler?.state() ?? null,
    generator: built.generator.getState(),
  };
}

function finiteLosses({ first, smoothed }: { first: number; smoothed: number }): { firstLoss: number | null; smoothedLoss: number | null } {
  return { firstLoss: Number.isFinite(first) ? first : null, smoothedLoss: Number.isFinite(smoothed) ? smoothed : null };
}

export type CheckpointRead = { ok: true; checkpoint: Checkpoint; config: ExperimentConfig } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Parses and checks a checkpoint file's text; every refusal says what is wrong in words a person
 * can act on. The model's tensors are checked against the experiment when it is restored.
 */
export function readCheckpoint(text: string): CheckpointRead {
  if (text.trim() === '') return { ok: false, error: 'The file is empty.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not JSON (${error instanceof Error ? error.message : String(error)}); a checkpoint is the .json file "Save model" writes.` };
  }
  if (!isObject(value) || value.format !== CHECKPOINT_FORMAT) {
    return { ok: false, error: `The file is JSON but not a Training Playground checkpoint (it has no "format": "${CHECKPOINT_FORMAT}").` };
  }
  if (typeof value.version !== 'number' || value.version > CHECKPOINT_VERSION) {
    return { ok: false, error: `The checkpoint is version ${String(value.version)}; this page reads version ${CHECKPOINT_VERSION}. Open it with a newer page.` };
  }
  const checked = validateConfig(value.config);
  if (!checked.ok) {
    return { ok: false, error: `The checkpoint's experiment cannot be used: ${checked.errors.map((e) => e.message).join('; ')}` };
  }
  const run = value.run;
  if (!isObject(run) || !count(run.step) || !count(run.epoch) || !count(run.samplesSeen)) {
    return { ok: false, error: 'The checkpoint has no valid "run" (its step, epoch and samples seen).' };
  }
  if (!isObject(value.model)) return { ok: false, error: 'The checkpoint has no "model" state dict.' };
  for (const [key, tensor] of Object.entries(value.model)) {
    if (!isObject(tensor) || !Array.isArray(tensor.shape) || !tensor.shape.every(count) || !Array.isArray(tensor.data)) {
      return { ok: false, error: `The model's "${key}" is not a {"shape": [...], "data": [...]} tensor.` };
    }
    const size = (tensor.shape as number[]).reduce((a, b) => a * b, 1);
    if (tensor.data.length !== size) return { ok: false, error: `The model's "${key}" has ${tensor.data.length} numbers for shape [${(tensor.shape as number[]).join(', ')}] (${size}).` };
    if (!tensor.data.every((x) => typeof x === 'number' && Number.isFinite(x))) return { ok: false, error: `The model's "${key}" holds a value that is not a finite number.` };
  }
  const g = value.generator;
  if (g !== undefined && !(isObject(g) && Array.isArray(g.s) && g.s.length === 4 && g.s.every((x) => typeof x === 'number'))) {
    return { ok: false, error: 'The checkpoint\'s "generator" state is not valid.' };
  }
  if (!isObject(value.optimizer) || !isObject(value.optimizer.state) || !Array.isArray(value.optimizer.paramGroups)) {
    return { ok: false, error: 'The checkpoint has no valid "optimizer" state.' };
  }
  return { ok: true, checkpoint: value as unknown as Checkpoint, config: checked.config };
}

/**
 * Loads a checkpoint into a freshly built experiment of its config: the model's state dict (every
 * key, each of its shape), the schedule replayed to its step, the optimizer's state (its moments
 * and the rate in force), and where the run stood. Throws, naming the key, when the file does not
 * fit the model; nothing is half-loaded into a run that was going on (the experiment is new).
 */
export function restoreCheckpoint(built: BuiltExperiment, checkpoint: Checkpoint): void {
  const { optimizer, scheduler } = built.setup;
  // the live tensors by the script's keys (the file's)
  const keys = torchKeys(built);
  const engine = built.setup.model.stateDict();
  const live = Object.fromEntries(Object.entries(engine).map(([key, tensor]) => [keys.get(key)!, tensor]));
  const expected = Object.keys(live);
  const given = Object.keys(checkpoint.model);
  const missing = expected.filter((k) => !(k in checkpoint.model));
  const unexpected = given.filter((k) => !(k in live));
  if (missing.length > 0 || unexpected.length > 0) {
    const parts = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', unexpected.length > 0 ? `unexpected ${unexpected.join(', ')}` : ''].filter(Boolean);
    throw new Error(`The checkpoint's model does not fit this experiment's (${parts.join('; ')}).`);
  }
  for (const key of expected) {
    const want = live[key].shape;
    const got = checkpoint.model[key].shape;
    if (want.length !== got.length || want.some((d, i) => d !== got[i])) {
      throw new Error(`The checkpoint's ${key} has shape [${got.join(', ')}]; this model's is [${want.join(', ')}].`);
    }
  }
  for (const key of expected) live[key].data.set(checkpoint.model[key].data);
  if (scheduler !== null && checkpoint.scheduler !== null) scheduler.load(checkpoint.scheduler);
  try {
    optimizer.loadStateDict(checkpoint.optimizer);
  } catch (error) {
    throw new Error(`The checkpoint's optimizer state does not fit: ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (checkpoint.generator) built.generator.setState(checkpoint.generator);
  const { firstLoss, smoothedLoss } = checkpoint.run;
  built.trainer.resumeAt(checkpoint.run, typeof firstLoss === 'number' && typeof smoothedLoss === 'number' ? { first: firstLoss, smoothed: smoothedLoss } : undefined);
}
