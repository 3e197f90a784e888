/**
 * Reading the numbers out of a small text table, with errors that name the file, the line and the
 * value, since the text comes over the network and a person may meet a broken or missing file.
 */

/** One non-blank line of a file, split into fields, with its 1-based line number. */
export interface TextRow {
  line: number;
  fields: string[];
}

/**
 * The non-blank lines of `text` split at commas (`','`) or at runs of spaces and tabs
 * (`'whitespace'`). Windows line ends are fine; blank lines are skipped.
 */
export function readRows(text: string, file: string, separator: ',' | 'whitespace'): TextRow[] {
  const start = text.trimStart();
  if (start === '') throw new Error(`${file} is empty; expected rows of numbers`);
  // A static server answers a missing file with the app's index.html: say so instead of "bad number".
  if (start.startsWith('<')) {
    throw new Error(`${file} is an HTML page, not a table of numbers; the file is probably missing`);
  }
  const rows: TextRow[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let k = 0; k < lines.length; k++) {
    const trimmed = lines[k].trim();
    if (trimmed === '') continue;
    const fields = separator === ',' ? trimmed.split(',').map((f) => f.trim()) : trimmed.split(/[ \t]+/);
    rows.push({ line: k + 1, fields });
  }
  return rows;
}

/** The field as a finite number, or an error naming file, line and column. */
export function readNumber(row: TextRow, column: number, file: string): number {
  const field = row.fields[column];
  // Number('') is 0 and Number(' ') is 0: an empty field must not pass as a zero.
  const value = field === '' ? NaN : Number(field);
  if (!Number.isFinite(value)) {
    throw new Error(`${file}, line ${row.line}, column ${column + 1}: expected a number; got "${field}"`);
  }
  return value;
}

/** Checks that a row has exactly `count` fields; `what` says what they are, for the message. */
export function expectFieldCount(row: TextRow, count: number, file: string, what: string): void {
  if (row.fields.length !== count) {
    throw new Error(
      `${file}, line ${row.line}: expected ${count} values (${what}); got ${row.fields.length}`,
    );
  }
}

/** The field as a class label: a whole number from 0 to classes-1. */
export function readLabel(row: TextRow, column: number, classes: number, file: string): number {
  const value = readNumber(row, column, file);
  if (!Number.isInteger(value) || value < 0 || value >= classes) {
    throw new Error(
      `${file}, line ${row.line}: the class label must be a whole number from 0 to ${classes - 1}; got ${row.fields[column]}`,
    );
  }
  return value;
}
