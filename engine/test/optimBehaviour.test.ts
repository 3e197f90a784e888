/** What a person using an optimizer relies on: zeroGrad, live edits, groups, errors, stateDict. */
import { describe, expect, it } from 'vitest';
import { Tensor, optim, tensor } from '../index';

/** A leaf θ with gradient g set directly. */
function leaf(values: number[]): Tensor {
  return tensor(values, { requiresGrad: true });
}
function setGrad(param: Tensor, values: number[]): void {
  param.grad = tensor(values);
}

describe('zeroGrad and gradient accumulation', () => {
  it('sets gradients to null by default, as PyTorch 2 does', () => {
    const w = leaf([1, 2]);
    const optimizer = new optim.SGD([w], { lr: 0.1 });
    w.mul(w).sum().backward();
    expect(w.grad).toBeAllclose([2, 4]);
    optimizer.zeroGrad();
    expect(w.grad).toBeNull();
  });

  it('zeroes in place with setToNone: false', () => {
    const w = leaf([1, 2]);
    const optimizer = new optim.SGD([w], { lr: 0.1 });
    w.mul(w).sum().backward();
    const grad = w.grad;
    optimizer.zeroGrad({ setToNone: false });
    expect(w.grad).toBe(grad);
    expect(w.grad).toBeAllclose([0, 0]);
  });

  it('without zeroGrad, gradients of two backward passes add up and the step is twice as big', () => {
    const w = leaf([1, 2]);
    const optimizer = new optim.SGD([w], { lr: 0.1 });
    w.mul(w).sum().backward();
    w.mul(w).sum().backward();
    expect(w.grad).toBeAllclose([4, 8]);
    optimizer.step();
    expect(w).toBeAllclose([1 - 0.4, 2 - 0.8]);
  });
});

describe('live changes and parameter groups', () => {
  it('applies an lr set on paramGroups at the very next step', () => {
    const w = leaf([0]);
    const optimizer = new optim.SGD([w], { lr: 0.1 });
    setGrad(w, [1]);
    optimizer.step();
    expect(w).toBeAllclose([-0.1]);
    optimizer.paramGroups[0].lr = 0.5;
    optimizer.step();
    expect(w).toBeAllclose([-0.6]);
  });

  it('applies a momentum switched on while training (the buffer starts from that gradient)', () => {
    const w = leaf([0]);
    const optimizer = new optim.SGD([w], { lr: 1 });
    setGrad(w, [1]);
    optimizer.step();
    optimizer.paramGroups[0].momentum = 0.5;
    optimizer.step(); // buffer = 1
    optimizer.step(); // buffer = 0.5 + 1
    expect(w).toBeAllclose([-1 - 1 - 1.5]);
  });

  it("gives each group its own options over the defaults, and skips parameters whose grad is null", () => {
    const a = leaf([0]);
    const b = leaf([0]);
    const frozen = leaf([5]);
    const optimizer = new optim.SGD([{ params: [a], lr: 1 }, { params: [b, frozen] }], { lr: 0.1 });
    expect(optimizer.paramGroups[0].lr).toBe(1);
    expect(optimizer.paramGroups[1]).toMatchObject({ lr: 0.1, momentum: 0, nesterov: false });
    setGrad(a, [1]);
    setGrad(b, [1]);
    optimizer.step();
    expect(a).toBeAllclose([-1]);
    expect(b).toBeAllclose([-0.1]);
    expect(frozen).toBeAllclose([5]);
    expect(optimizer.state.has(frozen)).toBe(false);
  });

  it('adds a group later (e.g. an unfrozen layer) with the defaults', () => {
    const a = leaf([0]);
    const c = leaf([0]);
    const optimizer = new optim.Adagrad([a], { lr: 0.5 });
    optimizer.addParamGroup({ params: [c], lrDecay: 0.1 });
    expect(optimizer.paramGroups[1]).toMatchObject({ lr: 0.5, lrDecay: 0.1, eps: 1e-10 });
    setGrad(c, [2]);
    optimizer.step();
    expect(c).toBeAllclose([-0.5], { rtol: 1e-6 });
    expect(() => optimizer.addParamGroup({ params: [a] })).toThrow(
      'some parameters appear in more than one parameter group',
    );
  });

  it("uses PyTorch's defaults", () => {
    const p = (): Tensor[] => [leaf([0])];
    expect(new optim.SGD(p()).defaults).toEqual({
      lr: 1e-3, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false, maximize: false,
    });
    expect(new optim.Adam(p()).defaults).toEqual({
      lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false,
    });
    expect(new optim.AdamW(p()).defaults.weightDecay).toBe(1e-2);
    expect(new optim.RMSprop(p()).defaults).toMatchObject({
      lr: 1e-2, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false,
    });
    expect(new optim.Adagrad(p()).defaults).toMatchObject({
      lr: 1e-2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10,
    });
  });
});

describe('errors a person can meet', () => {
  const p = (): Tensor[] => [leaf([0])];
  it("reads like PyTorch's", () => {
    expect(() => new optim.SGD(p(), { lr: -1 })).toThrow('Invalid learning rate: -1');
    expect(() => new optim.SGD(p(), { lr: NaN })).toThrow('Invalid learning rate: NaN');
    expect(() => new optim.SGD(p(), { momentum: -0.5 })).toThrow('Invalid momentum value: -0.5');
    expect(() => new optim.SGD(p(), { nesterov: true })).toThrow(
      'Nesterov momentum requires a momentum and zero dampening',
    );
    expect(() => new optim.SGD(p(), { nesterov: true, momentum: 0.9, dampening: 0.1 })).toThrow(/Nesterov/);
    expect(() => new optim.Adam(p(), { betas: [1.5, 0.999] })).toThrow('Invalid beta parameter at index 0: 1.5');
    expect(() => new optim.AdamW(p(), { betas: [0.9, 1] })).toThrow('Invalid beta parameter at index 1: 1');
    expect(() => new optim.Adam(p(), { eps: -1e-8 })).toThrow('Invalid epsilon value: -1e-8');
    expect(() => new optim.RMSprop(p(), { alpha: -1 })).toThrow('Invalid alpha value: -1');
    expect(() => new optim.Adagrad(p(), { lrDecay: -1 })).toThrow('Invalid lr_decay value: -1');
    expect(() => new optim.Adagrad(p(), { weightDecay: -1 })).toThrow('Invalid weight_decay value: -1');
    expect(() => new optim.SGD([{ params: p(), lr: -2 }], { lr: 0.1 })).toThrow('Invalid learning rate: -2');
    expect(() => new optim.SGD([])).toThrow('optimizer got an empty parameter list');
    const w = leaf([1]);
    expect(() => new optim.SGD([w.mul(2)])).toThrow("can't optimize a non-leaf Tensor");
    expect(() => new optim.SGD([{ params: [w] }, { params: [w] }])).toThrow(/more than one parameter group/);
  });
});

describe('stateDict', () => {
  function run(optimizer: optim.Optimizer, w: Tensor, steps: number, start: number): void {
    for (let k = start; k < start + steps; k++) {
      setGrad(w, [Math.sin(k), Math.cos(k), 0.5]);
      optimizer.step();
    }
  }

  it('survives JSON and resumes exactly where it left off', () => {
    const w = leaf([1, -1, 0.5]);
    const optimizer = new optim.Adam([w], { lr: 0.1, amsgrad: true });
    run(optimizer, w, 5, 0);
    const saved = JSON.parse(JSON.stringify(optimizer.stateDict()));
    expect(saved.state['0']).toMatchObject({ step: 5 });
    expect(saved.paramGroups[0]).toMatchObject({ lr: 0.1, amsgrad: true, params: [0] });

    const w2 = tensor(Array.from(w.data), { requiresGrad: true });
    const resumed = new optim.Adam([w2], { lr: 0.5 });
    resumed.loadStateDict(saved);
    expect(resumed.paramGroups[0].lr).toBe(0.1);
    run(optimizer, w, 5, 5);
    run(resumed, w2, 5, 5);
    expect(Array.from(w2.data)).toEqual(Array.from(w.data));
  });

  it('keeps the same group objects, so live edits keep working after a load', () => {
    const w = leaf([1]);
    const optimizer = new optim.SGD([w], { lr: 0.1, momentum: 0.9 });
    const group = optimizer.paramGroups[0];
    optimizer.loadStateDict({ state: {}, paramGroups: [{ ...optimizer.stateDict().paramGroups[0], lr: 0.3 }] });
    expect(optimizer.paramGroups[0]).toBe(group);
    expect(group.lr).toBe(0.3);
  });

  it('refuses a state dict for a different set of parameters', () => {
    const optimizer = new optim.SGD([leaf([1])], { lr: 0.1 });
    const other = new optim.SGD([leaf([1]), leaf([2])], { lr: 0.1 });
    expect(() => optimizer.loadStateDict(other.stateDict())).toThrow(/doesn't match the size/);
  });
});
