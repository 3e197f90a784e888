/** The benchmark's printed table: steps/s per workload and framework, and our ratio to each. */
import type { MeasureOptions } from './measure';
import type { BrowserRun } from './browser';
import type { TfjsBackend } from './tfjs';
import type { Workload } from './workloads';

export interface Row {
  workload: Workload;
  ours: number;
  /** steps/s, or a word saying why there is no figure */
  tfjs: Map<TfjsBackend, number | string>;
  torch: number | null;
}

const rate = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const ratio = (ours: number, theirs: number): string => `${(ours / theirs).toFixed(2)}×`;

function describe(w: Workload): string {
  return `${w.layers.join('-')} ${w.activation}, batch ${w.batchSize}, ${w.optimizer === 'sgd' ? 'SGD' : 'Adam'}`;
}

export function printTable(rows: Row[], backends: TfjsBackend[], measure: MeasureOptions, notes: string[]): void {
  const header = ['workload', 'model', 'ours', 'target'];
  for (const b of backends) header.push(`TF.js ${b}`, `ours/${b}`);
  const hasTorch = rows.some((r) => r.torch !== null);
  if (hasTorch) header.push('PyTorch', 'ours/torch');

  const lines = rows.map((r) => {
    const cells = [r.workload.name, describe(r.workload), rate(r.ours), `${rate(r.workload.target)} ${r.ours >= r.workload.target ? 'met' : 'MISSED'}`];
    for (const b of backends) {
      const theirs = r.tfjs.get(b);
      if (typeof theirs === 'number') cells.push(rate(theirs), ratio(r.ours, theirs));
      else cells.push(theirs ?? '-', '-');
    }
    if (hasTorch) cells.push(r.torch === null ? '-' : rate(r.torch), r.torch === null ? '-' : ratio(r.ours, r.torch));
    return cells;
  });

  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const format = (cells: string[]): string =>
    cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');

  console.log(
    `\nTraining steps per second: forward, cross-entropy, backward, optimizer step of one mini-batch.\n` +
      `Median of ${measure.runs} runs of ${measure.runMs} ms after ${measure.warmupMs} ms warm-up; ` +
      `single thread; Node ${process.version}. Higher is better; ours/x > 1 means we are faster.\n`,
  );
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  for (const note of notes) console.log(`\nnote: ${note}`);
  console.log('');
}

/** The Chromium worker's table: our engine on each backend there, TF.js wasm there, PyTorch in the same run. */
export function printBrowserTable(rows: Row[], run: BrowserRun, measure: MeasureOptions): void {
  const header = ['workload', ...run.backends.map((b) => `ours ${b}`), 'TF.js wasm', 'ours/TF.js', 'PyTorch', 'ours/torch', 'goal'];
  const lines = rows.map((r) => {
    const measured = run.rows.get(r.workload.name);
    const ours = measured ? Math.max(...run.backends.map((b) => measured.ours[b] ?? 0)) : 0;
    const tfjs = measured?.tfjsWasm;
    const cells = [r.workload.name, ...run.backends.map((b) => (measured?.ours[b] === undefined ? '-' : rate(measured.ours[b])))];
    if (typeof tfjs === 'number') cells.push(rate(tfjs), ratio(ours, tfjs));
    else cells.push(tfjs ?? '-', '-');
    if (r.torch === null) cells.push('-', '-', `≥ ${r.workload.torchRatioTarget}×`);
    else cells.push(rate(r.torch), ratio(ours, r.torch), `≥ ${r.workload.torchRatioTarget}× ${ours / r.torch >= r.workload.torchRatioTarget ? 'met' : 'MISSED'}`);
    return cells;
  });
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const format = (cells: string[]): string => cells.map((cell, c) => (c < 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(
    `In a Web Worker of Chromium ${run.version} (headless), steps per second, the same workloads and measure ` +
      `(${measure.runs} runs of ${measure.runMs} ms); ours/x uses our best backend there; PyTorch is the Node table's run.\n`,
  );
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  for (const note of run.notes) console.log(`\nnote: ${note}`);
  console.log('');
}

export interface SessionRow {
  workload: Workload;
  bare: number;
  session: number;
  pauseMs: number;
  pauseWorstMs: number;
}

/** The session table: the page's view of training speed, and pause latency. */
export function printSessionTable(rows: SessionRow[]): void {
  if (rows.length === 0) return;
  console.log(
    'Training session (workers/session.ts), as the page drives it: 16 ms slices, per-step metrics,\n' +
      'validation every epoch, metric batches; "bare engine" is the same experiment (same data,\n' +
      'DataLoader, model, optimizer) in a plain zero_grad/forward/backward/step loop. Target: within\n' +
      '20 % of the bare engine; pause() to the last metrics batch under 50 ms.\n',
  );
  const header = ['workload', 'bare engine', 'session', 'session/bare', 'target', 'pause→last batch (median, worst)'];
  const lines = rows.map((r) => {
    const share = r.session / r.bare;
    return [
      r.workload.name,
      rate(r.bare),
      rate(r.session),
      `${(100 * share).toFixed(0)} %`,
      share >= 0.8 ? 'met' : 'MISSED',
      `${r.pauseMs.toFixed(1)} ms, ${r.pauseWorstMs.toFixed(1)} ms ${r.pauseWorstMs < 50 ? 'met' : 'MISSED'}`,
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const format = (cells: string[]): string => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  console.log('');
}
