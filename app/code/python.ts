/**
 * Values written the way Python writes them (`repr`), so the generated code looks hand-written:
 * `0.01`, `1e-08`, `1.0`, `True`, `"cos"`, `(0.9, 0.999)`.
 */

/**
 * A float as Python's `repr` prints it: the shortest digits that read back as the same number
 * (JavaScript finds the same digits), fixed notation for exponents −4 … 15, scientific otherwise.
 */
export function pyFloat(value: number): string {
  if (Number.isNaN(value)) return 'float("nan")';
  if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
  if (Object.is(value, -0)) return '-0.0';
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('.', '');
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${fraction}e${exponent < 0 ? '-' : '+'}${e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
}

export function pyInt(value: number): string {
  return String(Math.trunc(value));
}

export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

export function pyString(value: string): string {
  return JSON.stringify(value);
}

/** A Python value from a config value: booleans, strings, numbers (as floats), lists of numbers. */
export function pyValue(value: unknown, integer = false): string {
  if (typeof value === 'boolean') return pyBool(value);
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') return integer ? pyInt(value) : pyFloat(value);
  if (Array.isArray(value)) return `[${value.map((v) => pyValue(v, integer)).join(', ')}]`;
  throw new Error(`No Python spelling for ${String(value)}`);
}

/** Python's `(a, b)` for a pair of floats (Adam's betas). */
export function pyTuple(values: readonly number[]): string {
  return `(${values.map(pyFloat).join(', ')})`;
}

/** Display width of a line, counting CJK characters as two columns (for padding headings). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}
