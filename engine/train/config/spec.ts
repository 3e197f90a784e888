/**
 * What values one setting accepts, and the sentence that says so. A spec is data (the page reads the
 * same ranges for its sliders); `checkValue` turns a bad value into
 * `optimizer.lr must be a positive number ≤ 10; got "abc"`: the path, the allowed values, what came.
 */

export interface NumberSpec {
  kind: 'number';
  min: number;
  max: number;
  /** The bound itself is refused (lr > 0, dropout < 1). */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
  /** The page draws this on a logarithmic slider (learning rate, eps, weight decay). */
  logScale?: boolean;
}

export interface BooleanSpec {
  kind: 'boolean';
}

export interface ChoiceSpec<T extends string = string> {
  kind: 'choice';
  choices: readonly T[];
}

export interface ListSpec {
  kind: 'list';
  item: NumberSpec;
  minLength: number;
  maxLength: number;
  /** Each item larger than the one before (MultiStepLR's milestones). */
  increasing?: boolean;
}

/** `'none'`, `'balanced'` (inverse class frequency) or one weight per class. */
export interface ClassWeightsSpec {
  kind: 'classWeights';
  item: NumberSpec;
  maxLength: number;
}

export type Spec = NumberSpec | BooleanSpec | ChoiceSpec | ListSpec | ClassWeightsSpec;

/** The spec that fits a value type; the field table is typed with it, so a wrong spec is a compile error. */
export type SpecFor<V> = [V] extends [boolean]
  ? BooleanSpec
  : [V] extends [number]
    ? NumberSpec
    : [V] extends [string]
      ? ChoiceSpec<V>
      : [V] extends [readonly number[]]
        ? ListSpec
        : ClassWeightsSpec;

export interface Problem {
  path: string;
  message: string;
  /** The offending value, printed short (a 1 MB string comes back as its first characters and its length). */
  got: string;
}

const SHOWN_STRING = 40;
const SHOWN_ITEMS = 8;

/** A value printed for a message: short, never throws, never walks a big or cyclic object. */
export function formatValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length > SHOWN_STRING
        ? `${JSON.stringify(value.slice(0, SHOWN_STRING))}… (${value.length} characters)`
        : JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '0' : String(value);
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'bigint':
      return `${value}n`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const simple = value.length <= SHOWN_ITEMS && value.every((v) => v === null || typeof v !== 'object');
    return simple ? `[${value.map(formatValue).join(', ')}]` : `a list of ${value.length}`;
  }
  return 'an object';
}

/** "an integer from 1 to 1024", "a positive number ≤ 10", "at least 0 and below 1"; `plural` for list items. */
export function describeNumber(spec: NumberSpec, plural = false): string {
  const { min, max, minExclusive, maxExclusive, integer } = spec;
  const noun = integer ? (plural ? 'integers' : 'an integer') : plural ? 'numbers' : 'a number';
  if (!minExclusive && !maxExclusive) return `${noun} from ${min} to ${max}`;
  if (minExclusive && min === 0 && !maxExclusive) return `${plural ? 'positive numbers' : 'a positive number'} ≤ ${max}`;
  const low = minExclusive ? `above ${min}` : `at least ${min}`;
  const high = maxExclusive ? `below ${max}` : `at most ${max}`;
  return `${plural ? 'numbers ' : ''}${low} and ${high}`;
}

/** The allowed values of a spec, as the middle of "X must be …; got Y". */
export function describeSpec(spec: Spec): string {
  switch (spec.kind) {
    case 'number':
      return describeNumber(spec);
    case 'boolean':
      return 'true or false';
    case 'choice':
      return `one of: ${spec.choices.join(', ')}`;
    case 'list': {
      const count = spec.minLength === spec.maxLength ? `${spec.minLength}` : `${spec.minLength} to ${spec.maxLength}`;
      return `a list of ${count} ${spec.increasing ? 'increasing ' : ''}${describeNumber(spec.item, true)}`;
    }
    case 'classWeights':
      return `"none", "balanced" or a list of one weight per class (${describeNumber(spec.item, true)})`;
  }
}

function numberFits(spec: NumberSpec, value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (spec.integer && !Number.isInteger(value)) return false;
  if (spec.minExclusive ? value <= spec.min : value < spec.min) return false;
  if (spec.maxExclusive ? value >= spec.max : value > spec.max) return false;
  return true;
}

function problem(path: string, allowed: string, value: unknown, got = formatValue(value)): Problem {
  return { path, message: `${path} must be ${allowed}; got ${got}`, got };
}

/** Checks a list's length first, so a list of a million items is refused without reading them. */
function checkNumberList(spec: ListSpec | ClassWeightsSpec, value: unknown[], path: string, whole: string): Problem | null {
  const minLength = spec.kind === 'list' ? spec.minLength : 1;
  if (value.length < minLength || value.length > spec.maxLength) {
    return problem(path, whole, value, `a list of ${value.length}`);
  }
  for (let i = 0; i < value.length; i++) {
    if (!numberFits(spec.item, value[i])) return problem(`${path}[${i}]`, describeNumber(spec.item), value[i]);
    if (spec.kind === 'list' && spec.increasing && i > 0 && (value[i] as number) <= (value[i - 1] as number)) {
      return problem(path, whole, value);
    }
  }
  return null;
}

/** `null` when `value` fits `spec`; otherwise the problem, naming `path` (or `path[i]` for a bad list item). */
export function checkValue(spec: Spec, value: unknown, path: string): Problem | null {
  switch (spec.kind) {
    case 'number':
      return numberFits(spec, value) ? null : problem(path, describeNumber(spec), value);
    case 'boolean':
      return typeof value === 'boolean' ? null : problem(path, describeSpec(spec), value);
    case 'choice':
      return typeof value === 'string' && spec.choices.includes(value) ? null : problem(path, describeSpec(spec), value);
    case 'list':
      if (!Array.isArray(value)) return problem(path, describeSpec(spec), value);
      return checkNumberList(spec, value, path, describeSpec(spec));
    case 'classWeights': {
      if (value === 'none' || value === 'balanced') return null;
      if (!Array.isArray(value)) return problem(path, describeSpec(spec), value);
      const bad = checkNumberList(spec, value, path, describeSpec(spec));
      if (bad) return bad;
      // All zeros would make every example count for nothing: the weighted mean divides 0 by 0.
      if (value.every((w) => w === 0)) return problem(path, 'a list with at least one weight above 0', value);
      return null;
    }
  }
}

/** A copy that shares nothing with the input (lists are copied; -0 becomes 0). */
export function cleanValue<V>(value: V): V {
  if (Array.isArray(value)) return value.map((v) => (v === 0 ? 0 : v)) as V;
  return (value === 0 ? 0 : value) as V;
}
