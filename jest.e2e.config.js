/** Integration and end-to-end tests: real Temporal server, real PostgreSQL, one file at a time. */
module.exports = {
  ...require('./jest.shared'),
  reporters: ['default', ['<rootDir>/test/support/summary-reporter.js', { label: 'e2e' }]],
  displayName: 'e2e',
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
