import type { EntityManager } from 'typeorm';
import { AuditEventEntity, type AuditStreamType } from '../entities';
import { auditEventHash } from './audit-chain';

export interface AuditStream {
  streamType: AuditStreamType;
  streamId: string;
}

export const caseStream = (caseId: string): AuditStream => ({ streamType: 'case', streamId: caseId });

export interface NewAuditEvent extends AuditStream {
  sequence: number;
  type: string;
  /** Who did it: a user id or a system actor, never a name. */
  actor: string;
  /** Facts of the event. Never personal data. */
  payload: Record<string, unknown>;
}

/**
 * Appends event `sequence` to its stream's chain inside the caller's transaction. The caller
 * serialises writers of the stream (cases: the workflow owns the sequence and the case row is
 * locked), so the previous event cannot change under us.
 */
export async function appendAuditEvent(manager: EntityManager, event: NewAuditEvent): Promise<AuditEventEntity> {
  const { streamType, streamId } = event;
  const previous = event.sequence === 1 ? null : await manager.findOne(AuditEventEntity, { where: { streamType, streamId, sequence: event.sequence - 1 } });
  if (event.sequence > 1 && !previous) throw new Error(`audit stream ${streamType}/${streamId} has no event ${event.sequence - 1}`);
  const occurredAt = new Date();
  const prevHash = previous?.hash ?? null;
  const row = manager.create(AuditEventEntity, { ...event, occurredAt, prevHash, hash: auditEventHash({ ...event, occurredAt, prevHash }) });
  return manager.save(row);
}

/**
 * Appends the next event of a stream whose writers are not otherwise serialised (administrative
 * streams): a transaction-scoped advisory lock on the stream orders concurrent writers.
 */
export async function appendNextAuditEvent(manager: EntityManager, event: Omit<NewAuditEvent, 'sequence'>): Promise<AuditEventEntity> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit:${event.streamType}:${event.streamId}`]);
  const rows: Array<{ last: number | null }> = await manager.query(
    'SELECT max(sequence) AS last FROM audit_events WHERE stream_type = $1 AND stream_id = $2',
    [event.streamType, event.streamId],
  );
  return appendAuditEvent(manager, { ...event, sequence: (rows[0]?.last ?? 0) + 1 });
}
