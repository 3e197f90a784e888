/**
 * Matrix-product kernels in WebAssembly SIMD (AssemblyScript; built by scripts/wasm/build.ts into
 * one module with relaxed SIMD and one without). Row-major float32; pointers are byte offsets
 * into this module's memory, strides are in elements.
 *
 *   gemmOuter: C[m×n] (+)= Σ_p a(i, p)·B[p, j], a(i, p) = A[i·aRow + p·aDepth]
 *     — A·B (aRow = k, aDepth = 1) and Aᵀ·B (aRow = 1, aDepth = m). Outer products: a 4×8 tile
 *     of C sits in 8 vector registers, each step of p loads one row slice of B (2 vectors) and
 *     broadcasts 4 elements of A.
 *   gemmDot: C[m×n] (+)= A[m×k]·B[n×k]ᵀ — dot products along p, where both operands are
 *     contiguous: a 4×2 tile of C in 8 vector accumulators, summed across lanes once at the end.
 *
 * Sums are float32 (as PyTorch's), in an order that depends on the tile, not the data.
 */

/** c + a·b: fused where the machine has it (relaxed SIMD), else a multiply and an add. */
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

// @ts-ignore: decorator
@inline function hsum(v: v128): f32 {
  return (f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1)) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

// @ts-ignore: decorator
@inline function put(pc: usize, v: v128, accumulate: bool): void {
  v128.store(pc, accumulate ? f32x4.add(v128.load(pc), v) : v);
}

// @ts-ignore: decorator
@inline function putScalar(pc: usize, v: f32, accumulate: bool): void {
  store<f32>(pc, accumulate ? load<f32>(pc) + v : v);
}

/** Columns of C per cache block in gemmOuter: B's block (k × 128 floats) stays in L2. */
const OUTER_COLUMNS: i32 = 128;
/** Rows of B per cache block in gemmDot: 32 rows of k floats stay in L2 while A streams by. */
const DOT_ROWS: i32 = 32;

export function gemmOuter(
  m: i32, n: i32, k: i32,
  a: usize, aRow: i32, aDepth: i32,
  b: usize, c: usize, accumulate: bool,
): void {
  const m4 = m & ~3;
  const n8 = n & ~7;
  const aRowB = <usize>aRow << 2;
  const aDepthB = <usize>aDepth << 2;
  const nB = <usize>n << 2;
  for (let j0 = 0; j0 < n8; j0 += OUTER_COLUMNS) {
    const jEnd = min(j0 + OUTER_COLUMNS, n8);
    for (let i = 0; i < m4; i += 4) {
      for (let j = j0; j < jEnd; j += 8) {
        outer4x8(k, a + <usize>i * aRowB, aRowB, aDepthB, b + (<usize>j << 2), nB, c + <usize>i * nB + (<usize>j << 2), accumulate);
      }
    }
    for (let i = m4; i < m; i++) {
      for (let j = j0; j < jEnd; j += 8) {
        outer1x8(k, a + <usize>i * aRowB, aDepthB, b + (<usize>j << 2), nB, c + <usize>i * nB + (<usize>j << 2), accumulate);
      }
    }
  }
  let j = n8;
  if (n - j >= 4) {
    for (let i = 0; i < m; i++) {
      outer1x4(k, a + <usize>i * aRowB, aDepthB, b + (<usize>j << 2), nB, c + <usize>i * nB + (<usize>j << 2), accumulate);
    }
    j += 4;
  }
  for (; j < n; j++) {
    for (let i = 0; i < m; i++) {
      let pa = a + <usize>i * aRowB;
      let pb = b + (<usize>j << 2);
      let s: f32 = 0;
      for (let p = 0; p < k; p++) {
        s += load<f32>(pa) * load<f32>(pb);
        pa += aDepthB;
        pb += nB;
      }
      putScalar(c + <usize>i * nB + (<usize>j << 2), s, accumulate);
    }
  }
}

// @ts-ignore: decorator
@inline function outer4x8(
  k: i32, pa: usize, aRowB: usize, aDepthB: usize, pb: usize, nB: usize, pc: usize, accumulate: bool,
): void {
  const zero = f32x4.splat(0);
  let c00 = zero, c01 = zero, c10 = zero, c11 = zero;
  let c20 = zero, c21 = zero, c30 = zero, c31 = zero;
  const aRow2 = aRowB << 1;
  const aRow3 = aRow2 + aRowB;
  for (let p = 0; p < k; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let av = v128.load32_splat(pa);
    c00 = madd(av, b0, c00); c01 = madd(av, b1, c01);
    av = v128.load32_splat(pa + aRowB);
    c10 = madd(av, b0, c10); c11 = madd(av, b1, c11);
    av = v128.load32_splat(pa + aRow2);
    c20 = madd(av, b0, c20); c21 = madd(av, b1, c21);
    av = v128.load32_splat(pa + aRow3);
    c30 = madd(av, b0, c30); c31 = madd(av, b1, c31);
    pa += aDepthB;
    pb += nB;
  }
  put(pc, c00, accumulate); put(pc + 16, c01, accumulate);
  pc += nB;
  put(pc, c10, accumulate); put(pc + 16, c11, accumulate);
  pc += nB;
  put(pc, c20, accumulate); put(pc + 16, c21, accumulate);
  pc += nB;
  put(pc, c30, accumulate); put(pc + 16, c31, accumulate);
}

// @ts-ignore: decorator
@inline function outer1x8(k: i32, pa: usize, aDepthB: usize, pb: usize, nB: usize, pc: usize, accumulate: bool): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0);
  for (let p = 0; p < k; p++) {
    const av = v128.load32_splat(pa);
    c0 = madd(av, v128.load(pb), c0);
    c1 = madd(av, v128.load(pb, 16), c1);
    pa += aDepthB;
    pb += nB;
  }
  put(pc, c0, accumulate);
  put(pc + 16, c1, accumulate);
}

// @ts-ignore: decorator
@inline function outer1x4(k: i32, pa: usize, aDepthB: usize, pb: usize, nB: usize, pc: usize, accumulate: bool): void {
  let c0 = f32x4.splat(0);
  for (let p = 0; p < k; p++) {
    c0 = madd(v128.load32_splat(pa), v128.load(pb), c0);
    pa += aDepthB;
    pb += nB;
  }
  put(pc, c0, accumulate);
}

export function gemmDot(m: i32, n: i32, k: i32, a: usize, b: usize, c: usize, accumulate: bool): void {
  const m4 = m & ~3;
  const n2 = n & ~1;
  const kB = <usize>k << 2;
  const nB = <usize>n << 2;
  for (let j0 = 0; j0 < n2; j0 += DOT_ROWS) {
    const jEnd = min(j0 + DOT_ROWS, n2);
    for (let i = 0; i < m4; i += 4) {
      for (let j = j0; j < jEnd; j += 2) {
        dot4x2(k, a + <usize>i * kB, b + <usize>j * kB, kB, c + <usize>i * nB + (<usize>j << 2), nB, accumulate);
      }
    }
  }
  // The ragged edges: the last rows of A against every row of B, the last row of B against the rest.
  for (let i = m4; i < m; i++) {
    for (let j = 0; j < n; j++) {
      putScalar(c + <usize>i * nB + (<usize>j << 2), dot(k, a + <usize>i * kB, b + <usize>j * kB), accumulate);
    }
  }
  if (n2 < n) {
    for (let i = 0; i < m4; i++) {
      putScalar(c + <usize>i * nB + (<usize>n2 << 2), dot(k, a + <usize>i * kB, b + <usize>n2 * kB), accumulate);
    }
  }
}

// @ts-ignore: decorator
@inline function dot4x2(k: i32, pa: usize, pb: usize, kB: usize, pc: usize, nB: usize, accumulate: bool): void {
  const zero = f32x4.splat(0);
  let c00 = zero, c01 = zero, c10 = zero, c11 = zero;
  let c20 = zero, c21 = zero, c30 = zero, c31 = zero;
  const k4 = k & ~3;
  const kB2 = kB << 1;
  const kB3 = kB2 + kB;
  let p = 0;
  for (; p < k4; p += 4) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb + kB);
    let av = v128.load(pa);
    c00 = madd(av, b0, c00); c01 = madd(av, b1, c01);
    av = v128.load(pa + kB);
    c10 = madd(av, b0, c10); c11 = madd(av, b1, c11);
    av = v128.load(pa + kB2);
    c20 = madd(av, b0, c20); c21 = madd(av, b1, c21);
    av = v128.load(pa + kB3);
    c30 = madd(av, b0, c30); c31 = madd(av, b1, c31);
    pa += 16;
    pb += 16;
  }
  let s00 = hsum(c00), s01 = hsum(c01), s10 = hsum(c10), s11 = hsum(c11);
  let s20 = hsum(c20), s21 = hsum(c21), s30 = hsum(c30), s31 = hsum(c31);
  for (; p < k; p++) {
    const b0 = load<f32>(pb), b1 = load<f32>(pb + kB);
    let av = load<f32>(pa);
    s00 += av * b0; s01 += av * b1;
    av = load<f32>(pa + kB);
    s10 += av * b0; s11 += av * b1;
    av = load<f32>(pa + kB2);
    s20 += av * b0; s21 += av * b1;
    av = load<f32>(pa + kB3);
    s30 += av * b0; s31 += av * b1;
    pa += 4;
    pb += 4;
  }
  putScalar(pc, s00, accumulate); putScalar(pc + 4, s01, accumulate);
  pc += nB;
  putScalar(pc, s10, accumulate); putScalar(pc + 4, s11, accumulate);
  pc += nB;
  putScalar(pc, s20, accumulate); putScalar(pc + 4, s21, accumulate);
  pc += nB;
  putScalar(pc, s30, accumulate); putScalar(pc + 4, s31, accumulate);
}

/** One dot product of k floats at pa and pb. */
// @ts-ignore: decorator
@inline function dot(k: i32, pa: usize, pb: usize): f32 {
  const k4 = k & ~3;
  let acc = f32x4.splat(0);
  let p = 0;
  for (; p < k4; p += 4) {
    acc = madd(v128.load(pa), v128.load(pb), acc);
    pa += 16;
    pb += 16;
  }
  let s = hsum(acc);
  for (; p < k; p++) {
    s += load<f32>(pa) * load<f32>(pb);
    pa += 4;
    pb += 4;
  }
  return s;
}
