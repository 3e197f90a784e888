/**
 * Builds the program line by line. Each line is tagged with the part of the program it belongs to
 * and with the config paths in scope (`writer.for(['optimizer.lr'], () => …)`), so the mapping from a
 * setting to its lines is written once, where the lines are written.
 */
import { displayWidth } from './python';
import type { CodeLine, CodeLineKind, GeneratedCode, SectionId } from './types';

/** Headings are padded with rules to this many columns. */
const HEADING_WIDTH = 78;

export class CodeWriter {
  private readonly lines: CodeLine[] = [];
  private section: SectionId | 'header' = 'header';
  private scope: string[] = [];
  private sectionCount = 0;

  /** Starts part `id` with a heading comment: `# ── 3. The data set: spiral ─────`. */
  startSection(id: SectionId, title: string): void {
    // The blank line before a heading still belongs to the part above.
    if (this.lines.length > 0 && this.lines[this.lines.length - 1].kind !== 'blank') this.blank();
    this.section = id;
    this.sectionCount++;
    const text = `# ── ${this.sectionCount}. ${title} `;
    this.push(text + '─'.repeat(Math.max(3, HEADING_WIDTH - displayWidth(text))), 'section', []);
  }

  /** Everything written inside `body` also depends on `fields`. */
  for(fields: readonly string[], body: () => void): void {
    const saved = this.scope;
    this.scope = [...saved, ...fields.filter((f) => !saved.includes(f))];
    try {
      body();
    } finally {
      this.scope = saved;
    }
  }

  /** One line of code (may be indented); `fields` adds to those in scope for this line only. */
  code(text: string, fields: readonly string[] = []): void {
    this.push(text, 'code', fields);
  }

  /** Several lines of code at once (a helper function), all with the same fields. */
  block(text: string, fields: readonly string[] = []): void {
    for (const line of text.split('\n')) this.push(line, line.trim() === '' ? 'blank' : 'code', fields);
  }

  /** A comment of one or more lines (split at '\n'), indented like the code it explains. */
  comment(text: string, indent = '', fields: readonly string[] = []): void {
    for (const line of text.split('\n')) this.push(`${indent}# ${line}`.trimEnd(), 'comment', fields);
  }

  /** A line of embedded data (a CSV row inside a string). */
  data(text: string, fields: readonly string[] = []): void {
    this.push(text, 'data', fields);
  }

  blank(): void {
    this.push('', 'blank', []);
  }

  /** A line for the header (before the first part). */
  header(text: string): void {
    this.push(text === '' ? '' : `# ${text}`.trimEnd(), text === '' ? 'blank' : 'header', []);
  }

  finish(): GeneratedCode {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1].kind === 'blank') this.lines.pop();
    const lines = this.lines.slice();
    return { text: lines.map((l) => l.text).join('\n') + '\n', lines };
  }

  private push(text: string, kind: CodeLineKind, fields: readonly string[]): void {
    const all = [...this.scope, ...fields.filter((f) => !this.scope.includes(f))];
    // Two blank lines in a row read as a gap, not a pause.
    if (kind === 'blank' && this.lines.length > 0 && this.lines[this.lines.length - 1].kind === 'blank') return;
    this.lines.push({ text, kind, section: this.section, fields: kind === 'blank' ? [] : all });
  }
}
