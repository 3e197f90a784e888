/**
 * The learning-rate finder (issue 13.2): "Find LR" runs the range test on a copy of the model in
 * the worker, draws loss against the rate on a log axis with the suggestion marked, and "Use lr = …"
 * sets it; the run is not disturbed.
 */
import { expect, test, type Page } from '@playwright/test';
import { open } from './open';

test.describe.configure({ timeout: 90_000 });

const status = (page: Page) => page.evaluate(() => window.trainingPlayground?.status() ?? null);
const suggestionIn = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('lr-finder-result').textContent()) ?? '';
  return Number(/Suggested lr = ([0-9.e-]+):/.exec(text)?.[1]);
};

test('Find LR on a paused run: the curve, the marks and the suggestion, which Use sets; the run is not moved', async ({ page }) => {
  await open(page, 'v=1&optimizer.lr=0.0001', 'normal');
  // the run plays a few steps, then is paused: the test copies the model at that step
  await expect.poll(async () => (await status(page))?.step ?? 0).toBeGreaterThan(3);
  await page.locator('#run-bar').getByRole('button', { name: 'Pause', exact: true }).click();
  await expect.poll(async () => (await status(page))?.playing).toBe(false);
  const at = (await status(page))!.step;
  const before = await page.evaluate(() => window.trainingPlayground!.losses(1000));
  await page.getByTestId('find-lr').click();
  const card = page.getByTestId('lr-finder');
  await expect(card).toBeInViewport({ timeout: 10_000 });
  await expect(page.getByTestId('lr-finder-result')).toBeVisible({ timeout: 20_000 });
  const suggestion = await suggestionIn(page);
  // the spiral with Adam: about 0.01 (a tenth of the lowest point of the curve)
  expect(suggestion).toBeGreaterThan(0.003);
  expect(suggestion).toBeLessThan(0.05);
  await expect(card).toContainText(`Measured on a copy of the model at step ${at};`);
  // the marks sit where their rates are: suggestion left of the minimum, a decade apart
  const x = async (kind: string) => Number(await card.locator(`[data-mark=${kind}] line`).getAttribute('x1'));
  const perDecade = (Number(await card.locator('.finder-tick').last().getAttribute('x')) - Number(await card.locator('.finder-tick').nth(0).getAttribute('x'))) / 8;
  expect((await x('minimum')) - (await x('suggestion'))).toBeGreaterThan(0.9 * perDecade);
  expect((await x('minimum')) - (await x('suggestion'))).toBeLessThan(1.1 * perDecade);
  expect(await x('current')).toBeLessThan(await x('suggestion'));
  await expect(card.locator('path.finder-smoothed')).toHaveAttribute('d', /^M[\d.]+ -?[\d.]+(L[\d.]+ -?[\d.]+){100,}$/);
  // the run did not move: same step, same losses
  expect((await status(page))?.step).toBe(at);
  expect(await page.evaluate(() => window.trainingPlayground!.losses(1000))).toEqual(before);
  // Use: the rate in force becomes the suggestion, and the card says so
  await card.getByTestId('lr-finder-use').click();
  await expect.poll(() => page.evaluate(() => window.trainingPlayground!.config().optimizer.lr)).toBe(suggestion);
  await expect(card).toContainText('The suggestion is the learning rate in force.');
  await expect(page.getByLabel('Learning rate', { exact: true }).first()).toHaveValue(String(suggestion));
});

test('the lesson: Find LR from its card, beside the loss; Use, and the crawling run learns', async ({ page }) => {
  // at the lesson's own pace, as a class sees it: Find LR pressed early in the run
  await open(page, 'lesson=lrFinder', 'normal');
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('Find a learning rate');
  await lesson.getByTestId('lesson-find-lr').click();
  await expect(page.getByTestId('lr-finder-result')).toBeVisible({ timeout: 20_000 });
  const suggestion = await suggestionIn(page);
  expect(suggestion).toBeGreaterThan(0.003);
  expect(suggestion).toBeLessThan(0.05);
  await page.getByTestId('lr-finder-use').click();
  await expect.poll(() => page.evaluate(() => window.trainingPlayground!.config().optimizer.lr)).toBe(suggestion);
  // at 1e-4 the loss sits at 0.69; with the suggestion it falls
  await expect
    .poll(async () => (await page.evaluate(() => window.trainingPlayground!.evaluation()))?.validation.loss ?? 1, { timeout: 60_000 })
    .toBeLessThan(0.5);
});
