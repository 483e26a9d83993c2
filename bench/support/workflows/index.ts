import { sleep } from '@temporalio/workflow';

/** Does nothing: one workflow task, then complete (bench/temporal-cost.bench.ts). */
export async function emptyWorkflow(): Promise<void> {}

/** Starts one timer and waits, as a new case's workflow does (bench/temporal-cost.bench.ts). */
export async function timerWorkflow(): Promise<void> {
  await sleep('30 days');
}
