/** Argument checks shared by the data classes; messages name the bad value, as a learner meets them. */

/** Throws unless `value` is an integer ≥ 1. */
export function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer; got ${value}`);
  }
}

/** Throws unless `index` is an integer in [0, size). */
export function checkIndex(index: number, size: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= size) {
    throw new Error(`Index ${index} is out of range for a dataset of ${size} samples`);
  }
}

/** A short rendering of a list of numbers for error messages. */
export function formatList(values: ArrayLike<number>): string {
  const shown = Array.from({ length: Math.min(values.length, 8) }, (_, i) => values[i]);
  return `[${shown.join(', ')}${values.length > 8 ? ', …' : ''}]`;
}
