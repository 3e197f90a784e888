/**
 * The playground's lessons are true in numbers, for experiments built from ExperimentConfig the way
 * the worker builds them: learning happens, and each knob does what the tutorial says it does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../train/config';
import { buildExperiment, type BuiltExperiment } from '../train/build';
import { filesFor } from '../train/data';
import type { EvaluationRecord } from '../train/trainer';

type Patch = { [K in keyof ExperimentConfig]?: Partial<ExperimentConfig[K]> };

function config(patch: Patch): ExperimentConfig {
  const base = defaultConfig();
  const out = { ...base } as Record<string, unknown>;
  for (const [section, values] of Object.entries(patch)) {
    out[section] = { ...(base as unknown as Record<string, object>)[section], ...(values as object) };
  }
  return out as unknown as ExperimentConfig;
}

function texts(c: ExperimentConfig): Record<string, string> {
  return Object.fromEntries(filesFor(c.data.dataset).map((f) => [f, readFileSync(`public/datasets/${f}`, 'utf8')]));
}

function run(c: ExperimentConfig): { built: BuiltExperiment; evaluations: EvaluationRecord[] } {
  const evaluations: EvaluationRecord[] = [];
  const built = buildExperiment(c, texts(c), { onEvaluation: (e) => evaluations.push(e) });
  while (built.trainer.canStep) built.trainer.runEpoch();
  return { built, evaluations };
}

const last = <T>(xs: T[]): T => xs[xs.length - 1];

describe('learning happens with the defaults', () => {
  it('spiral (2 arms, noise 0.1) reaches ≥ 95 % validation accuracy', () => {
    const c = defaultConfig();
    expect(c.data.dataset).toBe('spiral');
    const { evaluations } = run(c);
    expect(last(evaluations).validation.classification!.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('digits reaches ≥ 93 % validation accuracy', () => {
    const { evaluations } = run(config({ data: { dataset: 'digits' }, training: { ...defaultConfig().training, epochs: 40 } }));
    expect(last(evaluations).validation.classification!.accuracy).toBeGreaterThanOrEqual(0.93);
  });

  it('the diabetes MLP beats predicting the mean (validation R² > 0.35)', () => {
    const base = defaultConfig();
    const { evaluations } = run(
      config({
        data: { dataset: 'diabetes' },
        loss: { ...base.loss, type: 'mse' },
        training: { ...base.training, epochs: 60, earlyStopping: { ...base.training.earlyStopping, enabled: true, patience: 10, restoreBestWeights: true } },
      }),
    );
    const best = Math.max(...evaluations.map((e) => e.validation.regression!.r2));
    expect(best).toBeGreaterThan(0.35);
  });
});

describe('the learning-rate lessons', () => {
  it('lr 10 with SGD diverges and says at which step', () => {
    const { built } = run(config({ optimizer: { type: 'sgd', lr: 10, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 } as never }));
    expect(built.trainer.status.state).toBe('diverged');
    expect(built.trainer.status.divergedAtStep).toBeGreaterThan(0);
    expect(built.trainer.status.divergedAtStep).toBeLessThan(4000);
  });

  it('lr 1e-5 leaves the loss within 5 % of where it started after 200 steps', () => {
    const c = config({ optimizer: { type: 'sgd', lr: 1e-5, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 } as never });
    const built = buildExperiment(c, texts(c));
    const start = built.trainer.evaluate().train.loss;
    for (let i = 0; i < 200; i++) built.trainer.step();
    const end = built.trainer.evaluate().train.loss;
    expect(built.trainer.status.step).toBe(200);
    expect(Math.abs(end - start) / start).toBeLessThan(0.05);
  });
});

describe('class imbalance: breast cancer at 1:20', () => {
  const base = defaultConfig();
  const imbalanced = (loss: Partial<ExperimentConfig['loss']>, sampler: 'none' | 'weighted') =>
    config({
      data: { dataset: 'breastCancer', imbalance: 20, validationFraction: 0.5 },
      model: { ...base.model, hiddenLayers: [8] },
      loss: { ...base.loss, ...loss },
      optimizer: { type: 'sgd', lr: 0.01, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 } as never,
      training: { ...base.training, epochs: 8, sampler },
    });
  // malignant (class 0) is the minority after subsampling to 1:20
  const minorityRecall = (c: ExperimentConfig) => {
    const { evaluations } = run(c);
    return last(evaluations).validation.classification!.recall[0];
  };

  it('balanced class weights and weighted sampling both raise minority-class recall', () => {
    const plain = minorityRecall(imbalanced({}, 'none'));
    const weighted = minorityRecall(imbalanced({ classWeights: 'balanced' }, 'none'));
    const sampled = minorityRecall(imbalanced({}, 'weighted'));
    expect(weighted).toBeGreaterThan(plain + 0.2);
    expect(sampled).toBeGreaterThan(plain + 0.2);
  });
});

describe('overfitting and its cures', () => {
  const base = defaultConfig();
  const overfit = (patch: Patch = {}) =>
    config({
      data: { dataset: 'moons', points: 40, noise: 0.5, validationFraction: 0.5 },
      model: { ...base.model, hiddenLayers: [128, 128], ...patch.model },
      optimizer: { ...base.optimizer, ...patch.optimizer } as never,
      training: { ...base.training, epochs: 300 },
    });
  const gap = (evaluations: EvaluationRecord[]) => last(evaluations).validation.loss - last(evaluations).train.loss;

  it('with a tiny training set and a wide net, validation loss rises while training loss falls', () => {
    const { evaluations } = run(overfit());
    const bestValidation = Math.min(...evaluations.map((e) => e.validation.loss));
    expect(last(evaluations).train.loss).toBeLessThan(evaluations[0].train.loss * 0.2);
    expect(last(evaluations).validation.loss).toBeGreaterThan(bestValidation * 1.5);
  });

  it('weight decay narrows the gap between validation and training loss', () => {
    const plain = gap(run(overfit()).evaluations);
    const decay = gap(run(overfit({ optimizer: { weightDecay: 0.01 } as never })).evaluations);
    expect(decay).toBeLessThan(0.5 * plain);
  });

  it('dropout narrows the gap between training and validation accuracy', () => {
    // Dropout keeps the net from memorising single points; it does not stop 300 epochs of Adam
    // from growing overconfident on the points it gets wrong, so the accuracy shows it best.
    const accuracyGap = (evaluations: EvaluationRecord[]) => {
      const e = last(evaluations);
      return e.train.classification!.accuracy - e.validation.classification!.accuracy;
    };
    const plain = run(overfit()).evaluations;
    const dropout = run(overfit({ model: { dropout: 0.5 } })).evaluations;
    expect(accuracyGap(dropout)).toBeLessThan(accuracyGap(plain) - 0.05);
    expect(last(dropout).validation.classification!.accuracy).toBeGreaterThan(last(plain).validation.classification!.accuracy);
  });
});

describe('the zero_grad lesson', () => {
  it('skipping zero_grad makes gradient norms grow step after step', () => {
    const base = defaultConfig();
    const c = config({
      optimizer: { type: 'sgd', lr: 1e-4, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 } as never,
      training: { ...base.training, zeroGrad: false, batchSize: 1000 },
    });
    const built = buildExperiment(c);
    const norms = Array.from({ length: 10 }, () => built.trainer.step()!.gradNorm);
    for (let i = 1; i < norms.length; i++) expect(norms[i]).toBeGreaterThan(norms[i - 1]);
    expect(norms[9]).toBeGreaterThan(6 * norms[0]);
  });
});
