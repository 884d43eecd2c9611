import { defineConfig } from 'vitest/config';

// CI sets VITEST_JSON_REPORT to a file path to get a machine-readable summary next to the usual output.
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.spec.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    ...(jsonReport && { reporters: ['default', 'json'], outputFile: { json: jsonReport } }),
  },
});
