/**
 * The downloads: the program as a `.py` file and as a Jupyter notebook (nbformat 4.5), one heading
 * and one code cell per part of the program, with the headings in the UI language.
 */
import type { ExperimentConfig } from '../../engine/train/config';
import { commentsFor } from './context';
import { pytorchScript } from './script';
import { csvFilesFor } from './sections/dataReal';
import { scriptBaseName } from './sections/setup';
import type { CodeLanguage, CodeLine } from './types';

export interface ExportFiles {
  /** `train_spiral.py` */
  script: string;
  /** `train_spiral.ipynb` */
  notebook: string;
  /** The playground's CSV files the program reads from its own folder; offer them beside the downloads. */
  csv: string[];
}

/** The file names the page should offer for this experiment's downloads. */
export function exportFiles(config: ExperimentConfig): ExportFiles {
  const base = scriptBaseName(config.data.dataset);
  return { script: `${base}.py`, notebook: `${base}.ipynb`, csv: csvFilesFor(config.data.dataset) };
}

/** The program as the text of a `.py` file. */
export function toPythonFile(config: ExperimentConfig, language: CodeLanguage): string {
  return pytorchScript(config, { language }).text;
}

interface NotebookCell {
  cell_type: 'markdown' | 'code';
  id: string;
  metadata: Record<string, never>;
  source: string[];
  execution_count?: null;
  outputs?: never[];
}

/** Jupyter keeps a cell's text as lines that end with '\n', all but the last. */
function source(lines: readonly string[]): string[] {
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line));
}

function trimBlank(lines: readonly CodeLine[]): CodeLine[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].kind === 'blank') start++;
  while (end > start && lines[end - 1].kind === 'blank') end--;
  return lines.slice(start, end);
}

/** `# ── 3. The data set: spiral ───` → `3. The data set: spiral` */
function headingTitle(text: string): string {
  return text.replace(/^# ── /, '').replace(/\s*─+$/, '');
}

/** The program as a Jupyter notebook (JSON text, nbformat 4.5): a markdown heading and a code cell per part. */
export function toNotebook(config: ExperimentConfig, language: CodeLanguage): string {
  const t = commentsFor(language);
  const code = pytorchScript(config, { language });
  const files = csvFilesFor(config.data.dataset);
  const intro = [`# ${t.header.title.split('\n')[0]}`, '', ...t.header.title.split('\n').slice(1), '', t.header.notebook];
  if (files.length > 0) intro.push('', t.header.files(files));
  const cells: NotebookCell[] = [{ cell_type: 'markdown', id: 'intro', metadata: {}, source: source(intro) }];
  const sections = new Map<string, CodeLine[]>();
  for (const line of code.lines) {
    if (line.section === 'header') continue;
    if (!sections.has(line.section)) sections.set(line.section, []);
    sections.get(line.section)!.push(line);
  }
  for (const [section, lines] of sections) {
    const heading = lines.find((l) => l.kind === 'section')!;
    const body = lines.filter((l) => l !== heading);
    cells.push({ cell_type: 'markdown', id: `${section}-title`, metadata: {}, source: [`## ${headingTitle(heading.text)}`] });
    cells.push({
      cell_type: 'code',
      execution_count: null,
      id: `${section}-code`,
      metadata: {},
      outputs: [],
      source: source(trimBlank(body).map((l) => l.text)),
    });
  }
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: {
        codemirror_mode: { name: 'ipython', version: 3 },
        file_extension: '.py',
        mimetype: 'text/x-python',
        name: 'python',
        nbconvert_exporter: 'python',
        pygments_lexer: 'ipython3',
        version: '3',
      },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  // Jupyter writes notebooks with one-space indentation and a final newline; so do we, for clean diffs.
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
