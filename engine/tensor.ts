/**
 * Tensor and reverse-mode autograd.
 *
 * A tensor is a contiguous, row-major Float32Array with a shape. Every op builds its output and,
 * right beside it, the closure that sends the output's gradient back to its inputs (micrograd's
 * pattern). `backward()` orders the graph topologically (iteratively: deep graphs would overflow
 * the JS stack) and runs the closures from the output back to the leaves.
 *
 * Semantics follow PyTorch: gradients accumulate into leaf `.grad` until zeroed; non-leaf tensors
 * keep no `.grad` unless `retainGrad()` was called; the graph is freed by `backward()` unless
 * `{ retainGraph: true }`; `noGrad(fn)` records nothing.
 */
import * as ops from './ops';
import { defaultGenerator, type Generator } from './random';
import { storage } from './wasm/kernels';
import { FREED, noteTensor } from './arena';

export type NestedArray = number | readonly NestedArray[];
export type BackwardFn = (grad: Float32Array) => void;

// ---------------------------------------------------------------------------------------------
// Grad mode
// ---------------------------------------------------------------------------------------------

let gradEnabled = true;

/** Whether ops record the graph (false inside `noGrad`). */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** `torch.set_grad_enabled(mode)`. */
export function setGradEnabled(mode: boolean): void {
  gradEnabled = mode;
}

/** Runs `fn` without recording the graph: `with torch.no_grad(): ...`. */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/** Runs `fn` with graph recording on, even inside `noGrad`: `with torch.enable_grad(): ...`. */
export function enableGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = true;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

// ---------------------------------------------------------------------------------------------
// Buffer pool for the gradients of intermediate tensors: they live only during one backward
// pass, so their buffers are recycled instead of allocated per op per step.
// ---------------------------------------------------------------------------------------------

const POOL_LIMIT_PER_SIZE = 8;
const gradPool = new Map<number, Float32Array[]>();

function acquireZeroed(length: number): Float32Array {
  const free = gradPool.get(length);
  const buffer = free?.pop();
  if (buffer) {
    buffer.fill(0);
    return buffer;
  }
  return storage(length);
}

function release(buffer: Float32Array): void {
  let free = gradPool.get(buffer.length);
  if (!free) {
    free = [];
    gradPool.set(buffer.length, free);
  }
  if (free.length < POOL_LIMIT_PER_SIZE) free.push(buffer);
}

// ---------------------------------------------------------------------------------------------
// Tensor
// ---------------------------------------------------------------------------------------------

let visitStamp = 0;

export class Tensor {
  /** Row-major storage; views (reshape, view, detach) share it. */
  data: Float32Array;
  readonly shape: number[];
  requiresGrad: boolean;
  /** Accumulated gradient of a leaf (or of a tensor that called `retainGrad()`). */
  grad: Tensor | null = null;
  /** Name of the op that made this tensor (`'AddBackward'`, ...), null for leaves. */
  readonly gradFn: string | null;

  /** @internal inputs of the op that made this tensor */
  _parents: Tensor[];
  /** @internal sends this tensor's gradient to its parents; null once the graph is freed */
  _backward: BackwardFn | null;
  /** @internal gradient buffer of a non-leaf during backward */
  _gradBuffer: Float32Array | null = null;
  /** @internal */
  _retainsGrad = false;
  /** @internal topological-sort mark */
  _visit = 0;

  constructor(data: Float32Array, shape: readonly number[], requiresGrad = false) {
    const numel = shapeSize(shape);
    if (data.length !== numel) {
      throw new Error(`Data of length ${data.length} does not fit shape [${shape.join(', ')}]`);
    }
    this.data = data;
    this.shape = shape.slice();
    this.requiresGrad = requiresGrad;
    this.gradFn = null;
    this._parents = NO_PARENTS;
    this._backward = null;
    noteTensor(this);
  }

  /** @internal Builds an op's output; records the graph only when an input needs a gradient. */
  static _fromOp(
    data: Float32Array,
    shape: readonly number[],
    parents: Tensor[],
    gradFn: string,
    backward: BackwardFn,
  ): Tensor {
    const out = new Tensor(data, shape);
    if (gradEnabled) {
      for (let i = 0; i < parents.length; i++) {
        if (parents[i].requiresGrad) {
          out.requiresGrad = true;
          (out as { gradFn: string | null }).gradFn = gradFn;
          out._parents = parents;
          out._backward = backward;
          break;
        }
      }
    }
    return out;
  }

  /** A leaf is a tensor not made by a recorded op (parameters, inputs). */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  get ndim(): number {
    return this.shape.length;
  }

  dim(): number {
    return this.shape.length;
  }

  numel(): number {
    return this.data.length;
  }

  /** `t.size()` is the shape; `t.size(d)` the length of dimension d (negative counts from the end). */
  size(): number[];
  size(dim: number): number;
  size(dim?: number): number[] | number {
    if (dim === undefined) return this.shape.slice();
    return this.shape[normalizeDim(dim, this.shape.length)];
  }

  /** The value of a one-element tensor as a JS number. */
  item(): number {
    checkNotFreed(this);
    if (this.data.length !== 1) {
      throw new Error(`item() needs a tensor with one element; this one has ${this.data.length}`);
    }
    return this.data[0];
  }

  /** Nested JS arrays (a number for a 0-d tensor), like `tensor.tolist()`. */
  toArray(): NestedArray {
    checkNotFreed(this);
    if (this.shape.length === 0) return this.data[0];
    const build = (dim: number, offset: number): NestedArray[] => {
      const n = this.shape[dim];
      const stride = shapeSize(this.shape.slice(dim + 1));
      const out: NestedArray[] = new Array(n);
      for (let i = 0; i < n; i++) {
        out[i] = dim === this.shape.length - 1 ? this.data[offset + i] : build(dim + 1, offset + i * stride);
      }
      return out;
    };
    return build(0, 0);
  }

  /** `tolist()` is `toArray()`. */
  tolist(): NestedArray {
    return this.toArray();
  }

  /** A tensor sharing this storage, cut from the graph. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape);
  }

  /** Sets `requiresGrad` in place (leaves only), like `requires_grad_()`. */
  requiresGrad_(requiresGrad = true): this {
    if (!this.isLeaf && !requiresGrad) {
      throw new Error('You can only change requiresGrad flags of leaf tensors; use detach() instead.');
    }
    this.requiresGrad = requiresGrad;
    return this;
  }

  /** Keeps `.grad` of a non-leaf tensor after backward. */
  retainGrad(): this {
    if (!this.requiresGrad) throw new Error("can't retain grad on a tensor that has requiresGrad = false");
    if (!this.isLeaf) this._retainsGrad = true;
    return this;
  }

  /**
   * Reverse-mode differentiation from this tensor: accumulates d(this)/d(leaf) into every leaf's
   * `.grad`. `gradient` is needed unless this tensor has one element.
   */
  backward(gradient?: Tensor, options: { retainGraph?: boolean } = {}): void {
    if (!this.requiresGrad) {
      throw new Error('element 0 of tensors does not require grad and does not have a gradFn');
    }
    if (gradient === undefined && this.data.length !== 1) {
      throw new Error('grad can be implicitly created only for scalar outputs');
    }
    if (gradient !== undefined && gradient.data.length !== this.data.length) {
      throw new Error(
        `backward: gradient of shape [${gradient.shape.join(', ')}] does not match [${this.shape.join(', ')}]`,
      );
    }
    const order = topologicalOrder(this);
    const seed = gradBufferOf(this);
    if (gradient === undefined) seed[0] += 1;
    else for (let i = 0; i < seed.length; i++) seed[i] += gradient.data[i];

    const retainGraph = options.retainGraph === true;
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i];
      if (node.isLeaf) continue;
      const grad = node._gradBuffer;
      if (grad === null) continue; // no path from the output reached this node's gradient
      if (node._backward === null) {
        throw new Error(
          'Trying to backward through the graph a second time (or directly access saved tensors after ' +
            'they have already been freed). Specify retainGraph: true if you need to backward twice.',
        );
      }
      node._backward(grad);
      if (node._retainsGrad) {
        if (node.grad === null) node.grad = new Tensor(grad.slice(), node.shape);
        else addInto(node.grad.data, grad);
      }
      release(grad);
      node._gradBuffer = null;
      if (!retainGraph) node._backward = null;
    }
  }

  // --- method sugar: each is the function of the same name in ops ---------------------------
  add(other: Tensor | number, alpha?: number): Tensor {
    return ops.add(this, other, alpha);
  }
  sub(other: Tensor | number, alpha?: number): Tensor {
    return ops.sub(this, other, alpha);
  }
  mul(other: Tensor | number): Tensor {
    return ops.mul(this, other);
  }
  div(other: Tensor | number): Tensor {
    return ops.div(this, other);
  }
  neg(): Tensor {
    return ops.neg(this);
  }
  pow(exponent: Tensor | number): Tensor {
    return ops.pow(this, exponent);
  }
  exp(): Tensor {
    return ops.exp(this);
  }
  log(): Tensor {
    return ops.log(this);
  }
  sqrt(): Tensor {
    return ops.sqrt(this);
  }
  abs(): Tensor {
    return ops.abs(this);
  }
  square(): Tensor {
    return ops.square(this);
  }
  relu(): Tensor {
    return ops.relu(this);
  }
  tanh(): Tensor {
    return ops.tanh(this);
  }
  sigmoid(): Tensor {
    return ops.sigmoid(this);
  }
  clamp(min?: number | null, max?: number | null): Tensor {
    return ops.clamp(this, min, max);
  }
  matmul(other: Tensor): Tensor {
    return ops.matmul(this, other);
  }
  mm(other: Tensor): Tensor {
    return ops.matmul(this, other);
  }
  transpose(dim0: number, dim1: number): Tensor {
    return ops.transpose(this, dim0, dim1);
  }
  /** `t.t()`: transpose of a 2-D tensor. */
  t(): Tensor {
    if (this.shape.length > 2) throw new Error(`t() expects a tensor with ≤ 2 dimensions; got ${this.shape.length}`);
    return this.shape.length < 2 ? this : ops.transpose(this, 0, 1);
  }
  get T(): Tensor {
    return this.t();
  }
  reshape(...shape: number[] | [readonly number[]]): Tensor {
    return ops.reshape(this, flattenShapeArgs(shape));
  }
  view(...shape: number[] | [readonly number[]]): Tensor {
    return ops.reshape(this, flattenShapeArgs(shape));
  }
  flatten(startDim = 0, endDim = -1): Tensor {
    return ops.flatten(this, startDim, endDim);
  }
  unsqueeze(dim: number): Tensor {
    return ops.unsqueeze(this, dim);
  }
  squeeze(dim?: number): Tensor {
    return ops.squeeze(this, dim);
  }
  sum(dim?: number | number[] | null, keepdim = false): Tensor {
    return ops.sum(this, dim, keepdim);
  }
  mean(dim?: number | number[] | null, keepdim = false): Tensor {
    return ops.mean(this, dim, keepdim);
  }
  /** Max over all elements, or `{ values, indices }` over `dim` like `torch.max(x, dim)`. */
  max(): Tensor;
  max(dim: number, keepdim?: boolean): { values: Tensor; indices: Tensor };
  max(dim?: number, keepdim = false): Tensor | { values: Tensor; indices: Tensor } {
    return dim === undefined ? ops.maxAll(this) : ops.max(this, dim, keepdim);
  }
  argmax(dim?: number, keepdim = false): Tensor {
    return ops.argmax(this, dim, keepdim);
  }
  /** Min over all elements, or `{ values, indices }` over `dim` like `torch.min(x, dim)`. */
  min(): Tensor;
  min(dim: number, keepdim?: boolean): { values: Tensor; indices: Tensor };
  min(dim?: number, keepdim = false): Tensor | { values: Tensor; indices: Tensor } {
    return dim === undefined ? ops.minAll(this) : ops.min(this, dim, keepdim);
  }
  argmin(dim?: number, keepdim = false): Tensor {
    return ops.argmin(this, dim, keepdim);
  }
  var(dim?: number | number[] | null, options: boolean | ops.VarianceOptions = true, keepdim = false): Tensor {
    return ops.variance(this, dim, options, keepdim);
  }
  std(dim?: number | number[] | null, options: boolean | ops.VarianceOptions = true, keepdim = false): Tensor {
    return ops.std(this, dim, options, keepdim);
  }
  logsumexp(dim: number | number[], keepdim = false): Tensor {
    return ops.logsumexp(this, dim, keepdim);
  }
  eq(other: Tensor | number): Tensor {
    return ops.eq(this, other);
  }
  ne(other: Tensor | number): Tensor {
    return ops.ne(this, other);
  }
  gt(other: Tensor | number): Tensor {
    return ops.gt(this, other);
  }
  ge(other: Tensor | number): Tensor {
    return ops.ge(this, other);
  }
  lt(other: Tensor | number): Tensor {
    return ops.lt(this, other);
  }
  le(other: Tensor | number): Tensor {
    return ops.le(this, other);
  }
  /** `x.where(condition, y)` is `torch.where(condition, x, y)`. */
  where(condition: Tensor, other: Tensor | number): Tensor {
    return ops.where(condition, this, other);
  }
  maximum(other: Tensor): Tensor {
    return ops.maximum(this, other);
  }
  minimum(other: Tensor): Tensor {
    return ops.minimum(this, other);
  }
  sin(): Tensor {
    return ops.sin(this);
  }
  cos(): Tensor {
    return ops.cos(this);
  }
  reciprocal(): Tensor {
    return ops.reciprocal(this);
  }
  sign(): Tensor {
    return ops.sign(this);
  }
  erf(): Tensor {
    return ops.erf(this);
  }
  permute(...dims: number[] | [readonly number[]]): Tensor {
    return ops.permute(this, flattenShapeArgs(dims));
  }
  expand(...sizes: number[] | [readonly number[]]): Tensor {
    return ops.expand(this, flattenShapeArgs(sizes));
  }
  expandAs(other: Tensor): Tensor {
    return ops.expand(this, other.shape);
  }
  broadcastTo(shape: readonly number[]): Tensor {
    return ops.broadcastTo(this, shape);
  }
  softmax(dim: number): Tensor {
    return ops.softmax(this, dim);
  }
  logSoftmax(dim: number): Tensor {
    return ops.logSoftmax(this, dim);
  }
  gather(dim: number, index: Tensor): Tensor {
    return ops.gather(this, dim, index);
  }
  indexSelect(dim: number, index: Tensor): Tensor {
    return ops.indexSelect(this, dim, index);
  }
  maskedFill(mask: Tensor, value: number): Tensor {
    return ops.maskedFill(this, mask, value);
  }
  clone(): Tensor {
    return ops.clone(this);
  }

  toString(): string {
    const body = JSON.stringify(this.toArray());
    const suffix = this.gradFn ? `, gradFn=<${this.gradFn}>` : this.requiresGrad ? ', requiresGrad=true' : '';
    return `tensor(${body}${suffix})`;
  }
}

const NO_PARENTS: Tensor[] = [];

function checkNotFreed(t: Tensor): void {
  if (t.data === FREED && shapeSize(t.shape) > 0) {
    throw new Error('This tensor was made inside stepScope() and freed when it ended: read what you need inside the scope, or return the tensor from it');
  }
}

/** Nodes reachable from `root` through tensors that need a gradient, parents before children. */
function topologicalOrder(root: Tensor): Tensor[] {
  const stamp = ++visitStamp;
  const order: Tensor[] = [];
  const stack: Tensor[] = [root];
  const nextParent: number[] = [0];
  root._visit = stamp;
  while (stack.length > 0) {
    const top = stack.length - 1;
    const node = stack[top];
    const parents = node._parents;
    let i = nextParent[top];
    while (i < parents.length && (parents[i]._visit === stamp || !parents[i].requiresGrad)) i++;
    if (i < parents.length) {
      nextParent[top] = i + 1;
      const parent = parents[i];
      parent._visit = stamp;
      stack.push(parent);
      nextParent.push(0);
    } else {
      order.push(node);
      stack.pop();
      nextParent.pop();
    }
  }
  return order;
}

function addInto(target: Float32Array, source: Float32Array): void {
  for (let i = 0; i < target.length; i++) target[i] += source[i];
}

/**
 * @internal The buffer an op's backward adds its input's gradient into: the leaf's `.grad`
 * storage, or a pooled buffer for an intermediate tensor.
 */
export function gradBufferOf(t: Tensor): Float32Array {
  if (t.isLeaf) {
    if (t.grad === null) t.grad = new Tensor(storage(t.data.length), t.shape);
    return t.grad.data;
  }
  if (t._gradBuffer === null) t._gradBuffer = acquireZeroed(t.data.length);
  return t._gradBuffer;
}

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (!Number.isInteger(d) || d < 0) throw new Error(`Invalid shape [${shape.join(', ')}]: sizes must be integers ≥ 0`);
    n *= d;
  }
  return n;
}

/** Maps a possibly negative dim to 0..ndim-1, with PyTorch's error for out-of-range dims. */
export function normalizeDim(dim: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  if (!Number.isInteger(dim) || dim < -n || dim >= n) {
    throw new Error(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  }
  return dim < 0 ? dim + n : dim;
}

function flattenShapeArgs(args: number[] | [readonly number[]]): number[] {
  return args.length === 1 && Array.isArray(args[0]) ? [...(args[0] as readonly number[])] : (args as number[]);
}

// ---------------------------------------------------------------------------------------------
// Creation
// ---------------------------------------------------------------------------------------------

export interface TensorOptions {
  requiresGrad?: boolean;
}

export interface RandomOptions extends TensorOptions {
  generator?: Generator;
}

function inferShape(values: NestedArray): number[] {
  const shape: number[] = [];
  let v: NestedArray = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = (v as readonly NestedArray[])[0];
  }
  return shape;
}

/**
 * `torch.tensor(values)`: a tensor from nested arrays, a number, or a Float32Array (with `shape`).
 * Booleans are not accepted; class indices are stored as float32 integers.
 */
export function tensor(
  values: NestedArray | Float32Array | readonly number[],
  options: TensorOptions & { shape?: readonly number[] } = {},
): Tensor {
  if (values instanceof Float32Array) {
    return new Tensor(values.slice(), options.shape ?? [values.length], options.requiresGrad);
  }
  const shape = options.shape ? options.shape.slice() : inferShape(values as NestedArray);
  const data = new Float32Array(shapeSize(shape));
  let k = 0;
  const fill = (v: NestedArray, dim: number): void => {
    if (dim === shape.length || (options.shape && !Array.isArray(v))) {
      if (typeof v !== 'number') throw new Error(`tensor(): expected a number; got ${JSON.stringify(v)}`);
      data[k++] = v;
      return;
    }
    if (!Array.isArray(v) || (!options.shape && v.length !== shape[dim])) {
      throw new Error(`tensor(): ragged nested array; expected length ${shape[dim]} at depth ${dim}`);
    }
    for (const x of v as readonly NestedArray[]) fill(x, dim + 1);
  };
  if (options.shape) {
    const flat = (Array.isArray(values) ? (values as unknown[]).flat(Infinity) : [values]) as number[];
    if (flat.length !== data.length) {
      throw new Error(`tensor(): ${flat.length} values do not fit shape [${shape.join(', ')}]`);
    }
    for (let i = 0; i < flat.length; i++) data[i] = flat[i];
  } else {
    fill(values as NestedArray, 0);
  }
  return new Tensor(data, shape, options.requiresGrad);
}

export function full(shape: readonly number[], value: number, options: TensorOptions = {}): Tensor {
  const data = new Float32Array(shapeSize(shape));
  if (value !== 0) data.fill(value);
  return new Tensor(data, shape, options.requiresGrad);
}

export function zeros(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return full(shape, 0, options);
}

export function ones(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return full(shape, 1, options);
}

export function zerosLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return full(t.shape, 0, options);
}

export function onesLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return full(t.shape, 1, options);
}

export function fullLike(t: Tensor, value: number, options: TensorOptions = {}): Tensor {
  return full(t.shape, value, options);
}

/** `torch.arange(start, end, step)`, or `arange(end)`. */
export function arange(start: number, end?: number, step = 1, options: TensorOptions = {}): Tensor {
  if (end === undefined) {
    end = start;
    start = 0;
  }
  if (step === 0) throw new Error('arange: step must be nonzero');
  const n = Math.max(0, Math.ceil((end - start) / step));
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return new Tensor(data, [n], options.requiresGrad);
}

/** `torch.linspace(start, end, steps)`. */
export function linspace(start: number, end: number, steps: number, options: TensorOptions = {}): Tensor {
  const data = new Float32Array(steps);
  const step = steps > 1 ? (end - start) / (steps - 1) : 0;
  for (let i = 0; i < steps; i++) data[i] = start + i * step;
  return new Tensor(data, [steps], options.requiresGrad);
}

/** `torch.eye(n, m)`. */
export function eye(n: number, m = n, options: TensorOptions = {}): Tensor {
  const data = new Float32Array(n * m);
  for (let i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
  return new Tensor(data, [n, m], options.requiresGrad);
}

/** `torch.rand(shape)`: uniform on [0, 1). */
export function rand(shape: readonly number[], options: RandomOptions = {}): Tensor {
  const g = options.generator ?? defaultGenerator;
  const data = new Float32Array(shapeSize(shape));
  for (let i = 0; i < data.length; i++) data[i] = g.random();
  return new Tensor(data, shape, options.requiresGrad);
}

/** `torch.randn(shape)`: standard normal. */
/**
 * Zeros for a tensor that lives long and is read every step — a parameter, an optimizer's state:
 * in the WebAssembly kernels' heap when they run (so they read and write it in place), else an
 * ordinary array. Same values, same semantics as `zeros`.
 */
export function heapZeros(shape: readonly number[]): Tensor {
  return new Tensor(storage(shapeSize(shape)), shape);
}

export function randn(shape: readonly number[], options: RandomOptions = {}): Tensor {
  const g = options.generator ?? defaultGenerator;
  const data = new Float32Array(shapeSize(shape));
  for (let i = 0; i < data.length; i++) data[i] = g.normal();
  return new Tensor(data, shape, options.requiresGrad);
}

/** `torch.randint(low, high, shape)`: integers in [low, high) stored as float32. */
export function randint(low: number, high: number, shape: readonly number[], options: RandomOptions = {}): Tensor {
  const g = options.generator ?? defaultGenerator;
  const data = new Float32Array(shapeSize(shape));
  for (let i = 0; i < data.length; i++) data[i] = low + g.randint(high - low);
  return new Tensor(data, shape);
}

/** `torch.randperm(n)`. */
export function randperm(n: number, options: { generator?: Generator } = {}): Tensor {
  const perm = (options.generator ?? defaultGenerator).randperm(n);
  return new Tensor(Float32Array.from(perm), [n]);
}
