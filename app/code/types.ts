/**
 * What the code generator returns: the program as text, and the same program line by line, each
 * line knowing which settings of the experiment it depends on — so the page can light up the line
 * a knob maps to (`linesForField`) and the lines a change rewrote (`changedLines`).
 */

/** The UI languages; they change the comments (and notebook headings), never the code. */
export type CodeLanguage = 'en' | 'zh-CN';

export interface CodeOptions {
  language: CodeLanguage;
}

/** The parts of the program, in order; the notebook has one heading and one code cell per part. */
export const SECTION_IDS = [
  'setup', 'random', 'data', 'loader', 'model', 'init', 'loss', 'optimizer', 'scheduler', 'evaluate', 'training', 'result',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/**
 * - `header`: the lines before the first part (what the program is, how to run it)
 * - `section`: the heading comment of a part (`# ── 5. The model ──`), where notebooks split cells
 * - `comment`, `code`, `blank`: as they say (a `code` line may end with a short comment)
 * - `data`: rows of a data set embedded in the script (iris, wine); a page may fold them
 */
export type CodeLineKind = 'header' | 'section' | 'comment' | 'code' | 'blank' | 'data';

export interface CodeLine {
  text: string;
  kind: CodeLineKind;
  /** The part of the program this line belongs to; the lines before the first part are `header`. */
  section: SectionId | 'header';
  /**
   * Dotted config paths this line depends on or carries out (`optimizer.lr`,
   * `training.earlyStopping.patience`); a comment shares the paths of the code it explains.
   */
  fields: readonly string[];
}

export interface GeneratedCode {
  /** The whole program, lines joined with '\n', ending with a newline. */
  text: string;
  lines: readonly CodeLine[];
}
