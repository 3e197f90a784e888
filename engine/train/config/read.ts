/**
 * Reads any value as an experiment, field by field, against the table: every field that fits is
 * kept, every other one takes its default and leaves a problem behind. It builds the result from
 * the table's keys only, never from the input's, so `__proto__` or `constructor` keys cannot reach
 * an object, and it never walks deeper than the table: a huge or deep input costs no more than a
 * glance at its keys. Cross-field rules come afterwards (`rules.ts`).
 */
import { defaultConfig, defaultOptimizer, defaultScheduler } from './defaults';
import { ErrorList } from './errors';
import { migrate } from './migrate';
import { checkValue, cleanValue, describeSpec, formatValue } from './spec';
import {
  hasOwn,
  isField,
  isVariantSection,
  sectionSchema,
  type AnyVariantSection,
  type FieldGroup,
} from './table';
import {
  CONFIG_VERSION,
  SECTIONS,
  type ExperimentConfig,
  type OptimizerName,
  type SchedulerName,
} from './types';

type Raw = Record<string, unknown>;

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key as it may appear in a path: a megabyte-long key is cut short; an empty or odd one is quoted. */
function join(prefix: string, key: string): string {
  const short = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  if (/^[A-Za-z_$][\w$…]*$/.test(short)) return prefix === '' ? short : `${prefix}.${short}`;
  return `${prefix}[${JSON.stringify(short)}]`;
}

/** Reports keys of `raw` that are no setting; `owner` names the optimizer or scheduler whose settings these are. */
function reportUnknownKeys(raw: Raw, known: (key: string) => boolean, prefix: string, errors: ErrorList, owner?: string): void {
  for (const key of Object.keys(raw)) {
    if (known(key)) continue;
    const path = join(prefix, key);
    errors.add({ path, code: 'unknown', message: `${path} is not a setting${owner ? ` of ${owner}` : ''}` });
  }
}

/** Reads a section or group as an object: an absent or non-object value is one problem, and all defaults. */
function asObject(raw: unknown, path: string, errors: ErrorList): Raw | undefined {
  if (raw === undefined) {
    errors.add({ path, code: 'missing', message: `${path} is missing` });
    return undefined;
  }
  if (!isObject(raw)) {
    const got = formatValue(raw);
    errors.add({ path, code: 'invalid', message: `${path} must be an object of settings; got ${got}`, got });
    return undefined;
  }
  return raw;
}

function readGroup(group: FieldGroup, raw: Raw, path: string, base: Raw, errors: ErrorList, owner?: string): Raw {
  reportUnknownKeys(raw, (key) => hasOwn(group, key) || (owner !== undefined && key === 'type'), path, errors, owner);
  const out: Raw = {};
  for (const [key, node] of Object.entries(group)) {
    const fieldPath = `${path}.${key}`;
    if (!hasOwn(raw, key)) {
      out[key] = base[key];
      const expected = isField(node) ? `; expected ${describeSpec(node.spec)}` : '';
      errors.add({ path: fieldPath, code: 'missing', message: `${fieldPath} is missing${expected}` });
      continue;
    }
    const value = raw[key];
    if (isField(node)) {
      const bad = checkValue(node.spec, value, fieldPath);
      if (bad) errors.add({ ...bad, code: 'invalid' });
      out[key] = bad ? base[key] : cleanValue(value);
    } else {
      const inner = asObject(value, fieldPath, errors);
      out[key] = inner ? readGroup(node, inner, fieldPath, base[key] as Raw, errors) : base[key];
    }
  }
  return out;
}

/**
 * The optimizer or scheduler: its `type` is read first, then that type's own settings. Missing
 * settings come from the default experiment when the type is the default one, else from the
 * type's own defaults (so `{type: 'sgd'}` gets SGD's learning rate, not Adam's).
 */
function readVariant(
  section: AnyVariantSection,
  raw: unknown,
  path: string,
  fallback: Raw & { type: string },
  defaultsFor: (type: string) => Raw,
  errors: ErrorList,
): Raw {
  const object = asObject(raw, path, errors);
  if (!object) return fallback;
  const typePath = `${path}.type`;
  let type = fallback.type;
  if (!hasOwn(object, 'type')) {
    errors.add({ path: typePath, code: 'missing', message: `${typePath} is missing; expected ${describeSpec(section.type.spec)}` });
  } else {
    const bad = checkValue(section.type.spec, object.type, typePath);
    if (bad) errors.add({ ...bad, code: 'invalid' });
    else type = object.type as string;
  }
  const base = type === fallback.type ? fallback : defaultsFor(type);
  return { type, ...readGroup(section.variants[type], object, path, base, errors, type) };
}

/** The experiment read from `input` with every problem listed in `errors`; cross-field rules not yet applied. */
export function readConfig(input: unknown, errors: ErrorList): ExperimentConfig {
  const defaults = defaultConfig();
  if (!isObject(input)) {
    const got = formatValue(input);
    errors.add({ path: '', code: 'unreadable', message: `The experiment must be an object of settings; got ${got}`, got });
    return defaults;
  }
  const raw = migrate(input, errors);
  reportUnknownKeys(raw, (key) => key === 'version' || (SECTIONS as readonly string[]).includes(key), '', errors);
  const read: Raw = { version: CONFIG_VERSION };
  for (const name of SECTIONS) {
    const section = sectionSchema(name);
    const base = defaults[name] as unknown as Raw;
    const value = hasOwn(raw, name) ? raw[name] : undefined;
    if (isVariantSection(section)) {
      const defaultsFor =
        name === 'optimizer'
          ? (type: string) => defaultOptimizer(type as OptimizerName) as unknown as Raw
          : (type: string) => defaultScheduler(type as SchedulerName) as unknown as Raw;
      read[name] = readVariant(section, value, name, base as Raw & { type: string }, defaultsFor, errors);
    } else {
      const object = asObject(value, name, errors);
      read[name] = object ? readGroup(section, object, name, base, errors) : base;
    }
  }
  return read as unknown as ExperimentConfig;
}
