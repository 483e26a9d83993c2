// Entry point bundled by the Temporal worker: exports workflow functions only.
export { caseWorkflow } from './case/case.workflow';
export { notificationDispatcherWorkflow } from './notifications/notification-dispatcher.workflow';
export { dailyDigestWorkflow } from './notifications/daily-digest.workflow';
export { nationalExportWorkflow } from './national-export/national-export.workflow';
export { periodicReportWorkflow } from './reports/periodic-report.workflow';
