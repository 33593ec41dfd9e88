import { defineConfig } from 'vitest/config';

// Projects: everything but the plugin and browser tiers runs in plain node; tests/obsidian runs in happy-dom with
// obsidian-test-mocks, whose setup file patches Obsidian's DOM helpers (createDiv, empty, setText…) onto the
// prototypes and mocks 'obsidian'. The alias makes `import … from 'obsidian'` in src/ resolve to the mocks.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    alias: { obsidian: 'obsidian-test-mocks/obsidian' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          // The browser tier's own helpers (tests/e2e/*.test.ts, no browser) are unit tests: they run here.
          exclude: ['tests/obsidian/**', 'tests/e2e/**/*.e2e.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'plugin',
          include: ['tests/obsidian/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['obsidian-test-mocks/vitest-setup'],
        },
      },
      // The browser tier: main.js in headless Chromium (tests/e2e/browser.ts); one file at a time. The global
      // setup picks the browser once per run (tests/e2e/find-chromium.ts) and prints which.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
