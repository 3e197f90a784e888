/**
 * Runs bench/browser/worker.ts in a Web Worker of Debian's Chromium (headless, as the e2e tests
 * do): the engine's training steps on each backend the browser has, and TF.js wasm, on the
 * selected workloads (npm run bench); or bench:gemm's matrix products.
 * The worker is bundled with Vite's build API and served, with TF.js's wasm binaries, from a
 * local HTTP server on a free port for the length of the run.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { build, type Rolldown } from 'vite';
import type { Backend } from '../engine/wasm/kernels';
import type { MeasureOptions } from './measure';
import type { BrowserMessage, BrowserRequest } from './browser/worker';
import type { GemmCase } from './gemmCases';
import type { Workload } from './workloads';

export interface BrowserRow {
  ours: Partial<Record<Backend, number>>;
  tfjsWasm: number | string | null;
}

export interface BrowserRun {
  rows: Map<string, BrowserRow>;
  backends: Backend[];
  notes: string[];
  version: string;
}

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function bundleWorker(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    root: process.cwd(),
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: false, target: 'es2022', lib: { entry: 'bench/browser/worker.ts', formats: ['es'], fileName: 'worker' } },
  });
  const output = (Array.isArray(result) ? result[0] : result) as Rolldown.RolldownOutput;
  const chunk = output.output.find((f) => f.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the worker bundle has no chunk');
  return chunk.code;
}

/** Runs one request in the worker; its messages, or why there are none (no Chromium here). */
async function runInChromium(request: BrowserRequest): Promise<{ messages: BrowserMessage[]; version: string } | string> {
  if (!existsSync(CHROMIUM)) return `Chromium not measured: ${CHROMIUM} is missing (CHROMIUM_PATH names another).`;
  const code = await bundleWorker();
  const require = createRequire(import.meta.url);
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  const server = createServer((req, response) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/') response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>');
    else if (path === '/worker.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
    else if (/^\/tfjs\/[\w-]+\.wasm$/.test(path)) {
      response.writeHead(200, { 'content-type': 'application/wasm' }).end(readFileSync(join(wasmDir, path.slice('/tfjs/'.length))));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage();
    await page.exposeFunction('benchProgress', (text: string) => process.stderr.write(text));
    await page.goto(origin);
    const withBase = request.kind === 'steps' && request.tfjsWasmBase !== null ? { ...request, tfjsWasmBase: `${origin}/tfjs/` } : request;
    const messages = await page.evaluate(
      (req) =>
        new Promise<BrowserMessage[]>((resolve) => {
          const received: BrowserMessage[] = [];
          const worker = new Worker('/worker.js', { type: 'module' });
          worker.onerror = (e) => resolve([...received, { kind: 'error', message: e.message }]);
          worker.onmessage = ({ data }: MessageEvent<BrowserMessage>) => {
            if (data.kind === 'progress') void (window as unknown as { benchProgress(t: string): void }).benchProgress(data.text);
            else received.push(data);
            if (data.kind === 'done' || data.kind === 'error') resolve(received);
          };
          worker.postMessage(req);
        }),
      withBase,
    );
    process.stderr.write('\n');
    const failed = messages.find((m) => m.kind === 'error');
    if (failed && failed.kind === 'error') return `Chromium run failed: ${failed.message}`;
    return { messages, version: browser.version() };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The training steps' figures in Chromium, or why there are none. */
export async function measureInChromium(selected: Workload[], measure: MeasureOptions, withTfjs: boolean): Promise<BrowserRun | string> {
  const result = await runInChromium({ kind: 'steps', only: selected.map((w) => w.name), measure, tfjsWasmBase: withTfjs ? '' : null });
  if (typeof result === 'string') return result;
  const run: BrowserRun = { rows: new Map(), backends: [], notes: [], version: result.version };
  for (const message of result.messages) {
    if (message.kind === 'row') run.rows.set(message.workload, { ours: message.ours, tfjsWasm: message.tfjsWasm });
    if (message.kind === 'done') {
      run.backends = message.backends;
      if (message.tfjsNote) run.notes.push(message.tfjsNote);
    }
  }
  return run;
}

/** bench:gemm's GFLOP/s per case and backend in a Chromium worker, or why there are none. */
export async function measureGemmInChromium(cases: GemmCase[], measure: MeasureOptions): Promise<{ gflops: Partial<Record<Backend, number>>[]; backends: Backend[]; version: string } | string> {
  const result = await runInChromium({ kind: 'gemm', cases, measure });
  if (typeof result === 'string') return result;
  const gflops: Partial<Record<Backend, number>>[] = [];
  let backends: Backend[] = [];
  for (const message of result.messages) {
    if (message.kind === 'gemm') gflops.push(message.gflops);
    if (message.kind === 'done') backends = message.backends;
  }
  return { gflops, backends, version: result.version };
}
