/**
 * Losses against torch 1.13 (scripts/fixtures/gen_nn.py): every reduction, class weights,
 * ignore_index, label smoothing (weights included), probability targets, pos_weight — the loss
 * and the gradients of input and target. Gradchecks, one-node graphs and error messages.
 */
import { describe, expect, it } from 'vitest';
import { Generator, nn, randn, tensor, type NestedArray, type Tensor } from '../index';
import fixture from './fixtures/nn_losses.json';
import { gradcheck } from './gradcheck';
import { backwardWithProbe, maybe, t } from './nn.helpers';

const F = nn.functional;
const tol = { atol: 2e-5, rtol: 1e-4 };

interface LossCase {
  fn: string;
  options: Record<string, NestedArray | string | null>;
  input: NestedArray;
  target: NestedArray;
  out: NestedArray;
  probe: NestedArray | null;
  gradInput: NestedArray;
  gradTarget: NestedArray | null;
}

type LossFn = (input: Tensor, target: Tensor) => Tensor;

/** The functional loss a fixture case names, with its options turned into tensors. */
function lossOf(c: LossCase): LossFn {
  const o = c.options;
  const reduction = (o.reduction ?? 'mean') as nn.Reduction;
  const weight = maybe(o.weight as NestedArray | null);
  switch (c.fn) {
    case 'mseLoss': return (x, y) => F.mseLoss(x, y, { reduction });
    case 'l1Loss': return (x, y) => F.l1Loss(x, y, { reduction });
    case 'huberLoss': return (x, y) => F.huberLoss(x, y, { reduction, delta: o.delta as number });
    case 'smoothL1Loss': return (x, y) => F.smoothL1Loss(x, y, { reduction, beta: o.beta as number });
    case 'nllLoss':
      return (x, y) => F.nllLoss(x, y, { reduction, weight, ignoreIndex: (o.ignoreIndex ?? -100) as number });
    case 'crossEntropy':
      return (x, y) =>
        F.crossEntropy(x, y, {
          reduction,
          weight,
          ignoreIndex: (o.ignoreIndex ?? -100) as number,
          labelSmoothing: (o.labelSmoothing ?? 0) as number,
        });
    case 'binaryCrossEntropy': return (x, y) => F.binaryCrossEntropy(x, y, { reduction, weight });
    case 'binaryCrossEntropyWithLogits':
      return (x, y) =>
        F.binaryCrossEntropyWithLogits(x, y, { reduction, weight, posWeight: maybe(o.posWeight as NestedArray | null) });
    default: throw new Error(`no loss ${c.fn}`);
  }
}

function describeCase(c: LossCase): string {
  const options = Object.entries(c.options)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? `[${(v as unknown[]).length}]` : String(v)}`)
    .join(', ');
  return `${c.fn}(${options}) on input [${shapeOf(c.input)}], target [${shapeOf(c.target)}]`;
}

function shapeOf(v: NestedArray): number[] {
  const shape: number[] = [];
  let x: NestedArray = v;
  while (Array.isArray(x)) {
    shape.push(x.length);
    x = (x as NestedArray[])[0];
  }
  return shape;
}

const groups: Array<[string, LossCase[]]> = [
  ['regression losses (target broadcasting included)', fixture.regression as unknown as LossCase[]],
  ['classification losses', fixture.classification as unknown as LossCase[]],
  ['binary cross-entropy', fixture.binary as unknown as LossCase[]],
];

for (const [title, cases] of groups) {
  describe(`${title} match torch`, () => {
    cases.forEach((c, i) => {
      it(`#${i} ${describeCase(c)}`, () => {
        const x = t(c.input, true);
        const y = t(c.target, c.gradTarget !== null);
        const out = lossOf(c)(x, y);
        expect(out.shape).toEqual(shapeOf(c.out));
        expect(out).toBeAllclose(c.out, tol);
        backwardWithProbe(out, c.probe);
        expect(x.grad!).toBeAllclose(c.gradInput, tol);
        if (c.gradTarget !== null) expect(y.grad!).toBeAllclose(c.gradTarget, tol);
      });
    });
  });
}

describe('loss modules', () => {
  const g = new Generator(5);
  const logits = randn([6, 4], { generator: g });
  const targets = tensor([0, 3, 1, 2, 2, 3]);
  const weight = tensor([0.5, 2, 1, 3]);

  it('CrossEntropyLoss equals the functional form and is one graph node over the logits', () => {
    const x = logits.clone().detach().requiresGrad_();
    const lossFn = new nn.CrossEntropyLoss({ weight, labelSmoothing: 0.1 });
    const loss = lossFn.forward(x, targets);
    expect(loss.item()).toBeCloseTo(F.crossEntropy(logits, targets, { weight, labelSmoothing: 0.1 }).item(), 6);
    expect(loss.gradFn).toBe('CrossEntropyLossBackward');
    expect(loss._parents).toEqual([x]);
    expect(String(lossFn)).toBe('CrossEntropyLoss()');
    expect(Object.keys(lossFn.stateDict())).toEqual(['weight']);
    expect(new nn.CrossEntropyLoss().stateDict()).toEqual({});
    lossFn.weight = null; // class weights can be changed on a live loss
    expect(lossFn.forward(logits, targets).item()).toBeCloseTo(F.crossEntropy(logits, targets, { labelSmoothing: 0.1 }).item(), 6);
    expect(lossFn.stateDict()).toEqual({});
  });

  it('cross-entropy is log-softmax followed by NLL', () => {
    const ce = F.crossEntropy(logits, targets, { weight, reduction: 'none' });
    const nll = new nn.NLLLoss({ weight, reduction: 'none' }).forward(new nn.LogSoftmax(1).forward(logits), targets);
    expect(ce).toBeAllclose(nll, { atol: 1e-6, rtol: 1e-6 });
  });

  it('BCEWithLogitsLoss keeps weight and pos_weight as buffers and stays finite at ±1000', () => {
    const lossFn = new nn.BCEWithLogitsLoss({ posWeight: tensor([2, 1]) });
    expect(Object.keys(lossFn.stateDict())).toEqual(['pos_weight']);
    const x = tensor([[1000, -1000]], { requiresGrad: true });
    const loss = lossFn.forward(x, tensor([[0, 1]]));
    expect(loss.item()).toBeCloseTo(1000, 3); // (1000 + 1000) / 2 elements
    loss.backward();
    expect(x.grad!).toBeAllclose([[0.5, -0.5]]);
  });

  it('MSE, L1, Huber and SmoothL1 modules apply their options', () => {
    const x = tensor([0, 1, 4]);
    const y = tensor([0, 0, 0]);
    expect(new nn.MSELoss().forward(x, y).item()).toBeCloseTo(17 / 3, 6);
    expect(new nn.MSELoss({ reduction: 'sum' }).forward(x, y).item()).toBeCloseTo(17, 6);
    expect(new nn.L1Loss({ reduction: 'none' }).forward(x, y)).toBeAllclose([0, 1, 4]);
    expect(new nn.HuberLoss({ delta: 2, reduction: 'none' }).forward(x, y)).toBeAllclose([0, 0.5, 6]);
    expect(new nn.SmoothL1Loss({ beta: 2, reduction: 'none' }).forward(x, y)).toBeAllclose([0, 0.25, 3]);
    expect(new nn.BCELoss({ reduction: 'sum' }).forward(tensor([0.5, 0.5]), tensor([1, 0])).item()).toBeCloseTo(2 * Math.LN2, 6);
  });

  it('a mean over targets that are all ignored is NaN, as in torch', () => {
    const loss = F.crossEntropy(logits, tensor([-100, -100, -100, -100, -100, -100]));
    expect(Number.isNaN(loss.item())).toBe(true);
  });
});

describe('loss gradients pass gradcheck', () => {
  const g = new Generator(9);
  const weight = tensor([0.5, 2, 1, 3]);
  const targets = tensor([0, 3, 1, -100, 2]);
  it('crossEntropy with weights, ignored targets and label smoothing', () => {
    for (const reduction of ['mean', 'sum', 'none'] as const) {
      const r = gradcheck((x) => F.crossEntropy(x, targets, { weight, labelSmoothing: 0.2, reduction }), [
        randn([5, 4], { generator: g }),
      ]);
      expect(r.ok).toBe(true);
    }
  });

  it('crossEntropy with probability targets (both inputs)', () => {
    const q = F.softmax(randn([3, 4], { generator: g }), 1);
    const r = gradcheck((x, p) => F.crossEntropy(x, p, { weight, labelSmoothing: 0.1 }), [randn([3, 4], { generator: g }), q]);
    expect(r.ok).toBe(true);
  });

  it('nllLoss, BCE with logits (pos_weight), BCE, MSE, L1 and Huber', () => {
    const x = randn([4, 3], { generator: g });
    const y = tensor([[0, 1, 0.5], [1, 1, 0], [0.2, 0, 1], [1, 0, 0]]);
    const checks: Array<[string, (a: Tensor, b: Tensor) => Tensor, Tensor[]]> = [
      ['nll', (a) => F.nllLoss(a, tensor([0, 2, 1, 1]), { weight: tensor([1, 2, 3]) }), [x.clone()]],
      ['bceWithLogits', (a, b) => F.binaryCrossEntropyWithLogits(a, b, { posWeight: tensor([3, 0.5, 1]) }), [x.clone(), y.clone()]],
      ['bce', (a, b) => F.binaryCrossEntropy(a, b, { weight: tensor([1, 2, 0.5]) }), [F.sigmoid(x), y.clone()]],
      ['mse', (a, b) => F.mseLoss(a, b), [x.clone(), y.clone()]],
      ['l1', (a, b) => F.l1Loss(a, b, { reduction: 'sum' }), [x.clone(), y.clone()]],
      ['huber', (a, b) => F.huberLoss(a, b, { delta: 0.5, reduction: 'none' }), [x.clone(), y.clone()]],
    ];
    for (const [name, f, inputs] of checks) {
      const r = gradcheck(f, inputs.map((v) => v.detach()), { eps: 1e-3 });
      expect({ name, ok: r.ok, worst: r.ok ? null : r.worst }).toEqual({ name, ok: true, worst: null });
    }
  });
});

describe('loss errors a person can meet', () => {
  const logits = randn([4, 3]);
  it('explain class-index targets', () => {
    expect(() => F.crossEntropy(logits, tensor([0, 1, 5, 2]))).toThrow('Target 5 is out of bounds for 3 classes');
    expect(() => F.nllLoss(logits, tensor([0, -1, 1, 2]))).toThrow('Target -1 is out of bounds for 3 classes');
    expect(() => F.crossEntropy(logits, tensor([0, 1.5, 1, 2]))).toThrow('Target 1.5 is not a class index');
    expect(() => F.crossEntropy(logits, tensor([0, 1, 2]))).toThrow(
      'Expected input batch_size (4) to match target batch_size (3).',
    );
    expect(() => F.crossEntropy(logits, tensor([[0], [1], [2], [1]]))).toThrow(
      'Expected a target of shape [4] (one class index per sample) for input of shape [4, 3]; got [4, 1]',
    );
  });

  it('explain options', () => {
    expect(() => F.crossEntropy(logits, tensor([0, 1, 2, 1]), { weight: tensor([1, 2]) })).toThrow(
      'weight tensor should be defined either for all 3 classes or no classes but got weight tensor of shape: [2]',
    );
    expect(() => new nn.MSELoss({ reduction: 'avg' as nn.Reduction })).toThrow('avg is not a valid value for reduction');
    expect(() => new nn.CrossEntropyLoss({ labelSmoothing: 1.5 })).toThrow(
      'label_smoothing must be between 0.0 and 1.0. Got: 1.5',
    );
    expect(() => F.crossEntropy(logits, F.softmax(logits, 1), { ignoreIndex: 0 })).toThrow(
      'ignore_index is not supported for floating point target',
    );
  });

  it('explain binary targets and probabilities', () => {
    expect(() => F.binaryCrossEntropyWithLogits(randn([4, 1]), tensor([1, 0, 1, 0]))).toThrow(
      'Target size ([4]) must be the same as input size ([4, 1])',
    );
    expect(() => F.binaryCrossEntropy(tensor([0.5, 1.2]), tensor([1, 0]))).toThrow(
      'all elements of input should be between 0 and 1; got 1.2',
    );
    expect(() => F.binaryCrossEntropyWithLogits(randn([4, 3]), randn([4, 3]), { posWeight: tensor([1, 2]) })).toThrow(
      "pos_weight of shape [2] cannot be broadcast to the input's shape [4, 3]",
    );
  });
});
