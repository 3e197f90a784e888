/**
 * The weights as lines: which links are drawn (only between drawn neurons), and how each looks —
 * width and opacity grow with |w|, colour (and dash) say its sign. Links are sorted into a few
 * buckets of equal style so the canvas draws each bucket with one stroke: a 64-128-64-10 network
 * is under a thousand lines and about a dozen strokes. Pure; tested in links.test.ts.
 */
import { GAP, type Column } from './layout';

/** One nn.Linear's weight: [out × in], row-major, as the worker sends it. */
export interface LinearWeights {
  shape: readonly number[];
  weight: ArrayLike<number>;
}

/** Whether the snapshot's Linear layers are the ones of the network drawn (it lags a restart). */
export function weightsFit<T extends LinearWeights>(layers: ReadonlyArray<T> | null | undefined, sizes: readonly number[]): layers is ReadonlyArray<T> {
  if (!layers || layers.length !== sizes.length - 1) return false;
  return layers.every((l, i) => l.shape.length === 2 && l.shape[0] === sizes[i + 1] && l.shape[1] === sizes[i] && l.weight.length === sizes[i] * sizes[i + 1]);
}

/** Distinct line styles; |w| is rounded to one of them. */
export const LEVELS = 8;
export const THINNEST = 0.5;
export const THICKEST = 4.5;

/**
 * Level 0 … LEVELS−1 of a weight against `scale` (the largest |w| drawn). The square root keeps
 * small weights visible next to a few large ones; 0 for 0, NaN and ±∞ alike.
 */
export function weightLevel(weight: number, scale: number): number {
  if (!(scale > 0) || !Number.isFinite(weight) || !Number.isFinite(scale)) return 0;
  const share = Math.min(1, Math.sqrt(Math.abs(weight) / scale));
  return Math.round(share * (LEVELS - 1));
}

/** Width (px) and opacity of a line at `level`. */
export function levelStyle(level: number): { width: number; opacity: number } {
  const t = Math.min(1, Math.max(0, level / (LEVELS - 1)));
  return { width: Math.round((THINNEST + (THICKEST - THINNEST) * t) * 100) / 100, opacity: Math.round((0.22 + 0.73 * t) * 100) / 100 };
}

export interface LinkBuckets {
  /** x1, y1, x2, y2 of each line, by level: positive weights */
  positive: number[][];
  /** … and negative ones (drawn dashed) */
  negative: number[][];
  /** lines with no weights to show yet (before the first snapshot of a new network) */
  idle: number[];
  /** the largest finite |w| among the drawn links: the thickest line */
  scale: number;
  count: number;
  /** drawn links whose weight is NaN or ±∞ (a diverged run): drawn thinnest */
  nonFinite: number;
}

/**
 * The drawn links between consecutive columns, styled by `layers`' weights (or idle when they do
 * not fit the columns). Each line runs from the right edge of one circle to the left edge of the next.
 */
export function buildLinks(columns: readonly Column[], radius: number, layers: ReadonlyArray<LinearWeights> | null): LinkBuckets {
  const sizes = columns.map((c) => c.total);
  const weights = weightsFit(layers, sizes) ? layers : null;
  const positive = Array.from({ length: LEVELS }, () => [] as number[]);
  const negative = Array.from({ length: LEVELS }, () => [] as number[]);
  const idle: number[] = [];
  let scale = 0;
  if (weights) {
    eachLink(columns, (l, from, to) => {
      const a = Math.abs(weights[l].weight[to * sizes[l] + from]);
      if (a > scale && Number.isFinite(a)) scale = a;
    });
  }
  let count = 0;
  let nonFinite = 0;
  eachLink(columns, (l, from, to, fromSlot, toSlot) => {
    const x1 = columns[l].x + radius;
    const y1 = columns[l].ys[fromSlot];
    const x2 = columns[l + 1].x - radius;
    const y2 = columns[l + 1].ys[toSlot];
    count++;
    if (!weights) {
      idle.push(x1, y1, x2, y2);
      return;
    }
    const w = weights[l].weight[to * sizes[l] + from];
    if (!Number.isFinite(w)) nonFinite++;
    (w < 0 ? negative : positive)[weightLevel(w, scale)].push(x1, y1, x2, y2);
  });
  return { positive, negative, idle, scale, count, nonFinite };
}

function eachLink(columns: readonly Column[], visit: (layer: number, from: number, to: number, fromSlot: number, toSlot: number) => void): void {
  for (let l = 0; l + 1 < columns.length; l++) {
    const ins = columns[l].units;
    const outs = columns[l + 1].units;
    for (let o = 0; o < outs.length; o++) {
      if (outs[o] === GAP) continue;
      for (let i = 0; i < ins.length; i++) if (ins[i] !== GAP) visit(l, ins[i], outs[o], i, o);
    }
  }
}
