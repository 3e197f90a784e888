/**
 * `npm run bench:gemm`: GFLOP/s of the engine's three matrix-product forms on the shapes the
 * workloads' linear layers use — forward y = x·Wᵀ (NT), backward dx = dy·W (NN) and dW = dyᵀ·x
 * (TN) — beside PyTorch on one thread (Debian's python3-torch, when installed) in the same run.
 * Each backend this Node runs is measured through the engine's own entry points (so WebAssembly's
 * copies in and out of its memory count); issue 11's target is ≥ 25 GFLOP/s at 784×256, batch 64.
 *
 *   npm run bench:gemm                 every shape
 *   npm run bench:gemm -- --quick      shorter runs
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gemmNN, gemmNT, gemmTN } from '../engine/ops/matmul';
import { availableBackends, setBackend, type Backend } from '../engine/wasm/kernels';
import { defaultMeasure, quickMeasure, stepsPerSecond } from './measure';
import { workloads } from './workloads';

export type GemmForm = 'NN' | 'NT' | 'TN';

export interface GemmCase {
  /** where it comes from: `mnist 784→256 forward` */
  label: string;
  form: GemmForm;
  m: number;
  n: number;
  k: number;
}

/** Each linear layer of each workload (but the tiny one), as its three products. */
export function gemmCases(): GemmCase[] {
  const cases: GemmCase[] = [];
  for (const w of workloads.filter((x) => x.name !== 'tiny')) {
    for (let l = 0; l + 1 < w.layers.length; l++) {
      const [inputs, outputs, batch] = [w.layers[l], w.layers[l + 1], w.batchSize];
      const layer = `${w.name} ${inputs}→${outputs} b${batch}`;
      cases.push({ label: `${layer} forward x·Wᵀ`, form: 'NT', m: batch, n: outputs, k: inputs });
      cases.push({ label: `${layer} dx = dy·W`, form: 'NN', m: batch, n: inputs, k: outputs });
      cases.push({ label: `${layer} dW = dyᵀ·x`, form: 'TN', m: outputs, n: inputs, k: batch });
    }
  }
  return cases;
}

/** Operand sizes: A is m×k (NN, NT) or k×m (TN); B is k×n (NN, TN) or n×k (NT). */
function operands(c: GemmCase): { a: Float32Array; b: Float32Array; out: Float32Array } {
  const fill = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37));
  return { a: fill(c.m * c.k), b: fill(c.k * c.n), out: new Float32Array(c.m * c.n) };
}

export function measureOurs(c: GemmCase, backend: Backend, measure = defaultMeasure): number {
  setBackend(backend);
  const { a, b, out } = operands(c);
  const kernel = { NN: gemmNN, NT: gemmNT, TN: gemmTN }[c.form];
  const rate = stepsPerSecond(() => kernel(c.m, c.n, c.k, a, 0, b, 0, out, 0, false), measure);
  return (rate * 2 * c.m * c.n * c.k) / 1e9;
}

const TORCH = `
import json, sys, time, torch
torch.set_num_threads(1)
cases, runs, run_ms = json.load(sys.stdin)
out = []
for c in cases:
    m, n, k, form = c["m"], c["n"], c["k"], c["form"]
    a = torch.randn(k, m).t() if form == "TN" else torch.randn(m, k)
    b = torch.randn(n, k).t() if form == "NT" else torch.randn(k, n)
    for _ in range(50): a @ b
    rates = []
    for _ in range(runs):
        t, count = time.perf_counter(), 0
        while time.perf_counter() - t < run_ms / 1000:
            a @ b; count += 1
        rates.append(count / (time.perf_counter() - t))
    rates.sort()
    out.append(rates[len(rates) // 2] * 2 * m * n * k / 1e9)
print(json.dumps(out))
`;

/** PyTorch's GFLOP/s on one thread for each case (a transposed view for the T operands), or null. */
export function measureTorchGemm(cases: GemmCase[], measure = defaultMeasure): number[] | null {
  if (!existsSync('/usr/bin/python3')) return null;
  const result = spawnSync('/usr/bin/python3', ['-c', TORCH], { input: JSON.stringify([cases, measure.runs, measure.runMs]), encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0) return null;
  return JSON.parse(result.stdout) as number[];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const measure = process.argv.includes('--quick') ? quickMeasure : defaultMeasure;
  const cases = gemmCases();
  const backends = availableBackends();
  process.stderr.write(`measuring the engine (${backends.join(', ')})`);
  const ours = cases.map((c) => {
    process.stderr.write('.');
    return backends.map((backend) => measureOurs(c, backend, measure));
  });
  process.stderr.write('\nmeasuring PyTorch (one thread)\n');
  const torch = measureTorchGemm(cases, measure);
  const best = (i: number) => Math.max(...ours[i]);
  const rows = cases.map((c, i) => [
    c.label, c.form, `${c.m}×${c.k} · ${c.k}×${c.n}`,
    ...ours[i].map((g) => g.toFixed(2)),
    torch ? torch[i].toFixed(2) : '–',
    torch ? `${(best(i) / torch[i]).toFixed(2)}×` : '–',
  ]);
  const head = ['product', 'form', 'shape (m×k · k×n)', ...backends, 'PyTorch 1 thread', 'best/PyTorch'];
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((v, j) => (j >= 3 ? v.padStart(widths[j]) : v.padEnd(widths[j]))).join('  ');
  console.log(`\nMatrix products, float32, single thread, GFLOP/s (Node ${process.version})`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  if (!torch) console.log('PyTorch not measured: /usr/bin/python3 with torch is not available here.');
}
