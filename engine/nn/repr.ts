/**
 * Python-style formatting for module reprs, so that `String(model)` reads like `print(model)` in
 * PyTorch: `Linear(in_features=2, out_features=8, bias=True)`, `LayerNorm((4,), eps=1e-05, ...)`.
 */

/** `True` / `False`. */
export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** Python's repr of a float: `1.0`, `0.01`, `1e-05`, `inf`, `nan`. */
export function pyFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e16)) {
    // JS writes 1e-5 where Python writes 1e-05: the exponent has at least two digits.
    const [mantissa, exponent] = value.toExponential().split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** A shape as a Python tuple: `(4,)`, `(2, 3)`. */
export function pyTuple(values: readonly number[]): string {
  return values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`;
}

/** A string as Python's repr writes it: `'none'`. */
export function pyString(value: string): string {
  return `'${value}'`;
}

/** Indents every line but the first by `spaces` (PyTorch's `_addindent`). */
export function addIndent(text: string, spaces: number): string {
  const lines = text.split('\n');
  if (lines.length === 1) return text;
  const pad = ' '.repeat(spaces);
  return [lines[0], ...lines.slice(1).map((line) => pad + line)].join('\n');
}
