import type { EntityManager } from 'typeorm';
import type { ClockDeadline, ClockName, ClockRecord } from '@donthu/domain';
import { CaseClockEntity } from '../entities';

/** A case's clocks and deadlines in the shape the workflow keeps them (its input, CaseWorkflowInput). */
export interface CaseClockState {
  clocks: Partial<Record<ClockName, ClockRecord>>;
  deadlines: Partial<Record<ClockName, ClockDeadline>>;
}

/** The clock columns the workflow's state is made of. */
export type ClockStateRow = Pick<
  CaseClockEntity,
  'name' | 'ruleId' | 'owner' | 'status' | 'startDate' | 'complex' | 'extensions' | 'suspensions' | 'dueDate' | 'dueIgnoringProvisional' | 'provisional' | 'ruleVersion' | 'milestones'
>;

/** Rows (as stored, or as just written) → the workflow's shape, earliest conservative due date first. */
export function clockStateOf(rows: readonly ClockStateRow[]): CaseClockState {
  const clocks: Partial<Record<ClockName, ClockRecord>> = {};
  const deadlines: Partial<Record<ClockName, ClockDeadline>> = {};
  const ordered = [...rows].sort((a, b) => (a.dueIgnoringProvisional < b.dueIgnoringProvisional ? -1 : a.dueIgnoringProvisional > b.dueIgnoringProvisional ? 1 : 0));
  for (const row of ordered) {
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
  return { clocks, deadlines };
}

/** A case's clocks and deadlines as stored, in the shape the workflow keeps them, and the rows. */
export async function loadCaseClocks(manager: EntityManager, caseId: string): Promise<CaseClockState & { rows: CaseClockEntity[] }> {
  const rows = await manager.find(CaseClockEntity, { where: { caseId }, order: { dueIgnoringProvisional: 'ASC' } });
  return { ...clockStateOf(rows), rows };
}
