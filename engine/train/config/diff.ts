/**
 * Which settings changed between two experiments, sorted by what the run must do about them:
 * apply `live` ones to the running model in place, restart for `structural` ones, and nothing for
 * `unused` ones (fields the new experiment does not use, e.g. the noise of a real data set).
 */
import { changeOf, isField, isVariantSection, sectionSchema, type FieldGroup } from './table';
import { SECTIONS, type ExperimentConfig } from './types';

export interface ConfigDiff {
  /** Changed paths the running model can take in place (`optimizer.lr`). */
  live: string[];
  /** Changed paths that need a new run (`data.dataset`); when this is not empty, restart with the new experiment. */
  structural: string[];
  /** Changed paths the new experiment does not use; they need nothing. */
  unused: string[];
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * The changed field paths from `before` to `after` (both valid experiments). When the optimizer or
 * scheduler type changes, only `optimizer.type` / `scheduler.type` is listed: the other settings
 * belong to a different PyTorch class and are all new.
 */
export function diffConfig(before: ExperimentConfig, after: ExperimentConfig): ConfigDiff {
  const diff: ConfigDiff = { live: [], structural: [], unused: [] };
  const usedIn = new Map<string, (config: ExperimentConfig) => boolean>();

  const note = (path: string) => {
    const used = usedIn.get(path);
    if (used && !used(after)) diff.unused.push(path);
    else diff[changeOf(path)].push(path);
  };
  const walk = (group: FieldGroup, a: Record<string, unknown>, b: Record<string, unknown>, prefix: string) => {
    for (const [key, node] of Object.entries(group)) {
      const path = `${prefix}.${key}`;
      if (isField(node)) {
        if (node.usedWhen) usedIn.set(path, node.usedWhen);
        if (!same(a[key], b[key])) note(path);
      } else {
        walk(node, a[key] as Record<string, unknown>, b[key] as Record<string, unknown>, path);
      }
    }
  };

  for (const name of SECTIONS) {
    const section = sectionSchema(name);
    const a = before[name] as unknown as Record<string, unknown>;
    const b = after[name] as unknown as Record<string, unknown>;
    if (!isVariantSection(section)) walk(section, a, b, name);
    else if (a.type !== b.type) note(`${name}.type`);
    else walk(section.variants[b.type as string], a, b, name);
  }
  return diff;
}
