/**
 * The x under the pointer (or the keyboard's cursor), shared by the four charts so each shows its
 * read-out at the same step. It lives outside React state: moving the pointer redraws only the small
 * hover layers, never the charts themselves, and the read-out stays on its step while the run grows.
 */
import { useSyncExternalStore } from 'react';

export interface HoverStore {
  get: () => number | null;
  set: (x: number | null) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createHoverStore(): HoverStore {
  let x: number | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => x,
    set: (next) => {
      if (next === x) return;
      x = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useHoveredX(store: HoverStore): number | null {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * The x value at a fraction (0 … 1) of the plot's width; steps snap to whole numbers, epochs to
 * hundredths, and nothing falls outside the axis.
 */
export function xAtFraction(fraction: number, domain: [number, number], axis: 'step' | 'epoch'): number {
  const f = Math.min(1, Math.max(0, fraction));
  const x = domain[0] + f * (domain[1] - domain[0]);
  return axis === 'step' ? Math.round(x) : Math.round(x * 100) / 100;
}

/** The fraction (0 … 1) of the plot's width where `x` lies. */
export function fractionOfX(x: number, domain: [number, number]): number {
  const span = domain[1] - domain[0];
  return span > 0 ? Math.min(1, Math.max(0, (x - domain[0]) / span)) : 0;
}

/**
 * Where the keyboard moves the cursor: ←/→ to the previous/next drawn x, PageUp/PageDown a tenth of
 * the axis, Home/End the ends. Returns null for other keys.
 */
export function keyboardX(key: string, current: number | null, xs: readonly number[], domain: [number, number]): number | null {
  if (xs.length === 0) return null;
  const last = xs[xs.length - 1];
  const at = current ?? last;
  const tenth = (domain[1] - domain[0]) / 10;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return xs.find((x) => x > at) ?? last;
    case 'ArrowLeft':
    case 'ArrowDown': {
      for (let i = xs.length - 1; i >= 0; i--) if (xs[i] < at) return xs[i];
      return xs[0];
    }
    case 'PageUp':
      return Math.min(last, at + tenth);
    case 'PageDown':
      return Math.max(xs[0], at - tenth);
    case 'Home':
      return xs[0];
    case 'End':
      return last;
    default:
      return null;
  }
}

/** How far the plot area reaches past the overlay: the y axis on the left, the margin on the right. */
const SPARE_LEFT = 58;
const SPARE_RIGHT = 14;

/**
 * The read-out's left edge (relative to the plot area of `plotWidth` px): 12 px beside the cursor at
 * `cursor`, on the right while it fits there, else on the left, kept inside the card.
 */
export function readOutLeft(cursor: number, boxWidth: number, plotWidth: number): number {
  const gap = 12;
  const right = cursor + gap;
  const left = cursor - gap - boxWidth;
  const preferred = right + boxWidth <= plotWidth + SPARE_RIGHT || left < -SPARE_LEFT ? right : left;
  return Math.max(-SPARE_LEFT, Math.min(preferred, plotWidth + SPARE_RIGHT - boxWidth));
}
