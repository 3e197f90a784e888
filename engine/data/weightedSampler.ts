/**
 * WeightedRandomSampler: index i is drawn with probability weights[i] / Σ weights — the usual cure
 * for class imbalance (give each sample the weight 1 / its class's count).
 */
import { defaultGenerator, type Generator } from '../random';
import { Tensor } from '../tensor';
import { EpochSampler } from './sampler';
import { checkPositiveInteger } from './validate';

export interface WeightedRandomSamplerOptions {
  /** Default true. Without replacement an index appears at most once per epoch (torch.multinomial's rule). */
  replacement?: boolean;
  generator?: Generator;
}

export class WeightedRandomSampler extends EpochSampler {
  readonly weights: Float64Array;
  readonly numSamples: number;
  readonly replacement: boolean;
  readonly generator: Generator | null;
  /** cumulative[i] = weights[0] + … + weights[i]; a uniform draw in [0, total) lands in one step of it. */
  private readonly cumulative: Float64Array;
  private readonly positiveCount: number;

  constructor(weights: ArrayLike<number> | Tensor, numSamples: number, options: WeightedRandomSamplerOptions = {}) {
    super();
    checkPositiveInteger('numSamples', numSamples);
    if (weights instanceof Tensor && weights.shape.length !== 1) {
      throw new Error(`weights should be a 1-D sequence; got shape [${weights.shape.join(', ')}]`);
    }
    const values = Float64Array.from(weights instanceof Tensor ? weights.data : weights);
    this.cumulative = new Float64Array(values.length);
    let total = 0;
    let positiveCount = 0;
    for (let i = 0; i < values.length; i++) {
      const w = values[i];
      if (!Number.isFinite(w)) throw new Error(`weights must be finite numbers; got ${w} at index ${i}`);
      if (w < 0) throw new Error(`weights must be non-negative; got ${w} at index ${i}`);
      if (w > 0) positiveCount++;
      total += w;
      this.cumulative[i] = total;
    }
    if (!(total > 0)) throw new Error('weights must include at least one positive weight; all are zero');
    this.replacement = options.replacement ?? true;
    if (!this.replacement && numSamples > positiveCount) {
      throw new Error(
        `Cannot draw ${numSamples} samples without replacement: only ${positiveCount} weights are positive`,
      );
    }
    this.weights = values;
    this.numSamples = numSamples;
    this.positiveCount = positiveCount;
    this.generator = options.generator ?? null;
  }

  get length(): number {
    return this.numSamples;
  }

  sampleEpoch(): Int32Array {
    const generator = this.generator ?? defaultGenerator;
    return this.replacement ? this.drawWithReplacement(generator) : this.drawWithoutReplacement(generator);
  }

  /** Inverse-CDF sampling: the first i with cumulative[i] > u·total (binary search). */
  private drawWithReplacement(generator: Generator): Int32Array {
    const cumulative = this.cumulative;
    const total = cumulative[cumulative.length - 1];
    const out = new Int32Array(this.numSamples);
    for (let k = 0; k < out.length; k++) {
      const target = generator.random() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (cumulative[mid] > target) high = mid;
        else low = mid + 1;
      }
      out[k] = low;
    }
    return out;
  }

  /**
   * Each positive-weight index gets an exponential "arrival time" with rate wᵢ; taking them in
   * arrival order is the same as drawing one at a time ∝ weight and removing it (Efraimidis–Spirakis,
   * the trick torch.multinomial uses).
   */
  private drawWithoutReplacement(generator: Generator): Int32Array {
    const candidates = new Int32Array(this.positiveCount);
    const arrival = new Float64Array(this.weights.length);
    let count = 0;
    for (let i = 0; i < this.weights.length; i++) {
      if (this.weights[i] > 0) {
        arrival[i] = -Math.log(1 - generator.random()) / this.weights[i];
        candidates[count++] = i;
      }
    }
    candidates.sort((a, b) => arrival[a] - arrival[b]);
    return candidates.slice(0, this.numSamples);
  }
}
