import { describe, expect, it } from 'vitest';
import { tensor, randn, Generator, Tensor, softmax, logSoftmax } from '../index';
import fixture from './fixtures/ops_softmax.json';
import { describePytorchParity, expectGradcheck, type OpsFixture } from './ops.fixture';

const g = new Generator(13);
const r = (...shape: number[]): Tensor => randn(shape, { generator: g });

describe('softmax and logSoftmax', () => {
  const logits = tensor([[1, 2, 3], [1, 1, 1]]);
  const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
  const z = e[0] + e[1] + e[2];
  it('normalise along dim 1', () => {
    expect(softmax(logits, 1)).toBeAllclose([[e[0] / z, e[1] / z, e[2] / z], [1 / 3, 1 / 3, 1 / 3]]);
    expect(logSoftmax(logits, -1)).toBeAllclose([[1 - Math.log(z), 2 - Math.log(z), 3 - Math.log(z)], [-Math.log(3), -Math.log(3), -Math.log(3)]]);
  });
  it('normalise along dim 0', () => {
    const s = softmax(logits, 0);
    const col = [1 / (1 + Math.exp(-0)), 1 / (1 + Math.exp(-1)), 1 / (1 + Math.exp(-2))];
    expect(s).toBeAllclose([col, col.map((p) => 1 - p)]);
    expect(logSoftmax(logits, 0)).toBeAllclose(s.log());
  });
  it('stay finite for logits of ±1000', () => {
    const big = tensor([[1000, 0, -1000], [1000, 1000, 1000]]);
    const s = softmax(big, 1);
    expect(s).toBeAllclose([[1, 0, 0], [1 / 3, 1 / 3, 1 / 3]]);
    expect(logSoftmax(big, 1)).toBeAllclose([[0, -1000, -2000], [-Math.log(3), -Math.log(3), -Math.log(3)]]);
    const x = tensor([[1000, 999]], { requiresGrad: true });
    logSoftmax(x, 1).backward(tensor([[1, 0]]));
    expect(x.grad!.data.every(Number.isFinite)).toBe(true);
  });
  it('give probability 0 to a -inf logit (masking)', () => {
    expect(softmax(tensor([0, -Infinity, 0]), 0)).toBeAllclose([0.5, 0, 0.5]);
  });
  it('gradients along each dim (central differences)', () => {
    expectGradcheck((t) => softmax(t, 1), [r(3, 4)]);
    expectGradcheck((t) => softmax(t, 0), [r(3, 4)]);
    expectGradcheck((t) => logSoftmax(t, 1), [r(3, 4)]);
    expectGradcheck((t) => logSoftmax(t, 0), [r(3, 4)]);
    expectGradcheck((t) => logSoftmax(t, 1), [r(2, 3, 2)]);
  });
});

describePytorchParity(fixture as OpsFixture);
