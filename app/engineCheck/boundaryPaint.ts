/**
 * Paints a decision boundary: each cell of the prediction grid takes the colour of its most likely
 * class, mixed into the background by how sure the network is (a 50/50 cell is background), with
 * the training points as filled dots and the validation points as rings on top.
 */
import type { DemoPicture } from './engineDemo';

export type Rgb = readonly [number, number, number];

/** Okabe–Ito colours, told apart with every common colour-vision deficiency; blue and orange first. */
export const CLASS_COLOURS_LIGHT: readonly Rgb[] = [
  [0, 114, 178],
  [230, 159, 0],
  [0, 158, 115],
  [204, 121, 167],
  [213, 94, 0],
  [86, 180, 233],
  [240, 228, 66],
  [80, 80, 80],
];

/** The same hues, lighter where the dark background needs it. */
export const CLASS_COLOURS_DARK: readonly Rgb[] = [
  [86, 180, 233],
  [240, 170, 40],
  [0, 190, 140],
  [220, 140, 185],
  [235, 110, 40],
  [150, 210, 245],
  [240, 228, 66],
  [200, 200, 200],
];

/** How far a fully sure cell moves from the background towards its class colour. */
export const MAX_TINT = 0.55;

/** RGBA pixels (resolution² × 4, row 0 at y = +1) for class probabilities `grid` (resolution² × classes). */
export function boundaryPixels(
  grid: Float32Array,
  classes: number,
  palette: readonly Rgb[],
  background: Rgb,
): Uint8ClampedArray<ArrayBuffer> {
  const cells = grid.length / classes;
  const pixels = new Uint8ClampedArray(cells * 4);
  const chance = 1 / classes;
  for (let cell = 0; cell < cells; cell++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (grid[cell * classes + c] > grid[cell * classes + best]) best = c;
    // 0 at chance level (the boundary), 1 when the network is certain
    const sureness = classes > 1 ? Math.max(0, (grid[cell * classes + best] - chance) / (1 - chance)) : 0;
    const mix = sureness * MAX_TINT;
    const colour = palette[best % palette.length];
    for (let channel = 0; channel < 3; channel++) {
      pixels[cell * 4 + channel] = background[channel] + (colour[channel] - background[channel]) * mix;
    }
    pixels[cell * 4 + 3] = 255;
  }
  return pixels;
}

/** Reads a `#rrggbb` colour (what the stylesheet's custom properties hold); null for anything else. */
export function parseHexColour(text: string): Rgb | null {
  const match = /^#([0-9a-f]{6})$/i.exec(text.trim());
  if (!match) return null;
  const value = parseInt(match[1], 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

const css = (rgb: Rgb) => `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]})`;

export interface PaintOptions {
  /** the canvas's side in device pixels */
  size: number;
  /** device pixels per CSS pixel, so markers keep their CSS size on HiDPI screens */
  pixelRatio: number;
  palette: readonly Rgb[];
  background: Rgb;
  /** a canvas of any size, reused between paints for the small grid image */
  scratch: HTMLCanvasElement;
}

/** Draws `picture` over the whole square canvas of `context`; data coordinates [-1, 1]² fill it. */
export function paintPicture(context: CanvasRenderingContext2D, picture: DemoPicture, options: PaintOptions): void {
  const { size, pixelRatio, palette, background, scratch } = options;
  const n = picture.resolution;
  scratch.width = n;
  scratch.height = n;
  scratch.getContext('2d')!.putImageData(new ImageData(boundaryPixels(picture.grid, picture.classes, palette, background), n, n), 0, 0);

  // Grid samples sit on the edges of [-1, 1] (x = -1 + 2i/(n-1)); stretch the image half a cell past
  // each edge so every pixel's centre lands on its sample's place.
  const cell = size / (n - 1);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(scratch, -cell / 2, -cell / 2, size + cell, size + cell);

  const toX = (x: number) => ((x + 1) / 2) * size;
  const toY = (y: number) => ((1 - y) / 2) * size;
  const { train, validation, features } = picture.points;
  if (features !== 2) return;

  context.lineWidth = 1 * pixelRatio;
  context.strokeStyle = css(background);
  for (let i = 0; i < train.n; i++) {
    context.beginPath();
    context.arc(toX(train.x[2 * i]), toY(train.x[2 * i + 1]), 2.75 * pixelRatio, 0, 2 * Math.PI);
    context.fillStyle = css(palette[train.y[i] % palette.length]);
    context.fill();
    context.stroke();
  }
  // Validation points: rings, so they read apart from training points without relying on colour.
  context.lineWidth = 1.75 * pixelRatio;
  context.fillStyle = css(background);
  for (let i = 0; i < validation.n; i++) {
    context.beginPath();
    context.arc(toX(validation.x[2 * i]), toY(validation.x[2 * i + 1]), 3 * pixelRatio, 0, 2 * Math.PI);
    context.fill();
    context.strokeStyle = css(palette[validation.y[i] % palette.length]);
    context.stroke();
  }
}
