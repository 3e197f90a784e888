/**
 * Draws the links and the neuron pictures on the diagram's canvas (the circles, names and controls
 * are HTML on top of it). Each bucket of equal-looking links is one path and one stroke.
 */
import { LEVELS, levelStyle, type LinkBuckets } from './links';

export interface LinkColors {
  positive: string;
  negative: string;
  idle: string;
}

/** The dash of a negative weight's line, longer for thicker lines so it stays readable. */
export function dashFor(width: number): [number, number] {
  return [Math.round((3 + 1.5 * width) * 10) / 10, Math.round((2 + 0.8 * width) * 10) / 10];
}

type Context = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'setLineDash' | 'globalAlpha' | 'lineWidth' | 'strokeStyle' | 'lineCap'
>;

function path(ctx: Context, segments: readonly number[]): void {
  ctx.beginPath();
  for (let i = 0; i + 3 < segments.length; i += 4) {
    ctx.moveTo(segments[i], segments[i + 1]);
    ctx.lineTo(segments[i + 2], segments[i + 3]);
  }
  ctx.stroke();
}

/** Thin lines first, so the strong weights lie on top. Returns the number of strokes made. */
export function drawLinks(ctx: Context, links: LinkBuckets, colors: LinkColors): number {
  let strokes = 0;
  ctx.lineCap = 'butt';
  if (links.idle.length > 0) {
    ctx.setLineDash([]);
    ctx.strokeStyle = colors.idle;
    ctx.globalAlpha = 0.5;
    ctx.lineWidth = 1;
    path(ctx, links.idle);
    strokes++;
  }
  for (let level = 0; level < LEVELS; level++) {
    const { width, opacity } = levelStyle(level);
    for (const negative of [false, true]) {
      const segments = (negative ? links.negative : links.positive)[level];
      if (segments.length === 0) continue;
      ctx.setLineDash(negative ? dashFor(width) : []);
      ctx.strokeStyle = negative ? colors.negative : colors.positive;
      ctx.globalAlpha = opacity;
      ctx.lineWidth = width;
      path(ctx, segments);
      strokes++;
    }
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  return strokes;
}

/** Copies each cell of `atlas` into the circle of radius `radius` at its centre. */
export function drawPictures(
  ctx: CanvasRenderingContext2D,
  atlas: CanvasImageSource,
  side: number,
  cells: ReadonlyArray<{ sx: number; sy: number; x: number; y: number }>,
  radius: number,
): void {
  ctx.imageSmoothingEnabled = true;
  for (const cell of cells) {
    ctx.save();
    ctx.beginPath();
    ctx.arc(cell.x, cell.y, radius, 0, 2 * Math.PI);
    ctx.clip();
    ctx.drawImage(atlas, cell.sx, cell.sy, side, side, cell.x - radius, cell.y - radius, 2 * radius, 2 * radius);
    ctx.restore();
  }
}
