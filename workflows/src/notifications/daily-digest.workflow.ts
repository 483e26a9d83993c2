import { getExternalWorkflowHandle, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { DailyDigestActivities, DailyDigestResult } from './daily-digest-contract';
import { notificationDispatcherWorkflowId, wakeNotificationDispatcherSignal } from './notification-contract';

const { produceDailyDigests } = proxyActivities<DailyDigestActivities>({
  startToCloseTimeout: '10 minutes',
  // Idempotent per (user, date): retried until it works, for at most a few hours of the morning.
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2 },
  scheduleToCloseTimeout: '6 hours',
});

/**
 * The daily digest (started by the schedule `daily-digest-<task queue>` at 07:00 Asia/Ho_Chi_Minh):
 * writes each officer's digest of the day into the notification outbox, then wakes the dispatcher
 * so they leave at once (the outbox watcher would find them within its poll interval anyway).
 */
export async function dailyDigestWorkflow(): Promise<DailyDigestResult> {
  const info = workflowInfo();
  // The workflow's start (the schedule's action time), recorded in its history: deterministic.
  const result = await produceDailyDigests({ atMs: info.startTime.getTime() });
  if (result.created > 0) {
    try {
      await getExternalWorkflowHandle(notificationDispatcherWorkflowId(info.taskQueue)).signal(wakeNotificationDispatcherSignal);
    } catch {
      // No dispatcher running right now: the worker's outbox watcher starts one (signal-with-start).
    }
  }
  return result;
}
