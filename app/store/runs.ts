/**
 * Earlier runs of this page, kept to compare with the current one (issue 10): each with the
 * settings it started with, the settings changed while it ran, its metric history, how it ended,
 * a colour, and whether its curves are drawn over the current run's. Runs are labelled by the
 * settings that differ between them ("lr=0.1, dropout=0.5"), as TensorBoard's run names say.
 */
import type { ExperimentConfig } from '../../engine/train/config';
import type { SessionStatus } from '../../workers/session';
import type { RunHistory } from './series';

/** A setting changed while the run went on (it did not restart the run). */
export interface LiveChange {
  /** the step the change came at (the steps before it ran with the old value) */
  step: number;
  path: string;
  value: unknown;
}

/** The run under way: its number, the settings it started with and those changed while it runs. */
export interface CurrentRun {
  /** counts the runs of this page from 1: its number in the runs table ("#3") */
  id: number;
  config: ExperimentConfig;
  changes: LiveChange[];
}

export interface PastRun extends CurrentRun {
  history: RunHistory;
  /** how it ended: finished, early-stopped, diverged, or stopped where it stood */
  status: SessionStatus | null;
  color: string;
  visible: boolean;
  /** the name the learner gave it, shown instead of its label */
  name?: string;
}

/** The longest name a run can be given. */
export const MAX_NAME = 60;

/** The most runs kept besides the current one; the oldest goes first. */
export const MAX_RUNS = 10;

/**
 * Colours of earlier runs: distinct from each other and from the current run's blue (train),
 * orange (validation) and green (learning rate), readable on light and dark backgrounds.
 */
export const RUN_COLORS = ['#cc79a7', '#7570b3', '#999933', '#17becf', '#8c564b', '#e6ab02', '#a6761d', '#bcbd22', '#e377c2', '#666666'] as const;

/** The run's colour: the first one no kept run has, so that a colour names one run at a time. */
export function nextColor(runs: readonly Pick<PastRun, 'color'>[]): string {
  const used = new Set(runs.map((r) => r.color));
  return RUN_COLORS.find((c) => !used.has(c)) ?? RUN_COLORS[runs.length % RUN_COLORS.length];
}

/**
 * The runs with `run` added (when it took a step), newest last; past MAX_RUNS the oldest are
 * dropped, and `dropped` says how many.
 */
export function archiveRun(runs: readonly PastRun[], run: Omit<PastRun, 'color' | 'visible'>): { runs: PastRun[]; dropped: number } {
  if (run.history.steps.length === 0) return { runs: [...runs], dropped: 0 };
  const kept = runs.slice(Math.max(0, runs.length - (MAX_RUNS - 1)));
  return { runs: [...kept, { ...run, color: nextColor(kept), visible: true }], dropped: runs.length - kept.length };
}

/**
 * Whether a kept run's curves can be drawn over the current run's: only on the same data set
 * (another one has other losses, and may be regression where this is classification).
 */
export function comparable(run: Pick<PastRun, 'config'>, dataset: string): boolean {
  return run.config.data.dataset === dataset;
}

/** Every leaf setting of a config, by its path ("optimizer.lr"); arrays are leaves. */
export function leaves(config: ExperimentConfig): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(prefix ? `${prefix}.${key}` : key, child);
    } else out.set(prefix, value);
  };
  walk('', config);
  return out;
}

/**
 * The settings (by path, in the configs' order) whose value is not the same in every config,
 * a setting that only some have included.
 */
export function differingPaths(all: ReadonlyArray<ReadonlyMap<string, unknown>>): string[] {
  const paths = new Set<string>();
  for (const l of all) {
    for (const [path, value] of l) {
      if (!paths.has(path) && all.some((other) => JSON.stringify(other.get(path)) !== JSON.stringify(value))) paths.add(path);
    }
  }
  return [...paths];
}

/** Whether a kept run's curves are drawn now: shown, and on the current data set. */
export function drawn(run: Pick<PastRun, 'config' | 'visible'>, dataset: string): boolean {
  return run.visible && comparable(run, dataset);
}

/** A setting's short name: its last word, or its section's for a `type` ("optimizer=adam"). */
function shortName(path: string): string {
  const parts = path.split('.');
  const last = parts[parts.length - 1];
  return last === 'type' && parts.length > 1 ? parts[parts.length - 2] : last;
}

function shortValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.join(',')}]`;
  if (typeof value === 'number') return String(Number(value.toPrecision(4)));
  return String(value);
}

/** Parts of a label before it is cut short with "…". */
const MAX_PARTS = 3;

/**
 * A label for each run (in order), from the settings that differ between them: "lr=0.1,
 * dropout=0.5"; a live change reads "lr→0.1 @300". Runs whose settings are all the same are told
 * apart by their number ("#3").
 */
export function runLabels(runs: ReadonlyArray<{ id: number; config: ExperimentConfig; changes: readonly LiveChange[] }>, current: number | null = null): string[] {
  const all = runs.map((r) => leaves(r.config));
  const differing = new Set(differingPaths(all));
  // another optimizer or scheduler brings settings of its own: its name says enough
  for (const path of [...differing]) {
    const section = path.slice(0, path.indexOf('.'));
    if (!path.endsWith('.type') && differing.has(`${section}.type`)) differing.delete(path);
  }
  const labels = runs.map((run, i) => {
    const parts = [...differing].filter((p) => all[i].has(p)).map((p) => `${shortName(p)}=${shortValue(all[i].get(p))}`);
    for (const change of run.changes) parts.push(`${shortName(change.path)}→${shortValue(change.value)} @${change.step}`);
    if (parts.length === 0) return `#${run.id}`;
    return parts.length > MAX_PARTS ? `${parts.slice(0, MAX_PARTS).join(', ')}, …` : parts.join(', ');
  });
  // two kept runs with the same settings among others (a lesson's run and a comparison's): their
  // numbers tell them apart in the legends; the current run (`current`) is named there otherwise
  const count = new Map<string, number>();
  labels.forEach((label, i) => runs[i].id !== current && count.set(label, (count.get(label) ?? 0) + 1));
  return labels.map((label, i) => ((count.get(label) ?? 0) > 1 && runs[i].id !== current && !label.startsWith('#') ? `${label} #${runs[i].id}` : label));
}
