import { defineConfig } from 'vitest/config';

// CI sets VITEST_JSON_REPORT to a file path to get a machine-readable summary next to the usual output.
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'common/**/*.test.ts',
      'scripts/**/*.test.ts',
      'web/src/**/*.test.{ts,tsx}',
      'web/build/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    ...(jsonReport && { reporters: ['default', 'json'], outputFile: { json: jsonReport } }),
  },
});
