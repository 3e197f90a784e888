/**
 * nn layers against torch 1.13 (scripts/fixtures/gen_nn.py): Linear, every activation, LayerNorm,
 * BatchNorm1d (running statistics over train steps, then eval), Embedding — forward values, the
 * gradients of inputs and parameters, and the reprs; gradchecks for the fused norms.
 */
import { describe, expect, it } from 'vitest';
import { nn, randn, Generator, type NestedArray, type Tensor } from '../index';
import fixture from './fixtures/nn_modules.json';
import { gradcheck } from './gradcheck';
import { backwardWithProbe, t } from './nn.helpers';

const F = nn.functional;
const tol = { atol: 1e-5, rtol: 1e-4 };

interface LinearCase {
  bias: boolean;
  x: NestedArray;
  weight: NestedArray;
  b: NestedArray | null;
  out: NestedArray;
  probe: NestedArray;
  gradX: NestedArray;
  gradWeight: NestedArray;
  gradBias: NestedArray | null;
}

describe('Linear', () => {
  for (const c of fixture.linear as LinearCase[]) {
    it(`matches torch (bias=${c.bias}) in values and gradients`, () => {
      const layer = new nn.Linear(3, 4, { bias: c.bias });
      layer.loadStateDict(c.bias ? { weight: c.weight, bias: c.b! } : { weight: c.weight });
      const x = t(c.x, true);
      const out = layer.forward(x);
      expect(out).toBeAllclose(c.out, tol);
      backwardWithProbe(out, c.probe);
      expect(x.grad!).toBeAllclose(c.gradX, tol);
      expect(layer.weight.grad!).toBeAllclose(c.gradWeight, tol);
      if (c.bias) expect(layer.bias!.grad!).toBeAllclose(c.gradBias!, tol);
      else expect(layer.bias).toBeNull();
    });
  }

  it('is one graph node whose inputs are x, weight and bias', () => {
    const layer = new nn.Linear(3, 2);
    const x = randn([4, 3]);
    const out = layer.forward(x);
    expect(out.gradFn).toBe('AddmmBackward');
    expect(out._parents).toEqual([x, layer.weight, layer.bias]);
  });

  it('applies to any leading dims and registers weight then bias', () => {
    const layer = new nn.Linear(3, 2);
    expect(layer.forward(randn([5, 4, 3])).shape).toEqual([5, 4, 2]);
    expect(layer.namedParameters().map(([name]) => name)).toEqual(['weight', 'bias']);
    expect(new nn.Linear(3, 2, { bias: false }).parameters()).toHaveLength(1);
  });

  it('rejects an input with the wrong number of features, as torch does', () => {
    expect(() => new nn.Linear(2, 8).forward(randn([4, 3]))).toThrow('mat1 and mat2 shapes cannot be multiplied (4x3 and 2x8)');
    expect(() => new nn.Linear(-1, 3)).toThrow('inFeatures must be a whole number ≥ 0; got -1');
  });
});

interface ActivationCase {
  name: string;
  args: Record<string, number | string>;
  repr: string;
  x: NestedArray;
  out: NestedArray;
  probe: NestedArray;
  gradX: NestedArray;
}

function makeActivation(name: string, a: Record<string, number | string>): nn.Module {
  switch (name) {
    case 'ReLU': return new nn.ReLU();
    case 'LeakyReLU': return a.negativeSlope === undefined ? new nn.LeakyReLU() : new nn.LeakyReLU(a.negativeSlope as number);
    case 'ELU': return a.alpha === undefined ? new nn.ELU() : new nn.ELU(a.alpha as number);
    case 'GELU': return new nn.GELU(a.approximate as 'none' | 'tanh');
    case 'SiLU': return new nn.SiLU();
    case 'Tanh': return new nn.Tanh();
    case 'Sigmoid': return new nn.Sigmoid();
    case 'Softplus': return a.beta === undefined ? new nn.Softplus() : new nn.Softplus(a.beta as number, a.threshold as number);
    case 'Softmax': return new nn.Softmax(a.dim as number);
    case 'LogSoftmax': return new nn.LogSoftmax(a.dim as number);
    default: throw new Error(`no activation ${name}`);
  }
}

describe('activations', () => {
  for (const c of fixture.activations as unknown as ActivationCase[]) {
    it(`${c.repr} matches torch from -30 to 25`, () => {
      const module = makeActivation(c.name, c.args);
      expect(String(module)).toBe(c.repr);
      const x = t(c.x, true);
      const out = module.forward(x);
      expect(out).toBeAllclose(c.out, tol);
      backwardWithProbe(out, c.probe);
      expect(x.grad!).toBeAllclose(c.gradX, tol);
    });
  }

  it('pass gradcheck where they are smooth', () => {
    const x = t([[-2.5, -0.7, -0.1, 0.3, 1.2, 3.1]]);
    for (const f of [
      (v: Tensor) => F.elu(v, 0.7),
      (v: Tensor) => F.gelu(v),
      (v: Tensor) => F.gelu(v, 'tanh'),
      (v: Tensor) => F.silu(v),
      (v: Tensor) => F.softplus(v, 2, 5),
      (v: Tensor) => F.leakyRelu(v, 0.1),
    ]) {
      expect(gradcheck(f, [x.clone().detach()]).ok).toBe(true);
    }
  });

  it('reject an unknown GELU approximation', () => {
    expect(() => new nn.GELU('fast' as 'tanh')).toThrow("approximate argument must be either none or tanh. Got 'fast'.");
  });
});

interface LayerNormCase {
  normalizedShape: number[];
  affine: boolean;
  repr: string;
  x: NestedArray;
  weight: NestedArray | null;
  b: NestedArray | null;
  out: NestedArray;
  probe: NestedArray;
  gradX: NestedArray;
  gradWeight: NestedArray | null;
  gradBias: NestedArray | null;
}

describe('LayerNorm', () => {
  for (const c of fixture.layerNorm as LayerNormCase[]) {
    it(`${c.repr} matches torch in values and gradients`, () => {
      const layer = new nn.LayerNorm(c.normalizedShape, { elementwiseAffine: c.affine });
      expect(String(layer)).toBe(c.repr);
      if (c.affine) layer.loadStateDict({ weight: c.weight!, bias: c.b! });
      else expect(layer.parameters()).toHaveLength(0);
      const x = t(c.x, true);
      const out = layer.forward(x);
      expect(out).toBeAllclose(c.out, tol);
      expect(out.gradFn).toBe('NativeLayerNormBackward');
      backwardWithProbe(out, c.probe);
      expect(x.grad!).toBeAllclose(c.gradX, tol);
      if (c.affine) {
        expect(layer.weight!.grad!).toBeAllclose(c.gradWeight!, tol);
        expect(layer.bias!.grad!).toBeAllclose(c.gradBias!, tol);
      }
    });
  }

  it('passes gradcheck for input, weight and bias', () => {
    const g = new Generator(1);
    const result = gradcheck(
      (x, w, b) => F.layerNorm(x, [4], { weight: w, bias: b }),
      [randn([3, 4], { generator: g }), randn([4], { generator: g }), randn([4], { generator: g })],
    );
    expect(result.ok).toBe(true);
  });

  it('says which shape it expected', () => {
    expect(() => new nn.LayerNorm(4).forward(randn([2, 3]))).toThrow(
      'Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[2, 3]',
    );
  });
});

interface BatchNormStep {
  training: boolean;
  x: NestedArray;
  out: NestedArray;
  probe: NestedArray;
  gradX: NestedArray;
  gradWeight: NestedArray | null;
  gradBias: NestedArray | null;
  runningMean: NestedArray | null;
  runningVar: NestedArray | null;
  numBatchesTracked: number | null;
}

interface BatchNormCase {
  channels: number;
  options: { momentum?: number | null; affine?: boolean; trackRunningStats?: boolean };
  repr: string;
  weight: NestedArray | null;
  b: NestedArray | null;
  steps: BatchNormStep[];
  stateDictKeys: string[];
}

describe('BatchNorm1d', () => {
  for (const c of fixture.batchNorm as BatchNormCase[]) {
    it(`${c.repr}: 3 train steps then eval match torch, running statistics included`, () => {
      const layer = new nn.BatchNorm1d(c.channels, c.options);
      expect(String(layer)).toBe(c.repr);
      expect(Object.keys(layer.stateDict())).toEqual(c.stateDictKeys);
      if (layer.affine) layer.loadStateDict({ weight: c.weight!, bias: c.b! }, { strict: false });
      for (const step of c.steps) {
        layer.train(step.training);
        layer.zeroGrad();
        const x = t(step.x, true);
        const out = layer.forward(x);
        expect(out).toBeAllclose(step.out, tol);
        backwardWithProbe(out, step.probe);
        expect(x.grad!).toBeAllclose(step.gradX, { atol: 1e-4, rtol: 1e-4 });
        if (layer.affine) {
          expect(layer.weight!.grad!).toBeAllclose(step.gradWeight!, { atol: 1e-4, rtol: 1e-4 });
          expect(layer.bias!.grad!).toBeAllclose(step.gradBias!, { atol: 1e-4, rtol: 1e-4 });
        }
        if (step.runningMean === null) {
          expect(layer.runningMean).toBeNull();
        } else {
          expect(layer.runningMean!).toBeAllclose(step.runningMean, tol);
          expect(layer.runningVar!).toBeAllclose(step.runningVar!, tol);
          expect(layer.numBatchesTracked!.item()).toBe(step.numBatchesTracked);
        }
      }
    });
  }

  it('passes gradcheck with batch statistics and with running statistics', () => {
    const g = new Generator(2);
    const bn = new nn.BatchNorm1d(3);
    const inputs = [randn([5, 3, 2], { generator: g }), randn([3], { generator: g }), randn([3], { generator: g })];
    const train = gradcheck((x, w, b) => F.batchNorm(x, null, null, { weight: w, bias: b, training: true }), inputs);
    expect(train.ok).toBe(true);
    const evaluation = gradcheck(
      (x, w, b) => F.batchNorm(x, bn.runningMean, bn.runningVar, { weight: w, bias: b, training: false }),
      inputs,
    );
    expect(evaluation.ok).toBe(true);
  });

  it('normalises a training batch to mean 0 and variance 1 per channel', () => {
    const bn = new nn.BatchNorm1d(2);
    const x = t([[1, 10], [2, 20], [3, 30], [6, 60]]);
    const out = bn.forward(x);
    const col = (j: number) => [0, 1, 2, 3].map((i) => out.data[i * 2 + j]);
    for (const j of [0, 1]) {
      const v = col(j);
      const mean = v.reduce((a, b) => a + b) / 4;
      expect(mean).toBeCloseTo(0, 6);
      expect(v.reduce((a, b) => a + (b - mean) ** 2, 0) / 4).toBeCloseTo(1, 4);
    }
  });

  it('explains bad inputs', () => {
    const bn = new nn.BatchNorm1d(4);
    expect(() => bn.forward(randn([2, 4, 3, 3]))).toThrow('expected 2D or 3D input (got 4D input)');
    expect(() => bn.forward(randn([1, 4]))).toThrow('Expected more than 1 value per channel when training, got input size [1, 4]');
    expect(() => bn.forward(randn([8, 3]))).toThrow('BatchNorm1d(4) expects 4 features in dimension 1 of its input; got input of shape [8, 3]');
    expect(bn.numBatchesTracked!.item()).toBe(0); // a rejected batch leaves the statistics alone
    bn.eval();
    expect(bn.forward(randn([1, 4])).shape).toEqual([1, 4]); // one sample is fine with running statistics
  });
});

interface EmbeddingCase {
  paddingIdx: number | null;
  repr: string;
  weight: NestedArray;
  index: NestedArray;
  out: NestedArray;
  probe: NestedArray;
  gradWeight: NestedArray;
}

describe('Embedding', () => {
  for (const c of fixture.embedding as EmbeddingCase[]) {
    it(`${c.repr} matches torch; the padding row gets no gradient`, () => {
      const layer = new nn.Embedding(6, 3, { paddingIdx: c.paddingIdx });
      expect(String(layer)).toBe(c.repr);
      if (layer.paddingIdx !== null) {
        const row = Array.from(layer.weight.data.subarray(layer.paddingIdx * 3, layer.paddingIdx * 3 + 3));
        expect(row).toEqual([0, 0, 0]);
      }
      layer.loadStateDict({ weight: c.weight });
      const out = layer.forward(t(c.index));
      expect(out).toBeAllclose(c.out, tol);
      expect(out.shape).toEqual([2, 3, 3]);
      backwardWithProbe(out, c.probe);
      expect(layer.weight.grad!).toBeAllclose(c.gradWeight, tol);
    });
  }

  it('starts from N(0, 1) and explains a bad index', () => {
    const layer = new nn.Embedding(1000, 10, { generator: new Generator(3) });
    const w = Array.from(layer.weight.data);
    const mean = w.reduce((a, b) => a + b) / w.length;
    const std = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(std - 1)).toBeLessThan(0.03);
    expect(() => layer.forward(t([3, 1000]))).toThrow('index out of range in self: embedding index 1000');
    expect(() => new nn.Embedding(5, 2, { paddingIdx: 5 })).toThrow('Padding_idx must be within num_embeddings');
  });
});

describe('Flatten and Identity', () => {
  it('flatten from dim 1 by default and pass through', () => {
    const x = randn([2, 3, 4]);
    expect(new nn.Flatten().forward(x).shape).toEqual([2, 12]);
    expect(new nn.Flatten(0, 1).forward(x).shape).toEqual([6, 4]);
    expect(String(new nn.Flatten())).toBe('Flatten(start_dim=1, end_dim=-1)');
    expect(new nn.Identity().forward(x)).toBe(x);
    expect(String(new nn.Identity())).toBe('Identity()');
  });
});

