import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { latestEndedReportPeriod, localDateAtEpochMs, reportPeriod, reportPeriodHasEnded, reportPeriodLabel, type ReportPeriod } from '@donthu/domain';
import type { PeriodicReportActivities, PeriodicReportInput, PeriodicReportResult, ScheduledReportOutcome } from './periodic-report-contract';

const { listReportJurisdictions } = proxyActivities<PeriodicReportActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2 },
  scheduleToCloseTimeout: '1 day',
});
const { generateScheduledReport } = proxyActivities<PeriodicReportActivities>({
  // A province's annual report at a million cases takes seconds; the margin covers a busy database.
  startToCloseTimeout: '10 minutes',
  // Idempotent per (period, province): retried until it works, for a day at most.
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2, nonRetryableErrorTypes: ['InvalidReportRequest'] },
  scheduleToCloseTimeout: '1 day',
});

/**
 * The automatic periodic reports (Thông tư 01/2024/TT-TTCP; legal-rules.md §6), started by the
 * schedule `periodic-report-<kind>-<task queue>` on the day after each cut-off: the period of
 * `kind` that has ended by the run's start (its start time is in the history: deterministic), or
 * the given year; one report per province, each kept once (a retried or repeated run finds it).
 */
export async function periodicReportWorkflow(input: PeriodicReportInput): Promise<PeriodicReportResult> {
  const today = localDateAtEpochMs(workflowInfo().startTime.getTime());
  // A bad input fails the run (a thrown domain error would only fail the workflow task, again and again).
  const refuse = (message: string) => ApplicationFailure.create({ type: 'InvalidReportRequest', nonRetryable: true, message });
  let period: ReportPeriod;
  try {
    period = input.year !== undefined ? reportPeriod(input.kind, input.year) : latestEndedReportPeriod(input.kind, today);
  } catch (error) {
    throw refuse(error instanceof Error ? error.message : String(error));
  }
  if (!reportPeriodHasEnded(period, today)) throw refuse(`${reportPeriodLabel(period).en} has not ended yet`);
  const generatedBy = input.scheduleId ?? `periodic-report-${input.kind}`;
  const reports: ScheduledReportOutcome[] = [];
  // One province after the other: each is a few seconds of database work, and a failure retries only its own.
  for (const agencyCode of await listReportJurisdictions()) {
    reports.push(await generateScheduledReport({ kind: period.kind, year: period.year, agencyCode, generatedBy }));
  }
  return { kind: period.kind, year: period.year, reports };
}
