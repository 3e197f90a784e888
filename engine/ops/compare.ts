/**
 * Comparisons and `where`. A comparison returns a float tensor of 0s and 1s (PyTorch returns
 * bool; the engine has one dtype) and is never part of the graph: its gradient is zero almost
 * everywhere, so PyTorch does not track it either.
 */
import { Tensor, gradBufferOf } from '../tensor';
import { broadcastIndex, broadcastShapes } from './broadcast';
import { float32 } from '../arena';

type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

function compare(a: Tensor, b: Tensor | number, kind: Comparison): Tensor {
  const A = a.data;
  const shape = typeof b === 'number' ? a.shape : broadcastShapes(a.shape, b.shape);
  const ia = broadcastIndex(a.shape, shape);
  const ib = typeof b === 'number' ? null : broadcastIndex(b.shape, shape);
  const out = float32(shape.reduce((p, d) => p * d, 1));
  const B = typeof b === 'number' ? null : b.data;
  const scalar = typeof b === 'number' ? b : 0;
  // One loop per comparison keeps the test out of the per-element path.
  for (let i = 0; i < out.length; i++) {
    const x = A[ia ? ia[i] : i];
    const y = B === null ? scalar : B[ib ? ib[i] : i];
    let r: boolean;
    switch (kind) {
      case 'eq': r = x === y; break;
      case 'ne': r = x !== y; break;
      case 'gt': r = x > y; break;
      case 'ge': r = x >= y; break;
      case 'lt': r = x < y; break;
      default: r = x <= y;
    }
    out[i] = r ? 1 : 0;
  }
  return new Tensor(out, shape);
}

/** `a == b` element-wise, as 0/1 (NaN equals nothing). */
export const eq = (a: Tensor, b: Tensor | number): Tensor => compare(a, b, 'eq');
/** `a != b` element-wise, as 0/1. */
export const ne = (a: Tensor, b: Tensor | number): Tensor => compare(a, b, 'ne');
/** `a > b` element-wise, as 0/1. */
export const gt = (a: Tensor, b: Tensor | number): Tensor => compare(a, b, 'gt');
/** `a >= b` element-wise, as 0/1. */
export const ge = (a: Tensor, b: Tensor | number): Tensor => compare(a, b, 'ge');
/** `a < b` element-wise, as 0/1. */
export const lt = (a: Tensor, b: Tensor | number): Tensor => compare(a, b, 'lt');
/** `a <= b` element-wise, as 0/1. */
export const le = (a: Tensor, b: Tensor | number): Tensor => compare(a, b, 'le');

/**
 * `torch.where(condition, x, y)`: x where condition ≠ 0, else y; all three broadcast together.
 * The gradient goes to x where the condition holds and to y elsewhere.
 */
export function where(condition: Tensor, x: Tensor | number, y: Tensor | number): Tensor {
  const xShape = typeof x === 'number' ? [] : x.shape;
  const yShape = typeof y === 'number' ? [] : y.shape;
  const shape = broadcastShapes(broadcastShapes(condition.shape, xShape), yShape);
  const ic = broadcastIndex(condition.shape, shape);
  const ix = broadcastIndex(xShape, shape);
  const iy = broadcastIndex(yShape, shape);
  const n = shape.reduce((p, d) => p * d, 1);
  const C = condition.data;
  const X = typeof x === 'number' ? null : x.data;
  const Y = typeof y === 'number' ? null : y.data;
  const xValue = typeof x === 'number' ? x : 0;
  const yValue = typeof y === 'number' ? y : 0;
  const out = float32(n);
  for (let i = 0; i < n; i++) {
    out[i] = C[ic ? ic[i] : i] !== 0
      ? X === null ? xValue : X[ix ? ix[i] : i]
      : Y === null ? yValue : Y[iy ? iy[i] : i];
  }
  const parents: Tensor[] = [];
  if (typeof x !== 'number') parents.push(x);
  if (typeof y !== 'number') parents.push(y);
  // d where(c, x, y) = c·dx + (1 - c)·dy
  return Tensor._fromOp(out, shape, parents, 'WhereBackward', (g) => {
    if (typeof x !== 'number' && x.requiresGrad) {
      const gx = gradBufferOf(x);
      for (let i = 0; i < n; i++) if (C[ic ? ic[i] : i] !== 0) gx[ix ? ix[i] : i] += g[i];
    }
    if (typeof y !== 'number' && y.requiresGrad) {
      const gy = gradBufferOf(y);
      for (let i = 0; i < n; i++) if (C[ic ? ic[i] : i] === 0) gy[iy ? iy[i] : i] += g[i];
    }
  });
}
