/** Numbers on the output charts. */
import { formatNumber, type Language, type NumberOptions } from '../i18n';

/** A tick or scale value: up to `digits` decimals, a true minus sign. */
export function formatTick(language: Language, value: number, digits = 2): string {
  if (Object.is(value, -0)) value = 0;
  return formatNumber(language, value, { maximumFractionDigits: digits }).replace(/^-/, '−');
}

/** A metric with three significant digits ("0.0123", "12.3", "1,234"). */
export function formatMetric(language: Language, value: number | undefined | null): string {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const a = Math.abs(value);
  const options: NumberOptions = a >= 1000 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 3 };
  return formatNumber(language, value, options).replace(/^-/, '−');
}
