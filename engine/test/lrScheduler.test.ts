/**
 * Every learning-rate scheduler against torch 1.13 (scripts/fixtures/gen_optim.py): the lr of
 * every group (and momentum / β₁ where it cycles) after construction and after each step.
 */
import { describe, expect, it } from 'vitest';
import { Tensor, optim, zeros } from '../index';
import fixture from './fixtures/lrScheduler.json';

const { lrScheduler } = optim;
type Options = Record<string, unknown>;
interface Spec {
  type: string;
  options?: Options;
}
interface Case {
  name: string;
  optimizer: { type: string; options: Options; groups?: Options[] };
  scheduler: Spec;
  steps: number;
  lrs: number[][];
  momentums?: number[][];
  edits?: { step: number; group: number; key: string; value: number }[];
  metrics?: number[];
}
interface Steppable {
  step(metric: number): void;
  getLastLr(): number[];
}

function makeOptimizer(spec: Case['optimizer'], groupCount: number): optim.Optimizer {
  const groups = (spec.groups ?? Array.from({ length: groupCount }, () => ({}))).map((options) => ({
    ...options,
    params: [zeros([2], { requiresGrad: true })],
  }));
  const classes = { SGD: optim.SGD, Adam: optim.Adam };
  return new classes[spec.type as keyof typeof classes](groups, spec.options);
}

function makeScheduler(optimizer: optim.Optimizer, spec: Spec): Steppable {
  const o = (spec.options ?? {}) as never;
  switch (spec.type) {
    case 'StepLR': return new lrScheduler.StepLR(optimizer, o);
    case 'MultiStepLR': return new lrScheduler.MultiStepLR(optimizer, o);
    case 'ExponentialLR': return new lrScheduler.ExponentialLR(optimizer, o);
    case 'LinearLR': return new lrScheduler.LinearLR(optimizer, o);
    case 'CosineAnnealingLR': return new lrScheduler.CosineAnnealingLR(optimizer, o);
    case 'OneCycleLR': return new lrScheduler.OneCycleLR(optimizer, o);
    case 'CyclicLR': return new lrScheduler.CyclicLR(optimizer, o);
    case 'ReduceLROnPlateau': return new lrScheduler.ReduceLROnPlateau(optimizer, o);
    case 'SequentialLR': {
      const { schedulers, milestones } = spec.options as { schedulers: Spec[]; milestones: number[] };
      return new lrScheduler.SequentialLR(optimizer, {
        schedulers: schedulers.map((s) => makeScheduler(optimizer, s) as optim.lrScheduler.LRScheduler),
        milestones,
      });
    }
    default:
      throw new Error(`no scheduler ${spec.type}`);
  }
}

function momentumOf(group: optim.ParamGroup): number {
  const g = group as optim.ParamGroup & { momentum?: number; betas?: [number, number] };
  return g.betas ? g.betas[0] : (g.momentum as number);
}

describe('learning-rate schedulers against torch, step by step', () => {
  for (const c of fixture.cases as Case[]) {
    it(c.name, () => {
      const optimizer = makeOptimizer(c.optimizer, c.lrs[0].length);
      const scheduler = makeScheduler(optimizer, c.scheduler);
      const lrs = [optimizer.paramGroups.map((g) => g.lr)];
      const momentums = [optimizer.paramGroups.map(momentumOf)];
      expect(scheduler.getLastLr()).toEqual(lrs[0]);
      for (let k = 0; k < c.steps; k++) {
        optimizer.step();
        for (const edit of c.edits ?? []) {
          if (edit.step === k) optimizer.paramGroups[edit.group].lr = edit.value;
        }
        scheduler.step(c.metrics?.[k] as number); // ReduceLROnPlateau reads it; the others take none
        lrs.push(optimizer.paramGroups.map((g) => g.lr));
        momentums.push(optimizer.paramGroups.map(momentumOf));
        expect(scheduler.getLastLr()).toEqual(lrs[k + 1]);
      }
      // Both sides compute in float64: equal but for the last bit where Math.cos or ** differ from C.
      expect(lrs).toBeAllclose(c.lrs, { rtol: 1e-12, atol: 0 });
      if (c.momentums) expect(momentums).toBeAllclose(c.momentums, { rtol: 1e-12, atol: 0 });
    });
  }
});

describe('scheduler behaviour a user relies on', () => {
  const sgd = (lr = 0.1): optim.SGD => new optim.SGD([zeros([1], { requiresGrad: true })], { lr, momentum: 0.9 });

  it('gives the starting lr right after construction, and advances one step per step()', () => {
    const optimizer = sgd();
    const scheduler = new lrScheduler.StepLR(optimizer, { stepSize: 2, gamma: 0.5 });
    expect(scheduler.getLastLr()).toEqual([0.1]);
    expect(scheduler.lastEpoch).toBe(0);
    scheduler.step();
    expect(scheduler.getLastLr()).toEqual([0.1]);
    scheduler.step();
    expect(scheduler.getLastLr()).toEqual([0.05]);
    expect(optimizer.paramGroups[0].lr).toBe(0.05);
  });

  it('carries on from an lr set by hand (chainable form)', () => {
    const optimizer = sgd();
    const scheduler = new lrScheduler.ExponentialLR(optimizer, { gamma: 0.5 });
    scheduler.step();
    optimizer.paramGroups[0].lr = 1;
    scheduler.step();
    expect(scheduler.getLastLr()).toEqual([0.5]);
  });

  it('restores its position from a JSON stateDict', () => {
    const optimizer = sgd();
    const scheduler = new lrScheduler.CosineAnnealingLR(optimizer, { tMax: 20 });
    for (let i = 0; i < 7; i++) scheduler.step();
    const saved = JSON.parse(JSON.stringify({ optimizer: optimizer.stateDict(), scheduler: scheduler.stateDict() }));
    const expected: number[] = [];
    for (let i = 0; i < 5; i++) {
      scheduler.step();
      expected.push(scheduler.getLastLr()[0]);
    }
    const optimizer2 = sgd(0.7);
    const scheduler2 = new lrScheduler.CosineAnnealingLR(optimizer2, { tMax: 20 });
    optimizer2.loadStateDict(saved.optimizer);
    scheduler2.loadStateDict(saved.scheduler);
    expect(scheduler2.lastEpoch).toBe(7);
    const resumed: number[] = [];
    for (let i = 0; i < 5; i++) {
      scheduler2.step();
      resumed.push(scheduler2.getLastLr()[0]);
    }
    expect(resumed).toEqual(expected);
  });

  it('SequentialLR and ReduceLROnPlateau round-trip through JSON too', () => {
    const optimizer = sgd();
    const warmUp = new lrScheduler.LinearLR(optimizer, { startFactor: 0.1, totalIters: 3 });
    const decay = new lrScheduler.ExponentialLR(optimizer, { gamma: 0.9 });
    const scheduler = new lrScheduler.SequentialLR(optimizer, { schedulers: [warmUp, decay], milestones: [3] });
    for (let i = 0; i < 5; i++) scheduler.step();
    const saved = JSON.parse(JSON.stringify(scheduler.stateDict()));
    scheduler.step();
    const next = scheduler.getLastLr();
    scheduler.loadStateDict(saved);
    optimizer.paramGroups[0].lr = saved.lastLr[0];
    scheduler.step();
    expect(scheduler.getLastLr()).toEqual(next);

    const plateau = new lrScheduler.ReduceLROnPlateau(sgd(), { patience: 0 });
    const fresh = JSON.parse(JSON.stringify(plateau.stateDict()));
    expect(fresh.best).toBeNull(); // no best yet (Infinity is not JSON)
    plateau.step(1);
    plateau.loadStateDict(fresh);
    expect(plateau.best).toBe(Infinity);
  });

  it('accepts a one-element tensor as the ReduceLROnPlateau metric', () => {
    const optimizer = sgd();
    const scheduler = new lrScheduler.ReduceLROnPlateau(optimizer, { patience: 0, factor: 0.5 });
    scheduler.step(new Tensor(new Float32Array([1]), []));
    scheduler.step(new Tensor(new Float32Array([2]), []));
    expect(scheduler.getLastLr()).toEqual([0.05]);
  });

  it('OneCycleLR cycles β₁ for Adam and refuses to run past totalSteps', () => {
    const adam = new optim.Adam([zeros([1], { requiresGrad: true })]);
    new lrScheduler.OneCycleLR(adam, { maxLr: 0.01, totalSteps: 100 });
    expect(adam.paramGroups[0].betas).toEqual([0.95, 0.999]);
    expect(adam.paramGroups[0].lr).toBeCloseTo(0.01 / 25, 15);
    const scheduler = new lrScheduler.OneCycleLR(sgd(), { maxLr: 0.01, totalSteps: 3 });
    scheduler.step();
    scheduler.step();
    scheduler.step();
    expect(() => scheduler.step()).toThrow('Tried to step 5 times. The specified number of total steps is 3');
  });

  it('explains bad settings in sentences', () => {
    const adagrad = new optim.Adagrad([zeros([1], { requiresGrad: true })]);
    expect(() => new lrScheduler.OneCycleLR(adagrad, { maxLr: 0.1, totalSteps: 10 })).toThrow(/no momentum to cycle/);
    expect(() => new lrScheduler.OneCycleLR(sgd(), { maxLr: 0.1 })).toThrow(
      'You must define either totalSteps OR (epochs AND stepsPerEpoch)',
    );
    expect(() => new lrScheduler.StepLR(sgd(), { stepSize: 0 })).toThrow(/stepSize/);
    expect(() => new lrScheduler.LinearLR(sgd(), { startFactor: 0 })).toThrow(/Starting multiplicative factor/);
    expect(() => new lrScheduler.ReduceLROnPlateau(sgd(), { factor: 1 })).toThrow('Factor should be < 1.0; got 1');
    const optimizer = sgd();
    const other = sgd();
    expect(
      () =>
        new lrScheduler.SequentialLR(optimizer, {
          schedulers: [new lrScheduler.StepLR(other, { stepSize: 1 })],
          milestones: [],
        }),
    ).toThrow(/same optimizer/);
    expect(
      () =>
        new lrScheduler.SequentialLR(optimizer, {
          schedulers: [new lrScheduler.StepLR(optimizer, { stepSize: 1 })],
          milestones: [3],
        }),
    ).toThrow(/one more than the number of milestone points/);
  });
});
