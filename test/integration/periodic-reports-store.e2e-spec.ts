import type { DataSource } from 'typeorm';
import { PeriodicReports1764280000000 } from '../../libs/persistence/src/migrations/1764280000000-periodic-reports';
import { generatePeriodicReport, type PeriodicReportRequest } from '@donthu/reporting';
import { migratedDatabase } from '../support/migrated-database';

/**
 * Keeping periodic reports on the real PostgreSQL: one scheduled report per period and scope even
 * when two runs race, as many on-demand ones as asked, rows never edited, and a migration that
 * goes down and up again.
 */
describe('periodic reports storage (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  const AFTER_Q1 = Date.parse('2026-04-01T03:00:00Z');
  const request = (over: Partial<PeriodicReportRequest> = {}): PeriodicReportRequest => ({
    periodKind: 'q1',
    year: 2026,
    agencyCode: 'UBND-HN',
    includeSubordinates: true,
    trigger: 'schedule',
    generatedBy: 'periodic-report-q1-test',
    nowMs: AFTER_Q1,
    ...over,
  });

  beforeAll(async () => {
    ({ dataSource, close } = await migratedDatabase());
  });
  afterAll(() => close());

  it('keeps one scheduled report per period and scope when two runs race, with one audit event', async () => {
    const [a, b] = await Promise.all([generatePeriodicReport(dataSource, request()), generatePeriodicReport(dataSource, request({ nowMs: AFTER_Q1 + 1000 }))]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.report.id).toBe(b.report.id);
    const rows = await dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM periodic_reports WHERE trigger = 'schedule'`);
    expect(rows[0]!.n).toBe(1);
    const events = await dataSource.query<Array<{ sequence: number; actor: string }>>(`SELECT sequence, actor FROM audit_events WHERE stream_type = 'report' AND stream_id = 'UBND-HN'`);
    expect(events).toEqual([{ sequence: 1, actor: 'periodic-report-q1-test' }]);
    // Another scope of the same period is another report.
    expect((await generatePeriodicReport(dataSource, request({ agencyCode: 'UBND-HN', includeSubordinates: false }))).created).toBe(true);
  });

  it('keeps every on-demand report, chained in the agency’s audit stream', async () => {
    const first = await generatePeriodicReport(dataSource, request({ trigger: 'on_demand', generatedBy: 'demo.inspector.TTR-HN' }));
    const second = await generatePeriodicReport(dataSource, request({ trigger: 'on_demand', generatedBy: 'demo.inspector.TTR-HN', nowMs: AFTER_Q1 + 60_000 }));
    expect(first.created && second.created).toBe(true);
    expect(first.report.id).not.toBe(second.report.id);
    // Made a minute apart: different files (their dates), the same figures.
    expect(first.report.xlsxSha256).not.toBe(second.report.xlsxSha256);
    expect(first.report.figures).toEqual(second.report.figures);
    const sequences = await dataSource.query<Array<{ sequence: number; prev_hash: string | null }>>(
      `SELECT sequence, prev_hash FROM audit_events WHERE stream_type = 'report' AND stream_id = 'UBND-HN' ORDER BY sequence`,
    );
    expect(sequences.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    expect(sequences.slice(1).every((e) => e.prev_hash !== null)).toBe(true);
  });

  it('refuses to edit a kept report, and refuses a report whose scope does not contain its agency', async () => {
    await expect(dataSource.query(`UPDATE periodic_reports SET generated_by = 'someone else'`)).rejects.toThrow(/UPDATE refused/);
    await expect(
      dataSource.query(
        `INSERT INTO periodic_reports (period_kind, year, period_from, period_to, scope_agency_code, include_subordinates, scope_agencies, generated_at, trigger, generated_by, figures, xlsx, csv, xlsx_sha256, csv_sha256)
         VALUES ('q1', 2026, '2025-12-15', '2026-03-14', 'UBND-HN', false, '{UBND-DN}', now(), 'on_demand', 'x', '{}', '\\x00', '\\x00', repeat('a', 64), repeat('a', 64))`,
      ),
    ).rejects.toThrow(/periodic_reports_scope_check/);
  });

  it('goes down and up again', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      const migration = new PeriodicReports1764280000000();
      await migration.down(runner);
      expect(await runner.hasTable('periodic_reports')).toBe(false);
      const indexes = await runner.query(`SELECT indexname FROM pg_indexes WHERE indexname IN ('cases_report_idx', 'case_clocks_open_agency_idx')`);
      expect(indexes).toEqual([]);
      await migration.up(runner);
      expect(await runner.hasTable('periodic_reports')).toBe(true);
    } finally {
      await runner.release();
    }
  });
});
