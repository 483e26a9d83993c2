import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Periodic reports (Thông tư 01/2024/TT-TTCP; legal-rules.md §6): each generated report is kept
 * as it was made, with its figures, the XLSX and CSV files and the SHA-256 of each, who or which
 * schedule made it and when. A report is never edited (a trigger refuses UPDATE): a newer one is
 * a new row. A schedule makes at most one report per period and scope (a retried or repeated run
 * finds the first), on-demand reports as many as asked.
 */
export class PeriodicReports1764280000000 implements MigrationInterface {
  name = 'PeriodicReports1764280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE periodic_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period_kind text NOT NULL CONSTRAINT periodic_reports_period_kind_check CHECK (period_kind IN ('q1', 'six_months', 'nine_months', 'annual')),
        year integer NOT NULL CONSTRAINT periodic_reports_year_check CHECK (year BETWEEN 2000 AND 2199),
        period_from date NOT NULL,
        period_to date NOT NULL,
        -- The agency named, whether its subordinates are included, and every agency the figures cover (at generation).
        scope_agency_code text NOT NULL REFERENCES agencies (code),
        include_subordinates boolean NOT NULL,
        scope_agencies text[] NOT NULL,
        generated_at timestamptz NOT NULL,
        trigger text NOT NULL CONSTRAINT periodic_reports_trigger_check CHECK (trigger IN ('on_demand', 'schedule')),
        -- A user id (on demand) or a schedule id (schedule): never a name.
        generated_by text NOT NULL,
        figures jsonb NOT NULL,
        xlsx bytea NOT NULL,
        csv bytea NOT NULL,
        xlsx_sha256 text NOT NULL CONSTRAINT periodic_reports_xlsx_sha256_check CHECK (xlsx_sha256 ~ '^[0-9a-f]{64}$'),
        csv_sha256 text NOT NULL CONSTRAINT periodic_reports_csv_sha256_check CHECK (csv_sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT periodic_reports_period_check CHECK (period_from <= period_to),
        CONSTRAINT periodic_reports_scope_check CHECK (scope_agency_code = ANY (scope_agencies))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX periodic_reports_schedule_run_key ON periodic_reports (period_kind, year, scope_agency_code, include_subordinates)
      WHERE trigger = 'schedule'`);
    await q.query(`CREATE INDEX periodic_reports_generated_idx ON periodic_reports (generated_at DESC, id DESC)`);
    // What a report reads (libs/reporting report-facts.ts, bench/monitoring.bench.ts: a province's
    // annual report at 1M cases went from 1.9 s to 0.45 s of query): its jurisdiction's cases by
    // receipt date with the day each was last written, so the cases that cannot count are passed
    // over in the index; and the cases still open (an agency clock not stopped: running or paused),
    // a small index instead of a scan of every clock. The price: a case row's update is no longer
    // HOT (updated_at is in an index), one more index entry per case event.
    await q.query(`CREATE INDEX cases_report_idx ON cases (agency_code, received_on) INCLUDE (updated_at)`);
    await q.query(`CREATE INDEX case_clocks_open_agency_idx ON case_clocks (case_id) WHERE owner = 'agency' AND status <> 'stopped'`);
    await q.query(`
      CREATE FUNCTION periodic_reports_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'periodic_reports rows are kept as generated (UPDATE refused)';
      END $$`);
    await q.query(`
      CREATE TRIGGER periodic_reports_immutable BEFORE UPDATE ON periodic_reports
      FOR EACH ROW EXECUTE FUNCTION periodic_reports_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_clocks_open_agency_idx`);
    await q.query(`DROP INDEX cases_report_idx`);
    await q.query(`DROP TRIGGER periodic_reports_immutable ON periodic_reports`);
    await q.query(`DROP FUNCTION periodic_reports_immutable()`);
    await q.query(`DROP TABLE periodic_reports`);
  }
}
