/**
 * Values compared side by side (issue 10.3) and links that reproduce what was seen (issue 10.5):
 * a sweep runs one worker per value and overlays them; a live change made during a run is carried
 * in the link and replayed at its step.
 */
import { expect, test, type Page } from '@playwright/test';
import { open } from './open';

test.describe.configure({ timeout: 150_000 });

const step = (page: Page) => page.evaluate(() => window.trainingPlayground?.status()?.step ?? 0);

test('a link with a 3-value learning-rate comparison runs them side by side, overlaid with 3 legends, losses in order', async ({ page }) => {
  await open(page, 'v=1&optimizer.lr=0.003&training.epochs=12&compare.optimizer.lr=0.0003,0.003,0.03');
  const sweep = page.getByTestId('sweep-status');
  await expect(sweep).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(sweep).toContainText('Learning rate 0.0003, 0.003, 0.03: compared');
  // the comparison ran once: the address bar no longer asks for it (a reload would run it again)
  expect(page.url()).not.toContain('compare.');
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('lr=0.03');
  await expect(rows.nth(1)).toContainText('lr=0.003');
  await expect(rows.nth(2)).toContainText('lr=0.0003');
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toContainText('Finished');
  // 12 epochs of 20 batches each
  const losses = (await rows.getByTestId('run-val-loss').allTextContents()).map(Number);
  expect(losses[2]).toBeGreaterThan(losses[1]);
  expect(losses[1]).toBeGreaterThan(losses[0]);
  const legend = page.locator('[data-chart="loss"]').getByTestId('legend-run');
  await expect(legend).toHaveText(['lr=0.0003', 'lr=0.003', 'lr=0.03']);
  await expect(page.locator('[data-chart="lr"]').getByTestId('legend-run')).toHaveCount(3);
  // the loss chart as a picture: a PNG twice the card's size (with a margin), legend and curves in it
  const card = page.locator('[data-chart="loss"]');
  await card.scrollIntoViewIfNeeded();
  const box = (await card.boundingBox())!;
  const download = page.waitForEvent('download');
  await card.getByTestId('download-png').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('training-playground-loss.png');
  const bytes = await (await import('node:fs/promises')).readFile((await file.path())!);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.readUInt32BE(16)).toBe(Math.ceil((box.width + 24) * 2));
  expect(bytes.readUInt32BE(20)).toBe(Math.ceil((box.height + 24) * 2));
  expect(bytes.length).toBeGreaterThan(20_000); // not a blank picture
  // the comparison as one PyTorch program: the training a function of the rate, run for each
  const sweepButton = page.getByTestId('download-sweep');
  await sweepButton.scrollIntoViewIfNeeded();
  await expect(sweepButton).toBeEnabled({ timeout: 30_000 });
  const script = page.waitForEvent('download');
  await sweepButton.click();
  const py = await script;
  expect(py.suggestedFilename()).toMatch(/^compare_lr_.*\.py$/);
  const text = await (await import('node:fs/promises')).readFile((await py.path())!, 'utf8');
  expect(text).toContain('SWEEP = [0.0003, 0.003, 0.03]');
  expect(text).toContain('lr=value');
  expect(text).toContain('EPOCHS = 12');
});

test('the Compare values form runs a dropout comparison, Stop keeps what ran, and a reload keeps the runs', async ({ page }) => {
  await open(page, 'v=1&training.epochs=400', 'normal');
  await expect.poll(() => step(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const form = page.getByTestId('sweep');
  await form.scrollIntoViewIfNeeded();
  await form.getByLabel('Setting').selectOption('model.dropout');
  await expect(form.getByLabel('Values')).toHaveValue('0, 0.25, 0.5');
  // a bad value is refused beside the form, and nothing starts
  await form.getByLabel('Values').fill('0, 1');
  await form.getByRole('button', { name: 'Run side by side' }).click();
  await expect(page.getByTestId('sweep-error')).toContainText('model.dropout');
  await expect(page.getByTestId('sweep-status')).toHaveCount(0);
  await form.getByLabel('Values').fill('0, 0.5');
  await form.getByRole('button', { name: 'Run side by side' }).click();
  const status = page.getByTestId('sweep-status');
  await expect(status).toHaveAttribute('data-state', 'running');
  // the run under way was paused and kept; the two values train in their own workers
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('#4 dropout=0.5');
  await expect(rows.nth(1)).toContainText('#3 dropout=0');
  await expect(rows.nth(0)).toContainText('Training');
  const epochs = async () => Number(await rows.nth(0).locator('td').nth(1).textContent());
  await expect.poll(epochs, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.locator('[data-chart="loss"]').getByTestId('legend-run')).toHaveCount(3);
  // the run bar's Pause is the comparison's
  await page.getByRole('button', { name: 'Pause' }).first().click();
  await expect(status).toHaveAttribute('data-state', 'paused');
  await status.getByRole('button', { name: 'Stop' }).click();
  await expect(status).toHaveAttribute('data-state', 'done');
  await expect(rows.nth(0)).toContainText(/Stopped at step \d+/);
  await page.waitForTimeout(1500); // written a second after the change
  await page.reload();
  await expect(page.getByTestId('run-row')).toHaveCount(4, { timeout: 30_000 });
  await expect(page.getByTestId('run-row').nth(1)).toContainText('dropout=0.5');
  await expect(page.getByTestId('run-row').nth(2)).toContainText('dropout=0');
});

test('a link with a live change of the learning rate replays it at its step: the same first 20 losses', async ({ page, browser }) => {
  // 30 epochs of 20 batches at Slow: a few steps a second, so the change comes early in the run
  await open(page, 'v=1&optimizer.lr=0.02&training.epochs=30', 'slow');
  await expect.poll(() => step(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).first().click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const input = page.getByRole('textbox', { name: 'Learning rate', exact: true });
  await input.fill('0.3');
  await input.press('Enter');
  const changedAt = await step(page);
  // early enough that the 20 losses compared below hold steps after the change (a loaded 2-core
  // machine reached step 15 at Slow before the pause once: fresh-clone CI)
  expect(changedAt).toBeLessThan(19);
  // the address bar carries the run's start and the change at its step
  await expect.poll(() => page.url()).toContain(`optimizer.lr=0.02&training.epochs=30&change.${changedAt}.optimizer.lr=0.3`);
  for (let i = 0; i < 25 - changedAt; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => step(page)).toBeGreaterThanOrEqual(25);
  const seen = await page.evaluate(() => window.trainingPlayground!.losses(20));
  const link = page.url();

  const again = await browser.newPage();
  await open(again, link.slice(link.indexOf('#') + 1), 'slow');
  await expect.poll(() => step(again), { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
  expect(await again.evaluate(() => window.trainingPlayground!.losses(20))).toEqual(seen);
  // once past the change, the page shows the rate it changed to, and the run's label says so
  await expect(again.getByRole('textbox', { name: 'Learning rate', exact: true })).toHaveValue('0.3');
  // without the change, the losses part after it: the replay is what made them equal
  const plain = await browser.newPage();
  await open(plain, 'v=1&optimizer.lr=0.02&training.epochs=30', 'slow');
  await expect.poll(() => step(plain), { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
  const unchanged = await plain.evaluate(() => window.trainingPlayground!.losses(20));
  expect(unchanged.slice(0, changedAt)).toEqual(seen.slice(0, changedAt));
  expect(unchanged.slice(changedAt + 1)).not.toEqual(seen.slice(changedAt + 1));
});

test('the learning-rate lesson compares a rate too small, a good one and one too large side by side', async ({ page }) => {
  await open(page, 'lesson=lrTooLarge');
  // the lesson's own run blows up first (a step a second, to be watched)
  await expect.poll(() => page.evaluate(() => window.trainingPlayground?.status()?.state), { timeout: 30_000 }).toBe('diverged');
  await page.getByRole('button', { name: 'Compare lr = 0.0001, 0.01, 1 side by side' }).click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  const rows = page.getByTestId('run-row');
  // the lesson's own run (lr = 1, diverged) is kept too, before the three
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('lr=1');
  await expect(rows.nth(0)).toContainText('Diverged at step 3');
  await expect(rows.nth(1)).toContainText('lr=0.01');
  await expect(rows.nth(1)).toContainText('Finished');
  await expect(rows.nth(2)).toContainText('lr=0.0001');
  await expect(rows.nth(3)).toContainText('Diverged at step 3');
  const [, good, small] = (await rows.getByTestId('run-val-loss').allTextContents()).map(Number);
  expect(good).toBeLessThan(small);
  await expect(page.locator('[data-chart="loss"]').getByTestId('legend-run')).toHaveCount(4);
});
