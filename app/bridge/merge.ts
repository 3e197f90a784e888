/** A change to the experiment, section by section, and how it lands on the current experiment. */
import type { ExperimentConfig } from '../../engine/train/config';

export type Patch = { [K in keyof ExperimentConfig]?: unknown };

/** The patch that sets one setting (`optimizer.lr` → `{ optimizer: { lr } }`). */
export function patchOf(path: string, value: unknown): Record<string, Record<string, unknown>> {
  const [section, ...rest] = path.split('.');
  const out: Record<string, unknown> = {};
  let node = out;
  for (let i = 0; i < rest.length - 1; i++) node = node[rest[i]] = {} as Record<string, unknown>;
  node[rest[rest.length - 1]] = value;
  return { [section]: out };
}

/**
 * The experiment with the patch's sections merged in (one level deep); the result still has to
 * pass validateConfig. A new optimizer or scheduler `type` replaces its section instead.
 */
export function mergeSections(config: ExperimentConfig, patch: Patch): unknown {
  const out: Record<string, unknown> = { ...config };
  for (const [section, value] of Object.entries(patch)) {
    if (section === '__proto__' || section === 'constructor') continue;
    const base = (config as unknown as Record<string, unknown>)[section];
    // A new optimizer or scheduler `type` brings its own settings: the section is replaced, not merged.
    const newType =
      (section === 'optimizer' || section === 'scheduler') &&
      typeof value === 'object' && value !== null && 'type' in value && (value as { type: unknown }).type !== (base as { type?: unknown } | null)?.type;
    out[section] =
      !newType && typeof value === 'object' && value !== null && !Array.isArray(value) && typeof base === 'object' && base !== null
        ? { ...(base as object), ...(value as object) }
        : value;
  }
  return out;
}
