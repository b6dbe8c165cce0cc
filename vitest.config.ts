import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // bin/plumbline.js runs the built CLI: build it from the sources under test first.
    globalSetup: ['test/support/build-server.ts'],
  },
});
