/**
 * Collation: turning a list of samples into one batch, by stacking along a new first dimension
 * (torch.utils.data.default_collate).
 */
import { Tensor } from '../tensor';
import type { TensorDataset } from './dataset';
import { checkIndex } from './validate';
import { float32 } from '../arena';

/** The batch type `defaultCollate` makes from samples of type T: every tensor or number becomes a stacked tensor. */
export type Collated<T> = T extends Tensor
  ? Tensor
  : T extends number
    ? Tensor
    : T extends readonly unknown[]
      ? { -readonly [K in keyof T]: Collated<T[K]> }
      : T extends object
        ? { [K in keyof T]: Collated<T[K]> }
        : never;

/** Stacks same-shaped tensors along a new first dimension: `torch.stack(tensors, 0)`. */
function stack(tensors: readonly Tensor[]): Tensor {
  const first = tensors[0];
  const rowSize = first.data.length;
  const out = float32(tensors.length * rowSize);
  tensors.forEach((t, k) => {
    if (t.shape.length !== first.shape.length || t.shape.some((d, i) => d !== first.shape[i])) {
      throw new Error(
        `stack expects each tensor to be equal size, but got [${first.shape.join(', ')}] at entry 0 ` +
          `and [${t.shape.join(', ')}] at entry ${k}`,
      );
    }
    out.set(t.data, k * rowSize);
  });
  return new Tensor(out, [tensors.length, ...first.shape]);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}

/**
 * Tensors → one stacked tensor; numbers → a 1-D tensor; arrays and plain objects → the same
 * structure with each position (or key) collated. The batch holds copies: no graph links it to
 * the samples.
 */
export function defaultCollate<T>(samples: readonly T[]): Collated<T> {
  return collate(samples) as Collated<T>;
}

function collate(samples: readonly unknown[]): unknown {
  if (samples.length === 0) throw new Error('defaultCollate needs at least one sample; got an empty batch');
  const first = samples[0];
  if (first instanceof Tensor) {
    samples.forEach((s, k) => {
      if (!(s instanceof Tensor)) throw new Error(`default_collate: entry ${k} is a ${describe(s)}, not a Tensor`);
    });
    return stack(samples as Tensor[]);
  }
  if (typeof first === 'number') {
    const values = float32(samples.length);
    samples.forEach((s, k) => {
      if (typeof s !== 'number') throw new Error(`default_collate: entry ${k} is a ${describe(s)}, not a number`);
      values[k] = s;
    });
    return new Tensor(values, [samples.length]);
  }
  if (Array.isArray(first)) {
    samples.forEach((s, k) => {
      if (!Array.isArray(s) || s.length !== first.length) {
        throw new Error(`each element in list of batch should be of equal size; entry ${k} differs from entry 0`);
      }
    });
    return first.map((_, position) => collate(samples.map((s) => (s as unknown[])[position])));
  }
  if (typeof first === 'object' && first !== null && Object.getPrototypeOf(first) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(first)) {
      out[key] = collate(samples.map((s) => (s as Record<string, unknown>)[key]));
    }
    return out;
  }
  throw new Error(`default_collate: batch must contain tensors, numbers, arrays or objects; found ${describe(first)}`);
}

/**
 * Rows this long are copied with `set` (a memcpy; measured 1.7× faster for 784-float image rows),
 * shorter ones element by element (the view `set` needs costs more than copying a few floats).
 */
const BULK_COPY_ROW_SIZE = 64;

/**
 * The fast path for a TensorDataset: copies the chosen rows of each tensor straight into the
 * batch's storage — the same result as `defaultCollate` of the samples, without a Tensor per sample.
 */
export function gatherRows(dataset: TensorDataset, rows: Int32Array, count: number): Tensor[] {
  const size = dataset.length;
  for (let k = 0; k < count; k++) checkIndex(rows[k], size);
  return dataset.tensors.map((t) => {
    const rowSize = t.data.length / size;
    const source = t.data;
    const out = float32(count * rowSize);
    if (rowSize >= BULK_COPY_ROW_SIZE) {
      for (let k = 0; k < count; k++) {
        const from = rows[k] * rowSize;
        out.set(source.subarray(from, from + rowSize), k * rowSize);
      }
    } else {
      for (let k = 0; k < count; k++) {
        const from = rows[k] * rowSize;
        const to = k * rowSize;
        for (let j = 0; j < rowSize; j++) out[to + j] = source[from + j];
      }
    }
    return new Tensor(out, [count, ...t.shape.slice(1)]);
  });
}
