import type { EntityManager } from 'typeorm';
import type { ClockDeadline, ClockName, ClockRecord } from '@donthu/domain';
import { CaseClockEntity } from '../entities';

/** A case's clocks and deadlines as stored, in the shape the workflow keeps them. */
export async function loadCaseClocks(
  manager: EntityManager,
  caseId: string,
): Promise<{ clocks: Partial<Record<ClockName, ClockRecord>>; deadlines: Partial<Record<ClockName, ClockDeadline>>; rows: CaseClockEntity[] }> {
  const rows = await manager.find(CaseClockEntity, { where: { caseId }, order: { dueIgnoringProvisional: 'ASC' } });
  const clocks: Partial<Record<ClockName, ClockRecord>> = {};
  const deadlines: Partial<Record<ClockName, ClockDeadline>> = {};
  for (const row of rows) {
    const name = row.name as ClockName;
    clocks[name] = {
      name,
      rule: row.ruleId as ClockRecord['rule'],
      owner: row.owner,
      status: row.status,
      startDate: row.startDate,
      complex: row.complex,
      extensions: row.extensions,
      suspensions: row.suspensions,
    };
    deadlines[name] = {
      due: row.dueDate,
      dueIgnoringProvisional: row.dueIgnoringProvisional,
      provisional: row.provisional,
      ruleVersion: row.ruleVersion,
      milestones: row.milestones as ClockDeadline['milestones'],
    };
  }
  return { clocks, deadlines, rows };
}
