import { describe, expect, it } from 'vitest';
import { tensor, randn, Generator, Tensor, add, sub, mul, div, pow, maximum, minimum, rsub, erf } from '../index';
import * as ops from '../ops';
import fixture from './fixtures/ops_elementwise.json';
import { describePytorchParity, expectGradcheck, type OpsFixture } from './ops.fixture';

const g = new Generator(7);
const r = (...shape: number[]): Tensor => randn(shape, { generator: g });
const positive = (...shape: number[]): Tensor => r(...shape).abs().add(0.5).detach();

describe('binary ops broadcast like PyTorch', () => {
  it('[2,3] + [3] adds the row to every row', () => {
    expect(add(tensor([[1, 2, 3], [4, 5, 6]]), tensor([10, 20, 30]))).toBeAllclose([[11, 22, 33], [14, 25, 36]]);
  });
  it('[2,1] * [1,3] is an outer product', () => {
    const out = mul(tensor([[1], [2]]), tensor([[3, 4, 5]]));
    expect(out.shape).toEqual([2, 3]);
    expect(out).toBeAllclose([[3, 4, 5], [6, 8, 10]]);
  });
  it('[4,1,3] - [2,1] gives [4,2,3]', () => {
    const a = tensor([[[1, 2, 3]], [[4, 5, 6]], [[7, 8, 9]], [[10, 11, 12]]]);
    const out = sub(a, tensor([[1], [2]]));
    expect(out.shape).toEqual([4, 2, 3]);
    expect(out.toArray()).toEqual([
      [[0, 1, 2], [-1, 0, 1]],
      [[3, 4, 5], [2, 3, 4]],
      [[6, 7, 8], [5, 6, 7]],
      [[9, 10, 11], [8, 9, 10]],
    ]);
  });
  it('sums the gradient back over broadcast dims', () => {
    const a = tensor([[1], [2]], { requiresGrad: true });
    const b = tensor([[3, 4, 5]], { requiresGrad: true });
    mul(a, b).sum().backward();
    expect(a.grad).toBeAllclose([[12], [12]]);
    expect(b.grad).toBeAllclose([[3, 3, 3]]);
  });
  it('a 0-d tensor broadcasts against anything', () => {
    const s = tensor(2, { requiresGrad: true });
    const out = div(tensor([[2, 4], [6, 8]]), s);
    expect(out).toBeAllclose([[1, 2], [3, 4]]);
    out.sum().backward();
    expect(s.grad!.shape).toEqual([]);
    expect(s.grad).toBeAllclose(-20 / 4);
  });
  it("throws PyTorch's message for shapes that do not broadcast", () => {
    expect(() => add(r(2, 3), r(4))).toThrow(
      'The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1',
    );
  });
});

describe('binary op values', () => {
  const a = tensor([1, -2, 3]);
  const b = tensor([4, 5, -6]);
  it.each([
    ['add', add(a, b), [5, 3, -3]],
    ['add alpha', add(a, b, 2), [9, 8, -9]],
    ['sub', sub(a, b), [-3, -7, 9]],
    ['sub alpha scalar', sub(a, 1, 3), [-2, -5, 0]],
    ['mul', mul(a, b), [4, -10, -18]],
    ['div', div(a, b), [0.25, -0.4, -0.5]],
    ['pow', pow(tensor([2, 3, 4]), tensor([3, 0.5, -1])), [8, Math.sqrt(3), 0.25]],
    ['pow scalar', pow(a, 2), [1, 4, 9]],
    ['maximum', maximum(a, b), [4, 5, 3]],
    ['minimum', minimum(a, b), [1, -2, -6]],
    ['rsub', rsub(a, 10), [9, 12, 7]],
  ])('%s', (_name, out, expected) => {
    expect(out).toBeAllclose(expected as number[]);
  });
  it('maximum and minimum split the gradient evenly on ties, as PyTorch', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = tensor([1, 3], { requiresGrad: true });
    maximum(x, y).sum().backward();
    expect(x.grad).toBeAllclose([0.5, 0]);
    expect(y.grad).toBeAllclose([0.5, 1]);
  });
  it('pow: d/db of 0^b is 0 for b ≥ 0, d/da of a^0 is 0', () => {
    const base = tensor([0, 0, 2], { requiresGrad: true });
    const exponent = tensor([0, 2, 0], { requiresGrad: true });
    pow(base, exponent).sum().backward();
    expect(base.grad).toBeAllclose([0, 0, 0]);
    expect(exponent.grad).toBeAllclose([0, 0, Math.log(2)]);
  });
});

describe('binary op gradients (central differences)', () => {
  const shapes: [number[], number[]][] = [
    [[2, 3], [2, 3]],
    [[2, 3], [3]],
    [[2, 1], [1, 3]],
    [[4, 1, 3], [2, 1]],
    [[], [2, 3]],
  ];
  for (const [sa, sb] of shapes) {
    it(`add/sub/mul/div/maximum [${sa}] with [${sb}]`, () => {
      expectGradcheck((x, y) => add(x, y, 0.5), [r(...sa), r(...sb)]);
      expectGradcheck((x, y) => sub(x, y), [r(...sa), r(...sb)]);
      expectGradcheck((x, y) => mul(x, y), [r(...sa), r(...sb)]);
      expectGradcheck((x, y) => div(x, y), [r(...sa), positive(...sb)]);
      expectGradcheck((x, y) => maximum(x, y), [r(...sa), r(...sb)]);
      expectGradcheck((x, y) => minimum(x, y), [r(...sa), r(...sb)]);
    });
  }
  it('pow with tensor and scalar exponents', () => {
    expectGradcheck((x, y) => pow(x, y), [positive(2, 3), r(3)]);
    expectGradcheck((x) => pow(x, 3), [r(2, 3)]);
    expectGradcheck((x) => pow(x, -0.5), [positive(4)]);
    expectGradcheck((x) => rsub(x, 2), [r(4)]);
  });
});

describe('unary ops', () => {
  const x = tensor([-2, -0.5, 0.5, 2]);
  it.each([
    ['neg', [2, 0.5, -0.5, -2]],
    ['exp', [Math.exp(-2), Math.exp(-0.5), Math.exp(0.5), Math.exp(2)]],
    ['abs', [2, 0.5, 0.5, 2]],
    ['square', [4, 0.25, 0.25, 4]],
    ['relu', [0, 0, 0.5, 2]],
    ['tanh', [Math.tanh(-2), Math.tanh(-0.5), Math.tanh(0.5), Math.tanh(2)]],
    ['sigmoid', [1 / (1 + Math.exp(2)), 1 / (1 + Math.exp(0.5)), 1 / (1 + Math.exp(-0.5)), 1 / (1 + Math.exp(-2))]],
    ['sin', [Math.sin(-2), Math.sin(-0.5), Math.sin(0.5), Math.sin(2)]],
    ['cos', [Math.cos(-2), Math.cos(-0.5), Math.cos(0.5), Math.cos(2)]],
    ['reciprocal', [-0.5, -2, 2, 0.5]],
    ['sign', [-1, -1, 1, 1]],
    // erf values from Abramowitz & Stegun table 7.1
    ['erf', [-0.9953222650189527, -0.5204998778130465, 0.5204998778130465, 0.9953222650189527]],
  ] as const)('%s', (name, expected) => {
    const op = (ops as unknown as Record<string, (t: Tensor) => Tensor>)[name];
    expect(op(x)).toBeAllclose(expected as readonly number[]);
  });
  it('log and sqrt', () => {
    expect(tensor([1, Math.E, 4]).log()).toBeAllclose([0, 1, Math.log(4)]);
    expect(tensor([0, 4, 9]).sqrt()).toBeAllclose([0, 2, 3]);
  });
  it('sigmoid of ±100 neither overflows nor gives NaN', () => {
    expect(tensor([-100, 100]).sigmoid()).toBeAllclose([Math.fround(Math.exp(-100)), 1], { atol: 0, rtol: 0 });
  });
  it('relu passes NaN through and has gradient 0 at 0', () => {
    const t = tensor([0, NaN], { requiresGrad: true });
    const y = t.relu();
    expect(Number.isNaN(y.data[1])).toBe(true);
    y.backward(tensor([1, 1]));
    expect(t.grad!.data[0]).toBe(0);
  });
  for (const name of ['neg', 'exp', 'abs', 'square', 'tanh', 'sigmoid', 'sin', 'cos', 'erf', 'relu']) {
    it(`${name} gradient (central differences)`, () => {
      const op = (ops as unknown as Record<string, (t: Tensor) => Tensor>)[name];
      expectGradcheck(op, [tensor([-1.7, -0.6, 0.3, 1.1, 2.2])]);
    });
  }
  it('log, sqrt and reciprocal gradients (central differences)', () => {
    expectGradcheck((t) => t.log(), [positive(5)]);
    expectGradcheck((t) => t.sqrt(), [positive(5)]);
    expectGradcheck((t) => t.reciprocal(), [positive(5)]);
  });
  it('sign has zero gradient', () => {
    const t = tensor([-1, 2], { requiresGrad: true });
    t.sign().sum().backward();
    expect(t.grad).toBeAllclose([0, 0]);
  });
  it('erf is accurate to float precision far into the tails', () => {
    expect(erf(tensor([-6, -3, 0, 1e-4, 3, 6]))).toBeAllclose(
      [-1, -0.9999779095030014, 0, 1.1283791670579e-4, 0.9999779095030014, 1],
      { atol: 0, rtol: 1e-7 },
    );
  });
});

describe('0-d tensors', () => {
  it('go through unary ops, sum, mean, item and backward', () => {
    const x = tensor(3, { requiresGrad: true });
    const y = x.mul(x).exp().sum().mean();
    expect(y.shape).toEqual([]);
    expect(y.item()).toBeCloseTo(Math.exp(9), 0);
    y.backward();
    expect(x.grad!.shape).toEqual([]);
    expect(x.grad!.item()).toBeCloseTo(6 * Math.exp(9), -1);
  });
});

describePytorchParity(fixture as OpsFixture);
