// The test suites, run in this order by scripts/test.mjs (`npm test`):
//   unit         pure code and fakes, fast
//   workflow     the workflows on the real time-skipping Temporal test server
//   integration  API + worker + Temporal dev server + PostgreSQL, all real
//   e2e          the same stack driven through the back-office in a real Chromium
// and, in `npm run test:resilience` only (long runs):
//   fuzz         schemathesis against the API, from its OpenAPI document
//   faults       an expiry storm through PostgreSQL, worker and Temporal faults
const preset = require('./jest.preset');

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...preset,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,benchmarks}/**/__tests__/**/*.spec.ts', '<rootDir>/scripts/__tests__/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/admin/'],
    },
    {
      ...preset,
      displayName: 'admin',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/admin/src/**/__tests__/**/*.spec.tsx'],
      setupFilesAfterEnv: ['<rootDir>/apps/admin/jest.setup.cjs'],
      // Browser libraries that ship ES modules only, compiled like our sources.
      transformIgnorePatterns: ['/node_modules/(?!(react-hotkeys-hook|@mui/x-charts|@mui/x-charts-vendor|@mui/x-internals|d3-[^/]+|internmap|robust-predicates|delaunator|flatqueue)/)'],
    },
    {
      ...preset,
      displayName: 'workflow',
      testMatch: ['<rootDir>/workflows/test/**/*.spec.ts'],
      globalSetup: '<rootDir>/scripts/testing/workflow-global-setup.mjs',
      setupFilesAfterEnv: ['<rootDir>/scripts/testing/long-timeout.cjs'],
    },
    {
      // Not part of `npm test`: `npm run record:histories` at each workflow release.
      ...preset,
      displayName: 'history-recorder',
      testMatch: ['<rootDir>/workflows/test/history/record-*.ts'],
      globalSetup: '<rootDir>/scripts/testing/workflow-global-setup.mjs',
      setupFilesAfterEnv: ['<rootDir>/scripts/testing/long-timeout.cjs'],
    },
    {
      ...preset,
      displayName: 'integration',
      testMatch: ['<rootDir>/apps/*/test/integration/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/scripts/testing/global-setup.mjs',
      globalTeardown: '<rootDir>/scripts/testing/global-teardown.mjs',
      setupFilesAfterEnv: ['<rootDir>/scripts/testing/long-timeout.cjs'],
    },
    {
      ...preset,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/admin/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/scripts/testing/global-setup.mjs',
      globalTeardown: '<rootDir>/scripts/testing/global-teardown.mjs',
      setupFilesAfterEnv: ['<rootDir>/scripts/testing/long-timeout.cjs'],
    },
    {
      // Benchmarks with injected faults must fail (`npm test -- bench`); each run starts its own services.
      ...preset,
      displayName: 'bench',
      testMatch: ['<rootDir>/benchmarks/test/**/*.bench-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/scripts/testing/long-timeout.cjs'],
    },
    {
      ...preset,
      displayName: 'fuzz',
      testMatch: ['<rootDir>/apps/api/test/fuzz/**/*.fuzz-spec.ts'],
      globalSetup: '<rootDir>/scripts/testing/global-setup.mjs',
      globalTeardown: '<rootDir>/scripts/testing/global-teardown.mjs',
      setupFilesAfterEnv: ['<rootDir>/scripts/testing/long-timeout.cjs'],
    },
    {
      // Its own PostgreSQL and Temporal dev server, which it stops and restarts.
      ...preset,
      displayName: 'faults',
      testMatch: ['<rootDir>/apps/api/test/faults/**/*.faults-spec.ts'],
      globalSetup: '<rootDir>/scripts/testing/faults-global-setup.mjs',
      globalTeardown: '<rootDir>/scripts/testing/faults-global-teardown.mjs',
      setupFilesAfterEnv: ['<rootDir>/scripts/testing/long-timeout.cjs'],
    },
  ],
};
