import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { NATIONAL_EXPORT_SCHEMA_ID, NATIONAL_EXPORT_SCHEMA_VERSION } from '@donthu/persistence';
import type { NationalExportActivities, NationalExportRound } from '../../../../workflows/src/national-export/national-export-contract';
import { describeError } from '../outbox/describe-error';
import { retryDelayMs } from '../outbox/outbox-settings';
import type { NationalExportConfig } from './national-export-config';
import { exportBatchId, NationalExportOutbox } from './national-export-outbox';
import { postBatch } from './national-export-sender';

export const NATIONAL_EXPORT_CONFIG = Symbol('NationalExportConfig');

/** Never sleep less than this between rounds (no hot loop on a batch another process holds). */
const MIN_SLEEP_MS = 250;
/** Longest timer the exporter sets. */
const MAX_SLEEP_MS = 24 * 60 * 60_000;

/**
 * The export workflow's activity, a Nest service. One round: claim the head of the outbox (one
 * batch, in order), record the attempt, POST it, mark it exported; or keep the error and schedule
 * the retry with backoff. With the export off (NATIONAL_DB_URL unset) the workflow is never started
 * and a round does nothing.
 */
@Injectable()
export class NationalExportActivitiesService implements NationalExportActivities {
  private readonly logger = new Logger('NationalExport');
  private readonly outbox: NationalExportOutbox;

  /**
   * Fault injection for tests: called after the receiver answered 2xx and before the records are
   * marked. An exception thrown here leaves the round exactly as a crash in that window would (the
   * records stay `sending` under their lease and are re-sent, with the same batch id, after it).
   */
  afterAccepted: ((batchId: string, recordIds: readonly string[]) => void) | undefined;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(NATIONAL_EXPORT_CONFIG) private readonly config: NationalExportConfig | null,
  ) {
    this.outbox = new NationalExportOutbox(dataSource);
  }

  async exportPendingRecords(): Promise<NationalExportRound> {
    const round: NationalExportRound = { claimed: 0, exported: 0, resent: 0, retrying: 0, more: false, sleepMs: 0 };
    const config = this.config;
    if (!config) return round;
    const context = Context.current();
    // Temporal's clock, as the workflow's timers see it.
    const nowMs = context.info.currentAttemptScheduledTimestampMs;
    const token = randomUUID();
    const rows = await this.outbox.claim(token, config.batchSize, nowMs, config.claimLeaseMs);
    round.claimed = rows.length;
    if (rows.length > 0) {
      const ids = rows.map((r) => r.id);
      const batchId = exportBatchId(ids);
      const begun = await this.outbox.beginAttempt(ids, token, batchId, config.claimLeaseMs);
      if (begun.length !== ids.length) {
        // The claim lapsed before the request (a frozen worker): give back what is still held, send nothing.
        await this.outbox.markAttemptFailed(
          begun.map((b) => b.id),
          token,
          'claim lapsed before sending',
          nowMs,
        );
        this.logger.warn({ batchId, claimed: ids.length, held: begun.length }, 'national export: claim lapsed before sending; another round has the batch');
      } else {
        const interrupted = rows.some((r) => r.interrupted);
        if (interrupted) this.logger.warn({ batchId, records: ids.length }, 're-sending a national-export batch whose previous attempt was interrupted (the receiver de-duplicates by record id)');
        const attempts = Math.max(...begun.map((b) => b.attempts));
        context.heartbeat();
        let accepted = false;
        try {
          await postBatch(config, { schema: NATIONAL_EXPORT_SCHEMA_ID, schemaVersion: NATIONAL_EXPORT_SCHEMA_VERSION, batchId, records: rows.map((r) => r.record) });
          accepted = true;
        } catch (error) {
          const message = describeError(error);
          round.retrying = await this.outbox.markAttemptFailed(ids, token, message, nowMs + retryDelayMs(config, attempts));
          this.logger.warn({ batchId, records: ids.length, attempt: attempts, error: message, receiver: config.safeUrl }, 'national export attempt failed: will retry');
        }
        if (accepted) {
          // The window: the receiver has the records, the rows do not say so yet.
          this.afterAccepted?.(batchId, ids);
          const marked = await this.outbox.markExported(ids, token);
          round.exported = marked.length;
          if (interrupted) round.resent = rows.filter((r) => r.interrupted && marked.includes(r.id)).length;
          if (marked.length < ids.length) this.logger.warn({ batchId }, 'national export sent but its claim had lapsed: the round that took it over marks it');
          round.more = rows.length === config.batchSize;
        }
      }
      context.heartbeat();
      this.logger.log({ round: { ...round }, batchId, receiver: config.safeUrl }, 'national export round');
    }
    if (!round.more) {
      const dueInMs = await this.outbox.nextDueInMs(nowMs);
      round.sleepMs = dueInMs === undefined ? 0 : Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, Math.ceil(dueInMs)));
    }
    return round;
  }

  /** The object handed to the Temporal worker: the activity bound to this service. */
  asActivities(): NationalExportActivities {
    return { exportPendingRecords: this.exportPendingRecords.bind(this) };
  }
}
