/**
 * The small pictures of the synthetic data sets in the picker, painted into RGBA pixels (no DOM, so
 * they are tested with numbers). The points come from the engine's own generators with a fixed seed,
 * so a thumbnail shows the very shapes the worker trains on. The background stays transparent: the
 * page's surface shows through in light and dark themes alike.
 *
 *   classification: each point a dot in its class colour, on the square [-1, 1]² (y up)
 *   1-D regression:  the points (x, y) of the curve, with a faint y = 0 line
 *   2-D regression:  the clean surface as a blue (below 0) / orange (above 0) tint, the points on top
 */
import {
  gaussianBumpsSurface,
  makeBlobs,
  makeCircles,
  makeGaussianBumps,
  makeMoons,
  makePlane,
  makePolynomial,
  makeSine,
  makeSpiral,
  makeStep,
  makeXor,
  planeSurface,
  type LabeledData,
} from '../../engine/data/sets';
import { Generator } from '../../engine/random';
import { CLASS_COLORS, rgb } from '../palette';

export const CLASSIFICATION_THUMBNAILS = ['circles', 'xor', 'blobs', 'spiral', 'moons'] as const;
export const REGRESSION_THUMBNAILS = ['sine', 'step', 'polynomial', 'plane', 'bumps'] as const;
export type ThumbnailSet = (typeof CLASSIFICATION_THUMBNAILS)[number] | (typeof REGRESSION_THUMBNAILS)[number];

/** The thumbnails are drawn once from this seed: the same picture on every visit. */
export const THUMBNAIL_SEED = 1;
export const THUMBNAIL_NOISE = 0.1;
/** Points per thumbnail: enough to show the shape, few enough that dots stay apart at 56 px. */
export const THUMBNAIL_POINTS = { classification: 200, curve: 90, surface: 40 } as const;

/** The sample a thumbnail shows (blobs with 3 classes, spiral with 2 arms). */
export function thumbnailSample(name: ThumbnailSet): LabeledData {
  const g = new Generator(THUMBNAIL_SEED);
  const noise = THUMBNAIL_NOISE;
  const n = THUMBNAIL_POINTS.classification;
  switch (name) {
    case 'circles':
      return makeCircles({ n, noise }, g);
    case 'xor':
      return makeXor({ n, noise }, g);
    case 'blobs':
      return makeBlobs({ n, noise, classes: 3 }, g);
    case 'spiral':
      return makeSpiral({ n, noise }, g);
    case 'moons':
      return makeMoons({ n, noise }, g);
    case 'sine':
      return makeSine({ n: THUMBNAIL_POINTS.curve, noise }, g);
    case 'step':
      return makeStep({ n: THUMBNAIL_POINTS.curve, noise }, g);
    case 'polynomial':
      return makePolynomial({ n: THUMBNAIL_POINTS.curve, noise }, g);
    case 'plane':
      return makePlane({ n: THUMBNAIL_POINTS.surface, noise }, g);
    case 'bumps':
      return makeGaussianBumps({ n: THUMBNAIL_POINTS.surface, noise }, g);
  }
}

const SURFACES: Partial<Record<ThumbnailSet, (x1: number, x2: number) => number>> = {
  plane: planeSurface,
  bumps: gaussianBumpsSurface,
};

/** Half-width of the drawn square in data units: a little beyond [-1, 1] so noisy points stay in view. */
export const PLANE_EXTENT = 1.1;
/** 1-D curves: x in [-1, 1] across, y (±1 plus noise) up. */
export const CURVE_EXTENT_X = 1.06;
export const CURVE_EXTENT_Y = 1.4;
/** Dot radius as a share of the side (1.4 px at 56 px). */
export const DOT_RADIUS = 0.025;
/** Opacity of the surface tint where |value| reaches 1. */
export const SURFACE_TINT = 0.6;

const NEGATIVE = rgb(CLASS_COLORS[0]);
const POSITIVE = rgb(CLASS_COLORS[1]);
const AXIS: [number, number, number] = [128, 128, 140];

/** Blends a colour with opacity `alpha` over pixel `index` ("source over", straight alpha). */
function blend(pixels: Uint8ClampedArray, index: number, colour: readonly number[], alpha: number): void {
  if (alpha <= 0) return;
  const a = Math.min(1, alpha);
  const below = pixels[index + 3] / 255;
  const out = a + below * (1 - a);
  for (let c = 0; c < 3; c++) pixels[index + c] = (colour[c] * a + pixels[index + c] * below * (1 - a)) / out;
  pixels[index + 3] = out * 255;
}

/** An anti-aliased disc centred at (cx, cy) pixels. */
function disc(pixels: Uint8ClampedArray, size: number, cx: number, cy: number, radius: number, colour: readonly number[]): void {
  const reach = Math.ceil(radius + 1);
  for (let row = Math.max(0, Math.floor(cy) - reach); row <= Math.min(size - 1, Math.floor(cy) + reach); row++) {
    for (let col = Math.max(0, Math.floor(cx) - reach); col <= Math.min(size - 1, Math.floor(cx) + reach); col++) {
      const d = Math.hypot(col + 0.5 - cx, row + 0.5 - cy);
      blend(pixels, (row * size + col) * 4, colour, radius + 0.5 - d);
    }
  }
}

/** Pixel column of x and row of y (row 0 at the top, y up) on a side of `size` pixels. */
export function toPixel(value: number, extent: number, size: number, flip = false): number {
  const t = (value + extent) / (2 * extent);
  return (flip ? 1 - t : t) * size;
}

/**
 * The thumbnail of `name` as RGBA pixels, `size` × `size`, row-major from the top-left corner.
 * Deterministic: the same name and size give the same bytes.
 */
export function paintThumbnail(name: ThumbnailSet, size: number): Uint8ClampedArray<ArrayBuffer> {
  if (!Number.isInteger(size) || size < 8 || size > 1024) throw new Error(`Thumbnail size must be a whole number of pixels from 8 to 1024; got ${size}`);
  const pixels = new Uint8ClampedArray(size * size * 4);
  const data = thumbnailSample(name);
  const radius = Math.max(1, DOT_RADIUS * size);
  if (data.task === 'classification') {
    for (let i = 0; i < data.n; i++) {
      const colour = rgb(CLASS_COLORS[data.y[i] % CLASS_COLORS.length]);
      disc(pixels, size, toPixel(data.x[2 * i], PLANE_EXTENT, size), toPixel(data.x[2 * i + 1], PLANE_EXTENT, size, true), radius, colour);
    }
    return pixels;
  }
  if (data.features === 1) {
    const axisRow = Math.floor(toPixel(0, CURVE_EXTENT_Y, size, true));
    for (let col = 0; col < size; col++) blend(pixels, (axisRow * size + col) * 4, AXIS, 0.35);
    for (let i = 0; i < data.n; i++) {
      disc(pixels, size, toPixel(data.x[i], CURVE_EXTENT_X, size), toPixel(data.y[i], CURVE_EXTENT_Y, size, true), radius, NEGATIVE);
    }
    return pixels;
  }
  const surface = SURFACES[name]!;
  for (let row = 0; row < size; row++) {
    const x2 = PLANE_EXTENT - ((row + 0.5) / size) * 2 * PLANE_EXTENT;
    for (let col = 0; col < size; col++) {
      const x1 = ((col + 0.5) / size) * 2 * PLANE_EXTENT - PLANE_EXTENT;
      const value = surface(x1, x2);
      blend(pixels, (row * size + col) * 4, value >= 0 ? POSITIVE : NEGATIVE, Math.min(1, Math.abs(value)) * SURFACE_TINT);
    }
  }
  for (let i = 0; i < data.n; i++) {
    const value = data.y[i];
    disc(pixels, size, toPixel(data.x[2 * i], PLANE_EXTENT, size), toPixel(data.x[2 * i + 1], PLANE_EXTENT, size, true), radius * 0.8, value >= 0 ? POSITIVE : NEGATIVE);
  }
  return pixels;
}

const cache = new Map<string, Uint8ClampedArray<ArrayBuffer>>();

/** `paintThumbnail`, computed once per name and size (the picker re-renders often; the pictures never change). */
export function thumbnailPixels(name: ThumbnailSet, size: number): Uint8ClampedArray<ArrayBuffer> {
  const key = `${name}:${size}`;
  let pixels = cache.get(key);
  if (!pixels) {
    pixels = paintThumbnail(name, size);
    cache.set(key, pixels);
  }
  return pixels;
}
