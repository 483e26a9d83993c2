import type { DataSource } from 'typeorm';
import { nameBasedUuid, type NationalExportRecord } from '@donthu/persistence';
import { LeasedOutbox } from '../outbox/leased-outbox';

/** A record taken by a claim (status `sending`, under the claim's token and lease). */
export interface ClaimedRecord {
  id: string;
  record: NationalExportRecord;
  attempts: number;
  /** It was `sending` under a lease that ran out: its last attempt may have reached the receiver. */
  interrupted: boolean;
}

/**
 * A batch's id, and so its Idempotency-Key: derived from the record ids it holds, so the same
 * records re-sent after an interrupted attempt carry the same key (UUID-shaped SHA-256).
 */
export function exportBatchId(recordIds: readonly string[]): string {
  return nameBasedUuid(`donthu/national-export/batch/${recordIds.join(',')}`);
}

/**
 * The export outbox (`national_export_outbox`) as the exporter sees it: the leased outbox protocol
 * of the notifications (../outbox/leased-outbox.ts), in order: a claim takes the head of the queue
 * (by `position`) only while no earlier batch is in flight, so records leave in the order they were
 * written, and a failed batch holds back those after it until it is through. There is no `failed`
 * end: a batch is retried, with backoff, until the receiver takes it; its error stays visible.
 */
export class NationalExportOutbox {
  private readonly leased: LeasedOutbox;

  constructor(private readonly dataSource: DataSource) {
    this.leased = new LeasedOutbox(dataSource, { table: 'national_export_outbox', done: { status: 'exported', atColumn: 'exported_at' }, order: { kind: 'in-order', positionColumn: 'position' } });
  }

  async claim(token: string, limit: number, nowMs: number, leaseMs: number): Promise<ClaimedRecord[]> {
    const rows = await this.leased.claim<{ id: string; record: NationalExportRecord; attempts: number }>(token, limit, nowMs, leaseMs, ['id', 'record', 'attempts']);
    return rows.map((r) => ({ id: r.id, record: r.record, attempts: r.attempts, interrupted: r.previous_status === 'sending' }));
  }

  /** Records the attempt before the request: attempts + 1, the batch id, a fresh lease. The ids still held (all of them, unless the claim lapsed). */
  async beginAttempt(ids: readonly string[], token: string, batchId: string, leaseMs: number): Promise<Array<{ id: string; attempts: number }>> {
    return this.leased.beginAttempt<{ id: string; attempts: number }>(ids, token, leaseMs, ['id', 'attempts'], 'batch_id = $4::uuid', [batchId]);
  }

  /** `exported`, once, by the claim that sent them. The ids marked. */
  markExported(ids: readonly string[], token: string): Promise<string[]> {
    return this.leased.markDone(ids, token, null);
  }

  /** A failed attempt: the batch waits until `nextAttemptAtMs` (never `failed`), with its error kept. */
  async markAttemptFailed(ids: readonly string[], token: string, error: string, nextAttemptAtMs: number): Promise<number> {
    return (await this.leased.markAttemptFailed(ids, token, error, null, nextAttemptAtMs)).length;
  }

  release(token: string, ids: readonly string[]): Promise<void> {
    return this.leased.release(token, ids);
  }

  nextDueInMs(nowMs: number): Promise<number | undefined> {
    return this.leased.nextDueInMs(nowMs);
  }

  hasDueWork(): Promise<boolean> {
    return this.leased.hasDueWork();
  }

  /** What is waiting, for logs and status: rows not exported, and the head's attempts and last error. */
  async backlog(): Promise<{ waiting: number; headAttempts: number; headError: string | null }> {
    const [row] = await this.dataSource.query<Array<{ waiting: number; head_attempts: number | null; head_error: string | null }>>(
      `SELECT (SELECT count(*)::int FROM national_export_outbox WHERE status <> 'exported') AS waiting,
              h.attempts AS head_attempts, h.last_error AS head_error
         FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT attempts, last_error FROM national_export_outbox WHERE status <> 'exported' ORDER BY position LIMIT 1) h ON true`,
    );
    return { waiting: row?.waiting ?? 0, headAttempts: row?.head_attempts ?? 0, headError: row?.head_error ?? null };
  }
}
