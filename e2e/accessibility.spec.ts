/**
 * Accessibility that a screen reader or a finger notices, in the built page: ⓘ buttons with short
 * names and their explanation as description, 24 × 24 px touch targets on a phone (WCAG 2.2,
 * 2.5.8), and 4.5:1 text on every confusion-matrix cell in both colour schemes.
 */
import { expect, test, type Page } from '@playwright/test';
import { type Rgb } from '../app/viz/colour';
import { contrastRatio, mixSrgb } from '../app/viz/contrast';
import { en } from '../app/i18n/en';
import { zhCN } from '../app/i18n/zh-CN';

test('an ⓘ button is named for its setting and described by its explanation, closed or open', async ({ page }) => {
  await page.goto('./');
  const training = page.getByRole('region', { name: en.training.title, exact: true });
  const tip = training.getByRole('button', { name: 'About learning rate', exact: true });
  await expect(tip).toBeVisible({ timeout: 15_000 }); // the panels mount one at a time at load
  await expect(tip).toHaveAccessibleDescription(en.training.fields['optimizer.lr'].tip);
  await expect(page.getByRole('tooltip')).toHaveCount(0); // closed: in the page, but hidden
  await tip.focus();
  await expect(page.getByRole('tooltip')).toHaveText(en.training.fields['optimizer.lr'].tip);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expect(tip).toHaveAccessibleDescription(en.training.fields['optimizer.lr'].tip);
  // the charts and the output panel's tips too: no name carries its whole explanation any more
  await expect(page.getByRole('button', { name: 'About confusion matrix', exact: true })).toHaveAccessibleDescription(en.output.confusionTip);
  const names = await page.locator('.tip-button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  expect(names.length).toBeGreaterThan(30);
  expect(names.filter((name) => !/^About \S/.test(name) || name.length > 40)).toEqual([]);
});

test('in Chinese an ⓘ button is “关于…” with the Chinese explanation', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('training-playground:prefs', JSON.stringify({ state: { language: 'zh-CN' }, version: 1 })));
  await page.goto('./');
  const tip = page.getByRole('region', { name: zhCN.training.title, exact: true }).getByRole('button', { name: '关于学习率', exact: true });
  await expect(tip).toBeVisible({ timeout: 15_000 });
  await expect(tip).toHaveAccessibleDescription(zhCN.training.fields['optimizer.lr'].tip);
  await expect(page.getByRole('button', { name: '关于 AMSGrad', exact: true })).toBeVisible();
});

/** Visible buttons, links, form controls and other focusable controls smaller than 24 × 24 px. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = 'button, a[href], input, select, textarea, summary, [role=button], [role=switch], [role=radio], [role=checkbox], [role=slider], [tabindex="0"]';
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(controls)) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || element.closest('.visually-hidden')) continue;
      if (box.width < 24 || box.height < 24) {
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
        small.push(`${element.tagName.toLowerCase()}.${element.className} "${name.slice(0, 40)}": ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`);
      }
    }
    return small;
  });
}

/** Scrolls down the page a screen at a time, so the panels that load as they come into view do. */
async function scrollThrough(page: Page): Promise<void> {
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(150);
  }
  await expect(page.locator('.code-line').first()).toBeVisible();
}

/** Opens the page in a language, at the fast speed (a run that learns within seconds). */
async function open(page: Page, hash = '', language: 'en' | 'zh-CN' = 'en'): Promise<void> {
  await page.addInitScript((lang) => {
    localStorage.setItem('training-playground:prefs', JSON.stringify({ state: { language: lang, speed: 'fast' }, version: 1 }));
  }, language);
  await page.goto(`./${hash}`);
}

for (const [what, hash, language] of [
  ['the default experiment', '', 'en'],
  ['in Chinese', '', 'zh-CN'],
  ['a real data set (iris: folded data, a data file link)', '#v=1&data.dataset=iris&optimizer.type=sgd', 'en'],
  ['a guided experiment (its card at the top)', '#lesson=zeroInit', 'en'],
] as const) {
  test(`a 375 px phone, ${what}: every visible control is at least 24 × 24 px`, async ({ page }) => {
    const m = language === 'en' ? en : zhCN;
    await page.setViewportSize({ width: 375, height: 812 });
    await open(page, hash, language);
    await expect(page.getByTestId('confusion-matrix')).toBeVisible({ timeout: 15_000 });
    if (hash.includes('lesson=')) await expect(page.getByTestId('lesson')).toBeVisible();
    await scrollThrough(page);
    expect(await page.locator('.tip-button').count()).toBeGreaterThan(20);
    expect(await smallTargets(page)).toEqual([]);
    await page.getByRole('button', { name: m.experiments.open, exact: true }).click();
    await expect(page.getByRole('dialog', { name: m.experiments.title })).toBeVisible();
    expect(await smallTargets(page)).toEqual([]);
  });
}

/**
 * The lowest contrast between a confusion-matrix cell's text (its count and its share) and the
 * cell's background, as drawn: a text's opacity blends its colour into the background.
 */
async function lowestCellContrast(page: Page): Promise<number> {
  const texts = await page.getByTestId('confusion-matrix').locator('td.confusion-cell > span').evaluateAll((spans) =>
    spans.map((span) => {
      let opacity = 1;
      for (let at: Element | null = span; at && at.tagName !== 'TD'; at = at.parentElement) opacity *= Number(getComputedStyle(at).opacity);
      return { text: getComputedStyle(span).color, background: getComputedStyle(span.closest('td')!).backgroundColor, opacity };
    }),
  );
  expect(texts.length).toBeGreaterThanOrEqual(6); // a count in each of 4 or more cells, a share beside each count above 0
  // rgb(r, g, b) or, for color-mix(), color(srgb r g b) with channels in [0, 1]
  const parse = (css: string): Rgb => {
    const numbers = (css.match(/[\d.]+/g) ?? []).map(Number);
    return (css.startsWith('color(srgb') ? numbers.slice(0, 3).map((v) => v * 255) : numbers.slice(0, 3)) as unknown as Rgb;
  };
  return Math.min(
    ...texts.map(({ text, background, opacity }) => contrastRatio(mixSrgb(parse(text), parse(background), opacity), parse(background))),
  );
}

test('the confusion matrix text has 4.5:1 contrast on every cell, light and dark', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('confusion-matrix')).toBeVisible({ timeout: 15_000 });
  // a run that has learned: a strongly tinted diagonal next to pale mistakes
  await expect.poll(() => page.evaluate(() => window.trainingPlayground!.evaluation()?.validation.classification?.accuracy ?? 0), { timeout: 30_000 }).toBeGreaterThan(0.8);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await lowestCellContrast(page)).toBeGreaterThanOrEqual(4.5);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await lowestCellContrast(page)).toBeGreaterThanOrEqual(4.5);
});
