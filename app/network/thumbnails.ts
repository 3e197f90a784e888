/**
 * Every drawn neuron's picture in one RGBA image (an atlas): one row per column that has pictures
 * (the 2-D inputs and each hidden layer), one cell per drawn slot. One image per refresh, copied
 * into the circles with drawImage, keeps a 6 × 16-neuron network cheap to redraw four times a
 * second. Pure; tested in thumbnails.test.ts.
 */
import { gridSide, inputPlaneValues, largestMagnitude, LAYER_FLOOR, paintUnit, type HeatColors, type UnitRange } from './heatmap';
import { GAP, type Column } from './layout';

/** What the worker sends per activation layer: [units × side²] outputs over the plane. */
export interface PlaneActivations {
  units: number;
  values: Float32Array;
}

export interface AtlasCell {
  /** the diagram column (0 = inputs) and the slot in its drawn units */
  column: number;
  slot: number;
  unit: number;
  /** top-left of the cell in the atlas, px */
  sx: number;
  sy: number;
  range: UnitRange;
}

export interface Atlas {
  pixels: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
  side: number;
  cells: AtlasCell[];
}

/** Whether the activations are the hidden layers drawn, each a square grid of the same side. */
export function planeSide(activations: ReadonlyArray<PlaneActivations> | null | undefined, hiddenSizes: readonly number[]): number {
  if (!activations || activations.length !== hiddenSizes.length || activations.length === 0) return 0;
  const side = gridSide(activations[0].values.length, activations[0].units);
  if (side === 0) return 0;
  const fits = activations.every((a, i) => a.units === hiddenSizes[i] && a.values.length === a.units * side * side);
  return fits ? side : 0;
}

/**
 * The atlas for `columns` (inputs, hidden…, outputs) of a 2-D network: the two input ramps and every
 * drawn hidden unit; null when the activations do not fit the columns.
 */
export function buildAtlas(columns: readonly Column[], activations: ReadonlyArray<PlaneActivations> | null | undefined, colors: HeatColors): Atlas | null {
  const hidden = columns.filter((c) => c.kind === 'hidden');
  const side = planeSide(activations, hidden.map((c) => c.total));
  if (side === 0 || !activations || columns[0]?.total !== 2) return null;
  const sources: Array<{ column: Column; values: Float32Array; floor: number }> = [
    { column: columns[0], values: inputPlaneValues(side), floor: 0 },
    ...hidden.map((column, l) => ({ column, values: activations[l].values, floor: LAYER_FLOOR * largestMagnitude(activations[l].values) })),
  ];
  const slots = Math.max(1, ...sources.map((s) => s.column.units.length));
  const width = slots * side;
  const height = sources.length * side;
  const pixels = new Uint8ClampedArray(width * height * 4);
  const cells: AtlasCell[] = [];
  sources.forEach(({ column, values, floor }, row) => {
    column.units.forEach((unit, slot) => {
      if (unit === GAP) return;
      const sx = slot * side;
      const sy = row * side;
      const range = paintUnit(pixels, width, sx, sy, values, unit, side, floor, colors);
      if (range) cells.push({ column: column.index, slot, unit, sx, sy, range });
    });
  });
  return { pixels, width, height, side, cells };
}
