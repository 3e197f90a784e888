/**
 * The program as the code box shows it: generated for a config and language, tokenized, and split
 * into its parts. Generating takes well under a millisecond, but the page asks for the same config
 * and language on every render (and again when the language is switched back), so results are kept
 * for the last few keys; lines a change did not touch are not tokenized again (see LineTokenizer).
 */
import type { ExperimentConfig } from '../../engine/train/config';
import type { CodeLanguage, GeneratedCode } from '../code';
import { sectionsOf, type CodeSection } from './rows';
import { LineTokenizer, type Token } from './tokenize';

export interface ViewCode {
  /** language and config: equal keys, equal programs */
  key: string;
  code: GeneratedCode;
  /** tokens per line; an unchanged line keeps the same array from one program to the next */
  tokens: Token[][];
  sections: CodeSection[];
}

type Generate = (config: ExperimentConfig, options: { language: CodeLanguage }) => GeneratedCode;

/** A cache of the most recent programs (oldest dropped first), with one line tokenizer for all. */
export function makeCodeCache(generate: Generate, size = 8) {
  const entries = new Map<string, ViewCode>();
  const tokenizer = new LineTokenizer();
  return function codeFor(config: ExperimentConfig, language: CodeLanguage): ViewCode {
    const key = `${language}|${JSON.stringify(config)}`;
    const hit = entries.get(key);
    if (hit !== undefined) {
      entries.delete(key); // most recently used goes last
      entries.set(key, hit);
      return hit;
    }
    const code = generate(config, { language });
    const view: ViewCode = { key, code, tokens: tokenizer.tokenize(code.lines.map((l) => l.text)), sections: sectionsOf(code.lines) };
    entries.set(key, view);
    if (entries.size > size) entries.delete(entries.keys().next().value as string);
    return view;
  };
}
