/**
 * Sums of squares over float32 arrays, in float64 (as the JavaScript loops: each float32 promoted,
 * squared and summed in double; only the order of the sums differs, two lanes by two). The
 * training loop measures every layer's gradient norm and update ratio with them each step.
 */

// @ts-ignore: decorator
@inline function square2(v: v128): v128 {
  return f64x2.mul(v, v);
}

/** Σ x² over n floats. */
export function sumSquares(n: i32, x: usize): f64 {
  let low = f64x2.splat(0);
  let high = f64x2.splat(0);
  const end4 = <usize>(n & ~3) << 2;
  let o: usize = 0;
  for (; o < end4; o += 16) {
    const v = v128.load(x + o);
    low = f64x2.add(low, square2(f64x2.promote_low_f32x4(v)));
    high = f64x2.add(high, square2(f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1))));
  }
  const both = f64x2.add(low, high);
  let s = f64x2.extract_lane(both, 0) + f64x2.extract_lane(both, 1);
  const end = <usize>n << 2;
  for (; o < end; o += 4) {
    const v = <f64>load<f32>(x + o);
    s += v * v;
  }
  return s;
}

/** Σ (a − b)² over n floats (each difference exact in double). */
export function sumSquaredDifferences(n: i32, a: usize, b: usize): f64 {
  let low = f64x2.splat(0);
  let high = f64x2.splat(0);
  const end4 = <usize>(n & ~3) << 2;
  let o: usize = 0;
  for (; o < end4; o += 16) {
    const va = v128.load(a + o);
    const vb = v128.load(b + o);
    const dLow = f64x2.sub(f64x2.promote_low_f32x4(va), f64x2.promote_low_f32x4(vb));
    const dHigh = f64x2.sub(
      f64x2.promote_low_f32x4(v128.shuffle<f32>(va, va, 2, 3, 0, 1)),
      f64x2.promote_low_f32x4(v128.shuffle<f32>(vb, vb, 2, 3, 0, 1)),
    );
    low = f64x2.add(low, square2(dLow));
    high = f64x2.add(high, square2(dHigh));
  }
  const both = f64x2.add(low, high);
  let s = f64x2.extract_lane(both, 0) + f64x2.extract_lane(both, 1);
  const end = <usize>n << 2;
  for (; o < end; o += 4) {
    const d = <f64>load<f32>(a + o) - <f64>load<f32>(b + o);
    s += d * d;
  }
  return s;
}
