import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { temporalConfigFromEnv, temporalConnectionOptions, temporalDataConverter, type TemporalConfig } from '@donthu/temporal';
import {
  notificationDispatcherWorkflowId,
  wakeNotificationDispatcherSignal,
  type NotificationDispatcherInput,
} from '../../../../workflows/src/notifications/notification-contract';
import { notificationDispatcherWorkflow } from '../../../../workflows/src/notifications/notification-dispatcher.workflow';
import { NOTIFICATION_CONFIG } from './notification-activities.service';
import type { NotificationConfig } from './notification-config';
import { NotificationOutbox } from './notification-outbox';

/**
 * Keeps the notification dispatcher workflow running: starts it when the worker boots (fixed id
 * per task queue, USE_EXISTING: a running dispatcher is left as it is), and watches the outbox
 * every NOTIFICATION_POLL_INTERVAL_MS of wall-clock time; when rows are due it signals the
 * dispatcher (signal-with-start: a dispatcher that was terminated is started again).
 */
@Injectable()
export class NotificationDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationDispatcher');
  private readonly outbox: NotificationOutbox;
  private readonly temporal: TemporalConfig = temporalConfigFromEnv();
  private connection: Connection | undefined;
  private client: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {
    this.outbox = new NotificationOutbox(dataSource);
  }

  get workflowId(): string {
    return notificationDispatcherWorkflowId(this.temporal.taskQueue);
  }

  private get input(): NotificationDispatcherInput {
    return this.config.dispatcherHistoryLimit ? { historyLimit: this.config.dispatcherHistoryLimit } : {};
  }

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await Connection.connect(temporalConnectionOptions(this.temporal));
    this.client = new Client({ connection: this.connection, namespace: this.temporal.namespace, dataConverter: temporalDataConverter(process.env, () => undefined) });
    try {
      const handle = await this.client.workflow.start(notificationDispatcherWorkflow, {
        workflowId: this.workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [this.input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      this.logger.log({ workflowId: handle.workflowId, runId: handle.firstExecutionRunId, pollIntervalMs: this.config.pollIntervalMs }, 'notification dispatcher running');
    } catch (error) {
      // The watcher's signal-with-start tries again at its next poll.
      this.logger.error({ err: error }, 'could not start the notification dispatcher; the outbox watcher will retry');
    }
    this.timer = setInterval(() => {
      this.tick ??= this.watch().finally(() => (this.tick = undefined));
    }, this.config.pollIntervalMs);
    this.timer.unref();
  }

  /** One look at the outbox; a signal only when something is due (an idle outbox costs no history). */
  private async watch(): Promise<void> {
    try {
      if (!this.client || !(await this.outbox.hasDueWork())) return;
      await this.client.workflow.signalWithStart(notificationDispatcherWorkflow, {
        workflowId: this.workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [this.input],
        signal: wakeNotificationDispatcherSignal,
        signalArgs: [],
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox watcher: could not wake the notification dispatcher');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.tick;
    await this.connection?.close();
  }
}
