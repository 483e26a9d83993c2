import { allHandlersFinished, condition, setHandler, workflowInfo, type SignalDefinition } from '@temporalio/workflow';

/** What every outbox round reports to the loop that runs it (counts are the caller's own). */
export interface OutboxRound {
  /** More rows are due now (a full batch, or the round ran out of time): run the next round at once. */
  more: boolean;
  /** Otherwise: how long to sleep until the next round (a scheduled retry or a lease expiry); 0: until a signal. */
  sleepMs: number;
}

export interface OutboxLoop<R extends OutboxRound> {
  /** One round: an activity that claims due rows, delivers them and marks them. */
  round(): Promise<R>;
  /** "There is work": sent by the worker's outbox watcher; it only wakes the loop. */
  wake: SignalDefinition<[]>;
  /** History length after which the workflow continues as new. */
  historyLimit: number;
  /** Called after each round (status for a query). */
  onRound(round: R): void;
  /** Continues the workflow as new with its input (the new run starts with a round). */
  continueAsNew(): Promise<never>;
}

/**
 * The loop of an outbox dispatcher workflow (notifications, the national export): a round, then a
 * timer until the next scheduled retry or lease expiry the round reported, woken earlier by the
 * watcher's signal. With nothing waiting it sets no timer at all: an idle outbox adds nothing to the
 * history, and a time-skipping test server jumping months ahead does not spin it. It continues as
 * new before its history grows large.
 */
export async function runOutboxLoop<R extends OutboxRound>(loop: OutboxLoop<R>): Promise<never> {
  let wakeups = 0;
  setHandler(loop.wake, () => {
    wakeups += 1;
  });
  for (;;) {
    const seen = wakeups; // a signal that arrives during the round makes the next one start at once
    const round = await loop.round();
    loop.onRound(round);

    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > loop.historyLimit) {
      await condition(allHandlersFinished);
      // The new run starts with a round: nothing due is left waiting, whatever signal came late.
      return loop.continueAsNew();
    }
    if (round.more) continue;
    // 0 (no timer at all) is allowed by the contract: then only a signal wakes the loop.
    if (round.sleepMs > 0) await condition(() => wakeups !== seen, round.sleepMs);
    else await condition(() => wakeups !== seen);
  }
}
