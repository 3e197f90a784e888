/** How numbers read on the page: losses to 3 significant digits, accuracy in percent. */
export function formatLoss(value: number | undefined | null): string {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const a = Math.abs(value);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return value.toExponential(2).replace('e+', 'e');
  return value.toFixed(a >= 100 ? 1 : 3);
}

export function formatPercent(value: number | undefined | null): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '–';
  return `${(100 * value).toFixed(1)}%`;
}
