import type { EntityManager } from 'typeorm';
import { verifyAuditChain, withExpectedLength, type HashedAuditFields } from './audit-chain';

export interface BrokenChain {
  streamType: string;
  streamId: string;
  brokenAtSequence: number;
  reason: string;
}

export interface AllChainsReport {
  streams: number;
  events: number;
  /** Streams per type (`case`, `identity`, `calendar`…). */
  streamsByType: Record<string, number>;
  broken: BrokenChain[];
  /** Cases with no audit event at all (intake writes the first one in the case's own transaction). */
  casesWithoutTrail: number;
}

interface Row extends HashedAuditFields {
  hash: string;
  /** For case streams: what the case projection says the trail holds. */
  expected: number | null;
}

/**
 * Recomputes every hash chain in the database, stream by stream, reading the events in keyset
 * batches (memory stays flat at millions of events). A case's chain is also checked against the
 * case's `last_sequence`: a chain whose newest events were removed still links up by itself.
 * Used after a restore (infra/backup) and by `npm run audit:verify`.
 */
export async function verifyAllAuditChains(manager: EntityManager, batchSize = 5000): Promise<AllChainsReport> {
  const report: AllChainsReport = { streams: 0, events: 0, streamsByType: {}, broken: [], casesWithoutTrail: 0 };
  let current: Row[] = [];
  const finish = (): void => {
    const first = current[0];
    if (!first) return;
    report.streams += 1;
    report.streamsByType[first.streamType] = (report.streamsByType[first.streamType] ?? 0) + 1;
    const verification = withExpectedLength(verifyAuditChain(current), first.expected);
    if (!verification.valid) {
      report.broken.push({ streamType: first.streamType, streamId: first.streamId, brokenAtSequence: verification.brokenAtSequence, reason: verification.reason });
    }
    current = [];
  };

  let after: [string, string, number] | null = null;
  for (;;) {
    const rows: Row[] = await manager.query(
      `SELECT e.stream_type AS "streamType", e.stream_id AS "streamId", e.sequence, e.type, e.actor, e.payload,
              e.occurred_at AS "occurredAt", e.prev_hash AS "prevHash", e.hash, c.last_sequence AS expected
         FROM audit_events e
         LEFT JOIN cases c ON e.stream_type = 'case' AND c.id::text = e.stream_id
        WHERE $1::text IS NULL OR (e.stream_type, e.stream_id, e.sequence) > ($1::text, $2::text, $3::integer)
        ORDER BY e.stream_type, e.stream_id, e.sequence
        LIMIT $4`,
      [after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, batchSize],
    );
    for (const row of rows) {
      const head = current[0];
      if (head && (head.streamType !== row.streamType || head.streamId !== row.streamId)) finish();
      current.push(row);
      report.events += 1;
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < batchSize) break;
    after = [last.streamType, last.streamId, last.sequence];
  }
  finish();

  const [{ n }] = await manager.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.stream_type = 'case' AND e.stream_id = c.id::text)`,
  );
  report.casesWithoutTrail = n;
  return report;
}
