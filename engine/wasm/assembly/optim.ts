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

/** The gradient as SGD and RMSprop use it: ±∇ (maximize), plus λθ when λ ≠ 0; four lanes. */
// @ts-ignore: decorator
@inline function effectiveGrad(grad: v128, t: v128, maximize: bool, decays: bool, wd: v128): v128 {
  const g = maximize ? f32x4.neg(grad) : grad;
  return decays ? madd(wd, t, g) : g;
}

/** The same, one lane. */
// @ts-ignore: decorator
@inline function effectiveGradScalar(grad: f32, t: f32, maximize: bool, decays: bool, weightDecay: f32): f32 {
  const g = maximize ? -grad : grad;
  return decays ? g + weightDecay * t : g;
}

/** `flags` of sgdStep. */
const MAXIMIZE: i32 = 1;
const MOMENTUM: i32 = 2;
const FIRST_STEP: i32 = 4;
const NESTEROV: i32 = 8;

/**
 * SGD's step for one parameter of n floats (`buffer` is read only with MOMENTUM):
 *   g ← ±∇ + λθ;  with momentum: b ← g on the first step, else μb + (1 − dampening)g;
 *   g ← g + μb (Nesterov) or b;  θ ← θ − γg
 */
export function sgdStep(
  n: i32, theta: usize, grad: usize, buffer: usize,
  negativeLr: f32, weightDecay: f32, momentum: f32, keep: f32, flags: i32,
): void {
  const lr = f32x4.splat(negativeLr), wd = f32x4.splat(weightDecay);
  const mu = f32x4.splat(momentum), k = f32x4.splat(keep);
  const maximize = (flags & MAXIMIZE) != 0;
  const decays = weightDecay != 0;
  const hasMomentum = (flags & MOMENTUM) != 0;
  const first = (flags & FIRST_STEP) != 0;
  const nesterov = (flags & NESTEROV) != 0;
  const end4 = <usize>(n & ~3) << 2;
  let offset: usize = 0;
  for (; offset < end4; offset += 16) {
    const t = v128.load(theta + offset);
    let g = effectiveGrad(v128.load(grad + offset), t, maximize, decays, wd);
    if (hasMomentum) {
      const b = first ? g : madd(k, g, f32x4.mul(v128.load(buffer + offset), mu));
      v128.store(buffer + offset, b);
      g = nesterov ? madd(mu, b, g) : b;
    }
    v128.store(theta + offset, madd(lr, g, t));
  }
  const end = <usize>n << 2;
  for (; offset < end; offset += 4) {
    const t = load<f32>(theta + offset);
    let g = effectiveGradScalar(load<f32>(grad + offset), t, maximize, decays, weightDecay);
    if (hasMomentum) {
      const b = first ? g : load<f32>(buffer + offset) * momentum + keep * g;
      store<f32>(buffer + offset, b);
      g = nesterov ? g + momentum * b : b;
    }
    store<f32>(theta + offset, t + negativeLr * g);
  }
}

/** c − a·b: fused where the machine has it (relaxed SIMD). */
// @ts-ignore: decorator
@inline function nmadd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_nmadd(a, b, c);
  return f32x4.sub(c, f32x4.mul(a, b));
}

/** `flags` of rmspropStep (MAXIMIZE and MOMENTUM as sgdStep's). */
const CENTERED: i32 = 4;

/**
 * RMSprop's step for one parameter of n floats (`buffer` read with MOMENTUM, `gradAvg` with
 * CENTERED):  g ← ±∇ + λθ;  s ← αs + (1 − α)g·g;  a ← √(s − ḡ²) with ḡ ← αḡ + (1 − α)g when
 * centered, else √s;  a ← a + ε;  θ ← θ − γ·b with b ← μb + g/a (momentum), else θ − γg/a
 */
export function rmspropStep(
  n: i32, theta: usize, grad: usize, squareAvg: usize, buffer: usize, gradAvg: usize,
  negativeLr: f32, alpha: f32, oneMinusAlpha: f32, eps: f32, weightDecay: f32, momentum: f32, flags: i32,
): void {
  const lr = f32x4.splat(negativeLr), al = f32x4.splat(alpha), oma = f32x4.splat(oneMinusAlpha);
  const e = f32x4.splat(eps), wd = f32x4.splat(weightDecay), mu = f32x4.splat(momentum);
  const maximize = (flags & MAXIMIZE) != 0;
  const decays = weightDecay != 0;
  const hasMomentum = (flags & MOMENTUM) != 0;
  const centered = (flags & CENTERED) != 0;
  const end4 = <usize>(n & ~3) << 2;
  let offset: usize = 0;
  for (; offset < end4; offset += 16) {
    const t = v128.load(theta + offset);
    let g = effectiveGrad(v128.load(grad + offset), t, maximize, decays, wd);
    const s = madd(f32x4.mul(oma, g), g, f32x4.mul(v128.load(squareAvg + offset), al));
    v128.store(squareAvg + offset, s);
    let avg: v128;
    if (centered) {
      const ga = madd(oma, g, f32x4.mul(v128.load(gradAvg + offset), al));
      v128.store(gradAvg + offset, ga);
      avg = f32x4.sqrt(nmadd(ga, ga, s));
    } else {
      avg = f32x4.sqrt(s);
    }
    avg = f32x4.add(avg, e);
    if (hasMomentum) {
      const b = f32x4.add(f32x4.mul(v128.load(buffer + offset), mu), f32x4.div(g, avg));
      v128.store(buffer + offset, b);
      v128.store(theta + offset, madd(lr, b, t));
    } else {
      v128.store(theta + offset, f32x4.add(t, f32x4.div(f32x4.mul(lr, g), avg)));
    }
  }
  const end = <usize>n << 2;
  for (; offset < end; offset += 4) {
    const t = load<f32>(theta + offset);
    let g = effectiveGradScalar(load<f32>(grad + offset), t, maximize, decays, weightDecay);
    const s = load<f32>(squareAvg + offset) * alpha + oneMinusAlpha * g * g;
    store<f32>(squareAvg + offset, s);
    let avg: f32;
    if (centered) {
      const ga = load<f32>(gradAvg + offset) * alpha + oneMinusAlpha * g;
      store<f32>(gradAvg + offset, ga);
      avg = sqrt<f32>(s - ga * ga);
    } else {
      avg = sqrt<f32>(s);
    }
    avg += eps;
    if (hasMomentum) {
      const b = load<f32>(buffer + offset) * momentum + g / avg;
      store<f32>(buffer + offset, b);
      store<f32>(theta + offset, t + negativeLr * b);
    } else {
      store<f32>(theta + offset, t + (negativeLr * g) / avg);
    }
  }
}

/**
 * Adagrad's step for one parameter of n floats (`flags`: MAXIMIZE):
 *   g ← ±∇ + λθ;  s ← s + g·g;  θ ← θ + (−γ̃)·g / (√s + ε)
 */
export function adagradStep(n: i32, theta: usize, grad: usize, sum: usize, negativeLr: f32, weightDecay: f32, eps: f32, flags: i32): void {
  const maximize = (flags & MAXIMIZE) != 0;
  const decays = weightDecay != 0;
  const lr = f32x4.splat(negativeLr), wd = f32x4.splat(weightDecay), e = f32x4.splat(eps);
  const end4 = <usize>(n & ~3) << 2;
  let offset: usize = 0;
  for (; offset < end4; offset += 16) {
    const t = v128.load(theta + offset);
    const g = effectiveGrad(v128.load(grad + offset), t, maximize, decays, wd);
    const s = madd(g, g, v128.load(sum + offset));
    v128.store(sum + offset, s);
    v128.store(theta + offset, f32x4.add(t, f32x4.div(f32x4.mul(lr, g), f32x4.add(f32x4.sqrt(s), e))));
  }
  const end = <usize>n << 2;
  for (; offset < end; offset += 4) {
    const t = load<f32>(theta + offset);
    const g = effectiveGradScalar(load<f32>(grad + offset), t, maximize, decays, weightDecay);
    const s = load<f32>(sum + offset) + g * g;
    store<f32>(sum + offset, s);
    store<f32>(theta + offset, t + (negativeLr * g) / (sqrt<f32>(s) + eps));
  }
}
