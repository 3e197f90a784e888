/**
 * `npm run bench:ui`: main-thread smoothness of the built page while it trains the default
 * experiment (made long enough to run the whole time) for 30 s in Debian's Chromium:
 *   - long tasks (main-thread tasks over 50 ms, PerformanceObserver 'longtask'): target none;
 *   - how often the charts change (DOM mutations of the curves panel, per second): target ≥ 10 Hz;
 *   - frames: the longest gap between requestAnimationFrame callbacks.
 * Run `npx vite build` first; this starts its own `vite preview`.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 30);
const port = 4179;
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
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
    (function watch() {
      const curves = document.querySelector('[aria-labelledby="curves-title"]');
      if (!curves) return void setTimeout(watch, 100);
      new MutationObserver(function () { window.__bench.mutations.push(performance.now()); })
        .observe(curves, { subtree: true, childList: true, attributes: true, characterData: true });
    })();
  `);
  // The default experiment, with enough epochs to keep training for the whole measurement.
  await page.goto(`${base}#v=1&training.epochs=5000`);
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  await page.waitForTimeout(2000); // settle: worker start, first charts
  await page.evaluate('window.__bench.longTasks.length = 0; window.__bench.mutations.length = 0; window.__bench.frameGaps.length = 0;');
  await page.waitForTimeout(seconds * 1000);
  const result = (await page.evaluate('window.__bench')) as { longTasks: number[]; mutations: number[]; frameGaps: number[] };
  const steps = (await page.evaluate('window.trainingPlayground?.status()?.step ?? 0')) as number;
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
  console.log(`\nMain thread while training the default experiment for ${seconds} s (1440×900, Chromium headless):`);
  console.log(`  long tasks (> 50 ms): ${result.longTasks.length}${result.longTasks.length ? ` (longest ${Math.max(...result.longTasks).toFixed(0)} ms)` : ''}  — target 0: ${result.longTasks.length === 0 ? 'met' : 'MISSED'}`);
  console.log(`  chart updates: ${(updates / seconds).toFixed(1)} per second — target ≥ 10: ${updates / seconds >= 10 ? 'met' : 'MISSED'}`);
  console.log(`  frames: ${gaps.length} (${(gaps.length / seconds).toFixed(0)}/s), 99th-percentile gap ${p99.toFixed(1)} ms, longest ${(gaps[gaps.length - 1] ?? 0).toFixed(1)} ms`);
  console.log(`  training steps in that time: ${steps}\n`);
} finally {
  server.kill();
}
