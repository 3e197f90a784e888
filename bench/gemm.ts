/**
 * `npm run bench:gemm`: GFLOP/s of the engine's three matrix-product forms on the shapes the
 * workloads' linear layers use — forward y = x·Wᵀ (NT), backward dx = dy·W (NN) and dW = dyᵀ·x
 * (TN) — beside PyTorch on one thread (Debian's python3-torch, when installed) in the same run.
 * Each backend this Node runs is measured through the engine's own entry points (so WebAssembly's
 * copies in and out of its memory count); issue 11's target is ≥ 25 GFLOP/s at 784×256, batch 64.
 *
 *   npm run bench:gemm                 every shape, in Node, then in a Chromium worker
 *   npm run bench:gemm -- --quick      shorter runs
 *   npm run bench:gemm -- --no-browser Node only
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableBackends } from '../engine/wasm/kernels';
import { measureGemmInChromium } from './browser';
import { gemmCases, measureOurs, type GemmCase } from './gemmCases';
import { defaultMeasure, quickMeasure } from './measure';

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

/** One table: a column of GFLOP/s per backend, PyTorch's, and the best backend's ratio to it. */
function printGemmTable(title: string, cases: GemmCase[], backends: string[], ours: number[][], torch: number[] | null): void {
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
  console.log(`\n${title}`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const measure = process.argv.includes('--quick') ? quickMeasure : defaultMeasure;
  const cases = gemmCases();
  const backends = availableBackends();
  process.stderr.write(`measuring the engine in Node (${backends.join(', ')})`);
  const ours = cases.map((c) => {
    process.stderr.write('.');
    return backends.map((backend) => measureOurs(c, backend, measure));
  });
  process.stderr.write('\nmeasuring PyTorch (one thread)\n');
  const torch = measureTorchGemm(cases, measure);
  process.stderr.write('measuring in a Chromium worker');
  const browser = process.argv.includes('--no-browser') ? 'Chromium not measured (--no-browser).' : await measureGemmInChromium(cases, measure);
  printGemmTable(`Matrix products, float32, single thread, GFLOP/s (Node ${process.version})`, cases, backends, ours, torch);
  if (typeof browser === 'string') console.log(`\n${browser}`);
  else {
    const rows = browser.gflops.map((g) => browser.backends.map((b) => g[b] ?? 0));
    printGemmTable(`In a Web Worker of Chromium ${browser.version}, GFLOP/s (PyTorch: the run above)`, cases, browser.backends, rows, torch);
  }
  if (!torch) console.log('PyTorch not measured: /usr/bin/python3 with torch is not available here.');
}
