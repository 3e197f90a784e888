/**
 * The step arena (engine/arena.ts): after warm-up a training step makes no typed array — every op
 * output and scratch array is lent from the pool — its numbers are those of a step without the
 * arena, and a tensor that outlives its scope fails loudly instead of reading recycled memory.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { arenaStats, manualSeed, nn, optim, randn, randint, stepScope, tensor, type Tensor } from '..';
import { backend, kernelsFor } from '../wasm/kernels';
import { defaultConfig, type ExperimentConfig } from '../train/config';
import { buildExperiment } from '../train/build';
import { filesFor } from '../train/data';

const originals = { Float32Array, Float64Array, Int32Array };

/** Counts the typed arrays made (by constructor, `from`, `of` or a view of a counted one) while `fn` runs. */
function countTypedArrays(fn: () => void): number {
  let count = 0;
  const counting = <T extends new (...args: never[]) => object>(Base: T): T =>
    class extends (Base as unknown as new (...args: unknown[]) => object) {
      constructor(...args: unknown[]) {
        super(...args);
        count++;
      }
    } as unknown as T;
  const g = globalThis as unknown as Record<string, unknown>;
  g.Float32Array = counting(originals.Float32Array);
  g.Float64Array = counting(originals.Float64Array);
  g.Int32Array = counting(originals.Int32Array);
  try {
    fn();
  } finally {
    Object.assign(g, originals);
  }
  return count;
}

afterEach(() => Object.assign(globalThis, originals));

interface Run {
  step: () => number;
  model: nn.Module;
}

/** A small classifier with every kind of layer the playground builds, trained on fixed batches. */
function classifier(kind: 'sgd' | 'adam', scoped: boolean): Run {
  manualSeed(7);
  const model = new nn.Sequential(
    new nn.Linear(20, 96),
    new nn.BatchNorm1d(96),
    new nn.ReLU(),
    new nn.Dropout(0.2),
    new nn.Linear(96, 64),
    new nn.Tanh(),
    new nn.Linear(64, 5),
  );
  const lossFn = new nn.CrossEntropyLoss({ weight: tensor([1, 2, 1, 0.5, 1]) });
  const optimizer =
    kind === 'sgd'
      ? new optim.SGD(model.parameters(), { lr: 0.05, momentum: 0.9, weightDecay: 1e-4 })
      : new optim.Adam(model.parameters(), { lr: 0.01 });
  const batches: [Tensor, Tensor][] = [0, 1, 2].map(() => [randn([32, 20]), randint(0, 5, [32])]);
  let next = 0;
  const body = (): number => {
    const [x, y] = batches[next++ % batches.length];
    optimizer.zeroGrad({ setToNone: false });
    const loss = lossFn.forward(model.forward(x), y);
    const value = loss.item();
    loss.backward();
    optimizer.step();
    return value;
  };
  return { model, step: () => (scoped ? stepScope(body) : body()) };
}

describe('a training step in a step scope', () => {
  it.each(['sgd', 'adam'] as const)('%s: makes no typed array after two warm-up steps, and its losses equal unscoped steps bit for bit', (kind) => {
    // one after the other: each seeds the generator its dropout masks come from
    const plain = classifier(kind, false);
    const plainLosses = Array.from({ length: 12 }, () => plain.step());
    const scoped = classifier(kind, true);
    const scopedLosses = [scoped.step(), scoped.step()];
    const before = arenaStats();
    const made = countTypedArrays(() => {
      for (let i = 0; i < 10; i++) scopedLosses.push(scoped.step());
    });
    const after = arenaStats();
    expect(made).toBe(0);
    expect(after.created).toBe(before.created);
    // every op output and scratch array of ten steps was lent from the pool (15 per step)
    expect(after.reused - before.reused).toBeGreaterThanOrEqual(10 * 15);
    expect(scopedLosses).toEqual(plainLosses);
    // and the weights end equal
    const a = plain.model.parameters().map((p) => Array.from(p.data));
    const b = scoped.model.parameters().map((p) => Array.from(p.data));
    expect(b).toEqual(a);
  });

  it('the trainer runs its steps in the arena: after warm-up a step of digits (batch norm, dropout) makes only the batch it is given', () => {
    const base = defaultConfig();
    const config: ExperimentConfig = {
      ...base,
      data: { ...base.data, dataset: 'digits' },
      model: { ...base.model, hiddenLayers: [64], batchNorm: true, dropout: 0.1 },
      training: { ...base.training, batchSize: 32, epochs: 2, seed: 3 },
    };
    const texts = Object.fromEntries(filesFor('digits').map((f) => [f, readFileSync(`public/datasets/${f}`, 'utf8')]));
    const { trainer } = buildExperiment(config, texts);
    for (let i = 0; i < 3; i++) trainer.step();
    const before = arenaStats();
    const losses: number[] = [];
    const made = countTypedArrays(() => {
      for (let i = 0; i < 10; i++) losses.push(trainer.step()!.loss);
    });
    expect(arenaStats().created).toBe(before.created);
    // The loader's sampler hands out index arrays of its own; the batch itself is lent.
    expect(made).toBeLessThanOrEqual(10 * 2);
    expect(losses.every(Number.isFinite)).toBe(true);
  });

  it('a tensor kept past its scope throws on item(); the returned one keeps its values through later steps', () => {
    const run = classifier('sgd', true);
    run.step();
    let leaked: Tensor | null = null;
    const returned = stepScope(() => {
      const x = randn([64, 20]);
      leaked = x.mul(2);
      return x.mul(3).sum();
    });
    const value = returned.item();
    for (let i = 0; i < 3; i++) run.step();
    expect(returned.item()).toBe(value);
    expect(() => leaked!.item()).toThrow(/freed when it ended/);
  });

  it('op outputs made in a scope live in the kernels\' WebAssembly heap (so the kernels read them in place)', () => {
    const name = backend();
    const inside = stepScope(() => {
      const y = randn([64, 128]).relu();
      return y;
    });
    const outside = randn([64, 128]).relu(); // a plain array, as before the arena
    if (name === 'js') {
      expect(inside.data.buffer).toBeInstanceOf(ArrayBuffer);
      return;
    }
    const heap = kernelsFor(name)!.heap;
    expect(heap.addressOf(inside.data)).toBeGreaterThan(0);
    expect(heap.addressOf(outside.data)).toBe(-1);
  });
});
