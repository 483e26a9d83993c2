/**
 * The monitoring state of a running agency clock (legal-rules.md §6), in SQL, computed at request
 * time (the api's monitoring views, apps/api/src/monitoring; the worker's daily digest) from the dates stored with the clock. `case_clocks.monitoring_state` is not trusted: it is
 * written only when the workflow records a milestone, so it lags whenever a workflow is late or
 * Temporal is away, which is exactly when monitoring matters.
 *
 * The choice: the milestones the worker stored with the clock (libs/domain clockMilestones, epoch
 * ms), compared with the request's instant. They are what `classifyClock` says, already counted on
 * the working-day calendar the due date was counted on (a calendar change recomputes them), so the
 * api needs no calendar of its own and agrees with the workflow's timers:
 * - overdue: now ≥ the `overdue` milestone, which is 24:00 local of `due_ignoring_provisional`
 *   (the conservative due date, legal-rules.md §1): exactly `today > due_ignoring_provisional`
 *   (today in Asia/Ho_Chi_Minh), so the date is compared;
 * - very_overdue: overdue and now ≥ the `very_overdue` milestone (overdue by more than the period
 *   again, counted in the period's own unit);
 * - due_soon: not overdue and now ≥ the `due_soon` milestone (≤ 3 working days left);
 * - on_track: the rest. Paused and stopped clocks, and citizens' windows, are not monitored.
 * The `atMs` of the due_soon and very_overdue milestones are the generated columns `due_soon_at`
 * and `very_overdue_at`, so the partial indexes of migration 1764230000000-monitoring-indexes hold
 * them; the predicates here must stay identical to those indexes' (the planner matches them).
 */

/** The states monitoring reports (on_track clocks are not listed or counted). */
export const MONITORED_STATES = ['due_soon', 'overdue', 'very_overdue'] as const;
export type MonitoredState = (typeof MONITORED_STATES)[number];

/** Clocks the agency must act on: the predicate of every monitoring index. `cc` is case_clocks. */
export const RUNNING_AGENCY_CLOCK = `cc.status = 'running' AND cc.owner = 'agency'`;
/** The date monitoring counts from: the conservative due date (legal-rules.md §1). */
export const MONITORED_DUE = 'cc.due_ignoring_provisional';
const DUE_SOON_AT = 'cc.due_soon_at';
const VERY_OVERDUE_AT = 'cc.very_overdue_at';

/**
 * A due-soon clock is due within 3 working days, so within this many calendar days: no official
 * calendar stretches 3 working days over a month (the longest break, Tết, is about 9 days). Only a
 * bound for the index range; the milestone decides.
 */
export const DUE_SOON_HORIZON_DAYS = 31;

/** The instant a request is answered at, and its local date in Vietnam. */
export interface MonitoringInstant {
  nowMs: number;
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh. */
  today: string;
}

/** Positional parameters of a query being built: `add` returns the placeholder (`$1`, `$2`…). */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The placeholders of the instant, each added to the query once, when first used. */
export function instantParams(p: SqlParams, at: MonitoringInstant): { readonly now: string; readonly today: string } {
  let now: string | undefined;
  let today: string | undefined;
  return {
    get now() {
      return (now ??= `CAST(${p.add(String(at.nowMs))} AS bigint)`);
    },
    get today() {
      return (today ??= `CAST(${p.add(at.today)} AS date)`);
    },
  };
}

/** The state of a running agency clock at the instant, as an SQL expression. */
export function stateSql(at: { now: string; today: string }): string {
  return `CASE
    WHEN ${MONITORED_DUE} < ${at.today} THEN CASE WHEN ${VERY_OVERDUE_AT} <= ${at.now} THEN 'very_overdue' ELSE 'overdue' END
    WHEN ${DUE_SOON_AT} <= ${at.now} THEN 'due_soon'
    ELSE 'on_track' END`;
}

/**
 * Running agency clocks in one of `states` at the instant, as an SQL predicate on `cc`. It always
 * bounds the due date from above (today, or the due-soon horizon) so that the due-date index is
 * read as a range, whatever else is asked.
 */
export function inStatesSql(at: { now: string; today: string }, states: readonly MonitoredState[]): string {
  const wanted = new Set(states);
  const arms: string[] = [];
  if (wanted.has('overdue') && wanted.has('very_overdue')) arms.push(`${MONITORED_DUE} < ${at.today}`);
  else if (wanted.has('overdue')) arms.push(`(${MONITORED_DUE} < ${at.today} AND (${VERY_OVERDUE_AT} IS NULL OR ${VERY_OVERDUE_AT} > ${at.now}))`);
  else if (wanted.has('very_overdue')) arms.push(`(${MONITORED_DUE} < ${at.today} AND ${VERY_OVERDUE_AT} <= ${at.now})`);
  if (wanted.has('due_soon')) arms.push(`(${MONITORED_DUE} >= ${at.today} AND ${DUE_SOON_AT} <= ${at.now})`);
  if (arms.length === 0) return 'false';
  const bound = wanted.has('due_soon') ? `${MONITORED_DUE} <= ${at.today} + ${DUE_SOON_HORIZON_DAYS}` : `${MONITORED_DUE} < ${at.today}`;
  return `${RUNNING_AGENCY_CLOCK} AND ${bound} AND (${arms.join(' OR ')})`;
}

/**
 * Ladder step recorded so far (legal-rules.md §6): 1 the reminder on the due date, 2 the
 * same-level inspectorate, 3 the superior; 0 none yet. Read from the milestones the workflow has
 * recorded (`reached`): what was actually notified, which may lag the state by seconds.
 */
export function escalationStep(reached: readonly string[]): 0 | 1 | 2 | 3 {
  if (reached.includes('escalated_superior')) return 3;
  if (reached.includes('escalated_inspectorate')) return 2;
  if (reached.includes('due_today')) return 1;
  return 0;
}
