import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * What the worker and the notification dispatcher workflow share. The dispatcher delivers the
 * notification outbox (table `notifications`, written with the audit events that cause them)
 * through the activity below; it holds no message, address or case data itself.
 */

/** One dispatcher per deployment (per task queue): started by the worker with USE_EXISTING. */
export function notificationDispatcherWorkflowId(taskQueue: string): string {
  return `notification-dispatcher-${taskQueue}`;
}

export interface NotificationDispatcherInput {
  /** History length after which the dispatcher continues as new (default 1000; tests set it low). */
  historyLimit?: number;
}

/** What one delivery round did (counts only: no addresses, no content). */
export interface NotificationDeliveryRound {
  /** Rows claimed this round (status `sending`, with this round's claim token). */
  claimed: number;
  /** Accepted by the mail transport and marked `sent`. */
  sent: number;
  /** Of those, rows whose earlier attempt was interrupted after it may have reached the server: re-sent with the same Message-ID. */
  resent: number;
  /** Failed this time, back to `pending` with a later `next_attempt_at`. */
  retrying: number;
  /** Failed for the last allowed time: now `failed`. */
  failed: number;
  /** More rows are due now (a full batch, or the round ran out of time): run the next round at once. */
  more: boolean;
  /** Otherwise: how long to sleep until the next round (the next scheduled retry or lease expiry, at most a day); 0: until a signal. */
  sleepMs: number;
}

export interface NotificationActivities {
  /**
   * Claims due rows of the outbox (FOR UPDATE SKIP LOCKED), sends each once through the mail
   * transport with a Message-ID derived from the row's id, and marks it sent, or schedules its
   * retry with backoff, or marks it failed after the last attempt.
   */
  deliverPendingNotifications(): Promise<NotificationDeliveryRound>;
}

export interface NotificationDispatcherStatus {
  /** Delivery rounds run by this run of the workflow (a continue-as-new starts at 0). */
  rounds: number;
  /** Rows sent by this run. */
  sent: number;
  lastRound?: NotificationDeliveryRound;
}

/** "There is work": the worker's outbox watcher sends it when due rows exist; it only wakes the loop. */
export const wakeNotificationDispatcherSignal = defineSignal('wakeNotificationDispatcher');
export const notificationDispatcherStatusQuery = defineQuery<NotificationDispatcherStatus>('notificationDispatcherStatus');
