// Entry point bundled by the Temporal worker: exports workflow functions only.
export { caseWorkflow } from './case/case.workflow';
export { notificationDispatcherWorkflow } from './notifications/notification-dispatcher.workflow';
