/**
 * Map-style datasets (torch.utils.data.Dataset): a `length` and a way to get sample `i`.
 */
import { Tensor } from '../tensor';
import { checkIndex } from './validate';

/** A data set of `length` samples; `getItem(i)` returns sample i (torch's `__len__` and `__getitem__`). */
export abstract class Dataset<T> {
  abstract readonly length: number;
  abstract getItem(index: number): T;
}

/** Row i of `t` as a view sharing its storage, like torch's `t[i]`. */
function rowView(t: Tensor, index: number): Tensor {
  const rowSize = t.data.length / t.shape[0];
  return new Tensor(t.data.subarray(index * rowSize, (index + 1) * rowSize), t.shape.slice(1));
}

/**
 * Tensors that share their first dimension; sample i is the list of their i-th rows:
 * `new TensorDataset(x, y).getItem(i)` is `[x[i], y[i]]`.
 */
export class TensorDataset<T extends Tensor[] = Tensor[]> extends Dataset<T> {
  readonly tensors: T;

  constructor(...tensors: T) {
    super();
    if (tensors.length === 0) throw new Error('TensorDataset needs at least one tensor');
    tensors.forEach((t, k) => {
      if (t.shape.length === 0) {
        throw new Error(`TensorDataset needs tensors with a first dimension; tensor ${k} is 0-d`);
      }
    });
    const rows = tensors[0].shape[0];
    tensors.forEach((t, k) => {
      if (t.shape[0] !== rows) {
        throw new Error(`Size mismatch between tensors: tensor 0 has ${rows} rows but tensor ${k} has ${t.shape[0]}`);
      }
    });
    this.tensors = tensors;
  }

  get length(): number {
    return this.tensors[0].shape[0];
  }

  getItem(index: number): T {
    checkIndex(index, this.length);
    return this.tensors.map((t) => rowView(t, index)) as T;
  }
}

/** The samples of `dataset` at `indices`, in that order (torch.utils.data.Subset). */
export class Subset<T> extends Dataset<T> {
  readonly dataset: Dataset<T>;
  readonly indices: Int32Array;

  constructor(dataset: Dataset<T>, indices: ArrayLike<number>) {
    super();
    const size = dataset.length;
    for (let i = 0; i < indices.length; i++) checkIndex(indices[i], size);
    this.dataset = dataset;
    this.indices = Int32Array.from(indices);
  }

  get length(): number {
    return this.indices.length;
  }

  getItem(index: number): T {
    checkIndex(index, this.indices.length);
    return this.dataset.getItem(this.indices[index]);
  }
}

/** Several datasets one after another (torch.utils.data.ConcatDataset). */
export class ConcatDataset<T> extends Dataset<T> {
  readonly datasets: readonly Dataset<T>[];
  /** Running totals of the datasets' lengths: sample i lives in the first dataset whose total exceeds i. */
  readonly cumulativeSizes: readonly number[];

  constructor(datasets: readonly Dataset<T>[]) {
    super();
    if (datasets.length === 0) throw new Error('ConcatDataset needs at least one dataset');
    this.datasets = datasets.slice();
    let total = 0;
    this.cumulativeSizes = datasets.map((d) => (total += d.length));
  }

  get length(): number {
    return this.cumulativeSizes[this.cumulativeSizes.length - 1];
  }

  getItem(index: number): T {
    checkIndex(index, this.length);
    const sizes = this.cumulativeSizes;
    let low = 0;
    let high = sizes.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sizes[mid] > index) high = mid;
      else low = mid + 1;
    }
    return this.datasets[low].getItem(low === 0 ? index : index - sizes[low - 1]);
  }
}
