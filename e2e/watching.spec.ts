/**
 * Watching a run, as a class at a projector or a reader of a blog post does: the curves in view at
 * 1280×800 and 1440×900 in every lesson, the chart a lesson talks about beside the loss, a run bar
 * that stays on screen, a pace a person can follow, and an embedded view that fits 700×450 and
 * trains only while someone can see it.
 */
import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import { EXPERIMENT_IDS } from '../app/experiments/presets';

type Speed = 'slow' | 'normal' | 'fast' | 'max';

async function open(page: Page, hash = '', speed: Speed = 'normal', extra: Record<string, unknown> = {}): Promise<void> {
  await page.addInitScript(
    ([pace, more]) => {
      if (!localStorage.getItem('training-playground:prefs')) {
        localStorage.setItem('training-playground:prefs', JSON.stringify({ state: { language: 'en', speed: pace, ...more }, version: 1 }));
      }
    },
    [speed, extra] as const,
  );
  await page.goto(hash ? `./#${hash}` : './');
}

/** How far a box lies outside the viewport, in px (0: wholly inside); in a frame, pass the frame's own viewport and its top left in the page. */
async function outside(locator: Locator, viewport: { width: number; height: number }, origin = { x: 0, y: 0 }): Promise<number> {
  await expect(locator).toBeVisible({ timeout: 15_000 });
  const page = await locator.boundingBox(); // in the top page's coordinates, frame or not
  if (!page) throw new Error('no bounding box');
  const box = { x: page.x - origin.x, y: page.y - origin.y, width: page.width, height: page.height };
  return Math.max(0, -box.x, -box.y, box.x + box.width - viewport.width, box.y + box.height - viewport.height);
}

const stepOf = async (scope: Page | Frame): Promise<number> => Number(((await scope.getByTestId('step').first().textContent()) ?? '0').replace(/[^0-9]/g, ''));

const FOCUS_SELECTOR: Partial<Record<(typeof EXPERIMENT_IDS)[number], string>> = {
  stepLR: '[data-chart=lr] .curve-plot',
  noZeroGrad: '[data-chart=gradients] .curve-plot',
  classImbalance: '.output-focused [data-testid=class-metrics]',
  lrFinder: '[data-chart=lrFinder] .finder-plot',
};

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the loss and accuracy charts and the output are in view at load, with no scrolling', async ({ page }) => {
      await open(page);
      expect(await outside(page.locator('[data-chart=loss] .curve-plot'), viewport)).toBe(0);
      expect(await outside(page.locator('[data-chart=accuracy] .curve-plot'), viewport)).toBe(0);
      expect(await outside(page.locator('.slot-output canvas').first(), viewport)).toBe(0);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    });

    for (const id of EXPERIMENT_IDS) {
      test(`lesson ${id}: the loss chart${FOCUS_SELECTOR[id] ? ' and the chart it talks about are' : ' is'} in view`, async ({ page }) => {
        await open(page, `lesson=${id}`);
        expect(await outside(page.locator('[data-chart=loss] .curve-plot'), viewport)).toBe(0);
        const focus = FOCUS_SELECTOR[id];
        if (focus) {
          expect(await outside(page.locator(focus), viewport)).toBe(0);
        }
      });
    }
  });
}

test.describe('at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the run bar stays on screen when the code is one click away and scrolled to', async ({ page }) => {
    await open(page);
    await page.locator('header').getByRole('button', { name: /^(<\/>\s*)?Code$/ }).click();
    await expect(page.locator('.code-line').first()).toBeInViewport({ timeout: 15_000 });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const bar = await page.locator('#run-bar').boundingBox();
    expect(bar?.y).toBeGreaterThanOrEqual(-1);
    expect(bar?.y).toBeLessThan(2);
    await expect(page.locator('#run-bar').getByRole('button', { name: /^(Pause|Play)$/ })).toBeInViewport();
    await expect(page.getByTestId('epoch')).toBeInViewport();
  });

  test('skip links: Tab shows the first, Enter on “curves” moves the focus to the curves', async ({ page }) => {
    await open(page, '', 'fast');
    await expect(page.locator('[data-chart=loss]')).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('Tab');
    const first = page.getByRole('link', { name: 'Skip to the run controls' });
    await expect(first).toBeFocused();
    await expect(first).toBeInViewport();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the curves' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Curves', exact: true })).toBeFocused();
    await expect(page).toHaveURL(/^[^#]*(#v=1.*)?$/); // the hash still holds the experiment, not "#curves"
  });

  test('the first-visit hint says what is happening and stays away once dismissed', async ({ page }) => {
    await open(page, '', 'normal');
    const hint = page.getByTestId('first-hint');
    await expect(hint).toContainText('This network is learning right now.');
    await hint.getByRole('button', { name: 'Got it' }).click();
    await expect(hint).toHaveCount(0);
    await page.reload();
    await expect(page.locator('[data-chart=loss]')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('first-hint')).toHaveCount(0);
  });

  test('the embed dialog writes an iframe snippet for the panels chosen', async ({ page }) => {
    await open(page, 'v=1&optimizer.lr=0.1', 'fast');
    await page.getByRole('button', { name: 'Embed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this experiment' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'Accuracy chart' }).check();
    await dialog.getByRole('checkbox', { name: 'Learning rate' }).check();
    const snippet = await dialog.getByTestId('embed-snippet').inputValue();
    expect(snippet).toMatch(/^<iframe /);
    expect(snippet).toContain('optimizer.lr=0.1');
    expect(snippet).toContain('embed=1');
    expect(snippet).toMatch(/panels=output%2Closs%2Caccuracy|panels=output,loss,accuracy/);
    expect(snippet).toMatch(/controls=[^"&]*lr/);
    expect(snippet).toContain('width="700" height="450"');
  });
});

test.describe('pace at the default speed (Normal)', () => {
  test('the default run goes at 60 steps a second: it lasts about a minute, not 13 s', async ({ page }) => {
    await open(page, '', 'normal');
    await expect.poll(() => stepOf(page), { timeout: 15_000 }).toBeGreaterThan(0);
    const start = await stepOf(page);
    const since = Date.now();
    await page.waitForTimeout(3000);
    const moved = (await stepOf(page)) - start;
    const perSecond = moved / ((Date.now() - since) / 1000); // the wall time, which a busy machine stretches
    expect(perSecond).toBeGreaterThan(20); // it does move …
    expect(perSecond).toBeLessThanOrEqual(75); // … at the paced 60 a second, not the engine's thousands
  });

  test('the early-stopping lesson goes at 2 steps a second, so its stop can be watched', async ({ page }) => {
    await open(page, 'lesson=earlyStopping', 'normal');
    await expect.poll(() => stepOf(page), { timeout: 15_000 }).toBeGreaterThan(0);
    const start = await stepOf(page);
    await page.waitForTimeout(3000);
    const moved = (await stepOf(page)) - start;
    expect(moved).toBeGreaterThanOrEqual(3);
    expect(moved).toBeLessThanOrEqual(10);
  });
});

/** A blog post holding the page in an iframe, `spacer` px below its top. */
async function host(page: Page, hash: string, size: { width: number; height: number }, spacer = 0): Promise<Frame> {
  const base = new URL('./', test.info().project.use.baseURL).href;
  await page.addInitScript(() => {
    if (!localStorage.getItem('training-playground:prefs')) {
      localStorage.setItem('training-playground:prefs', JSON.stringify({ state: { language: 'en', speed: 'fast' }, version: 1 }));
    }
  });
  const body = `<!doctype html><body style="margin:16px"><p>A post.</p><div style="height:${spacer}px"></div>
    <iframe src="${base}#${hash}" width="${size.width}" height="${size.height}" title="embed"></iframe><div style="height:3000px"></div></body>`;
  await page.route(`${base}host.html`, (route) => route.fulfill({ contentType: 'text/html', body }));
  await page.goto(`${base}host.html`);
  const element = await page.waitForSelector('iframe');
  const frame = await element.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForSelector('[data-testid=embed]', { timeout: 15_000 });
  return frame;
}

test.describe('embedded in a 700×450 iframe', () => {
  test.use({ viewport: { width: 1000, height: 800 } });

  test('shows the chosen panels whole, without scrolling, and trains', async ({ page }) => {
    const frame = await host(page, 'v=1&embed=1&panels=output,loss&controls=play,step,lr,numbers', { width: 700, height: 450 });
    const fits = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, inner: window.innerHeight, width: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(fits.scroll).toBeLessThanOrEqual(fits.inner);
    expect(fits.width).toBeLessThanOrEqual(fits.innerWidth);
    const inFrame = { width: fits.innerWidth, height: fits.inner };
    const element = await page.locator('iframe').boundingBox();
    const origin = { x: element!.x + 2, y: element!.y + 2 }; // the iframe's 2 px default border
    expect(await outside(frame.locator('[data-chart=loss] .curve-plot'), inFrame, origin)).toBe(0);
    expect(await outside(frame.getByTestId('output-panel'), inFrame, origin)).toBe(0);
    await expect(frame.locator('[data-chart=accuracy]')).toHaveCount(0); // not chosen
    await expect(frame.locator('#run-bar.embed-bar')).toHaveCount(1); // the embed's own compact bar, not the page's
    await expect(frame.locator('.slot-training, .slot-data')).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(frame.getByRole('button', { name: 'Reset' })).toHaveCount(0); // not chosen
    await expect(frame.getByRole('link', { name: /Open in Training Playground/ })).toBeVisible();
    await expect.poll(() => frame.getByTestId('epoch').textContent(), { timeout: 20_000 }).not.toMatch(/^\s*0\b/);
  });

  test('an iframe below the reader’s screen waits, trains once scrolled to, pauses when scrolled away', async ({ page }) => {
    const frame = await host(page, 'v=1&embed=1', { width: 700, height: 450 }, 3000);
    await page.waitForTimeout(3000);
    await expect(frame.getByTestId('status')).not.toHaveAttribute('data-state', 'running');
    const epochBefore = await frame.getByTestId('epoch').textContent();
    expect(epochBefore?.trim().startsWith('0')).toBe(true);

    await page.locator('iframe').scrollIntoViewIfNeeded();
    await expect(frame.getByTestId('status')).toHaveAttribute('data-state', 'running', { timeout: 15_000 });

    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(frame.getByTestId('status')).not.toHaveAttribute('data-state', 'running', { timeout: 10_000 });
    const paused = await frame.getByTestId('epoch').textContent();
    await page.waitForTimeout(1500);
    expect(await frame.getByTestId('epoch').textContent()).toBe(paused);
  });
});
