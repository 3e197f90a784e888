/**
 * Kernels built on eˣ: tanh and sigmoid with their backward, softmax and log-softmax along
 * contiguous rows with theirs, and eˣ itself (cross-entropy's backward turns log-probabilities
 * back into probabilities with it). Float32, four lanes at a time.
 *
 * eˣ is Cephes' expf: x = k·ln 2 + r with |r| ≤ ½ln 2, a degree-6 polynomial for eʳ, and 2ᵏ
 * built in the exponent bits — within 2 ulp of the exact value on [−87.3, 88.3]; 0 below (no
 * subnormals), ∞ above ln(FLT_MAX). tanh is Cephes'
 * tanhf (an odd polynomial below |x| = 0.625, 1 − 2/(e²ˣ + 1) above): within 2 ulp. Those errors
 * are of the size of float32's rounding, the size PyTorch's own vectorised CPU kernels have
 * (SLEEF, 1 ulp); the JavaScript kernels, in float64 rounded once, are within ½ ulp.
 */

const LOG2E: f32 = 1.44269504088896341;
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.12194440e-4;
/** Above this 2ᵏ would overflow (k = 128): e⁸⁸·³⁷ ≈ 2.4e38 stands for x up to ln(FLT_MAX). */
const EXP_MAX: f32 = 88.37;
/** ln(FLT_MAX): above it eˣ is ∞. */
const OVERFLOW: f32 = 88.7228391;
/** Below this 2ᵏ would leave float32's normal range: eˣ is 0 (no subnormals). */
const EXP_MIN: f32 = -87.3365447504;

/**
 * ln x for x > 0, in float64: x = 2ᵉ·f with f in [√½, √2), ln f = 2·atanh((f − 1)/(f + 1)) by its
 * series (|z| ≤ 0.172: eight terms, within 1e-13). Not Math.log: AssemblyScript's keeps a table in
 * the module's data segment, at addresses the engine's heap (engine/wasm/heap.ts) hands out.
 */
function ln(x: f64): f64 {
  if (!(x > 0) || x == Infinity) return x == 0 ? -Infinity : x > 0 ? x : NaN;
  let bits = reinterpret<i64>(x);
  let e = <i32>((bits >> 52) & 0x7ff) - 1023;
  if (e == -1023) {
    // subnormal: scale into the normal range first
    bits = reinterpret<i64>(x * 18014398509481984.0); // 2⁵⁴
    e = <i32>((bits >> 52) & 0x7ff) - 1023 - 54;
  }
  let f = reinterpret<f64>((bits & 0x000fffffffffffff) | 0x3ff0000000000000);
  if (f > 1.4142135623730951) {
    f *= 0.5;
    e++;
  }
  const z = (f - 1) / (f + 1);
  const z2 = z * z;
  let series = 1.0 / 15;
  series = series * z2 + 1.0 / 13;
  series = series * z2 + 1.0 / 11;
  series = series * z2 + 1.0 / 9;
  series = series * z2 + 1.0 / 7;
  series = series * z2 + 1.0 / 5;
  series = series * z2 + 1.0 / 3;
  series = series * z2 + 1;
  return <f64>e * 0.6931471805599453 + 2 * z * series;
}

// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

/** eˣ in four lanes (NaN stays NaN). */
// @ts-ignore: decorator
@inline function exp4(v: v128): v128 {
  let x = f32x4.min(f32x4.max(v, f32x4.splat(EXP_MIN)), f32x4.splat(EXP_MAX));
  const k = f32x4.floor(madd(x, f32x4.splat(LOG2E), f32x4.splat(0.5)));
  x = f32x4.sub(x, f32x4.mul(k, f32x4.splat(LN2_HI)));
  x = f32x4.sub(x, f32x4.mul(k, f32x4.splat(LN2_LO)));
  const z = f32x4.mul(x, x);
  let p = f32x4.splat(1.9875691500e-4);
  p = madd(p, x, f32x4.splat(1.3981999507e-3));
  p = madd(p, x, f32x4.splat(8.3334519073e-3));
  p = madd(p, x, f32x4.splat(4.1665795894e-2));
  p = madd(p, x, f32x4.splat(1.6666665459e-1));
  p = madd(p, x, f32x4.splat(5.0000001201e-1));
  p = f32x4.add(madd(p, z, x), f32x4.splat(1));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(k), i32x4.splat(127)), 23);
  const e = f32x4.mul(p, scale);
  // past float32's range: ∞ above ln(FLT_MAX), 0 below the normal range (as flush-to-zero)
  const over = v128.bitselect(f32x4.splat(Infinity), e, f32x4.gt(v, f32x4.splat(OVERFLOW)));
  return v128.andnot(over, f32x4.lt(v, f32x4.splat(EXP_MIN)));
}

/** tanh in four lanes: computed on |x|, x's sign put back (so tanh(−0) = −0). */
// @ts-ignore: decorator
@inline function tanh4(x: v128): v128 {
  const a = f32x4.abs(x);
  // |x| ≥ 0.625: 1 − 2/(e²ˣ + 1)
  const e = exp4(f32x4.add(a, a));
  const large = f32x4.sub(f32x4.splat(1), f32x4.div(f32x4.splat(2), f32x4.add(e, f32x4.splat(1))));
  // |x| < 0.625: x + x·s·P(s), s = x²
  const s = f32x4.mul(a, a);
  let p = f32x4.splat(-5.70498872745e-3);
  p = madd(p, s, f32x4.splat(2.06390887954e-2));
  p = madd(p, s, f32x4.splat(-5.37397155531e-2));
  p = madd(p, s, f32x4.splat(1.33314422036e-1));
  p = madd(p, s, f32x4.splat(-3.33332819422e-1));
  const small = madd(f32x4.mul(p, s), a, a);
  const magnitude = v128.bitselect(small, large, f32x4.lt(a, f32x4.splat(0.625)));
  return v128.or(magnitude, v128.and(x, f32x4.splat(-0.0)));
}

/** σ(x) = 1/(1 + e⁻ˣ) in four lanes. */
// @ts-ignore: decorator
@inline function sigmoid4(x: v128): v128 {
  return f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), exp4(f32x4.neg(x))));
}

/** The vector whose lanes are x then zeros: a tail of fewer than four floats, loaded without reading past it. */
// @ts-ignore: decorator
@inline function loadTail(p: usize, count: i32, fill: f32): v128 {
  let v = f32x4.splat(fill);
  v = f32x4.replace_lane(v, 0, load<f32>(p));
  if (count > 1) v = f32x4.replace_lane(v, 1, load<f32>(p, 4));
  if (count > 2) v = f32x4.replace_lane(v, 2, load<f32>(p, 8));
  return v;
}

// @ts-ignore: decorator
@inline function storeTail(p: usize, v: v128, count: i32): void {
  store<f32>(p, f32x4.extract_lane(v, 0));
  if (count > 1) store<f32>(p, f32x4.extract_lane(v, 1), 4);
  if (count > 2) store<f32>(p, f32x4.extract_lane(v, 2), 8);
}

// @ts-ignore: decorator
@inline function hsum(v: v128): f32 {
  return (f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1)) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

// @ts-ignore: decorator
@inline function hmax(v: v128): f32 {
  return max(max(f32x4.extract_lane(v, 0), f32x4.extract_lane(v, 1)), max(f32x4.extract_lane(v, 2), f32x4.extract_lane(v, 3)));
}

const EXP: i32 = 0;
const TANH: i32 = 1;
const SIGMOID: i32 = 2;

/** f(v) for one of the three functions (a constant at each call: the branches fold away). */
// @ts-ignore: decorator
@inline function apply(f: i32, v: v128): v128 {
  if (f == EXP) return exp4(v);
  if (f == TANH) return tanh4(v);
  return sigmoid4(v);
}

/** out = f(x) over n floats. */
// @ts-ignore: decorator
@inline function mapLoop(f: i32, n: i32, x: usize, out: usize): void {
  const end4 = <usize>(n & ~3) << 2;
  let o: usize = 0;
  for (; o < end4; o += 16) v128.store(out + o, apply(f, v128.load(x + o)));
  if ((n & 3) != 0) storeTail(out + o, apply(f, loadTail(x + o, n & 3, 0)), n & 3);
}

/** f'(x) from y = f(x): 1 − y² for tanh, y·(1 − y) for σ. */
// @ts-ignore: decorator
@inline function slope(f: i32, y: v128): v128 {
  const one = f32x4.splat(1);
  if (f == TANH) return f32x4.sub(one, f32x4.mul(y, y));
  return f32x4.mul(y, f32x4.sub(one, y));
}

/** gx += g·f'(x) over n floats, from y = f(x) the forward's result. */
// @ts-ignore: decorator
@inline function backwardLoop(f: i32, n: i32, y: usize, g: usize, gx: usize): void {
  const end4 = <usize>(n & ~3) << 2;
  let o: usize = 0;
  for (; o < end4; o += 16) v128.store(gx + o, madd(v128.load(g + o), slope(f, v128.load(y + o)), v128.load(gx + o)));
  const rest = n & 3;
  if (rest != 0) {
    const d = f32x4.mul(loadTail(g + o, rest, 0), slope(f, loadTail(y + o, rest, 0)));
    storeTail(gx + o, f32x4.add(loadTail(gx + o, rest, 0), d), rest);
  }
}

/** out = eˣ over n floats. */
export function expForward(n: i32, x: usize, out: usize): void {
  mapLoop(EXP, n, x, out);
}

/** out = tanh(x) over n floats. */
export function tanhForward(n: i32, x: usize, out: usize): void {
  mapLoop(TANH, n, x, out);
}

/** gx += g·(1 − y²), y = tanh(x) the forward's result, over n floats. */
export function tanhBackward(n: i32, y: usize, g: usize, gx: usize): void {
  backwardLoop(TANH, n, y, g, gx);
}

/** out = σ(x) over n floats. */
export function sigmoidForward(n: i32, x: usize, out: usize): void {
  mapLoop(SIGMOID, n, x, out);
}

/** gx += g·y·(1 − y), y = σ(x) the forward's result, over n floats. */
export function sigmoidBackward(n: i32, y: usize, g: usize, gx: usize): void {
  backwardLoop(SIGMOID, n, y, g, gx);
}

/** The row's maximum (−∞ rows give 0, as the JavaScript kernels: then every term is e⁻∞ = 0). */
// @ts-ignore: decorator
@inline function rowMax(p: usize, cols: i32): f32 {
  const cols4 = <usize>(cols & ~3) << 2;
  let m4 = f32x4.splat(-Infinity);
  let o: usize = 0;
  for (; o < cols4; o += 16) m4 = f32x4.max(m4, v128.load(p + o));
  let m = hmax(m4);
  const end = <usize>cols << 2;
  for (; o < end; o += 4) m = max(m, load<f32>(p + o));
  return m == -Infinity ? 0 : m;
}

/** Σ e^(x − m) over the row, each term also written to `out` when `write`. */
// @ts-ignore: decorator
@inline function rowExpSum(p: usize, cols: i32, m: f32, out: usize, write: bool): f32 {
  const cols4 = <usize>(cols & ~3) << 2;
  const shift = f32x4.splat(m);
  let s4 = f32x4.splat(0);
  let o: usize = 0;
  for (; o < cols4; o += 16) {
    const e = exp4(f32x4.sub(v128.load(p + o), shift));
    if (write) v128.store(out + o, e);
    s4 = f32x4.add(s4, e);
  }
  let s = hsum(s4);
  const rest = cols & 3;
  if (rest != 0) {
    const e = exp4(f32x4.sub(loadTail(p + o, rest, 0), shift));
    if (write) storeTail(out + o, e, rest);
    s += hsum(v128.and(e, tailMask(rest)));
  }
  return s;
}

/** Lanes below `count` all ones, the rest zero. */
// @ts-ignore: decorator
@inline function tailMask(count: i32): v128 {
  return i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(count));
}

/**
 * Each of `rows` contiguous rows of `cols` floats: with `log`, out = x − max − ln Σ e^(x − max);
 * else out = e^(x − max) / Σ e^(x − max).
 */
// @ts-ignore: decorator
@inline function softmaxLoop(log: bool, rows: i32, cols: i32, x: usize, out: usize): void {
  const rowBytes = <usize>cols << 2;
  const cols4 = <usize>(cols & ~3) << 2;
  for (let r = 0; r < rows; r++) {
    const p = x + <usize>r * rowBytes;
    const q = out + <usize>r * rowBytes;
    const m = rowMax(p, cols);
    const sum = rowExpSum(p, cols, m, q, !log);
    // log: q = p − log Z;  else: q = q · (1/Σ)
    const scale: f32 = log ? m + <f32>ln(<f64>sum) : <f32>1 / sum;
    const s4 = f32x4.splat(scale);
    let o: usize = 0;
    for (; o < cols4; o += 16) {
      v128.store(q + o, log ? f32x4.sub(v128.load(p + o), s4) : f32x4.mul(v128.load(q + o), s4));
    }
    for (; o < rowBytes; o += 4) store<f32>(q + o, log ? load<f32>(p + o) - scale : load<f32>(q + o) * scale);
  }
}

/** log softmax of each contiguous row. */
export function logSoftmaxRows(rows: i32, cols: i32, x: usize, out: usize): void {
  softmaxLoop(true, rows, cols, x, out);
}

/** softmax of each contiguous row. */
export function softmaxRows(rows: i32, cols: i32, x: usize, out: usize): void {
  softmaxLoop(false, rows, cols, x, out);
}

/** Σ a·b over a row of `cols` floats. */
// @ts-ignore: decorator
@inline function rowDot(a: usize, b: usize, cols: i32): f32 {
  const cols4 = <usize>(cols & ~3) << 2;
  let s4 = f32x4.splat(0);
  let o: usize = 0;
  for (; o < cols4; o += 16) s4 = madd(v128.load(a + o), v128.load(b + o), s4);
  let s = hsum(s4);
  const end = <usize>cols << 2;
  for (; o < end; o += 4) s += load<f32>(a + o) * load<f32>(b + o);
  return s;
}

/** Σ g over a row of `cols` floats. */
// @ts-ignore: decorator
@inline function rowSum(g: usize, cols: i32): f32 {
  const cols4 = <usize>(cols & ~3) << 2;
  let s4 = f32x4.splat(0);
  let o: usize = 0;
  for (; o < cols4; o += 16) s4 = f32x4.add(s4, v128.load(g + o));
  let s = hsum(s4);
  const end = <usize>cols << 2;
  for (; o < end; o += 4) s += load<f32>(g + o);
  return s;
}

/** gx += g − e^y·Σg per row, y the log-softmax's result: its backward. */
export function logSoftmaxBackwardRows(rows: i32, cols: i32, y: usize, g: usize, gx: usize): void {
  const rowBytes = <usize>cols << 2;
  const cols4 = <usize>(cols & ~3) << 2;
  for (let r = 0; r < rows; r++) {
    const at = <usize>r * rowBytes;
    const s = rowSum(g + at, cols);
    const total = f32x4.splat(s);
    let o: usize = at;
    const end4 = at + cols4;
    for (; o < end4; o += 16) {
      const d = f32x4.sub(v128.load(g + o), f32x4.mul(exp4(v128.load(y + o)), total));
      v128.store(gx + o, f32x4.add(v128.load(gx + o), d));
    }
    const rest = cols & 3;
    if (rest != 0) {
      const d = f32x4.sub(loadTail(g + o, rest, 0), f32x4.mul(exp4(loadTail(y + o, rest, 0)), total));
      storeTail(gx + o, f32x4.add(loadTail(gx + o, rest, 0), d), rest);
    }
  }
}

/** gx += y·(g − Σ y·g) per row, y the softmax's result: its backward. */
export function softmaxBackwardRows(rows: i32, cols: i32, y: usize, g: usize, gx: usize): void {
  const rowBytes = <usize>cols << 2;
  const cols4 = <usize>(cols & ~3) << 2;
  for (let r = 0; r < rows; r++) {
    const at = <usize>r * rowBytes;
    const s = rowDot(y + at, g + at, cols);
    const total = f32x4.splat(s);
    let o: usize = at;
    const end4 = at + cols4;
    for (; o < end4; o += 16) {
      const d = f32x4.mul(v128.load(y + o), f32x4.sub(v128.load(g + o), total));
      v128.store(gx + o, f32x4.add(v128.load(gx + o), d));
    }
    const end = at + rowBytes;
    for (; o < end; o += 4) store<f32>(gx + o, load<f32>(gx + o) + load<f32>(y + o) * (load<f32>(g + o) - s));
  }
}
