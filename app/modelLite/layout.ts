/**
 * Where the network diagram puts its neurons and links: columns for the inputs, each hidden layer
 * and the outputs; wide layers show their first and last few units around a "…".
 */
export const MAX_DRAWN = 10;

export interface Column {
  /** unit indices drawn, in order; -1 marks the "…" gap */
  units: number[];
  total: number;
  x: number;
  /** y of each drawn slot (including the gap) */
  ys: number[];
}

/** The units to draw for a layer of `total`: all of them, or the first and last few around a gap. */
export function drawnUnits(total: number, max = MAX_DRAWN): number[] {
  if (total <= max) return Array.from({ length: total }, (_, i) => i);
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return [...Array.from({ length: head }, (_, i) => i), -1, ...Array.from({ length: tail }, (_, i) => total - tail + i)];
}

/** Columns of the diagram for layer sizes [inputs, ...hidden, outputs] in a width × height box. */
export function layoutColumns(sizes: number[], width: number, height: number, padding = 24): Column[] {
  const count = sizes.length;
  return sizes.map((total, c) => {
    const units = drawnUnits(total);
    const x = count === 1 ? width / 2 : padding + (c * (width - 2 * padding)) / (count - 1);
    const gap = Math.min(34, (height - 2 * padding) / Math.max(1, units.length - 1));
    const span = gap * (units.length - 1);
    const top = (height - span) / 2;
    return { units, total, x, ys: units.map((_, i) => top + i * gap) };
  });
}

/** A weight's line: width grows with |w| relative to the layer's largest, colour by sign. */
export function linkStyle(weight: number, largest: number): { width: number; positive: boolean; opacity: number } {
  const share = largest > 0 ? Math.min(1, Math.abs(weight) / largest) : 0;
  return { width: 0.4 + 3.6 * share, positive: weight >= 0, opacity: 0.15 + 0.75 * share };
}
