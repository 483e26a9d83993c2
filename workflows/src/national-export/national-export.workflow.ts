import { continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import { runOutboxLoop } from '../outbox/outbox-loop';
import { nationalExportStatusQuery, wakeNationalExportSignal, type NationalExportActivities, type NationalExportInput, type NationalExportStatus } from './national-export-contract';

const { exportPendingRecords } = proxyActivities<NationalExportActivities>({
  // One batch, one HTTP request bounded in time (NATIONAL_DB_TIMEOUT_MS, at most a minute).
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '2 minutes',
  // The round is safe to repeat (claims are leases, marks are conditional, the receiver de-duplicates by record id).
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const CONTINUE_AS_NEW_AFTER_EVENTS = 1000;

/**
 * The national-export workflow: one long-running workflow per deployment that delivers the export
 * outbox to the national complaints database (Nghị định 55/2022, docs/national-export.md), one
 * ordered batch per round, with the loop every outbox dispatcher shares (../outbox/outbox-loop.ts).
 */
export async function nationalExportWorkflow(input: NationalExportInput = {}): Promise<void> {
  const status: NationalExportStatus = { rounds: 0, exported: 0 };
  setHandler(nationalExportStatusQuery, () => status);
  await runOutboxLoop({
    round: exportPendingRecords,
    wake: wakeNationalExportSignal,
    historyLimit: input.historyLimit ?? CONTINUE_AS_NEW_AFTER_EVENTS,
    onRound: (round) => {
      status.rounds += 1;
      status.exported += round.exported;
      status.lastRound = round;
    },
    continueAsNew: () => continueAsNew<typeof nationalExportWorkflow>(input),
  });
}
