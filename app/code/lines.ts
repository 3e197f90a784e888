/**
 * From settings to lines: which lines a setting maps to (for "hover a control, see its line") and
 * which lines a change rewrote (for "the lines that changed light up for a moment").
 */
import type { GeneratedCode } from './types';

/**
 * Indices of the lines that depend on `path` (`optimizer.lr`); a group path (`training.earlyStopping`)
 * finds the lines of all its settings. Empty when the program does not use the setting.
 */
export function linesForField(code: GeneratedCode, path: string): number[] {
  const out: number[] = [];
  code.lines.forEach((line, index) => {
    if (line.fields.some((field) => field === path || field.startsWith(`${path}.`))) out.push(index);
  });
  return out;
}

/**
 * Indices (in `after`) of the lines that are new or rewritten since `before`: the lines not in a
 * longest common subsequence of the two programs' lines. Lines that only moved (because lines
 * above were added) are not changes.
 */
export function changedLines(before: GeneratedCode, after: GeneratedCode): number[] {
  const a = before.lines.map((l) => l.text);
  const b = after.lines.map((l) => l.text);
  // Most edits touch a few lines: match the common head and tail first, then diff the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  const kept = commonLines(middleA, middleB);
  const out: number[] = [];
  middleB.forEach((_, i) => {
    if (!kept.has(i)) out.push(head + i);
  });
  return out;
}

/** Indices of `b` in a longest common subsequence of `a` and `b` (dynamic programming). */
function commonLines(a: string[], b: string[]): Set<number> {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const kept = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      kept.add(j);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return kept;
}
