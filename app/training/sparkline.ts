/** The SVG path of a small curve drawn from per-column minima and maxima (see lrPreview.ts). */

/**
 * A path over a `width` × `height` box, y = 0 at `top` and `height` at 0: through every column at
 * its largest value and, where the column spans a range (a cycle), down to its smallest too.
 */
export function envelopePath(min: ArrayLike<number>, max: ArrayLike<number>, top: number, width: number, height: number): string {
  const n = min.length;
  if (n === 0) return '';
  const y = (v: number) => {
    const fraction = top > 0 && Number.isFinite(top) && Number.isFinite(v) ? Math.min(1, Math.max(0, v / top)) : 0;
    return round(height - fraction * height);
  };
  if (n === 1) return `M0 ${y(max[0])}H${width}`;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = round((i / (n - 1)) * width);
    parts.push(`${i === 0 ? 'M' : 'L'}${x} ${y(max[i])}`);
    if (min[i] !== max[i]) parts.push(`L${x} ${y(min[i])}`);
  }
  return parts.join('');
}

/** Where a step of the run sits on the x axis of a curve of `shown` steps; null past its end. */
export function positionX(step: number, shown: number, width: number): number | null {
  if (!(step >= 0) || step >= shown) return null;
  return shown <= 1 ? 0 : round((step / (shown - 1)) * width);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
