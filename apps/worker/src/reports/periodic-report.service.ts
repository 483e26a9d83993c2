import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Context } from '@temporalio/activity';
import type { ScheduleOptions } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { InvalidInputError, provinceJurisdictions, REPORT_PERIOD_KINDS, REPORT_SCHEDULE, type ReportPeriodKind } from '@donthu/domain';
import { loadAgencyTree } from '@donthu/persistence';
import { generatePeriodicReport } from '@donthu/reporting';
import {
  periodicReportScheduleId,
  type PeriodicReportActivities,
  type ScheduledReportInput,
  type ScheduledReportOutcome,
} from '../../../../workflows/src/reports/periodic-report-contract';
import { periodicReportWorkflow } from '../../../../workflows/src/reports/periodic-report.workflow';
import { ensureSchedule } from '../schedules/ensure-schedule';
import { WorkerTemporalClient } from '../temporal-client/worker-temporal-client';

const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const;

/**
 * The schedule of one kind of period: 00:05 Asia/Ho_Chi_Minh on the day after its cut-off (15/03,
 * 15/06, 15/09 or 15/12; libs/domain REPORT_SCHEDULE), on this deployment's task queue. A run the
 * server could not start on time (server or worker away) is still made within a month.
 */
export function periodicReportSchedule(kind: ReportPeriodKind, taskQueue: string): ScheduleOptions {
  const scheduleId = periodicReportScheduleId(kind, taskQueue);
  const run = REPORT_SCHEDULE.runs[kind];
  return {
    scheduleId,
    spec: {
      calendars: [{ month: MONTHS[run.month - 1]!, dayOfMonth: run.day, hour: REPORT_SCHEDULE.hour, minute: REPORT_SCHEDULE.minute }],
      timezone: REPORT_SCHEDULE.timeZone,
    },
    action: { type: 'startWorkflow', workflowType: periodicReportWorkflow, args: [{ kind, scheduleId }], taskQueue, workflowId: `${scheduleId}-run` },
    policies: { overlap: 'SKIP', catchupWindow: '30 days' },
  };
}

/**
 * The automatic periodic reports: the activities of periodicReportWorkflow (a Nest service) and
 * the four schedules that start it, created or brought up to date at every worker start
 * (ensureSchedule: idempotent).
 */
@Injectable()
export class PeriodicReportService implements PeriodicReportActivities, OnApplicationBootstrap {
  private readonly logger = new Logger('PeriodicReports');

  /** Fault injection for tests: called after a report was kept, before the activity returns (a crash in that window). */
  afterKept: ((outcome: ScheduledReportOutcome) => void) | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: WorkerTemporalClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const kind of REPORT_PERIOD_KINDS) {
      const schedule = periodicReportSchedule(kind, this.temporal.config.taskQueue);
      try {
        const outcome = await ensureSchedule(await this.temporal.get(), schedule);
        this.logger.log({ scheduleId: schedule.scheduleId, outcome }, 'periodic report schedule ready');
      } catch (error) {
        // A server without schedules (the time-skipping test server) or a transient failure: the next start tries again.
        this.logger.warn({ err: error, scheduleId: schedule.scheduleId }, 'could not create the periodic report schedule');
      }
    }
  }

  async listReportJurisdictions(): Promise<string[]> {
    return provinceJurisdictions(await loadAgencyTree(this.dataSource)).map((j) => j.agencyCode);
  }

  async generateScheduledReport(input: ScheduledReportInput): Promise<ScheduledReportOutcome> {
    // Temporal's clock (also under the time-skipping test server): whether the period has ended, and the files' date.
    const nowMs = Context.current().info.currentAttemptScheduledTimestampMs;
    try {
      const { report, created } = await generatePeriodicReport(this.dataSource, {
        periodKind: input.kind,
        year: input.year,
        agencyCode: input.agencyCode,
        includeSubordinates: true,
        trigger: 'schedule',
        generatedBy: input.generatedBy,
        nowMs,
      });
      const outcome = { agencyCode: input.agencyCode, reportId: report.id, created };
      this.logger.log({ ...outcome, kind: input.kind, year: input.year }, created ? 'periodic report kept' : 'periodic report already kept');
      this.afterKept?.(outcome);
      return outcome;
    } catch (error) {
      if (error instanceof InvalidInputError) throw ApplicationFailure.create({ type: 'InvalidReportRequest', nonRetryable: true, message: error.message });
      throw error;
    }
  }

  asActivities(): PeriodicReportActivities {
    return { listReportJurisdictions: this.listReportJurisdictions.bind(this), generateScheduledReport: this.generateScheduledReport.bind(this) };
  }
}
