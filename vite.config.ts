import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset URLs, so the built site works from any sub-path and inside an iframe.
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  worker: {
    format: 'es',
  },
  test: {
    include: ['engine/**/*.test.ts', 'workers/**/*.test.ts', 'app/**/*.test.ts', 'app/**/*.test.tsx'],
    // Playwright specs run in a browser through `playwright test`, never under vitest.
    exclude: [...configDefaults.exclude, 'e2e/**', 'dist/**'],
    environment: 'node',
    setupFiles: ['engine/test/setup.ts'],
  },
});
