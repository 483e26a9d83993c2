import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { OutboxRound } from '../outbox/outbox-loop';

/**
 * What the worker and the national-export workflow share. The workflow delivers the export outbox
 * (table `national_export_outbox`, written with the case events, docs/national-export.md) to the
 * national complaints database through the activity below; it holds no record itself.
 */

/** One exporter per deployment (per task queue): started by the worker with USE_EXISTING when NATIONAL_DB_URL is set. */
export function nationalExportWorkflowId(taskQueue: string): string {
  return `national-export-${taskQueue}`;
}

export interface NationalExportInput {
  /** History length after which the exporter continues as new (default 1000; tests set it low). */
  historyLimit?: number;
}

/** What one export round did (counts only). */
export interface NationalExportRound extends OutboxRound {
  /** Records claimed this round, in order (one batch). */
  claimed: number;
  /** Accepted by the receiver (2xx) and marked `exported`. */
  exported: number;
  /** Of those, records whose earlier attempt was interrupted after it may have reached the receiver (it de-duplicates by record id). */
  resent: number;
  /** Records whose attempt failed this time: back to `pending` with a later `next_attempt_at`. */
  retrying: number;
}

export interface NationalExportActivities {
  /**
   * Claims the oldest records not yet exported, in order (one batch, only while no earlier batch is
   * in flight), POSTs them with an idempotency key per batch and the record ids, and marks them
   * exported; on failure schedules the retry with backoff and keeps the error.
   */
  exportPendingRecords(): Promise<NationalExportRound>;
}

export interface NationalExportStatus {
  /** Rounds run by this run of the workflow (a continue-as-new starts at 0). */
  rounds: number;
  /** Records exported by this run. */
  exported: number;
  lastRound?: NationalExportRound;
}

export const wakeNationalExportSignal = defineSignal('wakeNationalExport');
export const nationalExportStatusQuery = defineQuery<NationalExportStatus>('nationalExportStatus');
