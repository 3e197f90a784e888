/**
 * Numbers written the way English and Chinese write them, as `Intl.NumberFormat` does for `en` and
 * `zh-CN` (the tests hold the two equal over many values), without it: in Chromium the page's
 * first `Intl.NumberFormat` loads ICU's number data, one main-thread task of 15–60 ms at load.
 *
 * Both languages group digits in threes with `,` and write `.` as the decimal sign; they differ in
 * compact notation (12.3K; 1.2万). Rounding is ICU's: half away from zero, on the shortest decimal
 * that reads back as the same double (so 1.005 rounds to 1.01, as a reader expects).
 */

export interface NumberOptions {
  /** at most this many digits after the point (default 3, as Intl's) */
  maximumFractionDigits?: number;
  /** at most this many significant digits (overrides the fraction digits, as in Intl) */
  maximumSignificantDigits?: number;
  /** `compact`: 12.3K / 1.2M (English), 1.2万 / 3亿 (Chinese) */
  notation?: 'standard' | 'compact';
}

/** A decimal: the value is 0.d₁d₂… × 10^point, with no leading zero in `digits` ('' for zero). */
interface Decimal {
  digits: string;
  point: number;
}

/** The shortest decimal of a finite, non-negative double (what `String(value)` writes). */
function decimalOf(value: number): Decimal {
  const text = String(value);
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const whole = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let point = (dot < 0 ? mantissa.length : dot) + exponent;
  let start = 0;
  while (start < whole.length && whole[start] === '0') {
    start++;
    point--;
  }
  let end = whole.length;
  while (end > start && whole[end - 1] === '0') end--;
  return start === end ? { digits: '', point: 0 } : { digits: whole.slice(start, end), point };
}

/** Keeps the first `keep` digits, rounding half away from zero. */
function roundTo(d: Decimal, keep: number): Decimal {
  if (d.digits.length <= keep) return d;
  if (keep < 0) return { digits: '', point: 0 };
  const up = d.digits.charCodeAt(keep) >= 53; // '5'
  let kept = d.digits.slice(0, keep);
  let point = d.point;
  if (up) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === '9') i--;
    if (i < 0) {
      kept = '1';
      point++;
    } else {
      kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1);
    }
  }
  let end = kept.length;
  while (end > 0 && kept[end - 1] === '0') end--;
  return end === 0 ? { digits: '', point: 0 } : { digits: kept.slice(0, end), point };
}

/** Rounds by the options: significant digits if given, else fraction digits. */
function rounded(d: Decimal, options: NumberOptions): Decimal {
  return options.maximumSignificantDigits !== undefined
    ? roundTo(d, options.maximumSignificantDigits)
    : roundTo(d, d.point + (options.maximumFractionDigits ?? 3));
}

/** Writes a decimal: digits grouped in threes once the whole part has `minGrouping` + 3 digits. */
function written(d: Decimal, minGrouping: number): string {
  const { digits, point } = d;
  let whole = point <= 0 ? '0' : point >= digits.length ? digits + '0'.repeat(point - digits.length) : digits.slice(0, point);
  const fraction = point >= digits.length ? '' : point < 0 ? '0'.repeat(-point) + digits : digits.slice(point);
  if (whole.length >= 3 + minGrouping) {
    let grouped = '';
    for (let end = whole.length; end > 0; end -= 3) grouped = whole.slice(Math.max(0, end - 3), end) + (grouped ? ',' + grouped : '');
    whole = grouped;
  }
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Compact units, smallest first: a power of ten and its suffix. */
const COMPACT: Record<'en' | 'zh', ReadonlyArray<readonly [power: number, suffix: string]>> = {
  en: [
    [3, 'K'],
    [6, 'M'],
    [9, 'B'],
    [12, 'T'],
  ],
  zh: [
    [4, '万'],
    [8, '亿'],
    [12, '万亿'],
  ],
};

/** The largest unit at or below a decimal's magnitude (none: -1). */
function unitIndex(units: ReadonlyArray<readonly [number, string]>, d: Decimal): number {
  let index = -1;
  if (d.digits !== '') for (let i = 0; i < units.length; i++) if (d.point - 1 >= units[i][0]) index = i;
  return index;
}

/** `value` as `language` writes it (English unless the language is Chinese). */
export function formatNumber(language: string, value: number, options: NumberOptions = {}): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞`;
  let d = decimalOf(Math.abs(value));
  if (options.notation !== 'compact') return sign + written(rounded(d, options), 1);
  const units = COMPACT[language.toLowerCase().startsWith('zh') ? 'zh' : 'en'];
  const power = (index: number) => (index < 0 ? 0 : units[index][0]);
  let index = unitIndex(units, d);
  let shifted = rounded({ digits: d.digits, point: d.point - power(index) }, options);
  // rounding may carry into the next unit (999.95K is 1M): then the value is rounded in that unit
  const carried = { digits: shifted.digits, point: shifted.point + power(index) };
  if (unitIndex(units, carried) !== index) {
    d = carried;
    index = unitIndex(units, d);
    shifted = rounded({ digits: d.digits, point: d.point - power(index) }, options);
  }
  return sign + written(shifted, 2) + (index < 0 ? '' : units[index][1]);
}
