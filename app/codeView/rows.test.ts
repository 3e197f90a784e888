import { describe, expect, test } from 'vitest';
import { linesForField, pytorchScript, type CodeLine } from '../code';
import { defaultConfig } from '../../engine/train/config';
import { layoutRows, parseHeading, rowKeysOf, scrollTopFor, sectionAt, sectionsOf } from './rows';

/** lines from a pattern: c code, d data, s a part's heading (ids in order) */
function lines(pattern: string): Pick<CodeLine, 'kind' | 'section' | 'text'>[] {
  const ids = ['setup', 'random', 'data', 'loader'] as const;
  let part = -1;
  return [...pattern].map((ch) => {
    if (ch === 's') part++;
    const section = part < 0 ? ('header' as const) : ids[part];
    if (ch === 's') return { kind: 'section' as const, section, text: `# ── ${part + 1}. Part ${part + 1} ─────` };
    return { kind: ch === 'd' ? ('data' as const) : ('code' as const), section, text: ch };
  });
}

const types = (rows: { type: string }[]) => rows.map((r) => r.type[0]).join('');

describe('parseHeading and sectionsOf', () => {
  test('a heading gives its number and words, in either language', () => {
    expect(parseHeading('# ── 3. The data set: spiral ─────────────────')).toEqual({ number: 3, title: 'The data set: spiral' });
    expect(parseHeading('# ── 12. 结果 ──────────')).toEqual({ number: 12, title: '结果' });
  });

  test('parts run from their heading to the line before the next one', () => {
    const sections = sectionsOf(lines('ccsccscddds'));
    expect(sections.map((s) => [s.id, s.number, s.start, s.end])).toEqual([
      ['setup', 1, 2, 4], ['random', 2, 5, 9], ['data', 3, 10, 10],
    ]);
  });

  test('the default program has the twelve parts, in order, covering every line after the header', () => {
    const code = pytorchScript(defaultConfig(), { language: 'zh-CN' });
    const sections = sectionsOf(code.lines);
    expect(sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(sections.map((s) => s.id)).toEqual(['setup', 'random', 'data', 'loader', 'model', 'init', 'loss', 'optimizer', 'scheduler', 'evaluate', 'training', 'result']);
    expect(sections[4].title).toBe('模型');
    expect(sections[sections.length - 1].end).toBe(code.lines.length - 1);
    sections.slice(1).forEach((s, i) => expect(s.start).toBe(sections[i].end + 1));
  });
});

describe('layoutRows', () => {
  test('a run of data lines folds into one row; short runs stay', () => {
    const shown = layoutRows(lines('ccddddddc'));
    expect(shown.rows).toEqual([
      { type: 'line', index: 0, hidden: 0 }, { type: 'line', index: 1, hidden: 0 },
      { type: 'fold', start: 2, end: 7, open: false }, { type: 'line', index: 8, hidden: 0 },
    ]);
    expect(shown.rowOfLine).toEqual(['l0', 'l1', 'f2', 'f2', 'f2', 'f2', 'f2', 'f2', 'l8']);
    expect(types(layoutRows(lines('cddc')).rows)).toBe('llll');
  });

  test('an opened fold shows its lines after the fold row', () => {
    const { rows, rowOfLine } = layoutRows(lines('cddddc'), [], { openFolds: new Set([1]) });
    expect(types(rows)).toBe('lflllll');
    expect(rows[1]).toEqual({ type: 'fold', start: 1, end: 4, open: true });
    expect(rowOfLine[3]).toBe('l3');
  });

  test('a collapsed part shows its heading only, with the number of hidden lines; its lines point at the heading', () => {
    const program = lines('ccsccscddddcsc');
    const sections = sectionsOf(program);
    const { rows, rowOfLine } = layoutRows(program, sections, { collapsed: new Set(['random']) });
    expect(rows.map((r) => (r.type === 'line' ? r.index : `f${r.start}`))).toEqual([0, 1, 2, 3, 4, 5, 12, 13]);
    expect(rows[5]).toEqual({ type: 'line', index: 5, hidden: 6 });
    expect(rowOfLine.slice(5, 12)).toEqual(['l5', 'l5', 'l5', 'l5', 'l5', 'l5', 'l5']);
    expect(rowKeysOf({ rows, rowOfLine }, [3, 8, 9, 13])).toEqual(new Set(['l3', 'l5', 'l13']));
  });

  test('iris embeds its CSV (a header line and 150 rows): one fold; the random-number part folds to one line', () => {
    const config = defaultConfig();
    const code = pytorchScript({ ...config, data: { ...config.data, dataset: 'iris' } }, { language: 'en' });
    const sections = sectionsOf(code.lines);
    const all = layoutRows(code.lines, sections);
    const folds = all.rows.filter((r) => r.type === 'fold');
    expect(folds.length).toBe(1);
    const fold = folds[0] as { start: number; end: number };
    expect(fold.end - fold.start + 1).toBe(151);
    expect(all.rows.length).toBe(code.lines.length - 150);
    const random = sections.find((s) => s.id === 'random')!;
    const collapsed = layoutRows(code.lines, sections, { collapsed: new Set(['random']) });
    expect(collapsed.rows.length).toBe(all.rows.length - (random.end - random.start));
  });

  test('hovering the learning rate points at the optimizer line, shown as its own row', () => {
    const code = pytorchScript(defaultConfig(), { language: 'en' });
    const layout = layoutRows(code.lines, sectionsOf(code.lines), { collapsed: new Set(['random']) });
    const keys = [...rowKeysOf(layout, linesForField(code, 'optimizer.lr'))];
    const texts = keys.map((k) => code.lines[Number(k.slice(1))].text);
    expect(texts.some((t) => t.includes('torch.optim.Adam(model.parameters(), lr=0.01)'))).toBe(true);
  });
});

describe('sectionAt', () => {
  test('the part whose heading is the last at or above the top of the box', () => {
    const sections = sectionsOf(lines('ccsccscddds'));
    const tops = [40, 100, 200];
    expect(sectionAt(sections, tops, 0)).toBeNull(); // still in the header
    expect(sectionAt(sections, tops, 40)?.id).toBe('setup');
    expect(sectionAt(sections, tops, 199)?.id).toBe('random');
    expect(sectionAt(sections, tops, 5000)?.id).toBe('data');
    // a heading that is not drawn (Infinity) is never the current part
    expect(sectionAt(sections, [40, Number.POSITIVE_INFINITY, 200], 150)?.id).toBe('setup');
  });
});

describe('scrollTopFor', () => {
  test('a visible span needs no scroll', () => {
    expect(scrollTopFor(100, 118, 50, 400)).toBeNull();
  });
  test('a span below the view lands a third of the way down', () => {
    expect(scrollTopFor(1000, 1018, 0, 300)).toBe(1000 - 94);
  });
  test('a span above the view, and never below zero', () => {
    expect(scrollTopFor(20, 38, 500, 300)).toBe(0);
    expect(scrollTopFor(400, 418, 900, 300)).toBe(400 - 94);
  });
  test('a span taller than the box starts at its top', () => {
    expect(scrollTopFor(400, 1000, 0, 300)).toBe(392);
  });
});
