import { expect, test, type Page } from '@playwright/test';

/** Console errors and uncaught page errors, to assert there were none. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return errors;
}

/** The number a `data-testid` element of the engine check shows ('87.5%' → 87.5, '–' → NaN). */
async function shown(page: Page, testId: string): Promise<number> {
  return parseFloat((await page.getByTestId(testId).textContent()) ?? '');
}

/**
 * Records every value each `data-testid` element shows, from before the page's own scripts run, so
 * that a value shown for a moment (validation accuracy wobbles by an epoch) is not missed.
 */
async function recordShownValues(page: Page): Promise<(testId: string) => Promise<number[]>> {
  await page.addInitScript(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { shownValues: typeof seen }).shownValues = seen;
    new MutationObserver(() => {
      for (const element of document.querySelectorAll('[data-testid]')) {
        const values = (seen[element.getAttribute('data-testid')!] ??= []);
        const text = element.textContent ?? '';
        if (values.at(-1) !== text) values.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return async (testId) => {
    const texts = await page.evaluate(
      (id) => (window as unknown as { shownValues: Record<string, string[]> }).shownValues[id] ?? [],
      testId,
    );
    return texts.map((text) => parseFloat(text)).filter((value) => Number.isFinite(value));
  };
}

test('the real engine trains in the worker: validation loss falls and accuracy reaches 90 %', async ({ page }) => {
  const errors = collectErrors(page);
  const valuesShown = await recordShownValues(page);
  await page.goto('./');
  await expect(page.getByTestId('status')).toHaveText('Training');

  await expect.poll(async () => (await valuesShown('val-acc')).some((accuracy) => accuracy >= 90), { timeout: 20_000 }).toBe(true);
  const [firstValidationLoss] = await valuesShown('val-loss');
  expect(firstValidationLoss).toBeGreaterThan(0.6); // the untrained 2-class network: about ln 2
  expect(await shown(page, 'val-loss')).toBeLessThan(firstValidationLoss);
  expect(await shown(page, 'train-loss')).toBeLessThan(firstValidationLoss);
  expect(await shown(page, 'epoch')).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('Pause stops the step counter, Play resumes it, Reset starts over from step 0', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await expect.poll(() => shown(page, 'val-loss')).not.toBeNaN();
  await expect.poll(() => shown(page, 'step')).toBeGreaterThan(50);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await page.waitForTimeout(250); // a step request already on its way may still land
  const pausedAt = await shown(page, 'step');
  await page.waitForTimeout(1000);
  expect(await shown(page, 'step')).toBe(pausedAt);

  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('status')).toHaveText('Training');
  await expect.poll(() => shown(page, 'step')).toBeGreaterThan(pausedAt);

  // Reset while paused: exactly step 0, and it stays there; a second reset shows the very same
  // untrained network (same seed), so its validation loss is the same number.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('step')).toHaveText('0');
  await expect(page.getByTestId('epoch')).toHaveText('0 / 200');
  await expect(page.getByTestId('status')).toHaveText('Ready');
  await expect.poll(() => shown(page, 'val-loss')).not.toBeNaN();
  const untrainedLoss = await page.getByTestId('val-loss').textContent();
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('step')).toHaveText('0');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('step')).toHaveText('0');
  await expect(page.getByTestId('val-loss')).toHaveText(untrainedLoss!);

  // Reset while playing: back near 0 (the run goes on at about 240 steps a second) and still training.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => shown(page, 'step')).toBeGreaterThan(500);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => shown(page, 'step'), { intervals: [50] }).toBeLessThan(120);
  await expect(page.getByTestId('status')).toHaveText('Training');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a worker that fails to start is reported in the card, and Try again recovers', async ({ page }) => {
  const workerScript = '**/assets/training.worker-*.js';
  await page.route(workerScript, (route) => route.abort());
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The training worker stopped unexpectedly.');
  await expect(page.getByTestId('status')).toHaveText('Stopped');
  await expect(alert).not.toContainText(/\bat\s+\S+:\d+/); // no stack trace

  await page.unroute(workerScript);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('status')).toHaveText('Training');
  await expect.poll(() => shown(page, 'step')).toBeGreaterThan(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('at 375 px wide the card fits without sideways scrolling and keeps its size as numbers change', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('./');
  await expect.poll(() => shown(page, 'step')).toBeGreaterThan(0);
  const card = page.getByRole('region', { name: 'Live engine check' });
  const before = await card.boundingBox();
  await page.waitForTimeout(600);
  const after = await card.boundingBox();
  expect(await shown(page, 'step')).toBeGreaterThan(0);
  expect(after).toEqual(before);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
