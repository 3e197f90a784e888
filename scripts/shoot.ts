/**
 * One screenshot of the built page, for looking at a change:
 *   npx vite build && (npx vite preview --port 4173 &) && npx tsx scripts/shoot.ts --out /tmp/a.png \
 *     [--width 1440] [--height 900] [--lang zh-CN] [--hash 'v=1&data.dataset=moons'] [--wait 3000] [--full] [--dark] [--scroll 'section.model']
 *     [--iframe 700x450]   (the page inside an iframe of that size, on a blank host page: an embed)
 */
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const width = Number(arg('width', '1440'));
const height = Number(arg('height', '900'));
const out = arg('out', '/tmp/shot.png');
const language = arg('lang', 'en');
const hash = arg('hash', '');
const wait = Number(arg('wait', '2500'));
const base = process.env.PAGE_URL ?? 'http://127.0.0.1:4173/';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: args.includes('--dark') ? 'dark' : 'light' });
  await context.addInitScript((lang) => {
    localStorage.setItem('training-playground:prefs', JSON.stringify({ state: { language: lang }, version: 1 }));
  }, language);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const iframe = arg('iframe', '');
  if (iframe !== '') {
    const [w, h] = iframe.split('x');
    // a host page of the same origin, so that the frame reads the preferences set above
    const host = `<!doctype html><body style="margin:16px;background:#eee"><iframe src="${base}#${hash}" width="${w}" height="${h}" style="border:1px solid #999;background:#fff"></iframe></body>`;
    await page.route(`${base}embed-host.html`, (route) => route.fulfill({ contentType: 'text/html', body: host }));
    await page.goto(`${base}embed-host.html`);
  } else {
    await page.goto(hash ? `${base}#${hash}` : base);
  }
  await page.waitForTimeout(wait);
  const scrollTo = arg('scroll', '');
  if (scrollTo !== '') {
    await page.locator(scrollTo).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(1500); // panels load their code when they come into view
  }
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: out, fullPage: args.includes('--full') });
  console.log(`${out} (${width}×${height}, ${language}); page scroll width ${scrollWidth}${scrollWidth > width ? ' — SCROLLS SIDEWAYS' : ''}`);
  if (errors.length > 0) console.log(`errors on the page:\n  ${errors.join('\n  ')}`);
} finally {
  await browser.close();
}
