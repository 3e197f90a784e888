/**
 * Runs the PyTorch cases written by scripts/fixtures/gen_ops.py: for each case, calls the engine's
 * op as `call` says, compares the output (and extra outputs such as indices) with PyTorch's, then
 * sends the case's weights w back (the gradient of Σ out·w) and compares every input's gradient.
 */
import { describe, expect, it } from 'vitest';
import * as ops from '../ops';
import { Tensor } from '../tensor';
import type { AllcloseOptions } from './setup';
import { gradcheck, type GradcheckOptions } from './gradcheck';

/** A float32; NaN and ±Infinity travel as strings because JSON has no literal for them. */
type Encoded = number | string;

interface Packed {
  shape: number[];
  data: Encoded[];
  requiresGrad: boolean;
}

interface FixtureCase {
  name: string;
  call: unknown[];
  inputs: Packed[];
  out: Packed;
  extra: Packed[];
  w?: Encoded[];
  grads?: (Encoded[] | null)[];
}

interface FixtureError {
  name: string;
  call: unknown[];
  inputs: Packed[];
  message: string;
}

export interface OpsFixture {
  cases: FixtureCase[];
  errors: FixtureError[];
}

function decode(v: Encoded): number {
  if (typeof v === 'number') return v;
  if (v === 'nan') return NaN;
  return v === 'inf' ? Infinity : -Infinity;
}

function values(data: Encoded[]): Float32Array {
  return Float32Array.from(data, decode);
}

function toTensor(p: Packed): Tensor {
  return new Tensor(values(p.data), p.shape, p.requiresGrad);
}

function isObject(a: unknown): a is Record<string, unknown> {
  return typeof a === 'object' && a !== null && !Array.isArray(a);
}

type AnyOp = (...args: unknown[]) => unknown;

/** Calls `ops[call[0]]` with `call`'s arguments, `{t: i}` standing for input i. */
export function invoke(call: unknown[], inputs: Tensor[]): Tensor[] {
  const [name, ...args] = call;
  const op = (ops as unknown as Record<string, AnyOp>)[name as string];
  if (typeof op !== 'function') throw new Error(`fixture names an op the engine lacks: ${String(name)}`);
  const resolved = args.map((a) => {
    if (isObject(a) && typeof a.t === 'number') return inputs[a.t];
    if (isObject(a) && Array.isArray(a.list)) return (a.list as number[]).map((i) => inputs[i]);
    if (isObject(a) && 'num' in a) return decode(a.num as Encoded);
    return a;
  });
  const result = op(...resolved);
  if (result instanceof Tensor) return [result];
  const { values: v, indices } = result as { values: Tensor; indices: Tensor };
  return [v, indices];
}

/**
 * One `it` per case and per rejected input. `tolerance(name)` may loosen the comparison for a
 * case (say why where it is used); the default is atol 1e-6, rtol 1e-5.
 */
export function describePytorchParity(
  fixture: OpsFixture,
  tolerance: (name: string) => AllcloseOptions | undefined = () => undefined,
): void {
  describe('matches PyTorch 1.13', () => {
    for (const c of fixture.cases) {
      it(c.name, () => {
        const tol = tolerance(c.name) ?? { atol: 1e-6, rtol: 1e-5 };
        const inputs = c.inputs.map(toTensor);
        const [out, ...extra] = invoke(c.call, inputs);
        expect(out.shape).toEqual(c.out.shape);
        expect(out).toBeAllclose(values(c.out.data), tol);
        extra.forEach((e, i) => {
          expect(e.shape).toEqual(c.extra[i].shape);
          expect(e).toBeAllclose(values(c.extra[i].data), { atol: 0, rtol: 0 });
        });
        if (c.w === undefined || c.grads === undefined) {
          // PyTorch's output carries no gradient (comparisons, argmax): neither may ours.
          expect(out.requiresGrad).toBe(false);
          return;
        }
        out.backward(new Tensor(values(c.w), out.shape));
        c.grads.forEach((expected, i) => {
          const grad = inputs[i].grad;
          if (expected === null || expected.length === 0) {
            // no gradient reached this input (or it has no elements)
            if (grad !== null) expect(grad).toBeAllclose(new Float32Array(grad.data.length), { atol: 0, rtol: 0 });
            return;
          }
          expect(grad, `gradient of input ${i}`).not.toBeNull();
          expect(grad!.shape).toEqual(inputs[i].shape);
          expect(grad!).toBeAllclose(values(expected), tol);
        });
      });
    }
    for (const e of fixture.errors) {
      it(`rejects ${e.name} with PyTorch's message`, () => {
        const inputs = e.inputs.map(toTensor);
        expect(() => invoke(e.call, inputs)).toThrow(e.message);
      });
    }
  });
}

/** Asserts that backward() agrees with central differences (see gradcheck.ts), naming the worst element. */
export function expectGradcheck(
  f: (...inputs: Tensor[]) => Tensor,
  inputs: Tensor[],
  options: GradcheckOptions = {},
): void {
  const result = gradcheck(f, inputs, options);
  expect(result.ok, `gradcheck failed; worst ${JSON.stringify(result.worst)}`).toBe(true);
}
