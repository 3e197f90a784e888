/**
 * A person's own CSV (issue 13.1): read a table of any shape — a header row or none; commas,
 * semicolons or tabs; quoted fields — and turn it into a data set once the target column and task
 * are chosen. Every refusal names the row and column (as a spreadsheet shows them: rows from 1
 * counting the header, columns by name), so a person can find the cell and fix it.
 */
import type { ClassificationData, LabeledData, RegressionData } from './types';

/** Bigger files are refused before they are read (the page's limit too). */
export const MAX_TABLE_BYTES = 50 * 1024 * 1024;
/** More distinct target values than this is a regression target, not classes. */
export const MAX_CLASSES = 20;

export interface UserTable {
  /** Column names: the header's, or `column 1`, `column 2`… when the first row is data. */
  columns: string[];
  /** The data rows' fields, as text (trimmed, quotes removed). */
  rows: string[][];
  /** Each data row's line in the file (1-based), for messages. */
  lines: number[];
  hasHeader: boolean;
  separator: ',' | ';' | '\t';
}

/** Why a file of `bytes` is not read (over MAX_TABLE_BYTES), or null: the page asks before it reads it. */
export function tooLarge(bytes: number): string | null {
  return bytes > MAX_TABLE_BYTES ? `The file is ${(bytes / 1024 / 1024).toFixed(0)} MB; the playground reads tables up to ${MAX_TABLE_BYTES / 1024 / 1024} MB.` : null;
}

export class TableError extends Error {
  override name = 'TableError';
}

/** Splits one line at `separator`, honouring "quoted, fields" and "" inside quotes. */
function splitLine(line: string, separator: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === separator) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

const isNumber = (field: string): boolean => field !== '' && Number.isFinite(Number(field));

/** The separator the first line uses most: comma, semicolon or tab. */
function guessSeparator(first: string): UserTable['separator'] {
  const counts = ([',', ';', '\t'] as const).map((s) => [s, first.split(s).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/**
 * Reads `text` as a table. A first row with a cell that is not a number is a header. Refuses an
 * empty file, a table of one column, and ragged rows (naming the first row whose count differs).
 */
export function readUserTable(text: string, bytes = text.length): UserTable {
  const large = tooLarge(bytes);
  if (large !== null) throw new TableError(large);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new TableError('The file is empty: expected a table with a header row and rows of numbers.');
  const separator = guessSeparator(lines[first]);
  const parsed: Array<{ line: number; fields: string[] }> = [];
  for (let k = first; k < lines.length; k++) if (lines[k].trim() !== '') parsed.push({ line: k + 1, fields: splitLine(lines[k], separator) });
  const hasHeader = parsed[0].fields.some((f) => !isNumber(f));
  const width = parsed[0].fields.length;
  if (width < 2) throw new TableError('The table has one column: it needs at least one feature column and a target column (separated by commas, semicolons or tabs).');
  const columns = hasHeader ? parsed[0].fields.map((name, j) => name || `column ${j + 1}`) : Array.from({ length: width }, (_, j) => `column ${j + 1}`);
  const data = hasHeader ? parsed.slice(1) : parsed;
  if (data.length === 0) throw new TableError('The table has a header row but no rows of data.');
  for (const row of data) {
    if (row.fields.length !== width) {
      throw new TableError(`Row ${row.line} has ${row.fields.length} values; the ${hasHeader ? 'header' : 'first row'} has ${width} (${columns.join(', ')}).`);
    }
  }
  return { columns, rows: data.map((r) => r.fields), lines: data.map((r) => r.line), hasHeader, separator };
}

/** The task a column suggests: classes when it holds text or a few whole numbers, else regression. */
export function suggestTask(table: UserTable, target: number): 'classification' | 'regression' {
  const values = table.rows.map((r) => r[target]);
  const distinct = new Set(values);
  if (values.some((v) => !isNumber(v))) return 'classification';
  return distinct.size <= MAX_CLASSES && values.every((v) => Number.isInteger(Number(v))) ? 'classification' : 'regression';
}

/**
 * The data set of `table` with column `target` as the label and every other column a feature.
 * Classification: each distinct target value is a class (numbers in numeric order, text by code
 * point), at least 2 and at most MAX_CLASSES. Regression: the target must be a number.
 */
export function tableData(table: UserTable, target: number, task: 'classification' | 'regression'): LabeledData {
  const { columns, rows, lines } = table;
  if (!(target >= 0 && target < columns.length)) throw new TableError(`There is no column ${target + 1}; the table has ${columns.length}.`);
  const features = columns.length - 1;
  const featureColumns = columns.map((_, j) => j).filter((j) => j !== target);
  const n = rows.length;
  const x = new Float32Array(n * features);
  for (let i = 0; i < n; i++) {
    featureColumns.forEach((j, k) => {
      const field = rows[i][j];
      const value = field === '' ? NaN : Number(field);
      if (!Number.isFinite(value)) {
        throw new TableError(`Row ${lines[i]}, column "${columns[j]}": expected a number; got ${field === '' ? 'an empty cell' : `"${field}"`}. Every column but the target must be numeric.`);
      }
      x[i * features + k] = value;
    });
  }
  const featureNames = featureColumns.map((j) => columns[j]);
  const y = new Float32Array(n);
  if (task === 'regression') {
    for (let i = 0; i < n; i++) {
      const field = rows[i][target];
      const value = field === '' ? NaN : Number(field);
      if (!Number.isFinite(value)) {
        throw new TableError(`Row ${lines[i]}, column "${columns[target]}": a regression target must be a number; got ${field === '' ? 'an empty cell' : `"${field}"`}.`);
      }
      y[i] = value;
    }
    const data: RegressionData = { task: 'regression', x, y, n, features, featureNames, targetName: columns[target] };
    return data;
  }
  const values = rows.map((r) => r[target]);
  const empty = values.findIndex((v) => v === '');
  if (empty >= 0) throw new TableError(`Row ${lines[empty]}, column "${columns[target]}": the class is an empty cell.`);
  const distinct = [...new Set(values)];
  const numeric = distinct.every(isNumber);
  // (text by code point, as Python's sorted() orders it, so the exported script numbers the classes the same)
  distinct.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (distinct.length < 2) {
    throw new TableError(`The column "${columns[target]}" holds one class only (${distinct[0]}): a classifier needs at least two. Pick another target, or regression.`);
  }
  if (distinct.length > MAX_CLASSES) {
    throw new TableError(`The column "${columns[target]}" holds ${distinct.length} different values; classification takes up to ${MAX_CLASSES} classes. Pick regression for a numeric target.`);
  }
  const index = new Map(distinct.map((v, c) => [v, c]));
  for (let i = 0; i < n; i++) y[i] = index.get(values[i])!;
  const data: ClassificationData = { task: 'classification', x, y, n, features, featureNames, classes: distinct.length, classNames: distinct };
  return data;
}
