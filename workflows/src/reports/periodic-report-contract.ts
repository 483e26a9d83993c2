import type { ReportPeriodKind } from '@donthu/domain';

/**
 * What the worker and the periodic report workflow share. A Temporal Schedule per kind of period
 * (q1, six_months, nine_months, annual) starts the workflow at 00:05 Asia/Ho_Chi_Minh on the day
 * after each cut-off (15/03, 15/06, 15/09, 15/12; libs/domain REPORT_SCHEDULE); it makes the
 * report of the period that has just ended for each province (Thông tư 01/2024/TT-TTCP).
 */

/** One schedule per kind and deployment (task queue), created idempotently by the worker at start. */
export function periodicReportScheduleId(kind: ReportPeriodKind, taskQueue: string): string {
  return `periodic-report-${kind}-${taskQueue}`;
}

export interface PeriodicReportInput {
  kind: ReportPeriodKind;
  /** The schedule that started the run (recorded as the reports' author); absent when started by hand. */
  scheduleId?: string;
  /** A given year (a run started by hand); by default the latest period of `kind` ended at the run's start. */
  year?: number;
}

export interface ScheduledReportInput {
  kind: ReportPeriodKind;
  year: number;
  /** The province reported on (with everything below it). */
  agencyCode: string;
  /** The schedule id (or `periodic-report-<kind>` for a run started by hand). */
  generatedBy: string;
}

export interface ScheduledReportOutcome {
  agencyCode: string;
  reportId: string;
  /** false: this period's scheduled report for the province already existed (a retry or a repeated run). */
  created: boolean;
}

export interface PeriodicReportResult {
  kind: ReportPeriodKind;
  year: number;
  reports: ScheduledReportOutcome[];
}

export interface PeriodicReportActivities {
  /** The provinces the automatic reports are made for: each province with its inspectorate (libs/domain provinceJurisdictions). */
  listReportJurisdictions(): Promise<string[]>;
  /** Makes and keeps the scheduled report of one province; idempotent per (period, province). */
  generateScheduledReport(input: ScheduledReportInput): Promise<ScheduledReportOutcome>;
}
