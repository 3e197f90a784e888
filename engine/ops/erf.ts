/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^(-t²) dt in float64, accurate to about 1e-15 relative
 * (checked against Python's math.erf in the tests). Two classic expansions, each used where it
 * converges fast and without cancellation:
 *   |x| < 2.5:  erf(x)  = 2/√π · e^(-x²) · Σₙ 2ⁿ x^(2n+1) / (1·3·5···(2n+1))   (all terms > 0)
 *   x ≥ 2.5:    erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
 */

const TWO_OVER_SQRT_PI = 1.1283791670955126; // 2/√π
const ONE_OVER_SQRT_PI = 0.5641895835477563; // 1/√π
const SERIES_LIMIT = 2.5;
/** 2/(2n+1): the series needs at most ~40 terms below the limit (multiplying beats dividing). */
const SERIES_FACTORS = Float64Array.from({ length: 64 }, (_, n) => 2 / (2 * n + 1));

/** erf(x) for |x| < 2.5 by the positive-term series. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < SERIES_FACTORS.length; n++) {
    term *= x2 * SERIES_FACTORS[n];
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/** erfc(x) for x ≥ 2.5 by the continued fraction, evaluated with the modified Lentz method. */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  // f = b0 + a1/(b1 + a2/(b2 + ...)) with b0 = x, aₖ = k/2, bₖ = x; erfc = e^(-x²)/√π / f
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f;
}

/** erf(x) on a float64 number. */
export function erfScalar(x: number): number {
  if (x !== x) return NaN;
  const ax = Math.abs(x);
  if (ax < SERIES_LIMIT) return erfSeries(x);
  const tail = ax > 27 ? 0 : erfcContinuedFraction(ax);
  return x > 0 ? 1 - tail : tail - 1;
}

/** erfc(x) = 1 - erf(x) on a float64 number, without cancellation for large x. */
export function erfcScalar(x: number): number {
  if (x !== x) return NaN;
  if (x >= SERIES_LIMIT) return x > 27 ? 0 : erfcContinuedFraction(x);
  if (x <= -SERIES_LIMIT) return 2 - (x < -27 ? 0 : erfcContinuedFraction(-x));
  return 1 - erfSeries(x);
}
