/**
 * The words for a setting in the page's language: its label and tooltip (by path, with `path@type`
 * where one optimizer or scheduler needs other words) and the names of its choices.
 */
import type { Messages } from '../i18n';

type TrainingMessages = Messages['training'];

export interface FieldText {
  label: string;
  tip: string;
}

/** Label and tooltip of the setting at `path`; `variant` is the optimizer or scheduler type. */
export function fieldText(t: TrainingMessages, path: string, variant?: string): FieldText {
  const fields = t.fields as Readonly<Record<string, FieldText>>;
  return (variant !== undefined ? fields[`${path}@${variant}`] : undefined) ?? fields[path] ?? { label: path, tip: '' };
}

/** The words for one choice of a setting (PyTorch's own names where they have no translation). */
export function choiceName(t: TrainingMessages, path: string, choice: string): string {
  const choices = t.choices as Readonly<Record<string, Readonly<Record<string, string>>>>;
  return choices[path]?.[choice] ?? choice;
}

/**
 * The panel's own sentence for a refused value, where it has one: a clash with another setting
 * (`conflict`), or a value the general "allowed: min to max" would not explain (a list's order).
 */
export function refusalText(t: TrainingMessages, error: { path: string; code: string }): string | undefined {
  if (error.code === 'conflict') return (t.conflicts as Readonly<Record<string, string>>)[error.path];
  if (error.code === 'invalid') return (t.invalid as Readonly<Record<string, string>>)[error.path.replace(/\[\d+\]$/, '')];
  return undefined;
}
