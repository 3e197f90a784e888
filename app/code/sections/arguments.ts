/**
 * Keyword arguments of a PyTorch call, read off the config's field table: an argument appears when
 * PyTorch has no default for it or the experiment's value differs from PyTorch's default, so the
 * code says exactly what this experiment changes — and nothing a reader must filter out.
 */
import { SCHEMA, fieldAt } from '../../../engine/train/config';
import { pyFloat, pyInt, pyTuple, pyValue } from '../python';

export interface Argument {
  /** `lr=0.01` */
  text: string;
  /** The config path it comes from (`optimizer.lr`). */
  path: string;
  /** The config key (`lr`), to look up a comment. */
  key: string;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function pythonValue(path: string, type: string, value: unknown): string {
  const spec = fieldAt(path, type)?.spec;
  const integer = spec?.kind === 'number' ? spec.integer === true : spec?.kind === 'list' ? spec.item.integer === true : false;
  if (Array.isArray(value) && path.endsWith('.betas')) return pyTuple(value as number[]);
  if (typeof value === 'number') return integer ? pyInt(value) : pyFloat(value);
  return pyValue(value, integer);
}

/**
 * The arguments of `section`'s settings (`optimizer`, `scheduler`) in table order, renamed to
 * PyTorch's names; `always` lists keys printed even at PyTorch's default (the learning rate).
 */
export function keywordArguments(
  section: 'optimizer' | 'scheduler',
  settings: { type: string } & object,
  names: Readonly<Record<string, string>>,
  always: readonly string[] = [],
): Argument[] {
  const out: Argument[] = [];
  const table = SCHEMA[section].variants[settings.type as keyof (typeof SCHEMA)[typeof section]['variants']] as object;
  const values = settings as unknown as Record<string, unknown>;
  for (const key of Object.keys(table)) {
    const name = names[key];
    const value = values[key];
    if (name === undefined) continue;
    const path = `${section}.${key}`;
    const field = fieldAt(path, settings.type);
    const differs = field?.torchDefault === undefined || !same(value, field.torchDefault);
    if (!always.includes(key) && !differs) continue;
    out.push({ text: `${name}=${pythonValue(path, settings.type, value)}`, path, key });
  }
  return out;
}
