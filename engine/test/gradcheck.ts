/**
 * Central-difference gradient check. The op runs in float32 (the engine's only dtype); the probe
 * loss L = Σ wᵢ·outᵢ (fixed random weights w) and the differences are taken in float64, and the
 * step is relative to each input so that float32 rounding stays well below the tolerance.
 */
import { Tensor, noGrad } from '../tensor';
import { Generator } from '../random';

export interface GradcheckOptions {
  /** relative step: h = eps·max(1, |x|) */
  eps?: number;
  atol?: number;
  rtol?: number;
  seed?: number;
}

export interface GradcheckResult {
  ok: boolean;
  worst: { input: number; index: number; analytic: number; numeric: number } | null;
}

/** Checks d(Σ w·f(inputs))/d(inputs) from backward() against central differences. */
export function gradcheck(f: (...inputs: Tensor[]) => Tensor, inputs: Tensor[], options: GradcheckOptions = {}): GradcheckResult {
  const eps = options.eps ?? 1e-2;
  const atol = options.atol ?? 2e-3;
  const rtol = options.rtol ?? 2e-3;
  const g = new Generator(options.seed ?? 1234);

  for (const x of inputs) {
    x.requiresGrad = true;
    x.grad = null;
  }
  const out = f(...inputs);
  const weights = new Float64Array(out.data.length);
  for (let i = 0; i < weights.length; i++) weights[i] = g.uniform(-1, 1);
  const probe = (t: Tensor): number => {
    let s = 0;
    for (let i = 0; i < t.data.length; i++) s += weights[i] * t.data[i];
    return s;
  };
  out.backward(new Tensor(Float32Array.from(weights), out.shape));

  let worst: GradcheckResult['worst'] = null;
  let worstExcess = 0;
  let ok = true;
  noGrad(() => {
    inputs.forEach((x, which) => {
      for (let i = 0; i < x.data.length; i++) {
        const original = x.data[i];
        const h = eps * Math.max(1, Math.abs(original));
        x.data[i] = original + h;
        const up = x.data[i];
        const fPlus = probe(f(...inputs));
        x.data[i] = original - h;
        const down = x.data[i];
        const fMinus = probe(f(...inputs));
        x.data[i] = original;
        const numeric = (fPlus - fMinus) / (up - down);
        const analytic = x.grad ? x.grad.data[i] : 0;
        const excess = Math.abs(analytic - numeric) - (atol + rtol * Math.abs(numeric));
        if (!(excess <= 0)) ok = false;
        if (worst === null || excess > worstExcess) {
          worst = { input: which, index: i, analytic, numeric };
          worstExcess = excess;
        }
      }
    });
  });
  return { ok, worst };
}
