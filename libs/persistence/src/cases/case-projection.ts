import type { DataSource } from 'typeorm';
import type { CaseStatus } from '@donthu/domain';
import { appendAuditEvent, caseStream } from '../audit';
import { AuditEventEntity, CaseEntity } from '../entities';

export interface TransitionRecord {
  caseId: string;
  sequence: number;
  command: string;
  eventType: string;
  fromStatus: CaseStatus;
  toStatus: CaseStatus;
  actor: string;
  citation: string;
  note?: string;
}

/** The projection and the workflow disagree: retrying cannot help, a person must look. */
export class ProjectionConflictError extends Error {
  override name = 'ProjectionConflictError';
}

/**
 * Writes a transition's projection (case status) and its audit event in one transaction.
 * Idempotent by (case, sequence): a retried activity whose first attempt committed finds its
 * event already there and does nothing.
 */
export async function recordTransition(dataSource: DataSource, t: TransitionRecord): Promise<'applied' | 'already-applied'> {
  return dataSource.transaction(async (manager) => {
    const current = await manager.findOne(CaseEntity, {
      where: { id: t.caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!current) throw new ProjectionConflictError(`case ${t.caseId} does not exist`);

    if (current.lastSequence >= t.sequence) {
      const existing = await manager.findOne(AuditEventEntity, { where: { ...caseStream(t.caseId), sequence: t.sequence } });
      if (existing?.type === t.eventType) return 'already-applied';
      throw new ProjectionConflictError(`case ${current.code}: event ${t.sequence} is "${existing?.type}", not "${t.eventType}"`);
    }
    if (current.lastSequence !== t.sequence - 1 || current.status !== t.fromStatus) {
      throw new ProjectionConflictError(
        `case ${current.code}: projection at event ${current.lastSequence} in "${current.status}", ` +
          `workflow expects event ${t.sequence - 1} in "${t.fromStatus}"`,
      );
    }

    await appendAuditEvent(manager, {
      ...caseStream(t.caseId),
      sequence: t.sequence,
      type: t.eventType,
      actor: t.actor,
      payload: {
        command: t.command,
        fromStatus: t.fromStatus,
        toStatus: t.toStatus,
        citation: t.citation,
        ...(t.note !== undefined ? { note: t.note } : {}),
      },
    });
    await manager.update(CaseEntity, { id: t.caseId }, { status: t.toStatus, lastSequence: t.sequence });
    return 'applied';
  });
}
