import { expect, test, type Page } from '@playwright/test';

/** Collects console errors, uncaught page errors and failed requests, to assert there were none. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`),
  );
  return problems;
}

test('the built landing page loads without console or page errors', async ({ page }) => {
  const problems = collectProblems(page);

  const response = await page.goto('./');
  expect(response?.status()).toBe(200);

  await expect(page).toHaveTitle('Training Playground');
  await expect(page.getByRole('heading', { level: 1, name: 'Training Playground' })).toBeVisible();
  // The default experiment is ready to run: the run bar offers Play or Pause.
  await expect(page.getByRole('button', { name: /^(Play|Pause)$/ })).toBeVisible();

  // Let late errors (favicon, effects) surface before checking.
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('the page works from a sub-path inside an iframe', async ({ page, baseURL }) => {
  const problems = collectProblems(page);
  const subPath = '/course/week-1/playground/';

  // A made-up host that serves the built site under subPath only: an absolute asset URL
  // (one that ignores the sub-path) gets a 404 and fails the test.
  await page.route('http://host.test/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') {
      await route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Course</title><iframe src="${subPath}" width="800" height="600"></iframe>`,
      });
    } else if (url.pathname.startsWith(subPath)) {
      const pathInSite = url.pathname.slice(subPath.length);
      const response = await route.fetch({ url: new URL(pathInSite + url.search, baseURL).href });
      await route.fulfill({ response });
    } else {
      await route.fulfill({ status: 404, body: `not under ${subPath}: ${url.pathname}` });
    }
  });

  await page.goto('http://host.test/');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1, name: 'Training Playground' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('the bundled data sets are served next to the page', async ({ request }) => {
  const response = await request.get('./datasets/iris.csv');
  expect(response.status()).toBe(200);
  const firstLine = (await response.text()).split('\n')[0].trim();
  expect(firstLine).toBe('150,4,setosa,versicolor,virginica');
});
