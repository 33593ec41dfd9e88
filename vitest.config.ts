import { defineConfig } from 'vitest/config';

// Two projects: everything but the plugin tier runs in plain node; tests/obsidian runs in happy-dom with
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
          exclude: ['tests/obsidian/**', '**/node_modules/**'],
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
    ],
  },
});
