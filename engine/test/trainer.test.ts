/** The training loop: learning, evaluation metrics, early stopping, divergence, zero_grad. */
import { describe, expect, it } from 'vitest';
import { Generator, Tensor, data, manualSeed, nn, optim } from '../index';
import { Trainer, type TrainerSettings, type TrainerSetup } from '../train/trainer';
import { classificationMetrics, regressionMetrics } from '../train/metrics';

const { sets } = data;

function split(points: data.sets.ClassificationData, seed: number) {
  const parts = sets.trainValidationSplit(points, 0.25, new Generator(seed));
  const asTensors = (d: data.sets.ClassificationData) => ({
    x: new Tensor(d.x, [d.n, d.features]),
    y: new Tensor(d.y, [d.n]),
  });
  return { train: asTensors(parts.train), validation: asTensors(parts.validation) };
}

const baseSettings: TrainerSettings = {
  epochs: 30,
  zeroGrad: true,
  clipGradNorm: null,
  evalEverySteps: 0,
  earlyStopping: { enabled: false, patience: 5, minDelta: 0, restoreBestWeights: true },
};

function circlesSetup(overrides: { lr?: number; optimizer?: 'adam' | 'sgd'; settings?: Partial<TrainerSettings>; n?: number; hidden?: number; batchSize?: number } = {}): TrainerSetup {
  manualSeed(1);
  const g = new Generator(2);
  const points = sets.makeCircles({ n: overrides.n ?? 300, noise: 0.05 }, g);
  const { train, validation } = split(points, 3);
  const hidden = overrides.hidden ?? 12;
  const model = new nn.Sequential(new nn.Linear(2, hidden), new nn.ReLU(), new nn.Linear(hidden, hidden), new nn.ReLU(), new nn.Linear(hidden, 2));
  const optimizer =
    overrides.optimizer === 'sgd'
      ? new optim.SGD(model.parameters(), { lr: overrides.lr ?? 0.1 })
      : new optim.Adam(model.parameters(), { lr: overrides.lr ?? 0.02 });
  return {
    model,
    lossFn: new nn.CrossEntropyLoss(),
    optimizer,
    scheduler: null,
    trainLoader: new data.DataLoader(new data.TensorDataset(train.x, train.y), { batchSize: overrides.batchSize ?? 16, shuffle: true, generator: g }),
    train,
    validation,
    task: 'classification',
    outputs: 2,
    settings: { ...baseSettings, ...overrides.settings },
  };
}

describe('Trainer', () => {
  it('learns circles: validation loss falls and accuracy rises above 95 %', () => {
    const trainer = new Trainer(circlesSetup());
    const first = trainer.evaluate();
    let last = first;
    while (trainer.canStep) {
      trainer.runEpoch();
    }
    last = trainer.evaluate();
    expect(trainer.status.state).toBe('finished');
    expect(trainer.status.epoch).toBe(30);
    expect(last.validation.loss).toBeLessThan(0.3 * first.validation.loss);
    expect(last.validation.classification!.accuracy).toBeGreaterThan(0.95);
    expect(trainer.status.samplesSeen).toBe(30 * trainer.setup.train.x.shape[0]);
  });

  it('reports every step: loss, lr, gradient norms per layer and update ratios', () => {
    const records: number[] = [];
    const trainer = new Trainer(circlesSetup(), { onStep: (r) => records.push(r.gradNorm) });
    const r = trainer.step()!;
    expect(r.step).toBe(1);
    expect(r.lr).toBe(0.02);
    expect(r.layerGradNorms).toHaveLength(3);
    expect(Math.hypot(...r.layerGradNorms)).toBeCloseTo(r.gradNorm, 10);
    expect(r.updateRatios.every((u) => u > 0 && u < 1)).toBe(true);
    expect(records).toEqual([r.gradNorm]);
  });

  it('stops on a non-finite loss with reason diverged and the step', () => {
    const trainer = new Trainer(circlesSetup({ optimizer: 'sgd', lr: 1e6 }));
    for (let i = 0; i < 200 && trainer.canStep; i++) trainer.step();
    expect(trainer.status.state).toBe('diverged');
    expect(trainer.status.divergedAtStep).toBeGreaterThan(0);
    expect(trainer.status.reason).toMatch(/step \d+|epoch/);
    expect(trainer.step()).toBeNull();
  });

  it('stops early when validation stops improving and restores the best weights', () => {
    // A tiny training set and a wide net overfit, so the validation loss turns upward.
    const trainer = new Trainer(
      circlesSetup({ n: 40, hidden: 64, lr: 0.05, settings: { epochs: 500, earlyStopping: { enabled: true, patience: 5, minDelta: 0, restoreBestWeights: true } } }),
    );
    while (trainer.canStep) trainer.runEpoch();
    expect(trainer.status.state).toBe('earlyStopped');
    expect(trainer.status.epoch).toBeLessThan(500);
    expect(trainer.status.bestEpoch).toBe(trainer.status.epoch - 5);
    const restored = trainer.evaluate();
    expect(restored.validation.loss).toBeCloseTo(trainer.status.bestValidationLoss!, 5);
  });

  it('without zero_grad the gradients pile up: the norm grows step after step', () => {
    const trainer = new Trainer(circlesSetup({ optimizer: 'sgd', lr: 1e-4, batchSize: 1000, settings: { zeroGrad: false } }));
    const norms = Array.from({ length: 8 }, () => trainer.step()!.gradNorm);
    for (let i = 1; i < norms.length; i++) expect(norms[i]).toBeGreaterThan(norms[i - 1]);
    expect(norms[7]).toBeGreaterThan(5 * norms[0]);
    // With zero_grad on, the same run keeps the norm flat.
    const control = new Trainer(circlesSetup({ optimizer: 'sgd', lr: 1e-4, batchSize: 1000 }));
    const flat = Array.from({ length: 8 }, () => control.step()!.gradNorm);
    expect(flat[7]).toBeLessThan(1.1 * flat[0]);
  });
});

describe('metrics', () => {
  it('confusion matrix, precision and recall', () => {
    const logits = new Float32Array([2, 1, 0, 3, 5, 1, 0, 1]); // predictions: 0, 1, 0, 1
    const targets = new Float32Array([0, 1, 1, 1]);
    const m = classificationMetrics(logits, targets, 2);
    expect(m.confusion).toEqual([[1, 0], [1, 2]]);
    expect(m.accuracy).toBe(0.75);
    expect(m.precision).toEqual([0.5, 1]);
    expect(m.recall[0]).toBe(1);
    expect(m.recall[1]).toBeCloseTo(2 / 3, 12);
  });

  it('R² is 0 for the mean and 1 for a perfect fit', () => {
    const y = new Float32Array([1, 2, 3, 4]);
    expect(regressionMetrics(new Float32Array([2.5, 2.5, 2.5, 2.5]), y).r2).toBe(0);
    expect(regressionMetrics(y, y)).toEqual({ mse: 0, mae: 0, r2: 1 });
    expect(regressionMetrics(new Float32Array([1, 2, 3, 6]), y).mae).toBe(0.5);
  });
});
