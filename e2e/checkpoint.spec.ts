/**
 * Keeping a model (issue 13.3): Save model downloads a checkpoint; after a reload, Load model
 * continues from it at its step with the same validation loss; three bad files are refused with
 * their messages and leave the run as it was.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { open } from './open';

test.describe.configure({ timeout: 90_000 });

async function pausedAfterSomeSteps(page: Page): Promise<number> {
  await expect.poll(() => page.evaluate(() => window.trainingPlayground?.status()?.step ?? 0), { timeout: 20_000 }).toBeGreaterThan(60);
  await page.locator('#run-bar').getByRole('button', { name: 'Pause', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.trainingPlayground?.status()?.playing)).toBe(false);
  return page.evaluate(() => window.trainingPlayground!.status()!.step);
}

test('save the model, reload the page, load it: the same step and validation loss, and training goes on from there', async ({ page }) => {
  await open(page, 'v=1&data.dataset=moons&model.dropout=0.1', 'fast');
  const step = await pausedAfterSomeSteps(page);
  const panel = page.getByTestId('checkpoints');
  await panel.scrollIntoViewIfNeeded();
  const download = page.waitForEvent('download');
  await panel.getByTestId('save-model').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`training-playground-moons-step${step}.json`);
  const saved = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { run: { step: number }; validationLoss: number; model: Record<string, unknown>; config: { data: { dataset: string } } };
  expect(saved.run.step).toBe(step);
  expect(Object.keys(saved.model)).toContain('6.weight');
  // the weights' own validation loss when saved (mid-epoch: not the last evaluation's)
  expect(saved.validationLoss).toBeGreaterThan(0);

  // another start: the default experiment, then the file
  await page.goto('./#v=1');
  await page.reload();
  await pausedAfterSomeSteps(page);
  await page.getByTestId('load-model-file').setInputFiles((await file.path())!);
  await expect(page.getByTestId('notice-checkpointLoaded')).toContainText(`Loaded the model saved at step ${step}`);
  expect(await page.evaluate(() => window.trainingPlayground!.config().data.dataset)).toBe('moons');
  expect(await page.evaluate(() => window.trainingPlayground!.status()!.step)).toBe(step);
  // (the evaluation at load comes by the metrics stream, which may land just after the answer)
  await expect.poll(async () => (await page.evaluate(() => window.trainingPlayground!.evaluation()))?.step).toBe(step);
  const evaluation = await page.evaluate(() => window.trainingPlayground!.evaluation());
  expect(evaluation!.validation.loss).toBeCloseTo(saved.validationLoss, 5);
  await expect(page.locator('#run-bar')).toContainText(saved.validationLoss.toFixed(3));
  // Play: it trains on from the saved step
  await page.locator('#run-bar').getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.trainingPlayground!.status()!.step)).toBeGreaterThan(step + 10);
});

test('three bad files are refused with what is wrong, and the run stays as it was', async ({ page }) => {
  await open(page, 'v=1', 'fast');
  const step = await pausedAfterSomeSteps(page);
  const input = page.getByTestId('load-model-file');
  const refused = page.getByTestId('notice-checkpointRefused');
  // a checkpoint of another model: one hidden layer of 8, and only its first weight in the file
  const config = await page.evaluate(() => window.trainingPlayground!.config());
  config.model.hiddenLayers = [8];
  const cases: Array<[string, string, RegExp]> = [
    ['empty.json', '', /The file is empty\./],
    ['points.csv', 'x,y,label\n0.1,0.2,1\n', /The file is not JSON \([\s\S]*\); a checkpoint is the \.json file "Save model" writes\./],
    [
      'other.json',
      JSON.stringify({ format: 'training-playground-checkpoint', version: 1, config, run: { step: 3, epoch: 0, samplesSeen: 48 }, model: { '0.weight': { shape: [8, 2], data: new Array(16).fill(0.1) } }, optimizer: { state: {}, paramGroups: [] } }),
      /The checkpoint's model does not fit this experiment's \(missing 0\.bias, 2\.weight, 2\.bias\)\./,
    ],
  ];
  for (const [name, text, message] of cases) {
    await input.setInputFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(text) });
    await expect(refused).toContainText('This file could not be loaded, so the run is as it was.');
    await expect(refused).toContainText(message);
    expect(await page.evaluate(() => window.trainingPlayground!.status()!.step)).toBe(step);
    expect(await page.evaluate(() => window.trainingPlayground!.config().data.dataset)).toBe('spiral');
    await refused.getByRole('button').click();
  }
});
