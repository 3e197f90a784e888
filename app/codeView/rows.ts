/**
 * How the program is laid out in the code box: its parts (for the index, and to fold a part away),
 * one row per line, except runs of embedded data rows, which fold into one "… N lines of data …"
 * row until opened, and the body of a collapsed part. Plus the scrolling arithmetic that brings a
 * line into view inside the code box (never the page).
 */
import type { CodeLine, SectionId } from '../code';

/** One part of the program: its heading line `start`, and its last line `end` (inclusive). */
export interface CodeSection {
  id: SectionId;
  /** the number in the heading (`# ── 5. The model ──` → 5) */
  number: number;
  /** the heading's words, in the program's language (`The model`) */
  title: string;
  start: number;
  end: number;
}

export type Row =
  /** a line; `hidden` > 0 on the heading of a collapsed part: how many lines it hides */
  | { type: 'line'; index: number; hidden: number }
  /** the marker of a run of data lines start … end (inclusive); open: the lines follow it */
  | { type: 'fold'; start: number; end: number; open: boolean };

export interface Layout {
  rows: Row[];
  /** for each line of the program, the key of the row that shows it (its own, its fold's, or its part's heading) */
  rowOfLine: string[];
}

/** Fewer data lines than this stay as they are: folding two rows hides nothing worth hiding. */
export const MIN_FOLD = 4;

/** `# ── 3. The data set: spiral ─────` → { number: 3, title: 'The data set: spiral' } */
export function parseHeading(text: string): { number: number; title: string } {
  const match = /^#\s*─+\s*(\d+)\.\s*(.*?)\s*─*\s*$/.exec(text);
  if (match === null) return { number: 0, title: text.replace(/^#\s*/, '') };
  return { number: Number(match[1]), title: match[2] };
}

/** The parts of the program, in order (the header before the first part is not one). */
export function sectionsOf(lines: readonly Pick<CodeLine, 'kind' | 'section' | 'text'>[]): CodeSection[] {
  const sections: CodeSection[] = [];
  lines.forEach((line, index) => {
    if (line.kind !== 'section' || line.section === 'header') return;
    const previous = sections[sections.length - 1];
    if (previous !== undefined) previous.end = index - 1;
    sections.push({ id: line.section, ...parseHeading(line.text), start: index, end: index });
  });
  const last = sections[sections.length - 1];
  if (last !== undefined) last.end = lines.length - 1;
  return sections;
}

export function rowKey(row: Row): string {
  return row.type === 'line' ? `l${row.index}` : `f${row.start}`;
}

interface LayoutOptions {
  /** data folds that are open, by their first line */
  openFolds?: ReadonlySet<number>;
  /** parts shown as their heading only */
  collapsed?: ReadonlySet<SectionId>;
}

/** The rows to draw, and which row shows each line. */
export function layoutRows(
  lines: readonly Pick<CodeLine, 'kind'>[],
  sections: readonly CodeSection[] = [],
  { openFolds = new Set(), collapsed = new Set() }: LayoutOptions = {},
): Layout {
  const rows: Row[] = [];
  const rowOfLine: string[] = new Array<string>(lines.length);
  const collapsedAt = new Map<number, CodeSection>();
  for (const section of sections) if (collapsed.has(section.id) && section.end > section.start) collapsedAt.set(section.start, section);
  let i = 0;
  while (i < lines.length) {
    const section = collapsedAt.get(i);
    if (section !== undefined) {
      const key = `l${i}`;
      rows.push({ type: 'line', index: i, hidden: section.end - section.start });
      for (let k = i; k <= section.end; k++) rowOfLine[k] = key;
      i = section.end + 1;
      continue;
    }
    if (lines[i].kind === 'data') {
      let end = i;
      while (end + 1 < lines.length && lines[end + 1].kind === 'data' && !collapsedAt.has(end + 1)) end++;
      if (end - i + 1 >= MIN_FOLD) {
        const open = openFolds.has(i);
        rows.push({ type: 'fold', start: i, end, open });
        for (let k = i; k <= end; k++) {
          if (open) rows.push({ type: 'line', index: k, hidden: 0 });
          rowOfLine[k] = open ? `l${k}` : `f${i}`;
        }
        i = end + 1;
        continue;
      }
    }
    rows.push({ type: 'line', index: i, hidden: 0 });
    rowOfLine[i] = `l${i}`;
    i++;
  }
  return { rows, rowOfLine };
}

/** The keys of the rows that show these lines (a folded or collapsed line lights up its marker). */
export function rowKeysOf(layout: Layout, indices: Iterable<number>): Set<string> {
  const keys = new Set<string>();
  for (const index of indices) {
    const key = layout.rowOfLine[index];
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** The part whose heading is the last one at or above `y`, given each heading's top (in the same order). */
export function sectionAt(sections: readonly CodeSection[], tops: readonly number[], y: number): CodeSection | null {
  let found: CodeSection | null = null;
  sections.forEach((section, i) => {
    if (tops[i] <= y) found = section;
  });
  return found;
}

/**
 * The scrollTop that brings the span [top, bottom] (in the box's content coordinates) into a box of
 * `height` now scrolled to `scrollTop`; null when it is already fully visible. A span that fits is
 * placed a third of the way down, so the lines around it stay in view too; a taller one starts at the top.
 */
export function scrollTopFor(top: number, bottom: number, scrollTop: number, height: number, margin = 8): number | null {
  if (top >= scrollTop + margin && bottom <= scrollTop + height - margin) return null;
  const span = bottom - top;
  if (span >= height - 2 * margin) return Math.max(0, top - margin);
  return Math.max(0, Math.round(top - Math.min((height - span) / 3, height / 3)));
}
