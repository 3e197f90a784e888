/** clipGradNorm and clipGradValue against torch.nn.utils (fixture: scripts/fixtures/gen_optim.py). */
import { describe, expect, it } from 'vitest';
import { Tensor, optim, tensor, zeros } from '../index';
import fixture from './fixtures/optimClipGrad.json';

function withGrads(): Tensor[] {
  return fixture.grads.map((values, i) => {
    const param = zeros(fixture.shapes[i], { requiresGrad: true });
    param.grad = tensor(values, { shape: fixture.shapes[i] });
    return param;
  });
}

describe('clipGradNorm against torch', () => {
  for (const c of fixture.norm) {
    const normType = c.normType === 'inf' ? Infinity : (c.normType as number);
    it(`maxNorm ${c.maxNorm}, normType ${normType}`, () => {
      const params = withGrads();
      const noGradient = zeros([3], { requiresGrad: true });
      const total = optim.clipGradNorm([...params, noGradient], c.maxNorm, normType);
      // Equal for p = 1, 2, ∞; for other p torch sums in float32 in its own order (we use float64).
      expect(total).toBeAllclose(c.totalNorm, { rtol: 1e-6, atol: 0 });
      params.forEach((param, i) => expect(param.grad).toBeAllclose(c.clipped[i], { rtol: 1e-6, atol: 1e-9 }));
      expect(noGradient.grad).toBeNull();
      if (c.totalNorm > c.maxNorm) {
        expect(optim.clipGradNorm(params, Infinity, normType)).toBeAllclose(c.maxNorm, { rtol: 1e-5 });
      }
    });
  }

  it('returns 0 when no parameter has a gradient, and reports a non-finite norm on request', () => {
    expect(optim.clipGradNorm([zeros([2], { requiresGrad: true })], 1)).toBe(0);
    const param = zeros([2], { requiresGrad: true });
    param.grad = tensor([Infinity, 1]);
    expect(optim.clipGradNorm(param, 1)).toBe(Infinity);
    param.grad = tensor([NaN, 1]);
    expect(() => optim.clipGradNorm(param, 1, 2, { errorIfNonfinite: true })).toThrow(/non-finite/);
  });
});

describe('clipGradValue against torch', () => {
  it(`clamps every element into ±${fixture.value.clipValue}`, () => {
    const params = withGrads();
    optim.clipGradValue(params, fixture.value.clipValue);
    params.forEach((param, i) => {
      expect(param.grad).toBeAllclose(Float32Array.from(fixture.value.clipped[i]), { rtol: 0, atol: 0 });
    });
  });
});
