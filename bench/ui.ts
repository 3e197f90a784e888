/**
 * `npm run bench:ui`: main-thread smoothness of the built page while it loads, scrolls and trains
 * the default experiment (made long enough to run the whole time) in Debian's Chromium:
 *   - long tasks (main-thread tasks over 50 ms, a buffered PerformanceObserver 'longtask' from
 *     navigation): target none, in each phase — from navigation to the first training step, until
 *     the charts are scrolled to, scrolling the charts into view, 30 s of training with the charts
 *     on screen, scrolling back to the top and through the whole page;
 *   - how often the charts change (DOM mutations of the curves panel and redraws of its canvases,
 *     per second), over the 30 s: target ≥ 10 Hz;
 *   - frames: the longest gap between requestAnimationFrame callbacks, over the 30 s.
 * Also: the JavaScript the first load fetches, gzipped (target < 300 kB).
 * Run `npx vite build` first; this starts its own `vite preview` of BENCH_DIST (default dist) on
 * BENCH_PORT (default 4179), so that two checkouts can measure at once.
 * `--profile=FILE` also writes a CPU profile of the page's main thread over the 30 s and prints the
 * functions with the most self time (build with `--minify false` for readable names);
 * `--trace=FILE` writes a Chromium trace from navigation to the end and prints what each task
 * over 50 ms did; `--allocations` prints the main thread's allocation rate over the 30 s and where
 * it comes from (and writes the sampled profile to /tmp/allocations.json); `--kept-runs` first
 * stores 10 earlier runs of 10,000 steps each (issue 10's load), which the page reads back and
 * draws over the charts the whole time.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { defaultConfig } from '../engine/train/config';
import { RUN_COLORS } from '../app/store/runs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { functionName?: string; url?: string; timerId?: number; type?: string } };
}

/** Each main-thread task over 50 ms, and the events inside it that took the most time. */
function printLongTasks(trace: { traceEvents: TraceEvent[] }): void {
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const main = events.find((e) => e.name === 'RunTask' && events.some((f) => f.tid === e.tid && f.name === 'TimerFire'));
  if (!main) return;
  const onMain = events.filter((e) => e.tid === main.tid && e.pid === main.pid).sort((a, b) => a.ts - b.ts);
  const long = onMain.filter((e) => e.name === 'RunTask' && e.dur! > 50_000);
  const navigation = trace.traceEvents.find((e) => e.name === 'navigationStart')?.ts ?? onMain[0].ts;
  console.log(`\nmain-thread tasks over 50 ms in the trace: ${long.length}`);
  for (const task of long.slice(0, 20)) {
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    const top = inside
      .filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!))
      .map((e) => `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}${e.args?.data?.type ? ` ${e.args.data.type}` : ''} ${(e.dur! / 1000).toFixed(1)}`);
    console.log(`  ${(task.dur! / 1000).toFixed(0)} ms at ${((task.ts - navigation) / 1000).toFixed(0)} ms: ${top.join(', ')}`);
  }
}

interface AllocationNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocationNode[];
}

/** The 25 functions that allocated the most (sampled), in MB per second. */
function printAllocations(head: AllocationNode, seconds: number): void {
  const self = new Map<string, number>();
  const visit = (node: AllocationNode, path: string[]) => {
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    const here = [...path, f.functionName || '?'].slice(-4);
    const key = `${name}  ← ${here.slice(0, -1).reverse().join(' ← ')}`;
    if (node.selfSize > 0) self.set(key, (self.get(key) ?? 0) + node.selfSize);
    for (const child of node.children) visit(child, here);
  };
  visit(head, []);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nallocations on the main thread: ${(total / 1048576 / seconds).toFixed(1)} MB/s`);
  for (const [key, bytes] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${(bytes / 1048576 / seconds).toFixed(2).padStart(6)} MB/s  ${key}`);
  }
}

/** The 25 functions with the most self time in a CDP CPU profile. */
function printHotFunctions(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = byId.get(samples[i])!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nself time on the main thread (${total.toFixed(0)} ms sampled):`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${key}`);
  }
}

const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 30);
const profileFile = process.argv.find((a) => a.startsWith('--profile='))?.slice(10);
const allocations = process.argv.includes('--allocations');
const traceFile = process.argv.find((a) => a.startsWith('--trace='))?.slice(8);
const keptRuns = process.argv.includes('--kept-runs');
const KEPT_RUNS = 10;
const KEPT_STEPS = 10_000;

/**
 * Stores KEPT_RUNS runs of KEPT_STEPS steps (an evaluation every 20) in the page's IndexedDB, as
 * store/runsStorage.ts writes them; done on a page of the same origin that is not the app.
 */
async function seedKeptRuns(page: import('@playwright/test').Page, base: string): Promise<void> {
  await page.goto(`${base}favicon.svg`);
  const configs = Array.from({ length: KEPT_RUNS }, (_, i) => {
    const c = defaultConfig();
    c.optimizer.lr = Number((0.001 * (i + 1)).toPrecision(3));
    c.training.epochs = 5000;
    return c;
  });
  await page.evaluate(
    ({ configs, colors, steps }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('training-playground', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('runs');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const tx = request.result.transaction('runs', 'readwrite');
          configs.forEach((config, r) => {
            const step = new Float64Array(steps), epoch = new Float64Array(steps), lr = new Float64Array(steps);
            const loss = new Float32Array(steps), gradNorm = new Float32Array(steps);
            const evaluations = [];
            for (let i = 0; i < steps; i++) {
              step[i] = i + 1;
              epoch[i] = (i + 1) / 20;
              loss[i] = 0.7 / Math.sqrt(1 + i * (r + 1) * 0.01) + 0.05 * Math.sin(i);
              lr[i] = config.optimizer.lr;
              gradNorm[i] = 1 / Math.sqrt(1 + i);
              if ((i + 1) % 20 === 0) {
                const split = { loss: loss[i], classification: { accuracy: 1 - loss[i] / 2, perClass: [] } };
                evaluations.push({ step: i + 1, epoch: (i + 1) / 20, train: split, validation: split, activations: [] });
              }
            }
            const status = { state: 'paused', step: steps, epoch: steps / 20, playing: false, samplesSeen: 0, bestEpoch: null, bestValidationLoss: null, divergedAtStep: null, divergedLoss: null, reason: null, message: null };
            tx.objectStore('runs').put({ id: r + 1, config, changes: [], status, color: colors[r], visible: true, steps: { step, epoch, loss, lr, gradNorm }, evaluations }, r + 1);
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { configs, colors: [...RUN_COLORS], steps: KEPT_STEPS },
  );
}
const port = Number(process.env.BENCH_PORT ?? 4179);
const dist = process.env.BENCH_DIST ?? 'dist';
// vite itself, not npx: killing npx would leave its vite child serving after the benchmark
const server = spawn('node_modules/.bin/vite', ['preview', '--outDir', dist, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}/`;

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}

interface LongTask {
  start: number;
  duration: number;
}

/** One phase's long tasks: count, longest and total, with a verdict against the target of none. */
function longTaskLine(label: string, tasks: LongTask[]): string {
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  const total = tasks.reduce((sum, t) => sum + t.duration, 0);
  const figures = tasks.length ? ` (longest ${longest.toFixed(0)} ms, ${total.toFixed(0)} ms in all)` : '';
  return `  ${label.padEnd(52)} ${String(tasks.length).padStart(2)}${figures}  — target 0: ${tasks.length === 0 ? 'met' : 'MISSED'}`;
}

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  // Long tasks are kept with their start (ms from navigation), so each phase takes its own; the
  // first training step is seen at the first frame that shows it.
  await page.addInitScript(`
    window.__bench = { longTasks: [], mutations: [], frameGaps: [], firstStep: null };
    new PerformanceObserver(function (list) {
      for (const entry of list.getEntries()) window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    let last = performance.now();
    requestAnimationFrame(function frame(t) {
      window.__bench.frameGaps.push(t - last);
      last = t;
      if (window.__bench.firstStep === null && (window.trainingPlayground?.status()?.step ?? 0) > 0) window.__bench.firstStep = t;
      requestAnimationFrame(frame);
    });
    // the curves are drawn on canvases: each redraw starts with a clearRect
    const clearRect = CanvasRenderingContext2D.prototype.clearRect;
    CanvasRenderingContext2D.prototype.clearRect = function (x, y, w, h) {
      if (this.canvas.classList.contains('curve-canvas')) window.__bench.mutations.push(performance.now());
      return clearRect.call(this, x, y, w, h);
    };
    (function watch() {
      const curves = document.querySelector('[aria-labelledby="curves-title"]');
      if (!curves) return void setTimeout(watch, 100);
      new MutationObserver(function () { window.__bench.mutations.push(performance.now()); })
        .observe(curves, { subtree: true, childList: true, attributes: true, characterData: true });
    })();
  `);
  // First load: every script the page fetched until its first training step, gzipped; then what it
  // fetches in idle time after that, before the charts are scrolled to (prefetched, not waited for).
  const scripts: Promise<{ name: string; gzipped: number; afterFirstStep: boolean }>[] = [];
  let firstStepSeen = false;
  page.on('response', (response) => {
    if (!response.url().endsWith('.js')) return;
    const afterFirstStep = firstStepSeen;
    scripts.push(response.body().then((body) => ({ name: response.url().split('/').pop()!, gzipped: gzipSync(body).length, afterFirstStep })));
  });
  const now = async () => (await page.evaluate('performance.now()')) as number;
  if (traceFile) await browser.startTracing(page, { path: traceFile, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
  if (keptRuns) await seedKeptRuns(page, base);
  // The default experiment, with enough epochs to keep training for the whole measurement.
  await page.goto(`${base}#v=1&training.epochs=5000`);
  await page.waitForFunction('window.__bench.firstStep !== null', null, { timeout: 30_000, polling: 10 });
  firstStepSeen = true;
  await page.waitForTimeout(2000); // settle: worker start, first charts
  const fetched = await Promise.all(scripts);
  const firstLoad = fetched.filter((f) => !f.afterFirstStep);
  const prefetched = fetched.filter((f) => f.afterFirstStep);
  // Then with the charts on screen (their axes load as they come into view): that is what is measured.
  const scrollIn = await now();
  await page.locator('.curves-grid').evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(2000);
  const drawnRuns = keptRuns ? await page.locator('[data-chart="loss"] [data-testid="legend-run"]').count() : 0;
  if (keptRuns && drawnRuns !== KEPT_RUNS) throw new Error(`the loss chart draws ${drawnRuns} kept runs, not ${KEPT_RUNS}: they were not read back`);
  const trainingStart = await now();
  await page.evaluate('window.__bench.mutations.length = 0; window.__bench.frameGaps.length = 0;');
  const cdp = profileFile || allocations ? await page.context().newCDPSession(page) : null;
  if (cdp && allocations) await cdp.send('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  if (cdp && profileFile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await page.waitForTimeout(seconds * 1000);
  const trainingEnd = await now();
  if (cdp && allocations) {
    const { profile } = await cdp.send('HeapProfiler.stopSampling');
    writeFileSync('/tmp/allocations.json', JSON.stringify(profile));
    printAllocations(profile.head as AllocationNode, seconds);
  }
  if (cdp && profileFile) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
    printHotFunctions(profile);
  }
  const result = (await page.evaluate('window.__bench')) as { mutations: number[]; frameGaps: number[] };
  const steps = (await page.evaluate('window.trainingPlayground?.status()?.step ?? 0')) as number;
  const heapMb = (await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize / 1048576 : 0')) as number;
  // Back to the top, then down through the whole page and up again with the wheel, as a reader
  // would (the code panel loads its generator on the way).
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(1000);
  const scrollThrough = await now();
  const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
  for (let y = 0; y < 2 * height; y += 200) {
    await page.mouse.wheel(0, y < height ? 200 : -200);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(2000);
  const end = await now();
  if (traceFile) {
    await browser.stopTracing();
    printLongTasks(JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents: TraceEvent[] });
  }
  const { longTasks, firstStep } = (await page.evaluate('window.__bench')) as { longTasks: LongTask[]; firstStep: number };
  await browser.close();

  const during = (from: number, to: number) => longTasks.filter((t) => t.start >= from && t.start < to);
  // Chart updates: mutation bursts at least 20 ms apart count as one update.
  let updates = 0;
  let lastUpdate = -Infinity;
  for (const t of result.mutations) {
    if (t - lastUpdate > 20) updates++;
    lastUpdate = t;
  }
  const gaps = [...result.frameGaps].sort((a, b) => a - b);
  const p99 = gaps[Math.floor(gaps.length * 0.99)] ?? 0;
  const firstLoadKb = firstLoad.reduce((sum, f) => sum + f.gzipped, 0) / 1000;
  console.log(`\nFirst load (1440×900, no scrolling, to the first training step): ${firstLoadKb.toFixed(1)} kB of JavaScript gzipped — target < 300: ${firstLoadKb < 300 ? 'met' : 'MISSED'}`);
  for (const f of firstLoad) console.log(`  ${(f.gzipped / 1000).toFixed(1).padStart(6)} kB  ${f.name}`);
  if (prefetched.length) console.log('then in idle time, before scrolling:');
  for (const f of prefetched) console.log(`  ${(f.gzipped / 1000).toFixed(1).padStart(6)} kB  ${f.name}`);
  console.log(`\nMain-thread tasks over 50 ms (1440×900, Chromium headless, ${availableParallelism()} cores, no CPU throttling):`);
  console.log(longTaskLine(`navigation to the first training step (${firstStep.toFixed(0)} ms)`, during(0, firstStep)));
  console.log(longTaskLine('first step until the charts are scrolled to (2 s)', during(firstStep, scrollIn)));
  console.log(longTaskLine('scrolling the charts into view (2 s)', during(scrollIn, trainingStart)));
  console.log(longTaskLine(`training, the charts on screen (${seconds} s)`, during(trainingStart, trainingEnd)));
  console.log(longTaskLine('back to the top', during(trainingEnd, scrollThrough)));
  console.log(longTaskLine('scrolling through the whole page and back', during(scrollThrough, end)));
  console.log(`\nWhile training the default experiment for ${seconds} s with the charts on screen${keptRuns ? `, ${KEPT_RUNS} kept runs of ${KEPT_STEPS.toLocaleString('en')} steps drawn over them` : ''}:`);
  console.log(`  chart updates: ${(updates / seconds).toFixed(1)} per second — target ≥ 10: ${updates / seconds >= 10 ? 'met' : 'MISSED'}`);
  console.log(`  frames: ${gaps.length} (${(gaps.length / seconds).toFixed(0)}/s), 99th-percentile gap ${p99.toFixed(1)} ms, longest ${(gaps[gaps.length - 1] ?? 0).toFixed(1)} ms`);
  console.log(`  training steps in that time: ${steps}; JS heap at the end ${heapMb.toFixed(1)} MB\n`);
} finally {
  server.kill();
}
