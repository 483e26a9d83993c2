import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  classifyClock,
  clockDeadline,
  clockMilestones,
  deadlineToJSON,
  parseLocalDate,
  type CaseDeadlineFacts,
  type ClockDeadline,
  type ClockName,
  type ClockRecord,
  type OfficialCalendar,
} from '@donthu/domain';
import { CaseClockEntity } from '../entities';

/** A clock's deadline with what the projection and the audit trail keep of it. */
export interface ComputedClock {
  record: ClockRecord;
  deadline: ClockDeadline;
  ruleVersionLabel: string;
  citation: string;
  explanation: Array<Record<string, unknown>>;
  calendarVersion: string;
  period: { days: number; unit: 'calendar' | 'working' };
}

/** Computes the deadline of each named clock (stopped clocks keep the deadline they had). */
export function computeClocks(
  clocks: Readonly<Partial<Record<ClockName, ClockRecord>>>,
  names: readonly ClockName[],
  facts: CaseDeadlineFacts,
  calendar: OfficialCalendar,
): ComputedClock[] {
  return names.flatMap((name) => {
    const record = clocks[name];
    if (!record) return [];
    const result = clockDeadline(record, facts, calendar);
    const json = deadlineToJSON(result);
    return [
      {
        record,
        deadline: {
          due: json.due,
          dueIgnoringProvisional: json.dueIgnoringProvisional,
          provisional: result.provisional,
          ruleVersion: result.ruleVersion,
          milestones: record.status === 'running' ? clockMilestones(record, result, calendar) : [],
        },
        ruleVersionLabel: result.ruleVersionLabel,
        citation: result.citation,
        explanation: json.explanation.map((step) => ({ ...step })),
        calendarVersion: result.calendarVersion,
        period: { days: result.period.days, unit: result.period.unit },
      },
    ];
  });
}

/** What an audit event records of each changed clock: enough to check the due date by hand. */
export function clockAuditFacts(computed: readonly ComputedClock[]): Array<Record<string, unknown>> {
  return computed.map((c) => ({
    clock: c.record.name,
    rule: c.record.rule,
    ruleVersion: c.ruleVersionLabel,
    citation: c.citation,
    status: c.record.status,
    startDate: c.record.startDate,
    due: c.deadline.due,
    dueIgnoringProvisional: c.deadline.dueIgnoringProvisional,
    provisional: c.deadline.provisional,
    explanation: c.explanation,
  }));
}

/** Stores clocks (insert or replace), with their monitoring state at `nowMs`. */
export async function saveClocks(manager: EntityManager, caseId: string, computed: readonly ComputedClock[], calendar: OfficialCalendar, nowMs: number): Promise<Array<Omit<CaseClockEntity, 'updatedAt'>>> {
  const written: Array<Omit<CaseClockEntity, 'updatedAt'>> = [];
  for (const c of computed) {
    const monitoringState =
      c.record.status === 'paused'
        ? 'paused'
        : c.record.status === 'stopped'
          ? 'stopped'
          : classifyClock(
              { due: parseLocalDate(c.deadline.due), dueIgnoringProvisional: parseLocalDate(c.deadline.dueIgnoringProvisional), period: c.period },
              { epochMs: nowMs },
              calendar,
            );
    const row: Omit<CaseClockEntity, 'updatedAt'> = {
        caseId,
        name: c.record.name,
        ruleId: c.record.rule,
        ruleVersion: c.deadline.ruleVersion,
        owner: c.record.owner,
        status: c.record.status,
        startDate: c.record.startDate,
        complex: c.record.complex,
        extensions: c.record.extensions,
        suspensions: [...c.record.suspensions],
        dueDate: c.deadline.due,
        dueIgnoringProvisional: c.deadline.dueIgnoringProvisional,
        provisional: c.deadline.provisional,
        milestones: [...c.deadline.milestones],
        reached: [],
        monitoringState,
        explanation: c.explanation,
        calendarVersion: c.calendarVersion,
    };
    // jsonb columns defeat TypeORM's deep-partial typing of upsert; the row is a full entity.
    await manager.upsert(CaseClockEntity, row as QueryDeepPartialEntity<CaseClockEntity>, ['caseId', 'name']);
    written.push(row);
  }
  return written;
}

/** The earliest conservative due date of the running agency clocks: what lists sort by. */
export function nextDueOn(clocks: Readonly<Partial<Record<ClockName, ClockRecord>>>, deadlines: Readonly<Partial<Record<ClockName, { dueIgnoringProvisional: string }>>>): string | null {
  let next: string | null = null;
  for (const [name, clock] of Object.entries(clocks) as Array<[ClockName, ClockRecord | undefined]>) {
    if (!clock || clock.status !== 'running' || clock.owner !== 'agency') continue;
    const due = deadlines[name]?.dueIgnoringProvisional;
    if (due && (next === null || due < next)) next = due;
  }
  return next;
}
