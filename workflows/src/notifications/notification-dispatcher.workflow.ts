import { continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import { runOutboxLoop } from '../outbox/outbox-loop';
import {
  notificationDispatcherStatusQuery,
  wakeNotificationDispatcherSignal,
  type NotificationActivities,
  type NotificationDispatcherInput,
  type NotificationDispatcherStatus,
} from './notification-contract';

const { deliverPendingNotifications } = proxyActivities<NotificationActivities>({
  // A round sends at most one batch and stops starting new sends well before this.
  startToCloseTimeout: '10 minutes',
  // Beats around every message (one send lasts at most a minute): a worker that died mid-round is noticed within two.
  heartbeatTimeout: '2 minutes',
  // The round is safe to repeat (claims are leases, marks are conditional): retry until it works.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** An idle dispatcher adds nothing to its history; a busy one continues as new past this. */
const CONTINUE_AS_NEW_AFTER_EVENTS = 1000;

/**
 * The notification dispatcher: one long-running workflow per deployment that delivers the outbox.
 * Each round is one activity (claim a batch, send, mark). Between rounds it sleeps on a workflow
 * timer until the next scheduled retry (or lease expiry) the round reported, and is woken earlier
 * by a signal when new rows are due (the worker's outbox watcher polls for them every
 * NOTIFICATION_POLL_INTERVAL_MS of wall-clock time). The loop is the outbox loop every dispatcher
 * shares (../outbox/outbox-loop.ts).
 */
export async function notificationDispatcherWorkflow(input: NotificationDispatcherInput = {}): Promise<void> {
  const status: NotificationDispatcherStatus = { rounds: 0, sent: 0 };
  setHandler(notificationDispatcherStatusQuery, () => status);
  await runOutboxLoop({
    round: deliverPendingNotifications,
    wake: wakeNotificationDispatcherSignal,
    historyLimit: input.historyLimit ?? CONTINUE_AS_NEW_AFTER_EVENTS,
    onRound: (round) => {
      status.rounds += 1;
      status.sent += round.sent;
      status.lastRound = round;
    },
    continueAsNew: () => continueAsNew<typeof notificationDispatcherWorkflow>(input),
  });
}
