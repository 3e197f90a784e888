/**
 * Element-wise ops. Binary ops broadcast like NumPy/PyTorch; their backward sums the gradient
 * back over broadcast dimensions ("unbroadcast") by accumulating through the same index map.
 */
import { Tensor, gradBufferOf } from '../tensor';
import { broadcastIndex, broadcastShapes, sameShape } from './broadcast';
import { erfScalar } from './erf';
import { kernelsForElements } from '../wasm/kernels';
import { float32 } from '../arena';

export { broadcastIndex, broadcastShapes, sameShape } from './broadcast';

// ---------------------------------------------------------------------------------------------
// Binary ops: forward formulas and partial derivatives, one switch each. The switches are
// exhaustive over the op names, so a missing derivative is a compile error; and unlike a table of
// closures they inline into the loops (the op is fixed per call), which makes them 3-4× faster.
// ---------------------------------------------------------------------------------------------

type BinaryName = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum';

/** out = f(a, b) */
function binaryValue(op: BinaryName, a: number, b: number): number {
  switch (op) {
    case 'add': return a + b;
    case 'sub': return a - b;
    case 'mul': return a * b;
    case 'div': return a / b;
    case 'pow': return Math.pow(a, b);
    case 'maximum': return a !== a || b !== b ? NaN : a > b ? a : b;
    case 'minimum': return a !== a || b !== b ? NaN : a < b ? a : b;
  }
}

/** ∂out/∂a given a, b and out */
function binaryPartialA(op: BinaryName, a: number, b: number): number {
  switch (op) {
    case 'add': return 1; // d(a + b) = da + db
    case 'sub': return 1; // d(a - b) = da - db
    case 'mul': return b; // d(a·b) = b·da + a·db
    case 'div': return 1 / b; // d(a/b) = da/b - a/b²·db
    case 'pow': return b === 0 ? 0 : b * Math.pow(a, b - 1); // d(aᵇ) = b·aᵇ⁻¹·da (0 for b = 0, as PyTorch)
    case 'maximum': return a > b ? 1 : a === b ? 0.5 : 0; // to the larger input; ties split evenly, as PyTorch
    case 'minimum': return a < b ? 1 : a === b ? 0.5 : 0;
  }
}

/** ∂out/∂b given a, b and out */
function binaryPartialB(op: BinaryName, a: number, b: number, out: number): number {
  switch (op) {
    case 'add': return 1;
    case 'sub': return -1;
    case 'mul': return a;
    case 'div': return -a / (b * b);
    case 'pow': return a === 0 && b >= 0 ? 0 : out * Math.log(a); // aᵇ·ln a·db (0 for a = 0, b ≥ 0, as PyTorch)
    case 'maximum': return b > a ? 1 : a === b ? 0.5 : 0;
    case 'minimum': return b < a ? 1 : a === b ? 0.5 : 0;
  }
}

const backwardNames: Record<BinaryName, string> = {
  add: 'AddBackward',
  sub: 'SubBackward',
  mul: 'MulBackward',
  div: 'DivBackward',
  pow: 'PowBackward',
  maximum: 'MaximumBackward',
  minimum: 'MinimumBackward',
};

function binary(op: BinaryName, a: Tensor, b: Tensor | number): Tensor {
  const A = a.data;
  if (typeof b === 'number') {
    // A Python scalar: no tensor, no gradient for it.
    const out = float32(A.length);
    for (let i = 0; i < A.length; i++) out[i] = binaryValue(op, A[i], b);
    return Tensor._fromOp(out, a.shape, [a], backwardNames[op], (g) => {
      const ga = gradBufferOf(a);
      for (let i = 0; i < g.length; i++) ga[i] += g[i] * binaryPartialA(op, A[i], b);
    });
  }
  const B = b.data;
  const shape = sameShape(a.shape, b.shape) ? a.shape : broadcastShapes(a.shape, b.shape);
  const ia = broadcastIndex(a.shape, shape);
  const ib = broadcastIndex(b.shape, shape);
  const n = ia ? ia.length : ib ? ib.length : A.length;
  const out = float32(n);
  if (!ia && !ib) for (let i = 0; i < n; i++) out[i] = binaryValue(op, A[i], B[i]);
  else if (!ia) for (let i = 0; i < n; i++) out[i] = binaryValue(op, A[i], B[ib![i]]);
  else if (!ib) for (let i = 0; i < n; i++) out[i] = binaryValue(op, A[ia[i]], B[i]);
  else for (let i = 0; i < n; i++) out[i] = binaryValue(op, A[ia[i]], B[ib[i]]);

  return Tensor._fromOp(out, shape, [a, b], backwardNames[op], (g) => {
    if (a.requiresGrad) {
      const ga = gradBufferOf(a);
      for (let i = 0; i < n; i++) {
        const x = ia ? ia[i] : i;
        ga[x] += g[i] * binaryPartialA(op, A[x], B[ib ? ib[i] : i]);
      }
    }
    if (b.requiresGrad) {
      const gb = gradBufferOf(b);
      for (let i = 0; i < n; i++) {
        const y = ib ? ib[i] : i;
        gb[y] += g[i] * binaryPartialB(op, A[ia ? ia[i] : i], B[y], out[i]);
      }
    }
  });
}

/** `a + alpha·b` (`torch.add(a, b, alpha=...)`). */
export function add(a: Tensor, b: Tensor | number, alpha = 1): Tensor {
  if (alpha !== 1) return binary('add', a, typeof b === 'number' ? b * alpha : binary('mul', b, alpha));
  return binary('add', a, b);
}

/** `a - alpha·b`. */
export function sub(a: Tensor, b: Tensor | number, alpha = 1): Tensor {
  if (alpha !== 1) return binary('sub', a, typeof b === 'number' ? b * alpha : binary('mul', b, alpha));
  return binary('sub', a, b);
}

/** `a · b` element-wise. */
export function mul(a: Tensor, b: Tensor | number): Tensor {
  return binary('mul', a, b);
}

/** `a / b` element-wise. */
export function div(a: Tensor, b: Tensor | number): Tensor {
  return binary('div', a, b);
}

/** `aᵇ` element-wise. */
export function pow(a: Tensor, exponent: Tensor | number): Tensor {
  return binary('pow', a, exponent);
}

/** `torch.maximum(a, b)`. */
export function maximum(a: Tensor, b: Tensor): Tensor {
  return binary('maximum', a, b);
}

/** `torch.minimum(a, b)`. */
export function minimum(a: Tensor, b: Tensor): Tensor {
  return binary('minimum', a, b);
}

/** `scalar - t` (Python's `2 - x`): a number on the left. */
export function rsub(t: Tensor, scalar: number): Tensor {
  return add(neg(t), scalar);
}

// ---------------------------------------------------------------------------------------------
// Unary ops: y = f(x) and dy/dx as two exhaustive switches (a missing rule is a compile error;
// inlined into the loops, like the binary ones). The derivative gets x and the float32 y, as
// PyTorch's backward formulas use the saved result.
// ---------------------------------------------------------------------------------------------

type UnaryName =
  | 'relu'
  | 'tanh'
  | 'sigmoid'
  | 'exp'
  | 'log'
  | 'neg'
  | 'sqrt'
  | 'abs'
  | 'square'
  | 'sin'
  | 'cos'
  | 'reciprocal'
  | 'sign'
  | 'erf';

const TWO_OVER_SQRT_PI = 1.1283791670955126;

function unaryValue(op: UnaryName, x: number): number {
  switch (op) {
    case 'relu': return x > 0 ? x : x !== x ? x : 0;
    case 'tanh': return Math.tanh(x);
    case 'sigmoid': return sigmoidScalar(x);
    case 'exp': return Math.exp(x);
    case 'log': return Math.log(x);
    case 'neg': return -x;
    case 'sqrt': return Math.sqrt(x);
    case 'abs': return Math.abs(x);
    case 'square': return x * x;
    case 'sin': return Math.sin(x);
    case 'cos': return Math.cos(x);
    case 'reciprocal': return 1 / x;
    case 'sign': return x > 0 ? 1 : x < 0 ? -1 : 0;
    case 'erf': return erfScalar(x);
  }
}

function unaryDerivative(op: UnaryName, x: number, y: number): number {
  switch (op) {
    case 'relu': return y > 0 ? 1 : 0; // d relu(x) = 1 if x > 0 else 0
    case 'tanh': return 1 - y * y; // d(tanh x) = 1 - tanh²x
    case 'sigmoid': return y * (1 - y); // d σ(x) = σ(x)(1 - σ(x))
    case 'exp': return y; // d(eˣ) = eˣ
    case 'log': return 1 / x; // d(ln x) = 1/x
    case 'neg': return -1; // d(-x) = -1
    case 'sqrt': return 0.5 / y; // d(√x) = 1/(2√x)
    case 'abs': return x > 0 ? 1 : x < 0 ? -1 : 0; // d|x| = sign(x) (0 at 0, as PyTorch)
    case 'square': return 2 * x; // d(x²) = 2x
    case 'sin': return Math.cos(x); // d(sin x) = cos x
    case 'cos': return -Math.sin(x); // d(cos x) = -sin x
    case 'reciprocal': return -y * y; // d(1/x) = -1/x²
    case 'sign': return 0; // d sign(x) = 0
    case 'erf': return TWO_OVER_SQRT_PI * Math.exp(-x * x); // d erf(x) = 2/√π · e^(-x²)
  }
}

const unaryGradFns: Record<UnaryName, string> = {
  relu: 'ReluBackward',
  tanh: 'TanhBackward',
  sigmoid: 'SigmoidBackward',
  exp: 'ExpBackward',
  log: 'LogBackward',
  neg: 'NegBackward',
  sqrt: 'SqrtBackward',
  abs: 'AbsBackward',
  square: 'PowBackward',
  sin: 'SinBackward',
  cos: 'CosBackward',
  reciprocal: 'ReciprocalBackward',
  sign: 'SignBackward',
  erf: 'ErfBackward',
};

function sigmoidScalar(x: number): number {
  // Two branches keep exp() from overflowing for large |x|.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

function unary(op: UnaryName, x: Tensor): Tensor {
  const X = x.data;
  const out = float32(X.length);
  for (let i = 0; i < X.length; i++) out[i] = unaryValue(op, X[i]);
  return Tensor._fromOp(out, x.shape, [x], unaryGradFns[op], (g) => {
    const gx = gradBufferOf(x);
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * unaryDerivative(op, X[i], out[i]);
  });
}

export const neg = (x: Tensor): Tensor => unary('neg', x);
export const exp = (x: Tensor): Tensor => unary('exp', x);
export const log = (x: Tensor): Tensor => unary('log', x);
export const sqrt = (x: Tensor): Tensor => unary('sqrt', x);
export const abs = (x: Tensor): Tensor => unary('abs', x);
export const square = (x: Tensor): Tensor => unary('square', x);
/** relu(x) = max(x, 0) (NaN stays NaN); d relu(x) = 1 if x > 0 else 0. Own loops: it runs every step. */
export function relu(x: Tensor): Tensor {
  const X = x.data;
  const out = float32(X.length);
  // WebAssembly's f32x4.max has no branch to mispredict on the signs of fresh activations.
  const wasm = kernelsForElements(X.length);
  if (wasm === null || !wasm.map('reluForward', X, out)) {
    for (let i = 0; i < X.length; i++) {
      const v = X[i];
      out[i] = v > 0 ? v : v !== v ? v : 0;
    }
  }
  return Tensor._fromOp(out, x.shape, [x], 'ReluBackward', (g) => {
    const gx = gradBufferOf(x);
    if (wasm !== null && wasm.mapBackward('reluBackward', out, g, gx)) return;
    for (let i = 0; i < g.length; i++) if (out[i] > 0) gx[i] += g[i];
  });
}

/**
 * d(tanh x) = 1 - tanh²x. Own loops: it runs every step. The WebAssembly kernel (float32, within
 * 2 ulp: engine/wasm/assembly/transcendental.ts) takes long tensors.
 */
export function tanh(x: Tensor): Tensor {
  const X = x.data;
  const out = float32(X.length);
  const wasm = kernelsForElements(X.length);
  if (wasm === null || !wasm.map('tanhForward', X, out)) for (let i = 0; i < X.length; i++) out[i] = Math.tanh(X[i]);
  return Tensor._fromOp(out, x.shape, [x], 'TanhBackward', (g) => {
    const gx = gradBufferOf(x);
    if (wasm !== null && wasm.mapBackward('tanhBackward', out, g, gx)) return;
    for (let i = 0; i < g.length; i++) {
      const y = out[i];
      gx[i] += g[i] * (1 - y * y);
    }
  });
}

/** σ(x) = 1/(1 + e⁻ˣ); d σ(x) = σ(x)(1 - σ(x)). Own loops and kernels, as tanh. */
export function sigmoid(x: Tensor): Tensor {
  const X = x.data;
  const out = float32(X.length);
  const wasm = kernelsForElements(X.length);
  if (wasm === null || !wasm.map('sigmoidForward', X, out)) for (let i = 0; i < X.length; i++) out[i] = sigmoidScalar(X[i]);
  return Tensor._fromOp(out, x.shape, [x], 'SigmoidBackward', (g) => {
    const gx = gradBufferOf(x);
    if (wasm !== null && wasm.mapBackward('sigmoidBackward', out, g, gx)) return;
    for (let i = 0; i < g.length; i++) {
      const y = out[i];
      gx[i] += g[i] * (y * (1 - y));
    }
  });
}
export const sin = (x: Tensor): Tensor => unary('sin', x);
export const cos = (x: Tensor): Tensor => unary('cos', x);
export const reciprocal = (x: Tensor): Tensor => unary('reciprocal', x);
export const sign = (x: Tensor): Tensor => unary('sign', x);
/** `torch.erf(x)` = 2/√π ∫₀ˣ e^(-t²) dt. */
export const erf = (x: Tensor): Tensor => unary('erf', x);

/**
 * An element-wise op from two functions: y = f(x) and dy/dx = df(x, y). For one-off ops (tests,
 * experiments): the engine's own ops use switches instead, since a call per element through a
 * closure is 2-3× slower in the loops that run every training step.
 */
export function unaryWith(
  x: Tensor,
  gradFn: string,
  f: (x: number) => number,
  df: (x: number, y: number) => number,
): Tensor {
  const X = x.data;
  const out = float32(X.length);
  for (let i = 0; i < X.length; i++) out[i] = f(X[i]);
  return Tensor._fromOp(out, x.shape, [x], gradFn, (g) => {
    const gx = gradBufferOf(x);
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * df(X[i], out[i]);
  });
}
