/**
 * Vitest set-up: the backend named by PLAYGROUND_BACKEND (vite.config.ts runs the engine's tests
 * once per backend), and the `toBeAllclose` matcher (numpy.allclose semantics).
 */
import { expect } from 'vitest';
import { Tensor, type NestedArray } from '../tensor';
import { BACKENDS, setBackend, type Backend } from '../wasm/kernels';

const requested = process.env.PLAYGROUND_BACKEND;
if (requested !== undefined) {
  if (!(BACKENDS as readonly string[]).includes(requested)) throw new Error(`PLAYGROUND_BACKEND=${requested} is none of ${BACKENDS.join(', ')}`);
  setBackend(requested as Backend);
}

export interface AllcloseOptions {
  atol?: number;
  rtol?: number;
}

type Numeric = Tensor | NestedArray | Float32Array | Float64Array | readonly number[];

function flatten(x: Numeric): { values: number[]; shape: number[] | null } {
  if (x instanceof Tensor) return { values: Array.from(x.data), shape: x.shape };
  if (x instanceof Float32Array || x instanceof Float64Array) return { values: Array.from(x), shape: null };
  if (typeof x === 'number') return { values: [x], shape: null };
  return { values: (x as unknown[]).flat(Infinity) as number[], shape: null };
}

expect.extend({
  /** |actual - expected| ≤ atol + rtol·|expected| element-wise; NaN equals NaN. */
  toBeAllclose(received: Numeric, expected: Numeric, options: AllcloseOptions = {}) {
    const atol = options.atol ?? 1e-6;
    const rtol = options.rtol ?? 1e-5;
    const a = flatten(received);
    const b = flatten(expected);
    if (a.values.length !== b.values.length) {
      return {
        pass: false,
        message: () => `expected ${b.values.length} values, got ${a.values.length}`,
      };
    }
    let worst = -1;
    let worstExcess = 0;
    for (let i = 0; i < a.values.length; i++) {
      const x = a.values[i];
      const y = b.values[i];
      if (Number.isNaN(x) && Number.isNaN(y)) continue;
      if (x === y) continue;
      const excess = Math.abs(x - y) - (atol + rtol * Math.abs(y));
      if (!(excess <= 0) && (worst < 0 || excess > worstExcess || Number.isNaN(excess))) {
        worst = i;
        worstExcess = excess;
      }
    }
    const pass = worst < 0;
    return {
      pass,
      message: () =>
        pass
          ? `expected values not to be allclose (atol ${atol}, rtol ${rtol})`
          : `not allclose (atol ${atol}, rtol ${rtol}): at flat index ${worst} got ${a.values[worst]}, ` +
            `expected ${b.values[worst]} (|diff| = ${Math.abs(a.values[worst] - b.values[worst])})`,
    };
  },
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- must match vitest's own declaration
declare module 'vitest' {
  interface Matchers<T = any> {
    toBeAllclose(expected: Numeric, options?: AllcloseOptions): T;
  }
}
