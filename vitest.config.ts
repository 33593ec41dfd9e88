import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // The plugin tier runs against obsidian-test-mocks; core and CLI never import 'obsidian'.
    alias: { obsidian: 'obsidian-test-mocks/obsidian' },
  },
});
