/**
 * Issue 11: the run's worker trains on WebAssembly SIMD in Chromium (relaxed SIMD, which Chromium
 * ships), the page says so in its footer in both languages and through window.trainingPlayground,
 * and a model big enough to use the WebAssembly kernels (digits, 64-128-64-10: every product over
 * their 2048 multiply-add threshold) learns.
 */
import { expect, test } from '@playwright/test';
import { open } from './open';

test('the worker runs the relaxed-SIMD kernels, the footer says so, and digits learns on them', async ({ page }) => {
  await open(page, 'v=1&data.dataset=digits&model.hiddenLayers=128,64&optimizer.name=adam&optimizer.lr=0.003');
  await expect.poll(() => page.evaluate(() => window.trainingPlayground?.backend() ?? null), { timeout: 20_000 }).toBe('wasm-relaxed-simd');
  await expect(page.locator('.app-footer')).toHaveText('The network trains in a Web Worker, its matrix products in WebAssembly SIMD with fused multiply-add (relaxed SIMD).');
  await expect.poll(async () => (await page.evaluate(() => window.trainingPlayground!.losses().length)), { timeout: 30_000 }).toBeGreaterThan(200);
  const losses = await page.evaluate(() => window.trainingPlayground!.losses(200));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  // ln 10 ≈ 2.30 at the start; after 200 Adam steps the batches' loss is well under half of it
  expect(mean(losses.slice(0, 5))).toBeGreaterThan(1.8);
  expect(mean(losses.slice(180, 200))).toBeLessThan(0.8);

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.locator('.app-footer')).toHaveText('网络在 Web Worker 中训练，矩阵乘法使用 WebAssembly SIMD（relaxed SIMD，融合乘加）。');
});
