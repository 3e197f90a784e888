/** A seed reproduces a run bit for bit: initial weights, batches, dropout masks, whole training. */
import { describe, expect, it } from 'vitest';
import { Generator, Tensor, data, manualSeed, nn, optim, randn, tensor } from '../index';

function bytes(t: Tensor): number[] {
  return Array.from(new Uint32Array(t.data.buffer, t.data.byteOffset, t.data.length));
}

function train(seed: number): { losses: number[]; weights: number[][] } {
  manualSeed(seed);
  const g = new Generator(seed);
  const x = randn([60, 2], { generator: g });
  const y = tensor(Array.from({ length: 60 }, (_, i) => (x.data[2 * i] * x.data[2 * i + 1] > 0 ? 1 : 0)));
  const model = new nn.Sequential(new nn.Linear(2, 16), new nn.ReLU(), new nn.Dropout(0.3), new nn.Linear(16, 2));
  const optimizer = new optim.Adam(model.parameters(), { lr: 0.01 });
  const lossFn = new nn.CrossEntropyLoss();
  const loader = new data.DataLoader(new data.TensorDataset(x, y), { batchSize: 8, shuffle: true, generator: g });
  const losses: number[] = [];
  for (let epoch = 0; epoch < 3; epoch++) {
    for (const [xb, yb] of loader) {
      optimizer.zeroGrad();
      const loss = lossFn.forward(model.forward(xb), yb);
      loss.backward();
      optimizer.step();
      losses.push(loss.item());
    }
  }
  return { losses, weights: model.parameters().map(bytes) };
}

describe('determinism', () => {
  it('the same seed gives identical initial weights', () => {
    manualSeed(3);
    const a = new nn.Linear(5, 7);
    manualSeed(3);
    const b = new nn.Linear(5, 7);
    expect(bytes(a.weight)).toEqual(bytes(b.weight));
    expect(bytes(a.bias!)).toEqual(bytes(b.bias!));
    manualSeed(4);
    const c = new nn.Linear(5, 7);
    expect(bytes(c.weight)).not.toEqual(bytes(a.weight));
  });

  it('the same generator seed gives identical batches; another seed does not', () => {
    const ds = new data.TensorDataset(tensor(Array.from({ length: 50 }, (_, i) => i)));
    const order = (seed: number) =>
      [...new data.DataLoader(ds, { batchSize: 7, shuffle: true, generator: new Generator(seed) })].map((b) =>
        Array.from(b[0].data),
      );
    expect(order(5)).toEqual(order(5));
    expect(order(5)).not.toEqual(order(6));
  });

  it('the same seed gives identical dropout masks', () => {
    const mask = (seed: number) => {
      manualSeed(seed);
      const dropout = new nn.Dropout(0.5);
      return bytes(dropout.forward(tensor(new Array(200).fill(1))));
    };
    expect(mask(9)).toEqual(mask(9));
    expect(mask(9)).not.toEqual(mask(10));
  });

  it('a whole training run repeats bit for bit', () => {
    const a = train(21);
    const b = train(21);
    expect(a.losses).toEqual(b.losses);
    expect(a.weights).toEqual(b.weights);
    expect(train(22).losses).not.toEqual(a.losses);
  });
});
