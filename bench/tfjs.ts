/**
 * The same workloads in TensorFlow.js (tfjs-core with the cpu or wasm backend), written the way
 * a TF.js user would: variables, tf.matMul + bias, tf.losses.softmaxCrossEntropy on one-hot
 * labels, and optimizer.minimize. The wasm backend runs single-threaded (SIMD on, no threads),
 * like our engine.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { makeTfjsStepWith } from './tfjsStep';
import type { Workload } from './workloads';

type Tf = typeof import('@tensorflow/tfjs-core');
export type TfjsBackend = 'wasm' | 'cpu';

const require = createRequire(import.meta.url);
let loaded: Tf | null = null;

/** Loads tfjs-core with both backends once; throws if a package is missing. */
function loadTfjs(): Tf {
  if (loaded) return loaded;
  return quietly(() => {
    const tf = require('@tensorflow/tfjs-core') as Tf;
    // The core bundle registers no gradients (the tfjs union package does that); these modules
    // register them in TF.js's global registry, which the core bundle reads.
    require('@tensorflow/tfjs-core/dist/register_all_gradients.js');
    require('@tensorflow/tfjs-backend-cpu');
    const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
    const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    wasm.setWasmPaths(join(wasmDir, '/'));
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    loaded = tf;
    return tf;
  });
}

/**
 * Runs `fn` with console.warn and console.log muted: TF.js greets Node users (on load and on the
 * cpu backend's first tensor) with advice to install tfjs-node; the table is the output here.
 */
function quietly<T>(fn: () => T): T {
  const { warn, log } = console;
  console.warn = () => {};
  console.log = () => {};
  try {
    return fn();
  } finally {
    console.warn = warn;
    console.log = log;
  }
}

/** Switches TF.js to `backend`; throws with the reason when it cannot start. */
export async function useTfjsBackend(backend: TfjsBackend): Promise<void> {
  const tf = loadTfjs();
  const { warn } = console;
  console.warn = () => {};
  try {
    if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') returned false`);
    await tf.ready();
  } finally {
    console.warn = warn;
  }
}

/** How the wasm backend runs, for the table's notes (call after `useTfjsBackend('wasm')`). */
export async function describeWasmBackend(): Promise<string> {
  const tf = loadTfjs();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return `TF.js wasm ran with SIMD ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off'}.`;
}

/** One training step of `w` on the current TF.js backend, and a dispose for its tensors. */
export function makeTfjsStep(w: Workload): { step: () => void; dispose: () => void } {
  const tf = loadTfjs();
  return quietly(() => makeTfjsStepWith(tf, w));
}
