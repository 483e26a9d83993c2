import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { workflowBundleOptions } from '@donthu/temporal';

/**
 * Replays the histories of workflows a test just drove against the current workflow code (any
 * non-determinism fails the test), and with RECORD_HISTORIES=1 saves them under
 * test/fixtures/histories/, where test/replay replays them on every later change.
 */
export async function replayAndRecord(client: Client, workflows: Array<{ workflowId: string; name: string }>): Promise<void> {
  const { workflowsPath, webpackConfigHook } = workflowBundleOptions();
  const histories = await Promise.all(workflows.map(async (w) => ({ ...w, history: await client.workflow.getHandle(w.workflowId).fetchHistory() })));
  const results = Worker.runReplayHistories(
    { workflowsPath, bundlerOptions: { webpackConfigHook } },
    histories.map((h) => ({ workflowId: h.workflowId, history: h.history })),
  );
  for await (const result of results) {
    if (result.error) throw result.error;
  }
  if (process.env.RECORD_HISTORIES === '1') {
    for (const h of histories) writeFileSync(path.join(__dirname, '../fixtures/histories', `${h.name}.json`), historyToJSON(h.history));
  }
}
