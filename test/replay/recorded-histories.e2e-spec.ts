import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowBundleOptions } from '@donthu/temporal';

/**
 * Histories recorded from real runs (RECORD_HISTORIES=1 npm run test:e2e) are replayed against
 * the current workflow code: a change that would break running cases fails here, before it ships.
 * A needed change goes behind `patched()`; the old history keeps replaying.
 */
const dir = path.join(__dirname, '../fixtures/histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('recorded workflow histories replay on the current code', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays without non-determinism', async (file) => {
    const history: unknown = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    const { workflowsPath, webpackConfigHook } = workflowBundleOptions();
    await expect(Worker.runReplayHistory({ workflowsPath, bundlerOptions: { webpackConfigHook } }, history, file)).resolves.toBeUndefined();
  });
});
