import type { EntityManager } from 'typeorm';
import { onTimeRate, type CaseKind, type RuleId } from '@donthu/domain';
import { resolutionStopLateral, resolutionStoppedOnSql } from '@donthu/persistence';
import { instantParams, MONITORED_DUE, SqlParams, type MonitoringInstant } from '../clock-state-sql';
import { scopeAndFilterSql, type MonitoringScope } from '../monitoring-params';

export interface AgencyOnTime {
  agencyCode: string;
  agencyName: string | null;
  /** Resolution clocks stopped within the period on or before their due date. */
  onTime: number;
  /** … after it. */
  late: number;
  /** onTime / (onTime + late), null when none stopped in the period. */
  onTimeRate: number | null;
  /** Resolution clocks still running and overdue at the request's instant (whatever the period). */
  stillOverdue: number;
}

/**
 * What counts (TT 01/2024 "tỷ lệ giải quyết đúng hạn"; legal-rules.md §6):
 * - the clocks are the agency's resolution clocks (`name = 'resolution'`: giải quyết, rules
 *   KN-03, KN-07, KD-02B, TC-04, TC-08, PA-02), whatever stopped them (decision, conclusion,
 *   reply, withdrawal or termination: the agency's period ended either way);
 * - a clock's stop date is the effective date of the act that stopped it, as recorded in the
 *   case's audit trail (libs/persistence resolution-stop-sql.ts, shared with the periodic
 *   reports): the date of the decision, which an officer may enter days later. The day the row
 *   was written (`updated_at` in Asia/Ho_Chi_Minh) would count a decision signed on the due date
 *   and entered the next morning as late. Only when an event carries no effective date is that
 *   day used instead;
 * - it counts in the period when its stop date is within [from, to] (both included);
 * - on time: stop date ≤ `due_ignoring_provisional` (libs/domain `resolvedOnTime`), the conservative due date that monitoring,
 *   the overdue milestone and the escalation ladder use (legal-rules.md §1), so a clock reported
 *   overdue is never counted on time; late otherwise;
 * - `stillOverdue`: resolution clocks running at the request's instant whose monitored due date
 *   is past (paused ones are not running);
 * - the agency is the one holding the case now (a transferred case counts where it went).
 * An act is recorded on or before the day it is entered, so a clock stopped within the period was
 * written at or after 00:00 local of `from`: that bound (indexed) keeps the audit lookups to
 * the clocks stopped since then.
 */
export async function onTimeRateByAgency(
  manager: EntityManager,
  period: { from: string; to: string },
  filters: { agency?: string; kind?: CaseKind; rule?: RuleId },
  at: MonitoringInstant,
  scope: MonitoringScope,
): Promise<AgencyOnTime[]> {
  const s = new SqlParams();
  const stoppedWhere = scopeAndFilterSql((v) => s.add(v), scope, filters);
  const from = s.add(period.from);
  const to = s.add(period.to);
  const stopped = await manager.query<Array<{ agency_code: string; on_time: number; late: number }>>(
    `
    WITH stopped AS (
      SELECT cc.agency_code, ${MONITORED_DUE} AS due, ${resolutionStoppedOnSql('cc')} AS stopped_on
      FROM case_clocks cc
      ${resolutionStopLateral('cc')}
      WHERE cc.status = 'stopped' AND cc.name = 'resolution' AND cc.owner = 'agency'
        AND cc.updated_at >= (CAST(${from} AS date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
        AND ${stoppedWhere.join(' AND ')}
    )
    SELECT agency_code, count(*) FILTER (WHERE stopped_on <= due)::int AS on_time, count(*) FILTER (WHERE stopped_on > due)::int AS late
    FROM stopped
    WHERE stopped_on BETWEEN CAST(${from} AS date) AND CAST(${to} AS date)
    GROUP BY agency_code`,
    s.values,
  );

  const r = new SqlParams();
  const instant = instantParams(r, at);
  const runningWhere = scopeAndFilterSql((v) => r.add(v), scope, filters);
  const running = await manager.query<Array<{ agency_code: string; still_overdue: number }>>(
    `
    SELECT cc.agency_code, count(*)::int AS still_overdue
    FROM case_clocks cc
    WHERE cc.status = 'running' AND cc.owner = 'agency' AND cc.name = 'resolution' AND ${MONITORED_DUE} < ${instant.today}
      AND ${runningWhere.join(' AND ')}
    GROUP BY cc.agency_code`,
    r.values,
  );

  const byAgency = new Map<string, AgencyOnTime>();
  const entry = (code: string) => {
    let e = byAgency.get(code);
    if (!e) byAgency.set(code, (e = { agencyCode: code, agencyName: null, onTime: 0, late: 0, onTimeRate: null, stillOverdue: 0 }));
    return e;
  };
  for (const row of stopped) Object.assign(entry(row.agency_code), { onTime: row.on_time, late: row.late });
  for (const row of running) entry(row.agency_code).stillOverdue = row.still_overdue;
  if (byAgency.size > 0) {
    const names = await manager.query<Array<{ code: string; name: string }>>('SELECT code, name FROM agencies WHERE code = ANY($1::text[])', [[...byAgency.keys()]]);
    for (const n of names) byAgency.get(n.code)!.agencyName = n.name;
  }
  for (const e of byAgency.values()) e.onTimeRate = rate(e.onTime, e.late);
  return [...byAgency.values()].sort((a, b) => (a.agencyCode < b.agencyCode ? -1 : a.agencyCode > b.agencyCode ? 1 : 0));
}

/** onTime / (onTime + late) to 4 decimals, null when nothing stopped (libs/domain, shared with the periodic reports). */
export const rate = onTimeRate;
