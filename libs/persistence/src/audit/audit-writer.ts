import type { EntityManager } from 'typeorm';
import { AuditEventEntity } from '../entities';
import { auditEventHash } from './audit-chain';

export interface NewAuditEvent {
  caseId: string;
  sequence: number;
  type: string;
  actor: string;
  payload: Record<string, unknown>;
}

/**
 * Appends the next event of a case's chain inside the caller's transaction. The caller holds the
 * case row lock, so the previous event cannot change under us.
 */
export async function appendAuditEvent(manager: EntityManager, event: NewAuditEvent): Promise<AuditEventEntity> {
  const previous =
    event.sequence === 1
      ? null
      : await manager.findOne(AuditEventEntity, { where: { caseId: event.caseId, sequence: event.sequence - 1 } });
  if (event.sequence > 1 && !previous) {
    throw new Error(`audit chain of case ${event.caseId} has no event ${event.sequence - 1}`);
  }
  const occurredAt = new Date();
  const prevHash = previous?.hash ?? null;
  const row = manager.create(AuditEventEntity, {
    ...event,
    occurredAt,
    prevHash,
    hash: auditEventHash({ ...event, occurredAt, prevHash }),
  });
  return manager.save(row);
}
