/**
 * WCAG 2 contrast between two opaque sRGB colours, and the colour that CSS `color-mix(in srgb, …)`
 * gives, so a test can check text on a tinted background as the browser draws it.
 */
import type { Rgb } from './colour';

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance: 0.2126 R + 0.7152 G + 0.0722 B of the linearised channels. */
export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** (L_lighter + 0.05) / (L_darker + 0.05): 1 for the same colour, 21 for black on white. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `color-mix(in srgb, a share, b)`: each gamma-encoded channel mixed linearly, share of a in [0, 1]. */
export function mixSrgb(a: Rgb, b: Rgb, share: number): Rgb {
  return [0, 1, 2].map((i) => a[i] * share + b[i] * (1 - share)) as unknown as Rgb;
}
