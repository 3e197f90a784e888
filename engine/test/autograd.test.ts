import { describe, expect, it } from 'vitest';
import { tensor, noGrad, ones } from '../index';

describe('autograd basics', () => {
  it('accumulates gradients across backward calls until zeroed, like PyTorch', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    x.mul(x).sum().backward();
    expect(x.grad).toBeAllclose([2, 4, 6]);
    x.mul(x).sum().backward();
    expect(x.grad).toBeAllclose([4, 8, 12]);
  });

  it('sends gradient through a shared subexpression once per use', () => {
    const a = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    const b = a.mul(2);
    const y = b.add(b.mul(b)).sum(); // Σ 2a + 4a²  → d/da = 2 + 8a
    y.backward();
    expect(a.grad).toBeAllclose([[10, 18], [26, 34]]);
  });

  it('broadcasts in forward and sums back in backward', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
    const b = tensor([10, 20, 30], { requiresGrad: true });
    const y = x.add(b);
    expect(y).toBeAllclose([[11, 22, 33], [14, 25, 36]]);
    y.sum().backward();
    expect(b.grad).toBeAllclose([2, 2, 2]);
    expect(x.grad).toBeAllclose(ones([2, 3]));
  });

  it('records nothing inside noGrad and frees the graph after backward', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = noGrad(() => x.mul(3));
    expect(y.requiresGrad).toBe(false);
    const z = x.exp().sum();
    z.backward();
    expect(() => z.backward()).toThrow(/second time/);
  });

  it('handles a 10 000-op chain without overflowing the stack', () => {
    const x = tensor([1], { requiresGrad: true });
    let y = x;
    for (let i = 0; i < 10000; i++) y = y.add(1);
    y.sum().backward();
    expect(x.grad).toBeAllclose([1]);
    expect(y.item()).toBe(10001);
  });
});
