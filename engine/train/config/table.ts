/**
 * The whole field table in one object, and ways to look into it: every setting's path, whether a
 * change is live or structural, and which settings an experiment actually uses.
 */
import type { AnyField, Change } from './field';
import { DATA_FIELDS, LOSS_FIELDS, MODEL_FIELDS } from './fieldsDataModel';
import { OPTIMIZER_SECTION } from './fieldsOptimizer';
import { SCHEDULER_SECTION } from './fieldsScheduler';
import { TRAINING_FIELDS } from './fieldsTraining';
import { SECTIONS, type ExperimentConfig, type SectionName } from './types';

export const SCHEMA = {
  data: DATA_FIELDS,
  model: MODEL_FIELDS,
  loss: LOSS_FIELDS,
  optimizer: OPTIMIZER_SECTION,
  scheduler: SCHEDULER_SECTION,
  training: TRAINING_FIELDS,
} as const;

/** A table of fields, possibly with nested groups (as `training.earlyStopping`). */
export interface FieldGroup {
  readonly [key: string]: AnyField | FieldGroup;
}

/** A section chosen by `type`, as the optimizer and scheduler are. */
export interface AnyVariantSection {
  type: AnyField;
  variants: { readonly [type: string]: FieldGroup };
}

export type SectionSchema = FieldGroup | AnyVariantSection;

export const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

export function isField(node: AnyField | FieldGroup): node is AnyField {
  return hasOwn(node, 'spec');
}

export function isVariantSection(section: SectionSchema): section is AnyVariantSection {
  return hasOwn(section, 'variants');
}

/** The table typed loosely, for code that walks it by key. */
export function sectionSchema(section: SectionName): SectionSchema {
  return SCHEMA[section] as unknown as SectionSchema;
}

export interface FieldEntry {
  /** Dotted path, as in messages and `diffConfig`: `optimizer.lr`, `training.earlyStopping.patience`. */
  path: string;
  field: AnyField;
  /** For the optimizer and scheduler, the type this field belongs to (`sgd`); the `type` field itself has none. */
  variant?: string;
}

function groupEntries(group: FieldGroup, prefix: string, variant: string | undefined, out: FieldEntry[]): void {
  for (const [key, node] of Object.entries(group)) {
    const path = `${prefix}.${key}`;
    if (isField(node)) out.push(variant === undefined ? { path, field: node } : { path, field: node, variant });
    else groupEntries(node, path, variant, out);
  }
}

/** Every field of the table, once per optimizer or scheduler type that has it, in table order. */
export const FIELD_ENTRIES: readonly FieldEntry[] = (() => {
  const out: FieldEntry[] = [];
  for (const name of SECTIONS) {
    const section = sectionSchema(name);
    if (isVariantSection(section)) {
      out.push({ path: `${name}.type`, field: section.type });
      for (const [variant, group] of Object.entries(section.variants)) groupEntries(group, name, variant, out);
    } else {
      groupEntries(section, name, undefined, out);
    }
  }
  return out;
})();

/** The fields this experiment has (its optimizer's and scheduler's own), with `used` false where they have no effect. */
export function fieldsOf(config: ExperimentConfig): Array<FieldEntry & { used: boolean }> {
  return FIELD_ENTRIES.filter((entry) => {
    if (entry.variant === undefined) return true;
    const section = entry.path.split('.')[0] as 'optimizer' | 'scheduler';
    return config[section].type === entry.variant;
  }).map((entry) => ({ ...entry, used: entry.field.usedWhen ? entry.field.usedWhen(config) : true }));
}

/**
 * The field at `path`. Optimizer and scheduler fields depend on the type: give `type` (`sgd`)
 * to get that type's field; without it, the first type that has the path answers.
 */
export function fieldAt(path: string, type?: string): AnyField | undefined {
  const matches = FIELD_ENTRIES.filter((entry) => entry.path === path);
  return (matches.find((entry) => entry.variant === type) ?? matches[0])?.field;
}

const CHANGE_BY_PATH: ReadonlyMap<string, Change> = new Map(FIELD_ENTRIES.map((entry) => [entry.path, entry.field.change]));

/**
 * Whether a change of `path` can be applied to the running model (`live`) or restarts the run
 * (`structural`). A path shared by several optimizers (`optimizer.lr`) has the same kind in each, a
 * test makes sure; an unknown path is structural, the safe answer.
 */
export function changeOf(path: string): Change {
  return CHANGE_BY_PATH.get(path) ?? 'structural';
}
