/**
 * The three doors into the experiment. Everything from outside (URL hash, pasted JSON, lesson
 * file) comes through one of them:
 *   validateConfig — strict: is this exactly a complete, correct experiment? If not, every problem.
 *   parseConfig    — lenient, for untrusted input: never throws, keeps each field that is valid,
 *                    takes the default for each that is not, and lists what it ignored and why.
 *   parseConfigText — the same for text (JSON), refusing oversized text before parsing it.
 */
import { defaultConfig } from './defaults';
import { ErrorList, type ConfigError } from './errors';
import { readConfig } from './read';
import { applyRules } from './rules';
import type { ExperimentConfig } from './types';

export type ValidationResult = { ok: true; config: ExperimentConfig } | { ok: false; errors: ConfigError[] };

export interface ParseResult {
  /** Always a complete, valid experiment. */
  config: ExperimentConfig;
  /** Every setting that was present but not used, and why (absent settings are not listed: they just take defaults). */
  ignored: ConfigError[];
}

/** The longest experiment text read; a real one is about 1–2 KB. */
export const MAX_CONFIG_TEXT = 100_000;

/** Reads and checks, and turns anything unexpected (a throwing getter, a Proxy) into a problem, never an exception. */
function check(input: unknown): { config: ExperimentConfig; errors: ConfigError[] } {
  const errors = new ErrorList();
  try {
    const config = readConfig(input, errors);
    applyRules(config, errors);
    return { config, errors: errors.finish() };
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 100) : 'unknown error';
    return {
      config: defaultConfig(),
      errors: [{ path: '', code: 'unreadable', message: `The experiment could not be read (${reason}); the default experiment is used` }],
    };
  }
}

/** Strict check of a complete experiment: `ok` with a fresh copy, or every problem, each naming its field. */
export function validateConfig(input: unknown): ValidationResult {
  const { config, errors } = check(input);
  return errors.length === 0 ? { ok: true, config } : { ok: false, errors };
}

/** Lenient reading of untrusted input: never throws, and always returns an experiment that passes `validateConfig`. */
export function parseConfig(input: unknown): ParseResult {
  const { config, errors } = check(input);
  return { config, ignored: errors.filter((error) => error.code !== 'missing') };
}

/** `parseConfig` for JSON text (a pasted experiment, a lesson file). */
export function parseConfigText(text: string): ParseResult {
  if (typeof text !== 'string') return parseConfig(text);
  if (text.length > MAX_CONFIG_TEXT) {
    return {
      config: defaultConfig(),
      ignored: [
        {
          path: '',
          code: 'unreadable',
          message: `The experiment text is too long (${text.length} characters; at most ${MAX_CONFIG_TEXT}); the default experiment is used`,
        },
      ],
    };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 100) : 'syntax error';
    return {
      config: defaultConfig(),
      ignored: [{ path: '', code: 'unreadable', message: `The experiment is not valid JSON (${reason}); the default experiment is used` }],
    };
  }
  return parseConfig(input);
}
