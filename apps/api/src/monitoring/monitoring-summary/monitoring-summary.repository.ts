import type { EntityManager } from 'typeorm';
import type { CaseKind, RuleId } from '@donthu/domain';
import { inStatesSql, instantParams, MONITORED_STATES, SqlParams, stateSql, type MonitoringInstant } from '../clock-state-sql';
import { scopeAndFilterSql, type MonitoringScope } from '../monitoring-params';
import type { SummaryGrouping } from './monitoring-summary.query';

export interface StateCounts {
  dueSoon: number;
  overdue: number;
  veryOverdue: number;
  /** dueSoon + overdue + veryOverdue: the clocks that need attention. */
  total: number;
}

export interface SummaryGroup extends StateCounts {
  agencyCode?: string;
  agencyName?: string | null;
  kind?: CaseKind;
  rule?: string;
}

const COLUMN: Record<SummaryGrouping, string> = { agency: 'cc.agency_code', kind: 'cc.case_kind', rule: 'cc.rule_id' };
const ALIAS: Record<SummaryGrouping, string> = { agency: 'agency_code', kind: 'kind', rule: 'rule_id' };

interface Row {
  agency_code?: string;
  agency_name?: string | null;
  kind?: CaseKind;
  rule_id?: string;
  due_soon: number;
  overdue: number;
  very_overdue: number;
}

/**
 * Counts of running agency clocks due soon, overdue and very overdue at `at`, in the caller's
 * agencies, grouped by `groupBy` (in that order; groups without any such clock are absent).
 * The states are exclusive: a very overdue clock is not also counted as overdue.
 */
export async function countClocksByState(
  manager: EntityManager,
  filters: { agency?: string; kind?: CaseKind; rule?: RuleId },
  groupBy: readonly SummaryGrouping[],
  at: MonitoringInstant,
  scope: MonitoringScope,
): Promise<SummaryGroup[]> {
  const p = new SqlParams();
  const instant = instantParams(p, at);
  const where = [inStatesSql(instant, MONITORED_STATES), ...scopeAndFilterSql((v) => p.add(v), scope, filters)];
  const keys = groupBy.map((g) => `${COLUMN[g]} AS ${ALIAS[g]}`);
  const groupKeys = groupBy.map((g) => ALIAS[g]);
  const sql = `
    SELECT ${[...groupKeys.map((k) => `s.${k}`), ...(groupBy.includes('agency') ? ['a.name AS agency_name'] : []), 's.due_soon', 's.overdue', 's.very_overdue'].join(', ')}
    FROM (
      SELECT ${[...groupKeys, 'count(*) FILTER (WHERE state = \'due_soon\')::int AS due_soon', 'count(*) FILTER (WHERE state = \'overdue\')::int AS overdue', 'count(*) FILTER (WHERE state = \'very_overdue\')::int AS very_overdue'].join(', ')}
      FROM (
        SELECT ${[...keys, `${stateSql(instant)} AS state`].join(', ')}
        FROM case_clocks cc
        WHERE ${where.join(' AND ')}
      ) clocks
      ${groupKeys.length > 0 ? `GROUP BY ${groupKeys.join(', ')}` : ''}
    ) s
    ${groupBy.includes('agency') ? 'LEFT JOIN agencies a ON a.code = s.agency_code' : ''}
    ${groupKeys.length > 0 ? `ORDER BY ${groupKeys.map((k) => `s.${k} COLLATE "C"`).join(', ')}` : ''}`;
  const rows = await manager.query<Row[]>(sql, p.values);
  // In the order of the keys (byte order, the same on every server), as groupBy lists them.
  return rows.map((r) => ({
    ...(r.agency_code !== undefined ? { agencyCode: r.agency_code, agencyName: r.agency_name ?? null } : {}),
    ...(r.kind !== undefined ? { kind: r.kind } : {}),
    ...(r.rule_id !== undefined ? { rule: r.rule_id } : {}),
    dueSoon: r.due_soon,
    overdue: r.overdue,
    veryOverdue: r.very_overdue,
    total: r.due_soon + r.overdue + r.very_overdue,
  }));
}

/** The sum of the groups. */
export function totalOf(groups: readonly StateCounts[]): StateCounts {
  return groups.reduce((t, g) => ({ dueSoon: t.dueSoon + g.dueSoon, overdue: t.overdue + g.overdue, veryOverdue: t.veryOverdue + g.veryOverdue, total: t.total + g.total }), {
    dueSoon: 0,
    overdue: 0,
    veryOverdue: 0,
    total: 0,
  });
}

/**
 * Overdue clocks (overdue and very overdue) by the escalation step recorded so far (legal-rules.md
 * §6; libs/persistence `escalationStep`): 1 the reminder on the due date (nhắc nhở), 2 the
 * same-level inspectorate (thanh tra cùng cấp), 3 the superior (cấp trên). A clock counts once, at
 * its highest step; overdue clocks still without a recorded step are in none.
 */
export interface EscalationCounts {
  reminder: number;
  inspectorate: number;
  superior: number;
}

/**
 * Escalation counts of the overdue clocks in the same groups as `countClocksByState` (same
 * filters, scope and instant), merged into `groups`. A separate query, over overdue clocks only:
 * the state counts stay an index-only scan (metrics and the bench call them without this).
 */
export async function withEscalationCounts<G extends SummaryGroup>(
  manager: EntityManager,
  groups: readonly G[],
  filters: { agency?: string; kind?: CaseKind; rule?: RuleId },
  groupBy: readonly SummaryGrouping[],
  at: MonitoringInstant,
  scope: MonitoringScope,
): Promise<Array<G & { escalation: EscalationCounts }>> {
  const p = new SqlParams();
  const instant = instantParams(p, at);
  const where = [inStatesSql(instant, ['overdue', 'very_overdue']), ...scopeAndFilterSql((v) => p.add(v), scope, filters)];
  const keys = groupBy.map((g) => `${COLUMN[g]} AS ${ALIAS[g]}`);
  const groupKeys = groupBy.map((g) => ALIAS[g]);
  // The same order of tests as escalationStep(reached): the highest step recorded wins.
  const step = `CASE WHEN cc.reached ? 'escalated_superior' THEN 3 WHEN cc.reached ? 'escalated_inspectorate' THEN 2 WHEN cc.reached ? 'due_today' THEN 1 ELSE 0 END`;
  const sql = `
    SELECT ${[...groupKeys, 'count(*) FILTER (WHERE step = 1)::int AS reminder', 'count(*) FILTER (WHERE step = 2)::int AS inspectorate', 'count(*) FILTER (WHERE step = 3)::int AS superior'].join(', ')}
    FROM (
      SELECT ${[...keys, `${step} AS step`].join(', ')}
      FROM case_clocks cc
      WHERE ${where.join(' AND ')}
    ) clocks
    ${groupKeys.length > 0 ? `GROUP BY ${groupKeys.join(', ')}` : ''}`;
  const rows = await manager.query<Array<Row & EscalationCounts>>(sql, p.values);
  const keyOf = (k: { agencyCode?: string; kind?: string; rule?: string }) => JSON.stringify([k.agencyCode ?? null, k.kind ?? null, k.rule ?? null]);
  const byKey = new Map(rows.map((r) => [keyOf({ agencyCode: r.agency_code, kind: r.kind, rule: r.rule_id }), r]));
  return groups.map((g) => {
    const r = byKey.get(keyOf(g));
    return { ...g, escalation: { reminder: r?.reminder ?? 0, inspectorate: r?.inspectorate ?? 0, superior: r?.superior ?? 0 } };
  });
}
