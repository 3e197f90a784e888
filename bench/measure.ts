/**
 * Steps per second of a training-step function: warm up (so the JIT has compiled the hot path),
 * then several timed runs of about `runMs` each; the median run is the answer, since a shared
 * machine makes the mean jumpy.
 */

export interface MeasureOptions {
  warmupMs: number;
  runs: number;
  runMs: number;
}

export const defaultMeasure: MeasureOptions = { warmupMs: 700, runs: 7, runMs: 400 };
export const quickMeasure: MeasureOptions = { warmupMs: 300, runs: 3, runMs: 250 };

export function stepsPerSecond(step: () => void, options: MeasureOptions): number {
  runFor(step, options.warmupMs);
  const rates: number[] = [];
  for (let r = 0; r < options.runs; r++) rates.push(runFor(step, options.runMs));
  return median(rates);
}

/** Runs `step` until `ms` have passed (at least once); returns the rate over that time. */
function runFor(step: () => void, ms: number): number {
  const start = performance.now();
  let steps = 0;
  let elapsed = 0;
  do {
    step();
    steps++;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (steps * 1000) / elapsed;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * `stepsPerSecond` as the playground's worker runs steps: in slices of `sliceMs`, handing the
 * thread back between them (as workers/session.ts does), so the tasks a browser runs between
 * slices — FinalizationRegistry callbacks among them, which return the engine's WebAssembly heap
 * blocks — run as they would in the page. Only the time inside slices is counted.
 */
export async function stepsPerSecondInSlices(step: () => void, options: MeasureOptions, sliceMs = 16): Promise<number> {
  const channel = new MessageChannel();
  const pending: (() => void)[] = [];
  channel.port1.onmessage = () => pending.shift()?.();
  const handBack = () => new Promise<void>((resolve) => {
    pending.push(resolve);
    channel.port2.postMessage(null);
  });
  const run = async (ms: number): Promise<number> => {
    let steps = 0;
    let busy = 0;
    while (busy < ms) {
      const start = performance.now();
      const end = start + Math.min(sliceMs, ms - busy);
      do {
        step();
        steps++;
      } while (performance.now() < end);
      busy += performance.now() - start;
      await handBack();
    }
    return (steps * 1000) / busy;
  };
  try {
    await run(options.warmupMs);
    const rates: number[] = [];
    for (let r = 0; r < options.runs; r++) rates.push(await run(options.runMs));
    return median(rates);
  } finally {
    channel.port1.close();
  }
}
