/** Numbers behind the confusion matrix and the per-class table. */

/** Validation examples of each true class (the row sums). */
export function supports(confusion: readonly (readonly number[])[]): number[] {
  return confusion.map((row) => row.reduce((a, b) => a + b, 0));
}

/** Each cell as a share of its row (its true class); 0 for a class with no examples. */
export function rowShares(confusion: readonly (readonly number[])[]): number[][] {
  return confusion.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((count) => (total > 0 ? count / total : 0));
  });
}

/**
 * The cell's shading strength in [0, 1]: its row share, with a floor for any non-zero count so a
 * single mistake stays visible next to a full diagonal.
 */
export function cellStrength(count: number, share: number): number {
  if (count <= 0) return 0;
  return Math.min(1, 0.08 + 0.92 * share);
}
