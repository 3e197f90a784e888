/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the shape of a long series
 * in a few hundred points. The first and last points stay; the rest is cut into equal buckets and
 * each bucket keeps the point that makes the largest triangle with the point kept before it and the
 * average of the next bucket — so spikes survive, unlike averaging or taking every n-th point.
 *
 * Runs in O(n) over the store's typed arrays without copying them.
 */

/** A numeric column: the store's Float32Array/Float64Array views, or a plain array in tests. */
export type Column = ArrayLike<number>;

/**
 * The indices (ascending) of at most `threshold` points of (x, y) that keep its shape. A series that
 * is already short enough comes back whole. Points whose y is not finite are never preferred (they
 * cannot be drawn), but a bucket made only of them still keeps one.
 */
export function lttbIndices(x: Column, y: Column, threshold: number): Uint32Array {
  const n = Math.min(x.length, y.length);
  const limit = Math.max(2, Math.floor(threshold));
  if (n <= limit) return Uint32Array.from({ length: n }, (_, i) => i);
  const kept = new Uint32Array(limit);
  // Buckets cover the points between the first and the last, which are always kept.
  const bucketSize = (n - 2) / (limit - 2);
  let previous = 0;
  kept[0] = 0;
  for (let bucket = 0; bucket < limit - 2; bucket++) {
    // The average of the next bucket (the last bucket's "next" is the final point).
    const nextStart = Math.floor((bucket + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, n);
    let averageX = 0;
    let averageY = 0;
    let counted = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      const value = y[j];
      if (!Number.isFinite(value)) continue;
      averageX += x[j];
      averageY += value;
      counted++;
    }
    if (counted > 0) {
      averageX /= counted;
      averageY /= counted;
    } else {
      averageX = x[n - 1];
      averageY = Number.isFinite(y[n - 1]) ? y[n - 1] : y[previous];
    }
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    const ax = x[previous];
    const ay = Number.isFinite(y[previous]) ? y[previous] : averageY;
    let largest = -1;
    let chosen = start;
    for (let j = start; j < end; j++) {
      const value = y[j];
      // twice the triangle's area; the factor ½ changes nothing in the comparison
      const area = Number.isFinite(value) ? Math.abs((ax - averageX) * (value - ay) - (ax - x[j]) * (averageY - ay)) : -1;
      if (area > largest) {
        largest = area;
        chosen = j;
      }
    }
    kept[bucket + 1] = chosen;
    previous = chosen;
  }
  kept[limit - 1] = n - 1;
  return kept;
}

export interface Points {
  x: Float64Array;
  y: Float64Array;
}

/**
 * At most `threshold` points of (x, y) chosen by LTTB, as fresh arrays; points that cannot be drawn
 * (NaN, ±Infinity, and with `positiveOnly` — a log axis — zero and below) are left out.
 */
export function downsample(x: Column, y: Column, threshold: number, positiveOnly = false): Points {
  return pick(x, y, lttbIndices(x, y, threshold), positiveOnly);
}

/** The points of (x, y) at `indices`, leaving out those that cannot be drawn. */
export function pick(x: Column, y: Column, indices: ArrayLike<number>, positiveOnly = false): Points {
  const outX = new Float64Array(indices.length);
  const outY = new Float64Array(indices.length);
  let count = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    const value = y[i];
    if (!Number.isFinite(value) || !Number.isFinite(x[i]) || (positiveOnly && value <= 0)) continue;
    outX[count] = x[i];
    outY[count] = value;
    count++;
  }
  return count === indices.length ? { x: outX, y: outY } : { x: outX.slice(0, count), y: outY.slice(0, count) };
}
