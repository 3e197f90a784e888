/**
 * The PyTorch code for an experiment — what the page shows beside the playground and offers for
 * download. Pure functions of the config; no React.
 *
 *   const code = pytorchScript(config, { language: 'zh-CN' })   // { text, lines: [{ text, kind, section, fields }] }
 *   linesForField(code, 'optimizer.lr')                          // lines to point at while a control is hovered
 *   changedLines(before, after)                                  // lines to light up after a change
 *   toPythonFile(config, 'en'), toNotebook(config, 'en')         // downloads; exportFiles(config) names them
 */
export { pytorchScript } from './script';
export { sweepScript } from './sweep';
export { linesForField, changedLines } from './lines';
export { toPythonFile, toNotebook, exportFiles } from './export';
export type { ExportFiles } from './export';
export { SECTION_IDS } from './types';
export type { CodeLanguage, CodeOptions, CodeLine, CodeLineKind, GeneratedCode, SectionId } from './types';
