import type { Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';

export interface OutboxWatcherOptions<I> {
  /** The dispatcher workflow, its fixed id (one per task queue) and its input. */
  workflow: (input: I) => Promise<void>;
  workflowId: string;
  taskQueue: string;
  args: [I];
  /** The signal that only wakes the dispatcher's loop. */
  wake: SignalDefinition<[]>;
  /** Wall-clock period of the watcher. */
  pollIntervalMs: number;
  /** Whether rows are due now (by the wall clock). */
  hasDueWork(): Promise<boolean>;
}

/**
 * Keeps an outbox dispatcher workflow running (notifications, the national export): starts it at
 * boot (fixed id, USE_EXISTING: a running dispatcher is left as it is), and every poll interval of
 * wall-clock time, when rows are due, signals it (signal-with-start: a dispatcher that was
 * terminated is started again). An idle outbox costs no history: no signal, no timer.
 */
export class OutboxWatcher<I> {
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;

  constructor(
    private readonly client: () => Promise<Client>,
    private readonly options: OutboxWatcherOptions<I>,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const { workflow, workflowId, taskQueue, args, pollIntervalMs } = this.options;
    try {
      const handle = await (await this.client()).workflow.start(workflow, { workflowId, taskQueue, args, workflowIdConflictPolicy: 'USE_EXISTING' });
      this.logger.log({ workflowId: handle.workflowId, runId: handle.firstExecutionRunId, pollIntervalMs }, 'outbox dispatcher running');
    } catch (error) {
      // The watcher's signal-with-start tries again at its next poll.
      this.logger.error({ err: error, workflowId }, 'could not start the outbox dispatcher; the outbox watcher will retry');
    }
    this.timer = setInterval(() => {
      this.tick ??= this.watch().finally(() => (this.tick = undefined));
    }, pollIntervalMs);
    this.timer.unref();
  }

  /** One look at the outbox; a signal only when something is due. */
  private async watch(): Promise<void> {
    const { workflow, workflowId, taskQueue, args, wake } = this.options;
    try {
      if (!(await this.options.hasDueWork())) return;
      await (await this.client()).workflow.signalWithStart(workflow, { workflowId, taskQueue, args, signal: wake, signalArgs: [] });
    } catch (error) {
      this.logger.warn({ err: error, workflowId }, 'outbox watcher: could not wake the dispatcher');
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.tick;
  }
}
