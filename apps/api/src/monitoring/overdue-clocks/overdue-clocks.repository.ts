import type { EntityManager } from 'typeorm';
import type { CaseKind, CaseStatus, ClockName, RuleId } from '@donthu/domain';
import { escalationStep, inStatesSql, instantParams, MONITORED_DUE, SqlParams, stateSql, type MonitoredState, type MonitoringInstant } from '../clock-state-sql';
import { scopeAndFilterSql, type MonitoringScope } from '../monitoring-params';
import type { OverduePosition, SortDirection } from './overdue-cursor';

export interface OverdueFilters {
  agency?: string;
  kind?: CaseKind;
  rule?: RuleId;
  states: readonly MonitoredState[];
  /** Overdue by at least this many calendar days: due ≤ today − minAge. */
  minAge?: number;
}

export interface MonitoredClock {
  caseCode: string;
  caseId: string;
  caseStatus: CaseStatus;
  agencyCode: string;
  kind: CaseKind;
  clock: ClockName;
  rule: string;
  /** The due date (with provisional days off counted). */
  due: string;
  /** The conservative due date monitoring counts from (legal-rules.md §1); equal to `due` unless provisional. */
  dueIgnoringProvisional: string;
  provisional: boolean;
  state: MonitoredState;
  /** Calendar days since the monitored due date (0 on the due date, negative before it). */
  ageDays: number;
  escalationStep: 0 | 1 | 2 | 3;
  reached: string[];
  /** User id of the handling officer, if one is assigned. */
  assignee: string | null;
}

export interface OverduePage {
  items: MonitoredClock[];
  next: OverduePosition | null;
}

interface Row {
  case_code: string;
  case_id: string;
  case_status: CaseStatus;
  agency_code: string;
  kind: CaseKind;
  clock: ClockName;
  rule_id: string;
  due: string;
  due_ignoring_provisional: string;
  provisional: boolean;
  state: MonitoredState;
  age_days: number;
  reached: string[];
  assignee: string | null;
}

// The keyset: the key of the monitoring indexes (migration 1764230000000-monitoring-indexes).
const KEY = `${MONITORED_DUE}, cc.case_id, cc.name COLLATE "C"`;

/**
 * One page of running agency clocks in `filters.states` at `at`, in the caller's agencies, by
 * monitored due date (`asc`: most overdue first), then case and clock. Keyset pages: a page starts
 * strictly after `after`, so no clock is shown twice or skipped while its due date stays put.
 *
 * Two steps in one query: the page's keys are found from a monitoring index alone (every column
 * the filters read is in it: an index-only scan, however many clocks the filters pass over), then
 * only the rows shown are read from case_clocks and cases.
 */
export async function findMonitoredClocks(
  manager: EntityManager,
  filters: OverdueFilters,
  page: { limit: number; direction: SortDirection; after?: OverduePosition },
  at: MonitoringInstant,
  scope: MonitoringScope,
): Promise<OverduePage> {
  const p = new SqlParams();
  const instant = instantParams(p, at);
  const where = [inStatesSql(instant, filters.states), ...scopeAndFilterSql((v) => p.add(v), scope, filters)];
  if (filters.minAge !== undefined) where.push(`${MONITORED_DUE} <= ${instant.today} - ${p.add(filters.minAge)}::int`);
  const dir = page.direction === 'asc' ? 'ASC' : 'DESC';
  if (page.after) {
    where.push(`(${KEY}) ${page.direction === 'asc' ? '>' : '<'} (CAST(${p.add(page.after.due)} AS date), CAST(${p.add(page.after.caseId)} AS uuid), CAST(${p.add(page.after.clock)} AS text) COLLATE "C")`);
  }
  const order = (key: string) =>
    key
      .split(', ')
      .map((k) => `${k} ${dir}`)
      .join(', ');
  const sql = `
    SELECT c.code AS case_code, k.case_id, c.status AS case_status, k.agency_code, k.case_kind AS kind, k.name AS clock, k.rule_id,
           to_char(k.due_date, 'YYYY-MM-DD') AS due, to_char(k.due_ignoring_provisional, 'YYYY-MM-DD') AS due_ignoring_provisional, k.provisional,
           p.state, (${instant.today} - k.due_ignoring_provisional) AS age_days, k.reached, c.assignee
    FROM (
      SELECT cc.case_id, cc.name, ${stateSql(instant)} AS state
      FROM case_clocks cc
      WHERE ${where.join(' AND ')}
      ORDER BY ${order(KEY)}
      LIMIT ${p.add(page.limit + 1)}
    ) p
    JOIN case_clocks k ON k.case_id = p.case_id AND k.name = p.name
    JOIN cases c ON c.id = k.case_id
    ORDER BY ${order(KEY.replace(/cc\./g, 'k.'))}`;
  const rows = await manager.query<Row[]>(sql, p.values);
  // One row more than asked tells whether there is a next page without a second query.
  const shown = rows.slice(0, page.limit).map(
    (r): MonitoredClock => ({
      caseCode: r.case_code,
      caseId: r.case_id,
      caseStatus: r.case_status,
      agencyCode: r.agency_code,
      kind: r.kind,
      clock: r.clock,
      rule: r.rule_id,
      due: r.due,
      dueIgnoringProvisional: r.due_ignoring_provisional,
      provisional: r.provisional,
      state: r.state,
      ageDays: r.age_days,
      escalationStep: escalationStep(r.reached),
      reached: r.reached,
      assignee: r.assignee,
    }),
  );
  const last = shown.at(-1);
  const next = rows.length > page.limit && last ? { direction: page.direction, due: last.dueIgnoringProvisional, caseId: last.caseId, clock: last.clock } : null;
  return { items: shown, next };
}
