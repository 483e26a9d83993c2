import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { WorkflowFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { addDays, formatLocalDate, latestEndedReportPeriod, localDateAtEpochMs, reportPeriod, type ReportPeriodKind } from '@donthu/domain';
import { workflowBundleOptions } from '@donthu/temporal';
import { PeriodicReportService } from '../../apps/worker/src/reports/periodic-report.service';
import type { WorkerTemporalClient } from '../../apps/worker/src/temporal-client/worker-temporal-client';
import type { PeriodicReportResult } from '../../workflows/src/reports/periodic-report-contract';
import { periodicReportWorkflow } from '../../workflows/src/reports/periodic-report.workflow';
import { migratedDatabase } from '../support/migrated-database';
import { startTimeSkippingServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

const MINUTE = 60_000;

/**
 * What a periodic report schedule starts, on the time-skipping server with the real activities and
 * PostgreSQL. The Java test server does not implement Schedules (temporalio/sdk-java#1954), so the
 * workflow is started here with the schedule's own arguments, at the instants the schedule would
 * fire; test/e2e/periodic-reports.e2e-spec.ts checks the schedules themselves on the dev server.
 */
describe('periodic report workflow (time-skipping server, real activities and PostgreSQL)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let service: PeriodicReportService;
  const taskQueue = `reports-${randomBytes(4).toString('hex')}`;
  const scheduleId = (kind: ReportPeriodKind) => `periodic-report-${kind}-${taskQueue}`;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    env = await startTimeSkippingServer();
    ({ dataSource, close } = await migratedDatabase());
    // The activities need no Temporal client (only the schedules, created at a worker's start, do).
    service = new PeriodicReportService(dataSource, {} as WorkerTemporalClient);
    worker = await Worker.create({ connection: env.nativeConnection, taskQueue, ...workflowBundleOptions(), activities: service.asActivities() });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await close?.();
  });

  /** A reception of `persons` people in Hoàn Kiếm on `receivedOn` (only what the report reads). */
  const reception = (receivedOn: string, persons: number) =>
    dataSource.query(
      `INSERT INTO cases (code, kind, status, agency_code, channel, received_on, subject, content, group_size, last_sequence, workflow_id)
       VALUES ($1, 'reception', 'received', 'UBND-PHUONG-HK', 'in_person', $2, 'Tiếp công dân', 'Nội dung', $3, 1, $4)`,
      [`UBND-PHUONG-HK-2026-${randomBytes(3).toString('hex').toUpperCase()}`, receivedOn, persons, `case-${randomBytes(6).toString('hex')}`],
    );
  /** Runs the workflow as the schedule of `kind` starts it, at the server's current time. */
  const run = (kind: ReportPeriodKind, extra: { year?: number } = {}): Promise<PeriodicReportResult> =>
    env.client.workflow.execute(periodicReportWorkflow, { workflowId: `${scheduleId(kind)}-${randomBytes(4).toString('hex')}`, taskQueue, args: [{ kind, scheduleId: scheduleId(kind), ...extra }] });
  const kept = (kind: ReportPeriodKind) =>
    dataSource.query<Array<{ id: string; year: number; scope_agency_code: string; generated_by: string; figures: { totals: Record<string, number> } }>>(
      `SELECT id, year, scope_agency_code, generated_by, figures FROM periodic_reports WHERE trigger = 'schedule' AND period_kind = $1 ORDER BY year, scope_agency_code`,
      [kind],
    );

  it('reports, for each province, the period of its kind that has just ended, with the schedule’s arguments', async () => {
    const period = latestEndedReportPeriod('q1', localDateAtEpochMs(await env.currentTimeMs()));
    await reception(formatLocalDate(addDays(period.from, 10)), 7);
    const result = await run('q1');
    expect(result).toEqual({
      kind: 'q1',
      year: period.year,
      reports: [
        { agencyCode: 'UBND-DN', reportId: expect.any(String), created: true },
        { agencyCode: 'UBND-HN', reportId: expect.any(String), created: true },
      ],
    });
    const rows = await kept('q1');
    expect(rows.map((r) => [r.year, r.scope_agency_code, r.generated_by])).toEqual([
      [period.year, 'UBND-DN', scheduleId('q1')],
      [period.year, 'UBND-HN', scheduleId('q1')],
    ]);
    expect(rows[1]!.figures.totals).toMatchObject({ 'reception.sessions': 1, 'reception.persons': 7, 'reception.large_groups': 1 });
    expect(rows[0]!.figures.totals['reception.sessions']).toBe(0);
  });

  it('reports the same period until the cut-off day is over, and the new one at 00:05 the next morning', async () => {
    const now = await env.currentTimeMs();
    const next = reportPeriod('q1', latestEndedReportPeriod('q1', localDateAtEpochMs(now)).year + 1);
    // The schedule fires at 00:05 on 15/03 in Hà Nội = 17:05 UTC on 14/03.
    const fireAt = Date.UTC(next.year, 2, 14, 17, 5);
    // 23:59 on 14/03, the cut-off day itself: that quarter has not ended, the year before's is reported again (kept already).
    await env.sleep(fireAt - 6 * MINUTE - now);
    const before = await run('q1');
    expect(before.year).toBe(next.year - 1);
    expect(before.reports.every((r) => !r.created)).toBe(true);
    // 00:05 on 15/03: the quarter that has just ended.
    await env.sleep(6 * MINUTE);
    const atCutOff = await run('q1');
    expect(atCutOff.year).toBe(next.year);
    expect(atCutOff.reports.every((r) => r.created)).toBe(true);
    expect((await kept('q1')).map((r) => r.year)).toEqual([next.year - 1, next.year - 1, next.year, next.year]);
  });

  it('does not keep a report twice when its activity is retried after the report was kept, nor when the run is repeated', async () => {
    let failures = 0;
    service.afterKept = (outcome) => {
      if (outcome.agencyCode === 'UBND-DN' && failures === 0) {
        failures += 1;
        throw new Error('worker lost after the commit');
      }
    };
    try {
      const handle = await env.client.workflow.start(periodicReportWorkflow, { workflowId: `retry-${randomBytes(4).toString('hex')}`, taskQueue, args: [{ kind: 'six_months', scheduleId: scheduleId('six_months') }] });
      const result = await handle.result();
      expect(failures).toBe(1);
      // The retry found the report its first attempt kept.
      expect(result.reports.map((r) => [r.agencyCode, r.created])).toEqual([
        ['UBND-DN', false],
        ['UBND-HN', true],
      ]);
      const attempts = (await handle.fetchHistory()).events!.filter((e) => e.activityTaskStartedEventAttributes).map((e) => e.activityTaskStartedEventAttributes!.attempt);
      expect(attempts).toContain(2);
    } finally {
      service.afterKept = undefined;
    }
    const again = await run('six_months');
    expect(again.reports.every((r) => !r.created)).toBe(true);
    const rows = await kept('six_months');
    expect(rows.map((r) => r.scope_agency_code)).toEqual(['UBND-DN', 'UBND-HN']);
    const events = await dataSource.query<Array<{ stream_id: string; n: number }>>(
      `SELECT stream_id, count(*)::int AS n FROM audit_events WHERE stream_type = 'report' AND payload->>'periodKind' = 'six_months' GROUP BY stream_id ORDER BY stream_id`,
    );
    expect(events).toEqual([
      { stream_id: 'UBND-DN', n: 1 },
      { stream_id: 'UBND-HN', n: 1 },
    ]);
  });

  it('fails a run asked for a period that has not ended, without retrying it', async () => {
    const error = await run('annual', { year: 2150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((error as WorkflowFailedError).cause?.message).toContain('has not ended');
  });
});
