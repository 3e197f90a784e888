/**
 * Checkpoints (issue 13.3): saved, written as JSON, read back and restored into a fresh experiment,
 * the model measures the same validation loss and, saved at an epoch's end, trains on exactly as
 * the original run does: weights, BatchNorm buffers, Adam's moments, the schedule and the random
 * generator all come back. A file that does not fit is refused with a message naming what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { buildExperiment } from '../train/build';
import { defaultConfig, defaultScheduler, type ExperimentConfig } from '../train/config';
import { makeCheckpoint, readCheckpoint, restoreCheckpoint } from '../train/checkpoint';
import type { EvaluationRecord } from '../train/trainer';

function experiment(): ExperimentConfig {
  const c = defaultConfig();
  c.model = { ...c.model, batchNorm: true, dropout: 0.1 };
  c.scheduler = { ...defaultScheduler('stepLR'), interval: 'step', stepSize: 30, gamma: 0.5 } as ExperimentConfig['scheduler'];
  c.training.epochs = 12;
  return c;
}

function trained(config: ExperimentConfig, epochs: number) {
  const losses: number[] = [];
  const evaluations: EvaluationRecord[] = [];
  const built = buildExperiment(config, {}, { onStep: (s) => losses.push(s.loss), onEvaluation: (e) => evaluations.push(e) });
  for (let e = 0; e < epochs; e++) built.trainer.runEpoch();
  return { built, losses, evaluations };
}

describe('checkpoints', () => {
  it('round-trip through JSON: the same validation loss, then the same next 120 losses as the run that went on', () => {
    const config = experiment();
    const original = trained(config, 5);
    const saved = makeCheckpoint(original.built, config, original.evaluations.at(-1)!.validation.loss);
    const text = JSON.stringify(saved);
    const read = readCheckpoint(text);
    if (!read.ok) throw new Error(read.error);
    expect(Object.keys(read.checkpoint.model)).toEqual(['0.weight', '0.bias', '1.weight', '1.bias', '1.running_mean', '1.running_var', '1.num_batches_tracked', '4.weight', '4.bias', '5.weight', '5.bias', '5.running_mean', '5.running_var', '5.num_batches_tracked', '8.weight', '8.bias']);

    const losses: number[] = [];
    const evaluations: EvaluationRecord[] = [];
    const restored = buildExperiment(read.config, {}, { onStep: (s) => losses.push(s.loss), onEvaluation: (e) => evaluations.push(e) });
    restoreCheckpoint(restored, read.checkpoint);
    expect(restored.trainer.status).toMatchObject({ step: 100, epoch: 5, samplesSeen: original.built.trainer.status.samplesSeen });
    // the divergence test goes on from the run's first loss (ln 2 here), not the first after the load
    expect(restored.trainer.lossBaseline()).toEqual(original.built.trainer.lossBaseline());
    expect(restored.trainer.lossBaseline().first).toBeGreaterThan(0.6);
    expect(restored.setup.optimizer.paramGroups[0].lr).toBe(original.built.setup.optimizer.paramGroups[0].lr);
    expect(restored.setup.optimizer.paramGroups[0].lr).toBeCloseTo(0.01 * 0.5 ** 3, 12);
    const measured = restored.trainer.evaluate();
    expect(measured.validation.loss).toBeCloseTo(saved.validationLoss!, 6);

    for (let e = 0; e < 6; e++) {
      original.built.trainer.runEpoch();
      restored.trainer.runEpoch();
    }
    expect(losses).toHaveLength(120);
    expect(losses).toEqual(original.losses.slice(100, 220));
    expect(evaluations.at(-1)!.validation.loss).toBe(original.evaluations.at(-1)!.validation.loss);
  });

  it('restores ReduceLROnPlateau where it stood', () => {
    const config = defaultConfig();
    config.scheduler = { ...defaultScheduler('reduceLROnPlateau'), patience: 1, factor: 0.5 } as ExperimentConfig['scheduler'];
    config.optimizer.lr = 0.3; // too large: no improvement, so the plateau cuts the rate
    const original = trained(config, 8);
    const state = makeCheckpoint(original.built, config, null);
    expect(state.scheduler).toHaveProperty('plateau');
    const restored = buildExperiment(config, {});
    restoreCheckpoint(restored, JSON.parse(JSON.stringify(state)));
    expect(restored.setup.optimizer.paramGroups[0].lr).toBe(original.built.setup.optimizer.paramGroups[0].lr);
    expect(restored.setup.scheduler!.state()).toEqual(original.built.setup.scheduler!.state());
  });

  it('refuses files that are not checkpoints, or do not fit, with a message that names the problem', () => {
    const config = defaultConfig();
    const good = makeCheckpoint(buildExperiment(config, {}), config, null);
    const bad = (change: (c: Record<string, any>) => void) => {
      const c = JSON.parse(JSON.stringify(good));
      change(c);
      return JSON.stringify(c);
    };
    const error = (text: string) => {
      const read = readCheckpoint(text);
      return read.ok ? null : read.error;
    };
    expect(error('')).toBe('The file is empty.');
    expect(error('x,y\n1,2')).toMatch(/^The file is not JSON \(.+\); a checkpoint is the \.json file "Save model" writes\.$/s);
    expect(error('{"a": 1}')).toMatch(/not a Training Playground checkpoint/);
    expect(error(bad((c) => (c.version = 2)))).toMatch(/version 2; this page reads version 1/);
    expect(error(bad((c) => (c.config.optimizer.lr = -1)))).toMatch(/experiment cannot be used: optimizer\.lr/);
    expect(error(bad((c) => (c.model['0.weight'].data = c.model['0.weight'].data.slice(1))))).toBe('The model\'s "0.weight" has 31 numbers for shape [16, 2] (32).');
    expect(error(bad((c) => (c.model['0.bias'].data[3] = null)))).toBe('The model\'s "0.bias" holds a value that is not a finite number.');
    expect(error(bad((c) => delete c.optimizer))).toMatch(/no valid "optimizer"/);
    expect(error(JSON.stringify(good))).toBeNull();

    // a file of another model: named keys, named shapes
    const wider = structuredClone(config);
    wider.model.hiddenLayers = [32, 16];
    const other = readCheckpoint(JSON.stringify(makeCheckpoint(buildExperiment(wider, {}), wider, null)));
    if (!other.ok) throw new Error(other.error);
    expect(() => restoreCheckpoint(buildExperiment(config, {}), other.checkpoint)).toThrow("The checkpoint's 0.weight has shape [32, 2]; this model's is [16, 2].");
    const deeper = structuredClone(config);
    deeper.model.hiddenLayers = [16, 16, 16];
    const third = readCheckpoint(JSON.stringify(makeCheckpoint(buildExperiment(deeper, {}), deeper, null)));
    if (!third.ok) throw new Error(third.error);
    expect(() => restoreCheckpoint(buildExperiment(config, {}), third.checkpoint)).toThrow(/does not fit this experiment's \(unexpected 6\.weight, 6\.bias\)/);
  });
});
