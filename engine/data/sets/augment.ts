/**
 * Augmentation: small random changes to a batch's inputs each time it is drawn, so the model sees
 * a slightly different set every epoch and cannot memorise exact values. Labels never change.
 *
 * Every function writes into `out` (a new array unless given; pass the batch itself to change it
 * in place) and draws from the given Generator, so a seeded run is repeatable.
 */
import type { Generator } from '../../random';

/** Raw grey levels of the digits. */
const DIGIT_PIXEL_RANGE: readonly [number, number] = [0, 16];

function checkSigma(sigma: number, what: string): void {
  if (!(sigma >= 0) || !Number.isFinite(sigma)) {
    throw new Error(`${what} σ must be a number of at least 0; got ${sigma}`);
  }
}

function checkOut(x: Float32Array, out: Float32Array): void {
  if (out.length !== x.length) {
    throw new Error(`The output array must have the batch's length ${x.length}; got ${out.length}`);
  }
}

/** Input jitter for points and table rows: x + N(0, σ²) on every number, σ in the inputs' units. */
export function addJitter(
  x: Float32Array,
  sigma: number,
  generator: Generator,
  out: Float32Array = new Float32Array(x.length),
): Float32Array {
  checkSigma(sigma, 'Jitter');
  checkOut(x, out);
  for (let k = 0; k < x.length; k++) out[k] = x[k] + sigma * generator.normal();
  return out;
}

/**
 * Pixel noise for pictures: pixel + N(0, σ²), then clipped to `range` so a grey level stays a grey
 * level (digits: 0 … 16). Pass `null` as range for pixels that were standardised.
 */
export function addPixelNoise(
  images: Float32Array,
  sigma: number,
  generator: Generator,
  range: readonly [number, number] | null = DIGIT_PIXEL_RANGE,
  out: Float32Array = new Float32Array(images.length),
): Float32Array {
  checkSigma(sigma, 'Pixel noise');
  checkOut(images, out);
  const [low, high] = range ?? [-Infinity, Infinity];
  for (let k = 0; k < images.length; k++) {
    out[k] = Math.min(high, Math.max(low, images[k] + sigma * generator.normal()));
  }
  return out;
}

/**
 * One picture (height × width, row-major) moved `down` rows and `right` columns (negative: up,
 * left); pixels that come in from the edge are 0 (blank, in raw grey levels).
 */
export function shiftImage(
  image: Float32Array,
  shape: readonly [number, number],
  down: number,
  right: number,
  out: Float32Array = new Float32Array(image.length),
): Float32Array {
  const [height, width] = shape;
  if (image.length !== height * width) {
    throw new Error(`A ${height} × ${width} picture has ${height * width} pixels; got ${image.length}`);
  }
  checkOut(image, out);
  // In place (the same memory, perhaps through another subarray): read from a copy.
  const overlaps = out.buffer === image.buffer;
  const source = overlaps ? image.slice() : image;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const fromRow = r - down;
      const fromColumn = c - right;
      const inside = fromRow >= 0 && fromRow < height && fromColumn >= 0 && fromColumn < width;
      out[r * width + c] = inside ? source[fromRow * width + fromColumn] : 0;
    }
  }
  return out;
}

/** The moves `randomShifts` chooses from, [down, right]: stay, up, down, left, right. */
export const ONE_PIXEL_SHIFTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
];

/**
 * Moves each picture of a batch (pictures one after another) by one pixel up, down, left or
 * right, or leaves it where it is — each with chance 1/5 — filling with 0.
 */
export function randomShifts(
  images: Float32Array,
  shape: readonly [number, number],
  generator: Generator,
  out: Float32Array = new Float32Array(images.length),
): Float32Array {
  const pixels = shape[0] * shape[1];
  if (images.length % pixels !== 0) {
    throw new Error(`A batch of ${shape[0]} × ${shape[1]} pictures cannot hold ${images.length} pixels`);
  }
  checkOut(images, out);
  for (let start = 0; start < images.length; start += pixels) {
    const [down, right] = ONE_PIXEL_SHIFTS[generator.randint(ONE_PIXEL_SHIFTS.length)];
    shiftImage(images.subarray(start, start + pixels), shape, down, right, out.subarray(start, start + pixels));
  }
  return out;
}

export interface AugmentationOptions {
  /** σ of input jitter (points and tables); 0 or absent: none. */
  jitter?: number;
  /** Pictures only: random one-pixel shifts. */
  shifts?: boolean;
  /** Pictures only: σ of pixel noise, in grey levels; 0 or absent: none. */
  pixelNoise?: number;
  /** Pictures only: clip noisy pixels to this range (default [0, 16]; null: no clipping). */
  pixelRange?: readonly [number, number] | null;
}

/**
 * Everything asked for in `options`, in a fixed order (shift, then pixel noise, then jitter), on
 * one batch. `imageShape` is the data set's; shifts and pixel noise need it.
 */
export function augmentBatch(
  x: Float32Array,
  options: AugmentationOptions,
  generator: Generator,
  imageShape?: readonly [number, number],
  out: Float32Array = new Float32Array(x.length),
): Float32Array {
  if ((options.shifts || options.pixelNoise) && !imageShape) {
    throw new Error('Pixel shifts and pixel noise apply to pictures only; this data set has no image shape');
  }
  checkOut(x, out);
  if (out !== x) out.set(x);
  if (options.shifts && imageShape) randomShifts(out, imageShape, generator, out);
  if (options.pixelNoise) {
    const range = options.pixelRange === undefined ? DIGIT_PIXEL_RANGE : options.pixelRange;
    addPixelNoise(out, options.pixelNoise, generator, range, out);
  }
  if (options.jitter) addJitter(out, options.jitter, generator, out);
  return out;
}
