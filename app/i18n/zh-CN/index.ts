/** 简体中文. Typed by the English messages: every key must be here, with the same functions. */
import type { Messages } from '../en';
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

export const zhCN: Messages = { common, run, data, model, training, output, curves, code, experiments, view };
