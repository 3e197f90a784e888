/**
 * Every guided experiment shows what its card says, in numbers, run the way the worker runs it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../engine/train/config';
import { buildExperiment, type BuiltExperiment } from '../../engine/train/build';
import { filesFor } from '../../engine/train/data';
import { findLr } from '../../engine/train/lrFinder';
import type { EvaluationRecord } from '../../engine/train/trainer';
import { EXPERIMENT_IDS, EXPERIMENTS, LOOP_STEPS, experimentConfig, type ExperimentId } from './presets';

function run(config: ExperimentConfig, maxEpochs = Infinity): { built: BuiltExperiment; evaluations: EvaluationRecord[] } {
  const texts = Object.fromEntries(filesFor(config.data.dataset).map((f) => [f, readFileSync(`public/datasets/${f}`, 'utf8')]));
  const evaluations: EvaluationRecord[] = [];
  const built = buildExperiment(config, texts, { onEvaluation: (e) => evaluations.push(e) });
  for (let epoch = 0; built.trainer.canStep && epoch < maxEpochs; epoch++) built.trainer.runEpoch();
  return { built, evaluations };
}

const last = <T>(xs: T[]): T => xs[xs.length - 1];
const accuracy = (e: EvaluationRecord) => e.validation.classification!.accuracy;
const with_ = (id: ExperimentId, change: (c: ExperimentConfig) => void) => {
  const c = experimentConfig(id);
  change(c);
  return c;
};

describe('the guided experiments', () => {
  it('are all valid experiments, one or more for every step of the loop', () => {
    expect(EXPERIMENTS.map((e) => e.id)).toEqual([...EXPERIMENT_IDS]);
    for (const id of EXPERIMENT_IDS) expect(() => experimentConfig(id)).not.toThrow();
    for (const step of LOOP_STEPS) expect(EXPERIMENTS.some((e) => e.step === step)).toBe(true);
  });

  it('lrTooLarge: Adam at lr 1 diverges within the first steps; at 0.1 it swings without learning', () => {
    const { built } = run(experimentConfig('lrTooLarge'));
    expect(built.trainer.status.state).toBe('diverged');
    expect(built.trainer.status.divergedAtStep).toBeLessThan(20);
    // the red message's button divides the rate by 10: no blow-up, but no learning either
    const { built: tenth, evaluations } = run(with_('lrTooLarge', (c) => void (c.optimizer.lr = 0.1)), 40);
    expect(tenth.trainer.status.state).toBe('running');
    expect(accuracy(last(evaluations))).toBeLessThan(0.7);
  });

  it('lrTooSmall: at lr 1e-5 the loss moves less than 1 % in 40 epochs', () => {
    const { evaluations } = run(experimentConfig('lrTooSmall'), 40);
    expect(Math.abs(last(evaluations).train.loss - evaluations[0].train.loss)).toBeLessThan(0.01 * evaluations[0].train.loss);
  });

  it('lrFinder: at lr 1e-4 the loss crawls; the range test suggests 0.003–0.05, and the run goes on with it to learn the spiral', () => {
    const config = experimentConfig('lrFinder');
    const { built, evaluations } = run(config, 10);
    expect(evaluations[0].train.loss - last(evaluations).train.loss).toBeLessThan(0.05);
    // the learner presses Find LR after 10 epochs, then "Use lr = …": a live change of the rate
    const found = findLr(config, {}, built.setup.model.stateDict());
    expect(found.suggestion).toBeGreaterThan(0.003);
    expect(found.suggestion).toBeLessThan(0.05);
    expect(found.minimum! / found.suggestion!).toBeCloseTo(10, 6);
    expect(found.steepest!).toBeLessThan(found.minimum!);
    for (const group of built.setup.optimizer.paramGroups) group.lr = Number(found.suggestion!.toPrecision(2));
    while (built.trainer.canStep) built.trainer.runEpoch();
    // (run's onEvaluation goes on collecting)
    expect(evaluations.length).toBe(200);
    expect(accuracy(last(evaluations))).toBeGreaterThan(0.9);
    // left at 1e-4 it is still far behind at the end
    const { evaluations: crawl } = run(config);
    expect(accuracy(last(evaluations)) - accuracy(last(crawl))).toBeGreaterThan(0.15);
  });

  it('stepLR: the rate falls tenfold at epoch 60 and the loss drops right after', () => {
    const { evaluations } = run(experimentConfig('stepLR'), 70);
    const mean = (from: number, to: number) => {
      const xs = evaluations.filter((e) => e.epoch > from && e.epoch <= to).map((e) => e.train.loss);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean(60, 70)).toBeLessThan(0.85 * mean(50, 60));
  });

  it('classImbalance: 95 % accuracy hides a minority class never found; both fixes find it', () => {
    const plain = last(run(experimentConfig('classImbalance')).evaluations);
    expect(accuracy(plain)).toBeGreaterThan(0.9);
    expect(plain.validation.classification!.recall[1]).toBeLessThan(0.2);
    const weighted = last(run(with_('classImbalance', (c) => void (c.loss.classWeights = 'balanced'))).evaluations);
    const sampled = last(run(with_('classImbalance', (c) => void (c.training.sampler = 'weighted'))).evaluations);
    expect(weighted.validation.classification!.recall[1]).toBeGreaterThan(0.6);
    expect(sampled.validation.classification!.recall[1]).toBeGreaterThan(0.6);
  });

  it('zeroInit: all-zero weights never leave ln 2 (every unit the same, no gradient)', () => {
    const { evaluations } = run(experimentConfig('zeroInit'), 40);
    expect(last(evaluations).train.loss).toBeCloseTo(Math.log(2), 2);
    expect(accuracy(last(evaluations))).toBeLessThan(0.6);
  });

  it('largeInit: weights drawn with std 2 start with a loss many times ln 2', () => {
    const { evaluations } = run(experimentConfig('largeInit'), 1);
    expect(evaluations[0].train.loss).toBeGreaterThan(4 * Math.log(2));
  });

  it('mseForClasses: after 40 epochs MSE is at least 10 points behind cross-entropy', () => {
    const mse = last(run(experimentConfig('mseForClasses')).evaluations);
    const crossEntropy = last(run(with_('mseForClasses', (c) => void (c.loss.type = 'crossEntropy'))).evaluations);
    expect(accuracy(mse)).toBeLessThan(accuracy(crossEntropy) - 0.1);
  });

  it('noZeroGrad: without zero_grad the loss ends higher than it started', () => {
    const { evaluations } = run(experimentConfig('noZeroGrad'), 20);
    expect(last(evaluations).train.loss).toBeGreaterThan(evaluations[0].train.loss + 0.1);
  });

  it('overfitting: training loss goes to 0 while validation loss ends at twice its best', () => {
    const { evaluations } = run(experimentConfig('overfitting'));
    const best = Math.min(...evaluations.map((e) => e.validation.loss));
    expect(last(evaluations).train.loss).toBeLessThan(0.01);
    expect(last(evaluations).validation.loss).toBeGreaterThan(2 * best);
  });

  it('earlyStopping: the same run stops long before 300 epochs and keeps its best weights', () => {
    const { built, evaluations } = run(experimentConfig('earlyStopping'));
    expect(built.trainer.status.state).toBe('earlyStopped');
    expect(last(evaluations).epoch).toBeLessThan(60);
    const best = Math.min(...evaluations.map((e) => e.validation.loss));
    expect(built.trainer.evaluate().validation.loss).toBeCloseTo(best, 5);
  });
});
