/**
 * Gradient clipping, `torch.nn.utils.clip_grad_norm_` and `clip_grad_value_`: call between
 * `loss.backward()` and `optimizer.step()`. Both change `.grad` in place.
 */
import { Tensor } from '../tensor';

const f32 = Math.fround;

/**
 * Scales all gradients together so that their joint norm (as if concatenated into one vector) is
 * at most `maxNorm`:
 *
 *   ‖g‖ = (Σ ‖gᵢ‖ₚᵖ)^(1/p);  g ← g · min(1, maxNorm / (‖g‖ + 1e-6))
 *
 * Returns the norm before clipping, as a number (torch returns a one-element tensor). `normType`
 * may be `Infinity` (largest absolute value). Parameters whose `grad` is null are skipped.
 */
export function clipGradNorm(
  parameters: Tensor | Iterable<Tensor>,
  maxNorm: number,
  normType = 2,
  options: { errorIfNonfinite?: boolean } = {},
): number {
  const grads = gradientsOf(parameters);
  if (grads.length === 0) return 0;
  // Like torch: the norm of each gradient, in float32, then the norm of those norms.
  const norms = new Float64Array(grads.length);
  for (let i = 0; i < grads.length; i++) norms[i] = f32(vectorNorm(grads[i].data, normType));
  const totalNorm = f32(vectorNorm(norms, normType));
  if (options.errorIfNonfinite && !Number.isFinite(totalNorm)) {
    throw new Error(
      `The total norm of order ${normType} for gradients from \`parameters\` is non-finite, so it cannot be ` +
        'clipped. To disable this error and scale the gradients by the non-finite norm anyway, set ' +
        '`errorIfNonfinite: false`',
    );
  }
  // torch computes maxNorm / (norm + 1e-6) as reciprocal(norm + 1e-6) · maxNorm, in float32.
  const coefficient = f32(f32(1 / f32(totalNorm + f32(1e-6))) * f32(maxNorm));
  // Multiplying by 1 would change nothing; NaN still spreads (NaN > 1 is false), as in torch.
  if (!(coefficient >= 1)) {
    for (const grad of grads) {
      const g = grad.data;
      for (let i = 0; i < g.length; i++) g[i] = f32(g[i] * coefficient);
    }
  }
  return totalNorm;
}

/** Clamps every gradient element into [−clipValue, clipValue]. */
export function clipGradValue(parameters: Tensor | Iterable<Tensor>, clipValue: number): void {
  const limit = f32(clipValue);
  for (const grad of gradientsOf(parameters)) {
    const g = grad.data;
    for (let i = 0; i < g.length; i++) {
      // NaN stays NaN, as with torch.clamp.
      if (g[i] > limit) g[i] = limit;
      else if (g[i] < -limit) g[i] = -limit;
    }
  }
}

function gradientsOf(parameters: Tensor | Iterable<Tensor>): Tensor[] {
  const list = parameters instanceof Tensor ? [parameters] : Array.from(parameters);
  const grads: Tensor[] = [];
  for (const param of list) if (param.grad !== null) grads.push(param.grad);
  return grads;
}

/** `torch.norm(x, p)` over all values, accumulated in float64: p = Infinity, −Infinity, 0 or any p > 0. */
function vectorNorm(values: Float32Array | Float64Array, p: number): number {
  if (p === Infinity || p === -Infinity) {
    let best = p === Infinity ? 0 : Infinity;
    for (let i = 0; i < values.length; i++) {
      const a = Math.abs(values[i]);
      if (Number.isNaN(a)) return NaN;
      best = p === Infinity ? Math.max(best, a) : Math.min(best, a);
    }
    return best;
  }
  let total = 0;
  if (p === 0) {
    for (let i = 0; i < values.length; i++) if (values[i] !== 0) total += 1;
    return total;
  }
  if (p === 2) {
    for (let i = 0; i < values.length; i++) total += values[i] * values[i];
    return Math.sqrt(total);
  }
  if (p === 1) {
    for (let i = 0; i < values.length; i++) total += Math.abs(values[i]);
    return total;
  }
  for (let i = 0; i < values.length; i++) total += Math.abs(values[i]) ** p;
  return total ** (1 / p);
}
