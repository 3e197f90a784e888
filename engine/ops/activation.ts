/**
 * Activations with parameters (clamp's bounds, leakyRelu's slope, ...) and gelu/silu/softplus.
 * relu, tanh and sigmoid live in elementwise.ts. As there, each op's value and derivative are
 * cases of two exhaustive switches that inline into the loops (no closure call per element);
 * everything is computed in float64 and rounded once.
 */
import { Tensor, gradBufferOf } from '../tensor';
import { erfcScalar } from './erf';
import { float32 } from '../arena';

type ActivationName =
  | 'clamp'
  | 'hardtanh'
  | 'leakyRelu'
  | 'elu'
  | 'gelu'
  | 'geluTanh'
  | 'silu'
  | 'softplus'
  | 'logSigmoid';

const ONE_OVER_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
const SQRT_2_OVER_PI = 0.7978845608028654; // √(2/π)
const GELU_KAPPA = 0.044715;

/** y = f(x) with the op's two parameters p and q (unused ones are 0). */
function activationValue(op: ActivationName, x: number, p: number, q: number): number {
  switch (op) {
    case 'clamp': // p = min, q = max
    case 'hardtanh':
      return x < p ? p : x > q ? q : x;
    case 'leakyRelu': // p = negativeSlope
      return x > 0 ? x : x * p;
    case 'elu': // p = alpha
      return x > 0 ? x : p * Math.expm1(x);
    case 'gelu':
      return x * normalCdf(x);
    case 'geluTanh':
      return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + GELU_KAPPA * x * x * x)));
    case 'silu':
      return x * sigmoid64(x);
    case 'softplus': // p = beta, q = threshold
      return x * p > q ? x : log1pExp(x * p) / p;
    case 'logSigmoid':
      return -log1pExp(-x);
  }
}

/** dy/dx, given x (and the same parameters). */
function activationDerivative(op: ActivationName, x: number, p: number, q: number): number {
  switch (op) {
    case 'clamp': // d clamp(x) = 1 for min ≤ x ≤ max, else 0
      return x >= p && x <= q ? 1 : 0;
    case 'hardtanh': // d hardtanh(x) = 1 for min < x < max, else 0 (0 at the edges, as PyTorch)
      return x > p && x < q ? 1 : 0;
    case 'leakyRelu': // d leakyRelu(x) = 1 for x > 0, else negativeSlope
      return x > 0 ? 1 : p;
    case 'elu': // d elu(x) = 1 for x > 0, else alpha·eˣ
      return x > 0 ? 1 : p * Math.exp(x);
    case 'gelu': // d gelu(x) = Φ(x) + x·φ(x),  φ(x) = e^(-x²/2)/√(2π)
      return normalCdf(x) + x * ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
    case 'geluTanh': {
      // d = ½(1 + t) + ½x·(1 - t²)·√(2/π)·(1 + 3κx²),  t = tanh(√(2/π)·(x + κx³))
      const t = Math.tanh(SQRT_2_OVER_PI * (x + GELU_KAPPA * x * x * x));
      return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_KAPPA * x * x);
    }
    case 'silu': {
      // d silu(x) = σ(x)·(1 + x·(1 - σ(x)))
      const s = sigmoid64(x);
      return s * (1 + x * (1 - s));
    }
    case 'softplus': // d softplus(x) = σ(βx) (1 above the threshold)
      return x * p > q ? 1 : sigmoid64(x * p);
    case 'logSigmoid': // d ln σ(x) = 1 - σ(x) = σ(-x)
      return sigmoid64(-x);
  }
}

function activate(op: ActivationName, x: Tensor, gradFn: string, p = 0, q = 0): Tensor {
  const X = x.data;
  const out = float32(X.length);
  for (let i = 0; i < X.length; i++) out[i] = activationValue(op, X[i], p, q);
  return Tensor._fromOp(out, x.shape, [x], gradFn, (g) => {
    const gx = gradBufferOf(x);
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * activationDerivative(op, X[i], p, q);
  });
}

/** Φ(x), the standard normal CDF = ½·erfc(-x/√2) (erfc keeps the far left tail accurate). */
function normalCdf(x: number): number {
  return 0.5 * erfcScalar(-x * Math.SQRT1_2);
}

function sigmoid64(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** ln(1 + eᶻ) without overflow: z + ln(1 + e⁻ᶻ) for z > 0. */
function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** clamp(x, min, max); the gradient is 1 inside [min, max] and 0 outside (PyTorch passes the edges). */
export function clamp(x: Tensor, min?: number | null, max?: number | null): Tensor {
  if (min == null && max == null) throw new Error("torch.clamp: At least one of 'min' or 'max' must not be None");
  return activate('clamp', x, 'ClampBackward', min ?? -Infinity, max ?? Infinity);
}

/** hardtanh(x) = clamp(x, minVal, maxVal); unlike clamp, the gradient is 0 at the two edges (as PyTorch). */
export function hardtanh(x: Tensor, minVal = -1, maxVal = 1): Tensor {
  if (minVal > maxVal) throw new Error(`hardtanh: minVal (${minVal}) cannot be greater than maxVal (${maxVal})`);
  return activate('hardtanh', x, 'HardtanhBackward', minVal, maxVal);
}

/** relu6(x) = min(max(x, 0), 6) = hardtanh(x, 0, 6). */
export function relu6(x: Tensor): Tensor {
  return hardtanh(x, 0, 6);
}

/** leakyRelu(x) = x for x > 0, negativeSlope·x otherwise. */
export function leakyRelu(x: Tensor, negativeSlope = 0.01): Tensor {
  return activate('leakyRelu', x, 'LeakyReluBackward', negativeSlope);
}

/** elu(x) = x for x > 0, alpha·(eˣ - 1) otherwise. */
export function elu(x: Tensor, alpha = 1): Tensor {
  return activate('elu', x, 'EluBackward', alpha);
}

/**
 * gelu(x) = x·Φ(x) with Φ the standard normal CDF (`approximate: 'none'`), or PyTorch's tanh
 * approximation ½x·(1 + tanh(√(2/π)·(x + 0.044715x³))) (`approximate: 'tanh'`).
 */
export function gelu(x: Tensor, approximate: 'none' | 'tanh' = 'none'): Tensor {
  if (approximate === 'none') return activate('gelu', x, 'GeluBackward');
  if (approximate === 'tanh') return activate('geluTanh', x, 'GeluBackward');
  throw new Error(`approximate argument must be either none or tanh. Got '${String(approximate)}'.`);
}

/** silu(x) = x·σ(x) (also called swish). */
export function silu(x: Tensor): Tensor {
  return activate('silu', x, 'SiluBackward');
}

/**
 * softplus(x) = (1/β)·ln(1 + e^(βx)), a smooth relu; where βx > threshold it returns x itself
 * (as PyTorch does, since the two agree to float precision there).
 */
export function softplus(x: Tensor, beta = 1, threshold = 20): Tensor {
  return activate('softplus', x, 'SoftplusBackward', beta, threshold);
}

/** logSigmoid(x) = ln σ(x) = -softplus(-x), computed without overflow for large |x|. */
export function logSigmoid(x: Tensor): Tensor {
  return activate('logSigmoid', x, 'LogSigmoidBackward');
}
