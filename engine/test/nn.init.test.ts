/**
 * nn.init: gains and fans against torch (fixture), and the statistics of each fill: exact bounds
 * for the uniform ones, standard deviations for the normal ones, repeatability from a seed.
 */
import { describe, expect, it } from 'vitest';
import { Generator, manualSeed, nn, zeros, type Tensor } from '../index';
import fixture from './fixtures/nn_modules.json';

const { init } = nn;

function stats(t: Tensor): { mean: number; std: number; maxAbs: number } {
  const v = Array.from(t.data);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  return { mean, std, maxAbs: Math.max(...v.map(Math.abs)) };
}

describe('calculateGain and fans', () => {
  it("match torch's table", () => {
    for (const c of fixture.init.gains as Array<{ nonlinearity: nn.init.Nonlinearity; param: number | null; gain: number }>) {
      expect(init.calculateGain(c.nonlinearity, c.param)).toBeCloseTo(c.gain, 12);
    }
    for (const c of fixture.init.fans as Array<{ shape: number[]; fanIn: number; fanOut: number }>) {
      expect(init.calculateFanInAndFanOut(zeros(c.shape))).toEqual([c.fanIn, c.fanOut]);
    }
  });

  it('explain what they cannot do', () => {
    expect(() => init.calculateGain('swish' as nn.init.Nonlinearity)).toThrow('Unsupported nonlinearity swish');
    expect(() => init.calculateGain('leaky_relu', Number.NaN)).toThrow('negative_slope NaN not a valid number');
    expect(() => init.calculateFanInAndFanOut(zeros([5]))).toThrow(
      'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions',
    );
    expect(() => init.kaimingUniform_(zeros([3, 3]), { mode: 'fan_avg' as nn.init.FanMode })).toThrow(
      'Mode fan_avg not supported, please use one of fan_in, fan_out',
    );
  });
});

describe('fills', () => {
  const g = () => new Generator(11);

  it('kaimingUniform_ stays within its bound √(6/fanIn) and comes close to it', () => {
    const w = init.kaimingUniform_(zeros([256, 256]), { nonlinearity: 'relu', generator: g() });
    const bound = Math.sqrt(6 / 256);
    const s = stats(w);
    expect(s.maxAbs).toBeLessThanOrEqual(bound);
    expect(s.maxAbs).toBeGreaterThan(0.999 * bound);
    expect(Math.abs(s.std / (bound / Math.sqrt(3)) - 1)).toBeLessThan(0.02);
    expect(Math.abs(s.mean)).toBeLessThan(0.002);
  });

  it('kaimingNormal_ has std gain/√fan, counting fan_in or fan_out', () => {
    const fanIn = stats(init.kaimingNormal_(zeros([128, 512]), { generator: g() })).std;
    expect(Math.abs(fanIn / Math.sqrt(2 / 512) - 1)).toBeLessThan(0.05);
    const fanOut = stats(init.kaimingNormal_(zeros([128, 512]), { mode: 'fan_out', a: 0.2, generator: g() })).std;
    expect(Math.abs(fanOut / (init.calculateGain('leaky_relu', 0.2) / Math.sqrt(128)) - 1)).toBeLessThan(0.05);
  });

  it('xavierUniform_ and xavierNormal_ follow √(2/(fanIn + fanOut))·gain', () => {
    const u = stats(init.xavierUniform_(zeros([256, 128]), { gain: 2, generator: g() }));
    const bound = 2 * Math.sqrt(6 / (256 + 128));
    expect(u.maxAbs).toBeLessThanOrEqual(bound);
    expect(u.maxAbs).toBeGreaterThan(0.999 * bound);
    const n = stats(init.xavierNormal_(zeros([256, 256]), { generator: g() }));
    expect(Math.abs(n.std / Math.sqrt(2 / 512) - 1)).toBeLessThan(0.05);
  });

  it('uniform_, normal_, constant_, ones_ and zeros_', () => {
    const u = stats(init.uniform_(zeros([100, 100]), -0.1, 0.3, { generator: g() }));
    expect(u.mean).toBeCloseTo(0.1, 2);
    expect(u.maxAbs).toBeLessThanOrEqual(0.3);
    const n = stats(init.normal_(zeros([100, 100]), 5, 0.5, { generator: g() }));
    expect(n.mean).toBeCloseTo(5, 1);
    expect(Math.abs(n.std / 0.5 - 1)).toBeLessThan(0.05);
    expect(Array.from(init.constant_(zeros([3]), 0.25).data)).toEqual([0.25, 0.25, 0.25]);
    expect(Array.from(init.ones_(zeros([2])).data)).toEqual([1, 1]);
    expect(Array.from(init.zeros_(init.ones_(zeros([2]))).data)).toEqual([0, 0]);
    expect(init.kaimingUniform).toBe(init.kaimingUniform_);
    expect(init.xavierNormal).toBe(init.xavierNormal_);
  });

  it('repeat from a seed, with a generator or the global one', () => {
    const a = init.xavierUniform_(zeros([4, 4]), { generator: new Generator(3) });
    const b = init.xavierUniform_(zeros([4, 4]), { generator: new Generator(3) });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    manualSeed(8);
    const c = init.normal_(zeros([6]));
    manualSeed(8);
    expect(Array.from(init.normal_(zeros([6])).data)).toEqual(Array.from(c.data));
  });
});

describe("Linear's default init", () => {
  it('draws weight and bias from U(-1/√inFeatures, 1/√inFeatures)', () => {
    const layer = new nn.Linear(100, 400, { generator: new Generator(4) });
    const bound = 1 / Math.sqrt(100);
    const w = stats(layer.weight);
    expect(w.maxAbs).toBeLessThanOrEqual(bound * (1 + 1e-7));
    expect(w.maxAbs).toBeGreaterThan(0.999 * bound);
    expect(Math.abs(w.std / (bound / Math.sqrt(3)) - 1)).toBeLessThan(0.02);
    const b = stats(layer.bias!);
    expect(b.maxAbs).toBeLessThanOrEqual(bound);
    expect(b.maxAbs).toBeGreaterThan(0.9 * bound);
  });
});
