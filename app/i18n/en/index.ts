/**
 * The English messages: the source of truth for the shape of every language. Each area of the page
 * has its own file (owned by whoever builds that area); add the file here and in zh-CN/index.ts.
 */
import { common } from './common';
import { run } from './run';
import { data } from './data';
import { model } from './model';
import { training } from './training';
import { output } from './output';
import { curves } from './curves';
import { code } from './code';
import { experiments } from './experiments';
import { view } from './view';

export const en = { common, run, data, model, training, output, curves, code, experiments, view };

/** The shape every language must have: same keys, strings where English has strings, same functions. */
export type Messages = Widen<typeof en>;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };
