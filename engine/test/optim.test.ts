/**
 * Every optimizer, step by step, against torch 1.13 (scripts/fixtures/gen_optim.py): the same start,
 * the same gradients (set on `.grad`, or from autograd on a loss built from ops), the same
 * parameters after each of 32 steps.
 */
import { describe, expect, it } from 'vitest';
import { Tensor, optim, tensor } from '../index';
import fixture from './fixtures/optim.json';

type Name = 'a' | 'b' | 'c';
const NAMES: Name[] = ['a', 'b', 'c'];
type Options = Record<string, unknown>;
interface Edit {
  step: number;
  group: number;
  key: string;
  value: number | number[];
}
interface Case {
  name: string;
  optimizer: string;
  options: Options;
  sign?: number;
  groups?: { params: Name[]; options: Options }[];
  edits?: Edit[];
  losses?: number[];
  params: number[][][];
}

const f32 = Math.fround;

function makeParams(): Record<Name, Tensor> {
  const out = {} as Record<Name, Tensor>;
  for (const name of NAMES) {
    out[name] = tensor(fixture.initial[name], { shape: fixture.shapes[name], requiresGrad: true });
  }
  return out;
}

function makeOptimizer(c: Case, params: Record<Name, Tensor>): optim.Optimizer {
  const input = c.groups
    ? c.groups.map((g) => ({ ...g.options, params: g.params.map((n) => params[n]) }))
    : NAMES.map((n) => params[n]);
  const { SGD, Adam, AdamW, RMSprop, Adagrad } = optim;
  const classes = { SGD, Adam, AdamW, RMSprop, Adagrad };
  const Optimizer = classes[c.optimizer as keyof typeof classes];
  return new Optimizer(input as Tensor[], c.options);
}

/** g = sign · c ⊙ (θ − target) + noise_k, rounded to float32 op by op as torch computes it. */
function setGradients(params: Record<Name, Tensor>, step: number, sign: number): void {
  for (const name of NAMES) {
    const param = params[name];
    if (name === 'c' && step % 3 === 0) {
      param.grad = null;
      continue;
    }
    const theta = param.data;
    // Fixture decimals are float32 values written short: Float32Array gives the exact values back.
    const scale = Float32Array.from(fixture.scales[name]);
    const target = Float32Array.from(fixture.targets[name]);
    const noise = Float32Array.from(fixture.noise[step][name]);
    const grad = new Float32Array(theta.length);
    for (let i = 0; i < theta.length; i++) {
      grad[i] = f32(f32(sign * f32(scale[i] * f32(theta[i] - target[i]))) + noise[i]);
    }
    param.grad = new Tensor(grad, param.shape);
  }
}

function applyEdits(optimizer: optim.Optimizer, edits: Edit[] | undefined, step: number): void {
  for (const edit of edits ?? []) {
    if (edit.step !== step) continue;
    (optimizer.paramGroups[edit.group] as unknown as Record<string, unknown>)[edit.key] = edit.value;
  }
}

/** Largest |actual − expected| in units of float32 spacing at the expected value. */
function ulpDistance(actual: Float32Array, expected: number[]): number {
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = f32(expected[i]);
    const spacing = Math.max(Math.abs(e) * 2 ** -23, 2 ** -149);
    worst = Math.max(worst, Math.abs(actual[i] - e) / spacing);
  }
  return worst;
}

describe('optimizers step by step against torch (gradients set on .grad)', () => {
  for (const c of fixture.cases as Case[]) {
    it(c.name, () => {
      const params = makeParams();
      const optimizer = makeOptimizer(c, params);
      let worstUlps = 0;
      c.params.forEach((expected, step) => {
        applyEdits(optimizer, c.edits, step);
        setGradients(params, step, c.sign ?? 1);
        optimizer.step();
        NAMES.forEach((name, i) => {
          const where = `${name} after step ${step + 1}`;
          expect(params[name].data, where).toBeAllclose(expected[i], { rtol: 1e-6, atol: 1e-7 });
          worstUlps = Math.max(worstUlps, ulpDistance(params[name].data, expected[i]));
        });
      });
      // Same operations in the same order, rounded the same way: bit for bit equal to torch.
      expect(worstUlps).toBe(0);
    });
  }
});

describe('optimizers on a loss built from ops, with autograd, against torch', () => {
  for (const c of fixture.lossCases as Case[]) {
    it(c.name, () => {
      const params = makeParams();
      const optimizer = makeOptimizer(c, params);
      const constant = (values: number[], name: Name): Tensor => tensor(values, { shape: fixture.shapes[name] });
      c.params.forEach((expected, step) => {
        optimizer.zeroGrad();
        let loss: Tensor | null = null;
        for (const name of NAMES) {
          const p = params[name];
          const term = constant(fixture.scales[name], name)
            .mul(p.sub(constant(fixture.targets[name], name)).square())
            .sum()
            .add(p.tanh().square().sum().mul(0.1));
          loss = loss === null ? term : loss.add(term);
        }
        (loss as Tensor).backward();
        optimizer.step();
        expect((loss as Tensor).item()).toBeAllclose((c.losses as number[])[step], { rtol: 1e-5, atol: 0 });
        NAMES.forEach((name, i) => {
          const where = `${name} after step ${step + 1}`;
          expect(params[name].data, where).toBeAllclose(expected[i], { rtol: 1e-5, atol: 1e-6 });
        });
      });
    });
  }
});
