/**
 * Prints one plain closing line per jest run, e.g. `unit: 57 passed, 0 failed, 1 skipped`,
 * so CI logs say at a glance how many tests ran.
 */
class SummaryReporter {
  constructor(globalConfig, options) {
    this.label = options?.label ?? 'tests';
  }

  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
    process.stdout.write(`\n${this.label}: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}

module.exports = SummaryReporter;
