import type { EntityManager } from 'typeorm';
import { onTimeRate, type CaseKind } from '@donthu/domain';
import { resolutionStopLateral, resolutionStoppedOnSql } from '@donthu/persistence';
import { MONITORED_DUE, SqlParams } from '../clock-state-sql';
import { scopeAndFilterSql, type MonitoringScope } from '../monitoring-params';
import { monthsBetween } from './trend.query';

export interface TrendMonth {
  /** YYYY-MM, a month in Asia/Ho_Chi_Minh. */
  month: string;
  /** Cases received that month (`cases.received_on`). */
  received: number;
  /** Resolution clocks stopped that month (on time + late). */
  resolved: number;
  /** … on or before their due date. */
  onTime: number;
  /** … after it. */
  late: number;
  /** onTime / resolved, null when none was resolved that month. */
  onTimeRate: number | null;
}

/**
 * Cases received and resolved per month, in the caller's agencies. Every month of [from, to] is
 * present (zeros included), in order. The months are local (Asia/Ho_Chi_Minh): both dates counted
 * are local dates already.
 * - received: cases whose `received_on` (the local day the letter or visit arrived: it starts the
 *   statutory clocks) is in the month;
 * - resolved: the agency's resolution clocks stopped that month, counted exactly as the on-time
 *   rate counts them (on-time-rate.repository.ts; libs/persistence resolution-stop-sql.ts): the
 *   stop date is the effective date of the act that stopped the clock, on time when it is on or
 *   before the conservative due date (legal-rules.md §1, §6), late otherwise;
 * - the agency and kind are the case's now (a transferred case counts where it went), as in every
 *   monitoring view.
 */
export async function trendByMonth(
  manager: EntityManager,
  period: { from: string; to: string },
  filters: { agency?: string; kind?: CaseKind },
  scope: MonitoringScope,
): Promise<TrendMonth[]> {
  const months = monthsBetween(period.from, period.to);

  const r = new SqlParams();
  const receivedWhere = [`c.agency_code = ANY(${r.add([...scope.agencyCodes])}::text[])`];
  if (filters.agency !== undefined) receivedWhere.push(`c.agency_code = ${r.add(filters.agency)}`);
  if (filters.kind !== undefined) receivedWhere.push(`c.kind = ${r.add(filters.kind)}`);
  const rFrom = `CAST(${r.add(`${period.from}-01`)} AS date)`;
  const rTo = `CAST(${r.add(`${period.to}-01`)} AS date)`;
  const received = await manager.query<Array<{ month: string; n: number }>>(
    `SELECT to_char(c.received_on, 'YYYY-MM') AS month, count(*)::int AS n
     FROM cases c
     WHERE c.received_on >= ${rFrom} AND c.received_on < ${rTo} + interval '1 month' AND ${receivedWhere.join(' AND ')}
     GROUP BY 1`,
    r.values,
  );

  const s = new SqlParams();
  const stoppedWhere = scopeAndFilterSql((v) => s.add(v), scope, filters);
  const sFrom = `CAST(${s.add(`${period.from}-01`)} AS date)`;
  const sTo = `CAST(${s.add(`${period.to}-01`)} AS date)`;
  // An act is recorded on or before the day it is entered: a clock stopped within the months was
  // written at or after 00:00 local of their first day (the bound the on-time rate uses too).
  const resolved = await manager.query<Array<{ month: string; on_time: number; late: number }>>(
    `
    WITH stopped AS (
      SELECT ${MONITORED_DUE} AS due, ${resolutionStoppedOnSql('cc')} AS stopped_on
      FROM case_clocks cc
      ${resolutionStopLateral('cc')}
      WHERE cc.status = 'stopped' AND cc.name = 'resolution' AND cc.owner = 'agency'
        AND cc.updated_at >= (${sFrom}::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
        AND ${stoppedWhere.join(' AND ')}
    )
    SELECT to_char(stopped_on, 'YYYY-MM') AS month, count(*) FILTER (WHERE stopped_on <= due)::int AS on_time, count(*) FILTER (WHERE stopped_on > due)::int AS late
    FROM stopped
    WHERE stopped_on >= ${sFrom} AND stopped_on < ${sTo} + interval '1 month'
    GROUP BY 1`,
    s.values,
  );

  const receivedBy = new Map(received.map((x) => [x.month, x.n]));
  const resolvedBy = new Map(resolved.map((x) => [x.month, x]));
  return months.map((month) => {
    const onTime = resolvedBy.get(month)?.on_time ?? 0;
    const late = resolvedBy.get(month)?.late ?? 0;
    return { month, received: receivedBy.get(month) ?? 0, resolved: onTime + late, onTime, late, onTimeRate: onTimeRate(onTime, late) };
  });
}
