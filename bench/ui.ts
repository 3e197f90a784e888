/**
 * `npm run bench:ui`: main-thread smoothness of the built page while it trains the default
 * experiment (made long enough to run the whole time) for 30 s in Debian's Chromium:
 *   - long tasks (main-thread tasks over 50 ms, PerformanceObserver 'longtask'): target none;
 *   - how often the charts change (DOM mutations of the curves panel and redraws of its canvases,
 *     per second): target ≥ 10 Hz;
 *   - frames: the longest gap between requestAnimationFrame callbacks.
 * Also: the JavaScript the first load fetches, gzipped (target < 300 kB).
 * Run `npx vite build` first; this starts its own `vite preview`.
 * `--profile=FILE` also writes a CPU profile of the page's main thread over the measurement and
 * prints the functions with the most self time (build with `--minify false` for readable names);
 * `--allocations` prints the main thread's allocation rate and where it comes from (and writes the
 * sampled profile to /tmp/allocations.json).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

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
  console.log(`\nmain-thread tasks over 50 ms in the trace: ${long.length}`);
  for (const task of long.slice(0, 12)) {
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    const top = inside
      .filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!))
      .map((e) => `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}${e.args?.data?.type ? ` ${e.args.data.type}` : ''} ${(e.dur! / 1000).toFixed(1)}`);
    console.log(`  ${(task.dur! / 1000).toFixed(0)} ms: ${top.join(', ')}`);
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
const port = 4179;
// vite itself, not npx: killing npx would leave its vite child serving after the benchmark
const server = spawn('node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
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

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.addInitScript(`
    window.__bench = { longTasks: [], mutations: [], frameGaps: [] };
    new PerformanceObserver(function (list) {
      for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    let last = performance.now();
    requestAnimationFrame(function frame(t) {
      window.__bench.frameGaps.push(t - last);
      last = t;
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
  // The default experiment, with enough epochs to keep training for the whole measurement.
  // First load: every script the page fetched before the measurement starts, gzipped.
  const scripts: Promise<{ name: string; gzipped: number }>[] = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('.js')) return;
    scripts.push(response.body().then((body) => ({ name: response.url().split('/').pop()!, gzipped: gzipSync(body).length })));
  });
  await page.goto(`${base}#v=1&training.epochs=5000`);
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  await page.waitForTimeout(2000); // settle: worker start, first charts
  const firstLoad = await Promise.all(scripts);
  // Then with the charts on screen (their axes load as they come into view): that is what is measured.
  await page.locator('.curves-grid').evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(2000);
  await page.evaluate('window.__bench.longTasks.length = 0; window.__bench.mutations.length = 0; window.__bench.frameGaps.length = 0;');
  const cdp = profileFile || allocations ? await page.context().newCDPSession(page) : null;
  if (cdp && allocations) await cdp.send('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  if (cdp && profileFile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  if (traceFile) await browser.startTracing(page, { path: traceFile, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
  await page.waitForTimeout(seconds * 1000);
  if (traceFile) {
    await browser.stopTracing();
    printLongTasks(JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents: TraceEvent[] });
  }
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
  const result = (await page.evaluate('window.__bench')) as { longTasks: number[]; mutations: number[]; frameGaps: number[] };
  const steps = (await page.evaluate('window.trainingPlayground?.status()?.step ?? 0')) as number;
  const heapMb = (await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize / 1048576 : 0')) as number;
  await browser.close();

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
  console.log(`\nFirst load (1440×900, no scrolling): ${firstLoadKb.toFixed(1)} kB of JavaScript gzipped — target < 300: ${firstLoadKb < 300 ? 'met' : 'MISSED'}`);
  for (const f of firstLoad) console.log(`  ${(f.gzipped / 1000).toFixed(1).padStart(6)} kB  ${f.name}`);
  console.log(`\nMain thread while training the default experiment for ${seconds} s (1440×900, the charts on screen, Chromium headless):`);
  console.log(`  long tasks (> 50 ms): ${result.longTasks.length}${result.longTasks.length ? ` (longest ${Math.max(...result.longTasks).toFixed(0)} ms)` : ''}  — target 0: ${result.longTasks.length === 0 ? 'met' : 'MISSED'}`);
  console.log(`  chart updates: ${(updates / seconds).toFixed(1)} per second — target ≥ 10: ${updates / seconds >= 10 ? 'met' : 'MISSED'}`);
  console.log(`  frames: ${gaps.length} (${(gaps.length / seconds).toFixed(0)}/s), 99th-percentile gap ${p99.toFixed(1)} ms, longest ${(gaps[gaps.length - 1] ?? 0).toFixed(1)} ms`);
  console.log(`  training steps in that time: ${steps}; JS heap at the end ${heapMb.toFixed(1)} MB\n`);
} finally {
  server.kill();
}
