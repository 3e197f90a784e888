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
    // Playwright specs run in a browser through `playwright test`, never under vitest.
    exclude: [...configDefaults.exclude, 'e2e/**', 'dist/**'],
    environment: 'node',
    setupFiles: ['engine/test/setup.ts'],
    // Node 20's V8 runs relaxed SIMD behind a flag (Chromium ships it): with it, every test runs on
    // the best backend; the engine's tests then run again on plain SIMD and on plain JavaScript.
    execArgv: ['--experimental-wasm-relaxed-simd'],
    projects: [
      {
        extends: true,
        test: {
          name: 'all',
          include: ['engine/**/*.test.ts', 'workers/**/*.test.ts', 'app/**/*.test.ts', 'app/**/*.test.tsx'],
        },
      },
      ...(['wasm-simd', 'js'] as const).map((backend) => ({
        extends: true as const,
        test: { name: `engine on ${backend}`, include: ['engine/**/*.test.ts'], env: { PLAYGROUND_BACKEND: backend } },
      })),
    ],
  },
});
