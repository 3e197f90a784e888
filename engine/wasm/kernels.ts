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
 * The kernels work in the module's own memory: operands are copied in, the product copied out.
 */
import { RELAXED_SIMD, SIMD } from './generated/kernels';

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
  memory: WebAssembly.Memory;
  gemmOuter(m: number, n: number, k: number, a: number, aRow: number, aDepth: number, b: number, c: number, accumulate: number): void;
  gemmDot(m: number, n: number, k: number, a: number, b: number, c: number, accumulate: number): void;
  adamStep(
    n: number, theta: number, grad: number, m: number, v: number,
    beta1: number, beta2: number, oneMinusBeta1: number, oneMinusBeta2: number,
    negativeStepSize: number, biasCorrection2Sqrt: number, eps: number, decay: number,
  ): void;
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

/** One instantiated kernel module and its float32 view of memory. */
export class WasmKernels {
  private readonly exports: KernelExports;
  private heap: Float32Array;

  constructor(module: WebAssembly.Module) {
    this.exports = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
    this.heap = new Float32Array(this.exports.memory.buffer);
  }

  /** Grows memory to hold `floats` float32 values; a grown memory needs a fresh view. */
  private reserve(floats: number): Float32Array {
    const memory = this.exports.memory;
    const bytes = floats * 4;
    if (memory.buffer.byteLength < bytes) {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
      this.heap = new Float32Array(memory.buffer);
    }
    return this.heap;
  }

  /** C[m×n] (+)= A[m×k]·B[k×n] */
  gemmNN(m: number, n: number, k: number, A: Float32Array, aOff: number, B: Float32Array, bOff: number, C: Float32Array, cOff: number, accumulate: boolean): void {
    this.gemm(m, n, k, A, aOff, k, 1, m * k, B, bOff, false, C, cOff, accumulate);
  }

  /** C[m×n] (+)= A[m×k]·B[n×k]ᵀ */
  gemmNT(m: number, n: number, k: number, A: Float32Array, aOff: number, B: Float32Array, bOff: number, C: Float32Array, cOff: number, accumulate: boolean): void {
    this.gemm(m, n, k, A, aOff, k, 1, m * k, B, bOff, true, C, cOff, accumulate);
  }

  /** C[m×n] (+)= A[k×m]ᵀ·B[k×n] */
  gemmTN(m: number, n: number, k: number, A: Float32Array, aOff: number, B: Float32Array, bOff: number, C: Float32Array, cOff: number, accumulate: boolean): void {
    this.gemm(m, n, k, A, aOff, 1, m, m * k, B, bOff, false, C, cOff, accumulate);
  }

  /**
   * Adam's step in place on θ, m and v from the gradient (engine/wasm/assembly/optim.ts) — the
   * common case: no amsgrad, maximize or L2 weight decay. The four arrays have one length.
   */
  adamStep(theta: Float32Array, grad: Float32Array, m: Float32Array, v: Float32Array, s: AdamStepScalars): void {
    const n = theta.length;
    const stride = aligned(n);
    const heap = this.reserve(4 * stride);
    heap.set(theta, 0);
    heap.set(grad, stride);
    heap.set(m, 2 * stride);
    heap.set(v, 3 * stride);
    this.exports.adamStep(
      n, 0, stride * 4, 2 * stride * 4, 3 * stride * 4,
      s.beta1, s.beta2, s.oneMinusBeta1, s.oneMinusBeta2, s.negativeStepSize, s.biasCorrection2Sqrt, s.eps, s.decay,
    );
    theta.set(heap.subarray(0, n));
    m.set(heap.subarray(2 * stride, 2 * stride + n));
    v.set(heap.subarray(3 * stride, 3 * stride + n));
  }

  /**
   * C[m×n] (+)= a·b, where a(i, p) = A[aOff + i·aRow + p·aDepth] and B is [k×n] (`transposeB`
   * false) or [n×k] (true), both row-major at their offsets. A spans `aLength` elements.
   */
  private gemm(
    m: number, n: number, k: number,
    A: Float32Array, aOff: number, aRow: number, aDepth: number, aLength: number,
    B: Float32Array, bOff: number, transposeB: boolean,
    C: Float32Array, cOff: number, accumulate: boolean,
  ): void {
    const bLength = k * n;
    const cLength = m * n;
    const aAt = 0;
    const bAt = aligned(aAt + aLength);
    const cAt = aligned(bAt + bLength);
    const heap = this.reserve(cAt + cLength);
    heap.set(A.subarray(aOff, aOff + aLength), aAt);
    heap.set(B.subarray(bOff, bOff + bLength), bAt);
    if (accumulate) heap.set(C.subarray(cOff, cOff + cLength), cAt);
    const flag = accumulate ? 1 : 0;
    if (transposeB) this.exports.gemmDot(m, n, k, aAt * 4, bAt * 4, cAt * 4, flag);
    else this.exports.gemmOuter(m, n, k, aAt * 4, aRow, aDepth, bAt * 4, cAt * 4, flag);
    C.set(heap.subarray(cAt, cAt + cLength), cOff);
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
    const module = moduleFor(name);
    if (module === null) throw new Error(`the ${name} backend cannot run here (this JavaScript engine lacks its WebAssembly features)`);
    kernels = new WasmKernels(module);
  }
  current = name;
}

/** A fresh instance of one WebAssembly backend's kernels, or null where it cannot run here. */
export function kernelsFor(name: Exclude<Backend, 'js'>): WasmKernels | null {
  const module = moduleFor(name);
  return module === null ? null : new WasmKernels(module);
}

/** The WebAssembly kernels in force, or null when the backend is 'js'. */
export function wasmKernels(): WasmKernels | null {
  if (current === null) backend();
  return kernels;
}
