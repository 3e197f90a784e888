/**
 * The PyTorch program for an experiment: a pure function of the config (no React, no DOM), that
 * reads like the tutorial, part by part, with comments in the UI language and code that is the
 * same in every language.
 */
import type { ExperimentConfig } from '../../engine/train/config';
import { contextOf } from './context';
import { writeData } from './sections/data';
import { writeLoader } from './sections/loader';
import { writeLoss } from './sections/loss';
import { writeEvaluate, writeResult, writeTraining } from './sections/loop';
import { writeModel } from './sections/model';
import { writeOptimizer } from './sections/optimizer';
import { writeRandom } from './sections/random';
import { writeScheduler } from './sections/scheduler';
import { writeHeader, writeSetup } from './sections/setup';
import type { CodeOptions, GeneratedCode } from './types';
import { CodeWriter } from './writer';

/**
 * The script that trains `config` with PyTorch as the playground trains it: the same data (drawn
 * with a port of the playground's generator, or read from its CSV), model, loss, optimizer,
 * schedule and loop. Each line lists the config paths it depends on.
 */
export function pytorchScript(config: ExperimentConfig, options: CodeOptions): GeneratedCode {
  const ctx = contextOf(config, options.language);
  const w = new CodeWriter();
  writeHeader(w, ctx);
  writeSetup(w, ctx);
  writeRandom(w, ctx);
  writeData(w, ctx);
  writeLoader(w, ctx);
  writeModel(w, ctx);
  writeLoss(w, ctx);
  writeOptimizer(w, ctx);
  writeScheduler(w, ctx);
  writeEvaluate(w, ctx);
  writeTraining(w, ctx);
  writeResult(w, ctx);
  return w.finish();
}
