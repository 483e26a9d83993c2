/**
 * Browser tests of the web console (`npm run test:browser`): Debian's Chromium driven by
 * Playwright against the real stack (Temporal dev server, throw-away PostgreSQL database, the api
 * serving the built console, the worker). `npm run build:web` first: the api serves apps/web/dist.
 */
module.exports = {
  ...require('./jest.shared'),
  reporters: ['default', ['<rootDir>/test/support/summary-reporter.js', { label: 'browser' }]],
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
