/**
 * Screenshots of the built landing page for docs/screenshots/, taken after a few seconds of live
 * training. Run `npx vite build && npx vite preview --port 4173`, then `npx tsx scripts/screenshots.ts [outDir] [light|dark]`.
 */
import { chromium } from '@playwright/test';

const outDir = process.argv[2] ?? 'docs/screenshots';
const colorScheme = process.argv[3] === 'dark' ? 'dark' : 'light';
const url = process.env.PAGE_URL ?? 'http://127.0.0.1:4173/';
const trainingMs = 3000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (const [name, width, height] of [['landing-1440', 1440, 900], ['landing-375', 375, 812]] as const) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: Number(process.env.SCALE ?? 1), colorScheme });
    await page.goto(url);
    await page.getByTestId('status').filter({ hasText: 'Training' }).waitFor();
    await page.waitForTimeout(trainingMs);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrollWidth > width) throw new Error(`${name}: the page scrolls sideways (${scrollWidth} px wide)`);
    await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: width < 800 });
    console.log(`${outDir}/${name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
}
