import type { EntityManager } from 'typeorm';
import {
  CASE_KINDS,
  formatLocalDate,
  handlingOutcomeOf,
  LIFECYCLES,
  parseLocalDate,
  resolutionEndingOf,
  type CaseKind,
  type ReportCaseFacts,
  type ReportPeriod,
} from '@donthu/domain';
import { resolutionStopLateral, resolutionStoppedOnSql } from '@donthu/persistence';

interface FactRow {
  agency_code: string;
  kind: CaseKind;
  channel: string;
  received_on: string;
  group_size: number;
  split_from_letter: boolean;
  handled_on: string | null;
  status_after: string | null;
  handling_due: string | null;
  resolution_start: string | null;
  resolution_due: string | null;
  resolved_on: string | null;
  resolution_command: string | null;
}

const ISO_DATE = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
const day = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD')`;

/** The clock each kind starts at receipt (its handling deadline), from the lifecycle tables, as an SQL CASE. */
const HANDLING_CLOCK_SQL = `CASE c.kind ${CASE_KINDS.map((k) => `WHEN '${k}' THEN '${LIFECYCLES[k].onRegister.start?.[0]?.clock ?? ''}'`).join(' ')} END`;

/**
 * The cases of `agencies` ($1) that can count in the period from $2 to $3 (see loadReportFacts),
 * as a predicate on `cases c`. Exported for the benchmark's baseline (a count of the same rows).
 */
export const REPORT_CASES_WHERE = `c.agency_code = ANY($1::text[]) AND c.received_on <= CAST($3 AS date)
      AND (c.received_on >= CAST($2 AS date)
           OR c.updated_at >= (CAST($2 AS date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
           OR EXISTS (SELECT 1 FROM case_clocks oc WHERE oc.case_id = c.id AND oc.owner = 'agency' AND oc.status <> 'stopped'))`;

export function reportCasesParams(agencies: readonly string[], period: Pick<ReportPeriod, 'from' | 'to'>): unknown[] {
  return [[...agencies], formatLocalDate(period.from), formatLocalDate(period.to)];
}

/**
 * The facts of every case of `agencies` that can count in `period` (libs/domain ReportCaseFacts):
 * received by the cut-off, and received in the period, or written to since its first day (every
 * act is entered on or after the day it takes effect, so a case handled or resolved in the period
 * or later was written to then), or still open (an agency clock not stopped). A case finished
 * before the period and untouched since counts in none of its figures and is not read.
 *
 * Dates come from the audit trail: the handling act is the latest event that took the case out
 * of `received` (its `effectiveDate`, else the day it was written); the resolution clock's stop
 * date is the one the on-time rate uses (libs/persistence resolution-stop-sql.ts).
 */
export async function loadReportFacts(manager: EntityManager, agencies: readonly string[], period: Pick<ReportPeriod, 'from' | 'to'>): Promise<ReportCaseFacts[]> {
  const sql = `
    SELECT c.agency_code, c.kind, c.channel, ${day('c.received_on')} AS received_on, c.group_size,
           COALESCE(p.kind = 'letter', false) AS split_from_letter,
           ${day('h.effective_date')} AS handled_on, h.status_after,
           ${day('hc.due_ignoring_provisional')} AS handling_due,
           ${day('rc.start_date')} AS resolution_start, ${day('rc.due_ignoring_provisional')} AS resolution_due,
           CASE WHEN rc.status = 'stopped' THEN ${day(resolutionStoppedOnSql('rc'))} END AS resolved_on,
           CASE WHEN rc.status = 'stopped' THEN stop.command END AS resolution_command
    FROM cases c
    LEFT JOIN cases p ON p.id = c.parent_case_id
    LEFT JOIN LATERAL (
      SELECT COALESCE(CASE WHEN e.payload->>'effectiveDate' ~ ${ISO_DATE} THEN CAST(e.payload->>'effectiveDate' AS date) END,
                      (e.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS effective_date,
             e.payload->'after'->>'status' AS status_after
      FROM audit_events e
      WHERE e.stream_type = 'case' AND e.stream_id = c.id::text AND e.sequence > 1
        AND e.payload->'before'->>'status' = 'received' AND e.payload->'after'->>'status' <> 'received'
      ORDER BY e.sequence DESC
      LIMIT 1
    ) h ON true
    LEFT JOIN case_clocks hc ON hc.case_id = c.id AND hc.name = ${HANDLING_CLOCK_SQL}
    LEFT JOIN case_clocks rc ON rc.case_id = c.id AND rc.name = 'resolution' AND rc.owner = 'agency'
    ${resolutionStopLateral('rc')}
    WHERE ${REPORT_CASES_WHERE}`;
  const rows = await withoutJit(manager, (m) => m.query<FactRow[]>(sql, reportCasesParams(agencies, period)));
  return rows.map(toFacts);
}

/**
 * Runs `fn` in a transaction with PostgreSQL's JIT off: the planner's cost of a report's nested
 * loops (thousands of index lookups) crosses the JIT threshold, and compiling took longer (0.3 s)
 * than the query itself.
 */
export function withoutJit<T>(manager: EntityManager, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  return manager.transaction(async (m) => {
    await m.query('SET LOCAL jit = off');
    return fn(m);
  });
}

function toFacts(row: FactRow): ReportCaseFacts {
  return {
    agencyCode: row.agency_code,
    kind: row.kind,
    channel: row.channel,
    receivedOn: parseLocalDate(row.received_on),
    groupSize: row.group_size,
    splitFromLetter: row.split_from_letter,
    handling: row.handled_on !== null && row.status_after !== null ? { on: parseLocalDate(row.handled_on), outcome: handlingOutcomeOf(row.status_after) } : null,
    handlingDue: row.handling_due !== null ? parseLocalDate(row.handling_due) : null,
    resolution:
      row.resolution_start !== null && row.resolution_due !== null
        ? {
            startDate: parseLocalDate(row.resolution_start),
            due: parseLocalDate(row.resolution_due),
            stoppedOn: row.resolved_on !== null ? parseLocalDate(row.resolved_on) : null,
            ending: row.resolved_on !== null ? resolutionEndingOf(row.resolution_command) : null,
          }
        : null,
  };
}
