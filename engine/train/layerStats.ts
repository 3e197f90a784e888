/**
 * Per-layer gradient norms and update-to-weight ratios, measured every step without allocating:
 * the weights before `optimizer.step()` are copied into buffers made once (in the kernels' heap).
 * Long arrays are summed by the WebAssembly kernels (engine/wasm/assembly/norms.ts), in float64.
 */
import type { Tensor } from '../tensor';
import { kernelsForElements, storage } from '../wasm/kernels';

export interface LayerParameters {
  /** the layer's name as in `namedParameters()` ("0", "2", ...) */
  name: string;
  weight: Tensor;
  bias: Tensor | null;
}

export class LayerStats {
  readonly layers: LayerParameters[];
  readonly gradNorms: Float64Array;
  readonly updateRatios: Float64Array;
  private readonly before: Float32Array[];

  constructor(layers: LayerParameters[]) {
    this.layers = layers;
    this.gradNorms = new Float64Array(layers.length);
    this.updateRatios = new Float64Array(layers.length);
    this.before = layers.map((l) => storage(l.weight.data.length));
  }

  /** ‖∇‖₂ of each layer (weight and bias together); returns the global norm over all layers. */
  measureGradients(): number {
    let total = 0;
    for (let l = 0; l < this.layers.length; l++) {
      const { weight, bias } = this.layers[l];
      const s = sumSquaresOf(weight.grad) + sumSquaresOf(bias?.grad ?? null);
      this.gradNorms[l] = Math.sqrt(s);
      total += s;
    }
    return Math.sqrt(total);
  }

  /** Call right before `optimizer.step()`. */
  rememberWeights(): void {
    for (let l = 0; l < this.layers.length; l++) this.before[l].set(this.layers[l].weight.data);
  }

  /** Call right after `optimizer.step()`: ‖W_after − W_before‖ / ‖W_before‖ per layer. */
  measureUpdates(): void {
    for (let l = 0; l < this.layers.length; l++) {
      const w = this.layers[l].weight.data;
      const b = this.before[l];
      const change = sumSquaredDifferences(w, b);
      const size = sumSquares(b);
      this.updateRatios[l] = size === 0 ? (change === 0 ? 0 : Infinity) : Math.sqrt(change / size);
    }
  }
}

function sumSquaresOf(t: Tensor | null): number {
  return t === null ? 0 : sumSquares(t.data);
}

function sumSquares(d: Float32Array): number {
  const fromKernel = kernelsForElements(d.length)?.sumSquares(d) ?? null;
  if (fromKernel !== null) return fromKernel;
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i] * d[i];
  return s;
}

function sumSquaredDifferences(a: Float32Array, b: Float32Array): number {
  const fromKernel = kernelsForElements(a.length)?.sumSquaredDifferences(a, b) ?? null;
  if (fromKernel !== null) return fromKernel;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    s += d * d;
  }
  return s;
}
