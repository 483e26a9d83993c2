import type { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvent, caseStream } from '../audit';
import { AuditEventEntity, CaseEntity, NotificationEntity } from '../entities';
import { enqueueNationalExport } from '../national-export/export-outbox';

/** The projection and the workflow disagree: retrying cannot help, a person must look. */
export class ProjectionConflictError extends Error {
  override name = 'ProjectionConflictError';
}

export interface NewNotification {
  kind: string;
  recipientRole: string;
  recipientAgency: string;
  /** Case code, clock, due date… never personal data. */
  payload: Record<string, unknown>;
}

export interface CaseEventWrite {
  caseId: string;
  /** The workflow's sequence number for this event (it owns the case's sequence). */
  sequence: number;
  eventType: string;
  actor: string;
  payload: Record<string, unknown>;
  /** The status the workflow believes the case is in; a mismatch is a conflict. */
  expectedStatus?: string;
  notifications?: readonly NewNotification[];
  /** Projection changes, inside the same transaction as the audit event; may return facts to add to its payload. */
  apply(manager: EntityManager, current: CaseEntity): Promise<void | Record<string, unknown>>;
}

/**
 * Writes one event of a case: its projection changes, its audit event, its notifications and its
 * national-export record, in one transaction. Idempotent by (case, sequence): a retried activity whose first attempt
 * committed finds its event already there and writes nothing.
 */
export async function writeCaseEvent(dataSource: DataSource, write: CaseEventWrite): Promise<'applied' | 'already-applied'> {
  return dataSource.transaction(async (manager) => {
    const current = await manager.findOne(CaseEntity, { where: { id: write.caseId }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw new ProjectionConflictError(`case ${write.caseId} does not exist`);

    if (current.lastSequence >= write.sequence) {
      const existing = await manager.findOne(AuditEventEntity, { where: { ...caseStream(write.caseId), sequence: write.sequence } });
      if (existing?.type === write.eventType) return 'already-applied';
      throw new ProjectionConflictError(`case ${current.code}: event ${write.sequence} is "${existing?.type}", not "${write.eventType}"`);
    }
    if (current.lastSequence !== write.sequence - 1 || (write.expectedStatus !== undefined && current.status !== write.expectedStatus)) {
      throw new ProjectionConflictError(
        `case ${current.code}: projection at event ${current.lastSequence} in "${current.status}", ` +
          `workflow expects event ${write.sequence - 1}${write.expectedStatus ? ` in "${write.expectedStatus}"` : ''}`,
      );
    }

    const extra = await write.apply(manager, current);
    const event = await appendAuditEvent(manager, { ...caseStream(write.caseId), sequence: write.sequence, type: write.eventType, actor: write.actor, payload: { ...write.payload, ...extra } });
    await manager.update(CaseEntity, { id: write.caseId }, { lastSequence: write.sequence });
    for (const n of write.notifications ?? []) {
      await manager.save(manager.create(NotificationEntity, { caseId: write.caseId, auditSequence: write.sequence, status: 'pending', attempts: 0, ...n }));
    }
    // The national database's record of the event (docs/national-export.md), in the same transaction.
    await enqueueNationalExport(manager, write.caseId, event);
    return 'applied';
  });
}

/** Marks a milestone reached on a clock row (monitoring reads `reached` and `monitoring_state`). */
export async function markMilestoneReached(manager: EntityManager, caseId: string, clock: string, milestone: string, monitoringState: string): Promise<void> {
  await manager.query(
    `UPDATE case_clocks SET reached = reached || to_jsonb($3::text), monitoring_state = $4, updated_at = now() WHERE case_id = $1 AND name = $2`,
    [caseId, clock, milestone, monitoringState],
  );
}
