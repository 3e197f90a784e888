/** `nn.Embedding`: a learnable table of vectors, one row per token or category id. */
import { Tensor, heapZeros } from '../tensor';
import type { Generator } from '../random';
import { Module, Parameter } from './module';
import { embedding } from './functional/embedding';
import { normal_ } from './init';

export interface EmbeddingOptions {
  /** this row starts at zero and gets no gradient (for a padding token); negative counts from the end */
  paddingIdx?: number | null;
  generator?: Generator;
}

/** out[..., :] = weight[index, :]; weight [numEmbeddings, embeddingDim] starts as N(0, 1). */
export class Embedding extends Module {
  readonly numEmbeddings: number;
  readonly embeddingDim: number;
  readonly paddingIdx: number | null;
  weight: Parameter;

  constructor(numEmbeddings: number, embeddingDim: number, options: EmbeddingOptions = {}) {
    super();
    for (const [what, value] of [['numEmbeddings', numEmbeddings], ['embeddingDim', embeddingDim]] as const) {
      if (!Number.isInteger(value) || value < 0) throw new Error(`Embedding: ${what} must be a whole number ≥ 0; got ${value}`);
    }
    let padding = options.paddingIdx ?? null;
    if (padding !== null) {
      if (!Number.isInteger(padding) || padding >= numEmbeddings || padding < -numEmbeddings) {
        throw new Error(`Padding_idx must be within num_embeddings (got ${padding} for ${numEmbeddings} embeddings)`);
      }
      if (padding < 0) padding += numEmbeddings;
    }
    this.numEmbeddings = numEmbeddings;
    this.embeddingDim = embeddingDim;
    this.paddingIdx = padding;
    this.weight = Parameter(heapZeros([numEmbeddings, embeddingDim]));
    this.resetParameters(options.generator);
  }

  protected override _getName(): string {
    return 'Embedding';
  }

  /** weight ~ N(0, 1), with the padding row set to zeros. */
  resetParameters(generator?: Generator): void {
    normal_(this.weight, 0, 1, { generator });
    if (this.paddingIdx !== null) {
      const d = this.embeddingDim;
      this.weight.data.fill(0, this.paddingIdx * d, (this.paddingIdx + 1) * d);
    }
  }

  forward(input: Tensor): Tensor {
    return embedding(input, this.weight, { paddingIdx: this.paddingIdx });
  }

  override extraRepr(): string {
    const padding = this.paddingIdx === null ? '' : `, padding_idx=${this.paddingIdx}`;
    return `${this.numEmbeddings}, ${this.embeddingDim}${padding}`;
  }
}
