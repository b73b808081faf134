import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against the built sample wiki (`npm run test:e2e`).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
