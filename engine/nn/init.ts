/**
 * `nn.init`: fills a tensor in place with initial weights, as `torch.nn.init` does. Every function
 * returns the tensor it filled; the `_` suffix says "in place" (the names without it are aliases,
 * deprecated in PyTorch but still seen in code). Random fills take an optional `generator`.
 */
import { Tensor } from '../tensor';
import { defaultGenerator, type Generator } from '../random';

/** The activations `calculateGain` knows. */
export type Nonlinearity =
  | 'linear'
  | 'conv1d'
  | 'conv2d'
  | 'conv3d'
  | 'conv_transpose1d'
  | 'conv_transpose2d'
  | 'conv_transpose3d'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky_relu'
  | 'selu';

/** Whether fan is counted on the inputs (keeps forward activations' variance) or the outputs (gradients'). */
export type FanMode = 'fan_in' | 'fan_out';

export interface RandomFillOptions {
  generator?: Generator;
}

export interface KaimingOptions extends RandomFillOptions {
  /** negative slope of the leaky ReLU that follows (only used with 'leaky_relu') */
  a?: number;
  mode?: FanMode;
  nonlinearity?: Nonlinearity;
}

export interface XavierOptions extends RandomFillOptions {
  gain?: number;
}

const LINEAR_LIKE = new Set<string>([
  'linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d', 'sigmoid',
]);

/**
 * The recommended scale for weights feeding `nonlinearity` (PyTorch's table): 1 for linear and
 * sigmoid, 5/3 for tanh, √2 for relu, √(2/(1 + slope²)) for leaky_relu (slope = `param`, default
 * 0.01), 3/4 for selu.
 */
export function calculateGain(nonlinearity: Nonlinearity, param: number | null = null): number {
  if (LINEAR_LIKE.has(nonlinearity)) return 1;
  switch (nonlinearity) {
    case 'tanh':
      return 5.0 / 3;
    case 'relu':
      return Math.sqrt(2.0);
    case 'leaky_relu': {
      if (param !== null && (typeof param !== 'number' || !Number.isFinite(param))) {
        throw new Error(`negative_slope ${String(param)} not a valid number`);
      }
      const slope = param ?? 0.01;
      return Math.sqrt(2.0 / (1 + slope * slope));
    }
    case 'selu':
      return 3.0 / 4;
    default:
      throw new Error(`Unsupported nonlinearity ${String(nonlinearity)}`);
  }
}

/**
 * [fanIn, fanOut] of a weight tensor [out, in, ...kernel]: fanIn = in·∏kernel, fanOut = out·∏kernel
 * (PyTorch's `_calculate_fan_in_and_fan_out`).
 */
export function calculateFanInAndFanOut(tensor: Tensor): [number, number] {
  if (tensor.shape.length < 2) {
    throw new Error('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  }
  let receptiveField = 1;
  for (let d = 2; d < tensor.shape.length; d++) receptiveField *= tensor.shape[d];
  return [tensor.shape[1] * receptiveField, tensor.shape[0] * receptiveField];
}

function correctFan(tensor: Tensor, mode: FanMode): number {
  if (mode !== 'fan_in' && mode !== 'fan_out') {
    throw new Error(`Mode ${String(mode)} not supported, please use one of fan_in, fan_out`);
  }
  const [fanIn, fanOut] = calculateFanInAndFanOut(tensor);
  return mode === 'fan_in' ? fanIn : fanOut;
}

/** Fills with U(a, b). */
export function uniform_(tensor: Tensor, a = 0, b = 1, options: RandomFillOptions = {}): Tensor {
  const generator = options.generator ?? defaultGenerator;
  const data = tensor.data;
  for (let i = 0; i < data.length; i++) data[i] = a + (b - a) * generator.random();
  return tensor;
}

/** Fills with N(mean, std²). */
export function normal_(tensor: Tensor, mean = 0, std = 1, options: RandomFillOptions = {}): Tensor {
  const generator = options.generator ?? defaultGenerator;
  const data = tensor.data;
  for (let i = 0; i < data.length; i++) data[i] = mean + std * generator.normal();
  return tensor;
}

/** Fills with `value`. */
export function constant_(tensor: Tensor, value: number): Tensor {
  tensor.data.fill(value);
  return tensor;
}

export function ones_(tensor: Tensor): Tensor {
  return constant_(tensor, 1);
}

export function zeros_(tensor: Tensor): Tensor {
  return constant_(tensor, 0);
}

/** Glorot uniform: U(-a, a) with a = gain·√(6 / (fanIn + fanOut)). */
export function xavierUniform_(tensor: Tensor, options: XavierOptions = {}): Tensor {
  const [fanIn, fanOut] = calculateFanInAndFanOut(tensor);
  const std = (options.gain ?? 1) * Math.sqrt(2.0 / (fanIn + fanOut));
  const a = Math.sqrt(3.0) * std;
  return uniform_(tensor, -a, a, options);
}

/** Glorot normal: N(0, std²) with std = gain·√(2 / (fanIn + fanOut)). */
export function xavierNormal_(tensor: Tensor, options: XavierOptions = {}): Tensor {
  const [fanIn, fanOut] = calculateFanInAndFanOut(tensor);
  const std = (options.gain ?? 1) * Math.sqrt(2.0 / (fanIn + fanOut));
  return normal_(tensor, 0, std, options);
}

/** He uniform: U(-bound, bound) with bound = gain·√(3 / fan), gain = calculateGain(nonlinearity, a). */
export function kaimingUniform_(tensor: Tensor, options: KaimingOptions = {}): Tensor {
  if (tensor.data.length === 0) return tensor; // PyTorch: initializing zero-element tensors is a no-op
  const fan = correctFan(tensor, options.mode ?? 'fan_in');
  const gain = calculateGain(options.nonlinearity ?? 'leaky_relu', options.a ?? 0);
  const bound = Math.sqrt(3.0) * (gain / Math.sqrt(fan));
  return uniform_(tensor, -bound, bound, options);
}

/** He normal: N(0, std²) with std = gain / √fan, gain = calculateGain(nonlinearity, a). */
export function kaimingNormal_(tensor: Tensor, options: KaimingOptions = {}): Tensor {
  if (tensor.data.length === 0) return tensor;
  const fan = correctFan(tensor, options.mode ?? 'fan_in');
  const gain = calculateGain(options.nonlinearity ?? 'leaky_relu', options.a ?? 0);
  return normal_(tensor, 0, gain / Math.sqrt(fan), options);
}

// PyTorch's older names without the trailing underscore.
export const uniform = uniform_;
export const normal = normal_;
export const constant = constant_;
export const xavierUniform = xavierUniform_;
export const xavierNormal = xavierNormal_;
export const kaimingUniform = kaimingUniform_;
export const kaimingNormal = kaimingNormal_;
