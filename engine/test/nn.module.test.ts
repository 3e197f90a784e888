/**
 * nn.Module: names of parameters, buffers and submodules as torch gives them for a nested model
 * (fixture: scripts/fixtures/gen_nn.py), state dicts (round trip, PyTorch's errors), train/eval,
 * zeroGrad, apply, printing, Parameter, and Sequential's list API.
 */
import { describe, expect, it } from 'vitest';
import { Generator, Tensor, nn, randn, tensor, type NestedArray } from '../index';
import fixture from './fixtures/nn_modules.json';

/** The nested model of gen_nn.py, written the way a learner writes a torch model. */
class Net extends nn.Module {
  layers = new nn.Sequential(new nn.Linear(2, 4), new nn.ReLU(), new nn.Linear(4, 4, { bias: false }));
  norm = new nn.BatchNorm1d(4);
  drop = new nn.Dropout(0.25);
  head = new nn.Linear(4, 3);

  forward(x: Tensor): Tensor {
    return this.head.forward(this.drop.forward(this.norm.forward(this.layers.forward(x))));
  }
}

const tree = fixture.tree as {
  namedParameters: string[];
  namedBuffers: string[];
  namedModules: string[];
  stateDict: Record<string, NestedArray>;
  x: NestedArray;
  evalOut: NestedArray;
  repr: string;
  sequentialRepr: string;
};

describe('a nested model', () => {
  it('names parameters, buffers and modules exactly as torch does', () => {
    const net = new Net();
    expect(net.namedParameters().map(([name]) => name)).toEqual(tree.namedParameters);
    expect(net.namedBuffers().map(([name]) => name)).toEqual(tree.namedBuffers);
    expect(net.namedModules().map(([name]) => name)).toEqual(tree.namedModules);
    expect(Object.keys(net.stateDict())).toEqual(Object.keys(tree.stateDict));
    expect(net.namedChildren().map(([name]) => name)).toEqual(['layers', 'norm', 'drop', 'head']);
    expect(net.modules()).toHaveLength(tree.namedModules.length);
  });

  it("loads torch's state dict and then computes torch's eval output", () => {
    const net = new Net();
    net.loadStateDict(tree.stateDict);
    net.eval();
    expect(net.forward(tensor(tree.x))).toBeAllclose(tree.evalOut, { atol: 1e-5, rtol: 1e-4 });
  });

  it('prints like torch', () => {
    expect(String(new Net())).toBe(tree.repr);
    const sequential = new nn.Sequential(
      new nn.Linear(2, 8), new nn.Tanh(), new nn.Dropout(0.1), new nn.LayerNorm(8, { eps: 1e-6 }),
      new nn.GELU('tanh'), new nn.Linear(8, 3), new nn.LogSoftmax(1),
    );
    expect(sequential.toString()).toBe(tree.sequentialRepr);
  });
});

describe('state dicts', () => {
  const makeModel = (seed: number) => {
    const g = new Generator(seed);
    return new nn.Sequential(new nn.Linear(3, 5, { generator: g }), new nn.BatchNorm1d(5), new nn.Linear(5, 2, { generator: g }));
  };

  it('round-trip: a second model loaded from the first computes the same outputs', () => {
    const a = makeModel(1);
    a.forward(randn([8, 3])); // moves the running statistics away from their defaults
    const saved = Object.fromEntries(Object.entries(a.stateDict()).map(([k, v]) => [k, v.clone()]));
    const b = makeModel(2);
    const x = randn([4, 3]);
    a.eval();
    b.eval();
    expect(b.forward(x).data).not.toEqual(a.forward(x).data);
    b.loadStateDict(saved);
    expect(b.forward(x)).toBeAllclose(a.forward(x), { atol: 0, rtol: 0 });
    expect(b.get(1).getBuffer('num_batches_tracked')!.item()).toBe(1);
  });

  it('shares storage with the module, and loading copies in place', () => {
    const model = makeModel(3);
    const weight = model.get(0).parameters()[0];
    expect(model.stateDict()['0.weight'].data).toBe(weight.data);
    model.loadStateDict({ ...model.stateDict(), '0.weight': tensor(new Float32Array(15).fill(0.5), { shape: [5, 3] }) });
    expect(model.get(0).parameters()[0]).toBe(weight); // an optimizer holding it keeps working
    expect(Array.from(weight.data)).toEqual(new Array(15).fill(0.5));
  });

  it("reports missing and unexpected keys and shape mismatches with torch's sentences", () => {
    const model = makeModel(4);
    const state = model.stateDict();
    const { '2.bias': _dropped, ...missing } = state;
    expect(() => model.loadStateDict({ ...missing, '3.weight': tensor([1]) })).toThrow(
      'Error(s) in loading state_dict for Sequential:\n' +
        '\tMissing key(s) in state_dict: "2.bias".\n' +
        '\tUnexpected key(s) in state_dict: "3.weight".',
    );
    expect(() => model.loadStateDict({ ...state, '0.weight': randn([5, 4]) })).toThrow(
      'size mismatch for 0.weight: copying a param with shape [5, 4] from checkpoint, the shape in current model is [5, 3].',
    );
    expect(() => model.loadStateDict({ ...state, '0.bias': [['x']] as unknown as NestedArray })).toThrow(
      'state_dict entry "0.bias" is not a tensor or a nested array of numbers',
    );
  });

  it('non-strict loading returns the keys it could not match; a failed load changes nothing', () => {
    const model = makeModel(5);
    const before = Array.from(model.get(0).parameters()[0].data);
    const result = model.loadStateDict({ '0.weight': randn([5, 3]), extra: tensor([1]) }, { strict: false });
    expect(result.unexpectedKeys).toEqual(['extra']);
    expect(result.missingKeys).toContain('1.running_mean');
    expect(result.missingKeys).not.toContain('0.weight');
    const after = Array.from(model.get(0).parameters()[0].data);
    expect(after).not.toEqual(before);
    expect(() => model.loadStateDict({ '0.weight': randn([5, 3]), '0.bias': randn([4]) }, { strict: false })).toThrow(
      'size mismatch for 0.bias',
    );
    expect(Array.from(model.get(0).parameters()[0].data)).toEqual(after);
  });

  it('keeps non-persistent buffers out of the state dict', () => {
    class WithBuffers extends nn.Module {
      constructor() {
        super();
        this.registerBuffer('kept', tensor([1, 2]));
        this.registerBuffer('scratch', tensor([3]), { persistent: false });
      }
      forward(x: Tensor): Tensor {
        return x;
      }
    }
    const m = new WithBuffers();
    expect(Object.keys(m.stateDict())).toEqual(['kept']);
    expect(m.namedBuffers().map(([n]) => n)).toEqual(['kept', 'scratch']);
    expect(() => m.registerBuffer('a.b', null)).toThrow('buffer name can\'t contain ".", got: a.b');
  });
});

describe('Module behaviour', () => {
  it('train() and eval() reach every submodule', () => {
    const net = new Net();
    expect(net.modules().every((m) => m.training)).toBe(true);
    expect(net.eval()).toBe(net);
    expect(net.modules().map((m) => m.training)).toEqual(new Array(net.modules().length).fill(false));
    net.train();
    expect(net.modules().every((m) => m.training)).toBe(true);
  });

  it('deduplicates shared parameters and modules, keeping the first name', () => {
    const shared = new nn.Linear(3, 3);
    const model = new nn.Sequential(shared, new nn.Tanh(), shared);
    expect(model.parameters()).toHaveLength(2);
    expect(model.namedParameters().map(([n]) => n)).toEqual(['0.weight', '0.bias']);
    expect(model.modules()).toHaveLength(3);
    expect(Object.keys(model.stateDict())).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
  });

  it('zeroGrad clears gradients (to null by default, to zeros on request)', () => {
    const model = new nn.Linear(2, 2);
    model.forward(randn([3, 2])).sum().backward();
    expect(model.weight.grad).not.toBeNull();
    model.zeroGrad(false);
    expect(Array.from(model.weight.grad!.data)).toEqual([0, 0, 0, 0]);
    model.zeroGrad();
    expect(model.weight.grad).toBeNull();
    expect(model.bias!.grad).toBeNull();
  });

  it('apply visits children before their parent; requiresGrad_ freezes', () => {
    const model = new nn.Sequential(new nn.Linear(2, 2), new nn.Sequential(new nn.ReLU()));
    const seen: string[] = [];
    model.apply((m) => seen.push(m.toString().split('(')[0]));
    expect(seen).toEqual(['Linear', 'ReLU', 'Sequential', 'Sequential']);
    model.requiresGrad_(false);
    expect(model.parameters().every((p) => !p.requiresGrad)).toBe(true);
  });

  it('registers Parameters set as properties, but not plain tensors', () => {
    class Scale extends nn.Module {
      factor = nn.Parameter(tensor([2]));
      offset = tensor([1]); // a plain tensor: not a parameter, as in torch
      forward(x: Tensor): Tensor {
        return x.mul(this.factor).add(this.offset);
      }
    }
    const m = new Scale();
    expect(m.namedParameters().map(([n]) => n)).toEqual(['factor']);
    expect(nn.isParameter(m.factor)).toBe(true);
    expect(nn.isParameter(m.offset)).toBe(false);
    expect(m.factor.requiresGrad).toBe(true);
    expect(m.factor.isLeaf).toBe(true);
    const data = tensor([1, 2]);
    expect(nn.Parameter(data).data).toBe(data.data);
    expect(nn.Parameter(data, false).requiresGrad).toBe(false);
    expect(() => m.registerParameter('w', tensor([1]))).toThrow("cannot assign a plain tensor as parameter 'w'");
  });
});

describe('Sequential', () => {
  it('indexes, counts, iterates, appends and chains its layers', () => {
    const relu = new nn.ReLU();
    const model = new nn.Sequential(new nn.Linear(2, 3), relu);
    expect(model.length).toBe(2);
    expect(model.get(1)).toBe(relu);
    expect(model.get(-1)).toBe(relu);
    expect(() => model.get(2)).toThrow('index 2 is out of range');
    const last = new nn.Linear(3, 1);
    model.append(last);
    expect([...model]).toEqual([model.get(0), relu, last]);
    expect(model.namedParameters().map(([n]) => n)).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    const x = randn([4, 2]);
    const expected = last.forward(relu.forward(model.get(0).forward(x)));
    expect(model.forward(x)).toBeAllclose(expected, { atol: 0, rtol: 0 });
  });

  it('takes named layers', () => {
    const model = new nn.Sequential({ hidden: new nn.Linear(2, 4), act: new nn.Tanh(), out: new nn.Linear(4, 1) });
    expect(Object.keys(model.stateDict())).toEqual(['hidden.weight', 'hidden.bias', 'out.weight', 'out.bias']);
    expect(String(model)).toContain('(act): Tanh()');
  });
});
