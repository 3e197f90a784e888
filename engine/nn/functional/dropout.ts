/** Inverted dropout: zero each element with probability p and scale the rest by 1/(1-p). */
import { Tensor, gradBufferOf } from '../../tensor';
import { defaultGenerator, type Generator } from '../../random';
import { float32 } from '../../arena';

/** PyTorch's check, shared with the Dropout module (p can be changed while training runs). */
export function checkDropoutProbability(p: number): void {
  if (!(typeof p === 'number' && p >= 0 && p <= 1)) {
    throw new Error(`dropout probability has to be between 0 and 1, but got ${p}`);
  }
}

/**
 * `F.dropout(input, p, training)`: in training, y = x·m/(1-p) with m ~ Bernoulli(1-p) drawn from
 * `generator`, so the expected value of y is x; otherwise (or with p = 0) y is x itself. With
 * p = 1 every element is dropped and y is zeros.
 */
export function dropout(input: Tensor, p = 0.5, training = true, options: { generator?: Generator } = {}): Tensor {
  checkDropoutProbability(p);
  if (!training || p === 0 || input.data.length === 0) return input;
  const X = input.data;
  // The mask already holds the scale (0 or 1/(1-p), in float32 as PyTorch computes it).
  const mask = float32(X.length);
  const out = float32(X.length);
  if (p < 1) {
    const generator = options.generator ?? defaultGenerator;
    const keep = 1 - p;
    const scale = Math.fround(1 / Math.fround(keep));
    for (let i = 0; i < X.length; i++) if (generator.random() < keep) mask[i] = scale;
  }
  for (let i = 0; i < X.length; i++) out[i] = X[i] * mask[i];
  return Tensor._fromOp(out, input.shape, [input], 'MulBackward', (g) => {
    // d(x·m) = m
    const gx = gradBufferOf(input);
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * mask[i];
  });
}
