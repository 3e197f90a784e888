/**
 * Which backend runs the engine's hot kernels, and the WebAssembly ones themselves.
 *
 *   'wasm-relaxed-simd'  WebAssembly with relaxed SIMD (fused multiply-add where the CPU has it)
 *   'wasm-simd'          WebAssembly SIMD (128-bit) without the relaxed instructions
 *   'js'                 plain JavaScript, where WebAssembly SIMD is missing
 *
 * The first one this JavaScript engine validates is chosen, once, on first use (compiling the
 * ~3 KB module synchronously is allowed everywhere, the main thread included). `setBackend`
 * picks another — tests run the same parity checks on each, the benchmark compares them.
 *
 * The kernels work in one fixed WebAssembly memory (heap.ts). `storage` hands out arrays in it for
 * the tensors that live long and are read every step — parameters, their optimizer state, pooled
 * gradient buffers — so the kernels read and write those in place; other operands are copied.
 */
import { RELAXED_SIMD, SIMD } from './generated/kernels';
import { WasmHeap } from './heap';

/**
 * Below this many multiply-adds (m·n·k) a matrix product stays in JavaScript: copying operands
 * into WebAssembly memory and back costs as much as the product (bench:gemm).
 */
export const WASM_MIN_PRODUCT = 2048;
/** Below this many elements an update loop stays in JavaScript, for the same reason. */
export const WASM_MIN_ELEMENTS = 64;

export const BACKENDS = ['wasm-relaxed-simd', 'wasm-simd', 'js'] as const;
export type Backend = (typeof BACKENDS)[number];

interface KernelExports {
  gemmOuter(m: number, n: number, k: number, a: number, aRow: number, aDepth: number, b: number, c: number, accumulate: number): void;
  gemmDot(m: number, n: number, k: number, a: number, b: number, c: number, accumulate: number): void;
  adamStep(
    n: number, theta: number, grad: number, m: number, v: number,
    beta1: number, beta2: number, oneMinusBeta1: number, oneMinusBeta2: number,
    negativeStepSize: number, biasCorrection2Sqrt: number, eps: number, decay: number,
  ): void;
  sgdStep(n: number, theta: number, grad: number, buffer: number, negativeLr: number, weightDecay: number, momentum: number, keep: number, flags: number): void;
  rmspropStep(
    n: number, theta: number, grad: number, squareAvg: number, buffer: number, gradAvg: number,
    negativeLr: number, alpha: number, oneMinusAlpha: number, eps: number, weightDecay: number, momentum: number, flags: number,
  ): void;
  adagradStep(n: number, theta: number, grad: number, sum: number, negativeLr: number, weightDecay: number, eps: number, flags: number): void;
  sumSquares(n: number, x: number): number;
  sumSquaredDifferences(n: number, a: number, b: number): number;
  reluForward(n: number, x: number, out: number): void;
  reluBackward(n: number, out: number, g: number, gx: number): void;
  broadcastRows(rows: number, cols: number, bias: number, c: number): void;
  columnSums(rows: number, cols: number, g: number, gb: number): void;
  expForward(n: number, x: number, out: number): void;
  tanhForward(n: number, x: number, out: number): void;
  tanhBackward(n: number, y: number, g: number, gx: number): void;
  sigmoidForward(n: number, x: number, out: number): void;
  sigmoidBackward(n: number, y: number, g: number, gx: number): void;
  logSoftmaxRows(rows: number, cols: number, x: number, out: number): void;
  softmaxRows(rows: number, cols: number, x: number, out: number): void;
  logSoftmaxBackwardRows(rows: number, cols: number, y: number, g: number, gx: number): void;
  softmaxBackwardRows(rows: number, cols: number, y: number, g: number, gx: number): void;
}

/** The elementwise kernels out = f(x) (engine/wasm/assembly). */
export type MapKernel = 'reluForward' | 'expForward' | 'tanhForward' | 'sigmoidForward';
/** The elementwise backward kernels gx += g·f'(y), y the forward's result. */
export type MapBackwardKernel = 'reluBackward' | 'tanhBackward' | 'sigmoidBackward';
/** The kernels over contiguous rows: out = f(row). */
export type RowsKernel = 'logSoftmaxRows' | 'softmaxRows';
/** Their backward, gx += f'(y, g) per row. */
export type RowsBackwardKernel = 'logSoftmaxBackwardRows' | 'softmaxBackwardRows';

/** RMSprop's float32 scalars and switches for one step, as engine/optim/rmsprop.ts computes them. */
export interface RmspropStepScalars {
  negativeLr: number;
  alpha: number;
  oneMinusAlpha: number;
  eps: number;
  weightDecay: number;
  momentum: number;
  maximize: boolean;
}

/** SGD's float32 scalars and switches for one step, as engine/optim/sgd.ts computes them. */
export interface SgdStepScalars {
  negativeLr: number;
  weightDecay: number;
  momentum: number;
  /** 1 − dampening */
  keep: number;
  maximize: boolean;
  nesterov: boolean;
  /** the momentum buffer's first step: it becomes the gradient */
  firstStep: boolean;
}

/** Adam's float32 scalars for one step, as engine/optim/adam.ts computes them. */
export interface AdamStepScalars {
  beta1: number;
  beta2: number;
  oneMinusBeta1: number;
  oneMinusBeta2: number;
  negativeStepSize: number;
  biasCorrection2Sqrt: number;
  eps: number;
  /** AdamW's θ·(1 − γλ) before the step; 1 for none */
  decay: number;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Where an operand is: its byte address, and whether it was copied into scratch. */
interface Operand {
  array: Float32Array;
  offset: number;
  length: number;
  at: number;
  copied: boolean;
}

/**
 * One instantiated kernel module and the heap it works in. An operand whose array lives in the
 * heap (see `storage`) is passed by address; any other is copied into a scratch block first (and
 * an output copied back), so every array works and heap-resident ones cost nothing extra.
 */
export class WasmKernels {
  private readonly exports: KernelExports;
  readonly heap = new WasmHeap();
  private scratchAt = -1;
  private scratchBytes = 0;
  private readonly operands: Operand[] = [];

  constructor(module: WebAssembly.Module) {
    this.exports = new WebAssembly.Instance(module, { env: { memory: this.heap.memory } }).exports as unknown as KernelExports;
  }

  /** `length` zeroed floats in the heap, or null when it is full. */
  storage(length: number): Float32Array | null {
    return this.heap.floatArray(length);
  }

  /**
   * Places the operands (array, offset, length, copy in?) for one kernel call: the address of each
   * heap-resident one, a scratch slot for the rest. False when scratch cannot be had.
   */
  private place(...specs: [Float32Array, number, number, boolean][]): boolean {
    const ops = this.operands;
    ops.length = 0;
    let needed = 0;
    for (const [array, offset, length] of specs) {
      const at = this.heap.addressOf(array, offset);
      ops.push({ array, offset, length, at, copied: at < 0 });
      if (at < 0) needed += aligned(length) * 4;
    }
    if (needed > this.scratchBytes) {
      if (this.scratchAt >= 0) this.heap.release(this.scratchAt, this.scratchBytes);
      const bytes = Math.max(needed, 2 * this.scratchBytes);
      this.scratchAt = this.heap.allocate(bytes);
      this.scratchBytes = this.scratchAt < 0 ? 0 : bytes;
      if (this.scratchAt < 0) {
        this.scratchAt = this.heap.allocate(needed);
        if (this.scratchAt < 0) return false;
        this.scratchBytes = needed;
      }
    }
    let next = this.scratchAt;
    const floats = this.heap.floats;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      if (!op.copied) continue;
      op.at = next;
      next += aligned(op.length) * 4;
      if (specs[i][3]) floats.set(op.array.subarray(op.offset, op.offset + op.length), op.at >> 2);
    }
    return true;
  }

  /** Copies operand `i` back out of scratch, if it was copied in. */
  private copyOut(i: number): void {
    const op = this.operands[i];
    if (op.copied) op.array.set(this.heap.floats.subarray(op.at >> 2, (op.at >> 2) + op.length), op.offset);
  }

  /** C[m×n] (+)= A[m×k]·B[k×n]; false when it could not run here (the caller falls back). */
  gemmNN(m: number, n: number, k: number, A: Float32Array, aOff: number, B: Float32Array, bOff: number, C: Float32Array, cOff: number, accumulate: boolean): boolean {
    return this.gemm(m, n, k, A, aOff, k, 1, B, bOff, false, C, cOff, accumulate);
  }

  /** C[m×n] (+)= A[m×k]·B[n×k]ᵀ */
  gemmNT(m: number, n: number, k: number, A: Float32Array, aOff: number, B: Float32Array, bOff: number, C: Float32Array, cOff: number, accumulate: boolean): boolean {
    return this.gemm(m, n, k, A, aOff, k, 1, B, bOff, true, C, cOff, accumulate);
  }

  /** C[m×n] (+)= A[k×m]ᵀ·B[k×n] */
  gemmTN(m: number, n: number, k: number, A: Float32Array, aOff: number, B: Float32Array, bOff: number, C: Float32Array, cOff: number, accumulate: boolean): boolean {
    return this.gemm(m, n, k, A, aOff, 1, m, B, bOff, false, C, cOff, accumulate);
  }

  /**
   * A linear layer's forward, out[rows×outFeatures] = bias + x[rows×inFeatures]·Wᵀ: the bias
   * broadcast into the output first and the product added to it, as torch's addmm does.
   */
  linearForward(rows: number, inFeatures: number, outFeatures: number, x: Float32Array, weight: Float32Array, bias: Float32Array | null, out: Float32Array): boolean {
    if (bias === null) return this.gemmNT(rows, outFeatures, inFeatures, x, 0, weight, 0, out, 0, false);
    const placed = this.place([x, 0, rows * inFeatures, true], [weight, 0, outFeatures * inFeatures, true], [bias, 0, outFeatures, true], [out, 0, rows * outFeatures, false]);
    if (!placed) return false;
    const [a, b, c, o] = this.operands;
    this.exports.broadcastRows(rows, outFeatures, c.at, o.at);
    this.exports.gemmDot(rows, outFeatures, inFeatures, a.at, b.at, o.at, 1);
    this.copyOut(3);
    return true;
  }

  /** gb[j] += Σ_r g[r, j] over g[rows×cols]: a linear layer's bias gradient. */
  columnSums(rows: number, cols: number, g: Float32Array, gb: Float32Array): boolean {
    if (!this.place([g, 0, rows * cols, true], [gb, 0, cols, true])) return false;
    this.exports.columnSums(rows, cols, this.operands[0].at, this.operands[1].at);
    this.copyOut(1);
    return true;
  }

  /** out = f(x) elementwise over x's length: relu, eˣ, tanh or σ. */
  map(kernel: MapKernel, x: Float32Array, out: Float32Array): boolean {
    const n = x.length;
    if (!this.place([x, 0, n, true], [out, 0, n, false])) return false;
    this.exports[kernel](n, this.operands[0].at, this.operands[1].at);
    this.copyOut(1);
    return true;
  }

  /** gx += g·f'(x), elementwise, from y = f(x) the forward's result: relu's, tanh's or σ's backward. */
  mapBackward(kernel: MapBackwardKernel, y: Float32Array, g: Float32Array, gx: Float32Array): boolean {
    const n = y.length;
    if (!this.place([y, 0, n, true], [g, 0, n, true], [gx, 0, n, true])) return false;
    const [o, gg, x] = this.operands;
    this.exports[kernel](n, o.at, gg.at, x.at);
    this.copyOut(2);
    return true;
  }

  /** out = f(row) for each contiguous row of `cols` floats of x: log-softmax or softmax. */
  rows(kernel: RowsKernel, rows: number, cols: number, x: Float32Array, out: Float32Array): boolean {
    const n = rows * cols;
    if (!this.place([x, 0, n, true], [out, 0, n, false])) return false;
    this.exports[kernel](rows, cols, this.operands[0].at, this.operands[1].at);
    this.copyOut(1);
    return true;
  }

  /** gx += the row op's backward, from y its result and g the gradient (rows of `cols` floats). */
  rowsBackward(kernel: RowsBackwardKernel, rows: number, cols: number, y: Float32Array, g: Float32Array, gx: Float32Array): boolean {
    const n = rows * cols;
    if (!this.place([y, 0, n, true], [g, 0, n, true], [gx, 0, n, true])) return false;
    const [o, gg, x] = this.operands;
    this.exports[kernel](rows, cols, o.at, gg.at, x.at);
    this.copyOut(2);
    return true;
  }

  /**
   * Adam's step in place on θ, m and v from the gradient (engine/wasm/assembly/optim.ts) — the
   * common case: no amsgrad, maximize or L2 weight decay. The four arrays have one length.
   */
  adamStep(theta: Float32Array, grad: Float32Array, m: Float32Array, v: Float32Array, s: AdamStepScalars): boolean {
    const n = theta.length;
    if (!this.place([theta, 0, n, true], [grad, 0, n, true], [m, 0, n, true], [v, 0, n, true])) return false;
    const [t, g, mm, vv] = this.operands;
    this.exports.adamStep(
      n, t.at, g.at, mm.at, vv.at,
      s.beta1, s.beta2, s.oneMinusBeta1, s.oneMinusBeta2, s.negativeStepSize, s.biasCorrection2Sqrt, s.eps, s.decay,
    );
    this.copyOut(0);
    this.copyOut(2);
    this.copyOut(3);
    return true;
  }

  /**
   * SGD's step in place on θ (and the momentum buffer, when not null) from the gradient
   * (engine/wasm/assembly/optim.ts). The arrays have one length.
   */
  sgdStep(theta: Float32Array, grad: Float32Array, buffer: Float32Array | null, s: SgdStepScalars): boolean {
    const n = theta.length;
    if (!this.place([theta, 0, n, true], [grad, 0, n, true], [buffer ?? theta, 0, buffer === null ? 0 : n, !s.firstStep])) return false;
    const [t, g, b] = this.operands;
    const flags = (s.maximize ? 1 : 0) | (buffer !== null ? 2 : 0) | (s.firstStep ? 4 : 0) | (s.nesterov ? 8 : 0);
    this.exports.sgdStep(n, t.at, g.at, b.at, s.negativeLr, s.weightDecay, s.momentum, s.keep, flags);
    this.copyOut(0);
    if (buffer !== null) this.copyOut(2);
    return true;
  }

  /**
   * RMSprop's step in place on θ, the square average, and the momentum buffer and gradient
   * average when not null (engine/wasm/assembly/optim.ts). The arrays have one length.
   */
  rmspropStep(
    theta: Float32Array, grad: Float32Array, squareAvg: Float32Array,
    buffer: Float32Array | null, gradAvg: Float32Array | null, s: RmspropStepScalars,
  ): boolean {
    const n = theta.length;
    const placed = this.place(
      [theta, 0, n, true], [grad, 0, n, true], [squareAvg, 0, n, true],
      [buffer ?? theta, 0, buffer === null ? 0 : n, true], [gradAvg ?? theta, 0, gradAvg === null ? 0 : n, true],
    );
    if (!placed) return false;
    const [t, g, sq, b, ga] = this.operands;
    const flags = (s.maximize ? 1 : 0) | (buffer !== null ? 2 : 0) | (gradAvg !== null ? 4 : 0);
    this.exports.rmspropStep(n, t.at, g.at, sq.at, b.at, ga.at, s.negativeLr, s.alpha, s.oneMinusAlpha, s.eps, s.weightDecay, s.momentum, flags);
    for (const i of [0, 2, 3, 4]) this.copyOut(i);
    return true;
  }

  /** Σ x² over the array, in float64; null when it could not run here. */
  sumSquares(x: Float32Array): number | null {
    if (!this.place([x, 0, x.length, true])) return null;
    return this.exports.sumSquares(x.length, this.operands[0].at);
  }

  /** Σ (a − b)² over two arrays of one length, in float64; null when it could not run here. */
  sumSquaredDifferences(a: Float32Array, b: Float32Array): number | null {
    if (!this.place([a, 0, a.length, true], [b, 0, a.length, true])) return null;
    return this.exports.sumSquaredDifferences(a.length, this.operands[0].at, this.operands[1].at);
  }

  /**
   * Adagrad's step in place on θ and the sum of squared gradients (engine/wasm/assembly/optim.ts);
   * the arrays have one length. `negativeLr` is −γ/(1 + (t − 1)η), float32.
   */
  adagradStep(theta: Float32Array, grad: Float32Array, sum: Float32Array, negativeLr: number, weightDecay: number, eps: number, maximize: boolean): boolean {
    const n = theta.length;
    if (!this.place([theta, 0, n, true], [grad, 0, n, true], [sum, 0, n, true])) return false;
    const [t, g, s] = this.operands;
    this.exports.adagradStep(n, t.at, g.at, s.at, negativeLr, weightDecay, eps, maximize ? 1 : 0);
    this.copyOut(0);
    this.copyOut(2);
    return true;
  }

  /**
   * C[m×n] (+)= a·b, where a(i, p) = A[aOff + i·aRow + p·aDepth] and B is [k×n] (`transposeB`
   * false) or [n×k] (true), both row-major at their offsets.
   */
  private gemm(
    m: number, n: number, k: number,
    A: Float32Array, aOff: number, aRow: number, aDepth: number,
    B: Float32Array, bOff: number, transposeB: boolean,
    C: Float32Array, cOff: number, accumulate: boolean,
  ): boolean {
    if (!this.place([A, aOff, m * k, true], [B, bOff, k * n, true], [C, cOff, m * n, accumulate])) return false;
    const [a, b, c] = this.operands;
    const flag = accumulate ? 1 : 0;
    if (transposeB) this.exports.gemmDot(m, n, k, a.at, b.at, c.at, flag);
    else this.exports.gemmOuter(m, n, k, a.at, aRow, aDepth, b.at, c.at, flag);
    this.copyOut(2);
    return true;
  }
}

/** The next multiple of 4 floats (16 bytes: one vector). */
function aligned(floats: number): number {
  return (floats + 3) & ~3;
}

const binaries: Record<Exclude<Backend, 'js'>, string> = { 'wasm-relaxed-simd': RELAXED_SIMD, 'wasm-simd': SIMD };
const modules = new Map<Backend, WebAssembly.Module | null>();

/** The compiled module for a WebAssembly backend, or null where this engine cannot run it. */
function moduleFor(name: Exclude<Backend, 'js'>): WebAssembly.Module | null {
  if (!modules.has(name)) {
    let compiled: WebAssembly.Module | null = null;
    try {
      const bytes = decode(binaries[name]);
      if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null;
    }
    modules.set(name, compiled);
  }
  return modules.get(name) ?? null;
}

/** The backends this JavaScript engine can run, best first ('js' always). */
export function availableBackends(): Backend[] {
  return BACKENDS.filter((name) => name === 'js' || moduleFor(name) !== null);
}

let current: Backend | null = null;
let kernels: WasmKernels | null = null;

/** The backend in use (chosen on first call). */
export function backend(): Backend {
  if (current === null) setBackend(availableBackends()[0]);
  return current as Backend;
}

/** Switches backend; throws where it cannot run here. */
export function setBackend(name: Backend): void {
  if (!BACKENDS.includes(name)) throw new Error(`unknown backend ${String(name)}: one of ${BACKENDS.join(', ')}`);
  if (name === 'js') {
    kernels = null;
  } else {
    const instance = kernelsFor(name);
    if (instance === null) throw new Error(`the ${name} backend cannot run here (this JavaScript engine lacks its WebAssembly features)`);
    kernels = instance;
  }
  current = name;
}

const instances = new Map<Backend, WasmKernels>();

/** One WebAssembly backend's kernels (one instance, and one heap, per backend), or null where it cannot run here. */
export function kernelsFor(name: Exclude<Backend, 'js'>): WasmKernels | null {
  const existing = instances.get(name);
  if (existing) return existing;
  const module = moduleFor(name);
  if (module === null) return null;
  const created = new WasmKernels(module);
  instances.set(name, created);
  return created;
}

/**
 * `length` zeroed floats for a long-lived tensor: in the WebAssembly heap when a WebAssembly
 * backend runs and it has room (short arrays stay out: the kernels leave them to JavaScript),
 * else an ordinary Float32Array. The heap takes the block back when the array is collected.
 */
export function storage(length: number): Float32Array {
  return kernelsForElements(length)?.storage(length) ?? new Float32Array(length);
}

/** The kernels for a product of m·n·k multiply-adds: null when it is small or the backend is 'js'. */
export function kernelsForProduct(multiplyAdds: number): WasmKernels | null {
  return multiplyAdds >= WASM_MIN_PRODUCT ? wasmKernels() : null;
}

/** The kernels for a loop over `length` elements: null when it is short or the backend is 'js'. */
export function kernelsForElements(length: number): WasmKernels | null {
  return length >= WASM_MIN_ELEMENTS ? wasmKernels() : null;
}

/** The WebAssembly kernels in force, or null when the backend is 'js'. */
export function wasmKernels(): WasmKernels | null {
  if (current === null) backend();
  return kernels;
}
