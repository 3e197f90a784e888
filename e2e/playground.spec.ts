/**
 * The playground in the built page (vite preview, Debian's Chromium): learning on screen, live
 * changes, divergence and the way back, links that reproduce a run, broken links, both languages,
 * a phone-sized screen, keyboard shortcuts.
 */
import { expect, test, type Page } from '@playwright/test';
import { en } from '../app/i18n/en';
import { zhCN } from '../app/i18n/zh-CN';

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

async function shown(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return parseFloat(text.replace(/,/g, ''));
}

/** Opens the page; at Fast (300 steps a second) unless a test watches the pace itself. */
async function open(page: Page, hash = '', language = 'en', speed = 'fast'): Promise<void> {
  await page.addInitScript(
    ([lang, pace]) => {
      if (!localStorage.getItem('training-playground:prefs')) {
        localStorage.setItem('training-playground:prefs', JSON.stringify({ state: { language: lang, speed: pace }, version: 1 }));
      }
    },
    [language, speed],
  );
  await page.goto(hash ? `./#${hash}` : './');
}

test('the default experiment learns on screen: validation loss falls, accuracy rises', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => shown(page, 'val-loss')).not.toBeNaN();
  const firstLoss = await shown(page, 'val-loss');
  const firstAccuracy = await shown(page, 'val-acc');
  await expect.poll(() => shown(page, 'val-loss'), { timeout: 30_000 }).toBeLessThan(firstLoss * 0.8);
  await expect.poll(() => shown(page, 'val-acc'), { timeout: 30_000 }).toBeGreaterThan(Math.max(firstAccuracy, 85));
  expect(await shown(page, 'step')).toBeGreaterThan(200);
  // the loss curve is on its canvas, in the right half of the plot by now (the run has gone on)
  const inked = await page.locator('.curve-canvas').first().evaluate((canvas: HTMLCanvasElement) => {
    const { width, height } = canvas;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
    let left = 0;
    let right = 0;
    for (let i = 3; i < pixels.length; i += 4) {
      if (pixels[i] === 0) continue;
      if ((i >> 2) % width < width / 2) left++;
      else right++;
    }
    return { left, right };
  });
  expect(inked.left).toBeGreaterThan(500);
  expect(inked.right).toBeGreaterThan(100);
  // the axes (recharts, loaded as the charts come into view): an x and a y axis on each of the 4 charts
  await page.locator('.curves-grid').scrollIntoViewIfNeeded();
  await expect(page.locator('.curves-grid .recharts-cartesian-axis')).toHaveCount(8);
  expect(errors).toEqual([]);
});

test('changing the learning rate while it runs changes the read-out and the learning-rate curve', async ({ page }) => {
  await open(page, '', 'en', 'normal'); // a run of a minute: still running when the change lands
  await expect.poll(() => shown(page, 'step'), { timeout: 15_000 }).toBeGreaterThan(20);
  await expect(page.getByTestId('lr')).toHaveText('0.01');
  const input = page.getByRole('textbox', { name: 'Learning rate', exact: true });
  await input.fill('0.002');
  await input.press('Enter');
  await expect(page.getByTestId('lr')).toHaveText('0.002');
  await expect(page.getByTestId('status')).toHaveText('Training'); // live: no restart
  const rates = await page.evaluate(() => window.trainingPlayground!.learningRates());
  expect(rates[0]).toBe(0.01);
  expect(rates[rates.length - 1]).toBe(0.002);
  await expect(page).toHaveURL(/optimizer\.lr=0\.002/);
});

test('a 10× larger learning rate on SGD diverges, says so, and offers a way back', async ({ page }) => {
  // Role queries on the whole page take seconds on a 2-core machine running two browsers that
  // train at 300 steps a second (one fill measured 5.8 s). The run must still be going when the
  // rate changes: the default 4,000 steps end in ~13 s, and a new rate on a finished run starts
  // it over, where lr 10 need not blow up. Changed while it runs, it diverges within 55 steps.
  test.setTimeout(120_000);
  await open(page, 'v=1&optimizer.type=sgd&optimizer.lr=1&training.epochs=5000');
  await expect.poll(() => shown(page, 'step'), { timeout: 30_000 }).toBeGreaterThan(20);
  const input = page.getByRole('textbox', { name: 'Learning rate', exact: true });
  await input.fill('10');
  await input.press('Enter');
  const message = page.getByTestId('divergence');
  await expect(message).toBeVisible({ timeout: 45_000 });
  await expect(message).toContainText(/(became NaN|blew up to \S+) at step \d+ — the learning rate is probably too large/);
  await expect(page.getByTestId('status')).toHaveText(/Diverged at step \d+/);
  await message.getByRole('button', { name: /Use learning rate 1 and restart/ }).click();
  await expect(message).toBeHidden();
  await expect(page.getByTestId('lr')).toHaveText('1');
  await expect(page.getByRole('textbox', { name: 'Learning rate', exact: true })).toHaveValue('1');
});

test('a link with settings restores them exactly: the same first 20 losses', async ({ page, context }) => {
  const hash = 'v=1&data.dataset=moons&data.noise=0.2&optimizer.type=sgd&optimizer.lr=0.05&optimizer.momentum=0.9&training.seed=5';
  const first20 = async (p: Page) => {
    await open(p, hash);
    await expect.poll(() => p.evaluate(() => window.trainingPlayground?.losses(20).length ?? 0), { timeout: 15_000 }).toBe(20); // installed once the app has loaded
    return p.evaluate(() => window.trainingPlayground!.losses(20));
  };
  const a = await first20(page);
  const other = await context.newPage();
  const b = await first20(other);
  expect(b).toEqual(a);
  const config = await other.evaluate(() => window.trainingPlayground!.config());
  expect(config.data).toMatchObject({ dataset: 'moons', noise: 0.2 });
  expect(config.optimizer).toMatchObject({ type: 'sgd', lr: 0.05, momentum: 0.9 });
  expect(config.training.seed).toBe(5);
  await expect(other.getByRole('textbox', { name: 'Learning rate', exact: true })).toHaveValue('0.05', { timeout: 15_000 }); // the panels mount one at a time
});

test('a broken link falls back field by field and says which settings were ignored', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page, 'v=1&optimizer.lr=abc&model.dropout=1&data.dataset=moons&foo=1&%E0%A4%A');
  const notice = page.getByTestId('ignored-fields');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('optimizer.lr');
  await expect(notice).toContainText('model.dropout');
  await expect(notice).toContainText('foo');
  const config = await page.evaluate(() => window.trainingPlayground!.config());
  expect(config.data.dataset).toBe('moons'); // the good field was kept
  await expect.poll(() => shown(page, 'step')).toBeGreaterThan(10); // and it trains
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  expect(errors).toEqual([]);
});

/** Every English string of the page's messages that the Chinese translation changes. */
function englishOnlyStrings(): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown) => {
    if (typeof a === 'string' && typeof b === 'string') {
      if (a !== b && a.length >= 4 && /[a-z]{3}/i.test(a)) out.push(a);
    } else if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
      for (const key of Object.keys(a)) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
    }
  };
  walk(en, zhCN);
  // A term the Chinese text itself keeps (nn.Linear, Dropout, StepLR) is a name, not a leftover.
  const chinese: string[] = [];
  const collect = (b: unknown) => {
    if (typeof b === 'string') chinese.push(b);
    else if (typeof b === 'object' && b !== null) Object.values(b).forEach(collect);
  };
  collect(zhCN);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return out.filter((s) => !chinese.some((c) => new RegExp(`(?<![A-Za-z])${escape(s)}(?![A-Za-z])`).test(c)));
}

test('the language switch changes every string and is remembered', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 15_000 });
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: zhCN.common.pause })).toBeVisible();
  // No English message is left anywhere outside the code (which stays Python).
  const text = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('pre, code, [data-code], script, style, noscript').forEach((e) => e.remove());
    return clone.innerText;
  });
  // whole words only: "Step" must not match inside a class name like StepLR
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const leftovers = englishOnlyStrings().filter((s) => new RegExp(`(?<![A-Za-z])${escape(s)}(?![A-Za-z])`).test(text));
  expect(leftovers).toEqual([]);
  await page.reload();
  await expect(page.getByRole('button', { name: zhCN.common.pause })).toBeVisible();
});

test('a 375 px wide phone has no horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await open(page);
  await expect.poll(() => shown(page, 'step'), { timeout: 15_000 }).toBeGreaterThan(20);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
});

test('keyboard: space pauses and plays, → steps once, r resets', async ({ page }) => {
  await open(page);
  await expect.poll(() => shown(page, 'step'), { timeout: 15_000 }).toBeGreaterThan(20);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status')).toHaveText('Paused');
  const paused = await shown(page, 'step');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => shown(page, 'step')).toBe(paused + 1);
  await page.keyboard.press('r');
  await expect(page.getByTestId('step')).toHaveText('0');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status')).toHaveText('Training');
  for (const name of ['Pause', 'Step', 'Reset', 'Share']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
});

test('a guided experiment sets itself up, runs, and explains what to watch', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Experiments' }).click();
  const menu = page.getByRole('dialog', { name: 'Guided experiments' });
  await expect(menu).toBeVisible();
  await menu.getByRole('button', { name: /A learning rate far too large/ }).click();
  await expect(menu).toBeHidden();
  const card = page.getByTestId('lesson');
  await expect(card).toContainText('A learning rate far too large');
  await expect(card).toContainText('What to watch');
  await expect(page).toHaveURL(/optimizer\.lr=1&lesson=lrTooLarge$/);
  // what the card promises: the run blows up within the first epochs and the page offers the way back
  await expect(page.getByTestId('divergence')).toBeVisible({ timeout: 15_000 });
  expect(await shown(page, 'step')).toBeLessThan(100);
  // beside Play, in red: the loss that stopped the run, not the evaluation before training (ln 2)
  const trainLoss = page.getByTestId('train-loss');
  await expect(trainLoss).toHaveAttribute('data-diverged', 'true');
  expect(await shown(page, 'train-loss')).toBeGreaterThan(10 * Math.log(2));
  await expect(page.getByTestId('divergence')).toContainText(`blew up to ${(await trainLoss.textContent())!.trim()} at step`);
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(card).toBeHidden();
  await expect(page).not.toHaveURL(/lesson=/);
  // Escape closes the menu and gives focus back to its button
  await page.getByRole('button', { name: 'Experiments' }).click();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(page.getByRole('button', { name: 'Experiments' })).toBeFocused();
  expect(errors).toEqual([]);
});

test("a lesson's \"then try\" works on screen: class weights find the minority class", async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Experiments' }).click();
  await page.locator('.experiment-item', { hasText: 'Class imbalance' }).click();
  const state = () => page.evaluate(() => window.trainingPlayground!.status()?.state ?? null);
  const recall = () => page.evaluate(() => window.trainingPlayground!.evaluation()?.validation.classification?.recall[1] ?? null);
  await expect.poll(state, { timeout: 30_000 }).toBe('finished');
  expect(await recall()).toBeLessThan(0.2);
  await expect(page.getByTestId('val-acc')).toHaveText(/^9\d\.\d%$/); // and yet ~95 % accuracy
  // the ended run goes on by itself with the new setting
  await page.getByLabel('Class weights', { exact: true }).selectOption('balanced');
  await expect.poll(async () => (await state()) === 'finished' && ((await recall()) ?? 0) > 0.6, { timeout: 30_000 }).toBe(true);
});

test('a link that names a lesson opens it, in the reader\'s language', async ({ page }) => {
  await open(page, 'lesson=zeroInit', 'zh-CN');
  const card = page.getByTestId('lesson');
  await expect(card).toContainText(zhCN.experiments.items.zeroInit.title);
  await expect.poll(() => page.evaluate(() => window.trainingPlayground!.config().model.init)).toBe('zeros');
  await expect.poll(() => shown(page, 'step')).toBeGreaterThan(100);
  expect(await shown(page, 'train-loss')).toBeCloseTo(0.693, 2); // stuck at ln 2, as the card says
});
