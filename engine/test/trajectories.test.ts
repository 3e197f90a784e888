/**
 * Whole-training parity with PyTorch: the same MLP, initial weights and batches give the same loss
 * at every one of 100 steps (relative difference ≤ 1e-5), for each optimizer, loss and scheduler.
 * Fixture: scripts/fixtures/gen_trajectories.py.
 */
import { describe, expect, it } from 'vitest';
import { Tensor, nn, optim, tensor, type NestedArray } from '../index';
import fixture from './fixtures/trajectories.json';

type Options = Record<string, unknown>;
interface Case {
  name: string;
  optimizer: { type: string; options: Options };
  loss?: { type: string; options: Options };
  scheduler?: { type: string; options: Options };
  clipGradNorm?: number;
  losses: number[];
  lrs: number[];
  finalState: Record<string, NestedArray>;
}

function stateOf(raw: Record<string, NestedArray>): Record<string, Tensor> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, tensor(v)]));
}

function makeModel(outputs: number): nn.Sequential {
  return new nn.Sequential(
    new nn.Linear(4, 16), new nn.Tanh(),
    new nn.Linear(16, 16), new nn.ReLU(),
    new nn.Linear(16, outputs),
  );
}

function makeOptimizer(spec: Case['optimizer'], params: Tensor[]): optim.Optimizer {
  const o = spec.options;
  switch (spec.type) {
    case 'SGD': return new optim.SGD(params, o);
    case 'Adam': return new optim.Adam(params, o);
    case 'AdamW': return new optim.AdamW(params, o);
    case 'RMSprop': return new optim.RMSprop(params, o);
    case 'Adagrad': return new optim.Adagrad(params, o);
    default: throw new Error(`no optimizer ${spec.type}`);
  }
}

function makeLoss(spec: Case['loss']): nn.Module {
  if (spec?.type === 'MSELoss') return new nn.MSELoss();
  const o = { ...(spec?.options ?? {}) };
  if (Array.isArray(o.weight)) o.weight = tensor(o.weight as number[]);
  return new nn.CrossEntropyLoss(o);
}

function makeScheduler(spec: Case['scheduler'], optimizer: optim.Optimizer): { step(): void } | null {
  if (!spec) return null;
  const s = optim.lrScheduler;
  const o = spec.options;
  switch (spec.type) {
    case 'StepLR': return new s.StepLR(optimizer, o as { stepSize: number });
    case 'OneCycleLR': return new s.OneCycleLR(optimizer, o as { maxLr: number });
    case 'CosineAnnealingLR': return new s.CosineAnnealingLR(optimizer, o as { tMax: number });
    default: throw new Error(`no scheduler ${spec.type}`);
  }
}

const x = tensor(fixture.x);
const labels = tensor(fixture.labels);
const regressionTargets = tensor(fixture.regressionTargets);
const batches = fixture.batches.map((b) => tensor(b));

describe('100-step training trajectories equal PyTorch', () => {
  for (const c of fixture.cases as Case[]) {
    it(c.name, () => {
      const regression = c.loss?.type === 'MSELoss';
      const model = makeModel(regression ? 2 : 3);
      model.loadStateDict(stateOf((regression ? fixture.regressionState : fixture.initialState) as Record<string, NestedArray>));
      const optimizer = makeOptimizer(c.optimizer, model.parameters());
      const lossFn = makeLoss(c.loss);
      const scheduler = makeScheduler(c.scheduler, optimizer);
      const losses: number[] = [];
      const lrs: number[] = [];
      for (const batch of batches) {
        const xb = x.indexSelect(0, batch);
        const yb = (regression ? regressionTargets : labels).indexSelect(0, batch);
        optimizer.zeroGrad();
        const loss = lossFn.forward(model.forward(xb), yb) as Tensor;
        loss.backward();
        if (c.clipGradNorm !== undefined) optim.clipGradNorm(model.parameters(), c.clipGradNorm);
        lrs.push(optimizer.paramGroups[0].lr);
        optimizer.step();
        scheduler?.step();
        losses.push(loss.item());
      }
      const worst = Math.max(...losses.map((l, i) => Math.abs(l - c.losses[i]) / Math.abs(c.losses[i])));
      if (process.env.TRAJECTORY_REPORT) console.log(`${c.name}: worst relative loss difference ${worst.toExponential(2)}`);
      expect(lrs).toBeAllclose(c.lrs, { rtol: 1e-9, atol: 0 });
      expect(losses).toBeAllclose(c.losses, { rtol: 1e-5, atol: 0 });
      const final = model.stateDict();
      for (const [key, value] of Object.entries(c.finalState)) {
        expect(final[key]).toBeAllclose(value, { rtol: 1e-4, atol: 1e-5 });
      }
      // The run learned something: the last loss is well below the first.
      expect(losses[losses.length - 1]).toBeLessThan(0.8 * losses[0]);
    });
  }
});
