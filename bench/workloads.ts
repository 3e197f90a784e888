/**
 * The three benchmark workloads: an MLP, a batch size and an optimizer each, trained with
 * cross-entropy on a fixed pool of random mini-batches. Every framework gets the same numbers.
 */

export type OptimizerName = 'sgd' | 'adam';
export type ActivationName = 'tanh' | 'relu';

export interface Workload {
  name: string;
  /** Layer widths from input to output: [2, 8, 8, 2] is 2-8-8-2. */
  layers: number[];
  activation: ActivationName;
  batchSize: number;
  optimizer: OptimizerName;
  learningRate: number;
  /** What the issue asks of us, in steps per second. */
  target: number;
  /** Issue 11's goal: at least this many times PyTorch's one-thread steps/s, in the same run. */
  torchRatioTarget: number;
}

export const workloads: Workload[] = [
  // TensorFlow-Playground sized: per-op overhead dominates, not arithmetic.
  { name: 'tiny', layers: [2, 8, 8, 2], activation: 'tanh', batchSize: 10, optimizer: 'sgd', learningRate: 0.03, target: 30_000, torchRatioTarget: 5 },
  { name: 'digits', layers: [64, 128, 64, 10], activation: 'relu', batchSize: 32, optimizer: 'adam', learningRate: 1e-3, target: 1_000, torchRatioTarget: 2 },
  // Arithmetic dominates: this one measures the matmul kernels.
  { name: 'mnist', layers: [784, 256, 128, 10], activation: 'relu', batchSize: 64, optimizer: 'adam', learningRate: 1e-3, target: 40, torchRatioTarget: 2 },
];

/** How many distinct mini-batches a run cycles through, so a step never sees the same batch twice running. */
export const BATCH_POOL = 8;

export interface Batch {
  /** [batchSize × inputs], row-major */
  inputs: Float32Array;
  /** class indices, length batchSize */
  labels: Int32Array;
}

/** Uniform numbers on [0, 1) from a seeded LCG: plain, portable, and the same in every run. */
function uniformStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Deterministic batches: inputs uniform on [-1, 1), labels uniform over the classes. */
export function makeBatches(w: Workload): Batch[] {
  const uniform = uniformStream(12345);
  const inputs = w.layers[0];
  const classes = w.layers[w.layers.length - 1];
  const batches: Batch[] = [];
  for (let b = 0; b < BATCH_POOL; b++) {
    const x = new Float32Array(w.batchSize * inputs);
    for (let i = 0; i < x.length; i++) x[i] = uniform() * 2 - 1;
    const y = new Int32Array(w.batchSize);
    for (let i = 0; i < y.length; i++) y[i] = Math.floor(uniform() * classes);
    batches.push({ inputs: x, labels: y });
  }
  return batches;
}

/** Starting weights ([out × in]) and biases of every layer, in nn.Linear's default range U(-1/√in, 1/√in). */
export function initialWeights(w: Workload): { weight: Float32Array; bias: Float32Array }[] {
  const uniform = uniformStream(777);
  const params = [];
  for (let l = 0; l + 1 < w.layers.length; l++) {
    const fanIn = w.layers[l];
    const fanOut = w.layers[l + 1];
    const bound = 1 / Math.sqrt(fanIn);
    const weight = new Float32Array(fanOut * fanIn);
    for (let i = 0; i < weight.length; i++) weight[i] = (uniform() * 2 - 1) * bound;
    const bias = new Float32Array(fanOut);
    for (let i = 0; i < bias.length; i++) bias[i] = (uniform() * 2 - 1) * bound;
    params.push({ weight, bias });
  }
  return params;
}
