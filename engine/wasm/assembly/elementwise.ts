/**
 * Elementwise kernels of the layers every model has: ReLU and its backward, and a linear layer's
 * bias (broadcast into the output before the product is added, as BLAS's addmm does; summed over
 * the batch for its gradient). Float32, four lanes at a time, exact: no rounding but the sums'.
 */

/** out = max(x, 0) over n floats; NaN stays NaN, −0 becomes 0 (f32x4.max's IEEE semantics, as torch's). */
export function reluForward(n: i32, x: usize, out: usize): void {
  const zero = f32x4.splat(0);
  const end4 = <usize>(n & ~3) << 2;
  let offset: usize = 0;
  for (; offset < end4; offset += 16) v128.store(out + offset, f32x4.max(v128.load(x + offset), zero));
  const end = <usize>n << 2;
  for (; offset < end; offset += 4) {
    const v = load<f32>(x + offset);
    store<f32>(out + offset, v > 0 || v != v ? v : 0);
  }
}

/** gx += g where out > 0 (out: the forward's result), over n floats. */
export function reluBackward(n: i32, out: usize, g: usize, gx: usize): void {
  const zero = f32x4.splat(0);
  const end4 = <usize>(n & ~3) << 2;
  let offset: usize = 0;
  for (; offset < end4; offset += 16) {
    const kept = v128.and(v128.load(g + offset), f32x4.gt(v128.load(out + offset), zero));
    v128.store(gx + offset, f32x4.add(v128.load(gx + offset), kept));
  }
  const end = <usize>n << 2;
  for (; offset < end; offset += 4) {
    if (load<f32>(out + offset) > 0) store<f32>(gx + offset, load<f32>(gx + offset) + load<f32>(g + offset));
  }
}

/** Every row of c[rows×cols] = bias[cols]. */
export function broadcastRows(rows: i32, cols: i32, bias: usize, c: usize): void {
  const rowBytes = <usize>cols << 2;
  for (let r = 0; r < rows; r++) memory.copy(c + <usize>r * rowBytes, bias, rowBytes);
}

/** gb[j] += Σ_r g[r, j] over g[rows×cols] (the bias's gradient): float32 sums, rows in order. */
export function columnSums(rows: i32, cols: i32, g: usize, gb: usize): void {
  const rowBytes = <usize>cols << 2;
  const cols4 = <usize>(cols & ~3) << 2;
  let j: usize = 0;
  for (; j < cols4; j += 16) {
    let s = f32x4.splat(0);
    let p = g + j;
    for (let r = 0; r < rows; r++) {
      s = f32x4.add(s, v128.load(p));
      p += rowBytes;
    }
    v128.store(gb + j, f32x4.add(v128.load(gb + j), s));
  }
  for (; j < rowBytes; j += 4) {
    let s: f32 = 0;
    let p = g + j;
    for (let r = 0; r < rows; r++) {
      s += load<f32>(p);
      p += rowBytes;
    }
    store<f32>(gb + j, load<f32>(gb + j) + s);
  }
}
