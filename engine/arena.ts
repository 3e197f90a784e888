/**
 * The step arena: the typed arrays that ops make — outputs, and the scratch their backward keeps —
 * are reused from one training step to the next instead of made anew.
 *
 *   stepScope(() => {
 *     optimizer.zeroGrad();
 *     const loss = lossFn.forward(model.forward(x), y);
 *     loss.backward();
 *     optimizer.step();
 *     return loss.item();
 *   });
 *
 * Inside `stepScope(fn)`, `float32(n)`, `float64(n)` and `int32(n)` lend zeroed arrays from a pool
 * (float32 ones in the WebAssembly heap, so the kernels read and write op outputs in place); when
 * `fn` returns, every array lent during it goes back to the pool. Outside a scope they are plain
 * new arrays, so code that keeps tensors (evaluation, checkpoints, tests) is unchanged.
 *
 * A tensor made inside the scope must not outlive it — as in TF.js's `tidy`. `fn` may return one
 * tensor (its storage is kept); any other tensor made in the scope has its storage taken back and
 * its graph cut, so using it afterwards fails loudly (`item()` throws, ops see no data) instead of
 * reading the next step's numbers. Module state (parameters, gradients, optimizer state, running
 * statistics) is made outside the arena (`storage`, `zeros`) or updated in place, so it survives.
 * Scopes nest: only the outermost one gives the arrays back.
 */
import type { Tensor } from './tensor';
import { storage } from './wasm/kernels';

type Kind = 'float32' | 'float64' | 'int32';
type Lent = Float32Array | Float64Array | Int32Array;

/** Free arrays above this many bytes (all kinds) are left to the collector instead of pooled. */
const POOL_LIMIT_BYTES = 32 * 1024 * 1024;

/** The storage a tensor freed at the end of a scope is left with. */
export const FREED: Float32Array = new Float32Array(0);

const pools: Record<Kind, Map<number, Lent[]>> = { float32: new Map(), float64: new Map(), int32: new Map() };
/** Every float32 array the arena made and has not given up, to tell which tensors it backs. */
const owned = new WeakSet<Float32Array>();
let depth = 0;
/** Arrays lent in the current (outermost) scope, with their kinds. */
const lent: Lent[] = [];
const lentKinds: Kind[] = [];
/** Tensors made in the current scope. */
const made: Tensor[] = [];
let pooledBytes = 0;
const stats = { created: 0, reused: 0 };

/** How many arrays the arena has made and how many times it lent a pooled one (for tests, the benchmark). */
export function arenaStats(): { created: number; reused: number; pooledBytes: number } {
  return { ...stats, pooledBytes };
}

/** @internal The Tensor constructor reports each new tensor here. */
export function noteTensor(t: Tensor): void {
  if (depth > 0) made.push(t);
}

function lend<T extends Lent>(kind: Kind, length: number, make: (n: number) => T, plain: (n: number) => T): T {
  if (depth === 0) return plain(length);
  const pooled = pools[kind].get(length)?.pop() as T | undefined;
  let array: T;
  if (pooled !== undefined) {
    pooledBytes -= pooled.byteLength;
    pooled.fill(0);
    array = pooled;
    stats.reused++;
  } else {
    array = make(length);
    if (kind === 'float32') owned.add(array as Float32Array);
    stats.created++;
  }
  lent.push(array);
  lentKinds.push(kind);
  return array;
}

/** `length` zeroed floats: an op's output (lent from the WebAssembly heap inside a step scope). */
export function float32(length: number): Float32Array {
  return lend('float32', length, storage, (n) => new Float32Array(n));
}

/** `length` zeroed doubles: an op's float64 scratch. */
export function float64(length: number): Float64Array {
  const make = (n: number): Float64Array => new Float64Array(n);
  return lend('float64', length, make, make);
}

/** `length` zeroed 32-bit integers: an op's index scratch. */
export function int32(length: number): Int32Array {
  const make = (n: number): Int32Array => new Int32Array(n);
  return lend('int32', length, make, make);
}

/** A float32 copy of `source` (arena-lent inside a scope). */
export function float32From(source: ArrayLike<number>): Float32Array {
  const out = float32(source.length);
  for (let i = 0; i < source.length; i++) out[i] = source[i];
  return out;
}

/**
 * Runs one training step (or any bounded piece of work) with op arrays lent from the arena, and
 * takes them back when it returns or throws. See the file's comment for what may escape.
 */
export function stepScope<T>(fn: () => T): T {
  depth++;
  let result: T | undefined;
  try {
    result = fn();
    return result;
  } finally {
    depth--;
    if (depth === 0) close(result);
  }
}

function close(result: unknown): void {
  // the returned tensor's storage stays with it, and leaves the arena for good
  const kept = isTensor(result) ? result.data : null;
  if (kept !== null) owned.delete(kept);
  for (let i = 0; i < made.length; i++) {
    const t = made[i];
    if (t.data !== kept && owned.has(t.data)) {
      t.data = FREED;
      t._parents = [];
      t._backward = null;
      t._gradBuffer = null;
    }
  }
  made.length = 0;
  for (let i = 0; i < lent.length; i++) {
    const array = lent[i];
    if (array === kept || pooledBytes + array.byteLength > POOL_LIMIT_BYTES) continue;
    const pool = pools[lentKinds[i]];
    let free = pool.get(array.length);
    if (free === undefined) {
      free = [];
      pool.set(array.length, free);
    }
    free.push(array);
    pooledBytes += array.byteLength;
  }
  lent.length = 0;
  lentKinds.length = 0;
}

function isTensor(value: unknown): value is Tensor {
  return typeof value === 'object' && value !== null && '_parents' in value && ArrayBuffer.isView((value as { data?: unknown }).data);
}
