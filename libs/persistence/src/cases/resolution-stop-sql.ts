/**
 * When an agency's resolution clock (giải quyết: KN-03, KN-07, KD-02B, TC-04, TC-08, PA-02)
 * stopped, read from the audit trail: one definition for the on-time rate (apps/api monitoring)
 * and the periodic reports (libs/reporting), so both count the same clocks on time.
 *
 * A clock's stop date is the effective date of the act that stopped it: the latest event of the
 * case whose `clocks` lists the resolution clock as stopped, its `effectiveDate` (the date of the
 * decision, conclusion, reply, withdrawal or termination, which an officer may enter days later).
 * Only when that event carries no date is the day the clock row was written (`updated_at` in
 * Asia/Ho_Chi_Minh) used instead. The literal clock name lets the lookup use the partial index of
 * stop events (migration 1764230000000-monitoring-indexes).
 */

/**
 * `LEFT JOIN LATERAL (…) <alias> ON true` finding the act that stopped the resolution clock of the
 * case `clock` (an alias of `case_clocks`): columns `effective_date` (date or null) and `command`.
 */
export function resolutionStopLateral(clock: string, alias = 'stop'): string {
  return `LEFT JOIN LATERAL (
        SELECT CASE WHEN e.payload->>'effectiveDate' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN CAST(e.payload->>'effectiveDate' AS date) END AS effective_date,
               e.payload->>'command' AS command
        FROM audit_events e
        WHERE e.stream_type = 'case' AND e.stream_id = ${clock}.case_id::text
          AND e.payload->'clocks' @> '[{"clock": "resolution", "status": "stopped"}]'
        ORDER BY e.sequence DESC
        LIMIT 1
      ) ${alias} ON true`;
}

/** The stop date of the stopped clock `clock`, from its lateral `stop` (see resolutionStopLateral). */
export function resolutionStoppedOnSql(clock: string, stop = 'stop'): string {
  return `COALESCE(${stop}.effective_date, (${clock}.updated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`;
}
