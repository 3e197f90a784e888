/**
 * The optimizers' update loops, four elements at a time; the arithmetic of engine/optim's
 * JavaScript loops (float32 at every step, as torch's), where `madd` is the one difference:
 * fused on the relaxed-SIMD module (as torch's vectorised add(alpha) and addcmul are on a CPU with
 * FMA, and as the JavaScript loops' exact double product is), a multiply and an add on the other.
 */

// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

/**
 * Adam's step for one parameter of n floats, without amsgrad, maximize or L2 weight decay:
 *   θ ← θ·decay (AdamW's decoupled decay; 1 for Adam);  m ← β₁m + (1 − β₁)g;
 *   v ← β₂v + (1 − β₂)g·g;  θ ← θ + (−γ/(1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε)
 */
export function adamStep(
  n: i32, theta: usize, grad: usize, m: usize, v: usize,
  beta1: f32, beta2: f32, oneMinusBeta1: f32, oneMinusBeta2: f32,
  negativeStepSize: f32, biasCorrection2Sqrt: f32, eps: f32, decay: f32,
): void {
  const b1 = f32x4.splat(beta1), b2 = f32x4.splat(beta2);
  const c1 = f32x4.splat(oneMinusBeta1), c2 = f32x4.splat(oneMinusBeta2);
  const step = f32x4.splat(negativeStepSize), bc2 = f32x4.splat(biasCorrection2Sqrt);
  const e = f32x4.splat(eps), d = f32x4.splat(decay);
  const decays = decay != 1;
  const n4 = n & ~3;
  let offset: usize = 0;
  const end4 = <usize>n4 << 2;
  for (; offset < end4; offset += 16) {
    const g = v128.load(grad + offset);
    let t = v128.load(theta + offset);
    if (decays) t = f32x4.mul(t, d);
    const mi = madd(c1, g, f32x4.mul(v128.load(m + offset), b1));
    const vi = madd(f32x4.mul(c2, g), g, f32x4.mul(v128.load(v + offset), b2));
    v128.store(m + offset, mi);
    v128.store(v + offset, vi);
    const denominator = f32x4.add(f32x4.div(f32x4.sqrt(vi), bc2), e);
    v128.store(theta + offset, f32x4.add(t, f32x4.div(f32x4.mul(step, mi), denominator)));
  }
  const end = <usize>n << 2;
  for (; offset < end; offset += 4) {
    const g = load<f32>(grad + offset);
    let t = load<f32>(theta + offset);
    if (decays) t *= decay;
    const mi = load<f32>(m + offset) * beta1 + oneMinusBeta1 * g;
    const vi = load<f32>(v + offset) * beta2 + oneMinusBeta2 * g * g;
    store<f32>(m + offset, mi);
    store<f32>(v + offset, vi);
    store<f32>(theta + offset, t + (negativeStepSize * mi) / (sqrt<f32>(vi) / biasCorrection2Sqrt + eps));
  }
}
