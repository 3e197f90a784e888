/**
 * The benchmark inside a Chromium Web Worker, where the playground's engine really runs: each
 * workload's training step on every backend this browser has (engine/wasm/kernels.ts), then the
 * same step in TF.js with its wasm backend (single-threaded, SIMD). Bundled and driven by
 * bench/browser.ts; answers one 'row' message per workload, then 'done'. Ours runs in 16 ms slices
 * with the thread handed back between them, as the page's worker runs it (stepsPerSecondInSlices).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { availableBackends, setBackend, type Backend } from '../../engine/wasm/kernels';
import { stepsPerSecond, stepsPerSecondInSlices, type MeasureOptions } from '../measure';
import { measureOurs, type GemmCase } from '../gemmCases';
import { makeOurStep } from '../ours';
import { makeTfjsStepWith } from '../tfjsStep';
import { workloads } from '../workloads';

export type BrowserRequest =
  | {
      kind: 'steps';
      only: string[];
      measure: MeasureOptions;
      /** where the TF.js wasm binaries are served (null: skip TF.js) */
      tfjsWasmBase: string | null;
    }
  | { kind: 'gemm'; cases: GemmCase[]; measure: MeasureOptions };

export type BrowserMessage =
  | { kind: 'progress'; text: string }
  | { kind: 'row'; workload: string; ours: Partial<Record<Backend, number>>; tfjsWasm: number | string | null }
  | { kind: 'gemm'; label: string; gflops: Partial<Record<Backend, number>> }
  | { kind: 'done'; backends: Backend[]; tfjsNote: string | null }
  | { kind: 'error'; message: string };

const post = (message: BrowserMessage): void => postMessage(message);

async function tfjsReady(base: string): Promise<string> {
  setWasmPaths(base);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) throw new Error("tf.setBackend('wasm') returned false");
  await tf.ready();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return `TF.js wasm in Chromium ran with SIMD ${simd ? 'on' : 'off'}, threads off.`;
}

/** bench:gemm's cases on every backend here. */
function measureGemm(cases: GemmCase[], measure: MeasureOptions): void {
  const backends = availableBackends();
  for (const c of cases) {
    post({ kind: 'progress', text: '.' });
    const gflops: Partial<Record<Backend, number>> = {};
    for (const name of backends) gflops[name] = measureOurs(c, name, measure);
    post({ kind: 'gemm', label: c.label, gflops });
  }
  post({ kind: 'done', backends, tfjsNote: null });
}

self.onmessage = async ({ data }: MessageEvent<BrowserRequest>) => {
  try {
    if (data.kind === 'gemm') {
      measureGemm(data.cases, data.measure);
      return;
    }
    const backends = availableBackends();
    let tfjsNote: string | null = null;
    let tfjsError: string | null = null;
    if (data.tfjsWasmBase !== null) {
      try {
        tfjsNote = await tfjsReady(data.tfjsWasmBase);
      } catch (error) {
        tfjsError = error instanceof Error ? error.message : String(error);
        tfjsNote = `TF.js wasm did not run in Chromium: ${tfjsError}`;
      }
    }
    for (const w of workloads.filter((x) => data.only.includes(x.name))) {
      const ours: Partial<Record<Backend, number>> = {};
      for (const name of backends) {
        post({ kind: 'progress', text: ` ${w.name}/${name}` });
        setBackend(name);
        ours[name] = await stepsPerSecondInSlices(makeOurStep(w), data.measure);
      }
      let tfjsWasm: number | string | null = null;
      if (data.tfjsWasmBase !== null) {
        if (tfjsError !== null) tfjsWasm = 'failed';
        else {
          post({ kind: 'progress', text: ` ${w.name}/TF.js` });
          const { step, dispose } = makeTfjsStepWith(tf, w);
          try {
            tfjsWasm = stepsPerSecond(step, data.measure);
          } finally {
            dispose();
          }
        }
      }
      post({ kind: 'row', workload: w.name, ours, tfjsWasm });
    }
    post({ kind: 'done', backends, tfjsNote });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
};
