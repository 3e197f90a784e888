/** Embedding lookup: rows of a weight table picked by integer indices, as one graph node. */
import { Tensor, gradBufferOf } from '../../tensor';
import { float32, int32 } from '../../arena';

/**
 * `F.embedding(input, weight, paddingIdx)`: out[..., :] = weight[input[...], :], shape
 * [...input.shape, embeddingDim]. The gradient adds each output row back into the row it came
 * from; the `paddingIdx` row gets no gradient (so it stays as it is).
 */
export function embedding(input: Tensor, weight: Tensor, options: { paddingIdx?: number | null } = {}): Tensor {
  if (weight.shape.length !== 2) {
    throw new Error(`embedding: weight must be a 2-D table [numEmbeddings, embeddingDim]; got [${weight.shape.join(', ')}]`);
  }
  const [rows, dim] = weight.shape;
  const padding = options.paddingIdx ?? null;
  const paddingRow = padding !== null && padding < 0 ? padding + rows : padding;
  const picks = int32(input.data.length);
  for (let k = 0; k < picks.length; k++) {
    const index = input.data[k];
    if (!Number.isInteger(index) || index < 0 || index >= rows) {
      throw new Error(
        `index out of range in self: embedding index ${index} is not a whole number from 0 to ${rows - 1} ` +
          `(the table has ${rows} rows)`,
      );
    }
    picks[k] = index;
  }
  const W = weight.data;
  const out = float32(picks.length * dim);
  for (let k = 0; k < picks.length; k++) out.set(W.subarray(picks[k] * dim, picks[k] * dim + dim), k * dim);
  return Tensor._fromOp(out, [...input.shape, dim], [weight], 'EmbeddingBackward', (g) => {
    // d out[k] / d weight[picks[k]] = 1 (rows picked twice sum their gradients)
    const gw = gradBufferOf(weight);
    for (let k = 0; k < picks.length; k++) {
      if (picks[k] === paddingRow) continue;
      const src = k * dim;
      const dst = picks[k] * dim;
      for (let j = 0; j < dim; j++) gw[dst + j] += g[src + j];
    }
  });
}
