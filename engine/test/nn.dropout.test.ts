/** Dropout: the mask's fraction and scale, train/eval, p = 0 and p = 1, seeds, live changes of p. */
import { describe, expect, it } from 'vitest';
import { Generator, nn, ones, tensor } from '../index';

const N = 20000;

function dropped(out: Float32Array): number {
  return out.reduce((n, v) => n + (v === 0 ? 1 : 0), 0) / out.length;
}

describe('Dropout', () => {
  it('zeroes about a fraction p and scales the rest by 1/(1-p)', () => {
    for (const p of [0.1, 0.5, 0.8]) {
      const layer = new nn.Dropout(p, { generator: new Generator(1) });
      const out = layer.forward(ones([N])).data;
      // 4 standard deviations of a binomial fraction
      expect(Math.abs(dropped(out) - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
      const scale = Math.fround(1 / (1 - p));
      expect(out.every((v) => v === 0 || v === scale)).toBe(true);
      const mean = out.reduce((a, b) => a + b, 0) / N;
      expect(Math.abs(mean - 1)).toBeLessThan(0.05); // the expected value is kept
    }
  });

  it('sends the gradient through the kept elements with the same scale', () => {
    const x = tensor(new Array(1000).fill(2), { requiresGrad: true });
    const out = new nn.Dropout(0.3, { generator: new Generator(2) }).forward(x);
    out.sum().backward();
    const scale = Math.fround(1 / 0.7);
    x.grad!.data.forEach((gv, i) => expect(gv).toBe(out.data[i] === 0 ? 0 : scale));
  });

  it('passes its input through in eval mode and with p = 0', () => {
    const x = ones([10]);
    const layer = new nn.Dropout(0.5);
    layer.eval();
    expect(layer.forward(x)).toBe(x);
    expect(new nn.Dropout(0).forward(x)).toBe(x);
    expect(nn.functional.dropout(x, 0.5, false)).toBe(x);
  });

  it('drops everything with p = 1, and the gradient is zero', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const out = new nn.Dropout(1).forward(x);
    expect(Array.from(out.data)).toEqual([0, 0, 0]);
    out.sum().backward();
    expect(Array.from(x.grad!.data)).toEqual([0, 0, 0]);
  });

  it('draws the same mask from the same seed, another from another seed', () => {
    const mask = (seed: number) => Array.from(new nn.Dropout(0.5, { generator: new Generator(seed) }).forward(ones([64])).data);
    expect(mask(7)).toEqual(mask(7));
    expect(mask(7)).not.toEqual(mask(8));
  });

  it('lets p change between steps and rejects p outside [0, 1]', () => {
    const layer = new nn.Dropout(0.5, { generator: new Generator(3) });
    layer.p = 0.2;
    expect(Math.abs(dropped(layer.forward(ones([N])).data) - 0.2)).toBeLessThan(0.015);
    expect(String(layer)).toBe('Dropout(p=0.2, inplace=False)');
    expect(() => {
      layer.p = 1.5;
    }).toThrow('dropout probability has to be between 0 and 1, but got 1.5');
    expect(layer.p).toBe(0.2);
    expect(() => new nn.Dropout(-0.1)).toThrow('dropout probability has to be between 0 and 1, but got -0.1');
    expect(() => nn.functional.dropout(ones([2]), Number.NaN)).toThrow('but got NaN');
  });
});
