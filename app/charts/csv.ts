/**
 * The runs' curves as CSV, to take away to a spreadsheet, pandas or a report: one row per step per
 * run (and one for the evaluation before training, step 0), with the run's number and label, the
 * settings that set the runs apart (and always the learning rate and batch size), the step's
 * batch loss, learning rate and gradient norm, and — on the step that ended an epoch — that
 * evaluation's train and validation loss and accuracy (or R²). RFC 4180: commas, quoted text.
 */
import type { ExperimentConfig } from '../../engine/train/config';
import { differingPaths, leaves } from '../store/runs';
import type { EvaluationRecord, RunHistory } from '../store/series';

export interface CsvRun {
  id: number;
  label: string;
  config: ExperimentConfig;
  history: RunHistory;
}

/** Settings every file names, whether or not they differ. */
const ALWAYS = ['optimizer.lr', 'training.batchSize'];

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'NaN' : value > 0 ? 'inf' : '-inf';
  if (Array.isArray(value)) return quote(value.join(' '));
  return quote(String(value));
}

/** The config paths the file has a column for: those that differ between the runs, then ALWAYS. */
export function settingColumns(runs: readonly CsvRun[]): string[] {
  const paths = new Set(differingPaths(runs.map((r) => leaves(r.config))));
  for (const path of ALWAYS) paths.add(path);
  return [...paths];
}

function metric(split: EvaluationRecord['train'] | undefined): number | undefined {
  return split?.classification?.accuracy ?? split?.regression?.r2;
}

/**
 * Most step rows a file holds (≈ 80 MB of text): past this every `stride`-th step is written (and
 * every step that ended an epoch, with its evaluation), so a run of millions of steps still
 * downloads instead of exhausting the page's memory.
 */
export const MAX_CSV_ROWS = 1_000_000;

/**
 * The file's text, header first; `rows` is its number of data rows, `stride` 1 when every step is
 * in it, k when only every k-th step is (the page says so).
 */
export function runsCsv(runs: readonly CsvRun[], maxRows = MAX_CSV_ROWS): { text: string; rows: number; stride: number } {
  const total = runs.reduce((sum, r) => sum + r.history.steps.length, 0);
  const stride = Math.max(1, Math.ceil(total / maxRows));
  const settings = settingColumns(runs);
  const header = ['run', 'label', ...settings, 'step', 'epoch', 'batch_loss', 'lr', 'grad_norm', 'train_loss', 'val_loss', 'train_metric', 'val_metric'];
  const lines = [header.join(',')];
  for (const run of runs) {
    const values = leaves(run.config);
    const prefix = [String(run.id), quote(run.label), ...settings.map((p) => cell(values.get(p)))].join(',');
    const byStep = new Map(run.history.evaluations.map((e) => [e.step, e]));
    const evaluationCells = (e: EvaluationRecord | undefined) =>
      e === undefined ? ',,,' : [cell(e.train.loss), cell(e.validation.loss), cell(metric(e.train)), cell(metric(e.validation))].join(',');
    const steps = run.history.steps;
    const step = steps.column('step');
    const epoch = steps.column('epoch');
    const loss = steps.column('loss');
    const lr = steps.column('lr');
    const gradNorm = steps.column('gradNorm');
    const first = byStep.get(0);
    if (first !== undefined) lines.push(`${prefix},0,0,,,,${evaluationCells(first)}`);
    for (let i = 0; i < steps.length; i++) {
      if (stride > 1 && i % stride !== 0 && i !== steps.length - 1 && !byStep.has(step[i])) continue;
      lines.push(`${prefix},${step[i]},${cell(Number(epoch[i].toPrecision(6)))},${cell(loss[i])},${cell(lr[i])},${cell(gradNorm[i])},${evaluationCells(byStep.get(step[i]))}`);
    }
  }
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1, stride };
}
