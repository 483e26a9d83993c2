/** Unit tests: pure code next to the code it tests (*.spec.ts), no services. */
module.exports = {
  ...require('./jest.shared'),
  reporters: ['default', ['<rootDir>/test/support/summary-reporter.js', { label: 'unit' }]],
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,workflows,infra}/**/*.spec.ts'],
};
