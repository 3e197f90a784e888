/**
 * `npm run bench`: training steps per second (forward, loss, backward, optimizer update of one
 * mini-batch) for each workload, ours beside TF.js (wasm and cpu backends) and, when Debian's
 * python3-torch is installed, PyTorch — all single-threaded, in one run, because absolute figures
 * drift on a shared machine and the ratios are what to compare.
 *
 *   npm run bench                    all workloads, all frameworks
 *   npm run bench -- --quick         fewer, shorter runs
 *   npm run bench -- --only=tiny     one workload (comma-separated names)
 *   npm run bench -- --no-tfjs --no-torch --no-session --no-browser
 *
 * The engine runs on its best backend in Node (engine/wasm/kernels.ts: relaxed SIMD, which Node 20
 * has behind the flag package.json passes). Then, unless --no-browser, the same workloads in a
 * Web Worker of Chromium — ours on each backend there, and TF.js wasm — against the same PyTorch.
 *
 * Then the training session (workers/session.ts) on the tiny and digits workloads: steps/s while
 * playing, against the bare engine, and the time from pause() to the last metrics batch.
 */
import { defaultMeasure, quickMeasure, stepsPerSecond } from './measure';
import { makeOurStep } from './ours';
import { printBrowserTable, printSessionTable, printTable, type Row, type SessionRow } from './table';
import { measureInChromium } from './browser';
import { backend } from '../engine/wasm/kernels';
import { measureBareLoop, measureSession } from './session';
import { measurePaint } from './paint';
import { describeWasmBackend, makeTfjsStep, useTfjsBackend, type TfjsBackend } from './tfjs';
import { measureTorch } from './torch';
import { workloads } from './workloads';

const args = process.argv.slice(2);
const measure = args.includes('--quick') ? quickMeasure : defaultMeasure;
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const selected = workloads.filter((w) => !only || only.includes(w.name));
if (selected.length === 0) {
  throw new Error(`--only matched no workload; choose from ${workloads.map((w) => w.name).join(', ')}`);
}
const backends: TfjsBackend[] = args.includes('--no-tfjs') ? [] : ['wasm', 'cpu'];

const rows: Row[] = selected.map((w) => ({ workload: w, ours: 0, tfjs: new Map(), torch: null }));
const notes: string[] = [];

for (const row of rows) {
  process.stderr.write(`measuring ${row.workload.name}: ours`);
  row.ours = stepsPerSecond(makeOurStep(row.workload), measure);
  for (const backend of backends) {
    process.stderr.write(`, TF.js ${backend}`);
    row.tfjs.set(backend, await measureTfjs(backend, row));
  }
  process.stderr.write('\n');
}

if (!args.includes('--no-torch')) {
  process.stderr.write('measuring PyTorch\n');
  const torch = measureTorch(selected, measure);
  if (torch) for (const row of rows) row.torch = torch.get(row.workload.name) ?? null;
  else notes.push('PyTorch not measured: /usr/bin/python3 with torch is not available here.');
}

notes.push(`ours ran on the ${backend()} backend.`);
printTable(rows, backends, measure, notes);

if (!args.includes('--no-browser')) {
  process.stderr.write('measuring in a Chromium worker:');
  const run = await measureInChromium(selected, measure, backends.includes('wasm'));
  if (typeof run === 'string') console.log(`${run}\n`);
  else printBrowserTable(rows, run, measure);
}

if (!args.includes('--no-session')) {
  const sessionRows: SessionRow[] = [];
  for (const row of rows) {
    process.stderr.write(`measuring the session on ${row.workload.name}\n`);
    const measured = await measureSession(row.workload, measure.runs, Math.max(400, measure.runMs));
    if (measured === null) continue;
    // measured right after, so both numbers see the same machine load
    const bare = (await measureBareLoop(row.workload, measure))!;
    sessionRows.push({ workload: row.workload, bare, session: measured.stepsPerSecond, pauseMs: measured.pauseToLastBatchMs, pauseWorstMs: measured.pauseWorstMs });
  }
  printSessionTable(sessionRows);
}

/** TF.js steps/s, or the reason it could not run (noted once per backend). */
async function measureTfjs(backend: TfjsBackend, row: Row): Promise<number | string> {
  try {
    await useTfjsBackend(backend);
    if (backend === 'wasm') {
      const note = await describeWasmBackend();
      if (!notes.includes(note)) notes.push(note);
    }
    const { step, dispose } = makeTfjsStep(row.workload);
    try {
      return stepsPerSecond(step, measure);
    } finally {
      dispose();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const note = `TF.js ${backend} did not run: ${reason}`;
    if (!notes.includes(note)) notes.push(note);
    return 'failed';
  }
}

console.log(`Drawing (main thread): decision boundary 72×72 × 5 classes + 400 points, and a value surface: ${measurePaint().toFixed(2)} ms per frame (budget 5 ms).\n`);
