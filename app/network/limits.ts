/**
 * What the layer buttons may do: the schema's limits on hidden layers (0–6 layers of 1–256 units),
 * and the steps the "+"/"−" width buttons take. Pure; tested in limits.test.ts.
 */
import { fieldAt } from '../../engine/train/config';

export interface LayerLimits {
  maxLayers: number;
  minWidth: number;
  maxWidth: number;
}

/** The hidden-layer limits as the schema states them (the validator refuses anything else). */
export function layerLimits(): LayerLimits {
  const spec = fieldAt('model.hiddenLayers')?.spec;
  if (spec?.kind === 'list') return { maxLayers: spec.maxLength, minWidth: spec.item.min, maxWidth: spec.item.max };
  return { maxLayers: 6, minWidth: 1, maxWidth: 256 };
}

/** Widths the buttons step through: one at a time while small, then roughly ×1.5 each. */
export const WIDTH_LADDER = [1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256];

/** The next width up (`+1`) or down (`-1`) from `width` on the ladder, within the limits. */
export function stepWidth(width: number, direction: 1 | -1, limits: LayerLimits): number {
  const next = direction > 0 ? WIDTH_LADDER.find((w) => w > width) : [...WIDTH_LADDER].reverse().find((w) => w < width);
  const target = next ?? (direction > 0 ? limits.maxWidth : limits.minWidth);
  return Math.min(limits.maxWidth, Math.max(limits.minWidth, target));
}

/** Width of a new layer: the same as the last hidden layer, or 8 for the first. */
export const NEW_LAYER_WIDTH = 8;

/** The hidden layers after "+ layer": one more at the output end, as wide as the one before it. */
export function addLayer(layers: readonly number[], limits: LayerLimits): number[] {
  if (layers.length >= limits.maxLayers) return [...layers];
  const width = Math.min(limits.maxWidth, Math.max(limits.minWidth, layers.at(-1) ?? NEW_LAYER_WIDTH));
  return [...layers, width];
}

/** The hidden layers after "− layer": the one nearest the output goes. */
export function removeLayer(layers: readonly number[]): number[] {
  return layers.slice(0, -1);
}

export function withWidth(layers: readonly number[], index: number, width: number): number[] {
  return layers.map((w, i) => (i === index ? width : w));
}

/** A typed width: a whole number within the limits, or null (the field then says what is allowed). */
export function parseWidth(text: string, limits: LayerLimits): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= limits.minWidth && value <= limits.maxWidth ? value : null;
}
