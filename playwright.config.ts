import { defineConfig } from '@playwright/test';

// PLAYWRIGHT_PORT and PLAYWRIGHT_DIST let two checkouts' test runs share one machine without sharing a server.
const port = Number(process.env.PLAYWRIGHT_PORT ?? 4173);
const dist = process.env.PLAYWRIGHT_DIST ?? 'dist';
const baseURL = `http://127.0.0.1:${port}/`;

// Tests run in an installed Chromium (Debian's by default); Playwright never downloads a browser.
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: 'list',
  // a safety limit, not a timing goal: on 2 busy cores (two tests, each a page and a training worker) a load takes seconds
  timeout: 60_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-quic',
            '--no-first-run',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  // Serves the built dist/ (run `vite build` first; `npm run test:e2e` does both).
  webServer: {
    command: `npx vite preview --outDir ${dist} --port ${port} --strictPort --host 127.0.0.1`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
