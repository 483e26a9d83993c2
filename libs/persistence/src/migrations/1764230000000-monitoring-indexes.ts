import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `atMs` of a clock's milestone of this kind, when it is a number (see the milestones of libs/domain clock-deadline.ts). */
const milestoneAtMs = (kind: string) => `(jsonb_path_query_first(milestones, '$[*] ? (@.kind == "${kind}").atMs ? (@.type() == "number")'))::bigint`;

/**
 * Monitoring (issue #7: GET /api/v1/monitoring/summary, /overdue, /on-time-rate) at a million cases.
 *
 * Monitoring reads the running agency clocks of a jurisdiction (a list of agencies), in due-date
 * order, in a given state. Two facts it filters on were not on the clock row, so no index could
 * answer it (bench/monitoring.bench.ts, 1M cases: a province's overdue list 180 ms at p95, the
 * national counts 0.9 s):
 * - the agency and kind are facts of the case. Each clock row now carries a copy, kept by the
 *   database itself: a trigger copies them whenever a clock row is written, another propagates a
 *   case's change (a transfer moves the case) to its clocks. The application never writes these
 *   columns (the entity does not map them); a direct write is overwritten from the case;
 * - the state is computed at request time from the clock's stored milestones (never from
 *   `monitoring_state`, written only when the workflow records one), see
 *   apps/api/src/monitoring/clock-state-sql.ts: overdue is `due_ignoring_provisional < today`, due
 *   soon and very overdue compare now with the `atMs` of the `due_soon` and `very_overdue`
 *   milestones. Those two are generated columns (computed by PostgreSQL from `milestones` on
 *   every write), so an index can hold them.
 *
 * The monitoring indexes hold only running agency clocks (a citizen's window is never overdue, a
 * paused or stopped clock is not running): the open work, whatever the size of the archive. They
 * include every column the monitoring filters read, so a page or a count is found from the index
 * alone (index-only scans) and only the rows shown are read from the table. The expressions and
 * predicates must stay identical to the ones in apps/api/src/monitoring/.
 */
export class MonitoringIndexes1764230000000 implements MigrationInterface {
  name = 'MonitoringIndexes1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_clocks
        ADD COLUMN agency_code text,
        ADD COLUMN case_kind text,
        ADD COLUMN due_soon_at bigint GENERATED ALWAYS AS (${milestoneAtMs('due_soon')}) STORED,
        ADD COLUMN very_overdue_at bigint GENERATED ALWAYS AS (${milestoneAtMs('very_overdue')}) STORED`);
    await q.query(`UPDATE case_clocks cc SET agency_code = c.agency_code, case_kind = c.kind FROM cases c WHERE c.id = cc.case_id`);
    await q.query(`ALTER TABLE case_clocks ALTER COLUMN agency_code SET NOT NULL, ALTER COLUMN case_kind SET NOT NULL`);
    await q.query(`COMMENT ON COLUMN case_clocks.agency_code IS 'Copy of cases.agency_code kept by triggers, for monitoring; never written by the application'`);
    await q.query(`COMMENT ON COLUMN case_clocks.case_kind IS 'Copy of cases.kind kept by triggers, for monitoring; never written by the application'`);
    await q.query(`COMMENT ON COLUMN case_clocks.due_soon_at IS 'atMs (epoch ms) of the due_soon milestone, generated from milestones'`);
    await q.query(`COMMENT ON COLUMN case_clocks.very_overdue_at IS 'atMs (epoch ms) of the very_overdue milestone, generated from milestones'`);

    await q.query(`
      CREATE FUNCTION case_clocks_copy_case_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT c.agency_code, c.kind INTO NEW.agency_code, NEW.case_kind FROM cases c WHERE c.id = NEW.case_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_clocks_copy_case_facts BEFORE INSERT OR UPDATE ON case_clocks
      FOR EACH ROW EXECUTE FUNCTION case_clocks_copy_case_facts()`);
    await q.query(`
      CREATE FUNCTION cases_copy_facts_to_clocks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE case_clocks SET agency_code = NEW.agency_code, case_kind = NEW.kind WHERE case_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER cases_copy_facts_to_clocks AFTER UPDATE OF agency_code, kind ON cases
      FOR EACH ROW WHEN (OLD.agency_code IS DISTINCT FROM NEW.agency_code OR OLD.kind IS DISTINCT FROM NEW.kind)
      EXECUTE FUNCTION cases_copy_facts_to_clocks()`);

    // A jurisdiction's clocks (`agency_code = ANY(scope)`) by due date, then case and clock as the
    // tie-breakers of keyset pages (the clock name in byte order, the same on every server); the
    // counts read it as a range on the due date.
    await q.query(`
      CREATE INDEX case_clocks_monitoring_agency_due_idx ON case_clocks (agency_code, due_ignoring_provisional, case_id, name COLLATE "C")
      INCLUDE (case_kind, rule_id, due_soon_at, very_overdue_at)
      WHERE status = 'running' AND owner = 'agency'`);
    // The whole country's (or a large jurisdiction's) clocks in due-date order: a page is the
    // first entries of this index that are in scope.
    await q.query(`
      CREATE INDEX case_clocks_monitoring_due_idx ON case_clocks (due_ignoring_provisional, case_id, name COLLATE "C")
      INCLUDE (agency_code, case_kind, rule_id, due_soon_at, very_overdue_at)
      WHERE status = 'running' AND owner = 'agency'`);
    // By rule: "every overdue KN-07 in the country" without walking the other rules.
    await q.query(`
      CREATE INDEX case_clocks_monitoring_rule_due_idx ON case_clocks (rule_id, due_ignoring_provisional, case_id, name COLLATE "C")
      INCLUDE (agency_code, case_kind, due_soon_at, very_overdue_at)
      WHERE status = 'running' AND owner = 'agency'`);

    // On-time rate: a jurisdiction's resolution clocks stopped since the start of the period (a
    // clock stops at or after the date of the act that stops it, so updated_at bounds the search)…
    await q.query(`
      CREATE INDEX case_clocks_resolution_stopped_idx ON case_clocks (agency_code, updated_at)
      INCLUDE (due_ignoring_provisional, case_id, case_kind, rule_id)
      WHERE status = 'stopped' AND name = 'resolution' AND owner = 'agency'`);
    // … and the act that stopped each one (its effective date is in the event): one entry per
    // stop, instead of reading every event of the case.
    await q.query(`
      CREATE INDEX audit_events_resolution_stops_idx ON audit_events (stream_id, sequence)
      WHERE stream_type = 'case' AND payload->'clocks' @> '[{"clock": "resolution", "status": "stopped"}]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_resolution_stops_idx`);
    await q.query(`DROP INDEX case_clocks_resolution_stopped_idx`);
    await q.query(`DROP INDEX case_clocks_monitoring_rule_due_idx`);
    await q.query(`DROP INDEX case_clocks_monitoring_due_idx`);
    await q.query(`DROP INDEX case_clocks_monitoring_agency_due_idx`);
    await q.query(`DROP TRIGGER cases_copy_facts_to_clocks ON cases`);
    await q.query(`DROP FUNCTION cases_copy_facts_to_clocks()`);
    await q.query(`DROP TRIGGER case_clocks_copy_case_facts ON case_clocks`);
    await q.query(`DROP FUNCTION case_clocks_copy_case_facts()`);
    await q.query(`ALTER TABLE case_clocks DROP COLUMN very_overdue_at, DROP COLUMN due_soon_at, DROP COLUMN case_kind, DROP COLUMN agency_code`);
  }
}
