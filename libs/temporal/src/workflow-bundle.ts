import * as path from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

/**
 * Where the workflow code is and how the Temporal bundler builds it, for every worker, replayer
 * and workflow test alike:
 * - `@donthu/domain` resolves to the domain sources (from source the workflows import the alias;
 *   from dist, tsc-alias has already rewritten the imports to relative paths: same files);
 * - the domain is preloaded once into the worker's reusable V8 context and shared by every
 *   workflow, instead of re-running its module code (lifecycle tables, legal rules, the official
 *   calendar) for each workflow the worker creates or replays. Safe because libs/domain is pure —
 *   no per-workflow state, no I/O, no clock (its layer rule in .dependency-cruiser.cjs) — and the
 *   SDK deep-freezes preloaded modules. Measured with bench:intake (docs/benchmarks.md).
 */
export function workflowBundleOptions(): Required<Pick<WorkerOptions, 'workflowsPath'>> & { bundlerOptions: NonNullable<WorkerOptions['bundlerOptions']> } {
  const workflowsPath = require.resolve('../../../workflows/src');
  const root = path.resolve(path.dirname(workflowsPath), '../..');
  return {
    workflowsPath,
    bundlerOptions: {
      webpackConfigHook: (config) => {
        config.resolve = config.resolve ?? {};
        config.resolve.alias = { ...(config.resolve.alias as Record<string, string>), '@donthu/domain': path.join(root, 'libs/domain/src') };
        return config;
      },
      preloadModules: ['@donthu/domain'],
    },
  };
}
