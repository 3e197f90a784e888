/**
 * The class colours (Okabe–Ito, colour-blind safe) as numbers for canvas drawing; theme.css holds
 * the same colours as CSS variables for everything else.
 */
export const CLASS_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#f0e442', '#000000', '#999999', '#8c564b'] as const;

export function classColor(index: number): string {
  return CLASS_COLORS[index % CLASS_COLORS.length];
}

/** [r, g, b] of a #rrggbb colour. */
export function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
