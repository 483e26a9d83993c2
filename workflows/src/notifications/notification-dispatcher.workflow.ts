import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
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
 * NOTIFICATION_POLL_INTERVAL_MS of wall-clock time). With nothing scheduled the round asks for a
 * day's sleep (a backstop): an idle outbox adds one round a day to the history, not one every
 * poll, and time-skipping test servers that jump months ahead do not spin it. It continues as new
 * before its history grows large.
 */
export async function notificationDispatcherWorkflow(input: NotificationDispatcherInput = {}): Promise<void> {
  const status: NotificationDispatcherStatus = { rounds: 0, sent: 0 };
  let wakeups = 0;
  setHandler(wakeNotificationDispatcherSignal, () => {
    wakeups += 1;
  });
  setHandler(notificationDispatcherStatusQuery, () => status);

  for (;;) {
    const seen = wakeups; // a signal that arrives during the round makes the next one start at once
    const round = await deliverPendingNotifications();
    status.rounds += 1;
    status.sent += round.sent;
    status.lastRound = round;

    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > (input.historyLimit ?? CONTINUE_AS_NEW_AFTER_EVENTS)) {
      await condition(allHandlersFinished);
      // The new run starts with a round: nothing due is left waiting, whatever signal came late.
      await continueAsNew<typeof notificationDispatcherWorkflow>(input);
    }
    if (round.more) continue;
    // 0 (no timer at all) is allowed by the contract: then only a signal wakes the loop.
    if (round.sleepMs > 0) await condition(() => wakeups !== seen, round.sleepMs);
    else await condition(() => wakeups !== seen);
  }
}
