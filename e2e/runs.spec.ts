/**
 * Runs compared side by side (issue 10): every run is kept when a new one starts, listed with the
 * settings that set it apart, and drawn over the current one in its colour.
 */
import { expect, test, type Page } from '@playwright/test';
import { open } from './open';

// Each test runs several experiments one after another; on a 2-core CI machine with two browsers
// training at once, their role queries alone take seconds.
test.describe.configure({ timeout: 120_000 });

const state = (page: Page) => page.evaluate(() => window.trainingPlayground?.status()?.state ?? null);

/** On a finished run, a new rate runs the experiment again: one more row in the runs table. */
async function runWithRate(page: Page, lr: string, rows: number): Promise<void> {
  const input = page.getByRole('textbox', { name: 'Learning rate', exact: true });
  await input.fill(lr);
  await input.press('Enter');
  await expect(page.getByTestId('run-row')).toHaveCount(rows, { timeout: 30_000 });
  await expect.poll(() => state(page), { timeout: 30_000 }).toBe('finished');
}

test('three learning rates run one after another are kept, labelled by their rate, and overlaid in order', async ({ page }) => {
  await open(page, 'v=1&optimizer.lr=0.0003&training.epochs=12');
  await expect.poll(() => state(page), { timeout: 30_000 }).toBe('finished');
  await runWithRate(page, '0.003', 2);
  await runWithRate(page, '0.03', 3);

  const runs = page.getByTestId('runs');
  await runs.scrollIntoViewIfNeeded();
  const rows = runs.getByTestId('run-row');
  await expect(rows).toHaveCount(3);
  // this run first, then the earlier ones, newest first
  await expect(rows.nth(0)).toContainText('#3 lr=0.03 (this run)');
  await expect(rows.nth(1)).toContainText('#2 lr=0.003');
  await expect(rows.nth(2)).toContainText('#1 lr=0.0003');
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toContainText('Finished');
  // a larger rate learns more in the same 12 epochs: the validation losses fall in that order
  const losses = await rows.getByTestId('run-val-loss').allTextContents();
  const [now, second, first] = losses.map(Number);
  expect(first).toBeGreaterThan(second);
  expect(second).toBeGreaterThan(now);

  // the loss chart draws both earlier runs with a legend entry each, in their colours
  const lossCard = page.locator('[data-chart="loss"]');
  await expect(lossCard.getByTestId('legend-run')).toHaveText(['lr=0.0003', 'lr=0.003']);
  // a name replaces the label in the table and the legend; Escape keeps the old one; reloads keep it
  await rows.nth(1).getByRole('button', { name: 'Rename run #2' }).click();
  const box = rows.nth(1).getByRole('textbox', { name: 'Name of run #2' });
  await box.fill('ten times faster');
  await box.press('Enter');
  await expect(lossCard.getByTestId('legend-run')).toHaveText(['lr=0.0003', 'ten times faster']);
  await rows.nth(1).getByRole('button', { name: 'Rename run #2' }).click();
  await rows.nth(1).getByRole('textbox', { name: 'Name of run #2' }).fill('never mind');
  await rows.nth(1).getByRole('textbox', { name: 'Name of run #2' }).press('Escape');
  await expect(rows.nth(1)).toContainText('#2 ten times faster');
  // hidden, a run leaves the charts and stays in the table; forgotten, it leaves both
  await rows.nth(2).getByRole('checkbox').uncheck();
  await expect(lossCard.getByTestId('legend-run')).toHaveText(['ten times faster']);
  await rows.nth(1).getByRole('button', { name: 'Forget run #2' }).click();
  await expect(rows).toHaveCount(2);
  await expect(lossCard.getByTestId('legend-run')).toHaveCount(0);
});

test('a setting changed while a run goes on is part of its label', async ({ page }) => {
  await open(page, 'v=1&training.epochs=1000', 'fast'); // 300 steps a second: still running when changed
  await expect.poll(() => page.evaluate(() => window.trainingPlayground?.status()?.step ?? 0), { timeout: 30_000 }).toBeGreaterThan(50);
  const input = page.getByRole('textbox', { name: 'Learning rate', exact: true });
  await input.fill('0.05');
  await input.press('Enter');
  await page.getByRole('button', { name: 'Reset' }).first().click();
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(/#1 lr=0\.01, lr→0\.05 @\d+/);
  await expect(rows.nth(0)).toContainText('#2 lr=0.05 (this run)');
  await expect(rows.nth(1)).toContainText(/Stopped at step \d+/);
});

test('the CSV download holds every step of this run and of the kept run drawn with it', async ({ page }) => {
  await open(page, 'v=1&optimizer.lr=0.001&training.epochs=3');
  await expect.poll(() => state(page), { timeout: 30_000 }).toBe('finished');
  await runWithRate(page, '0.01', 2);
  const steps = await page.evaluate(() => window.trainingPlayground!.status()!.step);
  const download = page.waitForEvent('download');
  await page.getByTestId('download-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('training-playground-runs.csv');
  const text = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^run,label,optimizer\.lr,training\.batchSize,step,epoch,batch_loss,lr,grad_norm,train_loss,val_loss,train_metric,val_metric$/);
  // two runs of the same length: each step, and each run's evaluation before training
  expect(lines.length - 1).toBe(2 * (steps + 1));
  expect(lines.filter((l) => l.startsWith('1,lr=0.001,0.001,')).length).toBe(steps + 1);
  expect(lines.filter((l) => l.startsWith('2,lr=0.01,0.01,')).length).toBe(steps + 1);
});

test('a reload keeps the runs, the one under way included, and numbers the next after them', async ({ page }) => {
  await open(page, 'v=1&optimizer.lr=0.0003&training.epochs=3');
  await expect.poll(() => state(page), { timeout: 30_000 }).toBe('finished');
  await runWithRate(page, '0.003', 2);
  const before = await page.getByTestId('run-val-loss').allTextContents();
  // written a moment after the run ended: both runs are in IndexedDB, the second as it finished
  const stored = () =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const request = indexedDB.open('training-playground', 1);
          request.onsuccess = () => {
            const all = request.result.transaction('runs').objectStore('runs').getAll();
            all.onsuccess = () => resolve((all.result as Array<{ id: number; status: { state: string } | null }>).map((r) => `${r.id}:${r.status?.state}`));
          };
        }),
    );
  await expect.poll(stored, { timeout: 10_000 }).toEqual(['1:finished', '2:finished']);
  await page.reload();
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(3, { timeout: 30_000 });
  await expect(rows.nth(0)).toContainText('#3');
  await expect(rows.nth(0)).toContainText('(this run)');
  await expect(rows.nth(1)).toContainText('#2 lr=0.003');
  await expect(rows.nth(2)).toContainText('#1 lr=0.0003');
  // the same final numbers as before the reload
  const after = await page.getByTestId('run-val-loss').allTextContents();
  expect(after.slice(1)).toEqual(before);
  await expect(page.locator('[data-chart="loss"]').getByTestId('legend-run')).toHaveText(['lr=0.0003', 'lr=0.003']);
});

test('a corrupt stored history is left out with a message, and the page trains', async ({ page }) => {
  await page.addInitScript(() => {
    // what an older or broken version might have left: one good-looking but unreadable record
    const request = indexedDB.open('training-playground', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('runs');
    request.onsuccess = () => {
      const tx = request.result.transaction('runs', 'readwrite');
      tx.objectStore('runs').put([{ id: 1, config: { nonsense: true }, steps: 'x' }], 'kept');
    };
  });
  await open(page, 'v=1');
  await expect(page.getByTestId('notice-runsUnreadable')).toContainText('One run kept from an earlier visit could not be read');
  await expect.poll(() => page.evaluate(() => window.trainingPlayground?.status()?.step ?? 0), { timeout: 30_000 }).toBeGreaterThan(10);
});
