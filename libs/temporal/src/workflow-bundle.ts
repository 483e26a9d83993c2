import * as path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

/**
 * Where the workflow code is and how the Temporal bundler resolves `@donthu/domain` in it.
 * From source (tests) the entry is workflows/src/index.ts and the alias points at the domain
 * sources; from dist, tsc-alias has already rewritten the imports to relative paths.
 */
export function workflowBundleOptions(): Pick<BundleOptions, 'workflowsPath' | 'webpackConfigHook'> {
  const workflowsPath = require.resolve('../../../workflows/src');
  const root = path.resolve(path.dirname(workflowsPath), '../..');
  return {
    workflowsPath,
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = { ...(config.resolve.alias as Record<string, string>), '@donthu/domain': path.join(root, 'libs/domain/src') };
      return config;
    },
  };
}
