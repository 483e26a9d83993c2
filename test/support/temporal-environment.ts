import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureSearchAttributes } from '@donthu/temporal';
import { CASE_SEARCH_ATTRIBUTES } from '@donthu/workflows';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { temporalCliPath, temporalTestServerPath } = require('../../infra/tools/temporal-binaries.js') as {
  temporalCliPath(): string | undefined;
  temporalTestServerPath(): string | undefined;
};

export { TestWorkflowEnvironment };

/** A real Temporal dev server (the official CLI) on a free port, with the project's search attributes. */
export function startTemporalDevServer(): Promise<TestWorkflowEnvironment> {
  const path = temporalCliPath();
  return TestWorkflowEnvironment.createLocal({
    server: {
      ...(path ? { executable: { type: 'existing-path', path } } : {}),
      ip: '127.0.0.1',
      searchAttributes: [...CASE_SEARCH_ATTRIBUTES],
      extraArgs: ['--log-level', 'error'],
    },
  });
}

/**
 * The Java time-skipping test server: months of statutory deadlines pass in milliseconds. It
 * refuses unregistered search attributes, so the project's are registered first.
 */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const path = temporalTestServerPath();
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: path ? { executable: { type: 'existing-path', path } } : {} });
  await ensureSearchAttributes(env.connection, 'default', CASE_SEARCH_ATTRIBUTES);
  return env;
}
