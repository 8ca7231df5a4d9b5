import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // LibreOffice conversions and PDF checks through poppler take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: more workers only make LibreOffice and fontkit fight for them.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
