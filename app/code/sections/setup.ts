/** The header and part 1: what the script is, how to run it, its imports and the training seed. */
import { pyInt } from '../python';
import type { CodeWriter } from '../writer';
import type { Context } from '../context';
import { csvFilesFor } from './dataReal';

/** The file name the page suggests for the script: `train_spiral.py`. */
export function scriptBaseName(dataset: string): string {
  return `train_${dataset.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
}

export function writeHeader(w: CodeWriter, ctx: Context): void {
  const { t } = ctx;
  for (const line of t.header.title.split('\n')) w.header(line);
  w.header(t.header.run(`${scriptBaseName(ctx.dataset)}.py`));
  const files = csvFilesFor(ctx.dataset);
  if (files.length > 0) w.header(t.header.files(files));
  w.header('');
}

export function writeSetup(w: CodeWriter, ctx: Context): void {
  const { t, config } = ctx;
  w.startSection('setup', t.sections.setup);
  const embedded = ctx.dataset === 'iris' || ctx.dataset === 'wine';
  const fromFile = csvFilesFor(ctx.dataset).length > 0;
  if (config.training.earlyStopping.enabled) w.code('import copy', ['training.earlyStopping.enabled']);
  if (ctx.dataset === 'custom') w.code('import csv', ['data.dataset']);
  if (embedded) w.code('import io', ['data.dataset']);
  w.code('import json');
  w.code('import math');
  w.code('import os');
  w.code('import sys');
  if (fromFile) w.code('from pathlib import Path', ['data.dataset']);
  w.blank();
  w.code('import numpy as np');
  w.code('import torch');
  w.code('from torch import nn');
  if (config.scheduler.type !== 'none') w.code('from torch.optim import lr_scheduler', ['scheduler.type']);
  const weighted = config.training.sampler === 'weighted' && ctx.task === 'classification';
  w.code(`from torch.utils.data import DataLoader, TensorDataset${weighted ? ', WeightedRandomSampler' : ''}`, ['training.sampler']);
  w.blank();
  w.comment(t.setup.seed, '', ['training.seed']);
  w.code(`torch.manual_seed(${pyInt(config.training.seed)})`, ['training.seed']);
}
