/** The downloads: a .py file that is the program, and a notebook that is valid nbformat 4 and runs the same program. */
import { describe, expect, it } from 'vitest';
import { exportFiles, toNotebook, toPythonFile } from './export';
import { pytorchScript } from './script';
import { SECTION_IDS } from './types';
import { EXPERIMENTS, type ExperimentName } from './testing/experiments';

interface Cell {
  cell_type: string;
  id: string;
  metadata: object;
  source: string[];
  execution_count?: unknown;
  outputs?: unknown[];
}

const names = Object.keys(EXPERIMENTS) as ExperimentName[];

describe('toNotebook', () => {
  it.each(names.flatMap((name) => [[name, 'en'], [name, 'zh-CN']] as const))('%s (%s) is valid nbformat 4.5 JSON', (name, language) => {
    const notebook = JSON.parse(toNotebook(EXPERIMENTS[name], language));
    expect(notebook.nbformat).toBe(4);
    expect(notebook.nbformat_minor).toBe(5);
    expect(notebook.metadata.kernelspec).toEqual({ display_name: 'Python 3', language: 'python', name: 'python3' });
    expect(notebook.metadata.language_info.name).toBe('python');
    const cells = notebook.cells as Cell[];
    const ids = new Set<string>();
    for (const cell of cells) {
      expect(['markdown', 'code']).toContain(cell.cell_type);
      expect(cell.metadata).toEqual({});
      expect(Array.isArray(cell.source)).toBe(true);
      cell.source.forEach((line, i) => expect(line.endsWith('\n')).toBe(i < cell.source.length - 1));
      // nbformat 4.5: every cell has a unique id of 1–64 letters, digits, '-' or '_'
      expect(cell.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(ids.has(cell.id)).toBe(false);
      ids.add(cell.id);
      if (cell.cell_type === 'code') {
        expect(cell.outputs).toEqual([]);
        expect(cell.execution_count).toBeNull();
      } else {
        expect('outputs' in cell || 'execution_count' in cell).toBe(false);
      }
    }
    // An introduction, then a heading and a code cell for each of the 12 parts, in order.
    expect(cells.length).toBe(1 + 2 * SECTION_IDS.length);
    expect(cells.filter((c) => c.cell_type === 'code').map((c) => c.id)).toEqual(SECTION_IDS.map((s) => `${s}-code`));
  });

  it('has headings in the UI language', () => {
    const titles = (language: 'en' | 'zh-CN') =>
      (JSON.parse(toNotebook(EXPERIMENTS.default, language)).cells as Cell[]).filter((c) => c.id.endsWith('-title')).map((c) => c.source[0]);
    expect(titles('en')[4]).toBe('## 5. The model');
    expect(titles('zh-CN')[4]).toBe('## 5. 模型');
    expect(titles('zh-CN')[2]).toBe('## 3. 数据集：spiral');
  });

  it.each(names)('%s: the code cells, run in order, are the program', (name) => {
    const cells = JSON.parse(toNotebook(EXPERIMENTS[name], 'en')).cells as Cell[];
    const notebookCode = cells.filter((c) => c.cell_type === 'code').flatMap((c) => c.source.join('').split('\n'));
    const programCode = pytorchScript(EXPERIMENTS[name], { language: 'en' })
      .lines.filter((l) => l.kind === 'code' || l.kind === 'data')
      .map((l) => l.text);
    const codeOnly = (lines: string[]) => lines.filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    expect(codeOnly(notebookCode)).toEqual(codeOnly(programCode));
  });
});

describe('toPythonFile and exportFiles', () => {
  it('the .py file is the program as shown', () => {
    expect(toPythonFile(EXPERIMENTS.default, 'zh-CN')).toBe(pytorchScript(EXPERIMENTS.default, { language: 'zh-CN' }).text);
  });

  it('names the files, and lists the CSV files a real data set needs beside the script', () => {
    expect(exportFiles(EXPERIMENTS.default)).toEqual({ script: 'train_spiral.py', notebook: 'train_spiral.ipynb', csv: [] });
    expect(exportFiles(EXPERIMENTS.breastCancerBalanced).script).toBe('train_breast_cancer.py');
    expect(exportFiles(EXPERIMENTS.diabetesPlateau).csv).toEqual(['diabetes_data.csv', 'diabetes_target.csv']);
    expect(exportFiles(EXPERIMENTS.digitsShift).csv).toEqual(['digits.csv']);
    // iris and wine travel inside the script
    expect(exportFiles(EXPERIMENTS.irisEmbedded).csv).toEqual([]);
    expect(toPythonFile(EXPERIMENTS.irisEmbedded, 'en')).toContain('5.1,3.5,1.4,0.2,0');
  });
});
